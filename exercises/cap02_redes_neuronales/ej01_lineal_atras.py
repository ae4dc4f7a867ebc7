"""Ejercicio 2.1: retropropagación de una capa lineal.

Una capa lineal calcula ``y = x @ W.T + b`` (la convención de ``torch.nn.Linear``) con

- ``x``: entradas, forma ``(lote, entradas)``;
- ``W``: pesos, forma ``(salidas, entradas)``;
- ``b``: sesgo, forma ``(salidas,)``.

Escribe ``lineal_atras(x, W, grad_salida)``: recibe además ``grad_salida = dL/dy``, de forma
``(lote, salidas)``, y devuelve la tupla ``(grad_x, grad_W, grad_b)`` con los gradientes de la
pérdida ``L`` respecto a ``x``, ``W`` y ``b``. Cada gradiente tiene la forma de su tensor:
``(lote, entradas)``, ``(salidas, entradas)`` y ``(salidas,)``. Usa solo operaciones de
tensores (nada de ``backward``) y no modifiques las entradas.

Califícalo con ``pytest exercises/cap02_redes_neuronales/test_ej01_lineal_atras.py``
o, en un cuaderno, con ``calificar("2.1", lineal_atras)``.
"""

import torch


def lineal_atras(
    x: torch.Tensor, W: torch.Tensor, grad_salida: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    raise NotImplementedError("Ejercicio 2.1: implementa lineal_atras.")
