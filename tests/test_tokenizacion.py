"""Pruebas de ``curso_llm.tokenizacion``: BPE desde cero y tokenizador rápido."""

import pytest

from curso_llm.datos import corpus_narrativo
from curso_llm.tokenizacion import (
    BPE,
    ErrorTokenizador,
    cargar_tokenizador,
    contar_pares,
    entrenar_tokenizador,
    fusionar,
    guardar_tokenizador,
)

FRASES = ["Ana vive en Quelmar.", "¡Hola, señora! ¿Qué tal?", "El niño comió 3 peras 🍐.",
          "", "   espacios   y\nsaltos\tde línea"]


def test_contar_pares():
    assert contar_pares([1, 2, 3, 1, 2]) == {(1, 2): 2, (2, 3): 1, (3, 1): 1}
    assert contar_pares([7]) == {}


def test_fusionar_sin_solapamiento():
    assert fusionar([1, 2, 3, 1, 2], (1, 2), 99) == [99, 3, 99]
    assert fusionar([5, 5, 5], (5, 5), 9) == [9, 5]
    assert fusionar([5, 5, 5, 5], (5, 5), 9) == [9, 9]
    assert fusionar([], (1, 2), 3) == []


def test_bpe_ida_y_vuelta():
    bpe = BPE()
    texto = " ".join(corpus_narrativo("validation")[:20])
    bpe.entrenar(texto, tamano_vocabulario=300)
    assert len(bpe.fusiones) == 44
    assert all(256 <= i < 300 for i in bpe.fusiones.values())
    for frase in FRASES + [texto[:500]]:
        assert bpe.decodificar(bpe.codificar(frase)) == frase
    assert len(bpe.codificar(texto[:500])) < len(texto[:500].encode("utf-8"))


@pytest.fixture(scope="module")
def tok():
    return entrenar_tokenizador(corpus_narrativo("validation"), tamano_vocabulario=600)


def test_tokenizador_rapido(tok):
    assert len(tok) <= 600
    for frase in FRASES:
        assert tok.decode(tok(frase)["input_ids"]) == frase
    assert tok.eos_token == "<|endoftext|>" and tok.pad_token == "<|pad|>"
    assert tok.pad_token_id != tok.eos_token_id
    mensajes = [{"role": "user", "content": "Hola"}]
    texto = tok.apply_chat_template(mensajes, tokenize=False, add_generation_prompt=True)
    assert texto == "<|im_start|>user\nHola<|im_end|>\n<|im_start|>assistant\n"
    ids = tok.apply_chat_template(mensajes, tokenize=True, return_dict=False)
    assert ids[0] == tok.convert_tokens_to_ids("<|im_start|>")


def test_guardar_y_cargar(tok, tmp_path):
    guardar_tokenizador(tok, tmp_path / "tok")
    otro = cargar_tokenizador(tmp_path / "tok")
    assert otro("Ana vive en Quelmar.")["input_ids"] == tok("Ana vive en Quelmar.")["input_ids"]
    assert otro.chat_template == tok.chat_template


def test_errores_de_carga(tok, tmp_path):
    with pytest.raises(ErrorTokenizador, match="No encuentro un tokenizador") as info:
        cargar_tokenizador(tmp_path / "no_existe")
    assert "python -m curso_llm.entrenamiento.modelo_base" in str(info.value)
    (tmp_path / "vacio").mkdir()
    with pytest.raises(ErrorTokenizador, match="vacio"):
        cargar_tokenizador(tmp_path / "vacio")
    guardar_tokenizador(tok, tmp_path / "roto")
    (tmp_path / "roto" / "tokenizer.json").write_text('{"version": "1.0", "model": {', "utf-8")
    with pytest.raises(ErrorTokenizador, match="dañado") as info:
        cargar_tokenizador(tmp_path / "roto")
    assert info.value.__cause__ is None and info.value.__suppress_context__
    (tmp_path / "roto" / "tokenizer.json").write_text('{"model": 3}', "utf-8")
    with pytest.raises(ErrorTokenizador, match="dañado"):
        cargar_tokenizador(tmp_path / "roto")


def test_tokenizador_base():
    from curso_llm.modelos import tokenizador_base

    tok = tokenizador_base()
    assert len(tok) == 4096
    assert tok.decode(tok("Documento: Ana vive en Quelmar.")["input_ids"]) == (
        "Documento: Ana vive en Quelmar."
    )
