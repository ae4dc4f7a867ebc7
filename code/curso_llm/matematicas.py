"""Matemáticas para el aprendizaje automático (capítulo 1): funciones de referencia."""

from __future__ import annotations

import numpy as np


def softmax_estable(x: np.ndarray, eje: int = -1) -> np.ndarray:
    """Softmax numéricamente estable a lo largo de ``eje``.

    Resta el máximo antes de exponenciar: el resultado no cambia (se cancela al dividir),
    pero ``exp`` ya no desborda con entradas grandes.
    """
    x = np.asarray(x, dtype=np.float64)
    desplazado = x - np.max(x, axis=eje, keepdims=True)
    exponenciales = np.exp(desplazado)
    return exponenciales / np.sum(exponenciales, axis=eje, keepdims=True)
