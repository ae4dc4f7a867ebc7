"""Ejercicio 4.2: máscara causal.

Escribe ``mascara_causal(n)``: devuelve un tensor booleano de forma ``(n, n)`` donde el
elemento ``[i, j]`` vale ``True`` si la posición ``i`` puede atender a la posición ``j``.
En un modelo causal cada token ve a los anteriores **y a sí mismo**: ``True`` cuando
``j <= i`` y ``False`` cuando ``j > i``.

Ejemplo con ``n = 3``::

    [[ True, False, False],
     [ True,  True, False],
     [ True,  True,  True]]

Califícalo con ``pytest exercises/cap04_arquitectura/test_ej02_mascara_causal.py``
o, en un cuaderno, con ``calificar("4.2", mascara_causal)``.
"""

import torch


def mascara_causal(n: int) -> torch.Tensor:
    raise NotImplementedError("Ejercicio 4.2: implementa mascara_causal.")
