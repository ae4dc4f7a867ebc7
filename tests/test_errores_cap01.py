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

# ---------------------------------------------------------------------------
# 1.1 Softmax estable
# ---------------------------------------------------------------------------


def softmax_ingenua(x, eje=-1):
    e = np.exp(x)
    return e / e.sum(axis=eje, keepdims=True)


def softmax_maximo_global(x, eje=-1):
    # Resta UN máximo para toda la matriz: las filas pequeñas se quedan en 0/0.
    e = np.exp(x - np.max(x))
    return e / e.sum(axis=eje, keepdims=True)


def softmax_maximo_del_ultimo_eje(x, eje=-1):
    # Estabiliza con el máximo del último eje aunque normalice sobre otro.
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e / e.sum(axis=eje, keepdims=True)


def softmax_ignora_el_eje(x, eje=-1):
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def softmax_sin_keepdims(x, eje=-1):
    # Sin keepdims, en una matriz cuadrada la resta se difunde por columnas.
    e = np.exp(x - np.max(x, axis=eje))
    return e / np.sum(e, axis=eje)


def softmax_salida_del_tipo_de_x(x, eje=-1):
    # Bucle sobre filas con la salida creada como x: con enteros, todo se trunca.
    x = np.asarray(x)
    salida = np.zeros_like(x)
    movida, vista = np.moveaxis(x, eje, -1), np.moveaxis(salida, eje, -1)
    for indice in np.ndindex(movida.shape[:-1]):
        e = np.exp(movida[indice] - movida[indice].max())
        vista[indice] = e / e.sum()
    return salida


def softmax_solo_matrices(x, eje=-1):
    # Trata eje=0 como «trasponer», lo que solo vale para 1-D y 2-D.
    if eje == 0 and x.ndim == 2:
        x = x.T
    e = np.exp(x - np.max(x, axis=-1, keepdims=True))
    s = e / e.sum(axis=-1, keepdims=True)
    return s.T if eje == 0 and x.ndim == 2 else s


# ---------------------------------------------------------------------------
# 1.2 (nuevos)
# ---------------------------------------------------------------------------


def grad_sin_restaurar(f, x, h=1e-5):
    # Trabaja en una copia pero deja cada coordenada en x_i - h: las siguientes se
    # evalúan en otro punto (solo se nota si f mezcla coordenadas).
    x = np.array(x, dtype=float)
    g = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        x[i] += h
        f_mas = f(x)
        x[i] -= 2 * h
        g[i] = (f_mas - f(x)) / (2 * h)
    return g


def grad_vista_aplanada(f, x, h=1e-5):
    # astype conserva el orden en memoria; con una x traspuesta, reshape(-1) es una copia
    # y perturbarla no cambia lo que ve f.
    x = x.astype(float)
    plano = x.reshape(-1)
    g = np.zeros(x.size)
    for i in range(x.size):
        original = plano[i]
        plano[i] = original + h
        f_mas = f(x)
        plano[i] = original - h
        f_menos = f(x)
        plano[i] = original
        g[i] = (f_mas - f_menos) / (2 * h)
    return g.reshape(x.shape)


def grad_zeros_like(f, x, h=1e-5):
    # Perturba en float, pero el gradiente hereda el tipo entero de x.
    g = np.zeros_like(x)
    xf = np.array(x, dtype=float)
    for i in np.ndindex(x.shape):
        xm, xn = xf.copy(), xf.copy()
        xm[i] += h
        xn[i] -= h
        g[i] = (f(xm) - f(xn)) / (2 * h)
    return g


def grad_acumula_perturbaciones(f, x, h=1e-5):
    xm, xn = np.array(x, dtype=float), np.array(x, dtype=float)
    g = np.zeros(xm.shape)
    for i in np.ndindex(xm.shape):
        xm[i] += h
        xn[i] -= h
        g[i] = (f(xm) - f(xn)) / (2 * h)
    return g


def grad_f_de_un_escalar(f, x, h=1e-5):
    # Evalúa f sobre la coordenada suelta en vez de sobre el arreglo.
    x = np.array(x, dtype=float)
    g = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        g[i] = (f(x[i] + h) - f(x[i] - h)) / (2 * h)
    return g


# ---------------------------------------------------------------------------
# 1.3 (nuevos)
# ---------------------------------------------------------------------------


def ec_maximo_global(logits, etiquetas):
    z = logits - logits.max()
    lp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return -lp[np.arange(len(etiquetas)), etiquetas].mean()


def ec_recorta_la_probabilidad(logits, etiquetas):
    z = logits - logits.max(axis=1, keepdims=True)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    return -np.log(np.clip(p[np.arange(len(etiquetas)), etiquetas], 1e-12, 1.0)).mean()


def ec_divide_entre_clases(logits, etiquetas):
    z = logits - logits.max(axis=1, keepdims=True)
    lp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return -lp[np.arange(len(etiquetas)), etiquetas].sum() / logits.shape[1]


def ec_todas_las_parejas(logits, etiquetas):
    z = logits - logits.max(axis=1, keepdims=True)
    lp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return -lp[:, etiquetas].mean()


