"""Calificador del ejercicio 1.2: gradiente numérico por diferencias centrales."""

import numpy as np

from curso_llm.matematicas import gradiente_numerico as referencia


def _cubica(x):
    return float(np.sum(x**3))


def _no_separable(x):
    # Mezcla todas las coordenadas: la derivada en una depende de las demás.
    v = np.ravel(x)
    pesos = np.arange(1.0, v.size + 1.0)
    return float(np.log(np.sum(np.exp(pesos * v / v.size))) + np.prod(np.cos(v)) + v[0] * v[-1])


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
        "Pista: con h = 0.01 tu resultado se aleja del de la diferencia central más de lo que "
        "explica el redondeo: ¿evalúas f a los dos lados (x + h e_i y x - h e_i) y divides "
        "entre la distancia que los separa? La diferencia hacia delante tiene un error O(h)."
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
        "todos los elementos, no solo len(x) filas, y conserva la forma."
    )
    assert np.array_equal(x, copia), (
        "Pista: tu función modificó x; trabaja sobre una copia o restaura cada coordenada."
    )
    assert np.allclose(obtenido, A * np.cos(x) + x, atol=1e-6), (
        "Pista: en una matriz cada elemento x[i, j] es una coordenada: perturba solo ese "
        "elemento, no una fila entera, y evalúa f sobre el arreglo completo."
    )


def test_funcion_no_separable(funcion):
    # Si una coordenada no vuelve a su valor tras perturbarla, las demás se evalúan en otro
    # punto; con una f que mezcla coordenadas eso cambia el resultado.
    rng = np.random.default_rng(3)
    for forma in [(5,), (3, 4)]:
        x = rng.normal(size=forma)
        copia = x.copy()
        obtenido = np.asarray(funcion(_no_separable, x, h=1e-3), dtype=float)
        assert np.array_equal(x, copia), (
            "Pista: tu función modificó x; trabaja sobre una copia o restaura cada coordenada."
        )
        assert obtenido.shape == x.shape and np.allclose(
            obtenido, referencia(_no_separable, x, h=1e-3), rtol=1e-7, atol=1e-9), (
            f"Pista: con una f que mezcla las coordenadas (forma {forma}) el gradiente no "
            "coincide: tras perturbar la coordenada i, devuélvela EXACTAMENTE a su valor "
            "original antes de pasar a la siguiente, y no perturbes varias a la vez."
        )


def test_entrada_no_contigua(funcion):
    base = np.random.default_rng(4).normal(size=(4, 3))
    x = base.T  # (3, 4), traspuesta: no es contigua en memoria
    copia = x.copy()
    obtenido = np.asarray(funcion(_no_separable, x, h=1e-3), dtype=float)
    assert np.array_equal(x, copia), (
        "Pista: tu función modificó x; trabaja sobre una copia o restaura cada coordenada."
    )
    assert obtenido.shape == x.shape and np.allclose(
        obtenido, referencia(_no_separable, x, h=1e-3), rtol=1e-7, atol=1e-9), (
        "Pista: con una x traspuesta (no contigua en memoria) el gradiente sale mal: "
        "x.reshape(-1) o x.ravel() devuelven entonces una COPIA, y perturbarla no cambia el "
        "arreglo que recibe f. Indexa x directamente (p. ej. con np.ndindex) o haz antes una "
        "copia contigua."
    )


def test_entrada_entera(funcion):
    x = np.array([1, 2, 3])
    obtenido = np.asarray(funcion(lambda v: float(np.sum(np.sin(v))), x, h=1e-3), dtype=float)
    assert np.allclose(obtenido, np.cos([1.0, 2.0, 3.0]), atol=1e-6), (
        "Pista: si x es de enteros, una copia suya también lo es: sumarle un h menor que 1 no cambia "
        "nada y un gradiente creado con np.zeros_like(x) trunca los decimales. Trabaja en float."
    )
