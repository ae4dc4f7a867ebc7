"""Capítulo 6 en GPU (``make gpu``): el laboratorio de 6 (los tres errores clásicos) con
``ajustar_con_etiquetas(..., perfil="gpu")`` y ``generar_chat`` en CUDA, sobre el modelo base
del curso (nada se descarga). Sin CUDA, ``conftest.py`` salta toda la carpeta.
"""

import pytest
import torch

from curso_llm import entorno, formatos
from curso_llm.datos import preguntas_clinicas
from curso_llm.entrenamiento.ajuste import ajustar_con_etiquetas
from curso_llm.generacion import generar_chat
from curso_llm.modelos import modelo_base, tokenizador_base

pytestmark = pytest.mark.gpu


def _conversacion(p):
    return [{"role": "user", "content": p["pregunta"]},
            {"role": "assistant", "content": p["respuesta"]}]


def test_cap06_ajuste_con_etiquetas_en_gpu_ensena_a_cerrar_el_turno():
    tokenizador = tokenizador_base()
    torch.manual_seed(0)
    modelo = modelo_base("cuda")
    entrenamiento = [formatos.tokenizar_conversacion(tokenizador, _conversacion(p))
                     for p in preguntas_clinicas("train")]
    nuevas = [_conversacion(p)[:1] for p in preguntas_clinicas("validation")]
    antes = generar_chat(modelo, tokenizador, nuevas, max_tokens=32)
    registro = ajustar_con_etiquetas(modelo, tokenizador, entrenamiento, pasos=60,
                                     tamano_lote=16, tasa_aprendizaje=5e-4, perfil="gpu")
    parametro = next(modelo.parameters())
    assert parametro.device.type == "cuda" and parametro.dtype == torch.float32
    assert registro["historial"][-1][1] < registro["historial"][0][1]
    despues = generar_chat(modelo, tokenizador, nuevas, max_tokens=32)
    assert sum(r["paro"] for r in antes) == 0
    assert sum(r["paro"] for r in despues) / len(despues) > 0.9
    assert entorno.elegir_dtype(torch.device("cuda")) in (torch.bfloat16, torch.float16)
