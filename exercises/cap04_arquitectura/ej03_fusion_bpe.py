"""Ejercicio 4.3: un paso de fusión BPE.

Escribe ``fusionar(ids, par, nuevo_id)``: recorre la lista de enteros ``ids`` de izquierda a
derecha y sustituye cada aparición del par consecutivo ``par = (a, b)`` por el único entero
``nuevo_id``. Las apariciones no se solapan: tras fusionar un par, sigues mirando después de
él. Devuelve una **lista nueva** (no modifiques ``ids``).

Ejemplos::

    fusionar([1, 2, 3, 1, 2], (1, 2), 99)  ->  [99, 3, 99]
    fusionar([7, 7, 7], (7, 7), 50)        ->  [50, 7]
    fusionar([], (1, 2), 99)               ->  []

Califícalo con ``pytest exercises/cap04_arquitectura/test_ej03_fusion_bpe.py``
o, en un cuaderno, con ``calificar("4.3", fusionar)``.
"""


def fusionar(ids: list[int], par: tuple[int, int], nuevo_id: int) -> list[int]:
    raise NotImplementedError("Ejercicio 4.3: implementa fusionar.")
