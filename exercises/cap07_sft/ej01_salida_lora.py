"""Ejercicio 7.1: la salida de una capa lineal con LoRA.

LoRA congela el peso ``W`` de una capa lineal y le suma una corrección de rango bajo ``B A``
que sí se entrena. Escribe ``salida_lora(x, W, b, A, B, alfa)``, la salida de esa capa:

    y = x Wᵀ + b + (alfa / r) · x Aᵀ Bᵀ

Contrato:

- ``W`` es un tensor de forma ``(salida, entrada)`` (como ``nn.Linear.weight``).
- ``b`` es el sesgo, de forma ``(salida,)``, **o ``None``** si la capa no tiene sesgo (entonces
  no se suma nada).
- ``A`` tiene forma ``(r, entrada)`` y ``B`` forma ``(salida, r)``: ``A`` baja la entrada a
  ``r`` dimensiones y ``B`` la sube a ``salida``. El rango ``r`` es el número de **filas de
  A** (no lo recibes aparte).
- ``alfa`` es un número positivo; la corrección se multiplica por la escala ``alfa / r``.
- ``x`` tiene forma ``(..., entrada)`` con **cualquier número de dimensiones de lote**: un
  vector ``(entrada,)``, un lote ``(n, entrada)`` o ``(lote, secuencia, entrada)``. La salida
  tiene forma ``(..., salida)`` y el mismo tipo que ``x`` (``float32`` si ``x`` es
  ``float32``: no la pases a ``float64``).
- No modifiques ninguna entrada (ni ``x`` ni ``W``: no fusiones la corrección en ``W`` en su
  sitio).

Es lo que calcula ``curso_llm.lora.CapaLoRA`` (sin dropout), escrito con los tensores sueltos.

Ejemplo (``entrada = 3``, ``salida = 2``, ``r = 2``, ``alfa = 4``, escala 2)::

    >>> x = torch.tensor([1., 0., 2.])
    >>> W = torch.tensor([[1., 0., 0.], [0., 1., 1.]])
    >>> b = torch.tensor([0.5, -1.])
    >>> A = torch.tensor([[1., 0., 0.], [0., 0., 1.]])
    >>> B = torch.tensor([[1., 0.], [1., 1.]])
    >>> salida_lora(x, W, b, A, B, alfa=4)
    tensor([3.5000, 7.0000])

(``x Wᵀ + b = [1.5, 1]``; ``x Aᵀ = [1, 2]``, ``x Aᵀ Bᵀ = [1, 3]``, por 2 es ``[2, 6]``.)

Califícalo con ``pytest exercises/cap07_sft/test_ej01_salida_lora.py`` o, en un cuaderno,
con ``calificar("7.1", salida_lora)``.
"""

import torch


def salida_lora(x, W, b, A, B, alfa) -> torch.Tensor:
    raise NotImplementedError("Ejercicio 7.1: implementa salida_lora.")
