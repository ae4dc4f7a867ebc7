"""Ejercicio 3.3: probabilidades de bigramas con suavizado add-k.

Escribe ``probabilidades_add_k(conteos, k)``:

- ``conteos``: ``np.ndarray`` de forma ``(V, V)``; ``conteos[i, j]`` es cuántas veces el
  token ``j`` aparece justo detrás del token ``i``.
- ``k``: número real > 0.

Devuelve ``P`` de forma ``(V, V)`` con

    P[i, j] = (conteos[i, j] + k) / (c(i) + k · V),   c(i) = sum_j conteos[i, j]

Cada fila ``P[i]`` es la distribución del token siguiente dado el anterior ``i`` y suma 1.

Califícalo con ``pytest exercises/cap03_nlp/test_ej03_bigramas_add_k.py``
o, en un cuaderno, con ``calificar("3.3", probabilidades_add_k)``.
"""

import numpy as np


def probabilidades_add_k(conteos: np.ndarray, k: float) -> np.ndarray:
    raise NotImplementedError("Ejercicio 3.3: implementa probabilidades_add_k.")
