"""Ejercicio 4.1: atención de producto escalar escalada.

Escribe ``atencion_escalada(q, k, v, mascara=None)`` con tensores de PyTorch:

    Atención(Q, K, V) = softmax(Q Kᵀ / sqrt(d)) V

- ``q``: forma ``(..., Tq, d)``; ``k``: ``(..., Tk, d)``; ``v``: ``(..., Tk, dv)``. Las
  dimensiones iniciales ``...`` (lote, cabezas) pueden ser cualesquiera, también ninguna.
- ``mascara`` (opcional): tensor booleano difundible a ``(..., Tq, Tk)``; ``True`` significa
  «esta consulta puede atender a esta clave». Donde vale ``False`` el peso debe ser 0
  (pon ``-inf`` en la puntuación antes de la softmax).

Devuelve la tupla ``(salida, pesos)``: ``salida`` de forma ``(..., Tq, dv)`` y ``pesos`` de
forma ``(..., Tq, Tk)``, donde cada fila (una consulta) suma 1.

Califícalo con ``pytest exercises/cap04_arquitectura/test_ej01_atencion_escalada.py``
o, en un cuaderno, con ``calificar("4.1", atencion_escalada)``.
"""

import torch


def atencion_escalada(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mascara=None):
    raise NotImplementedError("Ejercicio 4.1: implementa atencion_escalada.")
