"""Ejercicios del capítulo 2: Redes neuronales con PyTorch."""

from curso_llm.ejercicios import Ejercicio

CARPETA = "cap02_redes_neuronales"

EJERCICIOS = [
    Ejercicio(
        id="2.1",
        titulo="Retropropagación de una capa lineal",
        archivo="ej01_lineal_atras.py",
        funcion="lineal_atras",
        referencia="curso_llm.redes:lineal_atras",
        pista="Cada gradiente tiene la forma de su tensor: grad_W como W (salidas, entradas) y "
        "grad_b como b; el sesgo se usa en todas las filas del lote, así que sus gradientes se suman.",
    ),
    Ejercicio(
        id="2.2",
        titulo="Gradiente de la ReLU",
        archivo="ej02_relu_atras.py",
        funcion="relu_atras",
        referencia="curso_llm.redes:relu_atras",
        pista="La derivada de max(0, x) es 1 donde la ENTRADA x es positiva y 0 donde no; "
        "multiplícala por el gradiente que llega de arriba.",
    ),
    Ejercicio(
        id="2.3",
        titulo="Un paso de SGD con momento",
        archivo="ej03_sgd_momentum.py",
        funcion="paso_sgd_momentum",
        referencia="curso_llm.redes:paso_sgd_momentum",
        pista="El orden importa: primero la velocidad nueva y después el paso del parámetro con "
        "ESA velocidad, en contra del gradiente. El gradiente se acumula tal cual, y los "
        "tensores que recibes no se tocan.",
    ),
    Ejercicio(
        id="2.4",
        titulo="Un paso de Adam con corrección del sesgo",
        archivo="ej04_adam.py",
        funcion="paso_adam",
        referencia="curso_llm.redes:paso_adam",
        pista="m y v se guardan sin corregir; la corrección del sesgo (con t desde 1) solo "
        "sirve para mover el parámetro, y eps va fuera de la raíz. Devuelve tensores "
        "nuevos.",
    ),
    Ejercicio(
        id="2.5",
        titulo="AdamW: decaimiento de pesos desacoplado",
        archivo="ej05_adamw.py",
        funcion="paso_adamw",
        referencia="curso_llm.redes:paso_adamw",
        pista="El decaimiento no pasa por el gradiente ni por m y v: encoge el parámetro "
        "directamente, en proporción a la tasa, antes del paso de Adam con el gradiente "
        "original.",
    ),
    Ejercicio(
        id="2.6",
        titulo="Parada temprana",
        archivo="ej06_parada_temprana.py",
        funcion="parada_temprana",
        referencia="curso_llm.redes:parada_temprana",
        pista="Una época solo mejora si baja ESTRICTAMENTE de la mejor pérdida vista; cuenta "
        "las épocas seguidas sin mejora y piensa en qué época exacta se agota la "
        "paciencia. Las épocas se cuentan desde 0.",
    ),
]
