"""Deduplicación (tejas, Jaccard, MinHash, LSH) comparada con datasketch, y particiones sin
fuga (capítulo 6)."""

import itertools

import numpy as np
import pytest
from datasketch import MinHash, MinHashLSH
from datasketch.lsh import _optimal_param

from curso_llm import deduplicacion as dd
from curso_llm.datos.particiones import (
    FugaEntreParticiones,
    comprobar_sin_fuga,
    dividir_al_azar,
    dividir_por_grupo,
)


@pytest.fixture(scope="module")
def corpus():
    return dd.corpus_con_casi_duplicados(120, fraccion_con_copias=0.5, semilla=3)


# --- tejas y Jaccard ------------------------------------------------------------------------
def test_tejas_palabras_y_caracteres():
    assert dd.tejas("Dolor de  cabeza\nLEVE", k=2) == {"dolor de", "de cabeza", "cabeza leve"}
    assert dd.tejas("Tos seca", k=5) == {"tos seca"}
    assert dd.tejas("   ", k=3) == set()
    assert dd.tejas("abcd", k=3, por="caracteres") == {"abc", "bcd"}
    assert dd.tejas("ab", k=3, por="caracteres") == {"ab"}
    with pytest.raises(ValueError, match="por"):
        dd.tejas("hola", por="frases")
    with pytest.raises(TypeError, match="texto"):
        dd.tejas(["hola"])


def test_similitud_jaccard():
    a, b = {"x", "y", "z"}, ["y", "z", "w", "w"]
    copia = set(a)
    assert dd.similitud_jaccard(a, b) == pytest.approx(2 / 4)
    assert a == copia
    assert dd.similitud_jaccard(set(), set()) == 1.0
    assert dd.similitud_jaccard(set(), {"a"}) == 0.0
    with pytest.raises(TypeError, match="tejas"):
        dd.similitud_jaccard("abc", {"a"})


# --- MinHash frente a datasketch --------------------------------------------------------------
def _minhash_datasketch(conjunto, n=128, semilla=1):
    m = MinHash(num_perm=n, seed=semilla)
    m.update_batch([t.encode("utf-8") for t in conjunto])
    return m


@pytest.mark.parametrize("semilla", [1, 7])
def test_firmas_identicas_a_datasketch(corpus, semilla):
    for fila in corpus[:40]:
        conjunto = dd.tejas(fila["texto"], k=3)
        nuestra = dd.firma_minhash(conjunto, 64, semilla)
        suya = _minhash_datasketch(conjunto, 64, semilla).hashvalues
        assert nuestra.dtype == np.uint32
        np.testing.assert_array_equal(nuestra, suya)


def test_firma_casos_limite():
    vacia = dd.firma_minhash(set(), 16)
    assert (vacia == dd.MAXIMO_HASH).all()
    np.testing.assert_array_equal(vacia, MinHash(num_perm=16).hashvalues)
    np.testing.assert_array_equal(dd.firma_minhash(["a", "b", "a"], 8), dd.firma_minhash({"a", "b"}, 8))
    a, b = dd.permutaciones_minhash(8, 1)
    h = dd.hash_teja("a")
    assert dd.firma_minhash({"a"}, 8)[3] == (a[3] * h + b[3]) % 2**32
    assert all(x % 2 == 1 for x in a)


def test_estimacion_cerca_de_la_exacta(corpus):
    conj = [dd.tejas(f["texto"], k=3) for f in corpus[:30]]
    firmas = [dd.firma_minhash(c, 256) for c in conj]
    errores = [abs(dd.estimar_jaccard(firmas[i], firmas[j]) - dd.similitud_jaccard(conj[i], conj[j]))
               for i, j in itertools.combinations(range(30), 2)]
    # Desviación típica de la estimación ≤ 0.5/√256 ≈ 0.031: el error medio queda muy por debajo.
    assert np.mean(errores) < 0.03
    with pytest.raises(ValueError, match="misma longitud"):
        dd.estimar_jaccard(firmas[0], firmas[1][:10])


