"""Calificador del ejercicio 3.4: perplejidad de un modelo de bigramas."""

import numpy as np

from curso_llm.nlp_clasico.ngramas import perplejidad_bigramas as referencia


def _probabilidades(semilla: int, v: int = 6) -> np.ndarray:
    rng = np.random.default_rng(semilla)
    p = rng.random((v, v)) + 0.05
    return p / p.sum(axis=1, keepdims=True)


def test_modelo_uniforme_da_el_tamano_del_vocabulario(funcion):
    v = 9
    p = np.full((v, v), 1.0 / v)
    obtenido = float(funcion(p, [0, 3, 5, 2, 8, 1]))
    assert np.isclose(obtenido, v, rtol=1e-9), (
        f"Pista: un modelo uniforme sobre V = {v} tokens tiene perplejidad {v} y obtuviste "
        f"{obtenido:.4g}. Usa el logaritmo natural y devuelve la exponencial de menos la media "
        "(no la media, ni otra base)."
    )


def test_coincide_con_la_referencia(funcion):
    rng = np.random.default_rng(0)
    for semilla in range(1, 6):
        p = _probabilidades(semilla)
        secuencia = [int(i) for i in rng.integers(0, 6, size=int(rng.integers(3, 12)))]
        obtenido = float(funcion(p, secuencia))
        esperado = referencia(p, secuencia)
        assert np.isclose(obtenido, esperado, rtol=1e-9), (
            f"Pista: para una secuencia de {len(secuencia)} índices hay {len(secuencia) - 1} "
            f"predicciones; se esperaba {esperado:.6g} y obtuviste {obtenido:.6g}. Cada "
            "predicción usa la FILA del token anterior y la COLUMNA del actual; promedia sus "
            "logaritmos sobre todas ellas (sin la primera posición, sin dar la vuelta a la "
            "secuencia y sin olvidar la última)."
        )


def test_secuencia_corta(funcion):
    p = _probabilidades(7)
    obtenido = float(funcion(p, [2, 4]))
    assert np.isclose(obtenido, 1.0 / p[2, 4], rtol=1e-9), (
        "Pista: con la secuencia [2, 4] hay una sola predicción, P[2, 4], y la perplejidad es "
        "1 / P[2, 4]. ¿Divides por len(secuencia) en vez de por len(secuencia) - 1?"
    )


def test_secuencia_larga(funcion):
    # 3000 predicciones: el producto de las probabilidades se redondea a 0 en float64.
    p = _probabilidades(8)
    secuencia = [int(i) for i in np.random.default_rng(9).integers(0, 6, size=3001)]
    with np.errstate(all="ignore"):
        obtenido = float(funcion(p, secuencia))
    esperado = referencia(p, secuencia)
    assert np.isfinite(obtenido) and np.isclose(obtenido, esperado, rtol=1e-9), (
        f"Pista: con 3000 predicciones se esperaba {esperado:.6g} y obtuviste {obtenido:.6g}: "
        "el producto de 3000 probabilidades vale 0 en float64; suma logaritmos en vez de "
        "multiplicar probabilidades."
    )
