"""Matemáticas para el aprendizaje automático (capítulo 1): funciones de referencia.

Cada función es la versión de referencia de algo que el capítulo 1 explica y mide:

- Álgebra lineal: :func:`similitud_coseno`, :func:`normas`, :func:`capa_lineal`.
- Derivadas y gradientes: :func:`derivada_numerica`, :func:`gradiente_numerico`,
  :func:`descenso_gradiente`.
- Probabilidad e información: :func:`softmax_estable`, :func:`log_softmax_estable`,
  :func:`softmax_con_temperatura`, :func:`entropia`, :func:`entropia_cruzada`,
  :func:`entropia_cruzada_logits`, :func:`divergencia_kl`.

Todas trabajan con NumPy en ``float64`` y lanzan un ``ValueError`` o ``TypeError`` en
español cuando la entrada no tiene sentido (formas incompatibles, un paso ``h`` negativo,
algo que no es una distribución de probabilidad...). Las entropías se miden en nats
(logaritmo natural), como la pérdida de PyTorch.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .comprobaciones import (
    comprobar_arreglo,
    comprobar_distribucion,
    comprobar_entero,
    comprobar_etiquetas,
    comprobar_forma,
    comprobar_funcion,
    comprobar_misma_forma,
    comprobar_positivo,
)

# ---------------------------------------------------------------------------
# Álgebra lineal
# ---------------------------------------------------------------------------


def similitud_coseno(a, b) -> np.ndarray | float:
    """Similitud coseno entre ``a`` y ``b`` a lo largo del último eje.

    .. math:: \\cos(a, b) = \\frac{a \\cdot b}{\\lVert a \\rVert_2 \\, \\lVert b \\rVert_2}

    ``a`` y ``b`` pueden ser vectores (devuelve un ``float``) o lotes de vectores con formas
    compatibles por difusión (*broadcasting*), p. ej. ``(n, d)`` y ``(d,)``: devuelve un
    arreglo con la forma de los ejes anteriores. El resultado está en ``[-1, 1]``.

    Capítulo 1 (Matemáticas).
    """
    a = comprobar_arreglo(a, "a")
    b = comprobar_arreglo(b, "b")
    if a.ndim == 0 or b.ndim == 0:
        raise ValueError("'a' y 'b' deben ser vectores (al menos una dimensión), no escalares.")
    if a.shape[-1] != b.shape[-1]:
        raise ValueError(
            f"'a' y 'b' deben tener la misma dimensión en el último eje: recibí {a.shape[-1]} "
            f"y {b.shape[-1]}."
        )
    norma_a = np.linalg.norm(a, axis=-1)
    norma_b = np.linalg.norm(b, axis=-1)
    if np.any(norma_a == 0) or np.any(norma_b == 0):
        raise ValueError(
            "La similitud coseno no está definida para el vector cero: revisa que ningún "
            "vector de 'a' ni de 'b' sea todo ceros."
        )
    resultado = np.sum(a * b, axis=-1) / (norma_a * norma_b)
    resultado = np.clip(resultado, -1.0, 1.0)
    return float(resultado) if resultado.ndim == 0 else resultado


def normas(x) -> dict[str, float]:
    """Normas L1, L2 y máximo (L∞) de un vector (o de todos los elementos de un arreglo).

    Devuelve ``{"L1": sum |x_i|, "L2": sqrt(sum x_i^2), "max": max |x_i|}``.

    Capítulo 1 (Matemáticas).
    """
    x = comprobar_arreglo(x, "x").ravel()
    if x.size == 0:
        raise ValueError("'x' está vacío: las normas necesitan al menos un elemento.")
    absolutos = np.abs(x)
    return {
        "L1": float(absolutos.sum()),
        "L2": float(np.sqrt(np.sum(x * x))),
        "max": float(absolutos.max()),
    }


def capa_lineal(x, W, b=None) -> np.ndarray:
    """Capa lineal como ``torch.nn.Linear``: ``y = x @ W.T + b``.

    - ``x``: forma ``(..., d_entrada)`` (p. ej. ``(lote, d_entrada)``).
    - ``W``: pesos de forma ``(d_salida, d_entrada)``, la misma convención que
      ``nn.Linear.weight``.
    - ``b``: sesgo de forma ``(d_salida,)`` o ``None`` (sin sesgo).

    Devuelve un arreglo de forma ``(..., d_salida)``.

    Capítulo 1 (Matemáticas).
    """
    x = comprobar_arreglo(x, "x")
    W = comprobar_arreglo(W, "W")
    if W.ndim != 2:
        raise ValueError(
            f"'W' debe ser una matriz (d_salida, d_entrada); recibí {W.ndim} dimensiones."
        )
    if x.ndim == 0 or x.shape[-1] != W.shape[1]:
        raise ValueError(
            f"La última dimensión de 'x' ({x.shape[-1] if x.ndim else 'escalar'}) debe ser "
            f"d_entrada = W.shape[1] = {W.shape[1]}. Recuerda: W tiene forma "
            "(d_salida, d_entrada), como nn.Linear.weight."
        )
    y = x @ W.T
    if b is not None:
        b = comprobar_arreglo(b, "b")
        if b.shape != (W.shape[0],):
            raise ValueError(
                f"El sesgo 'b' debe tener forma ({W.shape[0]},) (una entrada por salida); "
                f"recibí {b.shape}."
            )
        y = y + b
    return y


# ---------------------------------------------------------------------------
# Derivadas y gradientes
# ---------------------------------------------------------------------------


def derivada_numerica(f: Callable[[float], float], x: float, h: float = 1e-5) -> float:
    """Derivada de ``f`` en ``x`` por diferencias centrales.

    .. math:: f'(x) \\approx \\frac{f(x + h) - f(x - h)}{2h}

    El error de truncamiento es O(h²), frente a O(h) de la diferencia hacia delante;
    con ``h`` demasiado pequeño domina el error de redondeo (≈ ε/h).

    Capítulo 1 (Matemáticas).
    """
    comprobar_funcion(f, "f")
    h = comprobar_positivo(h, "h", ejemplo="1e-5")
    x = float(comprobar_arreglo(x, "x"))
    return float((f(x + h) - f(x - h)) / (2.0 * h))


def gradiente_numerico(f: Callable[[np.ndarray], float], x, h: float = 1e-5) -> np.ndarray:
    """Gradiente de una función escalar ``f`` en ``x`` (arreglo de cualquier forma) por
    diferencias centrales, coordenada a coordenada.

    Devuelve un arreglo ``float64`` con la forma de ``x``. No modifica ``x``.

    Capítulo 1 (Matemáticas).
    """
    comprobar_funcion(f, "f")
    h = comprobar_positivo(h, "h", ejemplo="1e-5")
    x = comprobar_arreglo(x, "x").copy()  # copia en float64: la x de quien llama no cambia
    gradiente = np.zeros_like(x)
    plano = x.reshape(-1)  # vista: modificar 'plano' modifica 'x'
    for i in range(plano.size):
        original = plano[i]
        plano[i] = original + h
        f_mas = float(f(x))
        plano[i] = original - h
        f_menos = float(f(x))
        plano[i] = original
        gradiente.reshape(-1)[i] = (f_mas - f_menos) / (2.0 * h)
    return gradiente


def descenso_gradiente(
    grad_f: Callable[[np.ndarray], np.ndarray], x0, tasa_aprendizaje: float, pasos: int
) -> np.ndarray:
    """Descenso de gradiente: ``x_{t+1} = x_t - tasa_aprendizaje * grad_f(x_t)``.

    Devuelve la trayectoria, un arreglo de forma ``(pasos + 1, *x0.shape)`` cuya fila 0 es
    ``x0``. Si los valores desbordan (tasa de aprendizaje demasiado grande), la trayectoria
    se detiene y las filas restantes quedan en ``inf`` o ``nan``: así se ve la divergencia.

    Capítulo 1 (Matemáticas).
    """
    comprobar_funcion(grad_f, "grad_f")
    tasa = comprobar_positivo(tasa_aprendizaje, "tasa_aprendizaje")
    comprobar_entero(pasos, "pasos", minimo=0)
    x = comprobar_arreglo(x0, "x0")
    trayectoria = np.full((int(pasos) + 1, *x.shape), np.nan)
    trayectoria[0] = x
    with np.errstate(over="ignore", invalid="ignore"):
        for t in range(1, int(pasos) + 1):
            g = np.asarray(grad_f(x), dtype=np.float64)
            if g.shape != x.shape:
                raise ValueError(
                    f"'grad_f' devolvió forma {g.shape}, pero x tiene forma {x.shape}: el "
                    "gradiente debe tener la forma de x."
                )
            x = x - tasa * g
            trayectoria[t] = x
            if not np.all(np.isfinite(x)):
                trayectoria[t:] = np.inf
                break
    return trayectoria


# ---------------------------------------------------------------------------
# Probabilidad e información
# ---------------------------------------------------------------------------


def softmax_estable(x: np.ndarray, eje: int = -1) -> np.ndarray:
    """Softmax numéricamente estable a lo largo de ``eje``.

    Resta el máximo antes de exponenciar: el resultado no cambia (se cancela al dividir),
    pero ``exp`` ya no desborda con entradas grandes.

    Capítulo 1 (Matemáticas).
    """
    x = np.asarray(x, dtype=np.float64)
    desplazado = x - np.max(x, axis=eje, keepdims=True)
    exponenciales = np.exp(desplazado)
    return exponenciales / np.sum(exponenciales, axis=eje, keepdims=True)


def log_softmax_estable(x, eje: int = -1) -> np.ndarray:
    """Logaritmo de la softmax sin pasar por probabilidades: ``x - logsumexp(x)``.

    Calcular ``np.log(softmax(x))`` da ``-inf`` cuando una probabilidad es menor que el menor
    ``float64`` (≈ 1e-308); esta forma da el valor exacto (p. ej. -1000).

    Capítulo 1 (Matemáticas).
    """
    x = comprobar_arreglo(x, "x")
    maximo = np.max(x, axis=eje, keepdims=True)
    desplazado = x - maximo
    return desplazado - np.log(np.sum(np.exp(desplazado), axis=eje, keepdims=True))


def softmax_con_temperatura(logits, temperatura: float = 1.0, eje: int = -1) -> np.ndarray:
    """Softmax de ``logits / temperatura``: T < 1 concentra la distribución, T > 1 la aplana.

    Capítulo 1 (Matemáticas).
    """
    comprobar_positivo(temperatura, "temperatura",
                       ejemplo="1.0; para elegir siempre el más probable usa argmax")
    return softmax_estable(comprobar_arreglo(logits, "logits") / float(temperatura), eje=eje)


def _xlogy(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """``x * log(y)`` con el convenio ``0 * log(0) = 0``."""
    with np.errstate(divide="ignore"):
        return np.where(x > 0, x * np.log(np.where(x > 0, y, 1.0)), 0.0)


def entropia(p) -> np.ndarray | float:
    """Entropía de Shannon en nats a lo largo del último eje: ``H(p) = -sum p log p``.

    Usa el convenio ``0 log 0 = 0``. ``p`` debe ser una distribución (no negativa, suma 1).

    Capítulo 1 (Matemáticas).
    """
    p = comprobar_arreglo(p, "p")
    comprobar_distribucion(p, "p")
    h = 0.0 - np.sum(_xlogy(p, p), axis=-1)  # 0.0 - x evita el -0.0
    return float(h) if np.ndim(h) == 0 else h


def entropia_cruzada(p, q) -> np.ndarray | float:
    """Entropía cruzada en nats: ``H(p, q) = -sum p log q`` (último eje).

    ``p`` es la distribución verdadera y ``q`` la del modelo. Cumple
    ``H(p, q) = H(p) + KL(p || q)``. Vale ``inf`` si ``q`` da probabilidad 0 a algo que
    ``p`` considera posible.

    Capítulo 1 (Matemáticas).
    """
    p = comprobar_arreglo(p, "p")
    q = comprobar_arreglo(q, "q")
    comprobar_misma_forma(p, q, "p", "q")
    comprobar_distribucion(p, "p")
    comprobar_distribucion(q, "q")
    with np.errstate(divide="ignore"):
        h = 0.0 - np.sum(_xlogy(p, q), axis=-1)
    return float(h) if np.ndim(h) == 0 else h


def entropia_cruzada_logits(logits, etiquetas) -> float:
    """Pérdida de entropía cruzada media a partir de logits y etiquetas enteras, como
    ``torch.nn.functional.cross_entropy``.

    - ``logits``: forma ``(N, C)`` (N ejemplos, C clases), valores reales cualesquiera.
    - ``etiquetas``: forma ``(N,)``, enteros en ``[0, C)``.

    Devuelve ``mean_i [ -log softmax(logits_i)[etiquetas_i] ]``, calculada con
    log-sum-exp para que sea estable con logits grandes.

    Capítulo 1 (Matemáticas).
    """
    logits = comprobar_forma(comprobar_arreglo(logits, "logits"), ("N", "C"), "logits")
    etiquetas = comprobar_etiquetas(etiquetas, *logits.shape)
    n = logits.shape[0]
    log_probs = log_softmax_estable(logits, eje=-1)
    return float(-np.mean(log_probs[np.arange(n), etiquetas]))


def divergencia_kl(p, q) -> np.ndarray | float:
    """Divergencia de Kullback-Leibler ``KL(p || q) = sum p log(p / q)`` en nats (último eje).

    No es simétrica: ``KL(p || q) != KL(q || p)``. Es ``>= 0`` y vale 0 solo si ``p == q``.
    Los términos con ``p_i = 0`` valen 0; si ``q_i = 0`` con ``p_i > 0`` vale ``inf``.
    Equivale a ``scipy.stats.entropy(p, q)`` y a
    ``torch.nn.functional.kl_div(q.log(), p, reduction="sum")``.

    Capítulo 1 (Matemáticas).
    """
    p = comprobar_arreglo(p, "p")
    q = comprobar_arreglo(q, "q")
    comprobar_misma_forma(p, q, "p", "q")
    comprobar_distribucion(p, "p")
    comprobar_distribucion(q, "q")
    with np.errstate(divide="ignore"):
        kl = np.sum(_xlogy(p, p) - _xlogy(p, q), axis=-1)
    kl = np.maximum(kl, 0.0)  # quita un -1e-17 de redondeo
    return float(kl) if np.ndim(kl) == 0 else kl
