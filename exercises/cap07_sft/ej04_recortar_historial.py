"""Ejercicio 7.4: recortar el historial del chat para que quepa en la ventana.

Un chatbot manda al modelo toda la conversación en cada turno, y la ventana de contexto es
finita: cuando no cabe, hay que quitar turnos antiguos. Escribe
``recortar_historial(mensajes, tokens, presupuesto)``, que decide qué mensajes se conservan
sabiendo lo que cuesta cada uno (el chatbot del curso la usa en
``curso_llm.chatbot.logica.recortar_a_contexto``, con los costes que mide el tokenizador).

Contrato:

- ``mensajes`` es una lista de diccionarios ``{"role", "content"}`` (``role`` es
  ``"system"``, ``"user"`` o ``"assistant"``); ``tokens[i]`` es el coste en tokens del
  mensaje ``i``. El coste de una lista de mensajes es la suma de sus costes.
- El **mensaje de sistema** (el primero, si su rol es ``"system"`` y hay más de un mensaje)
  y el **último mensaje** se conservan siempre.
- Si el coste de todos ya es ≤ ``presupuesto`` (menor **o igual**: caber justo es caber),
  se conservan todos, tal cual.
- Si no, se quitan **de uno en uno, los más antiguos** tras el sistema. Después de cada
  quitado, si el primer mensaje que queda tras el sistema no es del usuario (es del
  asistente), también se quita: un recorte nunca deja la conversación empezando por una
  respuesta sin su pregunta. Se para en cuanto el coste de lo que queda es ≤ ``presupuesto``
  (no quites más de lo necesario).
- Si ni el sistema y el último mensaje caben, se devuelven solo esos dos (o solo el último,
  si no hay sistema): quien llama decide qué hacer con ellos.
- Devuelve una lista **nueva** con los mensajes conservados, en su orden original (pueden ser
  los mismos diccionarios). No modifiques ``mensajes`` ni ``tokens``: quien llama los sigue
  usando. Con ``mensajes`` vacío, devuelve ``[]``.
- Si ``tokens`` no tiene exactamente un coste por mensaje, lanza ``ValueError`` con un
  mensaje en español.

Ejemplo::

    >>> S = {"role": "system", "content": "Responde breve."}
    >>> u1 = {"role": "user", "content": "Hola"}
    >>> a1 = {"role": "assistant", "content": "Hola, ¿en qué te ayudo?"}
    >>> u2 = {"role": "user", "content": "¿Qué es la fiebre de Quelmar?"}
    >>> a2 = {"role": "assistant", "content": "Una fiebre ficticia."}
    >>> u3 = {"role": "user", "content": "¿Es contagiosa?"}
    >>> recortar_historial([S, u1, a1, u2, a2, u3], [5, 3, 8, 9, 6, 7], 30)
    [S, u2, a2, u3]

(Todos cuestan 38 > 30: se quita ``u1`` (35) y, como ``a1`` quedaría el primero, también
``a1`` (27 ≤ 30).)

Califícalo con ``pytest exercises/cap07_sft/test_ej04_recortar_historial.py`` o, en un
cuaderno, con ``calificar("7.4", recortar_historial)``.
"""


def recortar_historial(mensajes: list[dict], tokens: list[int], presupuesto: int) -> list[dict]:
    raise NotImplementedError("Ejercicio 7.4: implementa recortar_historial.")
