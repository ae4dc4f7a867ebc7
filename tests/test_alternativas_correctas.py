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


# --- Capítulo 2 ---------------------------------------------------------------------------


def lineal_atras_einsum(x, W, g):
    return (torch.einsum("ns,se->ne", g, W), torch.einsum("ns,ne->se", g, x),
            torch.einsum("ns->s", g))


def lineal_atras_traspuestas(x, W, g):
    return (W.T @ g.T).T, (x.T @ g).T, g.T @ torch.ones(g.shape[0], dtype=g.dtype)


def relu_atras_where(x, g):
    return torch.where(x > 0, g, torch.zeros_like(g))


def relu_atras_heaviside(x, g):
    return g * torch.heaviside(x, torch.zeros((), dtype=x.dtype))


def sgd_con_add(param, grad, vel, tasa, momento=0.9):
    vel = torch.add(grad, vel, alpha=momento)
    return torch.add(param, vel, alpha=-tasa), vel


def sgd_por_elementos(param, grad, vel, tasa, momento=0.9):
    vel_nueva = torch.empty_like(vel)
    param_nuevo = torch.empty_like(param)
    for i in range(param.numel()):
        vel_nueva.view(-1)[i] = momento * vel.reshape(-1)[i] + grad.reshape(-1)[i]
        param_nuevo.view(-1)[i] = param.reshape(-1)[i] - tasa * vel_nueva.view(-1)[i]
    return param_nuevo, vel_nueva


