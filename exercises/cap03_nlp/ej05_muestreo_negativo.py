"""Ejercicio 3.5: pérdida de muestreo negativo (word2vec skip-gram).

Escribe ``perdida_muestreo_negativo(centro, contexto, negativos)`` con tensores de PyTorch:

- ``centro``: ``(B, D)``, embeddings v de las palabras centrales.
- ``contexto``: ``(B, D)``, embeddings u de las palabras de contexto verdaderas.
- ``negativos``: ``(B, K, D)``, embeddings u de K palabras negativas por ejemplo.

Para cada ejemplo b:

    l_b = -ln σ(u_b · v_b) - sum_k ln σ(-u_{b,k} · v_b)

y la función devuelve un tensor escalar con la **media** de l_b sobre el lote. Debe ser
diferenciable (sin ``.item()`` ni NumPy por el camino).

Pista de herramientas: ``torch.nn.functional.logsigmoid`` es más estable que ``log(sigmoid)``.

Califícalo con ``pytest exercises/cap03_nlp/test_ej05_muestreo_negativo.py``
o, en un cuaderno, con ``calificar("3.5", perdida_muestreo_negativo)``.
"""

import torch
import torch.nn.functional as F  # noqa: F401


def perdida_muestreo_negativo(
    centro: torch.Tensor, contexto: torch.Tensor, negativos: torch.Tensor
) -> torch.Tensor:
    raise NotImplementedError("Ejercicio 3.5: implementa perdida_muestreo_negativo.")
