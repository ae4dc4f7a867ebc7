"""Ejercicio 1.5: similitud coseno.

Escribe ``similitud_coseno(a, b)``: el coseno del ángulo entre vectores,

    cos(a, b) = (a · b) / (||a||_2 ||b||_2)

calculado a lo largo del **último eje**:

- Si ``a`` y ``b`` son vectores de forma ``(d,)``, devuelve un número.
- Si son lotes, p. ej. ``a`` de forma ``(n, d)`` y ``b`` de forma ``(n, d)`` o ``(d,)``
  (NumPy difunde ``b`` a cada fila), devuelve un arreglo de forma ``(n,)``: la similitud de
  cada fila de ``a`` con la fila correspondiente de ``b``.

El resultado está siempre en [-1, 1] y no depende de la longitud de los vectores.

Califícalo con ``pytest exercises/cap01_matematicas/test_ej05_similitud_coseno.py``
o, en un cuaderno, con ``calificar("1.5", similitud_coseno)``.
"""

import numpy as np


def similitud_coseno(a: np.ndarray, b: np.ndarray):
    raise NotImplementedError("Ejercicio 1.5: implementa similitud_coseno.")
