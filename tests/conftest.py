"""Configuración común de las pruebas del paquete."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Las pruebas nunca descargan nada ni usan más de un hilo por defecto.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("CURSO_LLM_PERFIL", "cpu")
os.environ.setdefault("MPLBACKEND", "Agg")

# Las pruebas nunca escriben los intentos de quien aprende (~/.cache/curso_llm): desde que se
# carga este archivo, CURSO_LLM_ESTADO apunta a una carpeta temporal de la sesión, que
# heredan también los subprocesos y los núcleos de Jupyter que lancen las pruebas.
_CARPETA_ESTADO = Path(tempfile.mkdtemp(prefix="curso_llm_pruebas_"))
os.environ["CURSO_LLM_ESTADO"] = str(_CARPETA_ESTADO / "intentos.json")
atexit.register(shutil.rmtree, _CARPETA_ESTADO, ignore_errors=True)
# Tampoco leen ni escriben la caché de artefactos de quien aprende (curso_llm.artefactos): una
# entrada vieja escondería un fallo. La sesión de pruebas empieza con una caché vacía.
os.environ["CURSO_LLM_CACHE"] = str(_CARPETA_ESTADO / "cache_artefactos")
os.environ.pop("CURSO_LLM_SIN_CACHE", None)


@pytest.fixture(autouse=True)
def _estado_temporal(tmp_path, monkeypatch):
    """Además, cada prueba guarda sus intentos en su propia carpeta temporal."""
    monkeypatch.setenv("CURSO_LLM_ESTADO", str(tmp_path / "intentos.json"))
    monkeypatch.delenv("CURSO_LLM_LIBRO", raising=False)
