"""Puntos de control y reanudación: interrumpir y reanudar da lo mismo que no interrumpir."""

import json
import shutil

import pytest
import torch

from curso_llm.datos import corpus_narrativo, empaquetar
from curso_llm.entrenamiento import preentrenar
from curso_llm.entrenamiento.seguimiento import (
    InterrumpirEn,
    PerplejidadValidacion,
    TasaAprendizaje,
)
from curso_llm.modelos import config_llama, crear_modelo
from curso_llm.tokenizacion import entrenar_tokenizador

PASOS, LOTE, LONG = 24, 4, 32
# 24 pasos × 4 bloques = 96 ejemplos de 70: el entrenamiento cruza el final de una época, y la
# reanudación (desde el paso 16) tiene que saltar la parte ya vista de la segunda época.


@pytest.fixture(scope="module")
def tok():
    torch.set_num_threads(1)
    return entrenar_tokenizador(corpus_narrativo("validation"), tamano_vocabulario=512)


@pytest.fixture(scope="module")
def datos(tok):
    datos = empaquetar(corpus_narrativo("validation")[:40], tok, LONG)
    datos.bloques = datos.bloques[:70]
    assert len(datos) == 70
    return datos


def _entrenar(tok, datos, directorio, **kwargs):
    modelo = crear_modelo(config_llama("micro", tamano_vocabulario=len(tok), long_max=LONG),
                          semilla=0)
    resultado = preentrenar(modelo, tok, datos, pasos=PASOS, tamano_lote=LOTE, long_secuencia=LONG,
                            tasa_aprendizaje=3e-3, perfil="cpu", directorio_salida=directorio,
                            semilla=0, registro_cada=4, guardar_cada=8, calentamiento=4, **kwargs)
    return modelo, resultado


def test_interrumpir_y_reanudar_da_lo_mismo(tok, datos, tmp_path):
    # Seguido, con los callbacks de seguimiento (que no deben cambiar nada del entrenamiento).
    validacion = PerplejidadValidacion(datos.bloques[:8], cada=8)
    tasas = TasaAprendizaje()
    seguido, r_seguido = _entrenar(tok, datos, tmp_path / "seguido", callbacks=[validacion, tasas])
    assert [p for p, _, _ in validacion.historial] == [0, 8, 16, 24]
    assert [p for p, _ in tasas.historial] == list(range(1, PASOS + 1))

    # Interrumpido en el paso 20: el último punto de control es el del paso 16.
    cortado, r_cortado = _entrenar(tok, datos, tmp_path / "cortado", callbacks=[InterrumpirEn(20)])
    assert [p for p, _ in r_cortado["historial"]] == [4, 8, 12, 16, 20]
    puntos = sorted(p.name for p in (tmp_path / "cortado").glob("checkpoint-*"))
    assert puntos == ["checkpoint-16", "checkpoint-8"]
    assert any(not torch.equal(a, b) for a, b in zip(seguido.parameters(), cortado.parameters()))
    contenido = {p.name for p in (tmp_path / "cortado" / "checkpoint-16").iterdir()}
    assert {"model.safetensors", "optimizer.pt", "scheduler.pt", "rng_state.pth",
            "trainer_state.json"} <= contenido
    estado = json.loads((tmp_path / "cortado" / "checkpoint-16" / "trainer_state.json").read_text())
    assert estado["global_step"] == 16 and estado["max_steps"] == PASOS

    # Reanudado desde el último punto de control (16), en un modelo recién creado: rehace los
    # pasos 17-20 y termina. Todo es determinista en CPU, así que se exige igualdad exacta.
    reanudado, r_reanudado = _entrenar(tok, datos, tmp_path / "cortado", reanudar_desde=True)
    assert r_reanudado["historial"] == r_seguido["historial"]
    assert r_reanudado["perdida_final"] == r_seguido["perdida_final"]
    for (nombre, a), b in zip(seguido.named_parameters(), reanudado.parameters()):
        assert torch.equal(a, b), f"{nombre}: diferencia {(a - b).abs().max().item():.3g}"


def test_errores_al_reanudar(tok, datos, tmp_path):
    modelo = crear_modelo(config_llama("micro", tamano_vocabulario=len(tok), long_max=LONG))
    comunes = dict(pasos=PASOS, tamano_lote=LOTE, long_secuencia=LONG, tasa_aprendizaje=1e-3,
                   perfil="cpu")
    (tmp_path / "vacia").mkdir()
    with pytest.raises(FileNotFoundError, match="No hay ningún punto de control"):
        preentrenar(modelo, tok, datos, directorio_salida=tmp_path / "vacia", reanudar_desde=True,
                    **comunes)
    with pytest.raises(ValueError, match="directorio_salida es None"):
        preentrenar(modelo, tok, datos, reanudar_desde=True, **comunes)
    with pytest.raises(FileNotFoundError, match="no es un punto de control completo"):
        preentrenar(modelo, tok, datos, reanudar_desde=tmp_path / "no-existe", **comunes)
    with pytest.raises(TypeError, match="reanudar_desde"):
        preentrenar(modelo, tok, datos, reanudar_desde=16, **comunes)

    # Un punto de control de verdad (2 pasos), luego estropeado o con otros pasos/lote.
    preentrenar(modelo, tok, datos, directorio_salida=tmp_path / "corto",
                **dict(comunes, pasos=2), guardar_cada=2)
    punto = tmp_path / "corto" / "checkpoint-2"
    with pytest.raises(ValueError, match="pasos=2"):
        preentrenar(modelo, tok, datos, directorio_salida=tmp_path / "corto", reanudar_desde=True,
                    **comunes)
    with pytest.raises(ValueError, match="tamano_lote=4"):
        preentrenar(modelo, tok, datos, reanudar_desde=punto,
                    **dict(comunes, pasos=2, tamano_lote=2))
    copia = tmp_path / "checkpoint-roto"
    shutil.copytree(punto, copia)
    (copia / "trainer_state.json").unlink()
    with pytest.raises(FileNotFoundError, match="falta trainer_state.json"):
        preentrenar(modelo, tok, datos, reanudar_desde=copia, **dict(comunes, pasos=2))
