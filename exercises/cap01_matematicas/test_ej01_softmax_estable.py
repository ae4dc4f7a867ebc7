"""Calificador del ejercicio 1.1: softmax estable."""

import numpy as np

from curso_llm.matematicas import softmax_estable as referencia


def test_coincide_con_la_referencia(funcion):
    rng = np.random.default_rng(0)
    for forma in [(5,), (3, 7), (4, 4), (2, 4, 6)]:
        x = rng.normal(size=forma)
        obtenido = np.asarray(funcion(x))
        assert obtenido.shape == x.shape, (
            f"Pista: para una entrada de forma {x.shape} devolviste forma {obtenido.shape}; "
            "la softmax conserva la forma (¿olvidaste keepdims=True al reducir?)."
        )
        assert np.allclose(obtenido, referencia(x), atol=1e-6), (
            f"Pista: con una entrada de forma {x.shape} los valores no coinciden con la softmax "
            "a lo largo del último eje; el máximo y la suma deben calcularse sobre ese eje, "
            "por separado para cada corte."
        )


def test_cualquier_eje(funcion):
    rng = np.random.default_rng(1)
    casos = [((4, 5), 0), ((4, 5), 1), ((4, 4), 0), ((3, 4, 5), 0), ((3, 4, 5), 1), ((3, 4, 5), 2)]
    for forma, eje in casos:
        x = rng.normal(size=forma) * 3
        obtenido = np.asarray(funcion(x, eje=eje))
        assert obtenido.shape == x.shape and np.allclose(obtenido.sum(axis=eje), 1.0, atol=1e-6), (
            f"Pista: con forma {forma} y eje={eje} cada corte a lo largo de ese eje debe "
            "sumar 1; ¿normalizas sobre el eje que te piden?"
        )
        assert np.allclose(obtenido, referencia(x, eje=eje), atol=1e-6), (
            f"Pista: con forma {forma} y eje={eje} los cortes suman 1 pero los valores no son "
            "la softmax: el máximo que restas también debe tomarse sobre el eje pedido (restar "
            "el máximo de otro eje no es una constante dentro de cada corte)."
        )


def test_entrada_entera_y_no_contigua(funcion):
    x = np.array([[1, 2, 3], [4, 4, 4], [0, -2, 5]])
    obtenido = np.asarray(funcion(x))
    if not np.allclose(obtenido, referencia(x), atol=1e-6):
        con_floats = np.asarray(funcion(x.astype(float)))
        assert not np.allclose(con_floats, referencia(x), atol=1e-6), (
            "Pista: con una entrada de enteros el resultado debe ser de float; si creas la "
            "salida con np.zeros_like o np.empty_like de una entrada entera, se trunca a 0."
        )
        raise AssertionError(
            "Pista: con la matriz [[1, 2, 3], [4, 4, 4], [0, -2, 5]] los valores no son la "
            "softmax de cada fila (y tampoco con esa matriz en float)."
        )
    base = np.random.default_rng(2).normal(size=(6, 4))
    traspuesta = base.T  # (4, 6), no contigua
    assert np.allclose(np.asarray(funcion(traspuesta)), referencia(traspuesta), atol=1e-6), (
        "Pista: con una matriz traspuesta (no contigua en memoria) el resultado cambia; no "
        "dependas de la disposición en memoria (p. ej. de reshape o de .flat)."
    )


def test_estable_con_valores_grandes(funcion):
    # Magnitudes muy distintas en cada fila: restar UN máximo global deja las filas
    # pequeñas en exp(-2000) = 0 y da 0/0 = nan.
    x = np.array([[1000.0, 1001.0, 1002.0], [-5.0, -4.0, -3.0], [-1000.0, -1001.0, -999.0]])
    with np.errstate(all="ignore"):
        obtenido = np.asarray(funcion(x))
    assert np.all(np.isfinite(obtenido)), (
        "Pista: con entradas como 1000.0 o -1000.0 aparecen nan o inf: np.exp desborda (o todo "
        "se redondea a 0) si no restas el máximo, y debe ser el máximo de CADA fila, no el "
        "de toda la matriz, porque las filas tienen magnitudes muy distintas."
    )
    assert np.allclose(obtenido, referencia(x), atol=1e-6), (
        "Pista: tras restar el máximo de cada fila el resultado debe ser el mismo que la "
        "softmax exacta."
    )
    with np.errstate(all="ignore"):
        obtenido = np.asarray(funcion(x.T, eje=0))
    assert np.all(np.isfinite(obtenido)) and np.allclose(obtenido, referencia(x.T, eje=0),
                                                         atol=1e-6), (
        "Pista: con eje=0 el máximo que restas es el de cada columna (el eje pedido), no el de "
        "cada fila ni el de toda la matriz."
    )