# --- LSH ----------------------------------------------------------------------------------------
def test_curva_s_y_bandas_como_datasketch():
    assert dd.probabilidad_candidato(0.0, 4, 3) == 0.0
    assert dd.probabilidad_candidato(1.0, 4, 3) == 1.0
    assert dd.probabilidad_candidato(0.5, 2, 2) == pytest.approx(1 - 0.75 ** 2)
    for umbral, n in [(0.8, 128), (0.5, 64), (0.6, 32)]:
        assert dd.elegir_bandas(umbral, n) == _optimal_param(umbral, n, 0.5, 0.5)


def test_pares_candidatos_iguales_a_datasketch(corpus):
    conj = [dd.tejas(f["texto"], k=3) for f in corpus]
    firmas = [dd.firma_minhash(c) for c in conj]
    for umbral in (0.5, 0.8):
        b, r = dd.elegir_bandas(umbral, 128)
        nuestros = dd.pares_candidatos(firmas, b, r)
        lsh = MinHashLSH(threshold=umbral, num_perm=128, params=(b, r))
        minhashes = [_minhash_datasketch(c) for c in conj]
        for i, m in enumerate(minhashes):
            lsh.insert(i, m)
        suyos = {tuple(sorted((i, j))) for i, m in enumerate(minhashes)
                 for j in lsh.query(m) if j != i}
        assert nuestros == suyos
        assert len(nuestros) > 0


def test_pares_candidatos_rechaza_firmas_cortas():
    with pytest.raises(ValueError, match="bandas·filas"):
        dd.pares_candidatos([np.zeros(8), np.zeros(8)], 3, 3)


# --- deduplicación con verificación ------------------------------------------------------------
def test_deduplicar_casi_conserva_el_primero_e_informa():
    base = ("Nota clínica (ficticia). Mujer de 40 años. Consulta por tos seca y fiebre desde "
            "ayer. Se solicita radiografía de tórax. Plan: control en una semana.")
    otra = ("Nota clínica (ficticia). Hombre de 70 años. Consulta por dolor de rodilla al "
            "caminar. Se solicita ecografía. Plan: reposo relativo.")
    textos = [base, otra, "Buenos días. " + base, base]
    conservados, quitados = dd.deduplicar_casi(textos, umbral=0.7, k=3)
    assert conservados == [base, otra]
    assert [q["indice"] for q in quitados] == [2, 3]
    assert all(q["duplicado_de"] == 0 for q in quitados)
    assert quitados[1]["similitud"] == 1.0 and 0.7 <= quitados[0]["similitud"] < 1.0


def test_deduplicar_mide_bien_el_corpus(corpus):
    textos = [f["texto"] for f in corpus]
    _, quitados = dd.deduplicar_casi(textos, umbral=0.6, k=3)
    origen = [f["origen"] for f in corpus]
    correctos = sum(origen[q["indice"]] == origen[q["duplicado_de"]] for q in quitados)
    debian = len(textos) - len(set(origen))
    assert correctos / len(quitados) > 0.95
    assert correctos / debian > 0.8


def test_corpus_determinista_y_con_variantes(corpus):
    assert corpus == dd.corpus_con_casi_duplicados(120, fraccion_con_copias=0.5, semilla=3)
    cambios = {f["cambio"] for f in corpus}
    assert cambios == {"original", *dd.CAMBIOS}
    assert sum(f["cambio"] == "original" for f in corpus) == 120


# --- particiones sin fuga ---------------------------------------------------------------------
def test_division_por_grupo_sin_fuga_y_al_azar_con_fuga(corpus):
    por_grupo = dividir_por_grupo(corpus, "origen", semilla=0)
    comprobar_sin_fuga(por_grupo, "origen")
    assert sum(len(v) for v in por_grupo.values()) == len(corpus)
    assert 0.7 < len(por_grupo["train"]) / len(corpus) < 0.9
    al_azar = dividir_al_azar(corpus, semilla=0)
    with pytest.raises(FugaEntreParticiones, match="origen.*aparecen en más de una partición"):
        comprobar_sin_fuga(al_azar, "origen")


