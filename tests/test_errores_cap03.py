"""Los calificadores del capítulo 3 atrapan errores reales, no solo el esbozo sin tocar."""

import math
import unicodedata

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from curso_llm.calificador import calificar

# --- 3.1 normalizar texto ----------------------------------------------------------------


def normalizar_quita_enie(texto):
    descompuesto = unicodedata.normalize("NFD", texto.lower())
    return "".join(c for c in descompuesto if not unicodedata.combining(c))


def normalizar_ascii(texto):
    return unicodedata.normalize("NFD", texto.lower()).encode("ascii", "ignore").decode()


def normalizar_sin_minusculas(texto):
    from curso_llm.nlp_clasico.preprocesamiento import quitar_acentos
    return quitar_acentos(texto)


def normalizar_solo_precompuestos(texto):
    tabla = str.maketrans("áéíóúüÁÉÍÓÚÜ", "aeiouuAEIOUU")
    return texto.lower().translate(tabla)


# --- 3.2 TF-IDF --------------------------------------------------------------------------


def _conteos(documentos):
    vocab = sorted({t for d in documentos for t in d})
    conteos = np.array([[d.count(t) for t in vocab] for d in documentos], dtype=float)
    return conteos, (conteos > 0).sum(axis=0)


def _l2(m):
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def tfidf_sin_suavizar(documentos):
    c, df = _conteos(documentos)
    return _l2(c * (np.log(len(documentos) / df) + 1))


def tfidf_sin_mas_uno(documentos):
    c, df = _conteos(documentos)
    return _l2(c * np.log((1 + len(documentos)) / (1 + df)))


def tfidf_sin_l2(documentos):
    c, df = _conteos(documentos)
    return c * (np.log((1 + len(documentos)) / (1 + df)) + 1)


def tfidf_orden_de_aparicion(documentos):
    vocab = list(dict.fromkeys(t for d in documentos for t in d))
    c = np.array([[d.count(t) for t in vocab] for d in documentos], dtype=float)
    df = (c > 0).sum(axis=0)
    return _l2(c * (np.log((1 + len(documentos)) / (1 + df)) + 1))


def tfidf_log10(documentos):
    c, df = _conteos(documentos)
    return _l2(c * (np.log10((1 + len(documentos)) / (1 + df)) + 1))


# --- 3.3 add-k ---------------------------------------------------------------------------


def add_k_sin_kv(conteos, k):
    return (conteos + k) / (conteos.sum(axis=1, keepdims=True) + k)


def add_k_con_v(conteos, k):
    return (conteos + k) / (conteos.sum(axis=1, keepdims=True) + conteos.shape[1])


def add_k_por_columnas(conteos, k):
    return (conteos + k) / (conteos.sum(axis=0, keepdims=True) + k * conteos.shape[0])


# --- 3.4 perplejidad ---------------------------------------------------------------------


def _logp(p, s, log=np.log):
    s = np.asarray(s)
    return log(p[s[:-1], s[1:]])


def perplejidad_log10(p, s):
    return float(np.exp(-_logp(p, s, np.log10).mean()))


def perplejidad_sin_exp(p, s):
    return float(-_logp(p, s).mean())


def perplejidad_suma(p, s):
    return float(np.exp(-_logp(p, s).sum()))


def perplejidad_divide_por_len(p, s):
    return float(np.exp(-_logp(p, s).sum() / len(s)))


def perplejidad_base_2(p, s):
    return float(2 ** (-_logp(p, s).mean()))


# --- 3.5 muestreo negativo ---------------------------------------------------------------


def negativo_signo_cambiado(centro, contexto, negativos):
    pos = F.logsigmoid((centro * contexto).sum(-1))
    neg = F.logsigmoid(torch.bmm(negativos, centro.unsqueeze(-1)).squeeze(-1)).sum(-1)
    return -(pos + neg).mean()


def negativo_media_en_k(centro, contexto, negativos):
    pos = F.logsigmoid((centro * contexto).sum(-1))
    neg = F.logsigmoid(-torch.bmm(negativos, centro.unsqueeze(-1)).squeeze(-1)).mean(-1)
    return -(pos + neg).mean()


