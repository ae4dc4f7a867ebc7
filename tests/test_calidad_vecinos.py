"""Pruebas de la medida de calidad de los vecinos de word2vec (capítulo 3) y de las clases
léxicas conocidas del corpus narrativo que usa."""

import numpy as np
import pytest

from curso_llm.datos import corpus_narrativo
from curso_llm.datos.narrativo import categorias_lexicas
from curso_llm.nlp_clasico import secuencias_de_parrafos
from curso_llm.nlp_clasico.word2vec import precision_vecinos


def test_categorias_lexicas_cubren_los_huecos_del_corpus():
    clases = categorias_lexicas()
    assert clases["panadera"] == {"oficio"} and clases["panaderos"] == {"oficio"}
    assert clases["perros"] == {"animal"} and clases["villanueva"] == {"pueblo"}
    assert clases["cansadas"] == {"adjetivo de animal", "adjetivo de estado"}
    assert clases["vivían"] == {"verbo"} and clases["lunes"] == {"momento"}
    assert all(" " not in palabra and palabra == palabra.lower() for palabra in clases)
    # Casi todas las palabras con clase aparecen en el corpus tal como se tokeniza.
    vistas = {t for s in secuencias_de_parrafos(corpus_narrativo("train")) for t in s}
    assert sum(p in vistas for p in clases) / len(clases) > 0.9


def test_precision_vecinos_a_mano():
    tokens = ["perro", "gato", "pan", "queso", "rojo"]
    clases = {"perro": {"animal"}, "gato": {"animal"}, "pan": {"comida"},
              "queso": {"comida", "animal"}}
    embeddings = np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.8, 0.6], [0.1, 1.0]])
    # perro: gato y queso (comida y animal) → 2/2; pan: rojo (sin clase) y queso → 1/2;
    # queso: gato y perro, que comparten «animal» → 2/2.
    precision = precision_vecinos(embeddings, tokens, clases, k=2)
    assert precision == pytest.approx({"perro": 1.0, "gato": 1.0, "pan": 0.5, "queso": 1.0})
    assert "rojo" not in precision  # solo se puntúan las palabras con clase
    # La escala de cada vector no importa (similitud coseno).
    escalada = embeddings * np.array([[3.0], [0.5], [2.0], [7.0], [1.0]])
    assert precision_vecinos(escalada, tokens, clases, k=2) == precision
    with pytest.raises(ValueError, match="k debe ser"):
        precision_vecinos(embeddings, tokens, clases, k=0)
    with pytest.raises(ValueError, match="una fila por token"):
        precision_vecinos(embeddings[:3], tokens, clases)
