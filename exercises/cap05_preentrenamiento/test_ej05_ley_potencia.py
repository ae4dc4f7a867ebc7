"""Calificador del ejercicio 5.5: ajuste de una ley de potencia en escala log-log."""

import math

import numpy as np

from curso_llm.entrenamiento.escalado import ajustar_ley_potencia as referencia

X = [1e5, 3e5, 1e6, 3e6, 1e7, 3e7]


def _con_ruido(semilla: int):
    rng = np.random.default_rng(semilla)
    x = np.geomspace(10, 1e4, 9)
    y = 6.0 * x**-0.4 * np.exp(rng.normal(0, 0.15, x.size))
    return x, y


def test_ley_exacta(funcion):
    a, b = 4.2, 0.076
    x = np.array(X)
    resultado = funcion(x, a * x**-b)
    assert isinstance(resultado, tuple) and len(resultado) == 3, (
        "Pista: devuelve una tupla de tres números, (a, b, r2)."
    )
    a_obt, b_obt, r2 = (float(v) for v in resultado)
    assert not math.isclose(b_obt, -b, rel_tol=1e-6), (
        f"Pista: diste b = {b_obt:.4g}: es la pendiente de la recta, que es negativa. El "
        "exponente de y = a · x^(-b) es la pendiente cambiada de signo."
    )
    assert math.isclose(b_obt, b, rel_tol=1e-6), (
        f"Pista: con datos que siguen exactamente y = {a} · x^(-{b}) se esperaba b = {b} y "
        f"diste {b_obt:.6g}. Ajusta una recta a los logaritmos de x y de y."
    )
    assert not math.isclose(a_obt, math.log(a), rel_tol=1e-6), (
        f"Pista: diste a = {a_obt:.4g}, que es ln(a): deshaz el logaritmo de la ordenada en el "
        "origen para dar el prefactor en las unidades de y."
    )
    assert not math.isclose(a_obt, math.log10(a), rel_tol=1e-6), (
        f"Pista: diste a = {a_obt:.4g}, que es log10(a): deshaz el logaritmo de la ordenada en "
        "el origen para dar el prefactor en las unidades de y."
    )
    assert math.isclose(a_obt, a, rel_tol=1e-6), (
        f"Pista: se esperaba el prefactor a = {a} y diste {a_obt:.6g}. Deshaz el logaritmo con "
        "la MISMA base que usaste para ajustar (si ajustas con ln, deshazlo con e; si con "
        "log10, con 10)."
    )
    assert math.isclose(r2, 1.0, abs_tol=1e-9), (
        f"Pista: los datos siguen la ley exactamente, así que R² = 1; diste {r2:.6g}."
    )


def test_datos_con_ruido(funcion):
    for semilla in range(3):
        x, y = _con_ruido(semilla)
        a_ref, b_ref, r2_ref = referencia(x, y)
        a_obt, b_obt, r2 = (float(v) for v in funcion(x.copy(), y.copy()))
        assert math.isclose(b_obt, b_ref, rel_tol=1e-6) and math.isclose(a_obt, a_ref,
                                                                         rel_tol=1e-6), (
            f"Pista: con datos con ruido se esperaba a = {a_ref:.5g}, b = {b_ref:.5g} y diste "
            f"a = {a_obt:.5g}, b = {b_obt:.5g}. Ajusta por mínimos cuadrados en escala log-log "
            "(no en escala lineal, donde los puntos con y grande pesan mucho más), con b "
            "positivo y a en las unidades de y."
        )
        assert math.isclose(r2, r2_ref, abs_tol=1e-8), (
            f"Pista: a y b están bien, pero se esperaba R² = {r2_ref:.6f} y diste {r2:.6f}. "
            "Calcula R² = 1 - SS_res / SS_tot con los logaritmos: los residuos son ln y menos "
            "la recta ajustada (no y menos a · x^(-b)) y SS_tot suma los cuadrados de ln y "
            "menos su media."
        )


def test_acepta_listas_y_no_modifica_la_entrada(funcion):
    x, y = _con_ruido(5)
    esperado = [float(v) for v in funcion(x.copy(), y.copy())]
    try:
        obtenido = funcion(x.tolist(), y.tolist())
    except (AttributeError, TypeError) as error:
        raise AssertionError(
            "Pista: con x e y como listas de Python tu función falla "
            f"({type(error).__name__}: {error}); conviértelas primero en arreglos de NumPy."
        ) from None
    assert np.allclose([float(v) for v in obtenido], esperado, rtol=1e-6, atol=1e-8), (
        "Pista: con listas de Python tu función da otro resultado que con arreglos de NumPy: "
        "conviértelas en arreglos de números reales antes de operar."
    )
    copia_x, copia_y = x.copy(), y.copy()
    funcion(x, y)
    assert np.array_equal(x, copia_x) and np.array_equal(y, copia_y), (
        "Pista: tu función modificó x o y (p. ej. ordenándolos o tomando logaritmos en su "
        "sitio): trabaja sobre copias o arreglos nuevos."
    )
