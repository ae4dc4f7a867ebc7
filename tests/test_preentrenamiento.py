"""Pruebas del preentrenamiento (``curso_llm.entrenamiento``) con el modelo «micro»."""

import dataclasses
import json
import math

import pytest
import torch

from curso_llm.datos import corpus_narrativo, empaquetar
from curso_llm.entrenamiento import preentrenar
from curso_llm.modelos import config_llama, crear_modelo
from curso_llm.tokenizacion import entrenar_tokenizador


@pytest.fixture(scope="module")
def tok():
    torch.set_num_threads(1)
    return entrenar_tokenizador(corpus_narrativo("validation"), tamano_vocabulario=512)


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
    modelo = crear_modelo(config_llama("micro", tamano_vocabulario=len(tok)))
    antes = [p.clone() for p in modelo.parameters()]
    resultado = preentrenar(modelo, tok, corpus_narrativo("validation")[:40], pasos=3,
                            tamano_lote=2, long_secuencia=32, tasa_aprendizaje=1e-3,
                            perfil="cpu", directorio_salida=tmp_path, registro_cada=1)
    assert len(resultado["historial"]) == 3
    assert all(math.isfinite(p) for _, p in resultado["historial"])
    assert resultado["tokens"] == 3 * 2 * 32 and resultado["tokens_por_segundo"] > 0
    assert any(not torch.equal(a, p) for a, p in zip(antes, modelo.parameters()))
    assert not modelo.training


def test_script_modelo_base(tmp_path):
    from transformers import LlamaForCausalLM

    import curso_llm
    from curso_llm.entrenamiento.modelo_base import PRESETS, construir_modelo_base
    from curso_llm.modelos import contar_parametros
    from curso_llm.tokenizacion import cargar_tokenizador

    salida = tmp_path / "base"
    metricas = construir_modelo_base(PRESETS["prueba"], salida=salida, orden="python -m x")
    for archivo in ("model.safetensors", "config.json", "tokenizer.json", "metricas.json"):
        assert (salida / archivo).is_file()
    guardadas = json.loads((salida / "metricas.json").read_text(encoding="utf-8"))
    assert guardadas["preset"]["pasos"] == PRESETS["prueba"].pasos
    assert guardadas["orden"] == "python -m x" and guardadas["semilla"] == 0
    assert guardadas["version_paquete"] == curso_llm.__version__
    assert math.isfinite(guardadas["perplejidad_validacion"])
    assert 0.0 <= metricas["exactitud_libro_abierto"] <= 1.0
    assert set(metricas["exactitud_libro_abierto_por_tipo"]) <= {"persona", "lugar", "objeto"}
    # El seguimiento midió la lectura durante el entrenamiento (cada 2 pasos de 4).
    assert [r["paso"] for r in metricas["seguimiento_lectura"]] == [2, 4]
    assert set(metricas["tokens_por_fuente"]) == {"lectura", "copia", "narrativo", "clinico"}
    modelo = LlamaForCausalLM.from_pretrained(str(salida), dtype=torch.float32)
    assert contar_parametros(modelo) == metricas["parametros"]
    assert len(cargar_tokenizador(salida)) == metricas["tamano_vocabulario"]


def test_modelo_base_determinista(tmp_path):
    """Dos construcciones con la misma semilla dan exactamente los mismos pesos."""
    from safetensors.torch import load_file

    from curso_llm.entrenamiento.modelo_base import PRESETS, construir_modelo_base

    preset = dataclasses.replace(PRESETS["prueba"], pasos=3, n_eval=3, seguimiento_cada=100)
    for nombre in ("a", "b"):
        construir_modelo_base(preset, salida=tmp_path / nombre)
    a = load_file(tmp_path / "a" / "model.safetensors")
    b = load_file(tmp_path / "b" / "model.safetensors")
    assert a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)
    # Y la semilla importa: con otra, otros pesos.
    construir_modelo_base(dataclasses.replace(preset, semilla=1), salida=tmp_path / "c")
    c = load_file(tmp_path / "c" / "model.safetensors")
    assert any(a[k].shape != c[k].shape or not torch.equal(a[k], c[k]) for k in a)