def test_division_con_datasets(corpus):
    from datasets import Dataset

    ds = Dataset.from_list(corpus)
    partes = dividir_por_grupo(ds, "origen", semilla=1)
    comprobar_sin_fuga(partes, "origen")
    assert sum(p.num_rows for p in partes.values()) == ds.num_rows
    assert set(partes) == {"train", "validation", "test"}
    with pytest.raises(KeyError, match="columna 'paciente'"):
        dividir_por_grupo(ds, "paciente")


def test_division_errores_claros():
    filas = [{"g": i % 2} for i in range(10)]
    with pytest.raises(ValueError, match="quedaría vacía"):
        dividir_por_grupo(filas, "g")
    with pytest.raises(KeyError, match="fila 0"):
        dividir_por_grupo([{"x": 1}], "g")
    with pytest.raises(ValueError, match="proporción por partición"):
        dividir_por_grupo(filas, "g", proporciones=(0.5, 0.5))
    with pytest.raises(FugaEntreParticiones, match="g 1 → train y test"):
        comprobar_sin_fuga({"train": [{"g": 1}], "test": [{"g": 1}, {"g": 2}]}, "g")


def test_fuga_en_orden_natural_y_sin_confundir_con_recuentos():
    filas = [{"p": p} for p in (10, 2, 1)]
    with pytest.raises(FugaEntreParticiones) as error:
        comprobar_sin_fuga({"train": filas, "test": filas[::-1]}, "p")
    mensaje = str(error.value)
    assert mensaje.index("p 1 → train y test") < mensaje.index("p 2 → ") < mensaje.index("p 10 → ")
    textos = [{"p": f"paciente-{i}"} for i in (10, 2)]
    with pytest.raises(FugaEntreParticiones) as error:
        comprobar_sin_fuga({"train": textos, "test": textos}, "p")
    mensaje = str(error.value)
    assert mensaje.index("'paciente-2'") < mensaje.index("'paciente-10'")
    muchos = [{"p": i} for i in range(12)]
    with pytest.raises(FugaEntreParticiones, match="y 2 más"):
        comprobar_sin_fuga({"train": muchos, "test": muchos}, "p")


# --- visitas distintas del mismo paciente ----------------------------------------------------
def test_notas_de_pacientes_visitas_distintas_del_mismo_paciente():
    filas = dd.notas_de_pacientes(40, max_visitas=3, semilla=2)
    assert filas == dd.notas_de_pacientes(40, max_visitas=3, semilla=2)
    assert filas != dd.notas_de_pacientes(40, max_visitas=3, semilla=3)
    por_paciente = {}
    for f in filas:
        por_paciente.setdefault(f["paciente"], []).append(f)
    assert sorted(por_paciente) == list(range(40))
    for visitas in por_paciente.values():
        assert 2 <= len(visitas) <= 3
        assert sorted(v["visita"] for v in visitas) == list(range(len(visitas)))
        assert len({v["enfermedad"] for v in visitas}) == 1
        assert len({v["texto"] for v in visitas}) == len(visitas)
        cabeceras = {v["texto"].split(". ")[1] for v in visitas}
        assert len(cabeceras) == 1, cabeceras
        assert all(v["texto"].startswith("Nota clínica (ficticia). ") for v in visitas)
    with pytest.raises(ValueError, match="max_visitas"):
        dd.notas_de_pacientes(5, max_visitas=1)


def test_bandas_como_minhashlsh_publico():
    for umbral in (0.6, 0.8):
        lsh = MinHashLSH(threshold=umbral, num_perm=128)
        assert dd.elegir_bandas(umbral, 128) == (lsh.b, lsh.r)
