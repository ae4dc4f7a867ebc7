"""Leyes de escalado: cuánto cómputo cuesta entrenar y cómo se ajusta una ley de potencia.

- :func:`estimar_flops`: operaciones de coma flotante (FLOPs) de un entrenamiento con la
  convención de Kaplan et al. (2020), ``C ≈ 6·N·D`` más el término de la atención.
- :func:`ajustar_ley_potencia`: ajuste de ``y = a·x^(-b)`` por mínimos cuadrados en escala
  log-log, con su R².
"""

from __future__ import annotations

import numpy as np

from ..comprobaciones import comprobar_arreglo, comprobar_entero, comprobar_entero_positivo

__all__ = ["ajustar_ley_potencia", "estimar_flops"]


def estimar_flops(n_capas: int, dim_embedding: int, n_tokens: int, long_secuencia: int,
                  incluir_atencion: bool = True) -> float:
    """FLOPs de entrenar un transformer de ``n_capas`` capas y anchura ``dim_embedding`` con
    ``n_tokens`` tokens de contexto ``long_secuencia`` (convención de Kaplan et al., 2020).

    - Parámetros sin embeddings: ``N = 12 · n_capas · dim_embedding²`` (por capa, 4·d² de la
      atención y 8·d² del MLP con dimensión interna 4·d).
    - Pasada hacia delante, por token: ``2·N`` (una multiplicación y una suma por parámetro)
      más ``2 · n_capas · long_secuencia · dim_embedding`` de la atención (las puntuaciones y
      la suma ponderada, con máscara causal: de media cada token mira medio contexto).
    - Entrenar cuesta 3 veces la pasada hacia delante (la hacia atrás cuesta el doble):
      ``C = 6·N·D + 6 · n_capas · long_secuencia · dim_embedding · D``, con ``D = n_tokens``.

    Con ``incluir_atencion=False`` devuelve solo ``6·N·D``. No cuenta los embeddings ni la
    capa de salida. Es el ejercicio 5.4.

    Capítulo 5 (Preentrenamiento).
    """
    comprobar_entero_positivo(n_capas, "n_capas")
    comprobar_entero_positivo(dim_embedding, "dim_embedding")
    comprobar_entero(n_tokens, "n_tokens")
    comprobar_entero_positivo(long_secuencia, "long_secuencia")
    if not isinstance(incluir_atencion, bool):
        raise TypeError(
            f"El argumento 'incluir_atencion' debe ser True o False; recibiste {incluir_atencion!r}."
        )
    parametros = 12 * n_capas * dim_embedding**2
    flops = 6 * parametros * n_tokens
    if incluir_atencion:
        flops += 6 * n_capas * long_secuencia * dim_embedding * n_tokens
    return float(flops)


def ajustar_ley_potencia(x, y) -> tuple[float, float, float]:
    """Ajusta ``y = a · x^(-b)`` por mínimos cuadrados en escala log-log.

    Como ``ln y = ln a - b · ln x`` es una recta en ``(ln x, ln y)``, se ajusta esa recta y se
    devuelve ``(a, b, r2)``: el prefactor ``a`` (en las unidades de ``y``), el exponente ``b``
    (positivo si ``y`` baja al crecer ``x``) y el R² de la recta en escala logarítmica.
    ``x`` e ``y`` son listas o arreglos de números positivos, de la misma longitud, con al
    menos dos valores distintos de ``x``; no se modifican. Es el ejercicio 5.5.

    Capítulo 5 (Preentrenamiento).
    """
    x = comprobar_arreglo(x, "x")
    y = comprobar_arreglo(y, "y")
    if x.ndim != 1 or x.shape != y.shape:
        raise ValueError(
            "'x' e 'y' deben ser dos listas (1-D) de la misma longitud, un valor de y por cada x; "
            f"recibí formas {x.shape} y {y.shape}."
        )
    if np.any(x <= 0) or np.any(y <= 0):
        raise ValueError(
            "'x' e 'y' deben ser positivos: una ley de potencia se ajusta con sus logaritmos."
        )
    if np.unique(x).size < 2 or np.unique(y).size < 2:
        raise ValueError(
            "Hacen falta al menos dos valores distintos de 'x' y de 'y' para ajustar una recta "
            "en escala log-log (y para que R² tenga sentido)."
        )
    log_x, log_y = np.log(x), np.log(y)
    pendiente, ordenada = np.polyfit(log_x, log_y, 1)
    residuos = log_y - (ordenada + pendiente * log_x)
    r2 = 1.0 - np.sum(residuos**2) / np.sum((log_y - log_y.mean()) ** 2)
    return float(np.exp(ordenada)), float(-pendiente), float(r2)
