"""Pruebas de ``curso_llm.entrenamiento.escalado``: FLOPs de entrenamiento, leyes de potencia y
la rejilla del laboratorio de leyes de escalado."""

import math

import numpy as np
import pytest
import scipy.stats
import torch
from torch.utils.flop_counter import FlopCounterMode

from curso_llm.datos import corpus_narrativo, empaquetar
from curso_llm.entrenamiento import escalado
from curso_llm.entrenamiento.escalado import ajustar_ley_potencia, estimar_flops
from curso_llm.evaluacion import perplejidad
from curso_llm.modelos import contar_parametros, crear_modelo, tokenizador_base


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


# --- La rejilla del laboratorio y la ley de Chinchilla (sección 5.3) -----------------------


@pytest.fixture(scope="module")
def tok():
    torch.set_num_threads(1)
    return tokenizador_base()


def test_config_escalado_sigue_las_reglas_de_la_familia():
    for d, intermedia in [(32, 88), (48, 128), (64, 168), (96, 256)]:
        c = escalado.config_escalado(d)
        assert c.hidden_size == d and c.intermediate_size == intermedia
        assert c.num_attention_heads == d // 16 and c.num_hidden_layers == 2
        assert c.tie_word_embeddings and c.vocab_size == 4096
    with pytest.raises(ValueError, match="múltiplo de 'dim_cabeza'"):
        escalado.config_escalado(40)
    with pytest.raises(ValueError, match="dim_embedding"):
        escalado.config_escalado(0)


def test_parametros_sin_embeddings_con_y_sin_pesos_atados():
    c = escalado.config_escalado(32, tamano_vocabulario=512)
    atado = crear_modelo(c)
    assert escalado.parametros_sin_embeddings(atado) == contar_parametros(atado) - 512 * 32
    c.tie_word_embeddings = False
    suelto = crear_modelo(c)
    assert escalado.parametros_sin_embeddings(suelto) == contar_parametros(suelto) - 2 * 512 * 32
    # Por capa: atención 4·d² + SwiGLU 3·d·F + dos normas (d cada una); más la norma final.
    assert escalado.parametros_sin_embeddings(atado) == 2 * (4 * 32**2 + 3 * 32 * 88 + 2 * 32) + 32


def test_flops_medidos_cuadran_con_la_cuenta_a_mano():
    c = escalado.config_escalado(32, tamano_vocabulario=512, long_max=16)
    modelo = crear_modelo(c)
    b, t, d, v, f = 2, 16, 32, 512, 88
    medidos = escalado.flops_medidos(modelo, b, t)
    # Multiplicaciones de matrices de la pasada hacia delante: 2 FLOPs por multiplicación-suma.
    lineales = 2 * b * t * (2 * (4 * d * d + 3 * d * f) + v * d)
    atencion = 2 * (2 * 2 * b * t * t * d)  # Q·Kᵀ y pesos·V (matriz T × T completa), 2 capas
    # Hacia atrás cuesta el doble que hacia delante: 3 veces la pasada hacia delante en total.
    assert medidos == pytest.approx(3 * (lineales + atencion), rel=1e-6)
    assert all(p.grad is None for p in modelo.parameters())
    with pytest.raises(ValueError, match="tamano_lote"):
        escalado.flops_medidos(modelo, 0, 16)


def test_perdida_validacion_es_el_logaritmo_de_la_perplejidad(tok):
    modelo = crear_modelo(escalado.config_escalado(32, tamano_vocabulario=len(tok)))
    textos = corpus_narrativo("validation")[:20]
    bloques = empaquetar(textos, tok, 64).bloques
    modelo.train()
    perdida = escalado.perdida_validacion(modelo, bloques, tamano_lote=4)
    assert modelo.training  # deja el modelo en el modo en que estaba
    assert perdida == pytest.approx(math.log(perplejidad(modelo, tok, textos, long_secuencia=64)),
                                    rel=1e-5)
    with pytest.raises(ValueError, match="bloques"):
        escalado.perdida_validacion(modelo, bloques[0])


