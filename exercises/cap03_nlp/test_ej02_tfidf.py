"""Calificador del ejercicio 3.2: matriz TF-IDF."""

import numpy as np

from curso_llm.nlp_clasico.representaciones import matriz_tfidf as referencia

PALABRAS = ["pan", "gato", "perro", "río", "casa", "niño", "sol", "luna"]


def _documentos(semilla: int, n: int = 6) -> list[list[str]]:
    rng = np.random.default_rng(semilla)
    docs = [list(rng.choice(PALABRAS, size=int(rng.integers(3, 9)))) for _ in range(n)]
    docs[0].append("el")
    for doc in docs:  # «el» en todos los documentos: df = n
        doc.append("el")
    return [[str(t) for t in doc] for doc in docs]


def _como_matriz(resultado) -> np.ndarray:
    return np.asarray(resultado.toarray() if hasattr(resultado, "toarray") else resultado,
                      dtype=float)


def test_forma_y_normas_l2(funcion):
    docs = _documentos(0)
    obtenido = _como_matriz(funcion(docs))
    esperado = referencia(docs)
    assert obtenido.shape == esperado.shape, (
        f"Pista: con {len(docs)} documentos y {esperado.shape[1]} tokens distintos la forma debe "
        f"ser {esperado.shape} y es {obtenido.shape}."
    )
    assert np.allclose(np.linalg.norm(obtenido, axis=1), 1.0, atol=1e-6), (
        "Pista: cada fila debe tener norma L2 igual a 1: divide cada fila por su norma al final."
    )


def test_columnas_en_orden_alfabetico(funcion):
    docs = [["zorro", "ave"], ["ave", "casa"], ["casa", "zorro", "zorro"]]
    obtenido = _como_matriz(funcion(docs))
    esperado = referencia(docs)
    assert obtenido.shape == esperado.shape and np.allclose(
        np.sort(obtenido, axis=None), np.sort(esperado, axis=None), atol=1e-6), (
        "Pista: los valores no coinciden (ni siquiera cambiando el orden de las columnas): "
        "«zorro» aparece dos veces en el tercer documento, así que el tf es el conteo bruto "
        "(no 0/1), el df cuenta DOCUMENTOS y cada fila se divide por su norma L2."
    )
    assert np.allclose(obtenido, esperado, atol=1e-6), (
        "Pista: los valores son los correctos pero en otras columnas: van en orden alfabético "
        "de los tokens (ave, casa, zorro), como en scikit-learn, no en orden de aparición."
    )


def test_coincide_con_la_referencia(funcion):
    for semilla in range(1, 6):
        docs = _documentos(semilla)
        obtenido = _como_matriz(funcion(docs))
        esperado = referencia(docs)
        assert obtenido.shape == esperado.shape, "Pista: la forma debe ser (n_documentos, V)."
        assert np.allclose(obtenido, esperado, atol=1e-6), (
            "Pista: los valores no coinciden. Usa el idf suavizado ln((1 + n) / (1 + df)) + 1 "
            "(con logaritmo natural, el «1 +» arriba y abajo y el «+ 1» final) y el conteo bruto "
            "como tf."
        )


def test_token_en_todos_los_documentos_no_se_anula(funcion):
    docs = [["el", "gato"], ["el", "perro"], ["el", "pan", "pan"]]
    obtenido = _como_matriz(funcion(docs))
    columna_el = 0  # «el» es el primero en orden alfabético
    assert np.all(obtenido[:, columna_el] > 0), (
        "Pista: «el» aparece en todos los documentos y aun así su tf-idf no es 0: el idf lleva "
        "un «+ 1» final."
    )


def test_documento_vacio_y_tokens_que_contienen_otros(funcion):
    # «pan» está dentro de «panadero» y «sol» dentro de «soldado»: contar subcadenas de un
    # texto unido da conteos falsos. Un documento vacío da una fila de ceros.
    docs = [["pan", "panadero", "pan"], [], ["sol", "soldado", "soldado", "pan"], ["sol"]]
    with np.errstate(all="ignore"):
        obtenido = _como_matriz(funcion(docs))
    esperado = referencia(docs)
    assert obtenido.shape == esperado.shape, (
        f"Pista: con {len(docs)} documentos (uno vacío) y {esperado.shape[1]} tokens distintos "
        f"la forma debe ser {esperado.shape} y es {obtenido.shape}: el documento vacío también "
        "tiene su fila."
    )
    assert np.all(np.isfinite(obtenido[1])) and np.allclose(obtenido[1], 0.0), (
        "Pista: un documento vacío tiene norma 0: su fila debe quedarse a 0, no a nan "
        "(no dividas entre una norma nula)."
    )
    assert np.allclose(obtenido, esperado, atol=1e-6), (
        "Pista: los valores no coinciden. Cuenta tokens completos, no subcadenas («pan» no "
        "aparece en «panadero»), y el df es el número de DOCUMENTOS que contienen el token, "
        "no el número de apariciones."
    )
