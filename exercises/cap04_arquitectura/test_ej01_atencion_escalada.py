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
            f"tienen {tuple(pesos.shape)}. ¿Traspones solo los dos últimos ejes de k (posiciones y d), "
            "sin tocar los de lote y cabezas?"
        )
        assert torch.allclose(pesos.sum(-1), torch.ones(pesos.shape[:-1]), atol=1e-5), (
            "Pista: cada fila de pesos (una consulta) debe sumar 1: aplica la softmax sobre el "
            "último eje (las claves), no sobre las consultas."
        )
        assert torch.allclose(pesos, pesos_ref, atol=1e-5), (
            "Pista: los pesos no coinciden con softmax(Q Kᵀ / sqrt(d)); ¿divides entre la raíz "
            "de d (la última dimensión de q), no entre d ni entre Tk?"
        )
        assert torch.allclose(salida, esperada, atol=1e-5), (
            "Pista: los pesos están bien pero la salida no: cada consulta devuelve la media de "
            "las filas de v ponderada por sus pesos, de forma (..., Tq, dv)."
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
    q, k, v = _tensores(20, (5, 8), (5, 8), (5, 3))
    a, _ = funcion(q, k, v)
    b, pesos = funcion(q, k, v, torch.ones(5, 5, dtype=torch.bool))
    assert tuple(b.shape) == (5, 3) and tuple(pesos.shape) == (5, 5), (
        f"Pista: sin ejes de lote y con una máscara (5, 5) la salida debe ser (5, 3) y los pesos "
        f"(5, 5); diste {tuple(b.shape)} y {tuple(pesos.shape)}: no añadas ejes a la máscara "
        "suponiendo que siempre hay lote y cabezas; la difusión ya la adapta."
    )
    assert torch.allclose(a, b, atol=1e-6), (
        "Pista: una máscara toda True no debe cambiar nada respecto a no pasar máscara."
    )


def test_mascara_de_relleno_por_ejemplo(funcion):
    # Máscara (B, 1, 1, Tk): cada ejemplo del lote tapa sus propias claves de relleno.
    q, k, v = _tensores(30, (2, 3, 6, 8), (2, 3, 6, 8), (2, 3, 6, 5))
    mascara = torch.ones(2, 1, 1, 6, dtype=torch.bool)
    mascara[0, ..., 4:] = False
    mascara[1, ..., 2:] = False
    salida, pesos = funcion(q, k, v, mascara)
    esperada, pesos_ref = referencia(q, k, v, mascara)
    assert tuple(pesos.shape) == (2, 3, 6, 6) and torch.allclose(pesos, pesos_ref, atol=1e-5), (
        "Pista: con una máscara de forma (lote, 1, 1, Tk) (relleno distinto en cada ejemplo) "
        "los pesos no coinciden: deja que la máscara se difunda contra las puntuaciones "
        "(..., Tq, Tk) en vez de darle una forma fija (Tq, Tk)."
    )
    assert torch.allclose(salida, esperada, atol=1e-5), (
        "Pista: la salida debe ser los pesos enmascarados por v."
    )


def test_estable_con_puntuaciones_grandes(funcion):
    # Una sola consulta enorme: sus puntuaciones son de miles y las demás, de unidades.
    q, k, v = _tensores(40, (2, 5, 8), (2, 7, 8), (2, 7, 4))
    q[0, 2] *= 2000.0
    q[1, 4] *= -2000.0
    salida, pesos = funcion(q, k, v)
    esperada, pesos_ref = referencia(q, k, v)
    assert torch.isfinite(pesos).all() and torch.isfinite(salida).all(), (
        "Pista: con puntuaciones de miles aparecen nan o inf: exp desborda. Usa una softmax "
        "estable, que reste el máximo de CADA fila (no el de todo el tensor)."
    )
    assert torch.allclose(pesos, pesos_ref, atol=1e-5) and torch.allclose(salida, esperada,
                                                                          atol=1e-4), (
        "Pista: con puntuaciones grandes en solo algunas filas los pesos no coinciden: el "
        "máximo que restas debe ser el de cada fila (cada consulta), no uno global."
    )


def test_entradas_no_contiguas(funcion):
    # q, k, v como salen de dividir en cabezas: (B, T, H, Dh) traspuesto a (B, H, T, Dh).
    x = torch.randn(2, 6, 3 * 4, generator=torch.Generator().manual_seed(50))
    q = x.view(2, 6, 3, 4).transpose(1, 2)
    k = (2 * x).view(2, 6, 3, 4).transpose(1, 2)
    v = x.flip(-1).view(2, 6, 3, 4).transpose(1, 2)
    mascara = mascara_causal(6)
    salida, pesos = funcion(q, k, v, mascara)
    esperada, pesos_ref = referencia(q, k, v, mascara)
    assert torch.allclose(pesos, pesos_ref, atol=1e-5) and torch.allclose(salida, esperada,
                                                                          atol=1e-5), (
        "Pista: con q, k y v no contiguos (como los que salen de dividir en cabezas) el "
        "resultado no coincide o falla: .view() exige memoria contigua; usa operaciones que "
        "acepten cualquier disposición en memoria y cualquier número de ejes delante."
    )
