"""Los calificadores de los ejercicios 7.1, 7.2 y 7.5 aceptan soluciones correctas escritas
de otra forma (einsum, bucles, NumPy, la capa de curso_llm o de PyTorch)."""

import numpy as np
import pytest
import torch
from torch import nn
from torch.nn import functional as F

from curso_llm.calificador import calificar
from curso_llm.lora import aplicar_lora, contar_entrenables


def salida_con_einsum(x, W, b, A, B, alfa):
    y = torch.einsum("...e,se->...s", x, W)
    corr = torch.einsum("...r,sr->...s", torch.einsum("...e,re->...r", x, A), B)
    return y + (alfa / A.shape[0]) * corr + (0 if b is None else b)


def salida_con_peso_fusionado(x, W, b, A, B, alfa):
    return F.linear(x, W + (B @ A) * (alfa / len(A)), b)


def salida_fila_a_fila(x, W, b, A, B, alfa):
    planas = x.reshape(-1, x.shape[-1])
    filas = []
    for fila in planas:
        h = W @ fila + (alfa / A.size(0)) * (B @ (A @ fila))
        filas.append(h if b is None else h + b)
    return torch.stack(filas).reshape(*x.shape[:-1], W.shape[0])


def salida_con_numpy_float32(x, W, b, A, B, alfa):
    xn, Wn, An, Bn = x.numpy(), W.numpy(), A.numpy(), B.numpy()
    y = xn @ Wn.T + np.float32(alfa / An.shape[0]) * ((xn @ An.T) @ Bn.T)
    if b is not None:
        y = y + b.numpy()
    return torch.from_numpy(y.astype(xn.dtype))


def parametros_con_bucle(formas, rango):
    total = 0
    for salida, entrada in formas:
        total += rango * entrada  # A
        total += salida * rango  # B
    return total


def parametros_con_numpy(formas, rango):
    formas = np.array(list(formas), dtype=np.int64).reshape(-1, 2)
    return rango * formas.sum()


def parametros_factor_comun(formas, rango):
    # El rango es factor común: rango por la suma de todas las dimensiones.
    return rango * sum(map(sum, formas))


def parametros_con_aplicar_lora(formas, rango):
    capas = nn.ModuleDict({f"capa{i}": nn.Linear(e, s, bias=False)
                           for i, (s, e) in enumerate(formas)})
    if not capas:
        return 0
    return contar_entrenables(aplicar_lora(capas, rango, 1, modulos=tuple(capas)))


def fusion_con_einsum(W, A, B, alfa):
    return W + torch.einsum("sr,re->se", B, A) * (alfa / A.shape[0])


def fusion_con_addmm(W, A, B, alfa):
    return torch.addmm(W, B, A, alpha=alfa / A.shape[0])


def fusion_suma_de_productos_exteriores(W, A, B, alfa):
    nuevo = W.clone()
    for k in range(A.shape[0]):
        nuevo += (alfa / A.shape[0]) * torch.outer(B[:, k], A[k])
    return nuevo


def fusion_con_numpy(W, A, B, alfa):
    Wn, An, Bn = W.numpy(), A.numpy(), B.numpy()
    return torch.from_numpy((Wn + np.float32(alfa / An.shape[0]) * (Bn @ An)).astype(Wn.dtype))


CORRECTAS = [
    ("7.1", salida_con_einsum),
    ("7.1", salida_con_peso_fusionado),
    ("7.1", salida_fila_a_fila),
    ("7.1", salida_con_numpy_float32),
    ("7.2", parametros_con_bucle),
    ("7.2", parametros_con_numpy),
    ("7.2", parametros_factor_comun),
    ("7.2", parametros_con_aplicar_lora),
    ("7.5", fusion_con_einsum),
    ("7.5", fusion_con_addmm),
    ("7.5", fusion_suma_de_productos_exteriores),
    ("7.5", fusion_con_numpy),
]


@pytest.mark.parametrize(("ejercicio", "correcta"), CORRECTAS,
                         ids=[f"{e}-{f.__name__}" for e, f in CORRECTAS])
def test_calificador_acepta_la_alternativa(ejercicio, correcta):
    (resultado,) = calificar(ejercicio, correcta, mostrar=False, registrar=False)
    assert resultado.superado, f"{ejercicio} rechazó {correcta.__name__}: {resultado.pistas}"
