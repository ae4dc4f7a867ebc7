"""Empaquetado de textos para el modelado causal del lenguaje.

Los textos se tokenizan, se concatenan separados por el token de fin de texto y se cortan en
bloques de longitud fija (*empaquetado*): así ningún token del lote es relleno. Lo usan el
preentrenamiento (:mod:`curso_llm.entrenamiento`) y la perplejidad
(:mod:`curso_llm.evaluacion`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..comprobaciones import comprobar_entero, comprobar_entero_positivo

if TYPE_CHECKING:
    import torch


class BloquesEmpaquetados:
    """Conjunto de bloques empaquetados: cada elemento es ``{"input_ids", "labels"}``.

    Se comporta como un ``torch.utils.data.Dataset`` (``len`` e indexación), que es lo que
    necesitan ``DataLoader`` y ``transformers.Trainer``.

    Capítulo 5 (Preentrenamiento).
    """

    def __init__(self, bloques: torch.Tensor):
        self.bloques = bloques

    def __len__(self) -> int:
        return self.bloques.shape[0]

    def __getitem__(self, i: int) -> dict:
        fila = self.bloques[i]
        return {"input_ids": fila, "labels": fila}


def empaquetar(textos: list[str], tokenizador, long_secuencia: int = 128) -> BloquesEmpaquetados:
    """Tokeniza ``textos``, los une con el token de fin de texto y los corta en bloques.

    Returns:
        Un ``torch.utils.data.Dataset`` de bloques de ``long_secuencia`` tokens (el sobrante
        final se descarta). ``len(datos)`` es el número de bloques y ``datos.bloques`` el
        tensor ``(bloques, long_secuencia)``.

    Capítulo 5 (Preentrenamiento).
    """
    comprobar_entero_positivo(long_secuencia, "long_secuencia")
    if isinstance(textos, str):
        textos = [textos]
    documentos = tokenizador(list(textos), add_special_tokens=False)["input_ids"]
    bloques = empaquetar_documentos(documentos, tokenizador.eos_token_id, long_secuencia)
    if bloques.shape[0] == 0:
        n_tokens = sum(len(d) + 1 for d in documentos)
        raise ValueError(
            f"Los textos solo suman {n_tokens} tokens: no llegan a un bloque de "
            f"{long_secuencia}. Pasa más texto o una long_secuencia menor."
        )
    return BloquesEmpaquetados(bloques)


def empaquetar_documentos(documentos: list[list[int]], id_fin: int,
                          long_secuencia: int) -> torch.Tensor:
    """Une documentos ya tokenizados, cada uno seguido de ``id_fin``, y los corta en bloques.

    El resultado es un tensor ``torch.long`` de forma ``(n_bloques, long_secuencia)`` con
    ``n_bloques = total // long_secuencia``, donde ``total`` cuenta los tokens de todos los
    documentos más un ``id_fin`` por documento; el sobrante final (menos de un bloque) se
    descarta y las listas de entrada no se modifican. Es el ejercicio 5.1.

    Capítulo 5 (Preentrenamiento).
    """
    comprobar_entero(id_fin, "id_fin")
    comprobar_entero_positivo(long_secuencia, "long_secuencia")
    if isinstance(documentos, (str, bytes)) or not all(
            isinstance(d, (list, tuple)) for d in documentos):
        raise TypeError(
            "El argumento 'documentos' debe ser una lista de documentos tokenizados (una lista "
            "de enteros por documento), p. ej. [[5, 8, 2], [7, 1]]."
        )
    import numpy as np
    import torch

    partes = [np.asarray(list(documento) + [id_fin], dtype=np.int64) for documento in documentos]
    ids = np.concatenate(partes) if partes else np.zeros(0, dtype=np.int64)
    n_bloques = len(ids) // long_secuencia
    tensor = torch.from_numpy(ids[: n_bloques * long_secuencia].copy())
    return tensor.view(n_bloques, long_secuencia)
