"""Callbacks de seguimiento del preentrenamiento (``curso_llm.entrenamiento.seguimiento``)."""

import math

import pytest
import torch

from curso_llm.datos import corpus_narrativo, empaquetar
from curso_llm.entrenamiento import preentrenar
from curso_llm.entrenamiento.seguimiento import (
    InterrumpirEn,
    PerplejidadValidacion,
    TasaAprendizaje,
    perdida_bloques,
)
from curso_llm.evaluacion import perplejidad
from curso_llm.modelos import config_llama, crear_modelo
from curso_llm.tokenizacion import entrenar_tokenizador


@pytest.fixture(scope="module")
def tok():
    torch.set_num_threads(1)
    return entrenar_tokenizador(corpus_narrativo("validation"), tamano_vocabulario=512)


@pytest.fixture(scope="module")
def modelo(tok):
    return crear_modelo(config_llama("micro", tamano_vocabulario=len(tok), long_max=32), semilla=3)


def test_perdida_bloques_como_la_perplejidad_de_evaluacion(tok, modelo):
    textos = corpus_narrativo("test")[:12]
    bloques = empaquetar(textos, tok, 32)
    modelo.train()
    perdida = perdida_bloques(modelo, bloques, tamano_lote=5)  # el último lote es incompleto
    assert modelo.training  # vuelve al modo en que estaba
    assert math.exp(perdida) == pytest.approx(perplejidad(modelo, tok, textos, long_secuencia=32),
                                              rel=1e-5)
    # A mano: media de la entropía cruzada de cada bloque (todos aportan 31 predicciones).
    with torch.no_grad():
        a_mano = sum(modelo(input_ids=b[None], labels=b[None]).loss.item()
                     for b in bloques.bloques) / len(bloques)
    assert perdida == pytest.approx(a_mano, rel=1e-5)
    assert perdida_bloques(modelo, bloques.bloques) == pytest.approx(perdida, rel=1e-6)


def test_errores_en_espanol(modelo):
    with pytest.raises(ValueError, match="'validacion'.*empaquetar"):
        PerplejidadValidacion(["un texto"], cada=5)
    with pytest.raises(ValueError, match="'validacion'.*long"):
        PerplejidadValidacion(torch.zeros(3, 8), cada=5)  # float, no enteros
    with pytest.raises(ValueError, match="'validacion'"):
        perdida_bloques(modelo, torch.zeros(0, 8, dtype=torch.long))
    with pytest.raises(ValueError, match="'cada'"):
        PerplejidadValidacion(torch.zeros(3, 8, dtype=torch.long), cada=0)
    with pytest.raises(ValueError, match="'paso'"):
        InterrumpirEn(0)


def test_callbacks_en_un_entrenamiento(tok, tmp_path):
    datos = empaquetar(corpus_narrativo("validation")[:30], tok, 32)
    validacion = empaquetar(corpus_narrativo("test")[:10], tok, 32)
    modelo = crear_modelo(config_llama("micro", tamano_vocabulario=len(tok), long_max=32))
    antes = perdida_bloques(modelo, validacion)
    seguimiento, tasas = PerplejidadValidacion(validacion, cada=4), TasaAprendizaje()
    resultado = preentrenar(modelo, tok, datos, pasos=10, tamano_lote=4, long_secuencia=32,
                            tasa_aprendizaje=1e-2, perfil="cpu", calentamiento=2,
                            registro_cada=1, callbacks=[seguimiento, tasas, InterrumpirEn(7)])
    # Mide en el paso 0 (antes de entrenar) y cada 4; la interrupción corta tras el paso 7.
    assert [p for p, _, _ in seguimiento.historial] == [0, 4]
    assert seguimiento.historial[0][1] == pytest.approx(antes, rel=1e-6)
    assert all(v == pytest.approx(math.exp(p)) for _, p, v in seguimiento.historial)
    assert seguimiento.historial[1][1] < seguimiento.historial[0][1]  # aprende algo en 4 pasos
    assert [p for p, _ in resultado["historial"]] == list(range(1, 8))
    # Las tasas son las del planificador de 10 pasos (calentamiento 2 + coseno), no de 7.
    from transformers import get_cosine_schedule_with_warmup

    opt = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=1e-2)
    plan = get_cosine_schedule_with_warmup(opt, num_warmup_steps=2, num_training_steps=10)
    esperadas = []
    for _ in range(7):
        esperadas.append(opt.param_groups[0]["lr"])
        opt.step()
        plan.step()
    assert [p for p, _ in tasas.historial] == list(range(1, 8))
    assert [t for _, t in tasas.historial] == pytest.approx(esperadas)
