"""Ejercicio 3.1: normalizar texto en español.

Escribe ``normalizar_texto(texto)``: recibe una cadena y devuelve otra cadena que

1. está en minúsculas;
2. no tiene tildes ni diéresis («canción» → «cancion», «pingüino» → «pinguino»);
3. **conserva la ñ** («Año» → «año», no «ano»: son palabras distintas);
4. está en forma Unicode NFC, aunque la entrada venga en NFD (p. ej. «a» + U+0301).

Ejemplo: ``normalizar_texto("Ñandú PINGÜINO, canción")`` → ``"ñandu pinguino, cancion"``.
El resto de caracteres (espacios, puntuación, números) no cambia.

Pista de herramientas: ``unicodedata.normalize`` y ``unicodedata.combining``.

Califícalo con ``pytest exercises/cap03_nlp/test_ej01_normalizar_texto.py``
o, en un cuaderno, con ``calificar("3.1", normalizar_texto)``.
"""

import unicodedata  # noqa: F401


def normalizar_texto(texto: str) -> str:
    raise NotImplementedError("Ejercicio 3.1: implementa normalizar_texto.")
