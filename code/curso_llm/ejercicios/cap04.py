"""Ejercicios del capítulo 4: Arquitectura de un LLM."""

from curso_llm.ejercicios import Ejercicio

CARPETA = "cap04_arquitectura"

EJERCICIOS = [
    Ejercicio(
        id="4.1",
        titulo="Atención escalada",
        archivo="ej01_atencion_escalada.py",
        funcion="atencion_escalada",
        referencia="curso_llm.arquitectura:atencion_escalada",
        pista="Puntúa cada consulta contra cada clave, escala por la raíz de la dimensión, "
        "aplica la máscara ANTES de normalizar y normaliza sobre las claves; todo debe "
        "funcionar con cualquier número de ejes delante.",
    ),
    Ejercicio(
        id="4.2",
        titulo="Máscara causal",
        archivo="ej02_mascara_causal.py",
        funcion="mascara_causal",
        referencia="curso_llm.arquitectura:mascara_causal",
        pista="Dibuja la matriz para n = 3: la fila es quien mira y la columna a quién mira. "
        "Cada token ve su pasado y a sí mismo, nunca el futuro; True significa «puede "
        "atender» y el tipo es booleano.",
    ),
    Ejercicio(
        id="4.3",
        titulo="Un paso de fusión BPE",
        archivo="ej03_fusion_bpe.py",
        funcion="fusionar",
        referencia="curso_llm.tokenizacion:fusionar",
        pista="Recorre la lista de izquierda a derecha comparando parejas consecutivas de "
        "enteros (no texto); tras fusionar una, sigue después de ella, sin solapar, y no "
        "olvides la última pareja. Devuelve una lista nueva.",
    ),
    Ejercicio(
        id="4.4",
        titulo="RoPE",
        archivo="ej04_rope.py",
        funcion="aplicar_rope",
        referencia="curso_llm.arquitectura:aplicar_rope",
        pista="Cada dimensión gira con su pareja de la OTRA mitad, no con la vecina. En cada "
        "pareja, combina x con su versión girada 90 grados usando cos y sin; en la "
        "posición 0 nada debe cambiar.",
    ),
    Ejercicio(
        id="4.5",
        titulo="Filtrado top-p",
        archivo="ej05_top_p.py",
        funcion="filtrar_top_p",
        referencia="curso_llm.generacion:filtrar_top_p",
        pista="En cada fila, con las probabilidades de mayor a menor, decide cuántos tokens "
        "hacen falta para llegar a p (el que cruza el umbral se queda y siempre queda al "
        "menos uno); luego lleva esa decisión al orden original.",
    ),
    Ejercicio(
        id="4.6",
        titulo="Dividir en cabezas",
        archivo="ej06_dividir_cabezas.py",
        funcion="dividir_cabezas",
        referencia="curso_llm.arquitectura:dividir_cabezas",
        pista="Cada cabeza recibe un trozo contiguo de D. Separa primero ese eje en (cabezas, "
        "trozo), sin mezclar posiciones, y después pon el eje de las cabezas delante del "
        "de las posiciones.",
    ),
]
