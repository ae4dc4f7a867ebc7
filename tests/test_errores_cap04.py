"""Los calificadores del capítulo 4 atrapan errores reales, no solo el esbozo sin hacer.

Cada función de abajo es una implementación plausible pero equivocada; el calificador debe
marcarla como no superada.
"""

import math

import pytest
import torch

from curso_llm.calificador import calificar

# --- 4.1 atención escalada ----------------------------------------------------------------


def _atencion(q, k, v, mascara=None, escala=None, eje=-1, invertir=False, transponer=False):
    escala = math.sqrt(q.shape[-1]) if escala is None else escala
    puntuaciones = (k @ q.transpose(-2, -1) if transponer else q @ k.transpose(-2, -1)) / escala
    if mascara is not None:
        puntuaciones = puntuaciones.masked_fill(mascara if invertir else ~mascara, float("-inf"))
    pesos = torch.softmax(puntuaciones, dim=eje)
    return pesos @ v, pesos


def atencion_sin_escala(q, k, v, mascara=None):
    return _atencion(q, k, v, mascara, escala=1.0)


def atencion_escala_d(q, k, v, mascara=None):
    return _atencion(q, k, v, mascara, escala=q.shape[-1])


def atencion_softmax_eje_equivocado(q, k, v, mascara=None):
    return _atencion(q, k, v, mascara, eje=-2)


def atencion_mascara_invertida(q, k, v, mascara=None):
    return _atencion(q, k, v, mascara, invertir=True)


def atencion_k_transpuesta(q, k, v, mascara=None):
    return _atencion(q, k, v, mascara, transponer=True)


def atencion_mascara_tras_softmax(q, k, v, mascara=None):
    pesos = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1]), dim=-1)
    if mascara is not None:
        pesos = pesos * mascara
    return pesos @ v, pesos


# --- 4.2 máscara causal -------------------------------------------------------------------


def mascara_sin_diagonal(n):
    return torch.ones(n, n).tril(-1).bool()


def mascara_invertida(n):
    return torch.ones(n, n).triu().bool()


def mascara_desplazada(n):
    return torch.ones(n, n).tril(1).bool()


def mascara_float(n):
    return torch.ones(n, n).tril()


# --- 4.3 fusión BPE -----------------------------------------------------------------------


def fusionar_con_solapes(ids, par, nuevo_id):
    return [nuevo_id if i + 1 < len(ids) and (ids[i], ids[i + 1]) == par else t
            for i, t in enumerate(ids) if not (i > 0 and (ids[i - 1], t) == par)]


def fusionar_olvida_el_ultimo_par(ids, par, nuevo_id):
    nuevos, i = [], 0
    while i < len(ids):
        if i < len(ids) - 2 and (ids[i], ids[i + 1]) == par:
            nuevos.append(nuevo_id)
            i += 2
        else:
            nuevos.append(ids[i])
            i += 1
    return nuevos


def fusionar_solo_la_primera(ids, par, nuevo_id):
    for i in range(len(ids) - 1):
        if (ids[i], ids[i + 1]) == par:
            return ids[:i] + [nuevo_id] + ids[i + 2 :]
    return list(ids)


def fusionar_de_derecha_a_izquierda(ids, par, nuevo_id):
    nuevos, i = [], len(ids) - 1
    while i >= 0:
        if i > 0 and (ids[i - 1], ids[i]) == par:
            nuevos.append(nuevo_id)
            i -= 2
        else:
            nuevos.append(ids[i])
            i -= 1
    return nuevos[::-1]


def fusionar_modificando_la_entrada(ids, par, nuevo_id):
    i = 0
    while i < len(ids) - 1:
        if (ids[i], ids[i + 1]) == par:
            ids[i : i + 2] = [nuevo_id]
        i += 1
    return ids


# --- 4.4 RoPE -----------------------------------------------------------------------------


def rope_pares_intercalados(x, cos, sin):
    # Convención de GPT-J: gira (0, 1), (2, 3)... en lugar de (i, i + Dh/2).
    rotada = torch.stack((-x[..., 1::2], x[..., ::2]), dim=-1).flatten(-2)
    return x * cos + rotada * sin


def rope_signo_equivocado(x, cos, sin):
    mitad = x.shape[-1] // 2
    return x * cos + torch.cat((x[..., mitad:], -x[..., :mitad]), dim=-1) * sin


