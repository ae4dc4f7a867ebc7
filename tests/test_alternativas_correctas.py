"""Los calificadores aceptan soluciones correctas escritas de otra forma.

Cada función de abajo es una implementación CORRECTA del contrato de su ejercicio, pero
distinta de la referencia: otro algoritmo, otra biblioteca (SciPy, PyTorch, scikit-learn),
bucles en vez de operaciones vectorizadas o float32 en vez de float64. Un calificador
demasiado estricto (igualdad exacta donde el redondeo cambia, un tipo que el enunciado no
pide) las rechazaría; todas deben superarlo.
"""

import math
from collections import Counter

import numpy as np
import pytest
import scipy.special
import scipy.stats
import torch
import torch.nn.functional as F

from curso_llm.calificador import calificar

# --- Capítulo 1 ---------------------------------------------------------------------------


def softmax_scipy(x, eje=-1):
    return scipy.special.softmax(x, axis=eje)


def softmax_float32_por_cortes(x, eje=-1):
    x = np.moveaxis(np.asarray(x, dtype=np.float32), eje, -1)
    salida = np.empty_like(x)
    for indice in np.ndindex(x.shape[:-1]):
        e = np.exp(x[indice] - x[indice].max())
        salida[indice] = e / e.sum()
    return np.moveaxis(salida, -1, eje)


def gradiente_con_nditer(f, x, h=1e-5):
    x = np.array(x, dtype=float, order="C")  # copia propia
    g = np.empty_like(x)
    with np.nditer(x, flags=["multi_index"], op_flags=["readwrite"]) as it:
        for valor in it:
            original = float(valor)
            valor[...] = original + h
            f_mas = f(x)
            valor[...] = original - h
            f_menos = f(x)
            valor[...] = original
            g[it.multi_index] = (f_mas - f_menos) / (2 * h)
    return g


def gradiente_con_base_canonica(f, x, h=1e-5):
    x = np.asarray(x, dtype=float)
    g = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        e = np.zeros(x.shape)
        e[i] = h
        g[i] = (f(x + e) - f(x - e)) / (2 * h)
    return g


def entropia_cruzada_torch(logits, etiquetas):
    return F.cross_entropy(torch.as_tensor(np.asarray(logits, dtype=float)),
                           torch.as_tensor(etiquetas)).item()


def entropia_cruzada_logsumexp(logits, etiquetas):
    logits = np.asarray(logits, dtype=float)
    lse = scipy.special.logsumexp(logits, axis=1)
    return float(np.mean(lse - logits[np.arange(len(etiquetas)), etiquetas]))


def entropia_cruzada_float32(logits, etiquetas):
    z = np.asarray(logits, dtype=np.float32)
    z = z - z.max(axis=1, keepdims=True)
    lp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-lp[np.arange(len(etiquetas)), etiquetas].mean())


def kl_rel_entr(p, q):
    return scipy.special.rel_entr(p, q).sum(axis=-1)


def kl_scipy_entropy(p, q):
    return scipy.stats.entropy(p, q, axis=-1)


def kl_torch_xlogy(p, q):
    p, q = torch.as_tensor(p), torch.as_tensor(q)
    return (torch.special.xlogy(p, p) - torch.special.xlogy(p, q)).sum(-1).numpy()


def coseno_torch(a, b):
    a, b = torch.as_tensor(np.asarray(a, dtype=float)), torch.as_tensor(np.asarray(b, dtype=float))
    return F.cosine_similarity(a, b.expand_as(a), dim=-1).numpy()


def coseno_normaliza_y_einsum(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    a = a / np.linalg.norm(a, axis=-1, keepdims=True)
    b = b / np.linalg.norm(b, axis=-1, keepdims=True)
    return np.einsum("...d,...d->...", a, b)


def lineal_einsum(x, W, b=None):
    y = np.einsum("...i,oi->...o", x, W)
    return y if b is None else y + b


def lineal_torch(x, W, b=None):
    y = F.linear(torch.as_tensor(np.asarray(x, dtype=float)), torch.as_tensor(W),
                 None if b is None else torch.as_tensor(b))
    return y.numpy()


def lineal_tensordot(x, W, b=None):
    y = np.tensordot(x, W, axes=([-1], [1]))
    return y if b is None else y + b


CORRECTAS = [
    ("1.1", softmax_scipy),
    ("1.1", softmax_float32_por_cortes),
    ("1.2", gradiente_con_nditer),
    ("1.2", gradiente_con_base_canonica),
    ("1.3", entropia_cruzada_torch),
    ("1.3", entropia_cruzada_logsumexp),
    ("1.3", entropia_cruzada_float32),
    ("1.4", kl_rel_entr),
    ("1.4", kl_scipy_entropy),
    ("1.4", kl_torch_xlogy),
    ("1.5", coseno_torch),
    ("1.5", coseno_normaliza_y_einsum),
    ("1.6", lineal_einsum),
    ("1.6", lineal_torch),
    ("1.6", lineal_tensordot),
]


@pytest.mark.parametrize(("ejercicio", "correcta"), CORRECTAS,
                         ids=[f"{e}-{f.__name__}" for e, f in CORRECTAS])
def test_calificador_acepta_la_alternativa(ejercicio, correcta):
    with np.errstate(all="ignore"):
        (resultado,) = calificar(ejercicio, correcta, mostrar=False)
    assert resultado.superado, f"{ejercicio} rechazó {correcta.__name__}: {resultado.pistas}"
