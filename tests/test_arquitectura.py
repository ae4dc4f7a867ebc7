"""Pruebas de curso_llm.arquitectura contra PyTorch y las capas de Llama de transformers."""

import pytest
import torch
from torch.nn import functional as F
from transformers import LlamaConfig, LlamaForCausalLM
from transformers.models.llama import modeling_llama as ml

from curso_llm import arquitectura as A

torch.set_num_threads(1)


def config_llama(**cambios) -> LlamaConfig:
    base = dict(vocab_size=97, hidden_size=32, intermediate_size=56, num_hidden_layers=2,
                num_attention_heads=4, num_key_value_heads=4, max_position_embeddings=64,
                tie_word_embeddings=True, initializer_range=0.2)
    base.update(cambios)
    return LlamaConfig(**base)


# --- Atención -----------------------------------------------------------------------------


def test_mascara_causal_es_triangular_inferior_booleana():
    m = A.mascara_causal(5)
    assert m.dtype == torch.bool and m.shape == (5, 5)
    assert torch.equal(m, torch.tril(torch.ones(5, 5)).bool())
    assert m.diagonal().all()


@pytest.mark.parametrize("forma", [(7, 8), (2, 7, 8), (2, 3, 7, 8)])
def test_atencion_igual_a_sdpa_sin_mascara(forma):
    torch.manual_seed(0)
    q, k, v = (torch.randn(forma) for _ in range(3))
    salida, pesos = A.atencion_escalada(q, k, v)
    assert torch.allclose(salida, F.scaled_dot_product_attention(q, k, v), atol=1e-5)
    assert pesos.shape == (*forma[:-1], forma[-2])
    assert torch.allclose(pesos.sum(-1), torch.ones(forma[:-1]), atol=1e-6)


def test_atencion_igual_a_sdpa_causal_y_con_mascara_arbitraria():
    torch.manual_seed(1)
    q, k, v = (torch.randn(2, 3, 6, 8) for _ in range(3))
    salida, pesos = A.atencion_escalada(q, k, v, A.mascara_causal(6))
    esperado = F.scaled_dot_product_attention(q, k, v, is_causal=True)
    assert torch.allclose(salida, esperado, atol=1e-5)
    assert torch.all(pesos.triu(1) == 0)
    mascara = torch.rand(2, 1, 6, 6) > 0.4
    mascara[..., 0] = True  # toda fila atiende al menos a una clave
    salida, _ = A.atencion_escalada(q, k, v, mascara)
    assert torch.allclose(salida, F.scaled_dot_product_attention(q, k, v, attn_mask=mascara), atol=1e-5)


def test_atencion_con_distinto_numero_de_consultas_y_claves():
    torch.manual_seed(2)
    q, k, v = torch.randn(3, 4, 8), torch.randn(3, 9, 8), torch.randn(3, 9, 5)
    salida, pesos = A.atencion_escalada(q, k, v)
    assert salida.shape == (3, 4, 5) and pesos.shape == (3, 4, 9)
    assert torch.allclose(salida, F.scaled_dot_product_attention(q, k, v), atol=1e-5)


def test_atencion_errores_claros():
    q = torch.randn(4, 8)
    with pytest.raises(ValueError, match="misma última dimensión"):
        A.atencion_escalada(q, torch.randn(4, 6), torch.randn(4, 8))
    with pytest.raises(TypeError, match="booleano"):
        A.atencion_escalada(q, q, q, torch.ones(4, 4))
    with pytest.raises(TypeError, match="torch.Tensor"):
        A.atencion_escalada(q.numpy(), q, q)
    with pytest.raises(ValueError, match="entero positivo"):
        A.mascara_causal(0)


def test_dividir_y_unir_cabezas():
    x = torch.randn(2, 5, 12)
    cabezas = A.dividir_cabezas(x, 3)
    assert cabezas.shape == (2, 3, 5, 4)
    for h in range(3):
        assert torch.equal(cabezas[:, h], x[:, :, 4 * h : 4 * (h + 1)])
    assert torch.equal(A.unir_cabezas(cabezas), x)
    with pytest.raises(ValueError, match="divisible"):
        A.dividir_cabezas(x, 5)


