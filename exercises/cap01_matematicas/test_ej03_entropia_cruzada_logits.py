"""Calificador del ejercicio 1.3: entropía cruzada a partir de logits y etiquetas."""

import numpy as np
import torch
import torch.nn.functional as F

from curso_llm.matematicas import entropia_cruzada_logits as referencia


def test_coincide_con_cross_entropy_de_torch(funcion):
    rng = np.random.default_rng(3)
    for n, c in [(1, 4), (8, 5), (5, 5), (32, 10)]:
        logits = rng.normal(size=(n, c)) * 2
        etiquetas = rng.integers(0, c, size=n)
        obtenido = float(funcion(logits, etiquetas))
        esperado = F.cross_entropy(torch.tensor(logits), torch.tensor(etiquetas)).item()
        assert np.isclose(obtenido, esperado, rtol=1e-6, atol=1e-9), (
            f"Pista: con N={n}, C={c} esperaba {esperado:.6f} y obtuviste {obtenido:.6f}. "
            "Es la media (no la suma, ni la división entre C) sobre las N filas de "
            "-log softmax de la clase correcta de cada fila."
        )


def test_usa_la_etiqueta_de_cada_fila(funcion):
    logits = np.array([[2.0, 0.0, -1.0], [0.0, 3.0, 1.0]])
    for etiquetas in (np.array([0, 1]), np.array([2, 0])):
        obtenido = float(funcion(logits, etiquetas))
        assert np.isclose(obtenido, referencia(logits, etiquetas), rtol=1e-6), (
            "Pista: la fila i usa la log-probabilidad de SU clase etiquetas[i] (un valor por "
            "fila, no todas las combinaciones de filas y etiquetas), normalizando cada fila "
            "sobre sus C columnas."
        )


def test_entradas_enteras_y_no_contiguas(funcion):
    base = np.random.default_rng(4).normal(size=(6, 9)) * 3
    logits = base.T  # (9, 6), no contigua
    etiquetas = np.random.default_rng(5).integers(0, 6, size=9)
    assert np.isclose(float(funcion(logits, etiquetas)), referencia(logits, etiquetas),
                      rtol=1e-6), (
        "Pista: con logits traspuestos (no contiguos en memoria) el resultado cambia: no "
        "indexes el arreglo aplanado suponiendo un orden en memoria."
    )
    enteros = np.array([[3, 1, 0], [0, 0, 4], [2, 2, 2]])
    etiquetas = np.array([0, 1, 2])
    assert np.isclose(float(funcion(enteros, etiquetas)), referencia(enteros, etiquetas),
                      rtol=1e-6), (
        "Pista: con logits enteros el resultado debe ser el mismo que con floats; no guardes "
        "resultados intermedios en un arreglo de enteros (np.zeros_like de una entrada entera)."
    )


def test_estable_con_logits_grandes(funcion):
    # Filas con magnitudes muy distintas: el máximo debe ser el de cada fila.
    logits = np.array([[1000.0, 0.0, -5.0], [0.0, 2000.0, 1.0], [-800.0, 800.0, 0.0],
                       [-1000.0, -1001.0, -1003.0]])
    etiquetas = np.array([1, 0, 0, 2])
    esperado = referencia(logits, etiquetas)
    with np.errstate(all="ignore"):
        obtenido = float(funcion(logits, etiquetas))
    assert np.isfinite(obtenido), (
        "Pista: con logits como 1000 la probabilidad de la clase correcta es exp(-1000), que "
        "en float64 vale 0, y log(0) = -inf. No calcules el logaritmo de la softmax ya "
        "calculada: usa log-sum-exp, restando el máximo de CADA fila (no el de toda la matriz)."
    )
    assert np.isclose(obtenido, esperado, rtol=1e-6), (
        f"Pista: esperaba {esperado:.3f} y obtuviste {obtenido:.3f}. Recortar la probabilidad "
        "(p. ej. a 1e-12) antes del logaritmo evita el inf pero da un valor falso; aplica el "
        "truco del máximo (log-sum-exp) a cada fila por separado."
    )
