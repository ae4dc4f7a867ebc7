"""Calificador del ejercicio 2.6: parada temprana."""

import random

from curso_llm.redes import parada_temprana as referencia

CASOS = [
    # (pérdidas, paciencia, (mejor, parada))
    ([1.0, 0.8, 0.9, 0.85, 0.95], 2, (1, 3)),
    ([1.0, 0.8, 0.9, 0.85, 0.95], 1, (1, 2)),
    ([1.0, 0.9, 0.8, 0.7], 2, (3, 3)),
    ([0.5, 0.6, 0.7, 0.2, 0.1], 2, (0, 2)),
    ([1.0, 1.0, 1.0, 1.0], 3, (0, 3)),
    ([0.9, 0.7, 0.7, 0.75, 0.6, 0.65], 2, (1, 3)),
    ([0.9], 1, (0, 0)),
]


def _llamar(funcion, perdidas, paciencia):
    salida = funcion(list(perdidas), paciencia)
    assert isinstance(salida, (tuple, list)) and len(salida) == 2, (
        "Pista: devuelve una tupla (mejor_epoca, epoca_parada)."
    )
    return int(salida[0]), int(salida[1])


def test_casos_a_mano(funcion):
    for perdidas, paciencia, esperado in CASOS:
        obtenido = _llamar(funcion, perdidas, paciencia)
        assert obtenido[1] == esperado[1], (
            f"Pista: con pérdidas {perdidas} y paciencia={paciencia} la parada es la época "
            f"{esperado[1]} (contando desde 0), no {obtenido[1]}: para en cuanto se acumulan "
            "'paciencia' épocas seguidas sin mejora estricta (un empate no mejora)."
        )
        assert obtenido[0] == esperado[0], (
            f"Pista: con pérdidas {perdidas} y paciencia={paciencia} la mejor época es "
            f"{esperado[0]}, no {obtenido[0]}: cuenta desde 0, quédate con la primera del mínimo "
            "y no mires épocas posteriores a la parada."
        )


def test_coincide_con_la_referencia(funcion):
    rng = random.Random(0)
    for _ in range(200):
        n = rng.randint(1, 15)
        # Valores redondeados: así hay empates, que no cuentan como mejora.
        perdidas = [round(rng.uniform(0.2, 1.0), 1) for _ in range(n)]
        paciencia = rng.randint(1, 4)
        esperado = referencia(perdidas, paciencia)
        obtenido = _llamar(funcion, perdidas, paciencia)
        assert obtenido == esperado, (
            f"Pista: con pérdidas {perdidas} y paciencia={paciencia} se esperaba "
            f"(mejor, parada) = {esperado} y devolviste {obtenido}."
        )


def test_no_modifica_la_lista(funcion):
    perdidas = [0.9, 0.8, 0.85, 0.7]
    copia = list(perdidas)
    funcion(perdidas, 2)
    assert perdidas == copia, "Pista: no modifiques (ni ordenes) la lista de pérdidas que recibes."


def test_perdidas_de_cualquier_escala(funcion):
    # Pérdidas mayores que 1, negativas o muy largas: nada de suponer que están en [0, 1].
    largas = [10.0 - 0.01 * i for i in range(300)] + [7.5] * 6
    casos = [
        ([12.0, 11.0, 11.5, 10.9, 11.2, 11.3], 2, (3, 5)),
        ([-0.5, -0.7, -0.6, -0.65, -0.8], 2, (1, 3)),
        ([3.0, 3.0, 2.0, 2.0, 2.0], 2, (2, 4)),
        (largas, 5, (299, 304)),
        ([0.9, 0.8, 0.85, 0.7, 0.75, 0.72, 0.71, 0.6], 3, (3, 6)),
    ]
    for perdidas, paciencia, esperado in casos:
        obtenido = _llamar(funcion, perdidas, paciencia)
        resumen = perdidas if len(perdidas) < 10 else f"[{len(perdidas)} pérdidas que bajan y se estancan]"
        assert obtenido == esperado, (
            f"Pista: con pérdidas {resumen} y paciencia={paciencia} se esperaba "
            f"(mejor, parada) = {esperado} y devolviste {obtenido}. Empieza con una «mejor "
            "pérdida» que cualquier época mejore (sea cual sea su escala) y reinicia el "
            "contador de épocas sin mejora cada vez que hay una mejora estricta."
        )
