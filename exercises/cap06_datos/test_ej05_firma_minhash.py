"""Calificador del ejercicio 6.5: la firma MinHash."""

import random

import numpy as np

from curso_llm.deduplicacion import MAXIMO_HASH, hash_teja, permutaciones_minhash
from curso_llm.deduplicacion import firma_minhash as referencia


def _enteros(firma, n):
    valores = list(firma)
    assert len(valores) == n, (
        f"Pista: la firma debe tener n_permutaciones = {n} valores, uno por permutación, y "
        f"tiene {len(valores)}."
    )
    es_entero = all(isinstance(v, (int, np.integer)) and not isinstance(v, bool)
                    for v in valores)
    assert es_entero, (
        f"Pista: la firma debe ser de enteros exactos y contiene {type(valores[0]).__name__}. "
        "Con float64 (53 bits de precisión) el producto de a por el hash (hasta 64 bits) se "
        "redondea: trabaja con int de Python o con enteros de NumPy sin signo."
    )
    return [int(v) for v in valores]


def _diagnostico_una_teja(obtenido, esperado, teja, a, b):
    h = hash_teja(teja)
    if obtenido == [(ai * h + bi) % (2**32 - 1) for ai, bi in zip(a, b)]:
        return "El módulo es 2**32, no 2**32 - 1."
    if obtenido == [ai * h + bi for ai, bi in zip(a, b)]:
        return "Te falta el módulo 2**32: la firma son valores de 32 bits."
    if obtenido == [(ai * h) % 2**32 + bi for ai, bi in zip(a, b)]:
        return "El módulo va después de sumar b, no antes."
    en_float = [int(np.mod(np.float64(h) * np.float64(ai) + np.float64(bi), 2.0**32))
                for ai, bi in zip(a, b)]
    if obtenido == en_float:
        return ("Usa enteros exactos: en float64 (53 bits de precisión) el producto de a por el "
                "hash, de hasta 64 bits, se redondea.")
    if any(v == (ai * h + bj) % 2**32 for v, ai, bj in zip(obtenido, a, b[1:] + b[:1])):
        return "Empareja a y b de la MISMA posición i; no desplaces una lista respecto a la otra."
    return ("¿Usas hash_teja (no hash() de Python, ni el SHA-1 sin mezclar) y el a y el b de la "
            "misma posición?")


def test_una_teja(funcion):
    a, b = permutaciones_minhash(16, 1)
    for teja in ["fiebre alta", "dolor de cabeza desde ayer", "ñ"]:
        obtenido = _enteros(funcion({teja}, 16, 1), 16)
        esperado = [int(v) for v in referencia({teja}, 16, 1)]
        assert obtenido == esperado, (
            f"Pista: con una sola teja ({teja!r}) la firma es su valor permutado en cada "
            f"posición; se esperaba {esperado[:3]}... y diste {obtenido[:3]}... "
            + _diagnostico_una_teja(obtenido, esperado, teja, a, b)
        )


def test_el_minimo(funcion):
    tejas = {"tos seca", "fiebre alta", "dolor de pecho"}
    obtenido = _enteros(funcion(set(tejas), 32, 1), 32)
    por_teja = [[int(v) for v in referencia({t}, 32, 1)] for t in tejas]
    maximos = [max(col) for col in zip(*por_teja)]
    esperado = [min(col) for col in zip(*por_teja)]
    assert obtenido != maximos, (
        "Pista: cada posición de la firma es el MÍNIMO de los valores permutados de las "
        "tejas, no el máximo."
    )
    assert obtenido == esperado, (
        f"Pista: con tres tejas, cada posición es el menor de sus tres valores permutados; se "
        f"esperaba {esperado[:3]}... y diste {obtenido[:3]}..."
    )


def test_vacio_y_repetidas(funcion):
    vacia = _enteros(funcion(set(), 8, 1), 8)
    assert vacia == [MAXIMO_HASH] * 8, (
        f"Pista: sin tejas la firma vale 2**32 - 1 = {MAXIMO_HASH} en todas las posiciones (el "
        f"mínimo de nada es el mayor valor posible, como en datasketch), y diste {vacia[:3]}..."
    )
    lista = ["tos", "fiebre", "tos"]
    con_repetidas = _enteros(funcion(lista, 8, 1), 8)
    assert lista == ["tos", "fiebre", "tos"], (
        "Pista: tu función modificó la lista de tejas de entrada; no la toques."
    )
    assert con_repetidas == [int(v) for v in referencia({"tos", "fiebre"}, 8, 1)], (
        "Pista: una teja repetida no cambia la firma (el mínimo es el mismo): la lista "
        "['tos', 'fiebre', 'tos'] debe dar la firma de {'tos', 'fiebre'}."
    )


def test_semilla_y_numero_de_permutaciones(funcion):
    tejas = {"control en dos semanas", "se solicita análisis"}
    for n, semilla in [(5, 2), (64, 7), (128, 1)]:
        obtenido = _enteros(funcion(set(tejas), n, semilla), n)
        esperado = [int(v) for v in referencia(tejas, n, semilla)]
        assert obtenido == esperado, (
            f"Pista: con n_permutaciones={n} y semilla={semilla} la firma no coincide. Pide "
            "las permutaciones con esos dos argumentos (no con los valores por defecto)."
        )


def test_coincide_con_la_referencia_y_con_datasketch(funcion):
    from datasketch import MinHash

    rng = random.Random(5)
    palabras = "fiebre tos dolor cabeza pecho leve alta ayer semana mareo náuseas".split()
    for _ in range(15):
        tejas = {" ".join(rng.sample(palabras, 3)) for _ in range(rng.randint(1, 30))}
        obtenido = _enteros(funcion(set(tejas), 128, 1), 128)
        esperado = [int(v) for v in referencia(tejas, 128, 1)]
        assert obtenido == esperado, (
            f"Pista: con {len(tejas)} tejas la firma no coincide con la de referencia en "
            f"{sum(x != y for x, y in zip(obtenido, esperado))} de 128 posiciones."
        )
        m = MinHash(num_perm=128, seed=1)
        m.update_batch([t.encode("utf-8") for t in tejas])
        assert obtenido == [int(v) for v in m.hashvalues], (
            "Pista: tu firma no es idéntica a la de datasketch.MinHash con la misma semilla."
        )
