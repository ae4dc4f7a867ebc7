"""Ejercicio 1.4: divergencia de Kullback-Leibler.

Escribe ``divergencia_kl(p, q)`` que devuelva ``KL(p || q) = sum_i p_i log(p_i / q_i)`` en
nats (logaritmo natural):

- ``p``: la distribución «verdadera» (los datos), ``q``: la aproximación (el modelo).
  Ambas son arreglos de NumPy de la misma forma ``(..., C)``; cada corte del último eje es
  una distribución (no negativa, suma 1).
- Devuelve la KL a lo largo del último eje: un ``float`` si la entrada es un vector, o un
  arreglo de forma ``(...)`` para un lote de distribuciones.
- Convenio: los términos con ``p_i = 0`` valen 0 (aunque ``q_i`` sea 0 también).

Cuidado: la KL **no es simétrica**; el orden de los argumentos importa.

Califícalo con ``pytest exercises/cap01_matematicas/test_ej04_divergencia_kl.py``
o, en un cuaderno, con ``calificar("1.4", divergencia_kl)``.
"""

import numpy as np


def divergencia_kl(p: np.ndarray, q: np.ndarray):
    raise NotImplementedError("Ejercicio 1.4: implementa divergencia_kl.")
