"""Ejercicios del capítulo 5: Preentrenamiento y leyes de escalado."""

from curso_llm.ejercicios import Ejercicio

CARPETA = "cap05_preentrenamiento"

EJERCICIOS = [
    Ejercicio(
        id="5.1",
        titulo="Empaquetar documentos en bloques",
        archivo="ej01_empaquetar_documentos.py",
        funcion="empaquetar_documentos",
        referencia="curso_llm.datos.empaquetado:empaquetar_documentos",
        pista="El token de fin va DETRÁS de cada documento, también del último y de los "
        "vacíos. Cuenta cuántos bloques completos caben en la secuencia larga y tira el resto; "
        "construye una secuencia nueva sin tocar las listas que recibes y devuelve enteros.",
    ),
    Ejercicio(
        id="5.2",
        titulo="Perplejidad desde los logits",
        archivo="ej02_perplejidad_logits.py",
        funcion="perplejidad_desde_logits",
        referencia="curso_llm.evaluacion:perplejidad_desde_logits",
        pista="Desplaza antes de comparar: cada posición predice el token SIGUIENTE. Quita las "
        "etiquetas ignoradas después de desplazar, suma las pérdidas de todo el lote y divide "
        "por el número de tokens que cuentan. Usa una entropía cruzada estable (que no "
        "calcule exponenciales de logits enormes) y termina con la exponencial.",
    ),
    Ejercicio(
        id="5.3",
        titulo="Calentamiento y decaimiento coseno",
        archivo="ej03_calentamiento_coseno.py",
        funcion="tasa_calentamiento_coseno",
        referencia="curso_llm.entrenamiento.preentrenamiento:tasa_calentamiento_coseno",
        pista="Comprueba tres puntos a mano: en el paso 0 la tasa es 0, al acabar el "
        "calentamiento es la máxima y en el último paso es la mínima. El coseno recorre solo "
        "MEDIO periodo, y su progreso se mide desde el final del calentamiento.",
    ),
    Ejercicio(
        id="5.4",
        titulo="FLOPs de un entrenamiento",
        archivo="ej04_estimar_flops.py",
        funcion="estimar_flops",
        referencia="curso_llm.entrenamiento.escalado:estimar_flops",
        pista="Cuenta por token: dos operaciones por parámetro en la pasada hacia delante y el "
        "doble en la de atrás, o sea seis por parámetro al entrenar. La atención añade su "
        "propio término, proporcional al contexto, y también se multiplica por tres.",
    ),
    Ejercicio(
        id="5.5",
        titulo="Ley de potencia en escala log-log",
        archivo="ej05_ley_potencia.py",
        funcion="ajustar_ley_potencia",
        referencia="curso_llm.entrenamiento.escalado:ajustar_ley_potencia",
        pista="Ajusta una recta a los logaritmos de x y de y, no a los valores. El exponente es "
        "la pendiente cambiada de signo, el prefactor se recupera deshaciendo el logaritmo de "
        "la ordenada en el origen con la misma base, y el R² se mide sobre los logaritmos.",
    ),
]
