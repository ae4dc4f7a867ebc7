"""Ejercicios del capítulo 1: Matemáticas para el aprendizaje automático."""

from curso_llm.ejercicios import Ejercicio

CARPETA = "cap01_matematicas"

EJERCICIOS = [
    Ejercicio(
        id="1.1",
        titulo="Softmax estable",
        carpeta=CARPETA,
        archivo="ej01_softmax_estable.py",
        funcion="softmax_estable",
        referencia="curso_llm.matematicas:softmax_estable",
        pista="Resta el máximo de cada fila antes de aplicar np.exp y normaliza sobre el eje pedido.",
    ),
]
