"""Ejercicio 2.4: un paso de Adam con corrección del sesgo.

Escribe ``paso_adam(param, grad, m, v, t, tasa, beta1, beta2, eps)``, un paso de Adam
(Kingma y Ba, 2015) como ``torch.optim.Adam``:

    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    param = param - tasa * m_hat / (sqrt(v_hat) + eps)

- ``param``, ``grad``, ``m``, ``v``: tensores de la misma forma (``m`` y ``v`` empiezan en
  ceros);
- ``t``: número del paso, un entero que EMPIEZA EN 1 (primer paso: ``t=1``);
- ``tasa``, ``beta1``, ``beta2``, ``eps``: floats.

Devuelve la tupla ``(param_nuevo, m_nuevo, v_nuevo)`` sin modificar los tensores de entrada.

Califícalo con ``pytest exercises/cap02_redes_neuronales/test_ej04_adam.py``
o, en un cuaderno, con ``calificar("2.4", paso_adam)``.
"""

import torch


def paso_adam(
    param: torch.Tensor,
    grad: torch.Tensor,
    m: torch.Tensor,
    v: torch.Tensor,
    t: int,
    tasa: float = 1e-3,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    raise NotImplementedError("Ejercicio 2.4: implementa paso_adam.")
