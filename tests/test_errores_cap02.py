"""Los calificadores del capítulo 2 atrapan errores reales, no solo el esbozo sin tocar.

Cada función de abajo es una implementación plausible pero equivocada; el calificador de su
ejercicio no debe darla por superada.
"""

import math

import pytest
import torch

from curso_llm.calificador import calificar

# --- 2.1 retropropagación de una capa lineal ----------------------------------------------


def lineal_grad_W_traspuesto(x, W, g):
    return g @ W, x.T @ g, g.sum(0)


def lineal_grad_b_sin_sumar(x, W, g):
    return g @ W, g.T @ x, g


def lineal_grad_b_media(x, W, g):
    return g @ W, g.T @ x, g.mean(0)


# --- 2.2 ReLU -------------------------------------------------------------------------------


def relu_mascara_del_gradiente(x, g):
    return g * (g > 0)


def relu_sin_gradiente_de_arriba(x, g):
    return (x > 0).to(g.dtype)


def relu_mayor_o_igual(x, g):
    return g * (x >= 0).to(g.dtype)


# --- 2.3 SGD con momento ---------------------------------------------------------------------


def sgd_signo_cambiado(param, grad, vel, tasa, momento=0.9):
    vel = momento * vel + grad
    return param + tasa * vel, vel


def sgd_orden_cambiado(param, grad, vel, tasa, momento=0.9):
    nuevo = param - tasa * vel  # usa la velocidad vieja
    return nuevo, momento * vel + grad


def sgd_con_amortiguacion(param, grad, vel, tasa, momento=0.9):
    vel = momento * vel + (1 - momento) * grad
    return param - tasa * vel, vel


# --- 2.4 Adam --------------------------------------------------------------------------------


def adam_sin_correccion(param, grad, m, v, t, tasa=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    return param - tasa * m / (torch.sqrt(v) + eps), m, v


def adam_t_desde_cero(param, grad, m, v, t, tasa=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat, v_hat = m / (1 - beta1 ** (t + 1)), v / (1 - beta2 ** (t + 1))
    return param - tasa * m_hat / (torch.sqrt(v_hat) + eps), m, v


def adam_eps_dentro(param, grad, m, v, t, tasa=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return param - tasa * m_hat / torch.sqrt(v_hat + eps), m, v


# --- 2.5 AdamW -------------------------------------------------------------------------------


def _adam(param, grad, m, v, t, tasa, beta1, beta2, eps):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return param - tasa * m_hat / (torch.sqrt(v_hat) + eps), m, v


def adamw_l2_en_el_gradiente(param, grad, m, v, t, tasa=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                             decaimiento=1e-2):
    return _adam(param, grad + decaimiento * param, m, v, t, tasa, beta1, beta2, eps)


def adamw_sin_tasa(param, grad, m, v, t, tasa=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                   decaimiento=1e-2):
    return _adam(param * (1 - decaimiento), grad, m, v, t, tasa, beta1, beta2, eps)


def adamw_despues_del_paso(param, grad, m, v, t, tasa=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                           decaimiento=1e-2):
    nuevo, m, v = _adam(param, grad, m, v, t, tasa, beta1, beta2, eps)
    return nuevo * (1 - tasa * decaimiento), m, v


# --- 2.6 parada temprana ----------------------------------------------------------------------


def parada_uno_tarde(perdidas, paciencia):
    mejor, mejor_epoca, sin_mejora = math.inf, 0, 0
    for epoca, p in enumerate(perdidas):
        if p < mejor:
            mejor, mejor_epoca, sin_mejora = p, epoca, 0
        else:
            sin_mejora += 1
            if sin_mejora > paciencia:
                return mejor_epoca, epoca
    return mejor_epoca, len(perdidas) - 1


def parada_empate_mejora(perdidas, paciencia):
    mejor, mejor_epoca, sin_mejora = math.inf, 0, 0
    for epoca, p in enumerate(perdidas):
        if p <= mejor:
            mejor, mejor_epoca, sin_mejora = p, epoca, 0
        else:
            sin_mejora += 1
            if sin_mejora >= paciencia:
                return mejor_epoca, epoca
    return mejor_epoca, len(perdidas) - 1


def parada_mira_el_futuro(perdidas, paciencia):
    mejor, sin_mejora, parada = math.inf, 0, len(perdidas) - 1
    for epoca, p in enumerate(perdidas):
        if p < mejor:
            mejor, sin_mejora = p, 0
        else:
            sin_mejora += 1
            if sin_mejora >= paciencia:
                parada = epoca
                break
    return perdidas.index(min(perdidas)), parada


ERRORES = [
    ("2.1", lineal_grad_W_traspuesto),
    ("2.1", lineal_grad_b_sin_sumar),
    ("2.1", lineal_grad_b_media),
    ("2.2", relu_mascara_del_gradiente),
    ("2.2", relu_sin_gradiente_de_arriba),
    ("2.2", relu_mayor_o_igual),
    ("2.3", sgd_signo_cambiado),
    ("2.3", sgd_orden_cambiado),
    ("2.3", sgd_con_amortiguacion),
    ("2.4", adam_sin_correccion),
    ("2.4", adam_t_desde_cero),
    ("2.4", adam_eps_dentro),
    ("2.5", adamw_l2_en_el_gradiente),
    ("2.5", adamw_sin_tasa),
    ("2.5", adamw_despues_del_paso),
    ("2.6", parada_uno_tarde),
    ("2.6", parada_empate_mejora),
    ("2.6", parada_mira_el_futuro),
]


@pytest.mark.parametrize("id_ejercicio, incorrecta", ERRORES,
                         ids=[f"{i}-{f.__name__}" for i, f in ERRORES])
def test_calificador_rechaza_el_error(id_ejercicio, incorrecta):
    (resultado,) = calificar(id_ejercicio, incorrecta, mostrar=False)
    assert not resultado.superado, f"{id_ejercicio} aceptó {incorrecta.__name__}"
    assert resultado.estado == "falla"
    assert resultado.pistas and all(p.startswith("Pista:") for p in resultado.pistas), (
        resultado.pistas
    )
