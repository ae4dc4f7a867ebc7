"""Calificador del ejercicio 1.2: gradiente numérico por diferencias centrales."""

import numpy as np

from curso_llm.matematicas import gradiente_numerico as referencia


def _cubica(x):
    return float(np.sum(x**3))


def test_es_diferencia_central(funcion):
    # Con h = 1e-2 la diferencia central de x^3 se equivoca en h^2 = 1e-4 y la de hacia
    # delante en unos 3·x·h ≈ 1e-2: la tolerancia distingue las dos.
    x = np.array([0.5, -1.0, 2.0])
    obtenido = np.asarray(funcion(_cubica, x, h=1e-2), dtype=float)
    assert obtenido.shape == x.shape, (
        f"Pista: para x de forma {x.shape} devolviste forma {obtenido.shape}; el gradiente "
        "tiene la forma de x."
    )
    assert np.allclose(obtenido, referencia(_cubica, x, h=1e-2), atol=1e-9), (
        "Pista: usa la diferencia central (f(x + h e_i) - f(x - h e_i)) / (2h); la diferencia "
        "hacia delante (f(x + h e_i) - f(x)) / h tiene un error O(h) mucho mayor."
    )


def test_cualquier_forma(funcion):
    rng = np.random.default_rng(2)
    A = rng.normal(size=(3, 4))

    def f(x):
        return float(np.sum(A * np.sin(x)) + 0.5 * np.sum(x**2))

    x = rng.normal(size=(3, 4))
    copia = x.copy()
    obtenido = np.asarray(funcion(f, x, h=1e-5), dtype=float)
    assert obtenido.shape == (3, 4), (
        f"Pista: para una matriz x de forma (3, 4) devolviste forma {obtenido.shape}; recorre "
        "todos los elementos (p. ej. con x.reshape(-1) o np.ndindex) y conserva la forma."
    )
    assert np.array_equal(x, copia), (
        "Pista: tu función modificó x; trabaja sobre una copia o restaura cada coordenada."
    )
    assert np.allclose(obtenido, A * np.cos(x) + x, atol=1e-6), (
        "Pista: en una matriz cada elemento x[i, j] es una coordenada: perturba solo ese "
        "elemento, no una fila entera."
    )


def test_entrada_entera(funcion):
    x = np.array([1, 2, 3])
    obtenido = np.asarray(funcion(lambda v: float(np.sum(v**2)), x, h=1e-3), dtype=float)
    assert np.allclose(obtenido, [2.0, 4.0, 6.0], atol=1e-6), (
        "Pista: si x es de enteros, x.copy() también lo es y sumarle h = 0.001 no cambia nada; "
        "convierte antes a float (x.astype(float))."
    )
