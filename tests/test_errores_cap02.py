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


# --- Nuevos: lotes, memoria no contigua, cambios en el sitio, bordes -------------------------


def lineal_todo_promediado(x, W, g):
    # Promedia sobre el lote como si la pérdida fuera una media: grad_salida ya lo incluye.
    n = x.shape[0]
    return g @ W / n, g.T @ x / n, g.mean(0)


def lineal_grad_W_promediado(x, W, g):
    return g @ W, g.T @ x / x.shape[0], g.sum(0)


def lineal_traspone_en_el_sitio(x, W, g):
    grad_b = g.sum(0)
    g.t_()  # traspone grad_salida en su sitio
    return W.T @ g, g @ x, grad_b


def lineal_grad_b_eje_equivocado(x, W, g):
    return g @ W, g.T @ x, g.sum(1)


def relu_multiplica_por_la_salida(x, g):
    return g * x.clamp(min=0)


def relu_signo(x, g):
    return g * torch.sign(x)


def relu_modifica_el_gradiente(x, g):
    g[x <= 0] = 0
    return g


def relu_modifica_x(x, g):
    return g * (x.relu_() > 0)


def sgd_en_el_sitio(param, grad, vel, tasa, momento=0.9):
    vel.mul_(momento).add_(grad)
    param.sub_(tasa * vel)
    return param, vel


def sgd_tasa_en_la_velocidad(param, grad, vel, tasa, momento=0.9):
    # Otra convención (la de algunos libros): la trayectoria es la misma, la velocidad no.
    vel = momento * vel + tasa * grad
    return param - vel, vel


def sgd_nesterov(param, grad, vel, tasa, momento=0.9):
    vel = momento * vel + grad
    return param - tasa * (grad + momento * vel), vel


def sgd_devuelve_al_reves(param, grad, vel, tasa, momento=0.9):
    vel = momento * vel + grad
    return vel, param - tasa * vel


