"""curso_llm.chatbot: del historial de Gradio a los mensajes, el recorte a la ventana de
contexto, la parada en el fin de turno sin tokens especiales, el streaming igual que sin
streaming (voraz) y la app real en localhost preguntada por HTTP con gradio_client."""

import os
import socket

import pytest
import torch

from curso_llm.chatbot import (
    AVISO_CHATBOT,
    contar_tokens_prompt,
    historial_a_mensajes,
    ids_fin_de_turno,
    recortar_a_contexto,
    responder,
    responder_en_directo,
)
from curso_llm.modelos import modelo_base, tokenizador_base

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
SISTEMA = {"role": "system", "content": "Responde breve."}


@pytest.fixture(scope="module")
def tok():
    return tokenizador_base()


@pytest.fixture(scope="module")
def base():
    return modelo_base()


def _forzar(modelo, tok, token_id):
    """Una copia del modelo base que escribe ``token_id`` en cuanto iba a escribir su primer
    token voraz: la fila de ``token_id`` en la cabeza de salida pasa a ser el triple de la de
    ese token (la cabeza se desata de los embeddings para no cambiar la entrada)."""
    import copy

    copia = copy.deepcopy(modelo)
    mensajes = [SISTEMA, {"role": "user", "content": "¿Qué es la fiebre de Quelmar?"}]
    texto = tok.apply_chat_template(mensajes, tokenize=False, add_generation_prompt=True)
    ids = tok(texto, return_tensors="pt", add_special_tokens=False)["input_ids"]
    with torch.no_grad():
        primero = int(copia(ids).logits[0, -1].argmax())
        cabeza = copia.lm_head.weight.detach().clone()
        cabeza[token_id] = 3 * cabeza[primero]
    copia.lm_head.weight = torch.nn.Parameter(cabeza)
    return copia, mensajes


def test_historial_a_mensajes(tok):
    historial = [{"role": "user", "content": "Hola", "metadata": None},
                 {"role": "assistant", "content": [{"type": "text", "text": "Hola."}]},
                 {"role": "system", "content": "viejo"}]
    copia = [dict(m) for m in historial]
    mensajes = historial_a_mensajes(historial, "¿Y la tos?", sistema="Sé breve.")
    assert mensajes == [{"role": "system", "content": "Sé breve."},
                        {"role": "user", "content": "Hola"},
                        {"role": "assistant", "content": "Hola."},
                        {"role": "user", "content": "¿Y la tos?"}]
    assert historial == copia  # no modifica la entrada
    assert historial_a_mensajes(None, "Hola") == [{"role": "user", "content": "Hola"}]
    for malo, patron in (([], "vacío"), ([{"role": "bot", "content": "x"}], "role"),
                         ([{"content": "x"}], "role"), ("texto", "lista")):
        mensaje = "  " if patron == "vacío" else "Hola"
        with pytest.raises(ValueError, match=patron):
            historial_a_mensajes(malo if patron != "vacío" else [], mensaje)


def test_recorte_quita_turnos_antiguos_y_nunca_sistema_ni_ultimo(tok):
    turnos = [{"role": r, "content": f"mensaje número {i} " * 4}
              for i, r in enumerate(["user", "assistant"] * 4)]
    mensajes = [SISTEMA] + turnos + [{"role": "user", "content": "¿Qué es?"}]
    completo = contar_tokens_prompt(mensajes, tok)
    assert recortar_a_contexto(mensajes, tok, completo + 10, 10) == mensajes  # cabe justo
    recortado = recortar_a_contexto(mensajes, tok, completo + 9, 10)  # falta un token
    assert recortado[0] == SISTEMA and recortado[-1] == mensajes[-1]
    assert recortado[1]["role"] == "user" and len(recortado) == len(mensajes) - 2
    assert recortado[1:-1] == mensajes[3:-1]  # se van los más antiguos, por turnos
    solo = recortar_a_contexto(mensajes, tok, 60, 10)
    assert solo == [SISTEMA, mensajes[-1]]
    assert contar_tokens_prompt(solo, tok) <= 50
    assert len(mensajes) == 10  # la entrada sigue igual


