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
        pista="Resta el máximo de cada fila antes de aplicar np.exp y normaliza sobre el eje pedido.",
    ),
    Ejercicio(
        id="1.2",
        titulo="Gradiente numérico",
        archivo="ej02_gradiente_numerico.py",
        funcion="gradiente_numerico",
        referencia="curso_llm.matematicas:gradiente_numerico",
        pista="Trabaja sobre una copia en float de x; para cada índice (np.ndindex) suma y resta "
        "h solo en esa coordenada y divide la diferencia entre 2h.",
    ),
    Ejercicio(
        id="1.3",
        titulo="Entropía cruzada desde logits",
        archivo="ej03_entropia_cruzada_logits.py",
        funcion="entropia_cruzada_logits",
        referencia="curso_llm.matematicas:entropia_cruzada_logits",
        pista="log softmax(z)_k = z_k - m - log(sum_j exp(z_j - m)) con m = max(z) por fila; "
        "toma la columna de la etiqueta de cada fila y promedia con signo menos.",
    ),
    Ejercicio(
        id="1.4",
        titulo="Divergencia KL",
        archivo="ej04_divergencia_kl.py",
        funcion="divergencia_kl",
        referencia="curso_llm.matematicas:divergencia_kl",
        pista="Suma p * log(p / q) sobre el último eje, solo donde p > 0 (np.where), con "
        "logaritmo natural.",
    ),
    Ejercicio(
        id="1.5",
        titulo="Similitud coseno",
        archivo="ej05_similitud_coseno.py",
        funcion="similitud_coseno",
        referencia="curso_llm.matematicas:similitud_coseno",
        pista="np.sum(a * b, axis=-1) dividido entre np.linalg.norm(a, axis=-1) * "
        "np.linalg.norm(b, axis=-1).",
    ),
    Ejercicio(
        id="1.6",
        titulo="Capa lineal",
        archivo="ej06_capa_lineal.py",
        funcion="capa_lineal",
        referencia="curso_llm.matematicas:capa_lineal",
        pista="nn.Linear guarda W con forma (d_salida, d_entrada): y = x @ W.T, y suma b "
        "solo si no es None.",
    ),
]
