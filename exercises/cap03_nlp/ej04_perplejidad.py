"""Ejercicio 3.4: perplejidad de un modelo de bigramas.

Escribe ``perplejidad_bigramas(probabilidades, secuencia)``:

- ``probabilidades``: ``np.ndarray`` ``(V, V)``; ``probabilidades[i, j]`` = P(j | i).
- ``secuencia``: lista de ``N + 1`` índices enteros (el primero, p. ej. ``<s>``, solo es
  contexto).

Hay ``N`` predicciones: el token ``s[i]`` dado ``s[i-1]``, para ``i = 1 .. N``. Devuelve un
``float``:

    perplejidad = exp( -(1/N) · sum_i ln P[s[i-1], s[i]] )

con ``ln`` el logaritmo natural. Un modelo uniforme (todas las probabilidades 1/V) tiene
perplejidad exactamente V.

Califícalo con ``pytest exercises/cap03_nlp/test_ej04_perplejidad.py``
o, en un cuaderno, con ``calificar("3.4", perplejidad_bigramas)``.
"""

import numpy as np


def perplejidad_bigramas(probabilidades: np.ndarray, secuencia: list[int]) -> float:
    raise NotImplementedError("Ejercicio 3.4: implementa perplejidad_bigramas.")
