"""Ejercicio 2.3: un paso de SGD con momento.

Escribe ``paso_sgd_momentum(param, grad, velocidad, tasa, momento)`` con la convención de
``torch.optim.SGD(..., momentum=momento)``::

    velocidad_nueva = momento * velocidad + grad
    param_nuevo = param - tasa * velocidad_nueva

- ``param``, ``grad``, ``velocidad``: tensores de la misma forma (la primera velocidad es de
  ceros);
- ``tasa``: tasa de aprendizaje (float > 0); ``momento``: float en [0, 1).

Devuelve la tupla ``(param_nuevo, velocidad_nueva)`` sin modificar los tensores de entrada.

Califícalo con ``pytest exercises/cap02_redes_neuronales/test_ej03_sgd_momentum.py``
o, en un cuaderno, con ``calificar("2.3", paso_sgd_momentum)``.
"""

import torch


def paso_sgd_momentum(
    param: torch.Tensor,
    grad: torch.Tensor,
    velocidad: torch.Tensor,
    tasa: float,
    momento: float = 0.9,
) -> tuple[torch.Tensor, torch.Tensor]:
    raise NotImplementedError("Ejercicio 2.3: implementa paso_sgd_momentum.")