def test_mezcla_sin_duplicados_y_con_todas_las_fuentes():
    from curso_llm.entrenamiento.modelo_base import PRESETS, mezcla_preentrenamiento

    fuentes = mezcla_preentrenamiento(PRESETS["prueba"])
    assert all(fuentes[k] for k in ("lectura", "copia", "narrativo", "clinico"))
    no_clinicos = [t for k in ("lectura", "copia", "narrativo") for t in fuentes[k]]
    assert len(no_clinicos) == len(set(no_clinicos))
    assert all("\nCopia: " in t for t in fuentes["copia"])
    assert all(t.count("\nPregunta: ") == PRESETS["prueba"].preguntas_por_documento
               for t in fuentes["lectura"])


def test_presets_del_modelo_base():
    from curso_llm.entrenamiento.modelo_base import PRESETS

    # El preset «curso» es el del modelo publicado: sus métricas lo confirman.
    from curso_llm.modelos import ruta_modelo_base

    publicadas = json.loads((ruta_modelo_base() / "metricas.json").read_text(encoding="utf-8"))
    assert publicadas["preset"] == dataclasses.asdict(PRESETS["curso"])
    assert publicadas["orden"].startswith("python -m curso_llm.entrenamiento.modelo_base")
    assert PRESETS["prueba"].pasos < 10 and PRESETS["prueba"].tamano == "micro"


def test_main_lee_el_preset_y_entrena(tmp_path, monkeypatch):
    from curso_llm.entrenamiento import modelo_base

    recibido = {}

    def falso(preset, salida=None, orden=None):
        recibido.update(preset=preset, salida=salida, orden=orden)
        return {}

    # Solo el análisis de la línea de órdenes: el preset y las opciones que lo sustituyen.
    monkeypatch.setattr(modelo_base, "construir_modelo_base", falso)
    modelo_base.main(["--preset", "prueba", "--pasos", "3", "--tamano-lote", "4",
                      "--salida", str(tmp_path)])
    assert recibido["preset"] == modelo_base.PRESETS["prueba"].__class__(
        **{**modelo_base.PRESETS["prueba"].__dict__, "pasos": 3, "tamano_lote": 4})
    assert recibido["salida"] == str(tmp_path)
    assert recibido["orden"] == ("python -m curso_llm.entrenamiento.modelo_base --preset prueba "
                                 f"--pasos 3 --tamano-lote 4 --salida {tmp_path}")
    modelo_base.main([])
    assert recibido["preset"] == modelo_base.PRESETS["curso"]
    with pytest.raises(SystemExit):
        modelo_base.main(["--preset", "enorme"])
    monkeypatch.undo()

    # Y de verdad: dos pasos del preset diminuto en una carpeta temporal.
    salida = tmp_path / "main"
    metricas = modelo_base.main(["--preset", "prueba", "--pasos", "2", "--n-eval", "3",
                                 "--salida", str(salida)])
    assert metricas["preset"]["pasos"] == 2 and metricas["tokens_entrenamiento"] == 2 * 2 * 32
    assert len(metricas["historial_perdida"]) >= 1
    guardadas = json.loads((salida / "metricas.json").read_text(encoding="utf-8"))
    assert guardadas["tamano"] == "micro" and guardadas["preset"]["tamano_lote"] == 2


# --- Referencias de los ejercicios del capítulo 5 ----------------------------------------------


