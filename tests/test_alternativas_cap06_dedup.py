"""Los calificadores de los ejercicios 6.4 y 6.5 aceptan soluciones correctas escritas de
otra forma (bucles, NumPy, otra biblioteca)."""

import numpy as np
import pytest

from curso_llm.calificador import calificar
from curso_llm.deduplicacion import MAXIMO_HASH, hash_teja, permutaciones_minhash


def jaccard_con_bucles(a, b):
    vistos_a, vistos_b = set(), set()
    for x in a:
        vistos_a.add(x)
    for x in b:
        vistos_b.add(x)
    comunes = sum(1 for x in vistos_a if x in vistos_b)
    union = len(vistos_a) + len(vistos_b) - comunes
    return 1.0 if union == 0 else comunes / union


def jaccard_con_numpy(a, b):
    a, b = np.array(sorted(set(a)), dtype=object), np.array(sorted(set(b)), dtype=object)
    union = len(set(a.tolist()) | set(b.tolist()))
    if union == 0:
        return 1.0
    return float(np.isin(a, b).sum() / union)


def jaccard_metodos_de_set(a, b):
    a = frozenset(a)
    union = a.union(b)
    return len(a.intersection(b)) / len(union) if union else 1.0


def firma_con_bucles(tejas, n_permutaciones=128, semilla=1):
    a, b = permutaciones_minhash(n_permutaciones, semilla)
    hashes = [hash_teja(t) for t in set(tejas)]
    firma = []
    for ai, bi in zip(a, b):
        minimo = MAXIMO_HASH
        for h in hashes:
            minimo = min(minimo, (ai * h + bi) % 2**32)
        firma.append(minimo)
    return firma


def firma_numpy_uint64(tejas, n_permutaciones=128, semilla=1):
    a, b = permutaciones_minhash(n_permutaciones, semilla)
    h = np.array([hash_teja(t) for t in set(tejas)], dtype=np.uint64)
    if h.size == 0:
        return np.full(n_permutaciones, MAXIMO_HASH, dtype=np.uint64)
    valores = (np.outer(h, np.array(a, dtype=np.uint64)) + np.array(b, dtype=np.uint64))
    return (valores % np.uint64(2**32)).min(axis=0)


def firma_numpy_uint32_que_da_la_vuelta(tejas, n_permutaciones=128, semilla=1):
    # En uint32 la multiplicación y la suma dan la vuelta solas: es aritmética módulo 2**32.
    a, b = permutaciones_minhash(n_permutaciones, semilla)
    firma = np.full(n_permutaciones, MAXIMO_HASH, dtype=np.uint32)
    a, b = np.array(a, dtype=np.uint32), np.array(b, dtype=np.uint32)
    for t in set(tejas):
        firma = np.minimum(firma, a * np.uint32(hash_teja(t)) + b)
    return firma


def firma_con_datasketch(tejas, n_permutaciones=128, semilla=1):
    from datasketch import MinHash

    m = MinHash(num_perm=n_permutaciones, seed=semilla)
    m.update_batch([t.encode("utf-8") for t in set(tejas)])
    return m.hashvalues.tolist()


CORRECTAS = [
    ("6.4", jaccard_con_bucles),
    ("6.4", jaccard_con_numpy),
    ("6.4", jaccard_metodos_de_set),
    ("6.5", firma_con_bucles),
    ("6.5", firma_numpy_uint64),
    ("6.5", firma_numpy_uint32_que_da_la_vuelta),
    ("6.5", firma_con_datasketch),
]


@pytest.mark.parametrize(("ejercicio", "correcta"), CORRECTAS,
                         ids=[f"{e}-{f.__name__}" for e, f in CORRECTAS])
def test_calificador_acepta_la_alternativa(ejercicio, correcta):
    with np.errstate(all="ignore"):
        (resultado,) = calificar(ejercicio, correcta, mostrar=False)
    assert resultado.superado, f"{ejercicio} rechazó {correcta.__name__}: {resultado.pistas}"
