"""Ejercicio 1.6: capa lineal.

Escribe ``capa_lineal(x, W, b=None)``, la operación de ``torch.nn.Linear``:

    y = x @ W^T + b

- ``x``: arreglo de NumPy de forma ``(..., d_entrada)``, p. ej. ``(lote, d_entrada)`` o
  ``(lote, secuencia, d_entrada)``.
- ``W``: matriz de pesos de forma ``(d_salida, d_entrada)`` (la convención de
  ``nn.Linear.weight``: una fila por neurona de salida).
- ``b``: sesgo de forma ``(d_salida,)``, o ``None`` si la capa no tiene sesgo.

Devuelve un arreglo de forma ``(..., d_salida)``.

Califícalo con ``pytest exercises/cap01_matematicas/test_ej06_capa_lineal.py``
o, en un cuaderno, con ``calificar("1.6", capa_lineal)``.
"""

import numpy as np


def capa_lineal(x: np.ndarray, W: np.ndarray, b: np.ndarray | None = None) -> np.ndarray:
    raise NotImplementedError("Ejercicio 1.6: implementa capa_lineal.")
