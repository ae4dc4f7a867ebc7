"""Calificador del ejercicio 3.3: probabilidades de bigramas con suavizado add-k."""

import numpy as np

from curso_llm.nlp_clasico.ngramas import probabilidades_add_k as referencia


def _conteos(semilla: int, v: int = 7) -> np.ndarray:
    rng = np.random.default_rng(semilla)
    conteos = rng.poisson(2.0, size=(v, v)).astype(float)
    conteos[1] = 0.0  # un contexto nunca visto
    return conteos


def test_filas_suman_uno(funcion):
    for k in (0.1, 0.5, 2.0):
        p = np.asarray(funcion(_conteos(0), k), dtype=float)
        assert p.shape == (7, 7), f"Pista: la salida debe tener forma (V, V) = (7, 7) y tiene {p.shape}."
        assert np.allclose(p.sum(axis=1), 1.0, atol=1e-9), (
            f"Pista: con k={k} cada fila P[i] debe sumar 1. El denominador es c(i) + k·V: "
            "al sumar k a cada una de las V columnas, la fila crece en k·V."
        )


def test_coincide_con_la_referencia(funcion):
    for semilla, k in [(1, 0.01), (2, 0.5), (3, 1.0), (4, 3.0)]:
        conteos = _conteos(semilla, v=5 + semilla)
        p = np.asarray(funcion(conteos.copy(), k), dtype=float)
        assert np.allclose(p, referencia(conteos, k), atol=1e-9), (
            f"Pista: con k={k} los valores no coinciden con (c(i, j) + k) / (c(i) + k·V); "
            "c(i) es la suma de la fila i (el token anterior), no de la columna."
        )


def test_contexto_no_visto_es_uniforme(funcion):
    conteos = _conteos(5)
    p = np.asarray(funcion(conteos, 0.3), dtype=float)
    assert np.allclose(p[1], 1.0 / conteos.shape[1], atol=1e-9), (
        "Pista: un contexto sin conteos (fila de ceros) debe dar la distribución uniforme 1/V."
    )


def test_conteos_enteros_sin_modificarlos(funcion):
    # Los conteos suelen ser enteros: el resultado no puede heredar ese tipo.
    conteos = np.random.default_rng(6).poisson(1.5, size=(6, 6))
    conteos[2] = 0
    copia = conteos.copy()
    try:
        p = np.asarray(funcion(conteos, 0.5), dtype=float)
    finally:
        assert np.array_equal(conteos, copia), (
            "Pista: tu función modificó el arreglo de conteos (p. ej. con +=); calcula el "
            "resultado en un arreglo nuevo."
        )
    assert np.allclose(p, referencia(copia, 0.5), atol=1e-9), (
        "Pista: con conteos enteros los valores no coinciden: si creas la salida con "
        "np.zeros_like(conteos) hereda el tipo entero y las probabilidades se truncan a 0."
    )
