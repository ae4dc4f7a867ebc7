"""Perfiles, dispositivo, tipo numérico, semillas e hilos."""

import random

import numpy as np
import pytest
import torch

from curso_llm import entorno
from curso_llm.entorno import ErrorPerfil


def test_auto_sin_gpu_es_cpu(monkeypatch):
    monkeypatch.delenv("CURSO_LLM_PERFIL", raising=False)
    monkeypatch.setattr(entorno, "hay_gpu", lambda: False)
    assert entorno.elegir_perfil("auto") == "cpu"


def test_auto_con_gpu_es_gpu(monkeypatch):
    monkeypatch.delenv("CURSO_LLM_PERFIL", raising=False)
    monkeypatch.setattr(entorno, "hay_gpu", lambda: True)
    assert entorno.elegir_perfil("AUTO") == "gpu"


def test_variable_de_entorno_fuerza_el_perfil(monkeypatch):
    monkeypatch.setattr(entorno, "hay_gpu", lambda: True)
    monkeypatch.setenv("CURSO_LLM_PERFIL", "cpu")
    assert entorno.elegir_perfil("auto") == "cpu"
    monkeypatch.setenv("CURSO_LLM_PERFIL", "tpu")
    with pytest.raises(ErrorPerfil, match="CURSO_LLM_PERFIL"):
        entorno.elegir_perfil("auto")


def test_perfil_desconocido_da_error_claro():
    with pytest.raises(ErrorPerfil, match="Perfil desconocido: 'rapido'.*'auto', 'cpu' o 'gpu'"):
        entorno.elegir_perfil("rapido")


def test_gpu_sin_cuda_explica_la_salida(monkeypatch):
    monkeypatch.setattr(entorno, "hay_gpu", lambda: False)
    with pytest.raises(ErrorPerfil, match="no encuentra ninguna GPU.*perfil='cpu'"):
        entorno.elegir_perfil("gpu")


@pytest.mark.parametrize("capacidad, esperado", [((7, 5), torch.float16), ((8, 0), torch.bfloat16),
                                                 ((9, 0), torch.bfloat16)])
def test_dtype_segun_la_tarjeta(monkeypatch, capacidad, esperado):
    monkeypatch.setattr(torch.cuda, "get_device_capability", lambda d=None: capacidad)
    assert entorno.elegir_dtype(torch.device("cuda")) == esperado


def test_dtype_en_cpu_es_float32():
    assert entorno.elegir_dtype("cpu") == torch.float32


def test_semilla_hace_reproducible():
    entorno.fijar_semilla(123)
    a = (random.random(), np.random.rand(), torch.rand(1).item())
    entorno.fijar_semilla(123)
    b = (random.random(), np.random.rand(), torch.rand(1).item())
    assert a == b


def test_hilos(monkeypatch):
    original = torch.get_num_threads()
    try:
        assert entorno.configurar_hilos(1) == 1 and torch.get_num_threads() == 1
        monkeypatch.setenv("CURSO_LLM_HILOS", "dos")
        with pytest.raises(ErrorPerfil, match="CURSO_LLM_HILOS"):
            entorno.configurar_hilos()
        monkeypatch.setenv("CURSO_LLM_HILOS", "1")
        assert entorno.configurar_hilos() == 1
    finally:
        torch.set_num_threads(original)


def test_preparar_y_versiones(capsys):
    ent = entorno.preparar("cpu", semilla=0, hilos=1)
    assert ent.perfil == "cpu" and ent.dispositivo.type == "cpu" and ent.dtype == torch.float32
    assert "perfil=cpu" in str(ent)
    informe = entorno.informe_versiones()
    assert informe["torch"] == torch.__version__
    assert informe["plataforma"] in ("local", "Colab", "Binder")
    entorno.mostrar_versiones()
    assert "transformers" in capsys.readouterr().out


def test_deteccion_de_colab_y_binder(monkeypatch):
    monkeypatch.delenv("COLAB_RELEASE_TAG", raising=False)
    monkeypatch.delenv("BINDER_LAUNCH_HOST", raising=False)
    assert not entorno.en_colab() and not entorno.en_binder()
    monkeypatch.setenv("COLAB_RELEASE_TAG", "x")
    monkeypatch.setenv("BINDER_LAUNCH_HOST", "https://mybinder.org/")
    assert entorno.en_colab() and entorno.en_binder()