def rope_sin_seno(x, cos, sin):
    return x * cos


def rope_sin_rotar_mitad(x, cos, sin):
    return x * cos + x * sin


# --- 4.5 top-p ----------------------------------------------------------------------------


def _top_p(logits, p, modo):
    ordenados, indices = torch.sort(logits, descending=True, dim=-1)
    probs = torch.softmax(ordenados, dim=-1)
    acumulada = probs.cumsum(-1)
    if modo == "excluye_el_que_cruza":
        quitar = acumulada > p
        quitar[..., 0] = False
    elif modo == "sin_minimo":
        quitar = acumulada - probs >= p
        quitar[..., 0] = acumulada[..., 0] > p
    elif modo == "con_logits":
        acumulada = ordenados.cumsum(-1)
        quitar = acumulada - ordenados >= p
        quitar[..., 0] = False
    elif modo == "excluye_nada":
        quitar = acumulada - probs >= p
        quitar[..., 0] = False
    elif modo == "sin_reordenar":
        quitar = acumulada - probs >= p
        quitar[..., 0] = False
        return ordenados.masked_fill(quitar, float("-inf"))
    return logits.masked_fill(quitar.scatter(-1, indices, quitar), float("-inf"))


def top_p_excluye_el_que_cruza(logits, p):
    return _top_p(logits, p, "excluye_el_que_cruza")


def top_p_sin_minimo(logits, p):
    return _top_p(logits, p, "sin_minimo")


def top_p_con_logits(logits, p):
    return _top_p(logits, p, "con_logits")


def top_p_sin_reordenar(logits, p):
    return _top_p(logits, p, "sin_reordenar")


# --- 4.6 dividir en cabezas ---------------------------------------------------------------


