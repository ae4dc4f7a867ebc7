"""Ejercicio 2.5: AdamW, Adam con decaimiento de pesos desacoplado.

Escribe ``paso_adamw(param, grad, m, v, t, tasa, beta1, beta2, eps, decaimiento)``, un paso de
AdamW (Loshchilov y Hutter, 2019) como ``torch.optim.AdamW(..., weight_decay=decaimiento)``.

El decaimiento de pesos está DESACOPLADO: no se suma al gradiente (ni entra en ``m`` ni en
``v``), sino que encoge el parámetro directamente, escalado por la tasa, antes del paso de
Adam::

    param = param * (1 - tasa * decaimiento)
    ... y después el paso de Adam del ejercicio 2.4 con el gradiente ``grad`` original.

Argumentos como en el ejercicio 2.4 (``t`` empieza en 1) más ``decaimiento`` (float ≥ 0).
Devuelve la tupla ``(param_nuevo, m_nuevo, v_nuevo)`` sin modificar los tensores de entrada.

Califícalo con ``pytest exercises/cap02_redes_neuronales/test_ej05_adamw.py``
o, en un cuaderno, con ``calificar("2.5", paso_adamw)``.
"""

import torch


def paso_adamw(
    param: torch.Tensor,
    grad: torch.Tensor,
    m: torch.Tensor,
    v: torch.Tensor,
    t: int,
    tasa: float = 1e-3,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
    decaimiento: float = 1e-2,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    raise NotImplementedError("Ejercicio 2.5: implementa paso_adamw.")
