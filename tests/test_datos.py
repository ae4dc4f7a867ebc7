"""Pruebas de los generadores de datos sintéticos (``curso_llm.datos``)."""

import time

import pytest

from curso_llm.datos import (
    AVISO_FICTICIO,
    Enfermedad,
    corpus_narrativo,
    formatear_lectura,
    lectura_comprensiva,
    mundo_clinico,
    notas_clinicas,
    preguntas_clinicas,
)

PARTICIONES = ("train", "validation", "test")


def test_corpus_narrativo_tamano_determinismo_y_rapidez():
    inicio = time.perf_counter()
    train = corpus_narrativo("train")
    assert time.perf_counter() - inicio < 2.0
    assert sum(len(p.encode("utf-8")) for p in train) >= 1_000_000
    assert train == corpus_narrativo("train")
    assert train != corpus_narrativo("train", semilla=1)
    # Vocabulario variado: el tokenizador necesita variedad léxica.
    palabras = {w for p in train[:2000] for w in p.split()}
    assert len(palabras) > 800


def test_corpus_narrativo_particiones_disjuntas():
    conjuntos = {p: set(corpus_narrativo(p)) for p in PARTICIONES}
    assert all(conjuntos.values())
    assert not conjuntos["train"] & conjuntos["validation"]
    assert not conjuntos["train"] & conjuntos["test"]
    assert not conjuntos["validation"] & conjuntos["test"]


def test_concordancia_basica():
    texto = " ".join(corpus_narrativo("validation"))
    for error in ("la perro ", "el gata ", "los gatas ", "las perros ", " a el ", " de el "):
        assert error not in texto


def test_particion_desconocida():
    with pytest.raises(ValueError, match="Partición desconocida"):
        corpus_narrativo("entrenamiento")


def test_mundo_clinico():
    mundo = mundo_clinico()
    assert len(mundo) >= 30
    assert all(isinstance(e, Enfermedad) for e in mundo)
    especialidades = {e.especialidad for e in mundo}
    assert len(especialidades) >= 6
    for esp in especialidades:
        assert sum(e.especialidad == esp for e in mundo) >= 3
    assert len({e.nombre for e in mundo}) == len(mundo)
    for e in mundo:
        assert e.sintomas and e.pruebas and e.tratamientos and e.contraindicaciones
    assert "inventad" in AVISO_FICTICIO and "médica" in AVISO_FICTICIO
    assert mundo == mundo_clinico()


def test_notas_clinicas():
    notas = notas_clinicas(300)
    assert len(notas) == 300
    assert set(notas[0]) >= {"texto", "enfermedad", "especialidad", "organo"}
    assert notas == notas_clinicas(300)
    textos = {p: {n["texto"] for n in notas_clinicas(200, p)} for p in PARTICIONES}
    assert not textos["train"] & textos["validation"]
    assert not textos["train"] & textos["test"]
    assert not textos["validation"] & textos["test"]
    # La nota no delata el diagnóstico.
    assert all(n["enfermedad"] not in n["texto"] for n in notas)


def test_notas_clasificables_pero_no_trivial():
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    train, test = notas_clinicas(600), notas_clinicas(300, "test")
    vec = CountVectorizer()
    clf = LogisticRegression(max_iter=2000).fit(
        vec.fit_transform([n["texto"] for n in train]), [n["especialidad"] for n in train]
    )
    pred = clf.predict(vec.transform([n["texto"] for n in test]))
    exactitud = sum(p == n["especialidad"] for p, n in zip(pred, test)) / len(test)
    assert 0.75 < exactitud < 1.0


def test_preguntas_clinicas():
    pares = {p: preguntas_clinicas(p) for p in PARTICIONES}
    assert len(pares["train"]) > 100
    assert set(pares["train"][0]) >= {"pregunta", "respuesta", "enfermedad"}
    preguntas = {p: {x["pregunta"] for x in v} for p, v in pares.items()}
    assert not preguntas["train"] & preguntas["test"]
    assert not preguntas["train"] & preguntas["validation"]


def test_lectura_comprensiva():
    ejemplos = lectura_comprensiva(500)
    assert len(ejemplos) == 500
    assert ejemplos == lectura_comprensiva(500)
    for e in ejemplos:
        # La respuesta repite una frase entera del documento, y esa frase contiene el dato.
        frases = [f.strip() + "." for f in e["documento"].rstrip(".").split(". ")]
        assert e["respuesta"] in frases and e["dato"] in e["respuesta"]
        assert 4 <= len(frases) <= 6
        assert all(r in frases for _, r in e["otras_preguntas"])
    assert {e["tipo"] for e in ejemplos} == {"persona", "lugar", "objeto"}
    # Concordancia del artículo con el animal (ya no «un cabra»).
    assert not any(f" un {a} " in e["documento"] for e in ejemplos
                   for a in ("cabra", "gata", "tortuga", "oveja", "lechuza", "yegua"))
    entidades = {p: {e["entidad"] for e in lectura_comprensiva(300, p)} for p in PARTICIONES}
    assert not entidades["train"] & entidades["validation"]
    assert not entidades["train"] & entidades["test"]
    assert not entidades["validation"] & entidades["test"]
    assert len({e["entidad"] for e in ejemplos}) == len(ejemplos)


def test_formatear_lectura():
    e = {"documento": "Ana vive en Quelmar.", "pregunta": "¿Dónde vive Ana?",
         "respuesta": "Quelmar"}
    assert formatear_lectura(e) == (
        "Documento: Ana vive en Quelmar.\nPregunta: ¿Dónde vive Ana?\nRespuesta: Quelmar"
    )
    assert formatear_lectura(e, con_respuesta=False).endswith("\nRespuesta:")


def test_preparar_notas_vocabulario_solo_de_train():
    import torch

    from curso_llm.datos import NotasVectorizadas, preparar_notas

    datos = preparar_notas(n_train=40, n_val=20, n_test=20)
    assert isinstance(datos, NotasVectorizadas)
    assert datos.X_train.shape == (40, len(datos.vocabulario))
    assert datos.X_val.shape == (20, len(datos.vocabulario))
    assert datos.y_train.dtype == torch.long and len(datos.clases) == 8
    assert datos.clases == sorted(datos.clases)
    assert datos.train[0] is datos.X_train and datos.test[1] is datos.y_test
    # Cada palabra del vocabulario aparece en alguna nota de entrenamiento.
    assert bool((datos.X_train.sum(0) > 0).all())
    with pytest.raises(ValueError, match="'etiqueta' debe ser uno de estos.*'sexo'"):
        preparar_notas(n_train=5, n_val=5, n_test=5, etiqueta="sexo")
    with pytest.raises(ValueError, match="'n_val'"):
        preparar_notas(n_train=5, n_val=0, n_test=5)


def test_importar_datos_no_carga_torch():
    import subprocess
    import sys

    codigo = "import sys, curso_llm.datos; print('torch' in sys.modules)"
    salida = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True,
                            check=True)
    assert salida.stdout.strip() == "False"
