"""Ejercicio 6.5: la firma MinHash de un conjunto de tejas.

Escribe ``firma_minhash(tejas, n_permutaciones=128, semilla=1)``. Usa estas dos piezas
del paquete (ya hechas; impórtalas de ``curso_llm.deduplicacion``):

- ``hash_teja(teja)``: un entero estable de 32 bits (entre 0 y 2**32 - 1) para cada teja.
  No uses ``hash()`` de Python: cambia de un proceso a otro (``PYTHONHASHSEED``) y las
  firmas no se podrían comparar.
- ``a, b = permutaciones_minhash(n_permutaciones, semilla)``: dos listas de ``int`` de
  Python con los parámetros de cada permutación (los ``a`` son impares).

La posición ``i`` de la firma es el **mínimo**, sobre todas las tejas ``t``, de

    (a[i] · hash_teja(t) + b[i]) mod 2**32

(primero multiplica y suma, y después toma el resto de dividir entre 2**32, no entre
2**32 - 1). Usa el ``a[i]`` y el ``b[i]`` de la **misma** posición ``i``.

Contrato:

- ``tejas`` es un conjunto (o un iterable) de textos; las repetidas no cambian la firma.
  No lo modifiques.
- Devuelve ``n_permutaciones`` enteros **exactos** entre 0 y 2**32 - 1: una lista de
  ``int`` o un arreglo de NumPy de tipo entero. Cuidado con los números de coma flotante:
  ``float64`` solo tiene 53 bits de precisión y ``a[i] · h`` llega a 64 bits. Con enteros de
  Python no hay problema; con NumPy, usa ``uint64`` (o ``int64``: aunque el producto
  desborde, el resto módulo 2**32 sale igual).
- Si ``tejas`` está vacío, la firma vale 2**32 - 1 en todas las posiciones (el mínimo de
  nada es el valor más grande posible).

Con la misma semilla, tu firma es idéntica a ``datasketch.MinHash(num_perm=n_permutaciones,
seed=semilla)`` tras ``update`` con cada teja codificada en UTF-8 (su ``hashvalues``).

Ejemplo (una sola teja: la firma es su valor permutado)::

    >>> a, b = permutaciones_minhash(2, 1)
    >>> f = firma_minhash({"fiebre alta"}, 2, 1)
    >>> int(f[0]) == (a[0] * hash_teja("fiebre alta") + b[0]) % 2**32
    True

Califícalo con ``pytest exercises/cap06_datos/test_ej05_firma_minhash.py`` o, en un
cuaderno, con ``calificar("6.5", firma_minhash)``.
"""

from curso_llm.deduplicacion import hash_teja, permutaciones_minhash  # noqa: F401


def firma_minhash(tejas, n_permutaciones: int = 128, semilla: int = 1):
    raise NotImplementedError("Ejercicio 6.5: implementa firma_minhash.")