# --- RoPE ---------------------------------------------------------------------------------


def test_frecuencias_rope_iguales_a_llama_rotary_embedding():
    config = config_llama(hidden_size=64, num_attention_heads=4)  # dim de cabeza 16
    rotary = ml.LlamaRotaryEmbedding(config)
    posiciones = torch.arange(20)[None]
    cos_hf, sin_hf = rotary(torch.zeros(1, 20, 16), posiciones)
    cos, sin = A.frecuencias_rope(16, 20)
    assert torch.allclose(cos, cos_hf[0], atol=1e-6) and torch.allclose(sin, sin_hf[0], atol=1e-6)


def test_aplicar_rope_igual_a_apply_rotary_pos_emb():
    torch.manual_seed(3)
    q, k = torch.randn(2, 4, 10, 16), torch.randn(2, 4, 10, 16)
    cos, sin = A.frecuencias_rope(16, 10, base=500.0)
    q_hf, k_hf = ml.apply_rotary_pos_emb(q, k, cos[None], sin[None])
    assert torch.allclose(A.aplicar_rope(q, cos, sin), q_hf, atol=1e-6)
    assert torch.allclose(A.aplicar_rope(k, cos, sin), k_hf, atol=1e-6)


def test_rope_solo_depende_de_la_posicion_relativa():
    torch.manual_seed(4)
    q, k = torch.randn(16), torch.randn(16)
    cos, sin = A.frecuencias_rope(16, 40)

    def producto(m, n):
        qm = A.aplicar_rope(q[None], cos[m : m + 1], sin[m : m + 1])
        kn = A.aplicar_rope(k[None], cos[n : n + 1], sin[n : n + 1])
        return float((qm * kn).sum())

    assert producto(5, 2) == pytest.approx(producto(33, 30), abs=1e-4)
    assert A.aplicar_rope(q[None], cos[:1], sin[:1]).allclose(q[None])  # posición 0: sin giro
    assert A.aplicar_rope(q[None], cos[7:8], sin[7:8]).norm() == pytest.approx(float(q.norm()), rel=1e-5)


# --- Capas de Llama -----------------------------------------------------------------------


def test_rmsnorm_igual_a_llama():
    torch.manual_seed(5)
    nuestra, suya = A.RMSNorm(24, eps=1e-5), ml.LlamaRMSNorm(24, eps=1e-5)
    with torch.no_grad():
        nuestra.peso.normal_()
        suya.weight.copy_(nuestra.peso)
    x = torch.randn(3, 7, 24) * 4
    assert torch.allclose(nuestra(x), suya(x), atol=1e-5)


def test_bloque_igual_a_llama_decoder_layer():
    torch.manual_seed(6)
    config = config_llama()
    config._attn_implementation = "eager"
    capa = ml.LlamaDecoderLayer(config, layer_idx=0).eval()
    for p in capa.parameters():
        torch.nn.init.normal_(p, std=0.2)
    bloque = A.BloqueTransformer(32, 4, 56)
    with torch.no_grad():
        bloque.norma_atencion.peso.copy_(capa.input_layernorm.weight)
        bloque.norma_mlp.peso.copy_(capa.post_attention_layernorm.weight)
        for nuestro, suyo in [("proy_q", "q_proj"), ("proy_k", "k_proj"), ("proy_v", "v_proj"),
                              ("proy_salida", "o_proj")]:
            getattr(bloque.atencion, nuestro).weight.copy_(getattr(capa.self_attn, suyo).weight)
        for nuestro, suyo in [("compuerta", "gate_proj"), ("subida", "up_proj"), ("bajada", "down_proj")]:
            getattr(bloque.mlp, nuestro).weight.copy_(getattr(capa.mlp, suyo).weight)
    x = torch.randn(2, 9, 32)
    cos, sin = A.frecuencias_rope(8, 9)
    mascara = torch.full((9, 9), float("-inf")).triu(1)[None, None]
    with torch.no_grad():
        esperado = capa(x, attention_mask=mascara, position_embeddings=(cos[None], sin[None]))
        obtenido = bloque(x, cos, sin)
    assert torch.allclose(obtenido, esperado, atol=1e-5)


