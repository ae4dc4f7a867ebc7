"""El calificador del ejercicio 6.6 atrapa errores reales al anonimizar teléfonos y DNI/NIE.

Cada función de abajo es una implementación plausible pero equivocada; el calificador debe
marcarla como no superada, con una pista concreta sobre ese error.
"""

import re

import pytest

from curso_llm.calificador import calificar

_PREFIJO = r"(?:(?:\+|00)34[ -]?|\(\+34\)[ -]?)?"
TELEFONO = r"(?<![\w+])" + _PREFIJO + r"[6-9](?:[ -]?\d){8}(?!\w)"
DNI = r"(?<![\w.])(?:\d{8}|\d{2}\.\d{3}\.\d{3})-?[A-Za-z](?!\w)"
NIE = r"(?<!\w)[XYZxyz]-?\d{7}-?[A-Za-z](?!\w)"


def _norm(tipo, valor):
    if tipo == "TELEFONO":
        return re.sub(r"\D", "", valor)[-9:]
    return re.sub(r"[^0-9A-Za-z]", "", valor).upper()


def _anonimizar(texto, patrones, normalizar=_norm, orden=None, global_=False):
    """Esqueleto común: busca, ordena, numera y sustituye (cada error cambia una pieza)."""
    tramos = sorted((m.start(), m.end(), tipo, normalizar(tipo, m.group()))
                    for tipo, patron in patrones for m in re.finditer(patron, texto))
    limpios, fin = [], 0
    for t in tramos:
        if t[0] >= fin:
            limpios.append(t)
            fin = t[1]
    claves = list(dict.fromkeys((t[2], t[3]) for t in limpios))
    if orden:
        claves = orden(claves)
    marcadores, cuentas = {}, {}
    for n, (tipo, clave) in enumerate(claves, 1):
        cuentas[tipo] = cuentas.get(tipo, 0) + 1
        marcadores[(tipo, clave)] = f"[{tipo}_{n if global_ else cuentas[tipo]}]"
    salida, fin = [], 0
    for inicio, final, tipo, clave in limpios:
        salida += [texto[fin:inicio], marcadores[(tipo, clave)]]
        fin = final
    return "".join(salida) + texto[fin:]


_BIEN = [("TELEFONO", TELEFONO), ("DNI", DNI), ("NIE", NIE)]


def sin_normalizar(texto):
    return _anonimizar(texto, _BIEN, normalizar=lambda tipo, valor: valor)


def numera_por_valor(texto):
    return _anonimizar(texto, _BIEN, orden=sorted)


def un_solo_contador(texto):
    return _anonimizar(texto, _BIEN, global_=True)


def telefono_sin_fronteras(texto):
    return _anonimizar(texto, [("TELEFONO", _PREFIJO + r"[6-9](?:[ -]?\d){8}"), ("DNI", DNI),
                               ("NIE", NIE)])


def telefono_nueve_cifras_cualesquiera(texto):
    return _anonimizar(texto, [("TELEFONO", r"(?<![\w+])" + _PREFIJO + r"\d(?:[ -]?\d){8}(?!\w)"),
                               ("DNI", DNI), ("NIE", NIE)])


def telefono_sin_prefijo(texto):
    return _anonimizar(texto, [("TELEFONO", r"(?<!\w)[6-9](?:[ -]?\d){8}(?!\w)"), ("DNI", DNI),
                               ("NIE", NIE)])


def telefono_solo_espacios(texto):
    return _anonimizar(texto, [("TELEFONO", r"(?<![\w+])" + _PREFIJO + r"[6-9](?: ?\d){8}(?!\w)"),
                               ("DNI", DNI), ("NIE", NIE)])


def dni_solo_contiguo_y_mayuscula(texto):
    return _anonimizar(texto, [("TELEFONO", TELEFONO), ("DNI", r"\b\d{8}[A-Z]\b"),
                               ("NIE", NIE)])


def dni_normaliza_sin_mayusculas(texto):
    def normalizar(tipo, valor):
        return _norm(tipo, valor) if tipo == "TELEFONO" else re.sub(r"[^0-9A-Za-z]", "", valor)
    return _anonimizar(texto, _BIEN, normalizar=normalizar)