def test_recorte_corta_el_ultimo_por_la_izquierda_o_da_error(tok):
    largo = [SISTEMA, {"role": "user", "content": "palabra " * 300 + "¿Qué es la tos?"}]
    recortado = recortar_a_contexto(largo, tok, 80, 20)
    assert recortado[0] == SISTEMA
    assert recortado[1]["content"].endswith("¿Qué es la tos?")
    assert len(recortado[1]["content"]) < len(largo[1]["content"])
    assert contar_tokens_prompt(recortado, tok) <= 60
    with pytest.raises(ValueError, match="mensaje de sistema"):
        recortar_a_contexto([{"role": "system", "content": "largo " * 100}, largo[1]], tok, 80, 20)
    with pytest.raises(ValueError, match="reserva_respuesta"):
        recortar_a_contexto(largo, tok, 80, 80)
    with pytest.raises(ValueError, match="usuario"):
        recortar_a_contexto(largo + [{"role": "assistant", "content": "x"}], tok, 80, 20)


@pytest.mark.parametrize("token", ["<|im_end|>", "<|endoftext|>"])
def test_para_en_el_fin_de_turno_sin_tokens_especiales(base, tok, token):
    assert set(ids_fin_de_turno(tok)) == {tok.convert_tokens_to_ids("<|im_end|>"),
                                          tok.eos_token_id}
    modelo, mensajes = _forzar(base, tok, tok.convert_tokens_to_ids(token))
    assert responder(modelo, tok, mensajes, max_tokens=40, temperatura=0) == ""
    sin_forzar = responder(base, tok, mensajes, max_tokens=40, temperatura=0)
    assert sin_forzar  # el modelo base sí escribe algo ahí


def test_sin_tokens_especiales_en_la_salida(base, tok):
    modelo, mensajes = _forzar(base, tok, tok.convert_tokens_to_ids("<|im_start|>"))
    texto = responder(modelo, tok, mensajes, max_tokens=12, temperatura=0)
    en_directo = list(responder_en_directo(modelo, tok, mensajes, max_tokens=12, temperatura=0))
    for especial in tok.all_special_tokens:
        assert especial not in texto and especial not in en_directo[-1]


def test_streaming_da_el_mismo_texto_que_sin_streaming(base, tok):
    mensajes = historial_a_mensajes([], "¿Qué síntomas tiene la fiebre de Quelmar?",
                                    "Responde breve.")
    texto = responder(base, tok, mensajes, max_tokens=40, temperatura=0)
    trozos = list(responder_en_directo(base, tok, mensajes, max_tokens=40, temperatura=0))
    assert texto and trozos[-1] == texto
    assert len(trozos) > 2 and all(trozos[i + 1].startswith(trozos[i][:-1])
                                   for i in range(len(trozos) - 1))
    a = responder(base, tok, mensajes, max_tokens=20, temperatura=1.0, top_p=0.9, semilla=3)
    b = responder(base, tok, mensajes, max_tokens=20, temperatura=1.0, top_p=0.9, semilla=3)
    assert a == b  # el muestreo con semilla es reproducible
    with pytest.raises(ValueError, match="top_p"):
        responder(base, tok, mensajes, top_p=0)


def _puerto_libre():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_la_app_responde_por_http(base, tok):
    pytest.importorskip("gradio")
    from gradio_client import Client

    from curso_llm.chatbot import crear_app

    demo = crear_app(base, tok)
    puerto = _puerto_libre()
    demo.launch(prevent_thread_lock=True, server_name="127.0.0.1", server_port=puerto,
                quiet=True)
    try:
        cliente = Client(f"http://127.0.0.1:{puerto}/", verbose=False)
        caja, historial = cliente.predict("¿Qué es la fiebre de Quelmar?", [], 0.0, 0.9, 24,
                                          api_name="/responder")
        assert caja == ""
        assert [m["role"] for m in historial] == ["user", "assistant"]
        respuesta = historial[-1]["content"]
        texto = respuesta if isinstance(respuesta, str) else "".join(
            p.get("text", "") for p in respuesta)
        assert texto.strip()
        assert any(AVISO_CHATBOT in str(c.get("props", {}).get("value", ""))
                   for c in demo.config["components"]), "el aviso no está visible en la app"
    finally:
        demo.close()
