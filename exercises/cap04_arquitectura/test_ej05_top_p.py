"""Calificador del ejercicio 4.5: filtrado top-p."""

import torch

from curso_llm.generacion import filtrar_top_p as referencia


def _conservados(logits):
    return torch.isfinite(logits).tolist()


def test_ejemplo_a_mano(funcion):
    logits = torch.tensor([0.5, 0.3, 0.15, 0.05]).log()
    assert _conservados(funcion(logits, 0.75)) == [True, True, False, False], (
        "Pista: con probabilidades [0.5, 0.3, 0.15, 0.05] y p=0.75 se quedan los dos primeros: "
        "el token con el que la suma cruza p (0.5 + 0.3 = 0.8) también se conserva."
    )
    assert _conservados(funcion(logits, 0.45)) == [True, False, False, False], (
        "Pista: con p=0.45 basta el primer token (0.5 ≥ 0.45)."
    )
    assert _conservados(funcion(logits, 0.01)) == [True, False, False, False], (
        "Pista: aunque p sea diminuto, conserva siempre al menos el token más probable."
    )
    desordenados = torch.tensor([0.15, 0.5, 0.05, 0.3]).log()
    obtenido = funcion(desordenados, 0.75)
    assert _conservados(obtenido) == [False, True, False, True], (
        "Pista: el resultado debe estar en el orden original de los tokens, no ordenado: "
        "tras decidir sobre la lista ordenada, lleva cada decisión a la posición de su token."
    )
    assert torch.allclose(obtenido[torch.isfinite(obtenido)], desordenados[[1, 3]]), (
        "Pista: los logits que se conservan no deben cambiar de valor."
    )


def test_coincide_con_la_referencia(funcion):
    generador = torch.Generator().manual_seed(0)
    for p in (0.1, 0.5, 0.9):
        logits = torch.randn(8, 30, generator=generador) * 2.5
        obtenido = funcion(logits.clone(), p)
        assert tuple(obtenido.shape) == (8, 30), "Pista: la salida debe tener la forma de los logits."
        assert _conservados(obtenido) == _conservados(referencia(logits, p)), (
            f"Pista: con p={p} conservas otro conjunto de tokens en alguna fila; trabaja con "
            "probabilidades (softmax), no con logits, ordenadas de mayor a menor, y decide "
            "cuántos tokens quedan en CADA fila por separado (no un mismo número para todo el "
            "lote)."
        )
        conservados = torch.isfinite(obtenido)
        assert torch.equal(obtenido[conservados], logits[conservados]), (
            "Pista: los logits que se conservan deben quedar con su valor original (sin "
            "renormalizar ni pasar a probabilidades)."
        )


def test_umbral_exacto_y_empates(funcion):
    # Filas uniformes de 4 tokens: cada uno vale exactamente 0.25 y las sumas son exactas.
    logits = torch.zeros(3, 4)
    for p, cuantos in [(0.25, 1), (0.5, 2), (0.75, 3), (0.6, 3), (1.0, 4)]:
        obtenido = funcion(logits.clone(), p)
        assert torch.isfinite(obtenido).sum(-1).tolist() == [cuantos] * 3, (
            f"Pista: con 4 tokens de probabilidad 0.25 y p={p} deben quedar {cuantos} en cada "
            f"fila y quedan {torch.isfinite(obtenido).sum(-1).tolist()}: si la suma llega "
            "EXACTAMENTE a p el conjunto ya está completo (≥ p), y con empates da igual cuáles "
            "se queden, pero solo los necesarios."
        )


def test_cualquier_numero_de_ejes(funcion):
    generador = torch.Generator().manual_seed(1)
    for forma in [(30,), (2, 3, 25)]:
        logits = torch.randn(forma, generator=generador) * 2.5
        obtenido = funcion(logits.clone(), 0.7)
        esperado = referencia(logits, 0.7)
        assert tuple(obtenido.shape) == forma and _conservados(obtenido) == _conservados(esperado), (
            f"Pista: con logits de forma {forma} el resultado no coincide: ordena, acumula y "
            "devuelve al orden original a lo largo del ÚLTIMO eje (dim=-1), sea cual sea el "
            "número de ejes."
        )
