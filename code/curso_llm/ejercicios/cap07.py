"""Ejercicios del capítulo 7: ajuste fino supervisado (SFT), LoRA y QLoRA."""

from curso_llm.ejercicios import Ejercicio

CARPETA = "cap07_sft"

EJERCICIOS = [
    Ejercicio(
        id="7.1",
        titulo="La salida de una capa LoRA",
        archivo="ej01_salida_lora.py",
        funcion="salida_lora",
        referencia="curso_llm.lora:salida_lora",
        pista="La salida es la de la lineal congelada (con su sesgo, si lo hay) más la "
        "corrección: x pasa primero por A, que baja a r dimensiones, y luego por B, que sube a "
        "la salida. La escala es alfa entre el rango, y el rango es el número de filas de A. Que "
        "funcione con cualquier número de dimensiones de lote, conserve el tipo de x y no "
        "modifique nada.",
    ),
    Ejercicio(
        id="7.2",
        titulo="Parámetros entrenables de LoRA",
        archivo="ej02_parametros_lora.py",
        funcion="parametros_lora",
        referencia="curso_llm.lora:parametros_lora",
        pista="Cada capa añade dos matrices delgadas: A, con rango filas y tantas columnas "
        "como la entrada, y B, con tantas filas como la salida y rango columnas. Suma sus "
        "tamaños sobre todas las capas; ni el peso ni el sesgo cuentan (siguen congelados). "
        "Recorre las formas una sola vez: pueden venir en un generador.",
    ),
    Ejercicio(
        id="7.3",
        titulo="ROUGE-L a mano",
        archivo="ej03_rouge_l.py",
        funcion="rouge_l",
        referencia="curso_llm.evaluacion:rouge_l",
        pista="Tokeniza los dos textos con tokenizar_rouge (no partas por espacios) y cuenta "
        "palabras, no caracteres. La LCS es una subsecuencia: las palabras comunes en el mismo "
        "orden aunque haya otras en medio, no el trozo seguido más largo. Con ella, la "
        "precisión y la exhaustividad, y devuelve su F1 como float; sin palabras o sin nada "
        "en común, 0.0 sin dividir entre cero.",
    ),
    Ejercicio(
        id="7.4",
        titulo="Recortar el historial del chat",
        archivo="ej04_recortar_historial.py",
        funcion="recortar_historial",
        referencia="curso_llm.chatbot.logica:recortar_historial",
        pista="Suma los costes de TODO lo que conservas, sistema y último incluidos, y quita de "
        "uno en uno desde el más antiguo tras el sistema mientras la suma pase del presupuesto "
        "(caber justo es caber). Si tras quitar el primero que queda es del asistente, quítalo "
        "también. El sistema y el último nunca se quitan; construye una lista nueva sin tocar "
        "la de entrada.",
    ),
    Ejercicio(
        id="7.5",
        titulo="Fusionar un adaptador LoRA",
        archivo="ej05_fusionar_pesos.py",
        funcion="fusionar_pesos",
        referencia="curso_llm.lora:fusionar_pesos",
        pista="El peso fusionado es el original más la corrección escalada (alfa entre el "
        "rango, que es el número de filas de A). El producto de las dos matrices debe tener la "
        "forma del peso, (salida, entrada): elige el orden que la da. Devuelve un tensor nuevo, "
        "sin tocar el peso original.",
    ),
]
