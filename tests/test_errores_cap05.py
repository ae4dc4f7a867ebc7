"""Los calificadores del capítulo 5 atrapan errores reales, no solo el esbozo sin hacer.

Cada función de abajo es una implementación plausible pero equivocada; el calificador debe
marcarla como no superada, con una pista concreta sobre ese error.
"""

import math

import numpy as np
import pytest
import scipy.optimize
import torch
import torch.nn.functional as F

from curso_llm.calificador import calificar

# --- 5.1 empaquetar documentos --------------------------------------------------------------


def _bloques(ids, long_secuencia, n_bloques=None, tipo=torch.long):
    n = len(ids) // long_secuencia if n_bloques is None else n_bloques
    return torch.tensor(ids[: n * long_secuencia], dtype=tipo).view(n, long_secuencia)


def empaquetar_sin_fin(documentos, id_fin, long_secuencia):
    return _bloques([t for d in documentos for t in d], long_secuencia)


def empaquetar_fin_delante(documentos, id_fin, long_secuencia):
    return _bloques([t for d in documentos for t in [id_fin, *d]], long_secuencia)


def empaquetar_fin_solo_entre(documentos, id_fin, long_secuencia):
    ids = []
    for i, d in enumerate(documentos):
        ids += ([id_fin] if i else []) + list(d)
    return _bloques(ids, long_secuencia)


def empaquetar_rellena_el_sobrante(documentos, id_fin, long_secuencia):
    ids = [t for d in documentos for t in [*d, id_fin]]
    ids += [id_fin] * (-len(ids) % long_secuencia)
    return _bloques(ids, long_secuencia)


