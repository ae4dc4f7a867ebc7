"""Pruebas de curso_llm.datos.tuberia contra referencias sencillas escritas aparte."""

import random

import pytest
import torch

from curso_llm.datos import tuberia


# --- limpiar_texto ------------------------------------------------------------------------
@pytest.mark.parametrize(("entrada", "esperado"), [
    ("  hola   mundo \t ", "hola mundo"),
    ("a\r\nb", "a\nb"),
    ("uno\n\n\n\n\ndos", "uno\n\ndos"),
    ("uno\n\ndos", "uno\n\ndos"),
    ("\t\n  ", ""),
    ("Ya limpio.", "Ya limpio."),
])
def test_limpiar_texto_casos(entrada, esperado):
    assert tuberia.limpiar_texto(entrada) == esperado


def test_limpiar_texto_es_idempotente_y_lo_usa_la_mezcla():
    from curso_llm.entrenamiento import modelo_base

    assert modelo_base.limpiar_texto is tuberia.limpiar_texto
    rng = random.Random(0)
    piezas = ["a", "b", " ", "  ", "\t", "\n", "\r\n", "ñ", "é"]
    for _ in range(300):
        texto = "".join(rng.choice(piezas) for _ in range(rng.randint(0, 30)))
        limpio = tuberia.limpiar_texto(texto)
        assert tuberia.limpiar_texto(limpio) == limpio
        assert "  " not in limpio and "\n\n\n" not in limpio


def test_limpiar_texto_error_en_espanol():
    with pytest.raises(TypeError, match="'texto'.*str"):
        tuberia.limpiar_texto(3)


# --- deduplicar_exacto --------------------------------------------------------------------
def _dedup_referencia(textos):
    conservados = list(dict.fromkeys(textos))  # dict conserva el orden de la primera aparición
    return conservados, len(textos) - len(conservados)


def test_deduplicar_exacto_contra_referencia():
    rng = random.Random(1)
    for _ in range(50):
        textos = [rng.choice(["a", "b", "c", "A", "a ", "ñu", ""]) for _ in range(rng.randint(0, 40))]
        assert tuberia.deduplicar_exacto(textos) == _dedup_referencia(textos)


def test_deduplicar_exacto_conserva_la_primera_y_cuenta():
    conservados, quitados = tuberia.deduplicar_exacto(["x", "y", "x", "z", "y", "x"])
    assert conservados == ["x", "y", "z"] and quitados == 3
    # Exacto: un espacio o una mayúscula lo hacen distinto.
    assert tuberia.deduplicar_exacto(["Hola", "hola", "hola "]) == (["Hola", "hola", "hola "], 0)


def test_deduplicar_exacto_errores_en_espanol():
    with pytest.raises(TypeError, match="'textos'.*lista"):
        tuberia.deduplicar_exacto("hola")
    with pytest.raises(TypeError, match="elemento 1"):
        tuberia.deduplicar_exacto(["hola", 3])


# --- documentos y máscara -----------------------------------------------------------------
FIN = 0


def _referencia(ids, fin):
    """Documento, posición y máscara con bucles de Python."""
    t = len(ids)
    doc, pos, d, p = [], [], 0, 0
    for token in ids:
        doc.append(d)
        pos.append(p)
        p += 1
        if token == fin:
            d, p = d + 1, 0
    mascara = [[j <= i and doc[i] == doc[j] for j in range(t)] for i in range(t)]
    return torch.tensor(doc), torch.tensor(pos), torch.tensor(mascara)


def test_contra_referencia_en_bloques_aleatorios():
    generador = torch.Generator().manual_seed(0)
    for _ in range(30):
        ids = torch.randint(0, 4, (12,), generator=generador)  # ~1 de cada 4 es fin
        doc, pos, mascara = _referencia(ids.tolist(), FIN)
        assert torch.equal(tuberia.documentos_de_bloque(ids, FIN), doc)
        assert torch.equal(tuberia.posiciones_por_documento(ids, FIN), pos)
        assert torch.equal(tuberia.mascara_documentos(ids, FIN), mascara)


def test_lote_igual_a_filas_sueltas():
    ids = torch.tensor([[5, 6, 0, 7, 8, 0, 9], [0, 1, 1, 1, 0, 0, 2]])
    lote = tuberia.mascara_documentos(ids, FIN)
    assert lote.shape == (2, 7, 7)
    for fila in range(2):
        assert torch.equal(lote[fila], tuberia.mascara_documentos(ids[fila], FIN))
    assert torch.equal(tuberia.posiciones_por_documento(ids, FIN),
                       torch.tensor([[0, 1, 2, 0, 1, 2, 0], [0, 0, 1, 2, 3, 0, 0]]))


def test_sin_fin_es_la_mascara_causal():
    ids = torch.tensor([3, 4, 5, 6])
    assert torch.equal(tuberia.mascara_documentos(ids, FIN), torch.ones(4, 4, dtype=torch.bool).tril())
    assert torch.equal(tuberia.posiciones_por_documento(ids, FIN), torch.arange(4))


def test_el_fin_pertenece_al_documento_que_termina():
    ids = torch.tensor([5, 0, 6])
    m = tuberia.mascara_documentos(ids, FIN)
    assert m[1, 0] and not m[2, 1] and not m[2, 0] and m[2, 2]


def test_mascara_4d_en_llama_igual_a_documentos_por_separado():
    """La máscara por documentos da en Llama los mismos logits que cada documento solo."""
    from curso_llm.modelos import config_llama, crear_modelo

    modelo = crear_modelo(config_llama("micro", tamano_vocabulario=64), semilla=0).eval()
    a, b = [5, 9, 11, 3, FIN], [7, 8, 20, 21, 22, FIN]
    ids = torch.tensor([a + b])
    mascara = tuberia.mascara_documentos(ids, FIN)[:, None]
    aditiva = torch.zeros(mascara.shape).masked_fill(~mascara, torch.finfo(torch.float32).min)
    with torch.no_grad():
        con_mascara = modelo(ids, attention_mask=aditiva).logits[0, len(a):]
        con_posiciones = modelo(ids, position_ids=tuberia.posiciones_por_documento(ids, FIN),
                                use_cache=False).logits[0, len(a):]
        solo = modelo(torch.tensor([b])).logits[0]
        sin_mascara = modelo(ids).logits[0, len(a):]
    assert torch.allclose(con_mascara, solo, atol=1e-4)
    assert torch.allclose(con_posiciones, solo, atol=1e-4)
    assert not torch.allclose(sin_mascara, solo, atol=1e-3)  # sin máscara, b ve a


@pytest.mark.parametrize("funcion", ["documentos_de_bloque", "posiciones_por_documento",
                                     "mascara_documentos"])
def test_errores_en_espanol(funcion):
    f = getattr(tuberia, funcion)
    with pytest.raises(TypeError, match="'ids'.*torch.Tensor"):
        f([1, 2, 0], FIN)
    with pytest.raises(TypeError, match="'ids'.*enteros"):
        f(torch.tensor([1.0, 0.0]), FIN)
    with pytest.raises(ValueError, match="'ids'.*forma"):
        f(torch.zeros(2, 2, 2, dtype=torch.long), FIN)
    with pytest.raises(TypeError, match="'id_fin'"):
        f(torch.tensor([1, 0]), "fin")
