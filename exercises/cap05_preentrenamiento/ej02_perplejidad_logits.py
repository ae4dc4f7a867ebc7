"""Ejercicio 5.2: perplejidad a partir de los logits de un modelo causal.

Escribe ``perplejidad_desde_logits(logits, etiquetas, ignorar=-100)``:

- ``logits``: tensor ``(lote, T, V)``, la salida del modelo para cada posición.
- ``etiquetas``: tensor de enteros ``(lote, T)``; normalmente los mismos ids de la entrada,
  con ``ignorar`` en las posiciones que no cuentan (p. ej. el relleno).

Como en ``transformers``, el logit de la posición ``t`` predice la etiqueta de la posición
``t + 1``: el último logit y la primera etiqueta no se usan. Calcula la entropía cruzada
(logaritmo natural) de cada predicción cuya etiqueta no vale ``ignorar`` y promedia sobre
TODOS esos tokens del lote a la vez (cada token pesa lo mismo, aunque unas secuencias tengan
más tokens ignorados que otras). Devuelve un ``float``:

    perplejidad = exp(pérdida media por token)

Debe funcionar con logits enormes (del orden de 1e4) sin dar ``nan`` ni ``inf``.

Califícalo con ``pytest exercises/cap05_preentrenamiento/test_ej02_perplejidad_logits.py``
o, en un cuaderno, con ``calificar("5.2", perplejidad_desde_logits)``.
"""

import torch


def perplejidad_desde_logits(logits: torch.Tensor, etiquetas: torch.Tensor,
                             ignorar: int = -100) -> float:
    raise NotImplementedError("Ejercicio 5.2: implementa perplejidad_desde_logits.")
