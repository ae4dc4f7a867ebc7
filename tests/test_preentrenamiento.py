"""Pruebas del preentrenamiento (``curso_llm.entrenamiento``) con el modelo «micro»."""

import json
import math

import pytest
import torch

from curso_llm.datos import corpus_narrativo
from curso_llm.entrenamiento import empaquetar, preentrenar
from curso_llm.modelos import config_llama, crear_modelo
from curso_llm.tokenizacion import entrenar_tokenizador


@pytest.fixture(scope="module")
def tok():
    torch.set_num_threads(1)
    return entrenar_tokenizador(corpus_narrativo("validation"), tam_vocab=512)


def test_empaquetar(tok):
    textos = corpus_narrativo("validation")[:10]
    datos = empaquetar(textos, tok, long_secuencia=32)
    ids = sum((tok(t)["input_ids"] + [tok.eos_token_id] for t in textos), [])
    assert datos.bloques.shape == (len(ids) // 32, 32)
    assert datos.bloques.flatten().tolist() == ids[: len(ids) // 32 * 32]
    ejemplo = datos[0]
    assert torch.equal(ejemplo["input_ids"], ejemplo["labels"])
    with pytest.raises(ValueError, match="no llegan a un bloque"):
        empaquetar(["hola"], tok, long_secuencia=512)


def test_preentrenar_micro(tok, tmp_path):
    modelo = crear_modelo(config_llama("micro", tam_vocab=len(tok)))
    antes = [p.clone() for p in modelo.parameters()]
    resultado = preentrenar(modelo, tok, corpus_narrativo("validation")[:40], pasos=3,
                            tam_lote=2, long_secuencia=32, tasa_aprendizaje=1e-3,
                            perfil="cpu", directorio_salida=tmp_path, registro_cada=1)
    assert len(resultado["historial"]) == 3
    assert all(math.isfinite(p) for _, p in resultado["historial"])
    assert resultado["tokens"] == 3 * 2 * 32 and resultado["tokens_por_segundo"] > 0
    assert any(not torch.equal(a, p) for a, p in zip(antes, modelo.parameters()))
    assert not modelo.training


def test_script_modelo_base(tmp_path):
    from transformers import LlamaForCausalLM

    from curso_llm.entrenamiento.modelo_base import construir_modelo_base
    from curso_llm.modelos import contar_parametros
    from curso_llm.tokenizacion import cargar_tokenizador

    salida = tmp_path / "base"
    metricas = construir_modelo_base(salida=salida, pasos=2, tamano="micro", n_lectura=200,
                                     n_notas=50, n_eval=3, tam_lote=2, long_secuencia=32,
                                     pasos_lectura=2, n_lectura_multiple=50)
    for archivo in ("model.safetensors", "config.json", "tokenizer.json", "metricas.json"):
        assert (salida / archivo).is_file()
    guardadas = json.loads((salida / "metricas.json").read_text(encoding="utf-8"))
    assert guardadas["pasos"] == guardadas["pasos_lectura"] == 2 and math.isfinite(guardadas["perplejidad_validacion"])
    assert 0.0 <= metricas["exactitud_libro_abierto"] <= 1.0
    modelo = LlamaForCausalLM.from_pretrained(str(salida), dtype=torch.float32)
    assert contar_parametros(modelo) == metricas["parametros"]
    assert len(cargar_tokenizador(salida)) == metricas["tam_vocab"]
