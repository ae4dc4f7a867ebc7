"""Calificador del ejercicio 7.3: ROUGE-L a mano."""

import random

from curso_llm.evaluacion import rouge_l as referencia
from curso_llm.evaluacion import tokenizar_rouge


def _cerca(a, b) -> bool:
    return abs(float(a) - float(b)) < 1e-9


def test_ejemplo_y_tipo(funcion):
    prediccion = "el paciente tiene fiebre alta"
    ref = "el paciente no tiene fiebre muy alta"
    obtenido = funcion(prediccion, ref)
    assert isinstance(obtenido, float), (
        f"Pista: devuelve un float (diste {type(obtenido).__name__}). ¿Usas división entera?"
    )
    assert not _cerca(obtenido, 2 * 2 / 12), (
        "Pista: diste 0.333, lo que sale con la subcadena común más larga (palabras SEGUIDAS: "
        "«el paciente»). ROUGE-L usa la subsecuencia: las palabras comunes en el mismo orden "
        "aunque haya otras en medio; aquí son 5."
    )
    assert not _cerca(obtenido, 5 / 7), (
        "Pista: diste 5/7, la exhaustividad (LCS entre las palabras de la referencia). "
        "ROUGE-L es el F1: combina la precisión y la exhaustividad."
    )
    assert not _cerca(obtenido, 1.0), (
        "Pista: diste 1.0, la precisión (LCS entre las palabras de la predicción, que aquí "
        "están todas en la referencia). ROUGE-L es el F1 de precisión y exhaustividad."
    )
    assert _cerca(obtenido, 10 / 12), (
        f"Pista: la LCS tiene 5 palabras, P = 5/5 y R = 5/7, así que F1 = 10/12 = 0.8333, y "
        f"diste {obtenido!r}. Repasa la tabla de la LCS: si cuentas de más o de menos, revisa "
        "qué palabras comparas en cada casilla (con índices desde 0, la casilla i mira la "
        "palabra i - 1) y que la respuesta es la última casilla."
    )


def test_tokeniza_como_tokenizar_rouge(funcion):
    obtenido = funcion("Fiebre, tos y dolor de cabeza.", "fiebre tos y dolor de cabeza")
    assert _cerca(obtenido, 1.0), (
        f"Pista: «Fiebre, tos y dolor de cabeza.» y «fiebre tos y dolor de cabeza» tienen las "
        f"mismas palabras para tokenizar_rouge (minúsculas, sin puntuación) y diste "
        f"{obtenido!r}, no 1.0. ¿Partes por espacios en vez de usar tokenizar_rouge?"
    )
    obtenido = funcion("canción", "camión")
    assert _cerca(obtenido, 0.0), (
        f"Pista: «canción» y «camión» no comparten ninguna palabra y diste {obtenido!r}. "
        "ROUGE-L compara palabras, no caracteres: la LCS se calcula sobre las listas de "
        "tokenizar_rouge."
    )
    obtenido = funcion("dolor de cabeza", "dolor cabeza")
    assert _cerca(obtenido, 0.8), (
        f"Pista: «dolor de cabeza» frente a «dolor cabeza» tiene LCS de 2 palabras, P = 2/3 y "
        f"R = 1, F1 = 0.8, y diste {obtenido!r}. Cuenta palabras, no caracteres."
    )


def test_vacios_y_sin_nada_en_comun(funcion):
    for prediccion, ref in [("", "fiebre alta"), ("fiebre alta", ""), ("", ""),
                            ("...", "¡fiebre!"), ("tos", "fiebre")]:
        try:
            obtenido = funcion(prediccion, ref)
        except ZeroDivisionError:
            raise AssertionError(
                f"Pista: con {prediccion!r} y {ref!r} tu función divide entre 0. Si un texto no "
                "tiene palabras, o no comparten ninguna (P + R = 0), el contrato pide 0.0."
            ) from None
        assert isinstance(obtenido, float) and _cerca(obtenido, 0.0), (
            f"Pista: con {prediccion!r} y {ref!r} el contrato pide el float 0.0 (no el entero 0) "
            f"y diste {obtenido!r}."
        )


def test_es_simetrica(funcion):
    a, b = "la tos empeora por la noche", "por la noche la tos seca empeora mucho"
    ab, ba = funcion(a, b), funcion(b, a)
    assert _cerca(ab, ba), (
        f"Pista: F1 es simétrico (cambiar predicción por referencia intercambia P y R) y tu "
        f"función da {ab!r} en un orden y {ba!r} en el otro: ¿devuelves la precisión o la "
        "exhaustividad en vez del F1?"
    )


def test_coincide_con_la_referencia(funcion):
    rng = random.Random(7)
    palabras = ("Fiebre fiebre tos dolor de cabeza pecho leve alta desde ayer hace una semana "
                "con sin mareo náuseas ñ la el").split()
    signos = ["", "", "", ",", ".", "?"]
    for _ in range(60):
        textos = [" ".join(rng.choice(palabras) + rng.choice(signos)
                           for _ in range(rng.randint(0, 14))) for _ in range(2)]
        esperado, obtenido = referencia(*textos), funcion(*textos)
        assert _cerca(obtenido, esperado), (
            f"Pista: con {textos[0]!r} ({len(tokenizar_rouge(textos[0]))} palabras) y "
            f"{textos[1]!r} ({len(tokenizar_rouge(textos[1]))}) se esperaba {esperado:.4f} y "
            f"diste {float(obtenido):.4f}. Comprueba la tabla de la LCS con un caso pequeño "
            "a mano: las palabras pueden repetirse."
        )


def test_tildes_guiones_bajos_y_textos_largos(funcion):
    casos = [("canción", "cancion"), ("fiebre_alta", "fiebre alta"), ("Tos SECA.", "tos seca")]
    for prediccion, ref in casos:
        esperado, obtenido = referencia(prediccion, ref), funcion(prediccion, ref)
        assert isinstance(obtenido, float) and abs(obtenido - esperado) < 1e-9, (
            f"Pista: con {prediccion!r} frente a {ref!r} se esperaba {esperado} y diste "
            f"{obtenido!r}: tokeniza exactamente con tokenizar_rouge (conserva las tildes; el "
            "guion bajo separa palabras) y devuelve un float."
        )
    identicos = funcion("la tos seca", "la tos seca")
    assert isinstance(identicos, float) and identicos == 1.0, (
        f"Pista: dos textos iguales dan 1.0 (un float, no el entero 1); diste {identicos!r}."
    )
    rng = random.Random(7)
    largo_a = " ".join(f"a{rng.randrange(50)}" for _ in range(150))
    largo_b = " ".join(f"b{rng.randrange(50)}" for _ in range(150))
    largo_c = " ".join(f"a{rng.randrange(50)}" for _ in range(150))
    for a, b in ((largo_a, largo_b), (largo_a, largo_c)):
        esperado, obtenido = referencia(a, b), funcion(a, b)
        assert abs(obtenido - esperado) < 1e-9, (
            f"Pista: con dos textos de 150 palabras se esperaba {esperado:.6f} y diste "
            f"{obtenido!r}. La LCS se calcula con una tabla (programación dinámica), sin "
            "recalcular los mismos subproblemas una y otra vez (recursión exponencial)."
        )
