"""Particiones sin fuga: dividir por grupos (paciente, enfermedad) y comprobarlo.

Si las notas de un mismo paciente (o casi duplicados de una misma nota) caen a la vez en
``train`` y en ``test``, la evaluación mide memoria, no generalización: es la **fuga**
entre particiones.

- :func:`dividir_por_grupo`: cada valor de ``clave`` cae entero en una sola partición.
- :func:`dividir_al_azar`: la división por filas, sin mirar los grupos (para comparar).
- :func:`comprobar_sin_fuga`: lanza :class:`FugaEntreParticiones` si algún valor de
  ``clave`` aparece en dos particiones.

Las dos divisiones aceptan una ``list[dict]`` o un ``datasets.Dataset`` y devuelven un
``dict`` de listas o un ``datasets.DatasetDict``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from ..comprobaciones import comprobar_texto

__all__ = ["FugaEntreParticiones", "comprobar_sin_fuga", "dividir_al_azar",
           "dividir_por_grupo"]

NOMBRES = ("train", "validation", "test")


class FugaEntreParticiones(ValueError):
    """Error: algún valor de la clave de grupo aparece en más de una partición.

    Capítulo 6 (Datos para ajuste fino).
    """


def _es_dataset(filas) -> bool:
    return type(filas).__name__ == "Dataset" and hasattr(filas, "select")


def _valores(filas, clave: str) -> list:
    comprobar_texto(clave, "clave", vacio_permitido=False)
    if _es_dataset(filas):
        if clave not in filas.column_names:
            raise KeyError(f"El dataset no tiene la columna '{clave}'; sus columnas son "
                           f"{filas.column_names}. Elige una de ellas como clave.")
        return list(filas[clave])
    if isinstance(filas, (str, bytes, dict)) or not isinstance(filas, Sequence):
        raise TypeError("Las filas deben ser una lista de diccionarios o un datasets.Dataset; "
                        f"recibí {type(filas).__name__}.")
    valores = []
    for i, fila in enumerate(filas):
        if not isinstance(fila, dict) or clave not in fila:
            raise KeyError(f"La fila {i} no es un diccionario con la clave '{clave}'. Cada "
                           "fila debe llevar el grupo (p. ej. el paciente o la enfermedad).")
        valores.append(fila[clave])
    return valores


def _proporciones(proporciones, nombres) -> list[float]:
    if len(proporciones) != len(nombres):
        raise ValueError(f"Da una proporción por partición: {len(nombres)} nombres "
                         f"({', '.join(nombres)}) y {len(proporciones)} proporciones.")
    if any((not isinstance(p, (int, float))) or p < 0 for p in proporciones) or \
            sum(proporciones) <= 0:
        raise ValueError("Las proporciones deben ser números ≥ 0 que no sumen 0, p. ej. "
                         f"(0.8, 0.1, 0.1); recibí {proporciones!r}.")
    total = float(sum(proporciones))
    return [p / total for p in proporciones]


def _armar(filas, indices: dict[str, list[int]]):
    if _es_dataset(filas):
        from datasets import DatasetDict

        return DatasetDict({n: filas.select(ix) for n, ix in indices.items()})
    return {n: [filas[i] for i in ix] for n, ix in indices.items()}


def dividir_por_grupo(filas, clave: str, proporciones=(0.8, 0.1, 0.1), semilla: int = 0,
                      nombres: Sequence[str] = NOMBRES):
    """Divide ``filas`` en particiones sin que ningún valor de ``clave`` caiga en dos.

    Los grupos (valores distintos de ``clave``) se barajan con ``semilla`` y se reparten en
    orden: cada grupo va a la partición en que cae el punto medio de sus filas sobre la
    recta acumulada de ``proporciones``. Así las particiones tienen, aproximadamente, esa
    fracción de **filas** (no de grupos). Las filas conservan su orden dentro de cada
    partición. Si alguna partición con proporción > 0 quedara vacía (pocos grupos), lanza un
    error.

    Args:
        filas: ``list[dict]`` o ``datasets.Dataset``.
        clave: el campo de grupo (p. ej. ``"paciente"`` o ``"enfermedad"``).
        proporciones: una por partición (se normalizan para sumar 1).
        semilla: semilla del barajado de los grupos.
        nombres: nombres de las particiones.

    Returns:
        ``{nombre: list[dict]}`` o un ``datasets.DatasetDict``.

    Capítulo 6 (Datos para ajuste fino).
    """
    valores = _valores(filas, clave)
    fracciones = _proporciones(proporciones, nombres)
    por_grupo: dict = {}
    for i, v in enumerate(valores):
        por_grupo.setdefault(v, []).append(i)
    grupos = list(por_grupo)
    random.Random(semilla).shuffle(grupos)
    limites, acumulado = [], 0.0
    for f in fracciones:
        acumulado += f
        limites.append(acumulado)
    indices: dict[str, list[int]] = {n: [] for n in nombres}
    hechas, total = 0, len(valores)
    for g in grupos:
        medio = (hechas + len(por_grupo[g]) / 2) / total
        p = next((k for k, lim in enumerate(limites) if medio < lim), len(nombres) - 1)
        indices[nombres[p]].extend(por_grupo[g])
        hechas += len(por_grupo[g])
    vacias = [n for n, f in zip(nombres, fracciones) if f > 0 and not indices[n]]
    if vacias:
        raise ValueError(f"Hay solo {len(grupos)} grupos de '{clave}' y la partición "
                         f"{', '.join(vacias)} quedaría vacía. Usa menos particiones, otras "
                         "proporciones o una clave con más valores.")
    return _armar(filas, {n: sorted(ix) for n, ix in indices.items()})


def dividir_al_azar(filas, proporciones=(0.8, 0.1, 0.1), semilla: int = 0,
                    nombres: Sequence[str] = NOMBRES):
    """Divide ``filas`` al azar, fila a fila, sin mirar ningún grupo (la división con fuga).

    Sirve para comparar con :func:`dividir_por_grupo`: las notas de un mismo paciente pueden
    caer en particiones distintas.

    Capítulo 6 (Datos para ajuste fino).
    """
    n = len(filas)
    if not (_es_dataset(filas) or (isinstance(filas, Sequence) and not isinstance(filas, str))):
        raise TypeError("Las filas deben ser una lista de diccionarios o un datasets.Dataset; "
                        f"recibí {type(filas).__name__}.")
    fracciones = _proporciones(proporciones, nombres)
    orden = list(range(n))
    random.Random(semilla).shuffle(orden)
    indices, inicio, acumulado = {}, 0, 0.0
    for k, (nombre, f) in enumerate(zip(nombres, fracciones)):
        acumulado += f
        fin = n if k == len(nombres) - 1 else round(acumulado * n)
        indices[nombre] = sorted(orden[inicio:fin])
        inicio = fin
    return _armar(filas, indices)


def comprobar_sin_fuga(particiones, clave: str) -> None:
    """Comprueba que ningún valor de ``clave`` aparece en dos particiones.

    ``particiones`` es un ``dict`` ``{nombre: filas}`` (listas de diccionarios o
    ``datasets.Dataset``) o un ``datasets.DatasetDict``. Si hay fuga, lanza
    :class:`FugaEntreParticiones` (un ``ValueError``) que nombra los valores repetidos (los
    diez primeros en orden natural, p. ej. ``paciente 2 → train y test`` antes que
    ``paciente 10 → ...``) y en qué particiones está cada uno. Si no la hay, no devuelve
    nada.

    Capítulo 6 (Datos para ajuste fino).
    """
    if not hasattr(particiones, "items"):
        raise TypeError("Las particiones deben ser un diccionario {nombre: filas} o un "
                        f"DatasetDict; recibí {type(particiones).__name__}.")
    donde: dict = {}
    for nombre, filas in particiones.items():
        for v in set(_valores(filas, clave)):
            donde.setdefault(v, []).append(nombre)
    repetidos = {v: ps for v, ps in donde.items() if len(ps) > 1}
    if repetidos:
        ordenados = sorted(repetidos.items(), key=lambda x: _orden_natural(x[0]))
        ejemplos = "; ".join(f"{clave} {v!r} → {' y '.join(ps)}" if isinstance(v, str)
                             else f"{clave} {v} → {' y '.join(ps)}" for v, ps in ordenados[:10])
        if len(repetidos) > 10:
            ejemplos += f"; y {len(repetidos) - 10} más"
        raise FugaEntreParticiones(
            f"Fuga entre particiones: {len(repetidos)} valores de '{clave}' aparecen en más de "
            f"una partición ({ejemplos}). Divide con dividir_por_grupo(filas, '{clave}')."
        )


def _orden_natural(valor) -> tuple:
    # Orden natural: 2 antes que 10, tanto si son enteros como si son textos con cifras.
    if isinstance(valor, (int, float)) and not isinstance(valor, bool):
        return (0, float(valor), "")
    trozos = re.split(r"(\d+)", str(valor))
    return (1, 0.0, tuple((0, int(t), "") if t.isdigit() else (1, 0, t) for t in trozos))
