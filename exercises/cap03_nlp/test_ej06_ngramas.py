"""Calificador del ejercicio 3.6: extraer n-gramas."""

import random

from curso_llm.nlp_clasico.ngramas import ngramas as referencia

PALABRAS = ["el", "gato", "come", "pan", "con", "queso", "y", "miel"]


def test_ejemplo_del_enunciado(funcion):
    tokens = ["el", "gato", "come", "pan"]
    obtenido = list(funcion(tokens, 2))
    assert obtenido == [("el", "gato"), ("gato", "come"), ("come", "pan")], (
        f"Pista: los bigramas de {tokens} son 3 tuplas en orden y obtuviste {obtenido}."
    )


def test_cuantos_ngramas(funcion):
    rng = random.Random(0)
    for n in (1, 2, 3, 4):
        tokens = [rng.choice(PALABRAS) for _ in range(rng.randint(5, 12))]
        obtenido = list(funcion(tokens, n))
        assert len(obtenido) == len(tokens) - n + 1, (
            f"Pista: con {len(tokens)} tokens y n={n} hay {len(tokens) - n + 1} n-gramas y "
            f"devolviste {len(obtenido)}: uno por cada posición en la que aún caben n tokens, "
            "solapados y también los repetidos."
        )


def test_coincide_con_la_referencia(funcion):
    rng = random.Random(1)
    for n in (1, 2, 3, 5):
        tokens = [rng.choice(PALABRAS) for _ in range(rng.randint(6, 15))]
        obtenido = list(funcion(list(tokens), n))
        assert all(isinstance(g, tuple) for g in obtenido), (
            "Pista: cada n-grama debe ser una tupla de n tokens (también con n = 1), no una lista ni "
            "un token suelto."
        )
        assert obtenido == referencia(tokens, n), (
            f"Pista: con n={n} los n-gramas no coinciden: son los grupos de n tokens "
            "consecutivos, en orden, empezando en cada posición."
        )


def test_secuencia_mas_corta_que_n(funcion):
    assert list(funcion(["hola", "mundo"], 3)) == [], (
        "Pista: si hay menos de n tokens no hay ningún n-grama: devuelve una lista vacía."
    )


def test_repetidos_y_tokens_con_espacios(funcion):
    tokens = ["a", "b", "a", "b", "a", "nueva york", "a", "b"]
    for n in (1, 2, 3):
        obtenido = list(funcion(list(tokens), n))
        assert obtenido == referencia(tokens, n), (
            f"Pista: con n={n} y tokens {tokens} se esperaba {referencia(tokens, n)} y "
            f"devolviste {obtenido}: conserva los n-gramas repetidos y su orden (sin conjuntos "
            "ni diccionarios), uno por cada posición, y trata cada token como una unidad (no "
            "unas los tokens en un texto para volver a partirlo)."
        )
    assert list(funcion([], 1)) == [], "Pista: una lista sin tokens no tiene n-gramas."
