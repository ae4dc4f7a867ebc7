"""Calificador del ejercicio 1.4: divergencia de Kullback-Leibler."""

import numpy as np
import scipy.stats


def _distribucion(rng, forma):
    x = rng.gamma(0.7, size=forma)
    return x / x.sum(axis=-1, keepdims=True)


def test_coincide_con_scipy(funcion):
    rng = np.random.default_rng(4)
    for _ in range(5):
        p, q = _distribucion(rng, 6), _distribucion(rng, 6)
        obtenido = float(funcion(p, q))
        esperado = scipy.stats.entropy(p, q)
        assert np.isclose(obtenido, esperado, rtol=1e-7, atol=1e-10), (
            f"Pista: esperaba {esperado:.6f} y obtuviste {obtenido:.6f}. KL(p || q) = "
            "sum p log(p / q) con logaritmo natural, y p (el primer argumento) es el que "
            "pondera: no intercambies p y q."
        )
    assert np.isclose(float(funcion(p, p)), 0.0, atol=1e-12), (
        "Pista: KL(p || p) debe valer 0."
    )


def test_ceros_en_p(funcion):
    p = np.array([0.5, 0.5, 0.0, 0.0])
    q = np.array([0.25, 0.25, 0.5, 0.0])
    obtenido = float(funcion(p, q))
    assert np.isfinite(obtenido), (
        "Pista: cuando p_i = 0 el término p_i log(p_i / q_i) vale 0 por convenio; "
        "np.log(0) da -inf y 0 * -inf da nan: calcula solo donde p > 0 (p. ej. con np.where "
        "o una máscara)."
    )
    assert np.isclose(obtenido, np.log(2.0), rtol=1e-9), (
        f"Pista: para p = {p.tolist()} y q = {q.tolist()} la KL vale log 2 ≈ 0.6931."
    )


def test_lote_de_distribuciones(funcion):
    rng = np.random.default_rng(5)
    p, q = _distribucion(rng, (4, 5)), _distribucion(rng, (4, 5))
    obtenido = np.asarray(funcion(p, q), dtype=float)
    assert obtenido.shape == (4,), (
        f"Pista: con p y q de forma (4, 5) esperaba una KL por fila, forma (4,), y devolviste "
        f"forma {obtenido.shape}: suma solo sobre el último eje (axis=-1)."
    )
    assert np.allclose(obtenido, scipy.stats.entropy(p, q, axis=-1), rtol=1e-7), (
        "Pista: cada fila es una distribución distinta; calcula la KL fila a fila."
    )
