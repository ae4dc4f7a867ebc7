"""Ejercicio 6.1: de Alpaca a mensajes.

Escribe ``alpaca_a_mensajes(fila, sistema=None)``, que convierte un ejemplo en formato Alpaca
en la lista de mensajes del formato conversacional (el que usan transformers y TRL):

- ``fila`` es un diccionario con ``"instruction"`` (texto), ``"output"`` (texto) y, a veces,
  ``"input"`` (texto, ``""``, ``None`` o ausente).
- El turno del usuario, ``{"role": "user", "content": ...}``, es la instrucción; si la
  entrada tiene texto (algo más que espacios en blanco: espacios, tabuladores o saltos de
  línea), se añade tras UNA LÍNEA EN BLANCO:
  ``instruction + "\\n\\n" + input``. Si no, solo la instrucción.
- El turno del asistente, ``{"role": "assistant", "content": ...}``, es ``output``.
- Si ``sistema`` es un texto no vacío, la lista empieza con
  ``{"role": "system", "content": sistema}``; con ``None`` o ``""`` no hay mensaje de sistema.
- Copia los textos tal cual (sin quitar espacios) y no modifiques ``fila``.

Ejemplo: ``{"instruction": "Resume la nota.", "input": "Tos desde ayer.", "output": "Tos
aguda."}`` da ``[{"role": "user", "content": "Resume la nota.\\n\\nTos desde ayer."},
{"role": "assistant", "content": "Tos aguda."}]``.

Califícalo con ``pytest exercises/cap06_datos/test_ej01_alpaca_a_mensajes.py`` o, en un
cuaderno, con ``calificar("6.1", alpaca_a_mensajes)``.
"""


def alpaca_a_mensajes(fila: dict, sistema: str | None = None) -> list[dict]:
    raise NotImplementedError("Ejercicio 6.1: implementa alpaca_a_mensajes.")
