"""La app de Gradio del chatbot: conversación con historial, respuesta en directo, botón para
borrar el historial, controles de generación y el aviso de que todo es ficticio.

Gradio no envía estadísticas de uso desde aquí: ``GRADIO_ANALYTICS_ENABLED`` vale ``False``
salvo que la fijes tú antes de importar este módulo.
"""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402

from ..datos import AVISO_FICTICIO, preguntas_clinicas  # noqa: E402
from .logica import (  # noqa: E402
    AVISO_CHATBOT,
    MAX_TOKENS,
    SISTEMA_POR_DEFECTO,
    TEMPERATURA,
    TOP_P,
    historial_a_mensajes,
    responder_en_directo,
)

TITULO = "Asistente del mundo clínico ficticio (capítulo 7)"


def crear_app(modelo, tokenizador, sistema: str | None = SISTEMA_POR_DEFECTO,
              titulo: str = TITULO) -> gr.Blocks:
    """La app de Gradio (sin lanzar) que conversa con ``modelo``: un ``gr.Chatbot`` con su
    historial (formato «messages»), la respuesta en directo con
    :func:`~curso_llm.chatbot.logica.responder_en_directo`, un botón para borrar el historial,
    la temperatura (0 = voraz), el top-p y el máximo de tokens, y el aviso visible de que el
    mundo clínico es ficticio y nada de lo que dice es consejo médico.

    Lánzala con ``demo.launch()`` (en Colab, ``demo.launch(share=True)``). El evento de enviar
    se publica en la API como ``/responder`` (entradas: mensaje, historial, temperatura, top-p y
    máximo de tokens; salidas: la caja de texto vacía y el historial con la respuesta).

    Capítulo 7 (SFT).
    """
    ventana = getattr(modelo.config, "max_position_embeddings", None) or 2048
    max_tokens_tope = max(16, min(512, ventana // 2))

    def enviar(mensaje, historial, temperatura, top_p, max_tokens):
        historial = list(historial or [])
        if not isinstance(mensaje, str) or not mensaje.strip():
            gr.Warning("Escribe una pregunta antes de enviarla.")
            yield "", historial
            return
        try:
            mensajes = historial_a_mensajes(historial, mensaje, sistema)
        except ValueError as error:
            raise gr.Error(str(error)) from None
        historial = historial + [{"role": "user", "content": mensaje},
                                 {"role": "assistant", "content": ""}]
        yield "", historial
        try:
            for texto in responder_en_directo(modelo, tokenizador, mensajes,
                                              max_tokens=int(max_tokens),
                                              temperatura=float(temperatura), top_p=float(top_p)):
                historial[-1] = {"role": "assistant", "content": texto}
                yield "", historial
        except ValueError as error:
            raise gr.Error(str(error)) from None

    ejemplos = [p["pregunta"] for p in preguntas_clinicas("validation")[:3]]
    with gr.Blocks(title=titulo, analytics_enabled=False) as demo:
        gr.Markdown(f"# {titulo}")
        gr.Markdown(f"**Aviso:** {AVISO_CHATBOT}", elem_id="aviso")
        chatbot = gr.Chatbot(label="Conversación", height=420, placeholder=(
            "Pregunta sobre las enfermedades y los fármacos **inventados** del curso."))
        with gr.Row():
            entrada = gr.Textbox(label="Tu pregunta", placeholder="Escribe y pulsa Intro",
                                 scale=5, autofocus=True)
            boton = gr.Button("Enviar", variant="primary", scale=1)
        borrar = gr.Button("Borrar historial")
        with gr.Accordion("Controles de generación", open=False):
            temperatura = gr.Slider(0.0, 1.5, value=TEMPERATURA, step=0.05, label="Temperatura",
                                    info="0 = voraz (siempre el token más probable).")
            top_p = gr.Slider(0.05, 1.0, value=TOP_P, step=0.05, label="Top-p",
                              info="Muestrea solo entre los tokens que suman esta probabilidad.")
            max_tokens = gr.Slider(8, max_tokens_tope, value=min(MAX_TOKENS, max_tokens_tope),
                                   step=1, label="Máximo de tokens de la respuesta")
        gr.Examples(ejemplos, inputs=entrada, label="Ejemplos")
        gr.Markdown(AVISO_FICTICIO.replace("\n", " "))

        entradas = [entrada, chatbot, temperatura, top_p, max_tokens]
        boton.click(enviar, entradas, [entrada, chatbot], api_name="responder")
        entrada.submit(enviar, entradas, [entrada, chatbot], api_visibility="private")
        borrar.click(lambda: ("", []), None, [entrada, chatbot], api_name="borrar")
    return demo
