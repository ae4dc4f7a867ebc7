"""Ejercicios del capítulo 1: Matemáticas para el aprendizaje automático."""

from curso_llm.ejercicios import Ejercicio

CARPETA = "cap01_matematicas"

EJERCICIOS = [
    Ejercicio(
        id="1.1",
        titulo="Softmax estable",
        archivo="ej01_softmax_estable.py",
        funcion="softmax_estable",
        referencia="curso_llm.matematicas:softmax_estable",
        pista="Si exp desborda, piensa qué puedes restar a todos los valores de un corte sin "
        "cambiar su softmax; hazlo en cada corte del eje pedido por separado, no con un "
        "único valor para todo el arreglo.",
    ),
    Ejercicio(
        id="1.2",
        titulo="Gradiente numérico",
        archivo="ej02_gradiente_numerico.py",
        funcion="gradiente_numerico",
        referencia="curso_llm.matematicas:gradiente_numerico",
        pista="Cada coordenada se perturba sola, hacia los dos lados, y vuelve a su valor antes "
        "de pasar a la siguiente. Cuidado con una x de enteros (sumarle h no cambia nada) "
        "y no modifiques la x que recibes.",
    ),
    Ejercicio(
        id="1.3",
        titulo="Entropía cruzada desde logits",
        archivo="ej03_entropia_cruzada_logits.py",
        funcion="entropia_cruzada_logits",
        referencia="curso_llm.matematicas:entropia_cruzada_logits",
        pista="El logaritmo de una softmax ya calculada da -inf con logits grandes: obtén la "
        "log-probabilidad directamente con el truco del máximo (log-sum-exp), fila a "
        "fila, y promedia sobre los ejemplos.",
    ),
    Ejercicio(
        id="1.4",
        titulo="Divergencia KL",
        archivo="ej04_divergencia_kl.py",
        funcion="divergencia_kl",
        referencia="curso_llm.matematicas:divergencia_kl",
        pista="El primer argumento es el que pondera y el logaritmo es natural. Los términos "
        "con p_i = 0 deben valer 0 sin producir nan, y cada distribución es un corte del "
        "último eje.",
    ),
    Ejercicio(
        id="1.5",
        titulo="Similitud coseno",
        archivo="ej05_similitud_coseno.py",
        funcion="similitud_coseno",
        referencia="curso_llm.matematicas:similitud_coseno",
        pista="Divide el producto escalar entre las longitudes (normas euclídeas) de los dos "
        "vectores, todo a lo largo del último eje, para que un lote dé una similitud por "
        "fila.",
    ),
    Ejercicio(
        id="1.6",
        titulo="Capa lineal",
        archivo="ej06_capa_lineal.py",
        funcion="capa_lineal",
        referencia="curso_llm.matematicas:capa_lineal",
        pista="Mira la forma de W: una fila por neurona de salida. Piensa qué debes hacer con W "
        "para que su dimensión de entrada case con la última de x, y recuerda que el "
        "sesgo puede faltar.",
    ),
]
