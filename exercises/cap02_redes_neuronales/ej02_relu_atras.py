"""Ejercicio 2.2: el gradiente de la ReLU.

La ReLU calcula ``h = max(0, x)`` elemento a elemento. Escribe ``relu_atras(x, grad_salida)``:

- ``x``: la ENTRADA de la ReLU (cualquier forma);
- ``grad_salida``: ``dL/dh``, de la misma forma que ``x``.

Devuelve ``dL/dx``, de la misma forma que ``x``. En ``x = 0`` usa derivada 0, como PyTorch.
Usa solo operaciones de tensores (nada de ``backward``) y no modifiques las entradas.

Califícalo con ``pytest exercises/cap02_redes_neuronales/test_ej02_relu_atras.py``
o, en un cuaderno, con ``calificar("2.2", relu_atras)``.
"""

import torch


def relu_atras(x: torch.Tensor, grad_salida: torch.Tensor) -> torch.Tensor:
    raise NotImplementedError("Ejercicio 2.2: implementa relu_atras.")
