"""Los calificadores de los ejercicios 7.3 y 7.4 aceptan soluciones correctas escritas de
otra forma (tabla completa, recursión, otra biblioteca, candidatos en vez de un bucle)."""

from collections import deque
from functools import lru_cache

import pytest

from curso_llm.calificador import calificar
from curso_llm.evaluacion import tokenizar_rouge

# --- 7.3 ROUGE-L ------------------------------------------------------------------------------


def rouge_con_tabla_completa(prediccion, referencia):
    a, b = tokenizar_rouge(prediccion), tokenizar_rouge(referencia)
    tabla = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                tabla[i][j] = tabla[i - 1][j - 1] + 1
            else:
                tabla[i][j] = max(tabla[i - 1][j], tabla[i][j - 1])
    lcs = tabla[len(a)][len(b)]
    return 2 * lcs / (len(a) + len(b)) if lcs else 0.0  # F1 = 2L / (m + n)


def rouge_con_recursion(prediccion, referencia):
    a, b = tuple(tokenizar_rouge(prediccion)), tuple(tokenizar_rouge(referencia))

    @lru_cache(maxsize=None)
    def lcs(i, j):
        if i == len(a) or j == len(b):
            return 0
        if a[i] == b[j]:
            return 1 + lcs(i + 1, j + 1)
        return max(lcs(i + 1, j), lcs(i, j + 1))

    largo = lcs(0, 0)
    if largo == 0:
        return 0.0
    precision, exhaustividad = largo / len(a), largo / len(b)
    return 2 * precision * exhaustividad / (precision + exhaustividad)


class _Tokenizador:
    def tokenize(self, texto):
        return tokenizar_rouge(texto)


def rouge_con_rouge_score(prediccion, referencia):
    from rouge_score import rouge_scorer

    puntuador = rouge_scorer.RougeScorer(["rougeL"], tokenizer=_Tokenizador())
    return float(puntuador.score(referencia, prediccion)["rougeL"].fmeasure)


# --- 7.4 recortar el historial ---------------------------------------------------------------


def historial_por_candidatos(mensajes, tokens, presupuesto):
    """Prueba los comienzos posibles en orden (el original y cada pregunta posterior) y se
    queda con el primero que cabe."""
    if len(tokens) != len(mensajes):
        raise ValueError("Hace falta un coste por mensaje.")
    if not mensajes:
        return []
    n = 1 if mensajes[0]["role"] == "system" and len(mensajes) > 1 else 0
    ultimo = len(mensajes) - 1
    candidatos = [n] + [i for i in range(n + 1, ultimo) if mensajes[i]["role"] == "user"]
    for inicio in candidatos + [ultimo]:
        if sum(tokens[:n]) + sum(tokens[inicio:]) <= presupuesto or inicio == ultimo:
            return mensajes[:n] + mensajes[inicio:]
    return mensajes[:n] + mensajes[ultimo:]


def historial_con_deque(mensajes, tokens, presupuesto):
    if len(tokens) != len(mensajes):
        raise ValueError("Hace falta un coste por mensaje.")
    if not mensajes:
        return []
    pares = list(zip(mensajes, tokens))
    sistema = [pares.pop(0)] if mensajes[0]["role"] == "system" and len(mensajes) > 1 else []
    ultimo = pares.pop()
    medio = deque(pares)
    total = sum(t for _, t in sistema) + sum(t for _, t in medio) + ultimo[1]
    while medio and total > presupuesto:
        total -= medio.popleft()[1]
        while medio and medio[0][0]["role"] != "user":
            total -= medio.popleft()[1]
    return [m for m, _ in sistema] + [m for m, _ in medio] + [ultimo[0]]


ALTERNATIVAS = [
    ("7.3", rouge_con_tabla_completa),
    ("7.3", rouge_con_recursion),
    ("7.3", rouge_con_rouge_score),
    ("7.4", historial_por_candidatos),
    ("7.4", historial_con_deque),
]


@pytest.mark.parametrize("id_ejercicio, funcion", ALTERNATIVAS,
                         ids=[f.__name__ for _, f in ALTERNATIVAS])
def test_el_calificador_acepta_la_alternativa(id_ejercicio, funcion):
    (resultado,) = calificar(id_ejercicio, funcion, mostrar=False)
    assert resultado.superado, resultado.pistas
