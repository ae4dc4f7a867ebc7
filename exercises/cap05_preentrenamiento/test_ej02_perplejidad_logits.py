"""Calificador del ejercicio 5.2: perplejidad a partir de los logits de un modelo causal."""

import math

import torch

from curso_llm.evaluacion import perplejidad_desde_logits as referencia


def _datos(semilla: int, lote: int = 3, t: int = 8, v: int = 11, escala: float = 3.0):
    generador = torch.Generator().manual_seed(semilla)
    logits = torch.randn(lote, t, v, generator=generador) * escala
    etiquetas = torch.randint(0, v, (lote, t), generator=generador)
    return logits, etiquetas


def test_modelo_uniforme_da_el_tamano_del_vocabulario(funcion):
    v = 13
    logits = torch.zeros(2, 6, v)
    etiquetas = torch.randint(0, v, (2, 6), generator=torch.Generator().manual_seed(1))
    obtenido = float(funcion(logits, etiquetas))
    assert math.isclose(obtenido, v, rel_tol=1e-5), (
        f"Pista: un modelo que da la misma probabilidad a los V = {v} tokens tiene perplejidad "
        f"{v}; obtuviste {obtenido:.5g}. Devuelve la exponencial (con e, no 2 ni 10) de la "
        "pérdida media por token, no la pérdida."
    )


def test_cada_posicion_predice_el_token_siguiente(funcion):
    # Los logits de la posición t apuestan fuerte por la etiqueta de t + 1.
    logits, etiquetas = _datos(2, escala=1.0)
    logits[:, :-1].scatter_add_(-1, etiquetas[:, 1:, None], torch.full((3, 7, 1), 6.0))
    obtenido = float(funcion(logits, etiquetas))
    esperado = referencia(logits, etiquetas)
    assert math.isclose(obtenido, esperado, rel_tol=1e-4), (
        f"Pista: se esperaba una perplejidad de {esperado:.4g} (el modelo acierta casi siempre) "
        f"y obtuviste {obtenido:.4g}. El logit de la posición t predice la etiqueta de t + 1: "
        "descarta el último logit y la primera etiqueta antes de comparar."
    )


def test_coincide_con_la_referencia(funcion):
    for semilla, (lote, t, v) in enumerate([(1, 2, 5), (2, 9, 17), (4, 16, 50)], start=3):
        logits, etiquetas = _datos(semilla, lote, t, v)
        obtenido = float(funcion(logits, etiquetas))
        esperado = referencia(logits, etiquetas)
        assert math.isclose(obtenido, esperado, rel_tol=1e-4), (
            f"Pista: con lote={lote}, T={t} y V={v} se esperaba {esperado:.6g} y obtuviste "
            f"{obtenido:.6g}. Hay lote·(T - 1) predicciones: desplaza una posición, usa el "
            "logaritmo natural de la softmax sobre el vocabulario y promedia antes de la "
            "exponencial."
        )


def test_ignora_las_etiquetas_marcadas(funcion):
    logits, etiquetas = _datos(7, lote=2, t=10)
    etiquetas[0, 6:] = -100  # relleno al final de la primera secuencia
    etiquetas[1, 0] = -100  # la primera etiqueta nunca se predice: no cambia nada
    etiquetas[1, 4] = -100
    obtenido = float(funcion(logits, etiquetas))
    esperado = referencia(logits, etiquetas)
    assert math.isfinite(obtenido) and math.isclose(obtenido, esperado, rel_tol=1e-4), (
        f"Pista: con etiquetas -100 se esperaba {esperado:.6g} y obtuviste {obtenido:.6g}. Las "
        "posiciones ignoradas no suman pérdida NI cuentan en el divisor, y se eligen con las "
        "etiquetas ya desplazadas (la etiqueta que se predice, no la de la entrada)."
    )


def test_media_por_token_no_por_secuencia(funcion):
    # La primera secuencia solo tiene 1 token que cuenta; la segunda, 7.
    logits, etiquetas = _datos(8, lote=2, t=8)
    logits[0] *= 4.0
    etiquetas[0, 2:] = -100
    obtenido = float(funcion(logits, etiquetas))
    esperado = referencia(logits, etiquetas)
    assert math.isclose(obtenido, esperado, rel_tol=1e-4), (
        f"Pista: se esperaba {esperado:.6g} y obtuviste {obtenido:.6g}. Cuando las secuencias "
        "tienen distinto número de tokens ignorados, la media por secuencia y luego por lote "
        "da otro número: suma las pérdidas de TODOS los tokens que cuentan del lote y divide "
        "por cuántos son."
    )


def test_usa_el_valor_de_ignorar(funcion):
    logits, etiquetas = _datos(9, lote=2, t=8)
    etiquetas[etiquetas == 0] = 1
    etiquetas[0, 5:] = 0  # aquí el relleno es el id 0
    obtenido = float(funcion(logits, etiquetas, ignorar=0))
    esperado = referencia(logits, etiquetas, ignorar=0)
    assert math.isclose(obtenido, esperado, rel_tol=1e-4), (
        f"Pista: con ignorar=0 se esperaba {esperado:.6g} y obtuviste {obtenido:.6g}: usa el "
        "argumento ignorar que recibes, no -100 fijo."
    )


def test_estable_con_logits_enormes(funcion):
    # Cada posición se desplaza entre 1e4 y 2e4: la softmax no cambia, pero exp(1e4) desborda.
    logits, etiquetas = _datos(10, lote=2, t=6, v=9)
    desplazamiento = 1e4 * (1.0 + torch.rand(2, 6, 1, generator=torch.Generator().manual_seed(11)))
    logits = logits + desplazamiento
    obtenido = float(funcion(logits, etiquetas))
    esperado = referencia(logits, etiquetas)
    # En float32, cerca de 2e4 la separación entre números es ~0.002: tolerancia de 0.5 %.
    assert math.isfinite(obtenido) and math.isclose(obtenido, esperado, rel_tol=5e-3), (
        f"Pista: con logits del orden de 1e4 se esperaba {esperado:.6g} y obtuviste "
        f"{obtenido:.6g}. La exponencial de 1e4 desborda: calcula el logaritmo de la softmax "
        "de forma estable (restando el máximo de CADA posición, no uno global), o usa una "
        "entropía cruzada de PyTorch que ya lo hace."
    )