@pytest.mark.parametrize("n_cabezas_kv", [4, 2])
def test_minigpt_igual_a_llama_con_pesos_copiados(n_cabezas_kv):
    torch.manual_seed(7)
    llama = LlamaForCausalLM(config_llama(num_key_value_heads=n_cabezas_kv)).eval()
    mini = A.desde_llama(llama)
    ids = torch.randint(0, 97, (2, 12))
    with torch.no_grad():
        assert torch.allclose(mini(ids), llama(ids).logits, atol=1e-4)
    assert sum(p.numel() for p in mini.parameters()) == llama.num_parameters()


def test_desde_llama_rechaza_pesos_sin_atar():
    llama = LlamaForCausalLM(config_llama(tie_word_embeddings=False))
    with pytest.raises(ValueError, match="pesos atados"):
        A.desde_llama(llama)


# --- MiniGPT ------------------------------------------------------------------------------


def test_minigpt_es_causal():
    torch.manual_seed(8)
    modelo = A.MiniGPT(50, dim=32, n_capas=2, n_cabezas=4, dim_oculta=64).eval()
    ids = torch.randint(0, 50, (1, 10))
    cambiado = ids.clone()
    cambiado[0, 6] = (ids[0, 6] + 1) % 50
    with torch.no_grad():
        a, b = modelo(ids), modelo(cambiado)
    assert torch.allclose(a[:, :6], b[:, :6], atol=1e-6), "el pasado no debe ver el futuro"
    assert not torch.allclose(a[:, 6:], b[:, 6:], atol=1e-4)


def test_minigpt_gradientes_llegan_a_todos_los_parametros():
    torch.manual_seed(9)
    modelo = A.MiniGPT(40, dim=16, n_capas=2, n_cabezas=2, dim_oculta=32)
    ids = torch.randint(0, 40, (3, 8))
    logits = modelo(ids[:, :-1])
    perdida = F.cross_entropy(logits.reshape(-1, 40), ids[:, 1:].reshape(-1))
    perdida.backward()
    for nombre, p in modelo.named_parameters():
        assert p.grad is not None and torch.isfinite(p.grad).all(), nombre
        assert p.grad.abs().sum() > 0, nombre
    assert modelo.cabeza.weight is modelo.embeddings.weight


def test_numero_de_parametros_segun_la_formula():
    modelo = A.MiniGPT(100, dim=32, n_capas=3, n_cabezas=4, dim_oculta=80)
    partes = A.desglose_parametros(100, 32, 3, 80, n_cabezas=4)
    assert sum(p.numel() for p in modelo.parameters()) == partes["total"]
    assert partes["embeddings"] == 3200 and partes["cabeza"] == 0
    gqa = A.desglose_parametros(100, 32, 3, 80, n_cabezas=4, n_cabezas_kv=2)
    modelo_gqa = A.MiniGPT(100, dim=32, n_capas=3, n_cabezas=4, dim_oculta=80, n_cabezas_kv=2)
    assert sum(p.numel() for p in modelo_gqa.parameters()) == gqa["total"]


def test_minigpt_errores_claros():
    modelo = A.MiniGPT(20, dim=16, n_capas=1, n_cabezas=2, dim_oculta=32, long_max=8)
    with pytest.raises(ValueError, match="long_max"):
        modelo(torch.zeros(1, 9, dtype=torch.long))
    with pytest.raises(TypeError, match="enteros"):
        modelo(torch.zeros(1, 4))
    with pytest.raises(ValueError, match="divisible"):
        A.MiniGPT(20, dim=18, n_cabezas=4)
