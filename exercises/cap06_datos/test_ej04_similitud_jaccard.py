"""Calificador del ejercicio 6.4: similitud de Jaccard."""

import random

from curso_llm.deduplicacion import similitud_jaccard as referencia
from curso_llm.deduplicacion import tejas


def _cerca(a, b) -> bool:
    return abs(float(a) - float(b)) < 1e-12


def test_ejemplo_y_tipo(funcion):
    a, b = {"dolor de", "de cabeza"}, {"de cabeza", "cabeza leve"}
    mismo = funcion(a, set(a))
    assert _cerca(mismo, 1.0), (
        f"Pista: un conjunto comparado consigo mismo tiene similitud 1 y diste {mismo!r}. Es "
        "una similitud, no una distancia; y la unión de A con A es A: no sumes los tamaños."
    )
    obtenido = funcion(a, b)
    assert isinstance(obtenido, float), (
        f"Pista: devuelve un float (diste {type(obtenido).__name__}). Si obtienes 0 donde "
        "esperabas 1/3, ¿usas división entera?"
    )
    assert _cerca(obtenido, 1 / 3), (
        f"Pista: {{'dolor de', 'de cabeza'}} y {{'de cabeza', 'cabeza leve'}} comparten 1 teja "
        f"de 3 distintas: J = 1/3, y diste {obtenido!r}. La unión cuenta cada teja una vez (no "
        "sumes los tamaños) y el denominador es la unión, no el conjunto más pequeño. Si diste 0, "
        "¿usas división entera?"
    )
    assert _cerca(funcion({"x"}, {"y"}), 0.0), (
        "Pista: dos conjuntos sin nada en común tienen similitud 0."
    )


def test_vacios(funcion):
    try:
        ambos = funcion(set(), set())
    except ZeroDivisionError:
        raise AssertionError(
            "Pista: con los dos conjuntos vacíos la unión está vacía y tu función divide entre "
            "0. El contrato dice que dos vacíos son el mismo conjunto: similitud 1.0."
        ) from None
    assert _cerca(ambos, 1.0), (
        f"Pista: con los dos conjuntos vacíos el contrato pide 1.0 (son el mismo conjunto) y "
        f"diste {ambos!r}."
    )
    uno = funcion(set(), {"a", "b"})
    assert _cerca(uno, 0.0), (
        f"Pista: con un solo conjunto vacío no hay nada en común: 0.0, y diste {uno!r}."
    )


def test_listas_con_repetidos(funcion):
    a = ["fiebre alta", "fiebre alta", "tos seca", "dolor"]
    b = ["tos seca", "tos seca", "dolor", "mareo"]
    obtenido = funcion(list(a), list(b))
    assert _cerca(obtenido, 2 / 4), (
        f"Pista: con listas, cada elemento repetido cuenta UNA vez (se tratan como conjuntos): "
        f"{{fiebre alta, tos seca, dolor}} y {{tos seca, dolor, mareo}} comparten 2 de 4 y "
        f"diste {obtenido!r}. ¿Cuentas los repetidos en la intersección o en la unión?"
    )


def test_no_modifica_las_entradas(funcion):
    a, b = {"a", "b", "c"}, {"c", "d"}
    copia_a, copia_b = set(a), set(b)
    funcion(a, b)
    assert a == copia_a and b == copia_b, (
        "Pista: tu función modificó los conjuntos de entrada (¿calculaste la unión o la "
        "intersección en su sitio, con update o |=?). Crea conjuntos nuevos."
    )
    la, lb = ["a", "a", "b"], ["b", "c"]
    funcion(la, lb)
    assert la == ["a", "a", "b"] and lb == ["b", "c"], (
        "Pista: tu función modificó las listas de entrada; no las toques."
    )


def test_coincide_con_la_referencia_en_tejas_reales(funcion):
    rng = random.Random(6)
    palabras = ("fiebre tos dolor de cabeza pecho leve alta desde ayer hace una semana con sin "
                "mareo náuseas").split()
    for _ in range(40):
        t1 = " ".join(rng.choice(palabras) for _ in range(rng.randint(1, 15)))
        t2 = " ".join(rng.choice(palabras) for _ in range(rng.randint(1, 15)))
        k = rng.randint(1, 3)
        a, b = tejas(t1, k), tejas(t2, k)
        esperado, obtenido = referencia(a, b), funcion(set(a), set(b))
        assert _cerca(obtenido, esperado), (
            f"Pista: con {len(a)} y {len(b)} tejas ({len(a & b)} comunes, {len(a | b)} "
            f"distintas) se esperaba {esperado:.4f} y diste {float(obtenido):.4f}."
        )
