"""Ejercicio 5.5: ajustar una ley de potencia en escala log-log.

Escribe ``ajustar_ley_potencia(x, y)``, que ajusta ``y = a · x^(-b)`` (p. ej. la pérdida de
validación frente al número de parámetros):

- ``x``, ``y``: listas o arreglos de NumPy de números positivos, de la misma longitud.

Tomando logaritmos, ``ln y = ln a - b · ln x`` es una recta en ``(ln x, ln y)``: ajústala por
mínimos cuadrados y devuelve la tupla de ``float`` ``(a, b, r2)``:

- ``a``: el prefactor, en las unidades de ``y`` (no su logaritmo);
- ``b``: el exponente, positivo cuando ``y`` baja al crecer ``x``;
- ``r2``: el coeficiente de determinación R² de esa recta, calculado en escala logarítmica:
  ``1 - SS_res / SS_tot`` con los residuos y la varianza de ``ln y``.

No modifiques ``x`` ni ``y``.

Califícalo con ``pytest exercises/cap05_preentrenamiento/test_ej05_ley_potencia.py``
o, en un cuaderno, con ``calificar("5.5", ajustar_ley_potencia)``.
"""

import numpy as np


def ajustar_ley_potencia(x: np.ndarray | list[float],
                         y: np.ndarray | list[float]) -> tuple[float, float, float]:
    raise NotImplementedError("Ejercicio 5.5: implementa ajustar_ley_potencia.")
