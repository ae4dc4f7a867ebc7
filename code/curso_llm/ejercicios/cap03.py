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
        pista="En NFD cada tilde es un carácter aparte (una marca combinante) que puedes "
        "quitar; la excepción es la virgulilla que va detrás de una n o una N. La salida "
        "debe quedar en NFC.",
    ),
    Ejercicio(
        id="3.2",
        titulo="Matriz TF-IDF",
        archivo="ej02_tfidf.py",
        funcion="matriz_tfidf",
        referencia="curso_llm.nlp_clasico.representaciones:matriz_tfidf",
        pista="Tres piezas: conteos brutos con las columnas en orden alfabético, el idf "
        "suavizado del enunciado (df cuenta documentos, no apariciones) y filas de norma "
        "L2 igual a 1; un documento vacío se queda a 0.",
    ),
    Ejercicio(
        id="3.3",
        titulo="Probabilidades de bigramas con suavizado add-k",
        archivo="ej03_bigramas_add_k.py",
        funcion="probabilidades_add_k",
        referencia="curso_llm.nlp_clasico.ngramas:probabilidades_add_k",
        pista="Al sumar k a las V casillas de una fila, el total de la fila también crece: cada "
        "fila debe seguir sumando 1, también la de un contexto nunca visto.",
    ),
    Ejercicio(
        id="3.4",
        titulo="Perplejidad de un modelo de bigramas",
        archivo="ej04_perplejidad.py",
        funcion="perplejidad_bigramas",
        referencia="curso_llm.nlp_clasico.ngramas:perplejidad_bigramas",
        pista="Hay una predicción menos que tokens (el primero solo es contexto). Trabaja con "
        "logaritmos naturales: el producto de muchas probabilidades se redondea a 0.",
    ),
    Ejercicio(
        id="3.5",
        titulo="Pérdida de muestreo negativo",
        archivo="ej05_muestreo_negativo.py",
        funcion="perdida_muestreo_negativo",
        referencia="curso_llm.nlp_clasico.word2vec:perdida_muestreo_negativo",
        pista="El contexto verdadero debe dar un producto escalar alto con la palabra central y "
        "las negativas, bajo: fíjate en el signo dentro de cada sigmoide. Suma sobre las "
        "K negativas, promedia sobre el lote y usa el logaritmo estable de la sigmoide.",
    ),
    Ejercicio(
        id="3.6",
        titulo="Extraer n-gramas",
        archivo="ej06_ngramas.py",
        funcion="extraer_ngramas",
        referencia="curso_llm.nlp_clasico.ngramas:ngramas",
        pista="Hay un n-grama por cada posición en la que aún caben n tokens: cuenta cuántas "
        "son (ni una más ni una menos) y devuelve cada uno como tupla, en orden y con los "
        "repetidos.",
    ),
]
