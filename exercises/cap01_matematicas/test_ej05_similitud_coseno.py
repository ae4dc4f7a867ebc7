"""Calificador del ejercicio 1.5: similitud coseno."""

import numpy as np
import torch
import torch.nn.functional as F


def _coseno(a, b):
    return F.cosine_similarity(torch.tensor(a, dtype=torch.float64),
                               torch.tensor(b, dtype=torch.float64), dim=-1).numpy()


def test_vectores(funcion):
    rng = np.random.default_rng(6)
    for _ in range(4):
        a, b = rng.normal(size=5) * 3, rng.normal(size=5)
        esperado = float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))
        obtenido = float(funcion(a, b))
        assert np.isclose(obtenido, esperado, atol=1e-9), (
            f"Pista: esperaba {esperado:.4f} y obtuviste {obtenido:.4f}; divide el producto "
            "escalar entre el producto de las normas L2 (euclídeas) de LOS DOS vectores."
        )
    a = np.array([1.0, 2.0, 2.0])
    assert np.isclose(float(funcion(a, 10 * a)), 1.0), (
        "Pista: un vector y el mismo vector multiplicado por 10 apuntan igual: similitud 1."
    )
    enteros = np.array([3, 4, 0])
    assert np.isclose(float(funcion(enteros, np.array([4, 3, 0]))), 24 / 25), (
        "Pista: con vectores de enteros [3, 4, 0] y [4, 3, 0] la similitud es 24/25 = 0.96."
    )


def test_lote_fila_a_fila(funcion):
    rng = np.random.default_rng(7)
    a = rng.normal(size=(6, 4)) * rng.uniform(0.5, 5, size=(6, 1))
    b = rng.normal(size=(6, 4))
    esperado = _coseno(a, b)
    obtenido = np.asarray(funcion(a, b), dtype=float)
    assert obtenido.shape == (6,), (
        f"Pista: con a y b de forma (6, 4) esperaba forma (6,) y devolviste {obtenido.shape}; "
        "una similitud por fila (no la matriz de todas las parejas), reduciendo solo el "
        "último eje."
    )
    assert np.allclose(obtenido, esperado, atol=1e-9), (
        "Pista: normaliza cada fila con su propia norma, no con la norma de toda la matriz."
    )


def test_cualquier_numero_de_ejes(funcion):
    rng = np.random.default_rng(9)
    a = rng.normal(size=(2, 3, 4)) * rng.uniform(0.5, 5, size=(2, 3, 1))
    b = rng.normal(size=(2, 3, 4))
    obtenido = np.asarray(funcion(a, b), dtype=float)
    assert obtenido.shape == (2, 3) and np.allclose(obtenido, _coseno(a, b), atol=1e-9), (
        "Pista: con a y b de forma (2, 3, 4) esperaba forma (2, 3): reduce siempre el ÚLTIMO "
        "eje (axis=-1), no el eje 1."
    )
    base = rng.normal(size=(4, 5))
    a, b = base.T, rng.normal(size=(5, 4))  # a no es contigua en memoria
    obtenido = np.asarray(funcion(a, b), dtype=float)
    assert obtenido.shape == (5,) and np.allclose(obtenido, _coseno(a, b), atol=1e-9), (
        "Pista: con una a traspuesta (no contigua en memoria) el resultado cambia; no "
        "dependas del orden en memoria."
    )


def test_difusion_de_un_vector(funcion):
    rng = np.random.default_rng(8)
    a = rng.normal(size=(5, 3)) * np.arange(1, 6)[:, None]
    b = rng.normal(size=3)
    esperado = _coseno(a, b[None, :])
    obtenido = np.asarray(funcion(a, b), dtype=float)
    assert obtenido.shape == (5,) and np.allclose(obtenido, esperado, atol=1e-9), (
        "Pista: con a de forma (5, 3) y b de forma (3,) compara cada fila de a con b: NumPy "
        "difunde b a cada fila si operas elemento a elemento y reduces el último eje."
    )
