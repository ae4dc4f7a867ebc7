"""Ejercicios del capítulo 3: Procesamiento de lenguaje natural clásico."""

from curso_llm.ejercicios import Ejercicio

CARPETA = "cap03_nlp"

EJERCICIOS = [
    Ejercicio(
        id="3.1",
        titulo="Normalizar texto",
        archivo="ej01_normalizar_texto.py",
        funcion="normalizar_texto",
        referencia="curso_llm.nlp_clasico.preprocesamiento:normalizar_texto",
        pista="Pasa a NFD con unicodedata.normalize, borra las marcas combinantes salvo la "
              "virgulilla (U+0303) que sigue a una «n», y vuelve a NFC.",
    ),
    Ejercicio(
        id="3.2",
        titulo="Matriz TF-IDF",
        archivo="ej02_tfidf.py",
        funcion="matriz_tfidf",
        referencia="curso_llm.nlp_clasico.representaciones:matriz_tfidf",
        pista="Cuenta (documentos × vocabulario ordenado), multiplica por "
              "idf = ln((1 + n) / (1 + df)) + 1 y divide cada fila por su norma L2.",
    ),
    Ejercicio(
        id="3.3",
        titulo="Probabilidades de bigramas con suavizado add-k",
        archivo="ej03_bigramas_add_k.py",
        funcion="probabilidades_add_k",
        referencia="curso_llm.nlp_clasico.ngramas:probabilidades_add_k",
        pista="Suma k a cada conteo y divide cada fila por (suma de la fila + k·V), con V el "
              "número de columnas.",
    ),
    Ejercicio(
        id="3.4",
        titulo="Perplejidad de un modelo de bigramas",
        archivo="ej04_perplejidad.py",
        funcion="perplejidad_bigramas",
        referencia="curso_llm.nlp_clasico.ngramas:perplejidad_bigramas",
        pista="Toma P[s[i-1], s[i]] para i = 1..N, haz la media de sus logaritmos naturales "
              "y devuelve exp(-media).",
    ),
    Ejercicio(
        id="3.5",
        titulo="Pérdida de muestreo negativo",
        archivo="ej05_muestreo_negativo.py",
        funcion="perdida_muestreo_negativo",
        referencia="curso_llm.nlp_clasico.word2vec:perdida_muestreo_negativo",
        pista="Usa F.logsigmoid: -logsigmoid(u·v) - suma_k logsigmoid(-u_k·v) por ejemplo, y "
              "luego la media sobre el lote.",
    ),
    Ejercicio(
        id="3.6",
        titulo="Extraer n-gramas",
        archivo="ej06_ngramas.py",
        funcion="extraer_ngramas",
        referencia="curso_llm.nlp_clasico.ngramas:ngramas",
        pista="Recorre i = 0 .. len(tokens) - n (incluido) y toma tuple(tokens[i:i + n]).",
    ),
]
