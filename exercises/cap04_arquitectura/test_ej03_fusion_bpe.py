"""Calificador del ejercicio 4.3: un paso de fusión BPE."""

import random

from curso_llm.tokenizacion import fusionar as referencia


def test_ejemplos(funcion):
    casos = [
        (([1, 2, 3, 1, 2], (1, 2), 99), [99, 3, 99]),
        (([7, 7, 7], (7, 7), 50), [50, 7]),
        (([7, 7, 7, 7], (7, 7), 50), [50, 50]),
        (([3, 1, 2], (1, 2), 9), [3, 9]),
        (([1], (1, 2), 9), [1]),
        (([], (1, 2), 9), []),
        (([2, 1, 2, 1], (1, 2), 9), [2, 9, 1]),
    ]
    for (ids, par, nuevo), esperado in casos:
        obtenido = list(funcion(list(ids), par, nuevo))
        assert obtenido == esperado, (
            f"Pista: fusionar({ids}, {par}, {nuevo}) debe dar {esperado} y diste {obtenido}. "
            "Recorre de izquierda a derecha, salta dos posiciones tras fusionar y no olvides el "
            "último par."
        )


def test_coincide_con_la_referencia_y_no_modifica_la_entrada(funcion):
    rng = random.Random(0)
    for _ in range(200):
        ids = [rng.randrange(4) for _ in range(rng.randrange(0, 15))]
        par = (rng.randrange(4), rng.randrange(4))
        copia = list(ids)
        obtenido = list(funcion(ids, par, 100))
        assert ids == copia, "Pista: no modifiques la lista de entrada; construye una lista nueva."
        assert obtenido == referencia(copia, par, 100), (
            f"Pista: con ids={copia} y par={par} esperaba {referencia(copia, par, 100)} y diste "
            f"{obtenido}; las apariciones se sustituyen todas, sin solaparse."
        )
