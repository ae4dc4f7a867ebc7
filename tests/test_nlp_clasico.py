"""Pruebas de curso_llm.nlp_clasico contra scikit-learn y propiedades conocidas."""

import math
import unicodedata

import numpy as np
import pytest
import torch
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from curso_llm.nlp_clasico import (
    ModeloBigramas,
    ModeloTfidf,
    Vocabulario,
    bolsa_de_palabras,
    contar_ngramas,
    matriz_similitud_coseno,
    matriz_tfidf,
    ngramas,
    normalizar,
    normalizar_unicode,
    perplejidad_bigramas,
    perplejidad_desde_logprobs,
    probabilidades_add_k,
    quitar_acentos,
    quitar_palabras_vacias,
    tokenizar,
    unir_tokens,
)
from curso_llm.nlp_clasico.lstm import entrenar_lstm, generar_lstm, perplejidad_lstm
from curso_llm.nlp_clasico.word2vec import (
    entrenar_word2vec,
    pares_skipgram,
    perdida_muestreo_negativo,
    proyectar_pca,
    vecinos_mas_cercanos,
)

TEXTOS = [
    "El niño comió pan con queso en la plaza.",
    "La panadera vendió pan tierno y galletas en el mercado.",
    "El pingüino nadó en el río; el niño lo miró desde el puente.",
    "¿Quién comió las galletas? ¡El perro del pastor!",
    "Mi papá compró una papa en el mercado del pueblo.",
]
DOCUMENTOS = [tokenizar(t) for t in TEXTOS]


# --- preprocesamiento --------------------------------------------------------------------


def test_normalizacion_unicode_y_acentos():
    nfd = "papa\u0301"
    assert len(nfd) == 5 and len(normalizar_unicode(nfd)) == 4
    assert normalizar_unicode(nfd) == "papá"
    assert quitar_acentos("Canción del pingüino") == "Cancion del pinguino"
    assert quitar_acentos("Año, NIÑO") == "Año, NIÑO"
    assert quitar_acentos("An\u0303o") == "Año" and unicodedata.is_normalized("NFC", "Año")
    assert quitar_acentos("año", conservar_enie=False) == "ano"
    assert normalizar("Ñandú PINGÜINO", sin_acentos=True) == "ñandu pinguino"
    with pytest.raises(ValueError, match="Forma Unicode"):
        normalizar_unicode("hola", "NFX")
    with pytest.raises(TypeError, match="cadena"):
        quitar_acentos(["lista"])


def test_tokenizar_respeta_letras_del_espanol():
    assert tokenizar("¿Viste al niño del pingüino?") == ["viste", "al", "niño", "del", "pingüino"]
    assert tokenizar("Cancio\u0301n") == ["canción"]  # NFD → NFC antes de tokenizar
    assert tokenizar("¡Hola, Ana!", puntuacion=True) == ["¡", "hola", ",", "ana", "!"]
    assert tokenizar("Tengo 3 gatos", minusculas=False) == ["Tengo", "3", "gatos"]
    assert quitar_palabras_vacias(["el", "niño", "de", "la", "plaza"]) == ["niño", "plaza"]
    assert unir_tokens(["¿", "hola", ",", "ana", "?"]) == "¿hola, ana?"


def test_vocabulario_con_desconocidos():
    voc = Vocabulario([["a", "b", "a"], ["a", "c"]], min_frecuencia=2)
    assert voc.tokens == ["<unk>", "<s>", "</s>", "a"]
    assert voc.codificar(["a", "zzz"], bordes=True) == [1, 3, 0, 2]
    assert voc.tasa_desconocidos([["a", "b"]]) == 0.5
    with pytest.raises(ValueError, match="No hay ningún token"):
        Vocabulario([])
    with pytest.raises(ValueError, match="min_frecuencia"):
        Vocabulario([["a"]], min_frecuencia=0)


