"""Calificador del ejercicio 4.1: atención de producto escalar escalada."""

import torch

from curso_llm.arquitectura import atencion_escalada as referencia
from curso_llm.arquitectura import mascara_causal


def _tensores(semilla, *formas):
    generador = torch.Generator().manual_seed(semilla)
    return [torch.randn(f, generator=generador) for f in formas]


def test_coincide_sin_mascara(funcion):
    for semilla, (lote, tq, tk, d, dv) in enumerate([((), 4, 6, 8, 5), ((2,), 5, 7, 16, 3),
                                                    ((2, 3), 6, 6, 4, 4)]):
        q, k, v = _tensores(semilla, (*lote, tq, d), (*lote, tk, d), (*lote, tk, dv))
        salida, pesos = funcion(q, k, v)
        esperada, pesos_ref = referencia(q, k, v)
        assert tuple(pesos.shape) == tuple(pesos_ref.shape), (
            f"Pista: los pesos deben tener forma (..., Tq, Tk) = {tuple(pesos_ref.shape)}; "
            f"tienen {tuple(pesos.shape)}. ¿Transpones K con k.transpose(-2, -1)?"
        )
        assert torch.allclose(pesos.sum(-1), torch.ones(pesos.shape[:-1]), atol=1e-5), (
            "Pista: cada fila de pesos (una consulta) debe sumar 1: aplica la softmax sobre el "
            "último eje (las claves), dim=-1."
        )
        assert torch.allclose(pesos, pesos_ref, atol=1e-5), (
            "Pista: los pesos no coinciden con softmax(Q Kᵀ / sqrt(d)); ¿divides entre la raíz "
            "de d (la última dimensión de q), no entre d ni entre Tk?"
        )
        assert torch.allclose(salida, esperada, atol=1e-5), (
            "Pista: la salida debe ser pesos @ v, de forma (..., Tq, dv)."
        )


def test_respeta_la_mascara(funcion):
    q, k, v = _tensores(10, (2, 3, 6, 8), (2, 3, 6, 8), (2, 3, 6, 4))
    mascara = mascara_causal(6)
    salida, pesos = funcion(q, k, v, mascara)
    esperada, pesos_ref = referencia(q, k, v, mascara)
    assert torch.all(pesos[..., ~mascara] == 0), (
        "Pista: donde la máscara vale False el peso debe ser exactamente 0: pon -inf en esas "
        "puntuaciones antes de la softmax (True = se puede atender, no al revés)."
    )
    assert torch.allclose(pesos, pesos_ref, atol=1e-5) and torch.allclose(salida, esperada, atol=1e-5), (
        "Pista: con máscara causal los pesos no coinciden; enmascara las puntuaciones, no los pesos "
        "ya normalizados."
    )
    mascara_rara = torch.rand(6, 6, generator=torch.Generator().manual_seed(3)) > 0.5
    mascara_rara[:, 0] = True
    _, pesos = funcion(q, k, v, mascara_rara)
    _, pesos_ref = referencia(q, k, v, mascara_rara)
    assert torch.allclose(pesos, pesos_ref, atol=1e-5), (
        "Pista: con una máscara cualquiera (no solo la causal) los pesos no coinciden."
    )


def test_sin_mascara_igual_que_mascara_llena(funcion):
    q, k, v = _tensores(20, (5, 8), (5, 8), (5, 8))
    a, _ = funcion(q, k, v)
    b, _ = funcion(q, k, v, torch.ones(5, 5, dtype=torch.bool))
    assert torch.allclose(a, b, atol=1e-6), (
        "Pista: una máscara toda True no debe cambiar nada respecto a no pasar máscara."
    )
