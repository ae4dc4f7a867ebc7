"""Los calificadores de los ejercicios 7.3 y 7.4 atrapan errores reales.

Cada función de abajo es una implementación plausible pero equivocada de ROUGE-L o del
recorte del historial; el calificador debe marcarla como no superada, con una pista concreta
sobre ese error.
"""

import pytest

from curso_llm.calificador import calificar
from curso_llm.evaluacion import tokenizar_rouge

# --- 7.3 ROUGE-L ------------------------------------------------------------------------------


def _lcs(a, b, desfase=0):
    fila = [0] * (len(b) + 1)
    for x in a:
        anterior, fila = fila, [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            k = min(j - 1 + desfase, len(b) - 1)
            fila[j] = anterior[j - 1] + 1 if x == b[k] else max(anterior[j], fila[j - 1])
    return fila[-1]


def _f1(lcs, n_pred, n_ref):
    if not n_pred or not n_ref or not lcs:
        return 0.0
    p, r = lcs / n_pred, lcs / n_ref
    return 2 * p * r / (p + r)


def rouge_subcadena_contigua(prediccion, referencia):
    a, b = tokenizar_rouge(prediccion), tokenizar_rouge(referencia)
    mejor = 0
    for i in range(len(a)):
        for j in range(len(b)):
            k = 0
            while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
                k += 1
            mejor = max(mejor, k)
    return _f1(mejor, len(a), len(b))


def rouge_devuelve_la_precision(prediccion, referencia):
    a, b = tokenizar_rouge(prediccion), tokenizar_rouge(referencia)
    return _lcs(a, b) / len(a) if a and b else 0.0


def rouge_devuelve_la_exhaustividad(prediccion, referencia):
    a, b = tokenizar_rouge(prediccion), tokenizar_rouge(referencia)
    return _lcs(a, b) / len(b) if a and b else 0.0


def rouge_sobre_caracteres(prediccion, referencia):
    a = list("".join(tokenizar_rouge(prediccion)))
    b = list("".join(tokenizar_rouge(referencia)))
    return _f1(_lcs(a, b), len(a), len(b))


def rouge_parte_por_espacios(prediccion, referencia):
    a, b = prediccion.split(), referencia.split()
    return _f1(_lcs(a, b), len(a), len(b))


def rouge_lcs_con_indice_desplazado(prediccion, referencia):
    a, b = tokenizar_rouge(prediccion), tokenizar_rouge(referencia)
    return _f1(_lcs(a, b, desfase=1), len(a), len(b))


def rouge_divide_entre_cero(prediccion, referencia):
    a, b = tokenizar_rouge(prediccion), tokenizar_rouge(referencia)
    lcs = _lcs(a, b)
    p, r = lcs / len(a), lcs / len(b)
    return 2 * p * r / (p + r)


def rouge_devuelve_un_entero(prediccion, referencia):
    a, b = tokenizar_rouge(prediccion), tokenizar_rouge(referencia)
    lcs = _lcs(a, b)
    if not lcs:
        return 0
    return 2 * lcs / (len(a) + len(b))


# --- 7.4 recortar el historial ---------------------------------------------------------------


def _partes(mensajes):
    n = 1 if mensajes and mensajes[0]["role"] == "system" and len(mensajes) > 1 else 0
    return n


def historial_quita_el_sistema(mensajes, tokens, presupuesto):
    if len(tokens) != len(mensajes):
        raise ValueError("un coste por mensaje")
    if not mensajes:
        return []
    inicio, total = 0, sum(tokens)
    while inicio < len(mensajes) - 1 and total > presupuesto:
        total -= tokens[inicio]
        inicio += 1
        while inicio < len(mensajes) - 1 and mensajes[inicio]["role"] == "assistant":
            total -= tokens[inicio]
            inicio += 1
    return list(mensajes[inicio:])


def historial_quita_los_recientes(mensajes, tokens, presupuesto):
    if len(tokens) != len(mensajes):
        raise ValueError("un coste por mensaje")
    if not mensajes:
        return []
    n = _partes(mensajes)
    medio, costes = list(mensajes[n:-1]), list(tokens[n:-1])
    total = sum(tokens)
    while medio and total > presupuesto:
        medio.pop()
        total -= costes.pop()
        while medio and medio[-1]["role"] == "user":
            medio.pop()
            total -= costes.pop()
    return list(mensajes[:n]) + medio + [mensajes[-1]]


def _recorte(mensajes, tokens, presupuesto, cabe=lambda total, p: total <= p, contar=None,
             saltar_asistente=True):
    if len(tokens) != len(mensajes):
        raise ValueError("un coste por mensaje")
    if not mensajes:
        return []
    n = _partes(mensajes)
    inicio = n
    total = sum(tokens) if contar is None else contar(tokens, n)
    while inicio < len(mensajes) - 1 and not cabe(total, presupuesto):
        total -= tokens[inicio]
        inicio += 1
        while saltar_asistente and inicio < len(mensajes) - 1 \
                and mensajes[inicio]["role"] != "user":
            total -= tokens[inicio]
            inicio += 1
    return list(mensajes[:n]) + list(mensajes[inicio:])


def historial_menor_estricto(mensajes, tokens, presupuesto):
    return _recorte(mensajes, tokens, presupuesto, cabe=lambda total, p: total < p)


def historial_modifica_la_entrada(mensajes, tokens, presupuesto):
    if len(tokens) != len(mensajes):
        raise ValueError("un coste por mensaje")
    if not mensajes:
        return mensajes
    n = _partes(mensajes)
    while len(mensajes) > n + 1 and sum(tokens) > presupuesto:
        mensajes.pop(n)
        tokens.pop(n)
        while len(mensajes) > n + 1 and mensajes[n]["role"] != "user":
            mensajes.pop(n)
            tokens.pop(n)
    return mensajes


def historial_cuenta_sin_el_ultimo(mensajes, tokens, presupuesto):
    return _recorte(mensajes, tokens, presupuesto, contar=lambda t, n: sum(t[:-1]))


def historial_cuenta_sin_el_sistema(mensajes, tokens, presupuesto):
    return _recorte(mensajes, tokens, presupuesto, contar=lambda t, n: sum(t[n:]))


def historial_deja_un_asistente_al_principio(mensajes, tokens, presupuesto):
    return _recorte(mensajes, tokens, presupuesto, saltar_asistente=False)


def historial_de_dos_en_dos(mensajes, tokens, presupuesto):
    if len(tokens) != len(mensajes):
        raise ValueError("un coste por mensaje")
    if not mensajes:
        return []
    n = _partes(mensajes)
    inicio, total = n, sum(tokens)
    while inicio < len(mensajes) - 1 and total > presupuesto:
        for _ in range(2):
            if inicio < len(mensajes) - 1:
                total -= tokens[inicio]
                inicio += 1
    return list(mensajes[:n]) + list(mensajes[inicio:])


def historial_devuelve_la_misma_lista(mensajes, tokens, presupuesto):
    if len(tokens) == len(mensajes) and sum(tokens) <= presupuesto:
        return mensajes
    return _recorte(mensajes, tokens, presupuesto)


ERRORES = [
    ("7.3", rouge_subcadena_contigua),
    ("7.3", rouge_devuelve_la_precision),
    ("7.3", rouge_devuelve_la_exhaustividad),
    ("7.3", rouge_sobre_caracteres),
    ("7.3", rouge_parte_por_espacios),
    ("7.3", rouge_lcs_con_indice_desplazado),
    ("7.3", rouge_divide_entre_cero),
    ("7.3", rouge_devuelve_un_entero),
    ("7.4", historial_quita_el_sistema),
    ("7.4", historial_quita_los_recientes),
    ("7.4", historial_menor_estricto),
    ("7.4", historial_modifica_la_entrada),
    ("7.4", historial_cuenta_sin_el_ultimo),
    ("7.4", historial_cuenta_sin_el_sistema),
    ("7.4", historial_deja_un_asistente_al_principio),
    ("7.4", historial_de_dos_en_dos),
    ("7.4", historial_devuelve_la_misma_lista),
]

PISTA_ESPERADA = {
    "rouge_subcadena_contigua": "subcadena común más larga",
    "rouge_devuelve_la_precision": "la precisión",
    "rouge_devuelve_la_exhaustividad": "la exhaustividad",
    "rouge_sobre_caracteres": "no caracteres",
    "rouge_parte_por_espacios": "Partes por espacios",
    "rouge_lcs_con_indice_desplazado": "tabla de la LCS",
    "rouge_divide_entre_cero": "divide entre 0",
    "rouge_devuelve_un_entero": "no el entero 0",
    "historial_quita_el_sistema": "sistema se conserva siempre",
    "historial_quita_los_recientes": "Se quitan los más antiguos",
    "historial_menor_estricto": "≤, no <",
    "historial_modifica_la_entrada": "modificó la lista",
    "historial_cuenta_sin_el_ultimo": "Sumas",
    "historial_cuenta_sin_el_sistema": "Sumas",
    "historial_deja_un_asistente_al_principio": "respuesta sin su pregunta",
    "historial_de_dos_en_dos": "dos preguntas seguidas",
    "historial_devuelve_la_misma_lista": "lista nueva",
}


@pytest.mark.parametrize("id_ejercicio, funcion", ERRORES, ids=[f.__name__ for _, f in ERRORES])
def test_el_calificador_atrapa_el_error(id_ejercicio, funcion):
    (resultado,) = calificar(id_ejercicio, funcion, mostrar=False)
    assert not resultado.superado, f"{id_ejercicio} aceptó {funcion.__name__}"
    assert resultado.estado == "falla", resultado.pistas
    assert resultado.pistas and all(p.startswith(("Pista:", "Tu función lanzó", "Lo que devolvió tu función"))
                                    for p in resultado.pistas), resultado.pistas
    esperada = PISTA_ESPERADA[funcion.__name__]
    assert any(esperada in p for p in resultado.pistas), (esperada, resultado.pistas)
