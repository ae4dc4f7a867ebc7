"""Ejercicio 4.4: aplicar RoPE (codificación posicional rotatoria).

Escribe ``aplicar_rope(x, cos, sin)`` con la convención de Llama («rotate_half»):

- ``x``: tensor de forma ``(..., T, Dh)`` con ``Dh`` par (consultas o claves de una cabeza).
- ``cos`` y ``sin``: tensores de forma ``(T, Dh)``, como los que devuelve
  ``curso_llm.arquitectura.frecuencias_rope(Dh, T)``.

Divide la última dimensión en dos mitades, ``x1 = x[..., :Dh/2]`` y ``x2 = x[..., Dh/2:]``,
forma ``rotada = concatenar(-x2, x1)`` y devuelve::

    x * cos + rotada * sin

Así la dimensión ``i`` gira junto con la dimensión ``i + Dh/2`` (no con la ``i + 1``).
La salida es un tensor nuevo con la misma forma que ``x`` (no modifiques ``x``).

Califícalo con ``pytest exercises/cap04_arquitectura/test_ej04_rope.py``
o, en un cuaderno, con ``calificar("4.4", aplicar_rope)``.
"""

import torch


def aplicar_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("Ejercicio 4.4: implementa aplicar_rope.")
