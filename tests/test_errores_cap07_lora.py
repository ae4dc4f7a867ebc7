"""Los calificadores 7.1, 7.2 y 7.5 (LoRA) atrapan errores reales, con una pista concreta."""

import numpy as np
import pytest
import torch

from curso_llm.calificador import calificar

# --- 7.1 salida de una capa LoRA -------------------------------------------------------------


def _sesgo(b):
    return 0 if b is None else b


def salida_escala_alfa(x, W, b, A, B, alfa):
    return x @ W.T + _sesgo(b) + alfa * (x @ A.T @ B.T)


def salida_escala_r_entre_alfa(x, W, b, A, B, alfa):
    return x @ W.T + _sesgo(b) + (A.shape[0] / alfa) * (x @ A.T @ B.T)


def salida_rango_de_la_entrada(x, W, b, A, B, alfa):
    return x @ W.T + _sesgo(b) + (alfa / A.shape[1]) * (x @ A.T @ B.T)


def salida_a_y_b_al_reves(x, W, b, A, B, alfa):
    return x @ W.T + _sesgo(b) + (alfa / A.shape[0]) * (x @ B.T @ A.T)


def salida_sin_sesgo(x, W, b, A, B, alfa):
    return x @ W.T + (alfa / A.shape[0]) * (x @ A.T @ B.T)


def salida_falla_sin_sesgo(x, W, b, A, B, alfa):
    return x @ W.T + b + (alfa / A.shape[0]) * (x @ A.T @ B.T)


def salida_solo_matrices(x, W, b, A, B, alfa):
    # torch.mm exige matrices: vale para un vector o un lote (n, entrada), no para 3 dimensiones.
    x2 = x.unsqueeze(0) if x.dim() == 1 else x
    y = torch.mm(x2, W.T) + torch.mm(torch.mm(x2, A.T), B.T) * (alfa / A.shape[0]) + _sesgo(b)
    return y.squeeze(0) if x.dim() == 1 else y


def salida_fusiona_en_w(x, W, b, A, B, alfa):
    W += (alfa / A.shape[0]) * (B @ A)
    return x @ W.T + _sesgo(b)


def salida_escala_x_en_su_sitio(x, W, b, A, B, alfa):
    base = x @ W.T + _sesgo(b)
    return base + x.mul_(alfa / A.shape[0]) @ A.T @ B.T


def salida_en_float64(x, W, b, A, B, alfa):
    xn, Wn, An, Bn = (t.numpy().astype(np.float64) for t in (x, W, A, B))
    y = xn @ Wn.T + (alfa / An.shape[0]) * (xn @ An.T @ Bn.T)
    if b is not None:
        y = y + b.numpy()
    return torch.from_numpy(y)


# --- 7.2 parámetros entrenables de LoRA -------------------------------------------------------


def parametros_producto(formas, rango):
    return sum(rango * s * e for s, e in formas)


def parametros_rango_al_cuadrado(formas, rango):
    return sum(rango**2 * (s + e) for s, e in formas)


def parametros_con_sesgo(formas, rango):
    return sum(rango * (s + e) + s for s, e in formas)


def parametros_solo_a(formas, rango):
    return sum(rango * e for _, e in formas)


def parametros_con_len(formas, rango):
    total = 0
    for i in range(len(formas)):
        total += rango * (formas[i][0] + formas[i][1])
    return total


def parametros_recorre_dos_veces(formas, rango):
    if not list(formas):
        return 0
    return sum(rango * (s + e) for s, e in formas)


def parametros_numpy_sin_vacio(formas, rango):
    return int(rango * np.array(list(formas)).sum(axis=1).sum())


def parametros_en_float(formas, rango):
    return float(sum(rango * (s + e) for s, e in formas))


# --- 7.5 fusionar los pesos -------------------------------------------------------------------


def fusion_a_por_b(W, A, B, alfa):
    return W + (alfa / A.shape[0]) * (A.T @ B.T)


def fusion_escala_alfa(W, A, B, alfa):
    return W + alfa * (B @ A)


def fusion_sin_escala(W, A, B, alfa):
    return W + B @ A


def fusion_en_su_sitio(W, A, B, alfa):
    W += (alfa / A.shape[0]) * (B @ A)
    return W


def fusion_rango_de_la_salida(W, A, B, alfa):
    return W + (alfa / B.shape[0]) * (B @ A)


