"""Ejercicio 2.6: parada temprana (early stopping).

Escribe ``parada_temprana(perdidas_val, paciencia)``:

- ``perdidas_val``: lista de floats, la pérdida de validación al final de cada época
  (la época 0 es la primera);
- ``paciencia``: entero ≥ 1.

Recorre las épocas en orden. Una época MEJORA si su pérdida es estrictamente menor que la mejor
vista hasta entonces (un empate no mejora). Cuando se acumulan ``paciencia`` épocas seguidas
sin mejorar, el entrenamiento se detiene en esa época. Si la paciencia nunca se agota, la
parada es la última época de la lista.

Devuelve la tupla ``(mejor_epoca, epoca_parada)``, contando desde 0: ``mejor_epoca`` es la de
menor pérdida entre las épocas ejecutadas (las posteriores a la parada no se conocen).

Ejemplo: ``parada_temprana([1.0, 0.8, 0.9, 0.85, 0.95], paciencia=2)`` devuelve ``(1, 3)``.

Califícalo con ``pytest exercises/cap02_redes_neuronales/test_ej06_parada_temprana.py``
o, en un cuaderno, con ``calificar("2.6", parada_temprana)``.
"""


def parada_temprana(perdidas_val: list[float], paciencia: int) -> tuple[int, int]:
    raise NotImplementedError("Ejercicio 2.6: implementa parada_temprana.")
