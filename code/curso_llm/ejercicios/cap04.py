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
        pista="Puntuaciones q @ kᵀ divididas entre sqrt(d); -inf donde la máscara es False; "
        "softmax sobre el eje de las claves; multiplica por v.",
    ),
    Ejercicio(
        id="4.2",
        titulo="Máscara causal",
        archivo="ej02_mascara_causal.py",
        funcion="mascara_causal",
        referencia="curso_llm.arquitectura:mascara_causal",
        pista="Una matriz triangular inferior de unos, con la diagonal incluida, de tipo bool.",
    ),
    Ejercicio(
        id="4.3",
        titulo="Un paso de fusión BPE",
        archivo="ej03_fusion_bpe.py",
        funcion="fusionar",
        referencia="curso_llm.tokenizacion:fusionar",
        pista="Usa un índice i y un bucle while: si ids[i], ids[i+1] es el par, añade nuevo_id y "
        "avanza 2; si no, añade ids[i] y avanza 1.",
    ),
    Ejercicio(
        id="4.4",
        titulo="RoPE",
        archivo="ej04_rope.py",
        funcion="aplicar_rope",
        referencia="curso_llm.arquitectura:aplicar_rope",
        pista="Parte la última dimensión en dos mitades x1, x2; rotada = torch.cat((-x2, x1), -1); "
        "devuelve x * cos + rotada * sin.",
    ),
    Ejercicio(
        id="4.5",
        titulo="Filtrado top-p",
        archivo="ej05_top_p.py",
        funcion="filtrar_top_p",
        referencia="curso_llm.generacion:filtrar_top_p",
        pista="Ordena de mayor a menor, calcula la probabilidad acumulada ANTES de cada token y "
        "quita los tokens para los que esa suma ya llegaba a p; devuelve al orden original.",
    ),
    Ejercicio(
        id="4.6",
        titulo="Dividir en cabezas",
        archivo="ej06_dividir_cabezas.py",
        funcion="dividir_cabezas",
        referencia="curso_llm.arquitectura:dividir_cabezas",
        pista="x.view(B, T, H, D // H) y después .transpose(1, 2).",
    ),
]
