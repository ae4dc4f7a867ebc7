"""Ejercicio 3.6: extraer n-gramas.

Escribe ``extraer_ngramas(tokens, n)``: recibe una lista de tokens y un entero ``n ≥ 1`` y
devuelve la lista de sus n-gramas **en orden**, cada uno como una tupla de ``n`` tokens
consecutivos. Hay ``len(tokens) - n + 1`` n-gramas; si ``len(tokens) < n``, la lista vacía.

Ejemplo: ``extraer_ngramas(["el", "gato", "come", "pan"], 2)`` →
``[("el", "gato"), ("gato", "come"), ("come", "pan")]``.

Califícalo con ``pytest exercises/cap03_nlp/test_ej06_ngramas.py``
o, en un cuaderno, con ``calificar("3.6", extraer_ngramas)``.
"""


def extraer_ngramas(tokens: list[str], n: int) -> list[tuple[str, ...]]:
    raise NotImplementedError("Ejercicio 3.6: implementa extraer_ngramas.")
