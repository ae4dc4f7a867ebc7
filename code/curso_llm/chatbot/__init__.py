"""El chatbot médico local del capítulo 7: una app de Gradio sobre el modelo ajustado, sin API
externa. La lógica (:mod:`curso_llm.chatbot.logica`) no necesita Gradio; la app
(:func:`curso_llm.chatbot.app.crear_app`) sí. Arráncalo con ``python -m curso_llm.chatbot``."""

from .logica import (
    AVISO_CHATBOT,
    SISTEMA_POR_DEFECTO,
    contar_tokens_prompt,
    conversaciones_chatbot,
    historial_a_mensajes,
    ids_fin_de_turno,
    modelo_chatbot,
    recortar_a_contexto,
    responder,
    responder_en_directo,
)

__all__ = [
    "AVISO_CHATBOT",
    "SISTEMA_POR_DEFECTO",
    "contar_tokens_prompt",
    "conversaciones_chatbot",
    "historial_a_mensajes",
    "ids_fin_de_turno",
    "modelo_chatbot",
    "recortar_a_contexto",
    "responder",
    "responder_en_directo",
]


def __getattr__(nombre):
    # Gradio solo se importa si hace falta la app: la lógica y sus pruebas no lo necesitan.
    if nombre == "crear_app":
        from .app import crear_app

        return crear_app
    raise AttributeError(f"module {__name__!r} has no attribute {nombre!r}")
