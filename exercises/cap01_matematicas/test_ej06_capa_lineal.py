"""Calificador del ejercicio 1.6: capa lineal."""

import numpy as np
import torch


def _capa(d_entrada, d_salida, sesgo=True, semilla=0):
    torch.manual_seed(semilla)
    capa = torch.nn.Linear(d_entrada, d_salida, bias=sesgo).double()
    W = capa.weight.detach().numpy().copy()
    b = capa.bias.detach().numpy().copy() if sesgo else None
    return capa, W, b


def _esperado(capa, x):
    return capa(torch.tensor(np.asarray(x, dtype=float))).detach().numpy()


def test_coincide_con_nn_linear(funcion):
    capa, W, b = _capa(4, 3)
    x = np.random.default_rng(9).normal(size=(5, 4))
    esperado = _esperado(capa, x)
    obtenido = np.asarray(funcion(x, W, b), dtype=float)
    assert obtenido.shape == (5, 3), (
        f"Pista: x es (5, 4) y W es (3, 4) (d_salida, d_entrada); la salida debe ser (5, 3) "
        f"y devolviste {obtenido.shape}. Fíjate en qué eje de W corresponde a d_entrada."
    )
    assert np.allclose(obtenido, esperado, atol=1e-10), (
        "Pista: la salida no coincide con nn.Linear; ¿sumaste el sesgo b, con su forma "
        "(d_salida,), a cada fila?"
    )


def test_matriz_cuadrada_y_sin_sesgo(funcion):
    # Con W cuadrada, multiplicar por W sin trasponer tiene la forma correcta pero valores erróneos.
    capa, W, b = _capa(4, 4, semilla=1)
    x = np.random.default_rng(10).normal(size=(4, 4))
    esperado = _esperado(capa, x)
    assert np.allclose(np.asarray(funcion(x, W, b), dtype=float), esperado, atol=1e-10), (
        "Pista: W tiene forma (d_salida, d_entrada): la fila j de W da la salida j, así que "
        "hay que usar su traspuesta; con W cuadrada la forma no te avisa del error. El sesgo "
        "se suma por columnas de salida (forma (d_salida,)), no por filas del lote."
    )
    capa, W, _ = _capa(4, 2, sesgo=False, semilla=2)
    esperado = _esperado(capa, x)
    assert np.allclose(np.asarray(funcion(x, W, None), dtype=float), esperado, atol=1e-10), (
        "Pista: con b=None la capa no tiene sesgo: no sumes nada (y compara b con None; "
        "`if b:` no sirve con un arreglo)."
    )


def test_entrada_con_ejes_extra(funcion):
    capa, W, b = _capa(6, 3, semilla=3)
    for forma in [(2, 5, 6), (2, 2, 3, 6)]:
        x = np.random.default_rng(11).normal(size=forma)
        esperado = _esperado(capa, x)
        obtenido = np.asarray(funcion(x, W, b), dtype=float)
        assert obtenido.shape == forma[:-1] + (3,) and np.allclose(obtenido, esperado, atol=1e-10), (
            f"Pista: con x de forma {forma} la salida debe ser {forma[:-1] + (3,)}: la capa "
            "se aplica a cada vector del último eje, con cualquier número de ejes delante (si "
            "aplanas x, recupera después su forma)."
        )


def test_un_solo_vector(funcion):
    capa, W, b = _capa(5, 3, semilla=4)
    x = np.random.default_rng(12).normal(size=5)
    esperado = _esperado(capa, x)
    obtenido = np.asarray(funcion(x, W, b), dtype=float)
    assert obtenido.shape == (3,) and np.allclose(obtenido, esperado, atol=1e-10), (
        f"Pista: con x de forma (5,) (un solo vector, sin eje de lote) la salida es (3,) y "
        f"devolviste forma {obtenido.shape}: no añadas un eje de lote al sesgo ni a x."
    )


def test_entradas_no_contiguas_y_enteras(funcion):
    capa, W, b = _capa(4, 3, semilla=5)
    base = np.random.default_rng(13).normal(size=(4, 6))
    x = base.T  # (6, 4), no contigua
    assert np.allclose(np.asarray(funcion(x, W, b), dtype=float), _esperado(capa, x),
                       atol=1e-10), (
        "Pista: con una x traspuesta (no contigua en memoria) el resultado cambia; no "
        "dependas del orden en memoria."
    )
    enteros = np.array([[1, 0, -2, 3], [2, 2, 0, -1]])
    assert np.allclose(np.asarray(funcion(enteros, W, b), dtype=float), _esperado(capa, enteros),
                       atol=1e-10), (
        "Pista: con una x de enteros el resultado debe ser de float; no crees la salida con "
        "np.zeros_like(x) (heredaría el tipo entero)."
    )
