"""Calificador del ejercicio 4.2: máscara causal."""

import torch

from curso_llm.arquitectura import atencion_escalada
from curso_llm.arquitectura import mascara_causal as referencia


def test_forma_tipo_y_valores(funcion):
    for n in (1, 2, 5, 9, 64, 300):
        m = funcion(n)
        assert isinstance(m, torch.Tensor) and tuple(m.shape) == (n, n), (
            f"Pista: para n={n} devuelve un tensor de forma ({n}, {n})."
        )
        assert m.dtype == torch.bool, (
            "Pista: la máscara debe ser booleana (torch.bool); convierte con .bool()."
        )
        esperada = referencia(n)
        assert bool(m.diagonal().all()), (
            "Pista: cada token debe poder atenderse a sí mismo: la diagonal debe ser True."
        )
        assert torch.equal(m, esperada), (
            f"Pista: para n={n} la máscara no coincide: True donde j <= i (columnas a la "
            "izquierda o en la diagonal) y False encima. ¿Usaste el triángulo de arriba, un "
            "desplazamiento de la diagonal, el convenio contrario (True = tapado) o una máscara "
            "precalculada de tamaño fijo?"
        )


def test_el_pasado_no_ve_el_futuro(funcion):
    torch.manual_seed(0)
    q, k, v = torch.randn(6, 4), torch.randn(6, 4), torch.randn(6, 4)
    salida, _ = atencion_escalada(q, k, v, funcion(6))
    v2 = v.clone()
    v2[4:] += 10.0
    salida2, _ = atencion_escalada(q, k, v2, funcion(6))
    assert torch.allclose(salida[:4], salida2[:4]), (
        "Pista: con tu máscara, cambiar los tokens futuros (posiciones 4 y 5) cambia la salida de "
        "las posiciones 0–3: la máscara debe tapar lo que está a la derecha de la diagonal."
    )