def negativo_suma_en_lote(centro, contexto, negativos):
    pos = F.logsigmoid((centro * contexto).sum(-1))
    neg = F.logsigmoid(-torch.bmm(negativos, centro.unsqueeze(-1)).squeeze(-1)).sum(-1)
    return -(pos + neg).sum()


def negativo_sin_menos(centro, contexto, negativos):
    pos = F.logsigmoid((centro * contexto).sum(-1))
    neg = F.logsigmoid(-torch.bmm(negativos, centro.unsqueeze(-1)).squeeze(-1)).sum(-1)
    return (pos + neg).mean()


def negativo_con_item(centro, contexto, negativos):
    pos = F.logsigmoid((centro * contexto).sum(-1))
    neg = F.logsigmoid(-torch.bmm(negativos, centro.unsqueeze(-1)).squeeze(-1)).sum(-1)
    return torch.tensor(-(pos + neg).mean().item())


# --- 3.6 n-gramas ------------------------------------------------------------------------


def ngramas_uno_de_menos(tokens, n):
    return [tuple(tokens[i:i + n]) for i in range(len(tokens) - n)]


def ngramas_solo_bigramas(tokens, n):
    return list(zip(tokens, tokens[1:]))


def ngramas_como_listas(tokens, n):
    return [tokens[i:i + n] for i in range(len(tokens) - n + 1)]


def ngramas_con_cola_corta(tokens, n):
    return [tuple(tokens[i:i + n]) for i in range(len(tokens))]


ERRONEAS = {
    "3.1": [normalizar_quita_enie, normalizar_ascii, normalizar_sin_minusculas,
            normalizar_solo_precompuestos],
    "3.2": [tfidf_sin_suavizar, tfidf_sin_mas_uno, tfidf_sin_l2, tfidf_orden_de_aparicion,
            tfidf_log10],
    "3.3": [add_k_sin_kv, add_k_con_v, add_k_por_columnas],
    "3.4": [perplejidad_log10, perplejidad_sin_exp, perplejidad_suma,
            perplejidad_divide_por_len, perplejidad_base_2],
    "3.5": [negativo_signo_cambiado, negativo_media_en_k, negativo_suma_en_lote,
            negativo_sin_menos, negativo_con_item],
    "3.6": [ngramas_uno_de_menos, ngramas_solo_bigramas, ngramas_como_listas,
            ngramas_con_cola_corta],
}
CASOS = [(id_, f) for id_, funciones in ERRONEAS.items() for f in funciones]


@pytest.mark.parametrize("id_ejercicio,erronea", CASOS, ids=[f.__name__ for _, f in CASOS])
def test_calificador_rechaza_implementacion_erronea(id_ejercicio, erronea):
    (resultado,) = calificar(id_ejercicio, erronea, mostrar=False)
    assert not resultado.superado, f"{id_ejercicio} aceptó {erronea.__name__}"
    assert resultado.estado == "falla"
    assert all(p.startswith("Pista:") or "lanzó" in p for p in resultado.pistas), resultado.pistas


def test_calificador_acepta_implementaciones_correctas_distintas():
    """Soluciones correctas escritas de otra forma (con scikit-learn, bucles...) pasan."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    def tfidf_sklearn(documentos):
        v = TfidfVectorizer(analyzer=lambda d: d, smooth_idf=True, norm="l2")
        return v.fit_transform(documentos).toarray()

    def perplejidad_con_bucle(p, s):
        total = 0.0
        for a, b in zip(s, s[1:]):
            total += math.log(p[a][b])
        return math.exp(-total / (len(s) - 1))

    def ngramas_con_zip(tokens, n):
        return list(zip(*(tokens[i:] for i in range(n))))

    for id_, f in [("3.2", tfidf_sklearn), ("3.4", perplejidad_con_bucle),
                   ("3.6", ngramas_con_zip)]:
        (resultado,) = calificar(id_, f, mostrar=False)
        assert resultado.superado, (id_, resultado.pistas)
