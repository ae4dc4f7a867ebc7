"""Los calificadores de los ejercicios 6.4 y 6.5 atrapan errores reales.

Cada función de abajo es una implementación plausible pero equivocada de la similitud de
Jaccard o de la firma MinHash; el calificador debe marcarla como no superada, con una pista
concreta sobre ese error.
"""

import hashlib
import struct

import numpy as np
import pytest

from curso_llm.calificador import calificar
from curso_llm.deduplicacion import MAXIMO_HASH, hash_teja, permutaciones_minhash

# --- 6.4 similitud de Jaccard ----------------------------------------------------------------


def jaccard_suma_los_tamanos(a, b):
    a, b = set(a), set(b)
    return len(a & b) / (len(a) + len(b)) if a or b else 1.0


def jaccard_listas_con_repeticion(a, b):
    a, b = list(a), list(b)
    comunes = [x for x in a if x in b]
    union = len(a) + len(b) - len(comunes)
    return len(comunes) / union if union else 1.0


def jaccard_division_entera(a, b):
    a, b = set(a), set(b)
    return float(len(a & b) // len(a | b)) if a or b else 1.0


def jaccard_vacios_divide_entre_cero(a, b):
    a, b = set(a), set(b)
    return len(a & b) / len(a | b)


def jaccard_vacios_cero(a, b):
    a, b = set(a), set(b)
    return len(a & b) / len(a | b) if a or b else 0.0


def jaccard_modifica_la_entrada(a, b):
    comunes = len(set(a) & set(b))
    if isinstance(a, set):
        a |= set(b)
        union = len(a)
    else:
        union = len(set(a) | set(b))
    return comunes / union if union else 1.0


def jaccard_sobre_el_menor(a, b):
    a, b = set(a), set(b)
    return len(a & b) / min(len(a), len(b)) if a and b else float(a == b)


def jaccard_distancia(a, b):
    a, b = set(a), set(b)
    return 1.0 - len(a & b) / len(a | b) if a or b else 0.0


# --- 6.5 firma MinHash -----------------------------------------------------------------------


def _firma(tejas, n, semilla, valor, inicial=MAXIMO_HASH, reducir=min):
    a, b = permutaciones_minhash(n, semilla)
    tejas = set(tejas)
    if not tejas:
        return [inicial] * n
    return [reducir(valor(ai, bi, t) for t in tejas) for ai, bi in zip(a, b)]


def firma_con_maximo(tejas, n_permutaciones=128, semilla=1):
    return _firma(tejas, n_permutaciones, semilla,
                  lambda a, b, t: (a * hash_teja(t) + b) % 2**32, reducir=max)


def firma_sin_modulo(tejas, n_permutaciones=128, semilla=1):
    return _firma(tejas, n_permutaciones, semilla, lambda a, b, t: a * hash_teja(t) + b)


def firma_modulo_antes_de_sumar(tejas, n_permutaciones=128, semilla=1):
    return _firma(tejas, n_permutaciones, semilla, lambda a, b, t: (a * hash_teja(t)) % 2**32 + b)


def firma_modulo_menos_uno(tejas, n_permutaciones=128, semilla=1):
    return _firma(tejas, n_permutaciones, semilla,
                  lambda a, b, t: (a * hash_teja(t) + b) % (2**32 - 1))


def firma_con_hash_de_python(tejas, n_permutaciones=128, semilla=1):
    return _firma(tejas, n_permutaciones, semilla,
                  lambda a, b, t: (a * (hash(t) & MAXIMO_HASH) + b) % 2**32)


def firma_sha1_sin_mezclar(tejas, n_permutaciones=128, semilla=1):
    def h(t):
        return struct.unpack("<I", hashlib.sha1(t.encode("utf-8")).digest()[:4])[0]
    return _firma(tejas, n_permutaciones, semilla, lambda a, b, t: (a * h(t) + b) % 2**32)


def firma_permutaciones_desplazadas(tejas, n_permutaciones=128, semilla=1):
    a, b = permutaciones_minhash(n_permutaciones, semilla)
    b = b[1:] + b[:1]
    hs = [hash_teja(t) for t in set(tejas)]
    return [min(((ai * h + bi) % 2**32 for h in hs), default=MAXIMO_HASH) for ai, bi in zip(a, b)]


def firma_en_float64(tejas, n_permutaciones=128, semilla=1):
    a, b = permutaciones_minhash(n_permutaciones, semilla)
    a, b = np.array(a, dtype=np.float64), np.array(b, dtype=np.float64)
    hs = np.array([hash_teja(t) for t in set(tejas)], dtype=np.float64)
    if hs.size == 0:
        return np.full(n_permutaciones, MAXIMO_HASH, dtype=np.uint64)
    valores = np.mod(hs[:, None] * a + b, 2.0**32)
    return valores.min(axis=0).astype(np.uint64)


def firma_vacia_en_cero(tejas, n_permutaciones=128, semilla=1):
    return _firma(tejas, n_permutaciones, semilla,
                  lambda a, b, t: (a * hash_teja(t) + b) % 2**32, inicial=0)


def firma_ignora_la_semilla(tejas, n_permutaciones=128, semilla=1):
    return _firma(tejas, n_permutaciones, 1, lambda a, b, t: (a * hash_teja(t) + b) % 2**32)


def firma_vacia_modifica_la_lista(tejas, n_permutaciones=128, semilla=1):
    if isinstance(tejas, list):
        tejas.sort()
        del tejas[1:][:0]
        while len(tejas) != len(set(tejas)):
            tejas.remove(tejas[0])
    return _firma(tejas, n_permutaciones, semilla, lambda a, b, t: (a * hash_teja(t) + b) % 2**32)


ERRORES = [
    ("6.4", jaccard_suma_los_tamanos),
    ("6.4", jaccard_listas_con_repeticion),
    ("6.4", jaccard_division_entera),
    ("6.4", jaccard_vacios_divide_entre_cero),
    ("6.4", jaccard_vacios_cero),
    ("6.4", jaccard_modifica_la_entrada),
    ("6.4", jaccard_sobre_el_menor),
    ("6.4", jaccard_distancia),
    ("6.5", firma_con_maximo),
    ("6.5", firma_sin_modulo),
    ("6.5", firma_modulo_antes_de_sumar),
    ("6.5", firma_modulo_menos_uno),
    ("6.5", firma_con_hash_de_python),
    ("6.5", firma_sha1_sin_mezclar),
    ("6.5", firma_permutaciones_desplazadas),
    ("6.5", firma_en_float64),
    ("6.5", firma_vacia_en_cero),
    ("6.5", firma_ignora_la_semilla),
    ("6.5", firma_vacia_modifica_la_lista),
]

PISTA_ESPERADA = {
    "jaccard_suma_los_tamanos": "no sumes los tamaños",
    "jaccard_listas_con_repeticion": "UNA vez",
    "jaccard_division_entera": "división entera",
    "jaccard_vacios_divide_entre_cero": "divide entre 0",
    "jaccard_vacios_cero": "pide 1.0",
    "jaccard_modifica_la_entrada": "modificó los conjuntos",
    "jaccard_sobre_el_menor": "no el conjunto más pequeño",
    "jaccard_distancia": "no una distancia",
    "firma_con_maximo": "no el máximo",
    "firma_sin_modulo": "falta el módulo",
    "firma_modulo_antes_de_sumar": "después de sumar b",
    "firma_modulo_menos_uno": "no 2**32 - 1",
    "firma_con_hash_de_python": "hash() de Python",
    "firma_sha1_sin_mezclar": "SHA-1 sin mezclar",
    "firma_permutaciones_desplazadas": "MISMA posición",
    "firma_en_float64": "enteros exactos",
    "firma_vacia_en_cero": "2**32 - 1",
    "firma_ignora_la_semilla": "semilla=",
    "firma_vacia_modifica_la_lista": "modificó la lista",
}


@pytest.mark.parametrize("id_ejercicio, funcion", ERRORES, ids=[f.__name__ for _, f in ERRORES])
def test_el_calificador_atrapa_el_error(id_ejercicio, funcion):
    (resultado,) = calificar(id_ejercicio, funcion, mostrar=False)
    assert not resultado.superado, f"{id_ejercicio} aceptó {funcion.__name__}"
    assert resultado.estado == "falla", resultado.pistas
    assert resultado.pistas and all(p.startswith(("Pista:", "Tu función lanzó", "Lo que devolvió tu función"))
                                    for p in resultado.pistas), resultado.pistas
    esperada = PISTA_ESPERADA[funcion.__name__]
    assert any(esperada in p for p in resultado.pistas), (esperada, resultado.pistas)
