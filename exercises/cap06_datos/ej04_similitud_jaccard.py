"""Ejercicio 6.4: la similitud de Jaccard de dos conjuntos de tejas.

Escribe ``similitud_jaccard(a, b)``, la similitud de Jaccard de dos conjuntos:

    J(A, B) = |A ∩ B| / |A ∪ B|

(el número de elementos comunes entre el número de elementos distintos de los dos juntos).

Contrato:

- ``a`` y ``b`` son conjuntos (``set``) o iterables de elementos hashables (listas,
  tuplas...), que se tratan como conjuntos: un elemento repetido cuenta **una vez**.
- No modifiques ``a`` ni ``b`` (quien llama sigue usándolos).
- Devuelve un ``float`` entre 0 y 1 (en Python 3, ``/`` ya da un ``float``).
- Si **los dos están vacíos**, devuelve ``1.0``: son el mismo conjunto (y MinHash daría
  dos firmas idénticas). Si solo uno está vacío, ``0.0``.

Ejemplo::

    >>> similitud_jaccard({"dolor de", "de cabeza"}, ["de cabeza", "cabeza leve", "cabeza leve"])
    0.3333333333333333

(1 común, «de cabeza», entre 3 distintas.)

Califícalo con ``pytest exercises/cap06_datos/test_ej04_similitud_jaccard.py`` o, en un
cuaderno, con ``calificar("6.4", similitud_jaccard)``.
"""


def similitud_jaccard(a, b) -> float:
    raise NotImplementedError("Ejercicio 6.4: implementa similitud_jaccard.")
