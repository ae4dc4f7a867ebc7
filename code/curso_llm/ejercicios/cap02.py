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
        pista="Primero actualiza la velocidad (momento * velocidad + grad) y después mueve el "
        "parámetro EN CONTRA de la velocidad nueva, multiplicada por la tasa.",
    ),
    Ejercicio(
        id="2.4",
        titulo="Un paso de Adam con corrección del sesgo",
        archivo="ej04_adam.py",
        funcion="paso_adam",
        referencia="curso_llm.redes:paso_adam",
        pista="Actualiza m y v con los gradientes y sus cuadrados, divide por (1 - beta**t) con t "
        "empezando en 1, y usa eps fuera de la raíz cuadrada.",
    ),
    Ejercicio(
        id="2.5",
        titulo="AdamW: decaimiento de pesos desacoplado",
        archivo="ej05_adamw.py",
        funcion="paso_adamw",
        referencia="curso_llm.redes:paso_adamw",
        pista="No sumes el decaimiento al gradiente: encoge el parámetro con "
        "param * (1 - tasa * decaimiento) y después da el paso de Adam con el gradiente original.",
    ),
    Ejercicio(
        id="2.6",
        titulo="Parada temprana",
        archivo="ej06_parada_temprana.py",
        funcion="parada_temprana",
        referencia="curso_llm.redes:parada_temprana",
        pista="Recorre las épocas llevando la mejor pérdida y un contador de épocas sin mejora "
        "(mejora = estrictamente menor); para cuando el contador llega a la paciencia.",
    ),
]
