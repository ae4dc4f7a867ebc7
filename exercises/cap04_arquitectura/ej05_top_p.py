"""Ejercicio 4.5: filtrado top-p (muestreo de núcleo).

Escribe ``filtrar_top_p(logits, p)``:

- ``logits``: tensor de forma ``(..., V)`` (un vector de logits por fila).
- ``p``: número en ``(0, 1]``.

Para cada fila, ordena los tokens de más a menos probable (probabilidades = softmax de los
logits) y conserva el **conjunto más pequeño** cuya probabilidad acumulada llega a ``p``
(es decir, ≥ p): el token con el que la suma cruza el umbral **se queda**. Siempre se
conserva al menos el token más probable. Devuelve un tensor de la misma forma y en el
**mismo orden** que ``logits``: los logits conservados sin cambios y ``-inf`` en el resto.

Ejemplo: con probabilidades ``[0.5, 0.3, 0.15, 0.05]`` y ``p = 0.75`` se conservan los dos
primeros (0.5 + 0.3 = 0.8 ≥ 0.75).

Califícalo con ``pytest exercises/cap04_arquitectura/test_ej05_top_p.py``
o, en un cuaderno, con ``calificar("4.5", filtrar_top_p)``.
"""

import torch


def filtrar_top_p(logits: torch.Tensor, p: float) -> torch.Tensor:
    raise NotImplementedError("Ejercicio 4.5: implementa filtrar_top_p.")
