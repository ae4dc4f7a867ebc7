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
        pista="(La escribe el ayudante de LoRA.)",
    ),
    Ejercicio(
        id="7.2",
        titulo="Parámetros entrenables de LoRA",
        archivo="ej02_parametros_lora.py",
        funcion="parametros_lora",
        referencia="curso_llm.lora:parametros_lora",
        pista="(La escribe el ayudante de LoRA.)",
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
        pista="(La escribe el ayudante de LoRA.)",
    ),
]