def ec_sin_signo(logits, etiquetas):
    z = logits - logits.max(axis=1, keepdims=True)
    lp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return lp[np.arange(len(etiquetas)), etiquetas].mean()


# ---------------------------------------------------------------------------
# 1.4 (nuevos)
# ---------------------------------------------------------------------------


def kl_log2(p, q):
    mascara = p > 0
    return np.sum(np.where(mascara, p * np.log2(np.where(mascara, p / q, 1.0)), 0.0), axis=-1)


def kl_con_epsilon(p, q):
    eps = 1e-8
    return np.sum(p * np.log((p + eps) / (q + eps)), axis=-1)


def kl_mascara_aplana(p, q):
    mascara = p > 0
    return np.sum(p[mascara] * np.log(p[mascara] / q[mascara]))


def kl_eje_1(p, q):
    mascara = p > 0
    terminos = np.where(mascara, p * np.log(np.where(mascara, p / q, 1.0)), 0.0)
    return terminos.sum(axis=1) if terminos.ndim > 1 else terminos.sum()


def kl_mascara_en_q(p, q):
    mascara = q > 0
    return np.sum(np.where(mascara, p * np.log(np.where(mascara, p / q, 1.0)), 0.0), axis=-1)


# ---------------------------------------------------------------------------
# 1.5 (nuevos)
# ---------------------------------------------------------------------------


def coseno_eje_1(a, b):
    eje = 1 if np.ndim(a) > 1 else 0
    return np.sum(a * b, axis=eje) / (np.linalg.norm(a, axis=eje) * np.linalg.norm(b, axis=eje))


def coseno_keepdims(a, b):
    return np.sum(a * b, axis=-1) / (np.linalg.norm(a, axis=-1, keepdims=True)
                                     * np.linalg.norm(b, axis=-1, keepdims=True))


def coseno_norma_l1(a, b):
    return np.sum(a * b, axis=-1) / (np.abs(a).sum(-1) * np.abs(b).sum(-1))


def coseno_solo_norma_de_a(a, b):
    return np.sum(a * b, axis=-1) / np.linalg.norm(a, axis=-1) ** 2


def coseno_matriz_de_parejas(a, b):
    a2, b2 = np.atleast_2d(a), np.atleast_2d(b)
    na = a2 / np.linalg.norm(a2, axis=-1, keepdims=True)
    nb = b2 / np.linalg.norm(b2, axis=-1, keepdims=True)
    s = na @ nb.T
    return float(s[0, 0]) if np.ndim(a) == 1 else s


# ---------------------------------------------------------------------------
# 1.6 (nuevos)
# ---------------------------------------------------------------------------


def lineal_if_b(x, W, b=None):
    y = x @ W.T
    if b:
        y = y + b
    return y


def lineal_sesgo_en_columna(x, W, b=None):
    y = x @ W.T
    return y if b is None else y + b[:, None]


def lineal_aplana_sin_volver(x, W, b=None):
    y = x.reshape(-1, x.shape[-1]) @ W.T
    return y if b is None else y + b


def lineal_sesgo_con_eje_de_lote(x, W, b=None):
    y = x @ W.T
    return y if b is None else y + b[None, :]


def lineal_salida_del_tipo_de_x(x, W, b=None):
    y = np.zeros_like(x, shape=x.shape[:-1] + (W.shape[0],))
    y[...] = x @ W.T
    return y if b is None else y + b



ERRONEAS = [
    ("1.1", softmax_ingenua),
    ("1.1", softmax_maximo_global),
    ("1.1", softmax_maximo_del_ultimo_eje),
    ("1.1", softmax_ignora_el_eje),
    ("1.1", softmax_sin_keepdims),
    ("1.1", softmax_salida_del_tipo_de_x),
    ("1.1", softmax_solo_matrices),
    ("1.2", grad_sin_restaurar),
    ("1.2", grad_vista_aplanada),
    ("1.2", grad_zeros_like),
    ("1.2", grad_acumula_perturbaciones),
    ("1.2", grad_f_de_un_escalar),
    ("1.3", ec_maximo_global),
    ("1.3", ec_recorta_la_probabilidad),
    ("1.3", ec_divide_entre_clases),
    ("1.3", ec_todas_las_parejas),
    ("1.3", ec_sin_signo),
    ("1.4", kl_log2),
    ("1.4", kl_con_epsilon),
    ("1.4", kl_mascara_aplana),
    ("1.4", kl_eje_1),
    ("1.4", kl_mascara_en_q),
    ("1.5", coseno_eje_1),
    ("1.5", coseno_keepdims),
    ("1.5", coseno_norma_l1),
    ("1.5", coseno_solo_norma_de_a),
    ("1.5", coseno_matriz_de_parejas),
    ("1.6", lineal_if_b),
    ("1.6", lineal_sesgo_en_columna),
    ("1.6", lineal_aplana_sin_volver),
    ("1.6", lineal_sesgo_con_eje_de_lote),
    ("1.6", lineal_salida_del_tipo_de_x),
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
    assert all(p.startswith(("Pista:", "Tu función lanzó", "Lo que devolvió tu función"))
               for p in resultado.pistas), resultado.pistas