def empaquetar_un_bloque_de_menos(documentos, id_fin, long_secuencia):
    ids = [t for d in documentos for t in [*d, id_fin]]
    return _bloques(ids, long_secuencia, n_bloques=max(0, (len(ids) - 1) // long_secuencia))


def empaquetar_modificando_la_entrada(documentos, id_fin, long_secuencia):
    ids = []
    for d in documentos:
        d.append(id_fin)
        ids += d
    return _bloques(ids, long_secuencia)


def empaquetar_en_float(documentos, id_fin, long_secuencia):
    ids = [t for d in documentos for t in [*d, id_fin]]
    n = len(ids) // long_secuencia
    return torch.Tensor(ids[: n * long_secuencia]).view(n, long_secuencia)


def empaquetar_en_int32(documentos, id_fin, long_secuencia):
    ids = [t for d in documentos for t in [*d, id_fin]]
    return _bloques(ids, long_secuencia, tipo=torch.int32)


def empaquetar_por_columnas(documentos, id_fin, long_secuencia):
    ids = [t for d in documentos for t in [*d, id_fin]]
    n = len(ids) // long_secuencia
    return torch.tensor(ids[: n * long_secuencia]).view(long_secuencia, n).T.contiguous()


def empaquetar_sin_tipo_con_lista_vacia(documentos, id_fin, long_secuencia):
    ids = [t for d in documentos for t in [*d, id_fin]]
    n = len(ids) // long_secuencia
    return torch.tensor(ids[: n * long_secuencia]).view(n, long_secuencia)


# --- 5.2 perplejidad desde los logits --------------------------------------------------------


def _perdidas(logits, etiquetas, desplazar=True):
    if desplazar:
        logits, etiquetas = logits[:, :-1], etiquetas[:, 1:]
    return F.cross_entropy(logits.transpose(1, 2).double(), etiquetas.clamp(min=0),
                           reduction="none")


def perplejidad_sin_desplazar(logits, etiquetas, ignorar=-100):
    validos = etiquetas != ignorar
    return math.exp(_perdidas(logits, etiquetas, desplazar=False)[validos].mean().item())


def perplejidad_media_por_secuencia(logits, etiquetas, ignorar=-100):
    validos = (etiquetas[:, 1:] != ignorar).double()
    por_secuencia = (_perdidas(logits, etiquetas) * validos).sum(1) / validos.sum(1)
    return math.exp(por_secuencia.mean().item())


def perplejidad_cuenta_los_ignorados(logits, etiquetas, ignorar=-100):
    validos = (etiquetas[:, 1:] != ignorar).double()
    return math.exp(((_perdidas(logits, etiquetas) * validos).sum() / validos.numel()).item())


def perplejidad_mascara_sin_desplazar(logits, etiquetas, ignorar=-100):
    validos = etiquetas[:, :-1] != ignorar
    return math.exp(_perdidas(logits, etiquetas)[validos].mean().item())


def perplejidad_ignorar_fijo(logits, etiquetas, ignorar=-100):
    return math.exp(F.cross_entropy(logits[:, :-1].flatten(0, 1),
                                    etiquetas[:, 1:].flatten()).item())


def perplejidad_softmax_ingenua(logits, etiquetas, ignorar=-100):
    probabilidades = torch.exp(logits) / torch.exp(logits).sum(-1, keepdim=True)
    objetivos = etiquetas[:, 1:]
    validos = objetivos != ignorar
    p = probabilidades[:, :-1].gather(-1, objetivos.clamp(min=0)[..., None])[..., 0]
    return math.exp(-torch.log(p[validos]).mean().item())


def perplejidad_maximo_global(logits, etiquetas, ignorar=-100):
    estables = logits - logits.max()
    log_p = estables - torch.log(torch.exp(estables).sum(-1, keepdim=True))
    objetivos = etiquetas[:, 1:]
    validos = objetivos != ignorar
    lp = log_p[:, :-1].gather(-1, objetivos.clamp(min=0)[..., None])[..., 0]
    return math.exp(-lp[validos].mean().item())


def perplejidad_devuelve_la_perdida(logits, etiquetas, ignorar=-100):
    return F.cross_entropy(logits[:, :-1].flatten(0, 1), etiquetas[:, 1:].flatten(),
                           ignore_index=ignorar).item()


def perplejidad_en_base_2(logits, etiquetas, ignorar=-100):
    perdida = F.cross_entropy(logits[:, :-1].flatten(0, 1), etiquetas[:, 1:].flatten(),
                              ignore_index=ignorar).item()
    return 2 ** perdida


# --- 5.3 calentamiento y coseno ----------------------------------------------------------------


def _tasa(paso, total, calentamiento, maxima, minima=0.0, *, mas_uno=False, periodo=math.pi,
          ignora_minima=False, calentamiento_desde_minima=False, entera=False,
          progreso_global=False, menor_o_igual=False):
    en_calentamiento = paso <= calentamiento if menor_o_igual else paso < calentamiento
    if en_calentamiento:
        fraccion = ((paso + 1 if mas_uno else paso) // calentamiento if entera
                    else (paso + 1 if mas_uno else paso) / calentamiento)
        base = minima if calentamiento_desde_minima else 0.0
        return base + (maxima - base) * fraccion
    progreso = (paso / total if progreso_global
                else (paso - calentamiento) / (total - calentamiento))
    coseno = 0.5 * (1 + math.cos(periodo * progreso))
    if ignora_minima:
        return maxima * coseno
    return minima + (maxima - minima) * coseno


def tasa_calentamiento_mas_uno(paso, pasos_totales, pasos_calentamiento, tasa_maxima,
                               tasa_minima=0.0):
    return _tasa(paso, pasos_totales, pasos_calentamiento, tasa_maxima, tasa_minima,
                 mas_uno=True)


def tasa_periodo_completo(paso, pasos_totales, pasos_calentamiento, tasa_maxima,
                          tasa_minima=0.0):
    return _tasa(paso, pasos_totales, pasos_calentamiento, tasa_maxima, tasa_minima,
                 periodo=2 * math.pi)


def tasa_ignora_la_minima(paso, pasos_totales, pasos_calentamiento, tasa_maxima,
                          tasa_minima=0.0):
    return _tasa(paso, pasos_totales, pasos_calentamiento, tasa_maxima, tasa_minima,
                 ignora_minima=True)


def tasa_calienta_desde_la_minima(paso, pasos_totales, pasos_calentamiento, tasa_maxima,
                                  tasa_minima=0.0):
    return _tasa(paso, pasos_totales, pasos_calentamiento, tasa_maxima, tasa_minima,
                 calentamiento_desde_minima=True)


def tasa_division_entera(paso, pasos_totales, pasos_calentamiento, tasa_maxima,
                         tasa_minima=0.0):
    return _tasa(paso, pasos_totales, pasos_calentamiento, tasa_maxima, tasa_minima,
                 entera=True)


def tasa_progreso_desde_el_paso_0(paso, pasos_totales, pasos_calentamiento, tasa_maxima,
                                  tasa_minima=0.0):
    return _tasa(paso, pasos_totales, pasos_calentamiento, tasa_maxima, tasa_minima,
                 progreso_global=True)


def tasa_calentamiento_incluye_el_ultimo(paso, pasos_totales, pasos_calentamiento, tasa_maxima,
                                         tasa_minima=0.0):
    return _tasa(paso, pasos_totales, pasos_calentamiento, tasa_maxima, tasa_minima,
                 menor_o_igual=True)


def tasa_minima_tambien_en_el_calentamiento(paso, pasos_totales, pasos_calentamiento,
                                            tasa_maxima, tasa_minima=0.0):
    # El factor de transformers mal aplicado: factor · (1 - r) + r en las dos fases.
    r = tasa_minima / tasa_maxima
    if paso < pasos_calentamiento:
        factor = paso / pasos_calentamiento
    else:
        progreso = (paso - pasos_calentamiento) / (pasos_totales - pasos_calentamiento)
        factor = 0.5 * (1 + math.cos(math.pi * progreso))
    return tasa_maxima * (factor * (1 - r) + r)


def tasa_decaimiento_lineal(paso, pasos_totales, pasos_calentamiento, tasa_maxima,
                            tasa_minima=0.0):
    if paso < pasos_calentamiento:
        return tasa_maxima * paso / pasos_calentamiento
    progreso = (paso - pasos_calentamiento) / (pasos_totales - pasos_calentamiento)
    return tasa_maxima - (tasa_maxima - tasa_minima) * progreso


# --- 5.4 FLOPs ------------------------------------------------------------------------------


def _flops(n_capas, d, tokens, contexto, atencion, *, factor=6, factor_atencion=6,
           por_capa=12, cuadratico=False):
    n = por_capa * n_capas * d**2
    flops = factor * n * tokens
    if atencion:
        flops += factor_atencion * n_capas * (contexto**2 if cuadratico else contexto) * d * tokens
    return float(flops)


def flops_solo_hacia_delante(n_capas, dim_embedding, n_tokens, long_secuencia,
                             incluir_atencion=True):
    return _flops(n_capas, dim_embedding, n_tokens, long_secuencia, incluir_atencion, factor=2,
                  factor_atencion=2)


def flops_sin_atencion(n_capas, dim_embedding, n_tokens, long_secuencia, incluir_atencion=True):
    return _flops(n_capas, dim_embedding, n_tokens, long_secuencia, False)


def flops_atencion_siempre(n_capas, dim_embedding, n_tokens, long_secuencia,
                           incluir_atencion=True):
    return _flops(n_capas, dim_embedding, n_tokens, long_secuencia, True)


def flops_atencion_sin_triplicar(n_capas, dim_embedding, n_tokens, long_secuencia,
                                 incluir_atencion=True):
    return _flops(n_capas, dim_embedding, n_tokens, long_secuencia, incluir_atencion,
                  factor_atencion=2)


def flops_atencion_cuadratica(n_capas, dim_embedding, n_tokens, long_secuencia,
                              incluir_atencion=True):
    return _flops(n_capas, dim_embedding, n_tokens, long_secuencia, incluir_atencion,
                  cuadratico=True)


def flops_n_sin_la_atencion(n_capas, dim_embedding, n_tokens, long_secuencia,
                             incluir_atencion=True):
    return _flops(n_capas, dim_embedding, n_tokens, long_secuencia, incluir_atencion,
                  por_capa=8)


def flops_con_enteros_de_numpy(n_capas, dim_embedding, n_tokens, long_secuencia,
                               incluir_atencion=True):
    with np.errstate(over="ignore"):
        n = np.int64(12) * n_capas * np.int64(dim_embedding) ** 2
        flops = np.int64(6) * n * np.int64(n_tokens)
        if incluir_atencion:
            flops += np.int64(6) * n_capas * long_secuencia * dim_embedding * np.int64(n_tokens)
    return float(flops)


# --- 5.5 ley de potencia ----------------------------------------------------------------------


def _ajuste_log(x, y):
    log_x, log_y = np.log(np.asarray(x, float)), np.log(np.asarray(y, float))
    pendiente, ordenada = np.polyfit(log_x, log_y, 1)
    residuos = log_y - (ordenada + pendiente * log_x)
    r2 = 1 - np.sum(residuos**2) / np.sum((log_y - log_y.mean()) ** 2)
    return pendiente, ordenada, r2


def ley_signo_equivocado(x, y):
    pendiente, ordenada, r2 = _ajuste_log(x, y)
    return float(np.exp(ordenada)), float(pendiente), float(r2)


def ley_devuelve_ln_a(x, y):
    pendiente, ordenada, r2 = _ajuste_log(x, y)
    return float(ordenada), float(-pendiente), float(r2)


def ley_log10_deshecho_con_e(x, y):
    log_x, log_y = np.log10(np.asarray(x, float)), np.log10(np.asarray(y, float))
    pendiente, ordenada = np.polyfit(log_x, log_y, 1)
    residuos = log_y - (ordenada + pendiente * log_x)
    r2 = 1 - np.sum(residuos**2) / np.sum((log_y - log_y.mean()) ** 2)
    return float(np.exp(ordenada)), float(-pendiente), float(r2)


def ley_ajuste_lineal(x, y):
    x, y = np.asarray(x, float), np.asarray(y, float)
    pendiente, ordenada, _ = _ajuste_log(x, y)
    (a, b), _ = scipy.optimize.curve_fit(lambda x, a, b: a * x ** (-b), x, y,
                                         p0=(np.exp(ordenada), -pendiente))
    residuos = np.log(y) - np.log(a * x ** (-b))
    r2 = 1 - np.sum(residuos**2) / np.sum((np.log(y) - np.log(y).mean()) ** 2)
    return float(a), float(b), float(r2)


def ley_r2_lineal(x, y):
    x, y = np.asarray(x, float), np.asarray(y, float)
    pendiente, ordenada, _ = _ajuste_log(x, y)
    prediccion = np.exp(ordenada) * x**pendiente
    r2 = 1 - np.sum((y - prediccion) ** 2) / np.sum((y - y.mean()) ** 2)
    return float(np.exp(ordenada)), float(-pendiente), float(r2)


def ley_modifica_la_entrada(x, y):
    if isinstance(x, np.ndarray):
        np.log(x, out=x)
        np.log(y, out=y)
        log_x, log_y = x, y
    else:
        log_x, log_y = np.log(x), np.log(y)
    pendiente, ordenada = np.polyfit(log_x, log_y, 1)
    residuos = log_y - (ordenada + pendiente * log_x)
    r2 = 1 - np.sum(residuos**2) / np.sum((log_y - log_y.mean()) ** 2)
    return float(np.exp(ordenada)), float(-pendiente), float(r2)


def ley_falla_con_listas(x, y):
    log_x, log_y = np.log(x), np.log(y)
    pendiente, ordenada = np.polyfit(log_x, log_y, 1)
    residuos = log_y - (ordenada + pendiente * log_x)
    r2 = 1 - (residuos**2).sum() / ((log_y - log_y.mean()) ** 2).sum()
    return float(np.exp(ordenada)), float(-pendiente), float(x.dtype.kind == "f" and r2)


def ley_r2_sin_centrar(x, y):
    pendiente, ordenada, _ = _ajuste_log(x, y)
    log_x, log_y = np.log(np.asarray(x, float)), np.log(np.asarray(y, float))
    residuos = log_y - (ordenada + pendiente * log_x)
    return float(np.exp(ordenada)), float(-pendiente), float(1 - np.sum(residuos**2)
                                                              / np.sum(log_y**2))


ERRORES = [
    ("5.1", empaquetar_sin_fin),
    ("5.1", empaquetar_fin_delante),
    ("5.1", empaquetar_fin_solo_entre),
    ("5.1", empaquetar_rellena_el_sobrante),
    ("5.1", empaquetar_un_bloque_de_menos),
    ("5.1", empaquetar_modificando_la_entrada),
    ("5.1", empaquetar_en_float),
    ("5.1", empaquetar_en_int32),
    ("5.1", empaquetar_por_columnas),
    ("5.1", empaquetar_sin_tipo_con_lista_vacia),
    ("5.2", perplejidad_sin_desplazar),
    ("5.2", perplejidad_media_por_secuencia),
    ("5.2", perplejidad_cuenta_los_ignorados),
    ("5.2", perplejidad_mascara_sin_desplazar),
    ("5.2", perplejidad_ignorar_fijo),
    ("5.2", perplejidad_softmax_ingenua),
    ("5.2", perplejidad_maximo_global),
    ("5.2", perplejidad_devuelve_la_perdida),
    ("5.2", perplejidad_en_base_2),
    ("5.3", tasa_calentamiento_mas_uno),
    ("5.3", tasa_periodo_completo),
    ("5.3", tasa_ignora_la_minima),
    ("5.3", tasa_calienta_desde_la_minima),
    ("5.3", tasa_division_entera),
    ("5.3", tasa_progreso_desde_el_paso_0),
    ("5.3", tasa_calentamiento_incluye_el_ultimo),
    ("5.3", tasa_minima_tambien_en_el_calentamiento),
    ("5.3", tasa_decaimiento_lineal),
    ("5.4", flops_solo_hacia_delante),
    ("5.4", flops_sin_atencion),
    ("5.4", flops_atencion_siempre),
    ("5.4", flops_atencion_sin_triplicar),
    ("5.4", flops_atencion_cuadratica),
    ("5.4", flops_n_sin_la_atencion),
    ("5.4", flops_con_enteros_de_numpy),
    ("5.5", ley_signo_equivocado),
    ("5.5", ley_devuelve_ln_a),
    ("5.5", ley_log10_deshecho_con_e),
    ("5.5", ley_ajuste_lineal),
    ("5.5", ley_r2_lineal),
    ("5.5", ley_modifica_la_entrada),
    ("5.5", ley_falla_con_listas),
    ("5.5", ley_r2_sin_centrar),
]

# La pista concreta que debe recibir cada error (un trozo de su texto).
PISTA_ESPERADA = {
    "empaquetar_sin_fin": "falta el token de fin",
    "empaquetar_fin_delante": "DELANTE",
    "empaquetar_fin_solo_entre": "también tras el último",
    "empaquetar_rellena_el_sobrante": "sin rellenar",
    "empaquetar_un_bloque_de_menos": "faltan bloques",
    "empaquetar_modificando_la_entrada": "modificó las listas",
    "empaquetar_en_float": "torch.long",
    "empaquetar_en_int32": "torch.long",
    "empaquetar_por_columnas": "fila a fila",
    "empaquetar_sin_tipo_con_lista_vacia": "no puede deducir que son enteros",
    "perplejidad_sin_desplazar": "t + 1",
    "perplejidad_media_por_secuencia": "media por secuencia",
    "perplejidad_cuenta_los_ignorados": "NI cuentan en el divisor",
    "perplejidad_mascara_sin_desplazar": "etiquetas ya desplazadas",
    "perplejidad_ignorar_fijo": "no -100 fijo",
    "perplejidad_softmax_ingenua": "desborda",
    "perplejidad_maximo_global": "CADA posición",
    "perplejidad_devuelve_la_perdida": "no la pérdida",
    "perplejidad_en_base_2": "no 2 ni 10",
    "tasa_calentamiento_mas_uno": "¿sumas 1 al paso?",
    "tasa_periodo_completo": "MEDIO periodo",
    "tasa_ignora_la_minima": "no hasta 0",
    "tasa_calienta_desde_la_minima": "no en la tasa mínima",
    "tasa_division_entera": "división entera",
    "tasa_progreso_desde_el_paso_0": "no en el paso 0",
    "tasa_calentamiento_incluye_el_ultimo": "ANTERIORES",
    "tasa_minima_tambien_en_el_calentamiento": "no en la tasa mínima",
    "tasa_decaimiento_lineal": "no una recta",
    "flops_solo_hacia_delante": "solo la pasada hacia delante",
    "flops_sin_atencion": "falta el término de la atención",
    "flops_atencion_siempre": "no sumes el término de la atención",
    "flops_atencion_sin_triplicar": "multiplícalo por 3",
    "flops_atencion_cuadratica": "no cuadrático",
    "flops_n_sin_la_atencion": "4·d² de la atención",
    "flops_con_enteros_de_numpy": "Desbordan",
    "ley_signo_equivocado": "cambiada de signo",
    "ley_devuelve_ln_a": "ln(a)",
    "ley_log10_deshecho_con_e": "MISMA base",
    "ley_ajuste_lineal": "no en escala lineal",
    "ley_r2_lineal": "no y menos a · x^(-b)",
    "ley_modifica_la_entrada": "modificó x o y",
    "ley_falla_con_listas": "listas",
    "ley_r2_sin_centrar": "menos su media",
}


@pytest.mark.parametrize("id_ejercicio, funcion", ERRORES, ids=[f.__name__ for _, f in ERRORES])
def test_el_calificador_atrapa_el_error(id_ejercicio, funcion):
    with np.errstate(all="ignore"):
        (resultado,) = calificar(id_ejercicio, funcion, mostrar=False)
    assert not resultado.superado, f"{id_ejercicio} aceptó {funcion.__name__}"
    assert resultado.estado == "falla", resultado.pistas
    assert resultado.pistas and all(p.startswith(("Pista:", "Tu función lanzó", "Lo que devolvió tu función"))
                                    for p in resultado.pistas), resultado.pistas
    esperada = PISTA_ESPERADA[funcion.__name__]
    assert any(esperada in p for p in resultado.pistas), (esperada, resultado.pistas)
