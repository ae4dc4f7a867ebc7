"""Procesamiento de lenguaje natural clásico (capítulo 3).

- ``preprocesamiento``: normalización Unicode, acentos, tokenización, palabras vacías y
  el :class:`Vocabulario` con ``<unk>``.
- ``representaciones``: bolsa de palabras y TF-IDF desde cero, similitud coseno.
- ``ngramas``: n-gramas, modelo de bigramas con suavizado add-k y perplejidad.
- ``word2vec``: skip-gram con muestreo negativo en PyTorch.
- ``lstm``: modelo de lenguaje LSTM a nivel de palabra.
"""

from .ngramas import (
    ModeloBigramas,
    contar_ngramas,
    ngramas,
    perplejidad_bigramas,
    perplejidad_desde_logprobs,
    probabilidades_add_k,
)
from .preprocesamiento import (
    PALABRAS_VACIAS,
    Vocabulario,
    normalizar,
    normalizar_unicode,
    quitar_acentos,
    quitar_palabras_vacias,
    secuencias_de_parrafos,
    tokenizar,
    unir_tokens,
)
from .representaciones import (
    ModeloTfidf,
    bolsa_de_palabras,
    buscar,
    calcular_idf,
    matriz_similitud_coseno,
    matriz_tfidf,
)

__all__ = [
    "PALABRAS_VACIAS",
    "ModeloBigramas",
    "ModeloTfidf",
    "Vocabulario",
    "bolsa_de_palabras",
    "buscar",
    "calcular_idf",
    "contar_ngramas",
    "matriz_tfidf",
    "ngramas",
    "normalizar",
    "normalizar_unicode",
    "perplejidad_bigramas",
    "perplejidad_desde_logprobs",
    "probabilidades_add_k",
    "quitar_acentos",
    "quitar_palabras_vacias",
    "secuencias_de_parrafos",
    "matriz_similitud_coseno",
    "tokenizar",
    "unir_tokens",
]