def adam_con_lerp(param, grad, m, v, t, tasa=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = m.lerp(grad, 1 - beta1)
    v = v.mul(beta2).addcmul(grad, grad, value=1 - beta2)
    denominador = (v / (1 - beta2**t)).sqrt().add(eps)
    return param.addcdiv(m, denominador, value=-tasa / (1 - beta1**t)), m, v


def adam_con_optimizador_de_torch(param, grad, m, v, t, tasa=1e-3, beta1=0.9, beta2=0.999,
                                  eps=1e-8):
    p = param.detach().clone().requires_grad_(True)
    opt = torch.optim.Adam([p], lr=tasa, betas=(beta1, beta2), eps=eps)
    opt.state[p] = {"step": torch.tensor(float(t - 1)), "exp_avg": m.clone(),
                    "exp_avg_sq": v.clone()}
    p.grad = grad.clone()
    opt.step()
    estado = opt.state[p]
    return p.detach(), estado["exp_avg"], estado["exp_avg_sq"]


def adamw_decaimiento_dentro_del_paso(param, grad, m, v, t, tasa=1e-3, beta1=0.9, beta2=0.999,
                                      eps=1e-8, decaimiento=1e-2):
    # param - tasa * (paso_de_adam + decaimiento * param): lo mismo, escrito de otra forma.
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    paso = (m / (1 - beta1**t)) / (torch.sqrt(v / (1 - beta2**t)) + eps)
    return param - tasa * (paso + decaimiento * param), m, v


def adamw_con_lerp(param, grad, m, v, t, tasa=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
                   decaimiento=1e-2):
    return adam_con_lerp(param.mul(1 - tasa * decaimiento), grad, m, v, t, tasa, beta1, beta2,
                         eps)


def parada_desde_la_primera(perdidas, paciencia):
    mejor_epoca, sin_mejora = 0, 0
    for epoca in range(1, len(perdidas)):
        if perdidas[epoca] < perdidas[mejor_epoca]:
            mejor_epoca, sin_mejora = epoca, 0
        else:
            sin_mejora += 1
            if sin_mejora == paciencia:
                return mejor_epoca, epoca
    return mejor_epoca, len(perdidas) - 1


def parada_con_numpy(perdidas, paciencia):
    perdidas = np.asarray(perdidas, dtype=float)
    minimo_previo = np.concatenate(([np.inf], np.minimum.accumulate(perdidas)[:-1]))
    mejora = perdidas < minimo_previo
    ultima_mejora = np.maximum.accumulate(np.where(mejora, np.arange(len(perdidas)), 0))
    agotada = np.nonzero(np.arange(len(perdidas)) - ultima_mejora >= paciencia)[0]
    parada = int(agotada[0]) if agotada.size else len(perdidas) - 1
    return int(np.argmin(perdidas[: parada + 1])), parada


# --- Capítulo 3 ---------------------------------------------------------------------------


def normalizar_casefold_y_bucle(texto):
    import unicodedata

    salida = []
    for c in unicodedata.normalize("NFD", texto.casefold()):
        if unicodedata.category(c) == "Mn":
            if c == "\u0303" and salida and salida[-1] == "n":
                salida.append(c)
            continue
        salida.append(c)
    return unicodedata.normalize("NFC", "".join(salida))


def normalizar_con_regex(texto):
    import re
    import unicodedata

    d = unicodedata.normalize("NFD", texto.lower()).replace("n\u0303", "\u00f1")
    return unicodedata.normalize("NFC", re.sub(r"[\u0300-\u036f]", "", d))


def tfidf_sklearn(documentos):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizador = TfidfVectorizer(analyzer=lambda d: d, smooth_idf=True, norm="l2")
    return vectorizador.fit_transform(documentos)  # matriz dispersa


def tfidf_counter_y_tf_relativo(documentos):
    # tf relativo (conteo / longitud): la normalización L2 lo deja igual que el conteo bruto.
    vocab = sorted({t for d in documentos for t in d})
    conteos = [Counter(d) for d in documentos]
    n = len(documentos)
    idf = {t: math.log((1 + n) / (1 + sum(t in c for c in conteos))) + 1 for t in vocab}
    filas = []
    for d, c in zip(documentos, conteos):
        fila = np.array([c[t] / max(len(d), 1) * idf[t] for t in vocab])
        norma = np.linalg.norm(fila)
        filas.append(fila / norma if norma > 0 else fila)
    return np.array(filas).reshape(n, len(vocab))


def add_k_normaliza_la_fila(conteos, k):
    suavizados = np.asarray(conteos, dtype=float) + k
    return suavizados / suavizados.sum(axis=1, keepdims=True)


def add_k_con_bucles(conteos, k):
    v = len(conteos)
    return [[(conteos[i][j] + k) / (sum(conteos[i]) + k * v) for j in range(v)] for i in range(v)]


def perplejidad_con_bucle(p, s):
    total = 0.0
    for a, b in zip(s, s[1:]):
        total += math.log(p[a][b])
    return math.exp(-total / (len(s) - 1))


def perplejidad_en_base_2(p, s):
    s = np.asarray(s)
    return float(2.0 ** (-np.mean(np.log2(p[s[:-1], s[1:]]))))


def negativo_softplus_einsum(centro, contexto, negativos):
    pos = torch.einsum("bd,bd->b", centro, contexto)
    neg = torch.einsum("bkd,bd->bk", negativos, centro)
    return (F.softplus(-pos) + F.softplus(neg).sum(-1)).mean()


def negativo_bce_con_logits(centro, contexto, negativos):
    pos = (centro * contexto).sum(-1)
    neg = (negativos * centro[:, None, :]).sum(-1)
    b = centro.shape[0]
    return (F.binary_cross_entropy_with_logits(pos, torch.ones_like(pos), reduction="sum")
            + F.binary_cross_entropy_with_logits(neg, torch.zeros_like(neg), reduction="sum")) / b


def ngramas_con_zip(tokens, n):
    return list(zip(*(tokens[i:] for i in range(n))))


def ngramas_con_deque(tokens, n):
    from collections import deque

    ventana, salida = deque(maxlen=n), []
    for t in tokens:
        ventana.append(t)
        if len(ventana) == n:
            salida.append(tuple(ventana))
    return salida


# --- Capítulo 4 ---------------------------------------------------------------------------


def atencion_einsum_y_where(q, k, v, mascara=None):
    puntuaciones = torch.einsum("...qd,...kd->...qk", q / math.sqrt(q.shape[-1]), k)
    if mascara is not None:
        puntuaciones = torch.where(mascara, puntuaciones, torch.tensor(-1e9))
    pesos = puntuaciones.softmax(dim=-1)
    return torch.einsum("...qk,...kv->...qv", pesos, v), pesos


def atencion_softmax_a_mano_estable(q, k, v, mascara=None):
    s = torch.matmul(q, k.transpose(-1, -2)) * q.shape[-1] ** -0.5
    if mascara is not None:
        s = s.masked_fill(mascara.logical_not(), float("-inf"))
    e = torch.exp(s - s.amax(dim=-1, keepdim=True))
    pesos = e / e.sum(dim=-1, keepdim=True)
    return torch.matmul(pesos, v), pesos


def mascara_con_arange(n):
    posiciones = torch.arange(n)
    return posiciones[:, None] >= posiciones[None, :]


def mascara_complemento(n):
    return ~torch.ones(n, n, dtype=torch.bool).triu(diagonal=1)


def fusionar_con_for(ids, par, nuevo_id):
    nuevos, saltar = [], False
    for i, actual in enumerate(ids):
        if saltar:
            saltar = False
            continue
        if i + 1 < len(ids) and actual == par[0] and ids[i + 1] == par[1]:
            nuevos.append(nuevo_id)
            saltar = True
        else:
            nuevos.append(actual)
    return nuevos


def fusionar_recursiva(ids, par, nuevo_id):
    if len(ids) < 2:
        return list(ids)
    if (ids[0], ids[1]) == tuple(par):
        return [nuevo_id] + fusionar_recursiva(ids[2:], par, nuevo_id)
    return [ids[0]] + fusionar_recursiva(ids[1:], par, nuevo_id)


def rope_por_mitades(x, cos, sin):
    x1, x2 = x.chunk(2, dim=-1)
    c, s_ = cos[..., : x1.shape[-1]], sin[..., : x1.shape[-1]]
    return torch.cat((x1 * c - x2 * s_, x2 * c + x1 * s_), dim=-1)


def rope_con_complejos(x, cos, sin):
    mitad = x.shape[-1] // 2
    z = torch.complex(x[..., :mitad].double(), x[..., mitad:].double())
    giro = torch.complex(cos[..., :mitad].double(), sin[..., :mitad].double())
    w = z * giro
    return torch.cat((w.real, w.imag), dim=-1).to(x.dtype)


def top_p_como_transformers(logits, p):
    # Como TopPLogitsWarper: orden ascendente y quita la cola cuya masa es <= 1 - p.
    ordenados, indices = torch.sort(logits, descending=False, dim=-1)
    acumulada = ordenados.softmax(dim=-1).cumsum(dim=-1)
    quitar = acumulada <= (1 - p)
    quitar[..., -1] = False
    return logits.masked_fill(quitar.scatter(-1, indices, quitar), float("-inf"))


def top_p_fila_a_fila(logits, p):
    salida = torch.full_like(logits, float("-inf"))
    planos, salida_plana = logits.reshape(-1, logits.shape[-1]), salida.view(-1, logits.shape[-1])
    for fila, destino in zip(planos, salida_plana):
        probs = fila.softmax(-1)
        orden = torch.argsort(probs, descending=True)
        masa = 0.0
        for j in orden.tolist():
            destino[j] = fila[j]
            masa += probs[j].item()
            if masa >= p:
                break
    return salida


def cabezas_con_chunk(x, n_cabezas):
    return torch.stack(x.chunk(n_cabezas, dim=-1), dim=1)


def cabezas_reshape_permute(x, n_cabezas):
    b, t, d = x.shape
    return x.reshape(b, t, n_cabezas, -1).permute(0, 2, 1, 3).contiguous()


# --- Capítulo 5 ---------------------------------------------------------------------------


def empaquetar_con_numpy(documentos, id_fin, long_secuencia):
    partes = [np.append(np.asarray(d, dtype=np.int64), id_fin) for d in documentos]
    ids = np.concatenate(partes) if partes else np.zeros(0, dtype=np.int64)
    n_bloques = ids.size // long_secuencia
    return torch.from_numpy(ids[: n_bloques * long_secuencia].reshape(n_bloques, long_secuencia))


def empaquetar_con_torch_cat(documentos, id_fin, long_secuencia):
    fin = torch.tensor([id_fin])
    ids = torch.cat([torch.zeros(0, dtype=torch.long)]
                    + [torch.cat([torch.tensor(d, dtype=torch.long), fin]) for d in documentos])
    n_bloques = len(ids) // long_secuencia
    return ids[: n_bloques * long_secuencia].reshape(-1, long_secuencia).clone()


def empaquetar_bloque_a_bloque(documentos, id_fin, long_secuencia):
    bloques, actual = [], []
    for documento in documentos:
        for token in [*documento, id_fin]:
            actual.append(token)
            if len(actual) == long_secuencia:
                bloques.append(actual)
                actual = []
    return torch.tensor(bloques, dtype=torch.long).reshape(len(bloques), long_secuencia)


def perplejidad_sumando_por_secuencia(logits, etiquetas, ignorar=-100):
    suma, n = 0.0, 0
    for fila_logits, fila_etiquetas in zip(logits, etiquetas):
        log_p = fila_logits[:-1].float() - torch.logsumexp(fila_logits[:-1].float(), -1,
                                                           keepdim=True)
        for t, etiqueta in enumerate(fila_etiquetas[1:].tolist()):
            if etiqueta != ignorar:
                suma -= log_p[t, etiqueta].item()
                n += 1
    return math.exp(suma / n)


def perplejidad_cross_entropy_suma(logits, etiquetas, ignorar=-100):
    objetivos = etiquetas[:, 1:].reshape(-1)
    perdida = F.cross_entropy(logits[:, :-1].reshape(-1, logits.shape[-1]), objetivos,
                              ignore_index=ignorar, reduction="sum")
    return torch.exp(perdida / (objetivos != ignorar).sum())


def perplejidad_log_softmax_y_mascara(logits, etiquetas, ignorar=-100):
    log_p = torch.log_softmax(logits[:, :-1], dim=-1)
    objetivos = etiquetas[:, 1:]
    validos = objetivos != ignorar
    elegidos = log_p.gather(-1, torch.where(validos, objetivos, 0).unsqueeze(-1)).squeeze(-1)
    return float(torch.exp(-(elegidos * validos).sum() / validos.sum()))


def tasa_coseno_cuadrado(paso, pasos_totales, pasos_calentamiento, tasa_maxima,
                         tasa_minima=0.0):
    if paso < pasos_calentamiento:
        return paso * (tasa_maxima / pasos_calentamiento)
    progreso = (paso - pasos_calentamiento) / (pasos_totales - pasos_calentamiento)
    # (1 + cos θ) / 2 = cos²(θ / 2)
    return tasa_minima + (tasa_maxima - tasa_minima) * math.cos(math.pi * progreso / 2) ** 2


def tasa_con_numpy_interp(paso, pasos_totales, pasos_calentamiento, tasa_maxima,
                          tasa_minima=0.0):
    if paso < pasos_calentamiento:
        return float(np.interp(paso, [0, pasos_calentamiento], [0.0, tasa_maxima]))
    angulo = np.pi * (paso - pasos_calentamiento) / (pasos_totales - pasos_calentamiento)
    factor = (1 + np.cos(angulo)) / 2
    return float(factor * tasa_maxima + (1 - factor) * tasa_minima)


def flops_por_token_hacia_delante(n_capas, dim_embedding, n_tokens, long_secuencia,
                                  incluir_atencion=True):
    atencion = 4 * dim_embedding**2
    mlp = 2 * dim_embedding * (4 * dim_embedding)
    por_token = 2 * n_capas * (atencion + mlp)
    if incluir_atencion:
        por_token += 2 * n_capas * long_secuencia * dim_embedding
    return 3 * por_token * n_tokens


def flops_con_float64(n_capas, dim_embedding, n_tokens, long_secuencia, incluir_atencion=True):
    d, capas, tokens = np.float64(dim_embedding), np.float64(n_capas), np.float64(n_tokens)
    total = 6.0 * 12.0 * capas * d * d * tokens
    return total + incluir_atencion * 6.0 * capas * long_secuencia * d * tokens


def ley_con_lstsq_log10(x, y):
    log_x, log_y = np.log10(np.array(x, dtype=float)), np.log10(np.array(y, dtype=float))
    diseno = np.column_stack([np.ones_like(log_x), log_x])
    (ordenada, pendiente), residuos, *_ = np.linalg.lstsq(diseno, log_y, rcond=None)
    r2 = 1 - residuos[0] / np.sum((log_y - log_y.mean()) ** 2)
    return 10**ordenada, -pendiente, r2


def ley_con_linregress(x, y):
    ajuste = scipy.stats.linregress(np.log(x), np.log(y))
    return math.exp(ajuste.intercept), -ajuste.slope, ajuste.rvalue**2


def ley_con_torch(x, y):
    log_x = torch.log(torch.tensor(x, dtype=torch.float64))
    log_y = torch.log(torch.tensor(y, dtype=torch.float64))
    xc, yc = log_x - log_x.mean(), log_y - log_y.mean()
    pendiente = (xc * yc).sum() / (xc * xc).sum()
    ordenada = log_y.mean() - pendiente * log_x.mean()
    r2 = 1 - ((yc - pendiente * xc) ** 2).sum() / (yc**2).sum()
    return torch.exp(ordenada).item(), -pendiente.item(), r2.item()


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
    ("2.1", lineal_atras_einsum),
    ("2.1", lineal_atras_traspuestas),
    ("2.2", relu_atras_where),
    ("2.2", relu_atras_heaviside),
    ("2.3", sgd_con_add),
    ("2.3", sgd_por_elementos),
    ("2.4", adam_con_lerp),
    ("2.4", adam_con_optimizador_de_torch),
    ("2.5", adamw_decaimiento_dentro_del_paso),
    ("2.5", adamw_con_lerp),
    ("2.6", parada_desde_la_primera),
    ("2.6", parada_con_numpy),
    ("3.1", normalizar_casefold_y_bucle),
    ("3.1", normalizar_con_regex),
    ("3.2", tfidf_sklearn),
    ("3.2", tfidf_counter_y_tf_relativo),
    ("3.3", add_k_normaliza_la_fila),
    ("3.3", add_k_con_bucles),
    ("3.4", perplejidad_con_bucle),
    ("3.4", perplejidad_en_base_2),
    ("3.5", negativo_softplus_einsum),
    ("3.5", negativo_bce_con_logits),
    ("3.6", ngramas_con_zip),
    ("3.6", ngramas_con_deque),
    ("4.1", atencion_einsum_y_where),
    ("4.1", atencion_softmax_a_mano_estable),
    ("4.2", mascara_con_arange),
    ("4.2", mascara_complemento),
    ("4.3", fusionar_con_for),
    ("4.3", fusionar_recursiva),
    ("4.4", rope_por_mitades),
    ("4.4", rope_con_complejos),
    ("4.5", top_p_como_transformers),
    ("4.5", top_p_fila_a_fila),
    ("4.6", cabezas_con_chunk),
    ("4.6", cabezas_reshape_permute),
    ("5.1", empaquetar_con_numpy),
    ("5.1", empaquetar_con_torch_cat),
    ("5.1", empaquetar_bloque_a_bloque),
    ("5.2", perplejidad_sumando_por_secuencia),
    ("5.2", perplejidad_cross_entropy_suma),
    ("5.2", perplejidad_log_softmax_y_mascara),
    ("5.3", tasa_coseno_cuadrado),
    ("5.3", tasa_con_numpy_interp),
    ("5.4", flops_por_token_hacia_delante),
    ("5.4", flops_con_float64),
    ("5.5", ley_con_lstsq_log10),
    ("5.5", ley_con_linregress),
    ("5.5", ley_con_torch),
]


@pytest.mark.parametrize(("ejercicio", "correcta"), CORRECTAS,
                         ids=[f"{e}-{f.__name__}" for e, f in CORRECTAS])
def test_calificador_acepta_la_alternativa(ejercicio, correcta):
    with np.errstate(all="ignore"):
        (resultado,) = calificar(ejercicio, correcta, mostrar=False)
    assert resultado.superado, f"{ejercicio} rechazó {correcta.__name__}: {resultado.pistas}"
