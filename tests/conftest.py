"""Configuración común de las pruebas del paquete."""

import os

import pytest

# Las pruebas nunca descargan nada ni usan más de un hilo por defecto.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("CURSO_LLM_PERFIL", "cpu")
os.environ.setdefault("MPLBACKEND", "Agg")


@pytest.fixture(autouse=True)
def _estado_temporal(tmp_path, monkeypatch):
    """Los intentos de ejercicios se guardan en una carpeta temporal, no en la del usuario."""
    monkeypatch.setenv("CURSO_LLM_ESTADO", str(tmp_path / "intentos.json"))
