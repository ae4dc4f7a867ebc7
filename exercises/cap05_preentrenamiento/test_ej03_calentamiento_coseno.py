"""Calificador del ejercicio 5.3: calentamiento lineal y decaimiento coseno."""

import math

from curso_llm.entrenamiento.preentrenamiento import tasa_calentamiento_coseno as referencia

MAXIMA = 3e-4


def _cerca(a, b) -> bool:
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-15)


def test_puntos_clave(funcion):
    total, calentamiento = 110, 10
    inicio = funcion(0, total, calentamiento, MAXIMA)
    assert _cerca(inicio, 0.0), (
        f"Pista: en el paso 0 la tasa es 0 (el calentamiento empieza desde cero) y diste "
        f"{float(inicio):.3g}: ¿sumas 1 al paso?"
    )
    pico = funcion(calentamiento, total, calentamiento, MAXIMA)
    assert _cerca(pico, MAXIMA), (
        f"Pista: justo al acabar el calentamiento (paso = pasos_calentamiento = {calentamiento}) "
        f"la tasa es la máxima, {MAXIMA}, y diste {float(pico):.4g}. El progreso del coseno "
        "empieza en 0 al acabar el calentamiento, no en el paso 0."
    )
    final = funcion(total, total, calentamiento, MAXIMA)
    assert _cerca(final, 0.0), (
        f"Pista: en el último paso (paso = pasos_totales) la tasa es la mínima, 0, y diste "
        f"{float(final):.4g}. El coseno recorre MEDIO periodo (de 0 a π), no uno entero, y el "
        "progreso se reparte entre los pasos que quedan tras el calentamiento."
    )
    cuarto = funcion(35, total, calentamiento, MAXIMA)
    esperado = MAXIMA * (1 + math.cos(math.pi / 4)) / 2
    assert _cerca(cuarto, esperado), (
        f"Pista: a un cuarto del decaimiento (paso 35 de 10 a 110) la tasa es {esperado:.6g} y "
        f"diste {float(cuarto):.6g}: el decaimiento es medio coseno desplazado, "
        "(1 + cos(π·progreso)) / 2, no una recta."
    )


def test_calentamiento_lineal(funcion):
    total, calentamiento = 200, 16
    for paso in range(calentamiento):
        obtenido = funcion(paso, total, calentamiento, MAXIMA)
        esperado = referencia(paso, total, calentamiento, MAXIMA)
        assert _cerca(obtenido, esperado), (
            f"Pista: en el paso {paso} del calentamiento ({calentamiento} pasos) se esperaba "
            f"{esperado:.6g} y diste {float(obtenido):.6g}. La tasa sube en línea recta de 0 "
            "(en el paso 0) a la máxima (en el paso pasos_calentamiento): no sumes 1 al paso ni "
            "uses división entera, que redondea la fracción a 0."
        )


def test_tasa_minima(funcion):
    total, calentamiento, minima = 50, 5, 3e-5
    inicio = funcion(0, total, calentamiento, MAXIMA, minima)
    assert _cerca(inicio, 0.0), (
        f"Pista: con tasa_minima = {minima} el calentamiento sigue empezando en 0 (como en "
        f"transformers), no en la tasa mínima; diste {float(inicio):.4g} en el paso 0."
    )
    final = funcion(total, total, calentamiento, MAXIMA, minima)
    assert _cerca(final, minima), (
        f"Pista: en el último paso la tasa debe ser tasa_minima = {minima} y diste "
        f"{float(final):.4g}: el coseno baja desde la máxima hasta la mínima, no hasta 0."
    )
    for paso in range(total + 1):
        obtenido = funcion(paso, total, calentamiento, MAXIMA, minima)
        esperado = referencia(paso, total, calentamiento, MAXIMA, minima)
        assert _cerca(obtenido, esperado), (
            f"Pista: con tasa_minima = {minima}, en el paso {paso} se esperaba {esperado:.6g} "
            f"y diste {float(obtenido):.6g}. El calentamiento va de 0 a la máxima y, después, "
            "la tasa es la mínima más (máxima - mínima) por el factor del coseno, que va de 1 "
            "a 0."
        )


def test_sin_calentamiento(funcion):
    try:
        obtenido = funcion(0, 40, 0, MAXIMA)
    except ZeroDivisionError:
        raise AssertionError(
            "Pista: sin calentamiento (pasos_calentamiento = 0) tu función divide entre 0. El "
            "calentamiento abarca solo los pasos ANTERIORES a pasos_calentamiento; ese paso, y "
            "aquí el paso 0, ya son del coseno."
        ) from None
    assert _cerca(obtenido, MAXIMA), (
        f"Pista: sin calentamiento (pasos_calentamiento = 0) el paso 0 ya usa la tasa máxima "
        f"y diste {float(obtenido):.4g}. El calentamiento abarca solo los pasos ANTERIORES a "
        "pasos_calentamiento; ese paso ya es del coseno."
    )


def test_coincide_en_todos_los_pasos(funcion):
    for total, calentamiento, minima in [(7, 3, 0.0), (120, 12, 0.0), (33, 1, 1e-5),
                                         (1000, 100, 3e-5)]:
        for paso in range(total + 1):
            obtenido = funcion(paso, total, calentamiento, MAXIMA, minima)
            esperado = referencia(paso, total, calentamiento, MAXIMA, minima)
            assert _cerca(obtenido, esperado), (
                f"Pista: con pasos_totales={total}, pasos_calentamiento={calentamiento} y "
                f"tasa_minima={minima}, en el paso {paso} se esperaba {esperado:.6g} y diste "
                f"{float(obtenido):.6g}."
            )