# --- representaciones --------------------------------------------------------------------


def test_bolsa_de_palabras_igual_que_scikit_learn():
    conteos, vocab = bolsa_de_palabras(DOCUMENTOS)
    cv = CountVectorizer(tokenizer=tokenizar, lowercase=False, token_pattern=None)
    esperado = cv.fit_transform(TEXTOS).toarray()
    assert vocab == cv.vocabulary_
    np.testing.assert_array_equal(conteos, esperado)


@pytest.mark.parametrize("suave", [True, False])
@pytest.mark.parametrize("sublineal", [False, True])
@pytest.mark.parametrize("norma", ["l2", "l1", None])
def test_tfidf_igual_que_scikit_learn(suave, sublineal, norma):
    modelo = ModeloTfidf.ajustar(DOCUMENTOS, suave=suave, norma=norma, sublineal=sublineal)
    tv = TfidfVectorizer(tokenizer=tokenizar, lowercase=False, token_pattern=None,
                         smooth_idf=suave, norm=norma, sublinear_tf=sublineal)
    esperado = tv.fit_transform(TEXTOS).toarray()
    np.testing.assert_allclose(modelo.idf, tv.idf_, atol=1e-12)
    np.testing.assert_allclose(modelo.transformar(DOCUMENTOS), esperado, atol=1e-12)
    consulta = [tokenizar("pan y galletas del niño")]
    np.testing.assert_allclose(modelo.transformar(consulta),
                               tv.transform(["pan y galletas del niño"]).toarray(), atol=1e-12)
    if suave and norma == "l2" and not sublineal:
        np.testing.assert_allclose(matriz_tfidf(DOCUMENTOS), esperado, atol=1e-12)


def test_similitud_coseno_y_errores():
    a = np.array([[1.0, 0.0], [1.0, 1.0], [0.0, 0.0]])
    s = matriz_similitud_coseno(a, a)
    assert s[0, 1] == pytest.approx(1 / math.sqrt(2)) and s[2, 2] == 0.0
    with pytest.raises(ValueError, match="misma dimensión"):
        matriz_similitud_coseno(a, np.ones((1, 3)))
    with pytest.raises(ValueError, match="vacío"):
        bolsa_de_palabras([])
    with pytest.raises(TypeError, match="tokeniza"):
        bolsa_de_palabras(["texto sin tokenizar"])


# --- n-gramas ----------------------------------------------------------------------------


def test_ngramas_y_conteos():
    assert ngramas(["a", "b", "c"], 2) == [("a", "b"), ("b", "c")]
    assert ngramas(["a", "b"], 3) == []
    assert contar_ngramas([["a", "b", "a", "b"]], 2)[("a", "b")] == 2
    with pytest.raises(ValueError, match="'n' debe ser un entero positivo"):
        ngramas(["a"], 0)


def test_bigramas_suman_uno_y_errores():
    modelo = ModeloBigramas(Vocabulario(DOCUMENTOS), k=0.5).ajustar(DOCUMENTOS)
    np.testing.assert_allclose(modelo.probabilidades.sum(axis=1), 1.0, atol=1e-12)
    # A mano: P(pan | comió) = (c(comió, pan) + k) / (c(comió) + k·V).
    v = len(modelo.vocabulario)
    assert modelo.probabilidad("comió", "pan") == pytest.approx((1 + 0.5) / (2 + 0.5 * v))
    for k in (0, -1.0, float("nan")):
        with pytest.raises(ValueError, match="'k' debe ser un número finito mayor que 0"):
            ModeloBigramas(modelo.vocabulario, k=k)
    with pytest.raises(ValueError, match="'k' debe ser un número finito mayor que 0"):
        probabilidades_add_k(np.ones((3, 3)), 0.0)
    with pytest.raises(ValueError, match="no vacía"):
        modelo.ajustar([])
    assert modelo.generar(semilla=1) == modelo.generar(semilla=1)


