"""Ejercicio 3.2: matriz TF-IDF desde cero.

Escribe ``matriz_tfidf(documentos)``: recibe una lista de ``n`` documentos tokenizados
(cada uno, una lista de cadenas) y devuelve un ``np.ndarray`` de forma ``(n, V)``, con
``V`` el número de tokens distintos, **ordenados alfabéticamente** en las columnas.

- tf: cuántas veces aparece el token en el documento (conteo bruto).
- idf suavizado: ``idf(t) = ln((1 + n) / (1 + df(t))) + 1``, con ``df(t)`` el número de
  documentos que contienen ``t`` y ``ln`` el logaritmo natural.
- tf-idf = tf · idf, y después cada fila se divide por su norma L2 (una fila nula se queda a 0).

Es lo mismo que ``TfidfVectorizer(smooth_idf=True, norm="l2", sublinear_tf=False)`` de
scikit-learn, pero escrito por ti con NumPy.

Califícalo con ``pytest exercises/cap03_nlp/test_ej02_tfidf.py``
o, en un cuaderno, con ``calificar("3.2", matriz_tfidf)``.
"""

import numpy as np


def matriz_tfidf(documentos: list[list[str]]) -> np.ndarray:
    raise NotImplementedError("Ejercicio 3.2: implementa matriz_tfidf.")
