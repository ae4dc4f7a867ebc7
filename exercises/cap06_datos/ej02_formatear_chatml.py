"""Ejercicio 6.2: la plantilla ChatML.

Escribe ``formatear_chatml(mensajes, anadir_prompt_generacion=False)``, que devuelve el texto
que escribe la plantilla de chat del tokenizador del curso (ChatML) para una conversación:

- ``mensajes`` es una lista de diccionarios ``{"role": ..., "content": ...}`` (puede estar
  vacía). Cada mensaje se escribe como ``"<|im_start|>" + rol + "\\n" + contenido +
  "<|im_end|>" + "\\n"``, en orden y sin nada entre uno y otro.
- Con ``anadir_prompt_generacion=True`` se añade al final ``"<|im_start|>assistant\\n"``: la
  cabecera del turno que el modelo debe escribir, SIN cerrar.
- Copia roles y contenidos tal cual (el contenido puede tener saltos de línea).

Ejemplo: ``[{"role": "user", "content": "Hola"}]`` con ``anadir_prompt_generacion=True`` da
``"<|im_start|>user\\nHola<|im_end|>\\n<|im_start|>assistant\\n"``.

El resultado debe ser idéntico a
``tokenizador.apply_chat_template(mensajes, tokenize=False, add_generation_prompt=...)`` con
``tokenizador = curso_llm.modelos.tokenizador_base()``.

Califícalo con ``pytest exercises/cap06_datos/test_ej02_formatear_chatml.py`` o, en un
cuaderno, con ``calificar("6.2", formatear_chatml)``.
"""


def formatear_chatml(mensajes: list[dict], anadir_prompt_generacion: bool = False) -> str:
    raise NotImplementedError("Ejercicio 6.2: implementa formatear_chatml.")
