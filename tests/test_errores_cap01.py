"""Los calificadores del capítulo 1 atrapan errores reales, no solo el esbozo.

Cada función de abajo es una implementación equivocada pero plausible (la que escribiría
alguien con prisa). Todas deben suspender su calificador.
"""

import numpy as np
import pytest

from curso_llm.calificador import calificar

# ---------------------------------------------------------------------------
# 1.2 Gradiente numérico
# ---------------------------------------------------------------------------


def grad_hacia_delante(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        xm = x.copy()
        xm[i] += h
        g[i] = (f(xm) - f(x)) / h
    return g




def grad_solo_vectores(f, x, h=1e-5):
    # Recorre len(x): en una matriz perturba filas enteras.
    x = np.asarray(x, dtype=float)
    g = np.zeros_like(x)
    for i in range(len(x)):
        xm, xn = x.copy(), x.copy()
        xm[i] += h
        xn[i] -= h
        g[i] = (f(xm) - f(xn)) / (2 * h)
    return g


def grad_copia_entera(f, x, h=1e-5):
    # x.copy() conserva el tipo entero: sumar h no cambia nada.
    x = np.asarray(x)
    g = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        xm, xn = x.copy(), x.copy()
        xm[i] += h
        xn[i] -= h
        g[i] = (f(xm) - f(xn)) / (2 * h)
    return g


def grad_modifica_x(f, x, h=1e-5):
    # Perturba x en el sitio y no lo restaura.
    g = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        x[i] += h
        f_mas = f(x)
        x[i] -= 2 * h
        g[i] = (f_mas - f(x)) / (2 * h)
    return g


# ---------------------------------------------------------------------------
# 1.3 Entropía cruzada desde logits
# ---------------------------------------------------------------------------


def ec_suma(logits, etiquetas):
    z = logits - logits.max(axis=1, keepdims=True)
    lp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return -lp[np.arange(len(etiquetas)), etiquetas].sum()


def ec_log_de_softmax_ingenuo(logits, etiquetas):
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    return -np.log(p[np.arange(len(etiquetas)), etiquetas]).mean()


def ec_log_de_softmax_estable(logits, etiquetas):
    # La softmax es estable, pero log(p) da -inf cuando p se redondea a 0.
    z = logits - logits.max(axis=1, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    return -np.log(p[np.arange(len(etiquetas)), etiquetas]).mean()




def ec_normaliza_columnas(logits, etiquetas):
    z = logits - logits.max(axis=0, keepdims=True)
    lp = z - np.log(np.exp(z).sum(axis=0, keepdims=True))
    return -lp[np.arange(len(etiquetas)), etiquetas].mean()


# ---------------------------------------------------------------------------
# 1.4 Divergencia KL
# ---------------------------------------------------------------------------


def kl_intercambiada(p, q):
    mascara = q > 0
    return np.sum(np.where(mascara, q * np.log(np.where(mascara, q / np.where(p > 0, p, 1), 1)),
                           0.0), axis=-1)


def kl_sin_ceros(p, q):
    return np.sum(p * np.log(p / q), axis=-1)




def kl_suma_todo(p, q):
    mascara = p > 0
    return np.sum(np.where(mascara, p * np.log(np.where(mascara, p / q, 1.0)), 0.0))


# ---------------------------------------------------------------------------
# 1.5 Similitud coseno
# ---------------------------------------------------------------------------


def coseno_sin_normalizar(a, b):
    return np.sum(a * b, axis=-1)


def coseno_norma_global(a, b):
    return np.sum(a * b, axis=-1) / (np.linalg.norm(a) * np.linalg.norm(b))






# ---------------------------------------------------------------------------
# 1.6 Capa lineal
# ---------------------------------------------------------------------------


def lineal_sin_sesgo(x, W, b=None):
    return x @ W.T


def lineal_sin_trasponer(x, W, b=None):
    y = x @ W
    return y if b is None else y + b


def lineal_falla_sin_sesgo(x, W, b=None):
    return x @ W.T + b


def lineal_solo_2d(x, W, b=None):
    y = np.einsum("ni,oi->no", x, W)
    return y if b is None else y + b


ERRONEAS = [
    ("1.2", grad_hacia_delante),
    ("1.2", grad_solo_vectores),
    ("1.2", grad_copia_entera),
    ("1.2", grad_modifica_x),
    ("1.3", ec_suma),
    ("1.3", ec_log_de_softmax_ingenuo),
    ("1.3", ec_log_de_softmax_estable),
    ("1.3", ec_normaliza_columnas),
    ("1.4", kl_intercambiada),
    ("1.4", kl_sin_ceros),
    ("1.4", kl_suma_todo),
    ("1.5", coseno_sin_normalizar),
    ("1.5", coseno_norma_global),
    ("1.6", lineal_sin_sesgo),
    ("1.6", lineal_sin_trasponer),
    ("1.6", lineal_falla_sin_sesgo),
    ("1.6", lineal_solo_2d),
]


@pytest.mark.parametrize(("ejercicio", "erronea"), ERRONEAS,
                         ids=[f"{e}-{f.__name__}" for e, f in ERRONEAS])
def test_calificador_atrapa_el_error(ejercicio, erronea):
    with np.errstate(all="ignore"):
        (resultado,) = calificar(ejercicio, erronea, mostrar=False)
    assert not resultado.superado, f"{ejercicio} aceptó {erronea.__name__}"
    assert resultado.estado == "falla", resultado.pistas
    assert all(p.startswith("Pista:") or p.startswith("Tu función lanzó")
               for p in resultado.pistas), resultado.pistas
