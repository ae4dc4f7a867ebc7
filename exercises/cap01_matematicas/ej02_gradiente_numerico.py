"""Ejercicio 1.2: gradiente numérico por diferencias centrales.

Escribe ``gradiente_numerico(f, x, h=1e-5)``:

- ``f``: una función que recibe un arreglo de NumPy con la forma de ``x`` y devuelve un
  número (un escalar, como una pérdida).
- ``x``: un arreglo de NumPy de **cualquier forma** (vector, matriz, ...), quizá de enteros.
- ``h``: el paso, un número positivo.

Devuelve un arreglo de ``float`` con la misma forma que ``x`` cuyo elemento ``i`` es la
diferencia central en la coordenada ``i``:

    (f(x + h e_i) - f(x - h e_i)) / (2 h)

donde ``e_i`` es el arreglo de ceros con un 1 en la posición ``i``. No debe modificar ``x``.

Califícalo con ``pytest exercises/cap01_matematicas/test_ej02_gradiente_numerico.py``
o, en un cuaderno, con ``calificar("1.2", gradiente_numerico)``.
"""

import numpy as np


def gradiente_numerico(f, x: np.ndarray, h: float = 1e-5) -> np.ndarray:
    raise NotImplementedError("Ejercicio 1.2: implementa gradiente_numerico.")
