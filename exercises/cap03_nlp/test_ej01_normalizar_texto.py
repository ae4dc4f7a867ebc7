"""Calificador del ejercicio 3.1: normalizar texto."""

import unicodedata

from curso_llm.nlp_clasico.preprocesamiento import normalizar_texto as referencia


def test_quita_tildes_y_pasa_a_minusculas(funcion):
    for texto in ["Canción", "PINGÜINO", "Árbol y ÉXITO", "Papá fue a la Estación.", "Hola"]:
        obtenido = funcion(texto)
        assert isinstance(obtenido, str), "Pista: devuelve una cadena (str), no otra cosa."
        assert obtenido == referencia(texto), (
            f"Pista: para {texto!r} se espera {referencia(texto)!r} y devolviste {obtenido!r}: "
            "minúsculas y sin tildes ni diéresis."
        )


def test_conserva_la_enie(funcion):
    for texto in ["Año", "NIÑO", "Ñandú", "la señora Muñoz"]:
        obtenido = funcion(texto)
        assert obtenido == referencia(texto), (
            f"Pista: para {texto!r} se espera {referencia(texto)!r} y devolviste {obtenido!r}. "
            "La ñ no es una n con acento: «año» y «ano» son palabras distintas; no borres la "
            "virgulilla (U+0303) cuando sigue a una «n»."
        )


def test_entrada_en_nfd_y_salida_en_nfc(funcion):
    for texto in ["Cancio\u0301n", "pingu\u0308ino", "An\u0303o", "papa\u0301"]:
        obtenido = funcion(texto)
        assert obtenido == referencia(texto), (
            f"Pista: la entrada {texto!r} viene en NFD (letra + marca combinante); se espera "
            f"{referencia(texto)!r} y devolviste {obtenido!r}. Descompón con NFD, filtra las "
            "marcas y recompón con NFC."
        )
        assert unicodedata.is_normalized("NFC", obtenido), (
            "Pista: la salida debe estar en NFC (la ñ como un solo carácter, U+00F1)."
        )


def test_no_toca_el_resto(funcion):
    texto = "¿Tienes 3 gatos? ¡Sí, y 2 perros!"
    assert funcion(texto) == referencia(texto), (
        "Pista: los signos de puntuación, los espacios y los números deben quedar igual."
    )


def test_mayusculas_en_nfd_y_otras_marcas(funcion):
    casos = [
        "PIN\u0303A",  # Ñ mayúscula en NFD: la virgulilla sigue a una «N»
        "São Tomé",  # virgulilla sobre una vocal: es una tilde y se quita
        "crème brûlée à la carte",  # acentos grave y circunflejo: también se quitan
        "CIGÜEÑA",
    ]
    for texto in casos:
        obtenido = funcion(texto)
        assert obtenido == referencia(texto), (
            f"Pista: para {texto!r} se espera {referencia(texto)!r} y devolviste {obtenido!r}. "
            "Quita TODAS las marcas combinantes (agudo, grave, circunflejo, diéresis, "
            "virgulilla sobre vocal) salvo la virgulilla que sigue a una «n» o una «N»: "
            "mira la letra anterior antes de pasar a minúsculas, o pasa antes a minúsculas."
        )


def test_no_cambia_ordinales_ni_simbolos(funcion):
    for texto in ["El 1º de mayo, 2ª edición", "x² + ½", "", "   "]:
        obtenido = funcion(texto)
        assert obtenido == referencia(texto), (
            f"Pista: para {texto!r} se espera {referencia(texto)!r} y devolviste {obtenido!r}: "
            "las formas de compatibilidad (NFKD, NFKC) convierten «º» en «o» y «²» en «2»; "
            "usa NFD y NFC, que solo separan y juntan las marcas."
        )