def test_perplejidad_de_un_modelo_uniforme_es_el_vocabulario():
    v = 37
    assert perplejidad_bigramas(np.full((v, v), 1.0 / v), [0, 5, 9, 36, 2]) == pytest.approx(v)
    assert perplejidad_desde_logprobs(np.full(10, -math.log(v))) == pytest.approx(v)
    # Un modelo add-k con k enorme es prácticamente uniforme.
    modelo = ModeloBigramas(Vocabulario(DOCUMENTOS), k=1e12).ajustar(DOCUMENTOS)
    assert modelo.perplejidad(DOCUMENTOS) == pytest.approx(len(modelo.vocabulario), rel=1e-6)
    with pytest.raises(ValueError, match="al menos dos"):
        perplejidad_bigramas(np.ones((2, 2)) / 2, [1])


# --- word2vec ----------------------------------------------------------------------------


def test_perdida_muestreo_negativo_a_mano():
    centro = torch.tensor([[1.0, 0.0]])
    contexto = torch.tensor([[2.0, 0.0]])
    negativos = torch.tensor([[[0.0, 1.0], [-1.0, 0.0]]])
    sig = lambda x: 1 / (1 + math.exp(-x))  # noqa: E731
    esperado = -math.log(sig(2.0)) - math.log(sig(0.0)) - math.log(sig(1.0))
    assert perdida_muestreo_negativo(centro, contexto, negativos).item() == pytest.approx(
        esperado, rel=1e-6)
    with pytest.raises(ValueError, match="forma"):
        perdida_muestreo_negativo(centro, contexto, negativos[0])


def test_word2vec_la_perdida_baja():
    voc = Vocabulario(DOCUMENTOS * 20)
    secuencias = [voc.codificar(d) for d in DOCUMENTOS * 20]
    assert pares_skipgram([[1, 2, 3]], ventana=1).tolist() == [[1, 2], [2, 3], [2, 1], [3, 2]]
    r = entrenar_word2vec(secuencias, len(voc), dim_embedding=16, epocas=2, tamano_lote=128,
                          tasa_aprendizaje=0.05, pasos_por_registro=2)
    assert r.perdidas[-1] < 0.8 * r.perdidas[0]
    vecinos = vecinos_mas_cercanos(r.embeddings, voc.tokens, "pan", k=3)
    assert len(vecinos) == 3 and all(p != "pan" for p, _ in vecinos)
    assert proyectar_pca(r.embeddings).shape == (len(voc), 2)
    with pytest.raises(ValueError, match="no está en el vocabulario"):
        vecinos_mas_cercanos(r.embeddings, voc.tokens, "inexistente")


# --- LSTM --------------------------------------------------------------------------------


def test_lstm_determinista_y_aprende():
    torch.set_num_threads(1)
    voc = Vocabulario(DOCUMENTOS)
    ids = [voc.codificar(d, bordes=True) for d in DOCUMENTOS]
    kwargs = dict(epocas=15, tamano_lote=5, dim_embedding=16, dim_oculta=32,
                  tasa_aprendizaje=0.02, pasos_por_registro=1, semilla=3)
    r1 = entrenar_lstm(ids, len(voc), validacion=ids, **kwargs)
    r2 = entrenar_lstm(ids, len(voc), validacion=ids, **kwargs)
    assert r1.perdidas == r2.perdidas
    assert r1.perdidas[-1] < 0.5 * r1.perdidas[0]
    assert r1.perplejidades_validacion[-1] == pytest.approx(perplejidad_lstm(r1.modelo, ids))
    assert r1.perplejidades_validacion[-1] < len(voc) / 2
    muestra = generar_lstm(r1.modelo, voc.id_inicio, voc.id_fin, semilla=0, max_tokens=10)
    assert len(muestra) <= 10
    with pytest.raises(ValueError, match="no vacía"):
        entrenar_lstm([], len(voc))
