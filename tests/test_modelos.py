"""Pruebas de ``curso_llm.modelos`` y del modelo base publicado con el paquete."""

import json
import time

import pytest
import torch

from curso_llm import modelos
from curso_llm.datos import corpus_narrativo, lectura_comprensiva
from curso_llm.evaluacion import exactitud_libro_abierto, normalizar_respuesta, perplejidad
from curso_llm.modelos import (
    ErrorModelo,
    config_llama,
    contar_parametros,
    crear_modelo,
    modelo_base,
    tokenizador_base,
)


@pytest.fixture(scope="module")
def metricas():
    return json.loads((modelos.ruta_modelo_base() / "metricas.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def base():
    torch.set_num_threads(1)
    inicio = time.perf_counter()
    modelo, tok = modelo_base(), tokenizador_base()
    return modelo, tok, time.perf_counter() - inicio


def test_tamanos_con_nombre():
    micro = crear_modelo(config_llama("micro"))
    assert 300_000 < contar_parametros(micro) < 700_000
    from transformers import LlamaForCausalLM

    with torch.device("meta"):  # sin reservar memoria ni inicializar pesos
        assert contar_parametros(LlamaForCausalLM(config_llama("diminuto"))) == 4_065_536
    with pytest.raises(ErrorModelo, match="Tamaño desconocido"):
        config_llama("gigante")


def test_crear_modelo_reproducible():
    a = crear_modelo(config_llama("micro"), semilla=1)
    b = crear_modelo(config_llama("micro"), semilla=1)
    assert all(torch.equal(x, y) for x, y in zip(a.parameters(), b.parameters()))
    a.model.embed_tokens.weight.requires_grad_(False)
    assert contar_parametros(a, solo_entrenables=True) < contar_parametros(a)


def test_modelo_base_se_carga_rapido(base, metricas):
    modelo, tok, segundos = base
    assert segundos < 5
    assert not modelo.training and modelo.dtype == torch.float32
    assert contar_parametros(modelo) == metricas["parametros"] == 4_065_536
    assert len(tok) == modelo.config.vocab_size == 4096
    assert (modelos.ruta_modelo_base() / "model.safetensors").stat().st_size <= 10 * 2**20


def test_perplejidad_coincide_con_metricas(base, metricas):
    modelo, tok, _ = base
    ppl = perplejidad(modelo, tok, corpus_narrativo("validation"), long_secuencia=128)
    assert ppl == pytest.approx(metricas["perplejidad_validacion"], rel=0.01)
    assert ppl < 20


def test_libro_abierto_rapido(base, metricas):
    modelo, tok, _ = base
    exactitud = exactitud_libro_abierto(modelo, tok, lectura_comprensiva(20, "test"))
    assert 0.0 <= exactitud <= 1.0
    assert normalizar_respuesta("  Quelmar. ") == "quelmar"


def test_cargar_modelo_cpu_devuelve_el_base():
    modelo = modelos.cargar_modelo(None, perfil="cpu")
    assert contar_parametros(modelo) == 4_065_536


def test_faltan_pesos(monkeypatch, tmp_path):
    monkeypatch.setattr(modelos, "ruta_modelo_base", lambda: tmp_path)
    with pytest.raises(ErrorModelo, match="python -m curso_llm.entrenamiento.modelo_base"):
        modelos.modelo_base()


def test_carpeta_local_invalida(tmp_path):
    with pytest.raises(ErrorModelo, match="no contiene un modelo válido"):
        modelos.cargar_modelo(str(tmp_path), perfil="cpu")
