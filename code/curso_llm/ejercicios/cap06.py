"""Ejercicios del capítulo 6: Datos para ajuste fino."""

from curso_llm.ejercicios import Ejercicio

CARPETA = "cap06_datos"

EJERCICIOS = [
    Ejercicio(
        id="6.1",
        titulo="De Alpaca a mensajes",
        archivo="ej01_alpaca_a_mensajes.py",
        funcion="alpaca_a_mensajes",
        referencia="curso_llm.formatos:alpaca_a_mensajes",
        pista="Un ejemplo Alpaca se convierte en un turno de usuario y uno de asistente. La "
        "entrada (input) solo se añade a la instrucción si tiene texto, separada por una línea "
        "en blanco; el mensaje de sistema va primero y solo si lo hay. No modifiques la fila.",
    ),
    Ejercicio(
        id="6.2",
        titulo="La plantilla ChatML",
        archivo="ej02_formatear_chatml.py",
        funcion="formatear_chatml",
        referencia="curso_llm.formatos:formatear_chatml",
        pista="Cada mensaje es <|im_start|>, el rol, un salto de línea, el contenido, "
        "<|im_end|> y otro salto de línea. El prompt de generación abre el turno del asistente "
        "y NO lo cierra: es lo que el modelo continúa.",
    ),
    Ejercicio(
        id="6.3",
        titulo="Enmascarar el prompt",
        archivo="ej03_enmascarar_prompt.py",
        funcion="enmascarar_prompt",
        referencia="curso_llm.formatos:enmascarar_prompt",
        pista="Las etiquetas son una copia de input_ids con -100 donde no se aprende: los "
        "tokens del prompt de CADA fila (cada una tiene su longitud) y el relleno. El relleno "
        "se reconoce por la máscara de atención, no por el id: si pad = eos, comparar ids "
        "borraría también el token de fin.",
    ),
    Ejercicio(
        id="6.4",
        titulo="Similitud de Jaccard",
        archivo="ej04_similitud_jaccard.py",
        funcion="similitud_jaccard",
        referencia="curso_llm.deduplicacion:similitud_jaccard",
        pista="Elementos comunes entre elementos distintos de los dos juntos. Los repetidos "
        "cuentan una vez: trata las listas como conjuntos, y no sumes los tamaños para la unión "
        "(contarías dos veces lo común). Dos vacíos son el mismo conjunto, similitud 1. Crea "
        "conjuntos nuevos: no modifiques los de entrada.",
    ),
    Ejercicio(
        id="6.5",
        titulo="Una firma MinHash",
        archivo="ej05_firma_minhash.py",
        funcion="firma_minhash",
        referencia="curso_llm.deduplicacion:firma_minhash",
        pista="Para cada permutación, aplica la misma transformación a los hashes estables de "
        "todas las tejas y quédate con el MÍNIMO. Multiplica por el a y suma el b de la misma "
        "posición, y después toma el resto entre dos elevado a 32. Enteros exactos, nunca "
        "coma flotante; sin tejas, cada posición vale el mayor valor de 32 bits.",
    ),
    Ejercicio(
        id="6.6",
        titulo="Anonimizar teléfonos y DNI/NIE",
        archivo="ej06_anonimizar_telefonos_e_ids.py",
        funcion="anonimizar_telefonos_e_ids",
        referencia="curso_llm.privacidad:anonimizar_telefonos_e_ids",
        pista="Busca primero, numera después: recoge cada dato con su tramo, normalízalo "
        "(solo las 9 cifras del teléfono; cifras y letras en mayúscula del documento) y "
        "asígnale marcador por orden de primera aparición, con un contador por tipo. Vigila "
        "las fronteras (ninguna cifra ni letra pegada) y que el prefijo +34 caiga dentro.",
    ),
]