def adam_en_el_sitio(param, grad, m, v, t, tasa=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m.mul_(beta1).add_((1 - beta1) * grad)
    v.mul_(beta2).add_((1 - beta2) * grad**2)
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return param - tasa * m_hat / (torch.sqrt(v_hat) + eps), m, v


def adam_guarda_m_corregido(param, grad, m, v, t, tasa=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = (beta1 * m + (1 - beta1) * grad) / (1 - beta1**t)
    v = (beta2 * v + (1 - beta2) * grad**2) / (1 - beta2**t)
    return param - tasa * m / (torch.sqrt(v) + eps), m, v


def adam_correccion_multiplicando(param, grad, m, v, t, tasa=1e-3, beta1=0.9, beta2=0.999,
                                  eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat, v_hat = m / (1 - beta1 * t), v / (1 - beta2 * t)
    return param - tasa * m_hat / (torch.sqrt(v_hat) + eps), m, v


def adam_eps_de_kingma(param, grad, m, v, t, tasa=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    # La variante «eficiente» del artículo: corrige la tasa, no m y v; eps queda sin corregir.
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    tasa_t = tasa * math.sqrt(1 - beta2**t) / (1 - beta1**t)
    return param - tasa_t * m / (torch.sqrt(v) + eps), m, v


def adamw_en_el_sitio(param, grad, m, v, t, tasa=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                      decaimiento=1e-2):
    param.mul_(1 - tasa * decaimiento)
    return _adam(param, grad, m, v, t, tasa, beta1, beta2, eps)


def adamw_decaimiento_en_m(param, grad, m, v, t, tasa=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                           decaimiento=1e-2):
    m = beta1 * m + (1 - beta1) * (grad + decaimiento * param)
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return param - tasa * m_hat / (torch.sqrt(v_hat) + eps), m, v


def adamw_sin_correccion(param, grad, m, v, t, tasa=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                         decaimiento=1e-2):
    param = param * (1 - tasa * decaimiento)
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    return param - tasa * m / (torch.sqrt(v) + eps), m, v


def parada_sin_reiniciar(perdidas, paciencia):
    # Cuenta todas las épocas sin mejora, no las SEGUIDAS.
    mejor, mejor_epoca, sin_mejora = math.inf, 0, 0
    for epoca, p in enumerate(perdidas):
        if p < mejor:
            mejor, mejor_epoca = p, epoca
        else:
            sin_mejora += 1
            if sin_mejora >= paciencia:
                return mejor_epoca, epoca
    return mejor_epoca, len(perdidas) - 1


def parada_compara_con_la_anterior(perdidas, paciencia):
    mejor_epoca, sin_mejora = 0, 0
    for epoca in range(1, len(perdidas)):
        if perdidas[epoca] < perdidas[epoca - 1]:
            sin_mejora = 0
            if perdidas[epoca] < perdidas[mejor_epoca]:
                mejor_epoca = epoca
        else:
            sin_mejora += 1
            if sin_mejora >= paciencia:
                return mejor_epoca, epoca
    return mejor_epoca, len(perdidas) - 1


def parada_mejor_ultima_del_minimo(perdidas, paciencia):
    mejor, mejor_epoca, sin_mejora = math.inf, 0, 0
    for epoca, p in enumerate(perdidas):
        if p <= mejor:
            mejor_epoca = epoca
        if p < mejor:
            mejor, sin_mejora = p, 0
        else:
            sin_mejora += 1
            if sin_mejora >= paciencia:
                return mejor_epoca, epoca
    return mejor_epoca, len(perdidas) - 1


def parada_enumera_desde_la_segunda(perdidas, paciencia):
    # enumerate(perdidas[1:]) empieza en 0: las épocas salen desplazadas en uno.
    mejor, mejor_epoca, sin_mejora = perdidas[0], 0, 0
    for epoca, p in enumerate(perdidas[1:]):
        if p < mejor:
            mejor, mejor_epoca, sin_mejora = p, epoca, 0
        else:
            sin_mejora += 1
            if sin_mejora >= paciencia:
                return mejor_epoca, epoca
    return mejor_epoca, len(perdidas) - 1


def parada_mejor_inicial_uno(perdidas, paciencia):
    # Supone pérdidas en [0, 1]: empieza con mejor = 1.0.
    mejor, mejor_epoca, sin_mejora = 1.0, 0, 0
    for epoca, p in enumerate(perdidas):
        if p < mejor:
            mejor, mejor_epoca, sin_mejora = p, epoca, 0
        else:
            sin_mejora += 1
            if sin_mejora >= paciencia:
                return mejor_epoca, epoca
    return mejor_epoca, len(perdidas) - 1



ERRORES = [
    ("2.1", lineal_todo_promediado),
    ("2.1", lineal_grad_W_promediado),
    ("2.1", lineal_traspone_en_el_sitio),
    ("2.1", lineal_grad_b_eje_equivocado),
    ("2.2", relu_multiplica_por_la_salida),
    ("2.2", relu_signo),
    ("2.2", relu_modifica_el_gradiente),
    ("2.2", relu_modifica_x),
    ("2.3", sgd_en_el_sitio),
    ("2.3", sgd_tasa_en_la_velocidad),
    ("2.3", sgd_nesterov),
    ("2.3", sgd_devuelve_al_reves),
    ("2.4", adam_en_el_sitio),
    ("2.4", adam_guarda_m_corregido),
    ("2.4", adam_correccion_multiplicando),
    ("2.4", adam_eps_de_kingma),
    ("2.5", adamw_en_el_sitio),
    ("2.5", adamw_decaimiento_en_m),
    ("2.5", adamw_sin_correccion),
    ("2.6", parada_sin_reiniciar),
    ("2.6", parada_compara_con_la_anterior),
    ("2.6", parada_mejor_ultima_del_minimo),
    ("2.6", parada_enumera_desde_la_segunda),
    ("2.6", parada_mejor_inicial_uno),
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
    assert resultado.pistas and all(p.startswith(("Pista:", "Tu función lanzó", "Lo que devolvió tu función"))
                                    for p in resultado.pistas), resultado.pistas
