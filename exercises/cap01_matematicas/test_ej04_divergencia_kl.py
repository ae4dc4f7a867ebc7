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
            f"Pista: esperaba {esperado:.6f} y obtuviste {obtenido:.6f}. La KL usa el logaritmo "
            "natural, y el primer argumento p es el que pondera: el orden importa."
        )
    assert np.isclose(float(funcion(p, p)), 0.0, atol=1e-12), (
        "Pista: KL(p || p) debe valer 0."
    )


def test_ceros_en_p(funcion):
    p = np.array([0.5, 0.5, 0.0, 0.0])
    q = np.array([0.25, 0.25, 0.5, 0.0])
    with np.errstate(all="ignore"):
        obtenido = float(funcion(p, q))
    assert np.isfinite(obtenido), (
        "Pista: cuando p_i = 0 el término vale 0 por convenio, pero el logaritmo de 0 da -inf y "
        "0 * -inf da nan: descarta esos términos según p (no según q)."
    )
    assert np.isclose(obtenido, np.log(2.0), rtol=1e-9), (
        f"Pista: para p = {p.tolist()} y q = {q.tolist()} la KL vale log 2 ≈ 0.6931."
    )


def test_probabilidades_diminutas(funcion):
    # q muy pequeño donde p no lo es: sumar un «epsilon» de seguridad cambia el resultado.
    p = np.array([0.5, 0.5 - 1e-12, 1e-12])
    q = np.array([1e-9, 1.0 - 2e-9, 1e-9])
    esperado = float(np.sum(p * np.log(p / q)))
    with np.errstate(all="ignore"):
        obtenido = float(funcion(p, q))
    assert np.isclose(obtenido, esperado, rtol=1e-7), (
        f"Pista: con q_0 = 1e-9 esperaba {esperado:.4f} y obtuviste {obtenido:.4f}; no sumes "
        "un epsilon a p o a q: cambia los términos con probabilidades pequeñas."
    )


def test_lote_de_distribuciones(funcion):
    rng = np.random.default_rng(5)
    for forma in [(4, 5), (2, 3, 6), (5, 3)]:
        p, q = _distribucion(rng, forma), _distribucion(rng, forma)
        p[0, ..., 0] = 0.0  # un cero en la primera distribución
        p /= p.sum(axis=-1, keepdims=True)
        with np.errstate(all="ignore"):
            obtenido = np.asarray(funcion(p, q), dtype=float)
        assert obtenido.shape == forma[:-1], (
            f"Pista: con p y q de forma {forma} esperaba una KL por distribución, forma "
            f"{forma[:-1]}, y devolviste forma {obtenido.shape}: suma solo sobre el último eje "
            "y no aplanes el lote al descartar los ceros."
        )
        assert np.allclose(obtenido, scipy.stats.entropy(p, q, axis=-1), rtol=1e-7), (
            f"Pista: con forma {forma} cada corte del último eje es una distribución distinta; "
            "calcula la KL de cada una por separado (el último eje, sea cual sea el número de ejes)."
        )
