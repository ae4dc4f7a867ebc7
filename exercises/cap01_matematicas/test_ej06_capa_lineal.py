"""Calificador del ejercicio 1.6: capa lineal."""

import numpy as np
import torch


def _capa(d_entrada, d_salida, sesgo=True, semilla=0):
    torch.manual_seed(semilla)
    capa = torch.nn.Linear(d_entrada, d_salida, bias=sesgo).double()
    W = capa.weight.detach().numpy().copy()
    b = capa.bias.detach().numpy().copy() if sesgo else None
    return capa, W, b


def test_coincide_con_nn_linear(funcion):
    capa, W, b = _capa(4, 3)
    x = np.random.default_rng(9).normal(size=(5, 4))
    esperado = capa(torch.tensor(x)).detach().numpy()
    obtenido = np.asarray(funcion(x, W, b), dtype=float)
    assert obtenido.shape == (5, 3), (
        f"Pista: x es (5, 4) y W es (3, 4) (d_salida, d_entrada); la salida debe ser (5, 3) "
        f"y devolviste {obtenido.shape}. Multiplica por la traspuesta: x @ W.T."
    )
    assert np.allclose(obtenido, esperado, atol=1e-10), (
        "Pista: la salida no coincide con nn.Linear: y = x @ W.T + b; ¿sumaste el sesgo b?"
    )


def test_matriz_cuadrada_y_sin_sesgo(funcion):
    # Con W cuadrada, x @ W (sin trasponer) tiene la forma correcta pero valores erróneos.
    capa, W, b = _capa(4, 4, semilla=1)
    x = np.random.default_rng(10).normal(size=(3, 4))
    esperado = capa(torch.tensor(x)).detach().numpy()
    assert np.allclose(np.asarray(funcion(x, W, b), dtype=float), esperado, atol=1e-10), (
        "Pista: W tiene forma (d_salida, d_entrada): la fila j de W da la salida j, así que "
        "y = x @ W.T + b (no x @ W)."
    )
    capa, W, _ = _capa(4, 2, sesgo=False, semilla=2)
    esperado = capa(torch.tensor(x)).detach().numpy()
    assert np.allclose(np.asarray(funcion(x, W, None), dtype=float), esperado, atol=1e-10), (
        "Pista: con b=None la capa no tiene sesgo: devuelve solo x @ W.T."
    )


def test_entrada_con_ejes_extra(funcion):
    capa, W, b = _capa(6, 3, semilla=3)
    x = np.random.default_rng(11).normal(size=(2, 5, 6))
    esperado = capa(torch.tensor(x)).detach().numpy()
    obtenido = np.asarray(funcion(x, W, b), dtype=float)
    assert obtenido.shape == (2, 5, 3) and np.allclose(obtenido, esperado, atol=1e-10), (
        "Pista: con x de forma (lote, secuencia, d_entrada) la capa se aplica a cada vector "
        "del último eje; x @ W.T funciona con cualquier número de ejes delante."
    )
