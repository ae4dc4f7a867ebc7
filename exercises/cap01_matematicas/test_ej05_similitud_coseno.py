"""Calificador del ejercicio 1.5: similitud coseno."""

import numpy as np
import torch
import torch.nn.functional as F


def test_vectores(funcion):
    rng = np.random.default_rng(6)
    for _ in range(4):
        a, b = rng.normal(size=5) * 3, rng.normal(size=5)
        esperado = float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))
        obtenido = float(funcion(a, b))
        assert np.isclose(obtenido, esperado, atol=1e-9), (
            f"Pista: esperaba {esperado:.4f} y obtuviste {obtenido:.4f}; divide el producto "
            "escalar entre el producto de las normas L2 (np.linalg.norm) de los dos vectores."
        )
    a = np.array([1.0, 2.0, 2.0])
    assert np.isclose(float(funcion(a, 10 * a)), 1.0), (
        "Pista: un vector y el mismo vector multiplicado por 10 apuntan igual: similitud 1."
    )


def test_lote_fila_a_fila(funcion):
    rng = np.random.default_rng(7)
    a = rng.normal(size=(6, 4)) * rng.uniform(0.5, 5, size=(6, 1))
    b = rng.normal(size=(6, 4))
    esperado = F.cosine_similarity(torch.tensor(a), torch.tensor(b), dim=-1).numpy()
    obtenido = np.asarray(funcion(a, b), dtype=float)
    assert obtenido.shape == (6,), (
        f"Pista: con a y b de forma (6, 4) esperaba forma (6,) y devolviste {obtenido.shape}; "
        "suma y calcula las normas sobre el último eje (axis=-1)."
    )
    assert np.allclose(obtenido, esperado, atol=1e-9), (
        "Pista: normaliza cada fila con su propia norma (np.linalg.norm(a, axis=-1)), no con "
        "la norma de toda la matriz."
    )


def test_difusion_de_un_vector(funcion):
    rng = np.random.default_rng(8)
    a = rng.normal(size=(5, 3)) * np.arange(1, 6)[:, None]
    b = rng.normal(size=3)
    esperado = F.cosine_similarity(torch.tensor(a), torch.tensor(b)[None, :], dim=-1).numpy()
    obtenido = np.asarray(funcion(a, b), dtype=float)
    assert obtenido.shape == (5,) and np.allclose(obtenido, esperado, atol=1e-9), (
        "Pista: con a de forma (5, 3) y b de forma (3,) compara cada fila de a con b; "
        "np.sum(a * b, axis=-1) difunde b sin bucles."
    )
