"""Ejercicio 7.5: fusionar un adaptador LoRA en el peso.

Al terminar el ajuste, la corrección de LoRA se suma al peso congelado y la capa vuelve a ser
una lineal normal, sin el coste de la rama LoRA. Escribe ``fusionar_pesos(W, A, B, alfa)``,
el peso fusionado:

    W' = W + (alfa / r) · B A

Contrato:

- ``W`` tiene forma ``(salida, entrada)``, ``A`` forma ``(r, entrada)`` y ``B`` forma
  ``(salida, r)``. El rango ``r`` es el número de **filas de A**.
- ``alfa`` es un número positivo; la escala es ``alfa / r``.
- Devuelve un tensor **nuevo** con la forma ``(salida, entrada)`` y el tipo de ``W`` (no su
  traspuesta). **No modifiques ``W``**: quien llama puede seguir usando el peso original
  (p. ej. para quitar el adaptador o probar otro).
- Una lineal con el peso fusionado calcula lo mismo que la capa con LoRA del ejercicio 7.1:
  ``x W'ᵀ + b`` es ``salida_lora(x, W, b, A, B, alfa)``.

Ejemplo (``entrada = 3``, ``salida = 2``, ``r = 1``, ``alfa = 2``, escala 2)::

    >>> W = torch.zeros(2, 3)
    >>> A = torch.tensor([[1., 0., 2.]])
    >>> B = torch.tensor([[1.], [3.]])
    >>> fusionar_pesos(W, A, B, alfa=2)
    tensor([[ 2.,  0.,  4.],
            [ 6.,  0., 12.]])

(``B A`` es ``[[1, 0, 2], [3, 0, 6]]``, de forma (2, 3) como ``W``; por 2.)

Califícalo con ``pytest exercises/cap07_sft/test_ej05_fusionar_pesos.py`` o, en un
cuaderno, con ``calificar("7.5", fusionar_pesos)``.
"""

import torch


def fusionar_pesos(W, A, B, alfa) -> torch.Tensor:
    raise NotImplementedError("Ejercicio 7.5: implementa fusionar_pesos.")
