"""Pruebas de ``curso_llm.entrenamiento.escalado``: FLOPs de entrenamiento y leyes de potencia."""

import math

import numpy as np
import pytest
import scipy.stats
import torch
from torch.utils.flop_counter import FlopCounterMode

from curso_llm.entrenamiento.escalado import ajustar_ley_potencia, estimar_flops


def test_estimar_flops_formula_de_kaplan():
    # GPT-3: 96 capas de 12288 → N ≈ 1.74e11 y C ≈ 6·N·D ≈ 3.1e23 con 3e11 tokens.
    sin_atencion = estimar_flops(96, 12288, 300 * 10**9, 2048, incluir_atencion=False)
    assert sin_atencion == 6 * (12 * 96 * 12288**2) * 300e9
    assert 3.0e23 < sin_atencion < 3.2e23
    con_atencion = estimar_flops(96, 12288, 300 * 10**9, 2048)
    assert con_atencion - sin_atencion == pytest.approx(6 * 96 * 2048 * 12288 * 300e9)
    assert isinstance(con_atencion, float)


def test_estimar_flops_coincide_con_lo_que_cuenta_pytorch():
    """Cuenta medida con ``FlopCounterMode`` (solo productos de matrices) en un Llama diminuto,
    pasada hacia delante y hacia atrás, con la atención «eager» y un MLP de 3 matrices de
    d × 8d/3 (los mismos 8·d² por capa que uno de 2 matrices d × 4d).

    La medida debe ser exactamente la estimación más dos cosas que la convención de Kaplan no
    cuenta: la capa de salida (6·d·V por token) y la mitad enmascarada de la atención (la
    implementación calcula la matriz T × T entera y luego tapa el futuro; Kaplan cuenta solo
    la mitad causal). Sin redondeos: los FLOPs de un producto de matrices son enteros.
    """
    from transformers import LlamaConfig, LlamaForCausalLM

    n_capas, d, v, t, lote = 2, 48, 97, 64, 3
    config = LlamaConfig(vocab_size=v, hidden_size=d, intermediate_size=8 * d // 3,
                         num_hidden_layers=n_capas, num_attention_heads=4, num_key_value_heads=4,
                         max_position_embeddings=t, tie_word_embeddings=False,
                         attn_implementation="eager")
    torch.manual_seed(0)
    modelo = LlamaForCausalLM(config)
    ids = torch.randint(0, v, (lote, t))
    with FlopCounterMode(display=False) as contador:
        modelo(input_ids=ids, labels=ids).loss.backward()
    medido = contador.get_total_flops()
    tokens = lote * t
    sin_atencion = estimar_flops(n_capas, d, tokens, t, incluir_atencion=False)
    atencion = estimar_flops(n_capas, d, tokens, t) - sin_atencion
    assert medido == pytest.approx(sin_atencion + 2 * atencion + 6 * d * v * tokens, rel=1e-12)


@pytest.mark.parametrize(("argumentos", "nombre"), [
    ((0, 64, 10, 8), "n_capas"), ((2, 64.0, 10, 8), "dim_embedding"),
    ((2, 64, -1, 8), "n_tokens"), ((2, 64, 10, 0), "long_secuencia"),
])
def test_estimar_flops_errores(argumentos, nombre):
    with pytest.raises((TypeError, ValueError), match=nombre):
        estimar_flops(*argumentos)
    with pytest.raises(TypeError, match="incluir_atencion"):
        estimar_flops(2, 64, 10, 8, incluir_atencion="sí")


def test_ajustar_ley_potencia_recupera_la_ley_exacta():
    x = np.geomspace(1e5, 1e9, 7)
    a, b, r2 = ajustar_ley_potencia(x, 3.7 * x**-0.08)
    assert a == pytest.approx(3.7, rel=1e-10) and b == pytest.approx(0.08, rel=1e-10)
    assert r2 == pytest.approx(1.0, abs=1e-12)
    assert all(isinstance(v, float) for v in (a, b, r2))


def test_ajustar_ley_potencia_como_scipy_y_sin_tocar_la_entrada():
    rng = np.random.default_rng(0)
    x = np.geomspace(10, 1e4, 12)
    y = 6.0 * x**-0.4 * np.exp(rng.normal(0, 0.2, x.size))
    copia_x, copia_y = x.copy(), y.copy()
    a, b, r2 = ajustar_ley_potencia(x, y)
    ajuste = scipy.stats.linregress(np.log(x), np.log(y))
    assert b == pytest.approx(-ajuste.slope, rel=1e-10)
    assert a == pytest.approx(math.exp(ajuste.intercept), rel=1e-10)
    assert r2 == pytest.approx(ajuste.rvalue**2, abs=1e-12)
    assert np.array_equal(x, copia_x) and np.array_equal(y, copia_y)
    assert ajustar_ley_potencia(list(x), list(y)) == (a, b, r2)


@pytest.mark.parametrize(("x", "y", "mensaje"), [
    ([1, 2, 3], [1, 2], "misma longitud"),
    ([1, 2, 0], [1, 2, 3], "positivos"),
    ([1, 2, 3], [1, -2, 3], "positivos"),
    ([2, 2, 2], [1, 2, 3], "dos valores distintos"),
    ([1, 2, 3], [5, 5, 5], "dos valores distintos"),
    ("123", [1, 2, 3], "'x'"),
])
def test_ajustar_ley_potencia_errores(x, y, mensaje):
    with pytest.raises((TypeError, ValueError), match=mensaje):
        ajustar_ley_potencia(x, y)
