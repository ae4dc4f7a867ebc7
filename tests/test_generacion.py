"""Pruebas de curso_llm.generacion contra model.generate y los logits warpers de transformers."""

import pytest
import torch
from tokenizers import Tokenizer, models, pre_tokenizers
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast
from transformers.generation.logits_process import (
    TemperatureLogitsWarper,
    TopKLogitsWarper,
    TopPLogitsWarper,
)

from curso_llm import generacion as G
from curso_llm.arquitectura import MiniGPT

torch.set_num_threads(1)
V = 60


@pytest.fixture(scope="module")
def modelo():
    torch.manual_seed(0)
    config = LlamaConfig(vocab_size=V, hidden_size=32, intermediate_size=64, num_hidden_layers=2,
                         num_attention_heads=4, num_key_value_heads=4, max_position_embeddings=128,
                         tie_word_embeddings=True, initializer_range=0.3, eos_token_id=None,
                         bos_token_id=None, pad_token_id=0)
    return LlamaForCausalLM(config).eval()


@pytest.fixture(scope="module")
def tokenizador():
    vocab = {"<fin>": 0, **{f"p{i}": i for i in range(1, V)}}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="<fin>"))
    tok.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    return PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<fin>", pad_token="<fin>")


def logits_aleatorios(semilla, forma=(6, 40), escala=3.0):
    return torch.randn(forma, generator=torch.Generator().manual_seed(semilla)) * escala


# --- Filtros de logits --------------------------------------------------------------------


@pytest.mark.parametrize("k", [1, 3, 10, 40, 100])
def test_top_k_igual_a_transformers(k):
    logits = logits_aleatorios(k)
    esperado = TopKLogitsWarper(top_k=k)(None, logits)
    assert torch.equal(G.filtrar_top_k(logits, k), esperado)


@pytest.mark.parametrize("p", [0.05, 0.3, 0.5, 0.8, 0.95, 1.0])
def test_top_p_igual_a_transformers(p):
    for semilla in range(5):
        logits = logits_aleatorios(semilla)
        esperado = TopPLogitsWarper(top_p=p)(None, logits)
        assert torch.equal(G.filtrar_top_p(logits, p), esperado)


def test_top_p_incluye_el_token_que_cruza_el_umbral():
    logits = torch.tensor([0.5, 0.3, 0.15, 0.05]).log()
    assert torch.isfinite(G.filtrar_top_p(logits, 0.75)).tolist() == [True, True, False, False]
    assert torch.isfinite(G.filtrar_top_p(logits, 0.45)).tolist() == [True, False, False, False]
    assert torch.isfinite(G.filtrar_top_p(logits, 1e-6)).sum() == 1


def test_temperatura_igual_a_transformers():
    logits = logits_aleatorios(7)
    for t in (0.3, 1.0, 2.5):
        assert torch.allclose(G.aplicar_temperatura(logits, t), TemperatureLogitsWarper(t)(None, logits))


@pytest.mark.parametrize(
    "llamada, texto",
    [
        (lambda x: G.filtrar_top_p(x, 0.0), r"'p' debe estar en \(0, 1\]"),
        (lambda x: G.filtrar_top_p(x, 1.5), r"'p' debe estar en \(0, 1\]"),
        (lambda x: G.filtrar_top_k(x, 0), "'k' debe ser un entero positivo"),
        (lambda x: G.filtrar_top_k(x, 2.5), "'k' debe ser un entero positivo"),
        (lambda x: G.aplicar_temperatura(x, 0), "temperatura"),
        (lambda x: G.aplicar_temperatura(x, -1.0), "temperatura"),
    ],
)
def test_errores_claros_en_parametros(llamada, texto):
    with pytest.raises(ValueError, match=texto):
        llamada(torch.zeros(2, 5))


# --- Decodificación -----------------------------------------------------------------------


def test_greedy_igual_a_generate(modelo):
    ids = torch.tensor([[5, 17, 42, 8]])
    esperado = modelo.generate(ids, max_new_tokens=15, do_sample=False)[0, 4:].tolist()
    assert G.generar_ids(modelo, ids, 15) == esperado


def test_greedy_se_detiene_en_el_token_de_fin(modelo):
    ids = torch.tensor([[5, 17, 42, 8]])
    libres = G.generar_ids(modelo, ids, 15)
    fin = libres[4]
    esperado = modelo.generate(ids, max_new_tokens=15, do_sample=False, eos_token_id=fin)[0, 4:].tolist()
    obtenido = G.generar_ids(modelo, ids, 15, id_fin=fin)
    assert obtenido == esperado == libres[: libres.index(fin) + 1]


