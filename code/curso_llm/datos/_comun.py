"""Utilidades compartidas por los generadores de datos sintéticos.

Todas las particiones se deciden con un *hash* estable (``hashlib``) de una clave: así
``train``, ``validation`` y ``test`` nunca comparten un ejemplo, sea cual sea la semilla.
"""

from __future__ import annotations

import hashlib

PARTICIONES = ("train", "validation", "test")


def validar_particion(particion: str) -> str:
    """Devuelve la partición si es válida; si no, lanza un ``ValueError`` en español."""
    if particion not in PARTICIONES:
        raise ValueError(
            f"Partición desconocida: {particion!r}. Usa 'train', 'validation' o 'test'."
        )
    return particion


def particion_de(clave: str, proporciones: tuple[int, int, int] = (90, 5, 5)) -> str:
    """Partición a la que pertenece ``clave`` según un hash estable (porcentajes enteros)."""
    cubeta = int(hashlib.md5(clave.encode("utf-8")).hexdigest()[:8], 16) % sum(proporciones)
    if cubeta < proporciones[0]:
        return "train"
    if cubeta < proporciones[0] + proporciones[1]:
        return "validation"
    return "test"


def semilla_de(*partes: object) -> int:
    """Semilla entera estable a partir de varias partes (no depende de ``PYTHONHASHSEED``)."""
    texto = "|".join(str(p) for p in partes)
    return int(hashlib.md5(texto.encode("utf-8")).hexdigest()[:12], 16)


def unir_lista(elementos: list[str]) -> str:
    """``["a", "b", "c"]`` → ``"a, b y c"`` (con «e» ante palabras que empiezan por «i»)."""
    elementos = list(elementos)
    if not elementos:
        return ""
    if len(elementos) == 1:
        return elementos[0]
    ultimo = elementos[-1]
    conj = "e" if ultimo.lower().startswith(("i", "hi")) and not ultimo.lower().startswith(
        ("hie", "hia", "hio")
    ) else "y"
    return ", ".join(elementos[:-1]) + f" {conj} " + ultimo


def mayuscula_inicial(texto: str) -> str:
    """Pone en mayúscula la primera letra de ``texto``."""
    return texto[:1].upper() + texto[1:] if texto else texto