def fusion_escala_r_entre_alfa(W, A, B, alfa):
    return W + (A.shape[0] / alfa) * (B @ A)


def fusion_traspuesta(W, A, B, alfa):
    # Piensa en la matriz que multiplica a x por la derecha y la devuelve tal cual.
    return W.T + (alfa / A.shape[0]) * (A.T @ B.T)


def fusion_en_float64(W, A, B, alfa):
    return W.double() + (alfa / A.shape[0]) * (B.double() @ A.double())


ERRORES = [
    ("7.1", salida_escala_alfa, "multiplicaste la corrección por alfa"),
    ("7.1", salida_escala_r_entre_alfa, "escala está invertida"),
    ("7.1", salida_rango_de_la_entrada, "tomaste r de la dimensión de entrada"),
    ("7.1", salida_a_y_b_al_reves, "A es (r, entrada) y se aplica primero"),
    ("7.1", salida_sin_sesgo, "olvidaste sumar el sesgo"),
    ("7.1", salida_falla_sin_sesgo, "b = None"),
    ("7.1", salida_solo_matrices, "(lote, secuencia, entrada)"),
    ("7.1", salida_fusiona_en_w, "modificó W"),
    ("7.1", salida_escala_x_en_su_sitio, "modificó x"),
    ("7.1", salida_en_float64, "tipo de x"),
    ("7.2", parametros_producto, "multiplicaste rango, entrada y salida"),
    ("7.2", parametros_rango_al_cuadrado, "no elevaste al cuadrado"),
    ("7.2", parametros_con_sesgo, "contaste el sesgo"),
    ("7.2", parametros_solo_a, "contaste solo A"),
    ("7.2", parametros_con_len, "generador"),
    ("7.2", parametros_recorre_dos_veces, "agotado la segunda vez"),
    ("7.2", parametros_numpy_sin_vacio, "lista vacía"),
    ("7.2", parametros_en_float, "devuelve un número entero"),
    ("7.5", fusion_a_por_b, "la forma de W"),
    ("7.5", fusion_escala_alfa, "multiplicaste la corrección por alfa"),
    ("7.5", fusion_sin_escala, "falta la escala"),
    ("7.5", fusion_en_su_sitio, "modificó W"),
    ("7.5", fusion_rango_de_la_salida, "tomaste r de la dimensión de salida"),
    ("7.5", fusion_escala_r_entre_alfa, "escala está invertida"),
    ("7.5", fusion_traspuesta, "traspuesta"),
    ("7.5", fusion_en_float64, "tipo de W"),
]


@pytest.mark.parametrize("id_ejercicio, funcion, pista", ERRORES,
                         ids=[f.__name__ for _, f, _ in ERRORES])
def test_el_calificador_atrapa_el_error(id_ejercicio, funcion, pista):
    (resultado,) = calificar(id_ejercicio, funcion, mostrar=False, registrar=False)
    assert not resultado.superado, f"{id_ejercicio} aceptó {funcion.__name__}"
    assert resultado.estado == "falla", resultado.pistas
    assert resultado.pistas and all(p.startswith("Pista:") for p in resultado.pistas), resultado.pistas
    assert any(pista in p for p in resultado.pistas), (pista, resultado.pistas)


def test_los_errores_son_plausibles():
    """Con formas cuadradas, r = 1, alfa = 1 y un solo vector, muchos errores aciertan."""
    from curso_llm.lora import fusionar_pesos, parametros_lora, salida_lora

    torch.manual_seed(0)
    x, W, b, A, B = torch.randn(1, 3), torch.randn(3, 3), torch.randn(3), torch.randn(1, 3), \
        torch.randn(3, 1)
    for funcion in (salida_escala_alfa, salida_escala_r_entre_alfa, salida_solo_matrices):
        torch.testing.assert_close(funcion(x, W, b, A, B, 1.0), salida_lora(x, W, b, A, B, 1.0))
    for funcion in (fusion_escala_alfa, fusion_sin_escala, fusion_escala_r_entre_alfa):
        torch.testing.assert_close(funcion(W, A, B, 1.0), fusionar_pesos(W, A, B, 1.0))
    for funcion in (parametros_con_len, parametros_recorre_dos_veces, parametros_numpy_sin_vacio):
        assert funcion([(8, 3), (5, 5)], 2) == parametros_lora([(8, 3), (5, 5)], 2)
