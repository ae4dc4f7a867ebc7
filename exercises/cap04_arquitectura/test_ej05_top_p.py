"""Calificador del ejercicio 4.5: filtrado top-p."""

import torch

from curso_llm.generacion import filtrar_top_p as referencia


def _conservados(logits):
    return torch.isfinite(logits).tolist()


def test_ejemplo_a_mano(funcion):
    logits = torch.tensor([0.5, 0.3, 0.15, 0.05]).log()
    assert _conservados(funcion(logits, 0.75)) == [True, True, False, False], (
        "Pista: con probabilidades [0.5, 0.3, 0.15, 0.05] y p=0.75 se quedan los dos primeros: "
        "el token con el que la suma cruza p (0.5 + 0.3 = 0.8) también se conserva."
    )
    assert _conservados(funcion(logits, 0.45)) == [True, False, False, False], (
        "Pista: con p=0.45 basta el primer token (0.5 ≥ 0.45)."
    )
    assert _conservados(funcion(logits, 0.01)) == [True, False, False, False], (
        "Pista: aunque p sea diminuto, conserva siempre al menos el token más probable."
    )
    desordenados = torch.tensor([0.15, 0.5, 0.05, 0.3]).log()
    obtenido = funcion(desordenados, 0.75)
    assert _conservados(obtenido) == [False, True, False, True], (
        "Pista: el resultado debe estar en el orden original de los tokens, no ordenado: "
        "devuelve los índices a su sitio (scatter) tras ordenar."
    )
    assert torch.allclose(obtenido[torch.isfinite(obtenido)], desordenados[[1, 3]]), (
        "Pista: los logits que se conservan no deben cambiar de valor."
    )


def test_coincide_con_la_referencia(funcion):
    generador = torch.Generator().manual_seed(0)
    for p in (0.1, 0.5, 0.9):
        logits = torch.randn(8, 30, generator=generador) * 2.5
        obtenido = funcion(logits.clone(), p)
        assert tuple(obtenido.shape) == (8, 30), "Pista: la salida debe tener la forma de los logits."
        assert _conservados(obtenido) == _conservados(referencia(logits, p)), (
            f"Pista: con p={p} conservas otro conjunto de tokens; trabaja con probabilidades "
            "(softmax), no con logits, ordenadas de mayor a menor y fila a fila."
        )