def test_huella_bloques_distingue_los_datos():
    a = torch.arange(64).view(4, 16)
    b = a.clone()
    b[3, 15] = 0
    assert escalado.huella_bloques(a) == escalado.huella_bloques(a.clone())
    assert escalado.huella_bloques(a) != escalado.huella_bloques(b)
    assert escalado.huella_bloques(a) != escalado.huella_bloques(a.view(2, 32))
    with pytest.raises(TypeError, match="tensor"):
        escalado.huella_bloques([1, 2, 3])


def test_entrenar_rejilla_diminuta(tok):
    textos = corpus_narrativo("validation")
    bloques = empaquetar(textos, tok, 32).bloques
    entrenamiento, validacion = bloques[:-8], bloques[-8:]
    resultados = escalado.entrenar_rejilla(
        [16, 32], [128, 256], tok, entrenamiento, validacion, tamano_lote=2, barra=False)
    assert [(r["dim_embedding"], r["tokens"]) for r in resultados] == [
        (16, 128), (16, 256), (32, 128), (32, 256)]
    assert [r["pasos"] for r in resultados] == [2, 4, 2, 4]
    for r in resultados:
        assert math.isfinite(r["perdida_validacion"]) and r["perdida_validacion"] > 0
        assert r["flops_6nd"] == 6 * r["parametros"] * r["tokens"]
        assert r["parametros"] - r["parametros_sin_embeddings"] == len(tok) * r["dim_embedding"]
        assert not r["repite_datos"]
    # El mismo entrenamiento con la misma semilla da la misma pérdida.
    otra = escalado.entrenar_rejilla([16], [128], tok, entrenamiento, validacion, tamano_lote=2,
                                     barra=False)
    assert otra[0]["perdida_validacion"] == pytest.approx(resultados[0]["perdida_validacion"],
                                                          abs=1e-6)
    with pytest.raises(ValueError, match="no llega a un lote"):
        escalado.entrenar_rejilla([16], [32], tok, entrenamiento, validacion, tamano_lote=2,
                                  barra=False)


def _ley(n, d, e=1.7, a=400.0, alfa=0.34, b=410.0, beta=0.28):
    return e + a / n**alfa + b / d**beta


def test_ajustar_chinchilla_recupera_una_ley_conocida():
    n, d = np.meshgrid([2e4, 5e4, 1e5, 2e5, 5e5], [1e5, 3e5, 1e6, 3e6])
    n, d = n.ravel(), d.ravel()
    ajuste = escalado.ajustar_chinchilla(n, d, _ley(n, d))
    assert ajuste["r2"] > 0.9999
    assert ajuste["alfa"] == pytest.approx(0.34, rel=0.05)
    assert ajuste["beta"] == pytest.approx(0.28, rel=0.05)
    assert ajuste["E"] == pytest.approx(1.7, rel=0.05)
    with pytest.raises(ValueError, match="misma longitud"):
        escalado.ajustar_chinchilla(n, d[:-1], _ley(n, d))
    with pytest.raises(ValueError, match="al menos 5"):
        escalado.ajustar_chinchilla(n[:4], d[:4], _ley(n, d)[:4])


def test_optimo_chinchilla_minimiza_la_perdida_con_computo_fijo():
    ajuste = {"E": 1.7, "A": 400.0, "alfa": 0.34, "B": 410.0, "beta": 0.28}
    c = 1e18
    n_opt, d_opt = escalado.optimo_chinchilla(ajuste, [c])
    assert 6 * n_opt[0] * d_opt[0] == pytest.approx(c)
    n = np.logspace(6, 11, 2001)
    mejor = n[np.argmin(_ley(n, c / (6 * n)))]
    assert n_opt[0] == pytest.approx(mejor, rel=0.02)
    with pytest.raises(ValueError, match="óptimo finito"):
        escalado.optimo_chinchilla({**ajuste, "beta": 0.0}, [c])


def test_frontera_optima():
    computo = [1, 2, 2, 4, 8, 8]
    perdidas = [5.0, 4.0, 4.5, 4.2, 3.0, 2.5]
    assert escalado.frontera_optima(computo, perdidas) == [0, 1, 5]
    with pytest.raises(ValueError, match="misma longitud"):
        escalado.frontera_optima([1, 2], [1.0])
