"""Ejercicio 4.6: dividir en cabezas.

Escribe ``dividir_cabezas(x, n_cabezas)``:

- ``x``: tensor de forma ``(B, T, D)`` (lote, posiciones, dimensión del modelo).
- ``n_cabezas``: número de cabezas ``H``, que divide a ``D``.

Devuelve un tensor de forma ``(B, H, T, D/H)`` donde la cabeza ``h`` recibe el trozo
**contiguo** ``x[:, :, h*Dh:(h+1)*Dh]`` de cada posición (``Dh = D / H``). Es decir,
``salida[:, h]`` es igual a ``x[:, :, h*Dh:(h+1)*Dh]``.

Califícalo con ``pytest exercises/cap04_arquitectura/test_ej06_dividir_cabezas.py``
o, en un cuaderno, con ``calificar("4.6", dividir_cabezas)``.
"""

import torch


def dividir_cabezas(x: torch.Tensor, n_cabezas: int) -> torch.Tensor:
    raise NotImplementedError("Ejercicio 4.6: implementa dividir_cabezas.")
