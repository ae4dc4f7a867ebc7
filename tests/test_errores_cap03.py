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


# --- Nuevos: mayúsculas en NFD, otras marcas, vacíos, subcadenas, enteros, secuencias largas --


def normalizar_enie_solo_minuscula(texto):
    # Mira si la letra anterior es «n», pero pasa a minúsculas al final: la Ñ se pierde.
    resultado = []
    for c in unicodedata.normalize("NFD", texto):
        if unicodedata.combining(c) and not (c == "\u0303" and resultado and resultado[-1] == "n"):
            continue
        resultado.append(c)
    return unicodedata.normalize("NFC", "".join(resultado)).lower()


def normalizar_nfkd(texto):
    resultado = []
    for c in unicodedata.normalize("NFKD", texto.lower()):
        if unicodedata.combining(c) and not (c == "\u0303" and resultado and resultado[-1] == "n"):
            continue
        resultado.append(c)
    return unicodedata.normalize("NFKC", "".join(resultado))


def normalizar_solo_agudo_y_dieresis(texto):
    d = unicodedata.normalize("NFD", texto.lower())
    return unicodedata.normalize("NFC", d.replace("\u0301", "").replace("\u0308", ""))


def normalizar_conserva_toda_virgulilla(texto):
    d = unicodedata.normalize("NFD", texto.lower())
    return unicodedata.normalize(
        "NFC", "".join(c for c in d if not unicodedata.combining(c) or c == "\u0303"))


def tfidf_binario(documentos):
    c, df = _conteos(documentos)
    return _l2((c > 0) * (np.log((1 + len(documentos)) / (1 + df)) + 1))


def tfidf_df_cuenta_apariciones(documentos):
    c, _ = _conteos(documentos)
    return _l2(c * (np.log((1 + len(documentos)) / (1 + c.sum(axis=0))) + 1))


def tfidf_fila_vacia_nan(documentos):
    # Sin guarda para la norma nula: el documento vacío da 0/0 = nan.
    c, df = _conteos(documentos)
    return _l2(c * (np.log((1 + len(documentos)) / (1 + df)) + 1))


def tfidf_cuenta_subcadenas(documentos):
    vocab = sorted({t for d in documentos for t in d})
    textos = [" ".join(d) for d in documentos]
    c = np.array([[texto.count(t) for t in vocab] for texto in textos], dtype=float)
    df = (c > 0).sum(axis=0)
    m = c * (np.log((1 + len(documentos)) / (1 + df)) + 1)
    normas = np.linalg.norm(m, axis=1, keepdims=True)
    return np.divide(m, normas, out=np.zeros_like(m), where=normas > 0)


def tfidf_l1(documentos):
    c, df = _conteos(documentos)
    m = c * (np.log((1 + len(documentos)) / (1 + df)) + 1)
    return m / np.abs(m).sum(axis=1, keepdims=True)


def add_k_zeros_like(conteos, k):
    # Bucle con la salida creada como los conteos: con enteros, todo se trunca a 0.
    p = np.zeros_like(conteos)
    for i in range(conteos.shape[0]):
        p[i] = (conteos[i] + k) / (conteos[i].sum() + k * conteos.shape[1])
    return p


def add_k_en_el_sitio(conteos, k):
    fila = conteos.sum(axis=1, keepdims=True)
    conteos += k
    return conteos / (fila + k * conteos.shape[1])


def add_k_v_vistos(conteos, k):
    vistos = (conteos > 0).sum(axis=1, keepdims=True)
    return (conteos + k) / (conteos.sum(axis=1, keepdims=True) + k * vistos)


def add_k_suma_total(conteos, k):
    return (conteos + k) / (conteos.sum() + k * conteos.shape[1])


def perplejidad_indices_traspuestos(p, s):
    s = np.asarray(s)
    return float(np.exp(-np.log(p[s[1:], s[:-1]]).mean()))


def perplejidad_producto(p, s):
    s = np.asarray(s)
    return float(np.prod(p[s[:-1], s[1:]]) ** (-1.0 / (len(s) - 1)))


def perplejidad_circular(p, s):
    s = np.asarray(s)
    return float(np.exp(-np.log(p[np.roll(s, 1), s]).mean()))


def perplejidad_sin_la_ultima(p, s):
    total = [math.log(p[s[i - 1]][s[i]]) for i in range(1, len(s) - 1)]
    return math.exp(-sum(total) / len(total))