def test_empaquetar_documentos_como_empaquetar(tok):
    from curso_llm.datos import empaquetar_documentos

    textos = corpus_narrativo("validation")[:10]
    documentos = tok(textos, add_special_tokens=False)["input_ids"]
    copia = [list(d) for d in documentos]
    bloques = empaquetar_documentos(documentos, tok.eos_token_id, 32)
    assert documentos == copia
    assert bloques.dtype == torch.long
    assert torch.equal(bloques, empaquetar(textos, tok, long_secuencia=32).bloques)
    assert empaquetar_documentos([[1, 2], [3], []], 9, 3).tolist() == [[1, 2, 9], [3, 9, 9]]
    vacio = empaquetar_documentos([[1]], 9, 3)
    assert vacio.shape == (0, 3) and vacio.dtype == torch.long
    with pytest.raises(TypeError, match="documentos"):
        empaquetar_documentos([1, 2, 3], 9, 3)
    with pytest.raises(ValueError, match="long_secuencia"):
        empaquetar_documentos([[1, 2]], 9, 0)


def test_perplejidad_desde_logits_como_la_perdida_de_transformers(tok):
    from curso_llm.evaluacion import perplejidad_desde_logits

    modelo = crear_modelo(config_llama("micro", tamano_vocabulario=len(tok)))
    ids = torch.randint(0, len(tok), (3, 12), generator=torch.Generator().manual_seed(0))
    etiquetas = ids.clone()
    etiquetas[0, 7:] = -100
    etiquetas[2, 3] = -100
    with torch.no_grad():
        salida = modelo(input_ids=ids, labels=etiquetas)
    assert perplejidad_desde_logits(salida.logits, etiquetas) == pytest.approx(
        math.exp(salida.loss.item()), rel=1e-5)
    # Invariante a sumar una constante enorme a cada posición (estable).
    grandes = salida.logits.double() + 1e4
    assert perplejidad_desde_logits(grandes, etiquetas) == pytest.approx(
        math.exp(salida.loss.item()), rel=1e-5)
    with pytest.raises(ValueError, match="etiquetas"):
        perplejidad_desde_logits(salida.logits, etiquetas[:, :5])
    with pytest.raises(ValueError, match="ignorar"):
        perplejidad_desde_logits(salida.logits, torch.full_like(etiquetas, -100))


@pytest.mark.parametrize(("total", "calentamiento", "minima"), [
    (100, 10, 0.0), (37, 0, 0.0), (1000, 100, 0.0), (100, 10, 1e-5), (64, 7, 2.5e-4)])
def test_tasa_calentamiento_coseno_como_transformers(total, calentamiento, minima):
    from transformers import (
        get_cosine_schedule_with_warmup,
        get_cosine_with_min_lr_schedule_with_warmup,
    )

    from curso_llm.entrenamiento.preentrenamiento import tasa_calentamiento_coseno

    maxima = 1e-3
    optimizador = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=maxima)
    if minima == 0:
        programa = get_cosine_schedule_with_warmup(optimizador, calentamiento, total)
    else:
        programa = get_cosine_with_min_lr_schedule_with_warmup(optimizador, calentamiento, total,
                                                               min_lr=minima)
    for paso in range(total + 1):
        esperado = maxima * programa.lr_lambdas[0](paso)
        assert tasa_calentamiento_coseno(paso, total, calentamiento, maxima, minima) == \
            pytest.approx(esperado, rel=1e-12, abs=1e-18), paso


def test_tasa_calentamiento_coseno_errores():
    from curso_llm.entrenamiento.preentrenamiento import tasa_calentamiento_coseno

    with pytest.raises(ValueError, match="pasos_calentamiento"):
        tasa_calentamiento_coseno(0, 10, 10, 1e-3)
    with pytest.raises(ValueError, match="'paso'"):
        tasa_calentamiento_coseno(11, 10, 2, 1e-3)
    with pytest.raises(ValueError, match="tasa_minima"):
        tasa_calentamiento_coseno(3, 10, 2, 1e-3, 1e-2)
    with pytest.raises(TypeError, match="paso"):
        tasa_calentamiento_coseno(2.0, 10, 2, 1e-3)
