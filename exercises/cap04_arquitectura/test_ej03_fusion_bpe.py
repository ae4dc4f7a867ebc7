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


def test_ids_de_varias_cifras_y_lista_nueva(funcion):
    # Con ids de dos o más cifras, trabajar sobre el texto «11 2 1 21» confunde los números.
    casos = [
        (([11, 2, 1, 21], (1, 2), 300), [11, 2, 1, 21]),
        (([1, 21, 1, 2, 12], (1, 2), 300), [1, 21, 300, 12]),
        (([256, 101, 256, 101, 10], (256, 101), 1000), [1000, 1000, 10]),
        (([12, 3, 1, 23], (12, 3), 7), [7, 1, 23]),
        (([5, 6, 6, 5], (6, 5), 99), [5, 6, 99]),
        (([11, 12, 13], (1, 2), 300), [11, 12, 13]),
    ]
    for (ids, par, nuevo), esperado in casos:
        entrada = list(ids)
        obtenido = funcion(entrada, par, nuevo)
        assert entrada == ids, (
            "Pista: no modifiques la lista de entrada; construye una lista nueva."
        )
        assert obtenido is not entrada, (
            "Pista: devuelve una lista NUEVA, también cuando no hay nada que fusionar (no "
            "devuelvas la misma lista que recibes)."
        )
        assert list(obtenido) == esperado, (
            f"Pista: fusionar({ids}, {par}, {nuevo}) debe dar {esperado} y diste "
            f"{list(obtenido)}. Compara enteros, no texto: al unir los ids en una cadena, «1 2» "
            "aparece dentro de «11 2» o de «1 21». Y el par es ordenado: (a, b) no es (b, a)."
        )