def nie_como_dni(texto):
    return _anonimizar(texto, [("TELEFONO", TELEFONO), ("DNI", DNI), ("DNI", NIE)])


def telefono_admite_mas_delante(texto):
    # Frontera izquierda sin el «+»: «+612345678» pasa por teléfono (y el «+» queda a la vista).
    return _anonimizar(texto, [("TELEFONO", r"(?<!\w)" + _PREFIJO + r"[6-9](?:[ -]?\d){8}(?!\w)"),
                               ("DNI", DNI), ("NIE", NIE)])


def nie_con_frontera_del_dni(texto):
    # Copia al NIE la frontera del DNI, que prohíbe un punto delante: «Doc.X1234567L» se escapa.
    return _anonimizar(texto, [("TELEFONO", TELEFONO), ("DNI", DNI),
                               ("NIE", r"(?<![\w.])[XYZxyz]-?\d{7}-?[A-Za-z](?!\w)")])


def sin_nie(texto):
    return _anonimizar(texto, [("TELEFONO", TELEFONO), ("DNI", DNI)])


def sustituye_con_replace(texto):
    # Numera bien pero sustituye con str.replace valor a valor: «612345678» también se
    # reemplaza dentro de «0034612345678» antes de llegar a él (y deja el prefijo a la vista).
    vistos = {}
    for tipo, patron in _BIEN:
        for m in re.finditer(patron, texto):
            vistos.setdefault((tipo, _norm(tipo, m.group())), []).append((m.start(), m.group()))
    orden = sorted(vistos, key=lambda k: vistos[k][0][0])
    cuentas = {}
    for tipo, clave in orden:
        cuentas[tipo] = cuentas.get(tipo, 0) + 1
        for _, valor in sorted(vistos[(tipo, clave)], key=lambda v: len(v[1])):
            texto = texto.replace(valor, f"[{tipo}_{cuentas[tipo]}]")
    return texto


def no_hace_nada(texto):
    return texto


ERRORES = [sin_normalizar, numera_por_valor, un_solo_contador, telefono_sin_fronteras,
           telefono_nueve_cifras_cualesquiera, telefono_sin_prefijo, telefono_solo_espacios,
           dni_solo_contiguo_y_mayuscula, dni_normaliza_sin_mayusculas, nie_como_dni, sin_nie,
           telefono_admite_mas_delante, nie_con_frontera_del_dni, sustituye_con_replace,
           no_hace_nada]

PISTA_ESPERADA = {
    "sin_normalizar": "normaliza",
    "numera_por_valor": "PRIMERA APARICIÓN",
    "un_solo_contador": "cada tipo cuenta aparte",
    "telefono_sin_fronteras": "fronteras",
    "telefono_nueve_cifras_cualesquiera": "empiecen por 6, 7, 8 o 9",
    "telefono_sin_prefijo": "prefijo",
    "telefono_solo_espacios": "acepta los dos separadores",
    "dni_solo_contiguo_y_mayuscula": "con puntos",
    "dni_normaliza_sin_mayusculas": "en mayúscula",
    "nie_como_dni": "no [DNI_n]",
    "sin_nie": "un NIE es X, Y o Z",
    "telefono_admite_mas_delante": "«+» suelto",
    "nie_con_frontera_del_dni": "un punto justo delante SÍ vale",
    "sustituye_con_replace": "prefijo",
    "no_hace_nada": "sigue a la vista",
}


@pytest.mark.parametrize("funcion", ERRORES, ids=[f.__name__ for f in ERRORES])
def test_el_calificador_atrapa_el_error(funcion):
    (resultado,) = calificar("6.6", funcion, mostrar=False, registrar=False)
    assert not resultado.superado, f"6.6 aceptó {funcion.__name__}"
    assert resultado.estado == "falla", resultado.pistas
    assert resultado.pistas and all(p.startswith(("Pista:", "Tu función lanzó",
                                                  "Lo que devolvió tu función"))
                                    for p in resultado.pistas), resultado.pistas
    esperada = PISTA_ESPERADA[funcion.__name__]
    assert any(esperada in p for p in resultado.pistas), (esperada, resultado.pistas)