def test_muestreo_reproducible_y_filtrado(modelo):
    ids = torch.tensor([[3, 9, 27]])
    a = G.generar_ids(modelo, ids, 12, "muestreo", temperatura=1.5, semilla=1)
    assert a == G.generar_ids(modelo, ids, 12, "muestreo", temperatura=1.5, semilla=1)
    assert a != G.generar_ids(modelo, ids, 12, "muestreo", temperatura=1.5, semilla=2)
    assert G.generar_ids(modelo, ids, 8, "muestreo", top_k=1, semilla=3) == G.generar_ids(modelo, ids, 8)
    permitidos = set(G.filtrar_top_k(G.logits_siguiente(modelo, ids), 3).isfinite().nonzero()[:, 1].tolist())
    vistos = {G.generar_ids(modelo, ids, 1, "muestreo", top_k=3, semilla=s)[0] for s in range(40)}
    assert vistos <= permitidos and len(vistos) > 1


def test_busqueda_en_haz_igual_a_generate(modelo):
    ids = torch.tensor([[11, 2, 33]])
    for n_haces in (2, 4):
        esperado = modelo.generate(ids, max_new_tokens=8, do_sample=False, num_beams=n_haces)
        haz = G.busqueda_en_haz_ids(modelo, ids, 8, n_haces)
        assert haz.ids == esperado[0, 3:].tolist()
        assert haz.log_prob == pytest.approx(G.log_probabilidad(modelo, ids, haz.ids), abs=1e-4)
    voraz = G.generar_ids(modelo, ids, 8)
    assert haz.log_prob >= G.log_probabilidad(modelo, ids, voraz) - 1e-5


def test_log_probabilidad_igual_a_scores_de_generate(modelo):
    ids = torch.tensor([[4, 4, 50]])
    salida = modelo.generate(ids, max_new_tokens=6, do_sample=False, output_scores=True,
                             return_dict_in_generate=True)
    transiciones = modelo.compute_transition_scores(salida.sequences, salida.scores, normalize_logits=True)
    assert G.log_probabilidad(modelo, ids, salida.sequences[0, 3:]) == pytest.approx(
        float(transiciones.sum()), abs=1e-4)


def test_generar_con_tokenizador_y_con_minigpt(modelo, tokenizador):
    texto = G.generar(modelo, tokenizador, "p5 p17 p42", max_tokens=6)
    ids = torch.tensor([[5, 17, 42]])
    nuevos = G.generar_ids(modelo, ids, 6, id_fin=0)
    assert texto == tokenizador.decode(nuevos, skip_special_tokens=True)
    assert isinstance(G.busqueda_en_haz(modelo, tokenizador, "p5 p17", max_tokens=4, n_haces=3), str)
    mini = MiniGPT(V, dim=16, n_capas=1, n_cabezas=2, dim_oculta=32).eval()
    assert isinstance(G.generar(mini, tokenizador, "p1 p2", 5, "muestreo", top_p=0.9), str)
    with pytest.raises(ValueError, match="estrategia"):
        G.generar(modelo, tokenizador, "p1", 3, estrategia="voraz")
    with pytest.raises(ValueError, match="temperatura"):
        G.generar(modelo, tokenizador, "p1", 3, "muestreo", temperatura=0.0)


# --- Diversidad ---------------------------------------------------------------------------


def test_distintos_n():
    assert G.distintos_n(["a b a b"], 1) == 0.5
    assert G.distintos_n(["a b a b"], 2) == pytest.approx(2 / 3)
    assert G.distintos_n(["a b", "c d"], 2) == 1.0
    assert G.distintos_n(["", "a"], 2) == 0.0
    with pytest.raises(ValueError, match="'n' debe ser un entero positivo"):
        G.distintos_n(["a"], 0)
    with pytest.raises(TypeError, match="lista"):
        G.distintos_n("a b", 1)


def test_busqueda_en_haz_con_token_de_fin_igual_a_generate(modelo):
    con_fin = 0
    for semilla in range(8):
        generador = torch.Generator().manual_seed(semilla)
        ids = torch.randint(1, V, (1, 4), generator=generador)
        fin = G.generar_ids(modelo, ids, 6)[semilla % 6]  # un token que de verdad aparece
        for n_haces in (2, 4):
            esperado = modelo.generate(ids, max_new_tokens=10, do_sample=False, num_beams=n_haces,
                                       eos_token_id=fin)[0, 4:].tolist()
            if fin in esperado:
                esperado = esperado[: esperado.index(fin) + 1]
                con_fin += 1
            assert G.busqueda_en_haz_ids(modelo, ids, 10, n_haces, id_fin=fin).ids == esperado
    assert con_fin >= 4, "la prueba debe cubrir haces que terminan en el token de fin"
