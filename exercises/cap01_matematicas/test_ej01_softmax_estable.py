"""Calificador del ejercicio 1.1: softmax estable."""

import numpy as np

from curso_llm.matematicas import softmax_estable as referencia


def test_coincide_con_la_referencia(funcion):
    rng = np.random.default_rng(0)
    for forma in [(5,), (3, 7), (2, 4, 6)]:
        x = rng.normal(size=forma)
        obtenido = np.asarray(funcion(x))
        assert obtenido.shape == x.shape, (
            f"Pista: para una entrada de forma {x.shape} devolviste forma {obtenido.shape}; "
            "la softmax conserva la forma."
        )
        assert np.allclose(obtenido, referencia(x), atol=1e-6), (
            "Pista: los valores no coinciden con exp(x_i) / sum_j exp(x_j) a lo largo del último eje."
        )


def test_suma_uno_en_el_eje_pedido(funcion):
    x = np.random.default_rng(1).normal(size=(4, 5))
    for eje in (0, 1):
        obtenido = np.asarray(funcion(x, eje=eje))
        assert np.allclose(obtenido.sum(axis=eje), 1.0, atol=1e-6), (
            f"Pista: con eje={eje} cada corte debe sumar 1; ¿normalizas sobre el eje que te piden?"
        )


def test_estable_con_valores_grandes(funcion):
    x = np.array([[1000.0, 1001.0, 1002.0], [-1000.0, 0.0, 1000.0]])
    obtenido = np.asarray(funcion(x))
    assert np.all(np.isfinite(obtenido)), (
        "Pista: con entradas como 1000.0, np.exp desborda; resta el máximo de cada fila antes."
    )
    assert np.allclose(obtenido, referencia(x), atol=1e-6), (
        "Pista: tras restar el máximo el resultado debe ser el mismo que la softmax exacta."
    )
