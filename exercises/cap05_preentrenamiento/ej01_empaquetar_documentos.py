"""Ejercicio 5.1: empaquetar documentos en bloques.

Escribe ``empaquetar_documentos(documentos, id_fin, long_secuencia)``:

- ``documentos``: lista de documentos ya tokenizados; cada uno es una lista de enteros (los
  ids de sus tokens). Puede haber documentos vacíos.
- ``id_fin``: el id del token de fin de documento (``<|endoftext|>``).
- ``long_secuencia``: la longitud de cada bloque.

Pon los documentos uno tras otro, cada uno SEGUIDO de ``id_fin`` (también el último), y corta
esa secuencia larga en bloques consecutivos de ``long_secuencia`` tokens. El sobrante final,
si no llena un bloque, se descarta (nada de relleno). Por ejemplo, con ``documentos =
[[1, 2], [3], []]``, ``id_fin = 9`` y ``long_secuencia = 3`` la secuencia es
``1 2 9 3 9 9`` y el resultado tiene dos bloques: ``[[1, 2, 9], [3, 9, 9]]``.

Devuelve un tensor de enteros ``torch.long`` de forma ``(n_bloques, long_secuencia)`` (con
``n_bloques = 0`` si no llega para un bloque). No modifiques las listas de entrada.

Califícalo con ``pytest exercises/cap05_preentrenamiento/test_ej01_empaquetar_documentos.py``
o, en un cuaderno, con ``calificar("5.1", empaquetar_documentos)``.
"""

import torch


def empaquetar_documentos(documentos: list[list[int]], id_fin: int,
                          long_secuencia: int) -> torch.Tensor:
    raise NotImplementedError("Ejercicio 5.1: implementa empaquetar_documentos.")
