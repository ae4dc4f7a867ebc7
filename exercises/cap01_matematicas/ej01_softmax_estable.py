"""Ejercicio 1.1: softmax estable.

Escribe ``softmax_estable(x, eje=-1)``: recibe un arreglo de NumPy de cualquier forma y
devuelve la softmax a lo largo de ``eje``:

    softmax(x)_i = exp(x_i) / sum_j exp(x_j)

Debe funcionar con valores grandes (p. ej. 1000.0) sin devolver ``nan`` ni ``inf``.

Califícalo con ``pytest exercises/cap01_matematicas/test_ej01_softmax_estable.py``
o, en un cuaderno, con ``calificar("1.1", softmax_estable)``.
"""

import numpy as np


def softmax_estable(x: np.ndarray, eje: int = -1) -> np.ndarray:
    raise NotImplementedError("Ejercicio 1.1: implementa softmax_estable.")
