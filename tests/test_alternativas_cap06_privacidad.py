"""El calificador del ejercicio 6.6 acepta soluciones correctas escritas de otra forma.

Una recorre el texto a mano, carácter a carácter, sin expresiones regulares; otra usa
``re.sub`` con una función de sustitución y un solo patrón con grupos con nombre; otra
normaliza los teléfonos a su forma internacional (+34...) en lugar de a 9 cifras. Todas
cumplen el contrato y deben superar el calificador.
"""

import re

import pytest

from curso_llm.calificador import calificar


def con_re_sub_y_grupos(texto):
    patron = re.compile(
        r"(?P<TELEFONO>(?<![\w+])(?:(?:\+34|0034|\(\+34\))[ -]?)?[6-9](?:[ -]?\d){8}(?!\w))"
        r"|(?P<DNI>(?<![\w.])(?:\d{2}\.\d{3}\.\d{3}|\d{8})-?[a-zA-Z](?!\w))"
        r"|(?P<NIE>(?<!\w)[xyzXYZ]-?\d{7}-?[a-zA-Z](?!\w))")
    marcadores = {}
    cuentas = {"TELEFONO": 0, "DNI": 0, "NIE": 0}

    def sustituir(m):
        tipo = m.lastgroup
        valor = m.group()
        clave = "+34" + re.sub(r"\D", "", valor)[-9:] if tipo == "TELEFONO" else \
            "".join(c for c in valor if c.isalnum()).upper()
        if (tipo, clave) not in marcadores:
            cuentas[tipo] += 1
            marcadores[(tipo, clave)] = f"[{tipo}_{cuentas[tipo]}]"
        return marcadores[(tipo, clave)]

    return patron.sub(sustituir, texto)


def _frontera(texto, i):
    return i < 0 or i >= len(texto) or not (texto[i].isalnum() or texto[i] == "_")


def _leer_cifras(texto, i, n, separadores=" -"):
    """Lee n cifras desde i con un separador opcional entre cifras; devuelve el final o -1."""
    leidas = 0
    while leidas < n:
        if i < len(texto) and texto[i].isdigit() and texto[i].isascii():
            leidas += 1
            i += 1
            if leidas < n and i < len(texto) and texto[i] in separadores and i + 1 < len(texto) \
                    and texto[i + 1].isdigit():
                i += 1
        else:
            return -1
    return i


def a_mano(texto):
    salida, marcadores, cuentas = [], {}, {}
    i = 0
    while i < len(texto):
        encontrado = None
        if _frontera(texto, i - 1) and (i == 0 or texto[i - 1] != "+"):
            # Teléfono, con prefijo opcional.
            for prefijo in ("(+34)", "+34", "0034", ""):
                if texto.startswith(prefijo, i):
                    j = i + len(prefijo)
                    if prefijo and j < len(texto) and texto[j] in " -":
                        j += 1
                    if j < len(texto) and texto[j] in "6789":
                        fin = _leer_cifras(texto, j, 9)
                        if fin > 0 and _frontera(texto, fin):
                            cifras = "".join(c for c in texto[j:fin] if c.isdigit())
                            encontrado = ("TELEFONO", cifras, fin)
                            break
            # DNI (sin punto delante).
            if encontrado is None and (i == 0 or texto[i - 1] != "."):
                for con_puntos in (False, True):
                    j, cifras = i, ""
                    grupos = (2, 3, 3) if con_puntos else (8,)
                    ok = True
                    for k, g in enumerate(grupos):
                        trozo = texto[j:j + g]
                        if len(trozo) != g or not trozo.isdigit() or not trozo.isascii():
                            ok = False
                            break
                        cifras += trozo
                        j += g
                        if con_puntos and k < 2:
                            if texto[j:j + 1] != ".":
                                ok = False
                                break
                            j += 1
                    if not ok:
                        continue
                    if texto[j:j + 1] == "-":
                        j += 1
                    if j < len(texto) and texto[j].isascii() and texto[j].isalpha() \
                            and _frontera(texto, j + 1):
                        encontrado = ("DNI", cifras + texto[j].upper(), j + 1)
                        break
            # NIE.
            if encontrado is None and texto[i:i + 1].upper() in ("X", "Y", "Z") and texto[i:i + 1]:
                j = i + 1 + (texto[i + 1:i + 2] == "-")
                trozo = texto[j:j + 7]
                if len(trozo) == 7 and trozo.isdigit() and trozo.isascii():
                    j += 7
                    j += texto[j:j + 1] == "-"
                    if j < len(texto) and texto[j].isascii() and texto[j].isalpha() \
                            and _frontera(texto, j + 1):
                        encontrado = ("NIE", texto[i].upper() + trozo + texto[j].upper(), j + 1)
        if encontrado:
            tipo, clave, fin = encontrado
            if (tipo, clave) not in marcadores:
                cuentas[tipo] = cuentas.get(tipo, 0) + 1
                marcadores[(tipo, clave)] = f"[{tipo}_{cuentas[tipo]}]"
            salida.append(marcadores[(tipo, clave)])
            i = fin
        else:
            salida.append(texto[i])
            i += 1
    return "".join(salida)


ALTERNATIVAS = [con_re_sub_y_grupos, a_mano]


@pytest.mark.parametrize("funcion", ALTERNATIVAS, ids=[f.__name__ for f in ALTERNATIVAS])
def test_el_calificador_acepta_la_alternativa(funcion):
    (resultado,) = calificar("6.6", funcion, mostrar=False, registrar=False)
    assert resultado.superado, (funcion.__name__, resultado.pistas)
