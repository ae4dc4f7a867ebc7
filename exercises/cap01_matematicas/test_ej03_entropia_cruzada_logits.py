"""Calificador del ejercicio 1.3: entropía cruzada a partir de logits y etiquetas."""

import numpy as np
import torch
import torch.nn.functional as F

from curso_llm.matematicas import entropia_cruzada_logits as referencia


def test_coincide_con_cross_entropy_de_torch(funcion):
    rng = np.random.default_rng(3)
    for n, c in [(1, 4), (8, 5), (32, 10)]:
        logits = rng.normal(size=(n, c)) * 2
        etiquetas = rng.integers(0, c, size=n)
        obtenido = float(funcion(logits, etiquetas))
        esperado = F.cross_entropy(torch.tensor(logits), torch.tensor(etiquetas)).item()
        assert np.isclose(obtenido, esperado, rtol=1e-6, atol=1e-9), (
            f"Pista: con N={n}, C={c} esperaba {esperado:.6f} y obtuviste {obtenido:.6f}. "
            "Calcula -log softmax(logits_i)[etiqueta_i] para cada fila y devuelve la media "
            "(no la suma) sobre las N filas."
        )


def test_usa_la_etiqueta_de_cada_fila(funcion):
    logits = np.array([[2.0, 0.0, -1.0], [0.0, 3.0, 1.0]])
    for etiquetas in (np.array([0, 1]), np.array([2, 0])):
        obtenido = float(funcion(logits, etiquetas))
        assert np.isclose(obtenido, referencia(logits, etiquetas), rtol=1e-6), (
            "Pista: la fila i usa la probabilidad de su propia clase etiquetas[i] "
            "(p. ej. log_probs[np.arange(N), etiquetas]), normalizando cada fila sobre sus C "
            "columnas."
        )


def test_estable_con_logits_grandes(funcion):
    logits = np.array([[1000.0, 0.0, -5.0], [0.0, 2000.0, 1.0], [-800.0, 800.0, 0.0]])
    etiquetas = np.array([1, 0, 0])
    obtenido = float(funcion(logits, etiquetas))
    assert np.isfinite(obtenido), (
        "Pista: con logits como 1000 la probabilidad de la clase correcta es exp(-1000), que "
        "en float64 vale 0, y log(0) = -inf. No calcules log(softmax(...)): usa "
        "z_k - max(z) - log(sum(exp(z - max(z))))."
    )
    assert np.isclose(obtenido, referencia(logits, etiquetas), rtol=1e-9), (
        f"Pista: esperaba {referencia(logits, etiquetas):.3f} y obtuviste {obtenido:.3f}; "
        "aplica el truco del máximo (log-sum-exp) a cada fila por separado."
    )
