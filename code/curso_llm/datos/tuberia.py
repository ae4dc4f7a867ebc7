"""Piezas de la tubería de datos del preentrenamiento (capítulo 5).

- :func:`limpiar_texto`: la limpieza mínima que aplica la mezcla del modelo base.
- :func:`deduplicar_exacto`: quita los textos repetidos (mismo texto, por su huella sha256).
- :func:`documentos_de_bloque`, :func:`posiciones_por_documento` y
  :func:`mascara_documentos`: a qué documento pertenece cada token de un bloque empaquetado,
  las posiciones que vuelven a 0 en cada documento y la máscara causal por documentos
  (diagonal por bloques) que impide atender a otro documento del mismo bloque.

En un bloque, el token de fin de texto pertenece al documento que termina: el documento
``k`` de una posición es el número de tokens de fin que hay **antes** de ella.
"""

from __future__ import annotations

import hashlib
import re

from ..comprobaciones import comprobar_entero, comprobar_tensor, comprobar_texto

__all__ = [
    "deduplicar_exacto",
    "documentos_de_bloque",
    "limpiar_texto",
    "mascara_documentos",
    "posiciones_por_documento",
]


def limpiar_texto(texto: str) -> str:
    """Limpieza mínima de un texto: saltos de línea ``\\r\\n`` → ``\\n``, espacios y
    tabuladores seguidos → un espacio, tres o más saltos de línea → una línea en blanco, y
    sin espacios al principio ni al final.

    Es la misma limpieza que aplica la mezcla del modelo base
    (:func:`curso_llm.entrenamiento.modelo_base.mezcla_preentrenamiento`).

    Capítulo 5 (Preentrenamiento).
    """
    comprobar_texto(texto, "texto")
    texto = re.sub(r"[ \t]+", " ", texto.replace("\r\n", "\n"))
    texto = re.sub(r"\n{3,}", "\n\n", texto)
    return texto.strip()


def deduplicar_exacto(textos: list[str]) -> tuple[list[str], int]:
    """Quita los duplicados exactos de ``textos`` y conserva la primera aparición de cada uno.

    Compara la huella sha256 de cada texto (no los textos enteros), como las tuberías de
    datos de verdad, que no pueden guardar en memoria todo lo visto. Devuelve
    ``(conservados, n_quitados)``, con los conservados en su orden original.

    Capítulo 5 (Preentrenamiento).
    """
    if isinstance(textos, (str, bytes)) or not hasattr(textos, "__iter__"):
        raise TypeError(
            "El argumento 'textos' debe ser una lista de textos (str), p. ej. ['hola', 'adiós'];"
            f" recibí {type(textos).__name__}."
        )
    vistos: set[bytes] = set()
    conservados: list[str] = []
    n_quitados = 0
    for i, texto in enumerate(textos):
        if not isinstance(texto, str):
            raise TypeError(
                f"El argumento 'textos' debe contener solo textos (str): el elemento {i} es "
                f"{type(texto).__name__}. Conviértelo con str() o quítalo."
            )
        huella = hashlib.sha256(texto.encode("utf-8")).digest()
        if huella in vistos:
            n_quitados += 1
        else:
            vistos.add(huella)
            conservados.append(texto)
    return conservados, n_quitados


def _ids_como_lote(ids, id_fin):
    import torch

    comprobar_tensor(ids, "ids")
    comprobar_entero(id_fin, "id_fin")
    if ids.dim() not in (1, 2) or ids.shape[-1] == 0:
        raise ValueError(
            f"El argumento 'ids' debe tener forma (T,) o (lote, T) con T > 0; tiene forma "
            f"{tuple(ids.shape)}."
        )
    if ids.dtype.is_floating_point or ids.dtype == torch.bool or ids.is_complex():
        raise TypeError(
            f"El argumento 'ids' debe ser un tensor de enteros (ids de tokens); es {ids.dtype}. "
            "Conviértelo con ids.long()."
        )
    return ids.unsqueeze(0) if ids.dim() == 1 else ids


def documentos_de_bloque(ids, id_fin: int):
    """Índice del documento (0, 1, 2...) de cada token de un bloque empaquetado.

    ``ids`` es un tensor de enteros ``(T,)`` o ``(lote, T)``; el token ``id_fin`` cierra su
    documento, así que el índice de una posición es el número de tokens ``id_fin`` anteriores
    a ella. Devuelve un tensor ``long`` de la misma forma.

    Capítulo 5 (Preentrenamiento).
    """
    lote = _ids_como_lote(ids, id_fin)
    fin = (lote == id_fin).long()
    documentos = fin.cumsum(-1) - fin  # los fines estrictamente anteriores
    return documentos.view(ids.shape)


def posiciones_por_documento(ids, id_fin: int):
    """Posiciones que vuelven a empezar en 0 al principio de cada documento del bloque.

    Con ellas (``position_ids``), RoPE ve cada documento como si empezara el bloque. En
    transformers 5, pasar estas posiciones sin ``attention_mask`` y sin caché
    (``use_cache=False``) activa además la máscara diagonal por documentos: detecta el
    empaquetado por los reinicios (con caché no lo hace y la máscara es la causal de siempre).
    Devuelve un tensor ``long`` de la forma de ``ids``.

    Capítulo 5 (Preentrenamiento).
    """
    import torch

    lote = _ids_como_lote(ids, id_fin)
    documentos = documentos_de_bloque(lote, id_fin)
    indices = torch.arange(lote.shape[-1], device=lote.device).expand_as(lote)
    # Posición de inicio de cada documento: el primer índice con ese número de documento.
    cambio = torch.ones_like(documentos, dtype=torch.bool)
    cambio[:, 1:] = documentos[:, 1:] != documentos[:, :-1]
    inicio = torch.where(cambio, indices, torch.zeros_like(indices)).cummax(-1).values
    return (indices - inicio).view(ids.shape)


def mascara_documentos(ids, id_fin: int):
    """Máscara de atención causal por documentos (diagonal por bloques) de un bloque empaquetado.

    ``mascara[..., i, j]`` es ``True`` si la posición ``i`` puede atender a la ``j``: ``j ≤ i``
    (causal) y las dos del mismo documento. Forma ``(T, T)`` para ``ids`` de forma ``(T,)`` y
    ``(lote, T, T)`` para ``(lote, T)``. Sin documentos (ningún ``id_fin`` antes del final)
    es la máscara causal de siempre.

    Para ``LlamaForCausalLM`` de transformers, conviértela en una máscara 4D aditiva
    ``(lote, 1, T, T)`` con 0 donde se atiende y un número muy negativo donde no.

    Capítulo 5 (Preentrenamiento).
    """
    import torch

    lote = _ids_como_lote(ids, id_fin)
    documentos = documentos_de_bloque(lote, id_fin)
    t = lote.shape[-1]
    causal = torch.ones(t, t, dtype=torch.bool, device=lote.device).tril()
    mascara = (documentos[:, :, None] == documentos[:, None, :]) & causal
    return mascara[0] if ids.dim() == 1 else mascara
