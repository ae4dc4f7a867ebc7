"""Ejercicio 1.3: entropía cruzada a partir de logits y etiquetas.

Escribe ``entropia_cruzada_logits(logits, etiquetas)``, la pérdida de un clasificador (y de
un LLM, con una clase por token del vocabulario):

- ``logits``: arreglo de NumPy de forma ``(N, C)``: N ejemplos, C clases, valores reales.
- ``etiquetas``: arreglo de enteros de forma ``(N,)`` con la clase correcta de cada ejemplo.

Devuelve un ``float``: la media sobre los N ejemplos de ``-log softmax(logits_i)[etiquetas_i]``,
es decir, lo mismo que ``torch.nn.functional.cross_entropy(logits, etiquetas)``.

Debe ser estable con logits grandes (p. ej. ``[[1000.0, 0.0]]`` con etiqueta 1 da 1000.0,
no ``inf``): usa ``log softmax(z)_k = z_k - logsumexp(z)`` con el truco del máximo.

Califícalo con ``pytest exercises/cap01_matematicas/test_ej03_entropia_cruzada_logits.py``
o, en un cuaderno, con ``calificar("1.3", entropia_cruzada_logits)``.
"""

import numpy as np


def entropia_cruzada_logits(logits: np.ndarray, etiquetas: np.ndarray) -> float:
    raise NotImplementedError("Ejercicio 1.3: implementa entropia_cruzada_logits.")
