"""Ejercicio 5.4: cuánto cómputo cuesta entrenar un transformer.

Escribe ``estimar_flops(n_capas, dim_embedding, n_tokens, long_secuencia,
incluir_atencion=True)``, los FLOPs (operaciones de coma flotante) de entrenar con
``n_tokens`` tokens un transformer de ``n_capas`` capas y anchura ``dim_embedding`` con
contexto ``long_secuencia``, con la convención de Kaplan et al. (2020):

- Parámetros sin embeddings: ``N = 12 · n_capas · dim_embedding²`` (en cada capa, 4·d² de
  las proyecciones de la atención y 8·d² del MLP con dimensión interna 4·d). No cuentes los
  embeddings ni la capa de salida.
- Pasada hacia delante, por token: ``2·N`` (una multiplicación y una suma por parámetro),
  más ``2 · n_capas · long_secuencia · dim_embedding`` de la atención (las puntuaciones y la
  suma ponderada; con la máscara causal cada token mira, de media, medio contexto).
- La pasada hacia atrás cuesta el doble que la de delante: entrenar cuesta 3 veces la pasada
  hacia delante, para cada uno de los ``D = n_tokens`` tokens.

Con ``incluir_atencion=False`` devuelve solo la parte de los parámetros (la famosa
``C ≈ 6·N·D``). Devuelve un ``float``.

Califícalo con ``pytest exercises/cap05_preentrenamiento/test_ej04_estimar_flops.py``
o, en un cuaderno, con ``calificar("5.4", estimar_flops)``.
"""


def estimar_flops(n_capas: int, dim_embedding: int, n_tokens: int, long_secuencia: int,
                  incluir_atencion: bool = True) -> float:
    raise NotImplementedError("Ejercicio 5.4: implementa estimar_flops.")
