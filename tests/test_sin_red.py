"""Todo el perfil ``cpu`` funciona sin red: modelo base, tokenizador, entrenamiento y
generación con los sockets bloqueados."""

import math
import socket

import pytest
import torch


@pytest.fixture
def sin_red(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")

    def prohibido(*args, **kwargs):
        raise OSError("Red prohibida en esta prueba")

    monkeypatch.setattr(socket.socket, "connect", prohibido)
    monkeypatch.setattr(socket.socket, "connect_ex", prohibido)
    monkeypatch.setattr(socket, "create_connection", prohibido)


def test_todo_sin_red(sin_red):
    from curso_llm.entrenamiento import preentrenar
    from curso_llm.modelos import config_llama, crear_modelo, modelo_base, tokenizador_base

    torch.set_num_threads(1)
    modelo, tok = modelo_base(), tokenizador_base()
    ids = tok("Documento: Ana vive en Quelmar.", return_tensors="pt")
    salida = modelo.generate(**ids, max_new_tokens=5, do_sample=False,
                             pad_token_id=tok.pad_token_id)
    assert salida.shape[1] == ids["input_ids"].shape[1] + 5

    micro = crear_modelo(config_llama("micro", tamano_vocabulario=len(tok)))
    textos = ["Ana vivía en Robledo, cerca del río."] * 40
    resultado = preentrenar(micro, tok, textos, pasos=1, tamano_lote=2, long_secuencia=32,
                            tasa_aprendizaje=1e-3, perfil="cpu")
    assert math.isfinite(resultado["perdida_final"])


def test_cargar_modelo_del_hub_sin_red_da_error_claro(sin_red):
    from curso_llm.modelos import ErrorModelo, cargar_modelo

    nombre = "curso-llm-pruebas/modelo-que-no-existe"
    for solo_local in (None, False):
        with pytest.raises(ErrorModelo) as info:
            cargar_modelo(nombre, perfil="cpu", solo_local=solo_local)
        mensaje = str(info.value)
        assert nombre in mensaje and "descargar" in mensaje and "perfil='cpu'" in mensaje
        assert info.value.__suppress_context__