def negativo_log_de_sigmoid(centro, contexto, negativos):
    pos = torch.log(torch.sigmoid((centro * contexto).sum(-1)))
    neg = torch.log(torch.sigmoid(-torch.bmm(negativos, centro.unsqueeze(-1)).squeeze(-1))).sum(-1)
    return -(pos + neg).mean()


def negativo_media_global(centro, contexto, negativos):
    pos = F.logsigmoid((centro * contexto).sum(-1))
    neg = F.logsigmoid(-torch.bmm(negativos, centro.unsqueeze(-1)).squeeze(-1))
    return -pos.mean() - neg.mean()


def negativo_difunde_centro(centro, contexto, negativos):
    # (B, K, D) * (B, D) empareja mal (o falla) en vez de usar centro[:, None, :].
    pos = F.logsigmoid((centro * contexto).sum(-1))
    neg = F.logsigmoid(-(negativos * centro).sum(-1)).sum(-1)
    return -(pos + neg).mean()


def negativo_forma_uno(centro, contexto, negativos):
    pos = F.logsigmoid((centro * contexto).sum(-1))
    neg = F.logsigmoid(-torch.bmm(negativos, centro.unsqueeze(-1)).squeeze(-1)).sum(-1)
    return -(pos + neg).mean(0, keepdim=True)


def ngramas_sin_repetidos(tokens, n):
    return list(dict.fromkeys(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)))


def ngramas_sin_solapar(tokens, n):
    return [tuple(tokens[i:i + n]) for i in range(0, len(tokens) - n + 1, n)]


def ngramas_uno_sin_tupla(tokens, n):
    if n == 1:
        return list(tokens)
    return [tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]


def ngramas_uniendo_el_texto(tokens, n):
    palabras = " ".join(tokens).split()
    return [tuple(palabras[i:i + n]) for i in range(len(palabras) - n + 1)]



ERRONEAS = {
    "3.1": [normalizar_quita_enie, normalizar_ascii, normalizar_sin_minusculas,
            normalizar_solo_precompuestos, normalizar_enie_solo_minuscula, normalizar_nfkd,
            normalizar_solo_agudo_y_dieresis, normalizar_conserva_toda_virgulilla],
    "3.2": [tfidf_sin_suavizar, tfidf_sin_mas_uno, tfidf_sin_l2, tfidf_orden_de_aparicion,
            tfidf_log10, tfidf_binario, tfidf_df_cuenta_apariciones, tfidf_fila_vacia_nan,
            tfidf_cuenta_subcadenas, tfidf_l1],
    "3.3": [add_k_sin_kv, add_k_con_v, add_k_por_columnas, add_k_zeros_like, add_k_en_el_sitio,
            add_k_v_vistos, add_k_suma_total],
    "3.4": [perplejidad_log10, perplejidad_sin_exp, perplejidad_suma,
            perplejidad_divide_por_len, perplejidad_base_2, perplejidad_indices_traspuestos,
            perplejidad_producto, perplejidad_circular, perplejidad_sin_la_ultima],
    "3.5": [negativo_signo_cambiado, negativo_media_en_k, negativo_suma_en_lote,
            negativo_sin_menos, negativo_con_item, negativo_log_de_sigmoid, negativo_media_global,
            negativo_difunde_centro, negativo_forma_uno],
    "3.6": [ngramas_uno_de_menos, ngramas_solo_bigramas, ngramas_como_listas,
            ngramas_con_cola_corta, ngramas_sin_repetidos, ngramas_sin_solapar,
            ngramas_uno_sin_tupla, ngramas_uniendo_el_texto],
}
CASOS = [(id_, f) for id_, funciones in ERRONEAS.items() for f in funciones]


@pytest.mark.parametrize("id_ejercicio,erronea", CASOS, ids=[f.__name__ for _, f in CASOS])
def test_calificador_rechaza_implementacion_erronea(id_ejercicio, erronea):
    with np.errstate(all="ignore"):
        (resultado,) = calificar(id_ejercicio, erronea, mostrar=False)
    assert not resultado.superado, f"{id_ejercicio} aceptó {erronea.__name__}"
    assert resultado.estado == "falla"
    assert all(p.startswith(("Pista:", "Tu función lanzó", "Lo que devolvió tu función")) for p in resultado.pistas), resultado.pistas


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