def cabezas_reshape_sin_transponer(x, n_cabezas):
    b, t, d = x.shape
    return x.reshape(b, n_cabezas, t, d // n_cabezas)


def cabezas_intercaladas(x, n_cabezas):
    b, t, d = x.shape
    return x.view(b, t, d // n_cabezas, n_cabezas).permute(0, 3, 1, 2)


def cabezas_transpuesta_equivocada(x, n_cabezas):
    b, t, d = x.shape
    return x.view(b, t, n_cabezas, d // n_cabezas).transpose(1, 3)


# --- Nuevos: magnitudes grandes, memoria no contigua, máscaras por ejemplo, bordes ----------


def atencion_escala_dv(q, k, v, mascara=None):
    return _atencion(q, k, v, mascara, escala=math.sqrt(v.shape[-1]))


def atencion_softmax_a_mano(q, k, v, mascara=None):
    s = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mascara is not None:
        s = s.masked_fill(~mascara, float("-inf"))
    e = torch.exp(s)
    pesos = e / e.sum(-1, keepdim=True)
    return pesos @ v, pesos


def atencion_maximo_global(q, k, v, mascara=None):
    s = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mascara is not None:
        s = s.masked_fill(~mascara, float("-inf"))
    e = torch.exp(s - s.max())
    pesos = e / e.sum(-1, keepdim=True)
    return pesos @ v, pesos


def atencion_bmm_con_view(q, k, v, mascara=None):
    # Aplana los ejes de lote con .view para usar bmm: falla con tensores no contiguos.
    *lote, tq, d = q.shape
    tk, dv = k.shape[-2], v.shape[-1]
    q3, k3, v3 = q.view(-1, tq, d), k.view(-1, tk, d), v.view(-1, tk, dv)
    s = torch.bmm(q3, k3.transpose(1, 2)) / math.sqrt(d)
    if mascara is not None:
        s = s.masked_fill(~mascara.expand(*lote, tq, tk).reshape(-1, tq, tk), float("-inf"))
    pesos = torch.softmax(s, dim=-1)
    return torch.bmm(pesos, v3).view(*lote, tq, dv), pesos.view(*lote, tq, tk)


def atencion_mascara_con_ejes_fijos(q, k, v, mascara=None):
    # Supone siempre (lote, cabezas, Tq, Tk) y una máscara (Tq, Tk).
    if mascara is not None:
        mascara = mascara.reshape(1, 1, q.shape[-2], k.shape[-2])
    return _atencion(q, k, v, mascara)


def mascara_convencion_de_pytorch(n):
    # nn.Transformer usa True = TAPADO: es justo lo contrario.
    return torch.ones(n, n, dtype=torch.bool).triu(1)


def mascara_aditiva(n):
    return torch.zeros(n, n).masked_fill(torch.ones(n, n, dtype=torch.bool).triu(1), float("-inf"))


_MASCARA_MAXIMA = torch.ones(32, 32, dtype=torch.bool).tril()


def mascara_precalculada_corta(n):
    return _MASCARA_MAXIMA[:n, :n]


def mascara_entera(n):
    return torch.ones(n, n, dtype=torch.int64).tril()


def fusionar_con_cadenas(ids, par, nuevo_id):
    # Sustituye en el texto «1 2 3 1 2»: con ids de varias cifras, «1 2» aparece dentro de «11 2».
    texto = " ".join(map(str, ids)).replace(f"{par[0]} {par[1]}", str(nuevo_id))
    return [int(t) for t in texto.split()]


def fusionar_par_como_lista(ids, par, nuevo_id):
    # Compara una lista con la tupla: nunca son iguales y no fusiona nada.
    nuevos, i = [], 0
    while i < len(ids):
        if ids[i:i + 2] == par:
            nuevos.append(nuevo_id)
            i += 2
        else:
            nuevos.append(ids[i])
            i += 1
    return nuevos


def fusionar_en_cualquier_orden(ids, par, nuevo_id):
    nuevos, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and {ids[i], ids[i + 1]} == set(par):
            nuevos.append(nuevo_id)
            i += 2
        else:
            nuevos.append(ids[i])
            i += 1
    return nuevos


def fusionar_devuelve_la_misma(ids, par, nuevo_id):
    if par[0] not in ids:
        return ids  # nada que fusionar: devuelve la misma lista
    nuevos, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and (ids[i], ids[i + 1]) == tuple(par):
            nuevos.append(nuevo_id)
            i += 2
        else:
            nuevos.append(ids[i])
            i += 1
    return nuevos


def rope_aplana_con_view(x, cos, sin):
    # Aplana los ejes de lote con .view: falla con una x no contigua.
    forma = x.shape
    x3 = x.view(-1, forma[-2], forma[-1])
    mitad = forma[-1] // 2
    rotada = torch.cat((-x3[..., mitad:], x3[..., :mitad]), dim=-1)
    return (x3 * cos + rotada * sin).view(forma)


def rope_en_el_sitio(x, cos, sin):
    mitad = x.shape[-1] // 2
    girada = x * cos
    x1 = x[..., :mitad].clone()
    x[..., :mitad] = -x[..., mitad:]
    x[..., mitad:] = x1
    return girada + x * sin


def rope_recalcula_las_tablas(x, cos, sin):
    from curso_llm.arquitectura import frecuencias_rope

    cos, sin = frecuencias_rope(x.shape[-1], x.shape[-2])
    mitad = x.shape[-1] // 2
    return x * cos + torch.cat((-x[..., mitad:], x[..., :mitad]), dim=-1) * sin


def rope_cos_y_sin_cambiados(x, cos, sin):
    mitad = x.shape[-1] // 2
    return x * sin + torch.cat((-x[..., mitad:], x[..., :mitad]), dim=-1) * cos


def top_p_umbral_estricto(logits, p):
    ordenados, indices = torch.sort(logits, descending=True, dim=-1)
    probs = torch.softmax(ordenados, dim=-1)
    quitar = probs.cumsum(-1) - probs > p  # un empate exacto con p no completa el núcleo
    quitar[..., 0] = False
    return logits.masked_fill(quitar.scatter(-1, indices, quitar), float("-inf"))


def top_p_mismo_k_para_el_lote(logits, p):
    ordenados, indices = torch.sort(logits, descending=True, dim=-1)
    probs = torch.softmax(ordenados, dim=-1)
    k = int(((probs.cumsum(-1) - probs) < p).sum(-1).max())  # un solo k para todas las filas
    quitar = torch.zeros_like(probs, dtype=torch.bool)
    quitar[..., k:] = True
    return logits.masked_fill(quitar.scatter(-1, indices, quitar), float("-inf"))


def top_p_dim_1_fija(logits, p):
    if logits.dim() == 1:
        return top_p_dim_1_fija(logits[None], p)[0]
    ordenados, indices = torch.sort(logits, descending=True, dim=1)
    probs = torch.softmax(ordenados, dim=1)
    quitar = probs.cumsum(1) - probs >= p
    quitar[:, 0] = False
    return logits.masked_fill(quitar.scatter(1, indices, quitar), float("-inf"))


def top_p_renormaliza(logits, p):
    filtrado = _top_p(logits, p, "excluye_nada")
    return torch.log_softmax(filtrado, dim=-1)


def cabezas_split_por_tamano(x, n_cabezas):
    # torch.split recibe el TAMAÑO de cada trozo, no cuántos trozos (eso es chunk).
    return torch.stack(torch.split(x, n_cabezas, dim=-1), dim=1)


def cabezas_dh_y_h_cambiados(x, n_cabezas):
    b, t, d = x.shape
    return x.view(b, t, d // n_cabezas, n_cabezas).transpose(1, 2)


def cabezas_traspone_antes(x, n_cabezas):
    b, t, d = x.shape
    return x.transpose(1, 2).reshape(b, n_cabezas, t, d // n_cabezas)


def cabezas_permuta_mal(x, n_cabezas):
    b, t, d = x.shape
    return x.view(b, t, n_cabezas, d // n_cabezas).permute(0, 2, 3, 1).reshape(
        b, n_cabezas, t, d // n_cabezas)



ERRORES = [
    ("4.1", atencion_escala_dv),
    ("4.1", atencion_softmax_a_mano),
    ("4.1", atencion_maximo_global),
    ("4.1", atencion_bmm_con_view),
    ("4.1", atencion_mascara_con_ejes_fijos),
    ("4.2", mascara_convencion_de_pytorch),
    ("4.2", mascara_aditiva),
    ("4.2", mascara_precalculada_corta),
    ("4.2", mascara_entera),
    ("4.3", fusionar_con_cadenas),
    ("4.3", fusionar_par_como_lista),
    ("4.3", fusionar_en_cualquier_orden),
    ("4.3", fusionar_devuelve_la_misma),
    ("4.4", rope_aplana_con_view),
    ("4.4", rope_en_el_sitio),
    ("4.4", rope_recalcula_las_tablas),
    ("4.4", rope_cos_y_sin_cambiados),
    ("4.5", top_p_umbral_estricto),
    ("4.5", top_p_mismo_k_para_el_lote),
    ("4.5", top_p_dim_1_fija),
    ("4.5", top_p_renormaliza),
    ("4.6", cabezas_split_por_tamano),
    ("4.6", cabezas_dh_y_h_cambiados),
    ("4.6", cabezas_traspone_antes),
    ("4.6", cabezas_permuta_mal),
    ("4.1", atencion_sin_escala),
    ("4.1", atencion_escala_d),
    ("4.1", atencion_softmax_eje_equivocado),
    ("4.1", atencion_mascara_invertida),
    ("4.1", atencion_k_transpuesta),
    ("4.1", atencion_mascara_tras_softmax),
    ("4.2", mascara_sin_diagonal),
    ("4.2", mascara_invertida),
    ("4.2", mascara_desplazada),
    ("4.2", mascara_float),
    ("4.3", fusionar_con_solapes),
    ("4.3", fusionar_olvida_el_ultimo_par),
    ("4.3", fusionar_solo_la_primera),
    ("4.3", fusionar_de_derecha_a_izquierda),
    ("4.3", fusionar_modificando_la_entrada),
    ("4.4", rope_pares_intercalados),
    ("4.4", rope_signo_equivocado),
    ("4.4", rope_sin_seno),
    ("4.4", rope_sin_rotar_mitad),
    ("4.5", top_p_excluye_el_que_cruza),
    ("4.5", top_p_sin_minimo),
    ("4.5", top_p_con_logits),
    ("4.5", top_p_sin_reordenar),
    ("4.6", cabezas_reshape_sin_transponer),
    ("4.6", cabezas_intercaladas),
    ("4.6", cabezas_transpuesta_equivocada),
]


@pytest.mark.parametrize("id_ejercicio, funcion", ERRORES, ids=[f.__name__ for _, f in ERRORES])
def test_el_calificador_atrapa_el_error(id_ejercicio, funcion):
    (resultado,) = calificar(id_ejercicio, funcion, mostrar=False)
    assert not resultado.superado, f"{id_ejercicio} aceptó {funcion.__name__}"
    assert resultado.estado == "falla", resultado.pistas
    assert resultado.pistas and all(p.startswith(("Pista:", "Tu función lanzó", "Lo que devolvió tu función"))
                                    for p in resultado.pistas), resultado.pistas
