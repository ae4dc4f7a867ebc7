"""Los calificadores 6.1–6.3 (formatos) atrapan errores reales, con una pista concreta."""

import pytest
import torch

from curso_llm.calificador import calificar

# --- 6.1 Alpaca a mensajes ------------------------------------------------------------------


def _usuario(fila, separador="\n\n", vacio=lambda e: not (e or "").strip()):
    entrada = fila.get("input")
    return fila["instruction"] if vacio(entrada) else fila["instruction"] + separador + entrada


def alpaca_separador_simple(fila, sistema=None):
    m = [{"role": "user", "content": _usuario(fila, "\n")},
         {"role": "assistant", "content": fila["output"]}]
    return ([{"role": "system", "content": sistema}] if sistema else []) + m


def alpaca_entrada_con_espacios_cuenta(fila, sistema=None):
    m = [{"role": "user", "content": _usuario(fila, vacio=lambda e: not e)},
         {"role": "assistant", "content": fila["output"]}]
    return ([{"role": "system", "content": sistema}] if sistema else []) + m


def alpaca_roles_sharegpt(fila, sistema=None):
    m = [{"role": "human", "content": _usuario(fila)}, {"role": "gpt", "content": fila["output"]}]
    return ([{"role": "system", "content": sistema}] if sistema else []) + m


def alpaca_sistema_al_final(fila, sistema=None):
    m = [{"role": "user", "content": _usuario(fila)},
         {"role": "assistant", "content": fila["output"]}]
    return m + ([{"role": "system", "content": sistema}] if sistema else [])


def alpaca_sistema_vacio_cuenta(fila, sistema=None):
    m = [{"role": "user", "content": _usuario(fila)},
         {"role": "assistant", "content": fila["output"]}]
    return ([{"role": "system", "content": sistema}] if sistema is not None else []) + m


def alpaca_con_pop(fila, sistema=None):
    entrada = fila.pop("input", "")
    fila["input"] = entrada
    fila.pop("output")
    return [
        {"role": "user", "content": fila["instruction"] + ("\n\n" + entrada if entrada and entrada.strip() else "")},
        {"role": "assistant", "content": ""}]


def alpaca_quita_espacios(fila, sistema=None):
    entrada = (fila.get("input") or "").strip()
    usuario = fila["instruction"].strip() + ("\n\n" + entrada if entrada else "")
    m = [{"role": "user", "content": usuario},
         {"role": "assistant", "content": fila["output"].strip()}]
    return ([{"role": "system", "content": sistema}] if sistema else []) + m


def alpaca_entrada_delante(fila, sistema=None):
    entrada = fila.get("input")
    usuario = fila["instruction"] if not (entrada or "").strip() else entrada + "\n\n" + fila["instruction"]
    m = [{"role": "user", "content": usuario}, {"role": "assistant", "content": fila["output"]}]
    return ([{"role": "system", "content": sistema}] if sistema else []) + m


def alpaca_entrada_none_como_texto(fila, sistema=None):
    entrada = fila.get("input", "")
    usuario = fila["instruction"] if str(entrada).strip() == "" else f"{fila['instruction']}\n\n{entrada}"
    m = [{"role": "user", "content": usuario}, {"role": "assistant", "content": fila["output"]}]
    return ([{"role": "system", "content": sistema}] if sistema else []) + m


# --- 6.2 ChatML ----------------------------------------------------------------------------


def chatml_sin_salto_final(mensajes, anadir_prompt_generacion=False):
    texto = "\n".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>" for m in mensajes)
    return texto + ("\n<|im_start|>assistant\n" if anadir_prompt_generacion else "")


def chatml_prompt_cerrado(mensajes, anadir_prompt_generacion=False):
    texto = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in mensajes)
    return texto + ("<|im_start|>assistant\n<|im_end|>\n" if anadir_prompt_generacion else "")


def chatml_ignora_el_prompt(mensajes, anadir_prompt_generacion=False):
    return "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in mensajes)


def chatml_salto_antes_del_fin(mensajes, anadir_prompt_generacion=False):
    texto = "".join(f"<|im_start|>{m['role']}\n{m['content']}\n<|im_end|>\n" for m in mensajes)
    return texto + ("<|im_start|>assistant\n" if anadir_prompt_generacion else "")


def chatml_rol_con_mayuscula(mensajes, anadir_prompt_generacion=False):
    texto = "".join(f"<|im_start|>{m['role'].capitalize()}\n{m['content']}<|im_end|>\n"
                    for m in mensajes)
    return texto + ("<|im_start|>assistant\n" if anadir_prompt_generacion else "")


def chatml_quita_espacios(mensajes, anadir_prompt_generacion=False):
    texto = "".join(f"<|im_start|>{m['role']}\n{m['content'].strip()}<|im_end|>\n"
                    for m in mensajes)
    return texto + ("<|im_start|>assistant\n" if anadir_prompt_generacion else "")


def chatml_prompt_siempre(mensajes, anadir_prompt_generacion=False):
    texto = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in mensajes)
    return texto + "<|im_start|>assistant\n"


def chatml_salta_el_sistema(mensajes, anadir_prompt_generacion=False):
    texto = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in mensajes
                    if m["role"] != "system")
    return texto + ("<|im_start|>assistant\n" if anadir_prompt_generacion else "")


# --- 6.3 enmascarar el prompt ---------------------------------------------------------------


def enmascarar_por_id_de_relleno(input_ids, mascara_atencion, longitudes_prompt):
    etiquetas = input_ids.clone()
    for i, n in enumerate(longitudes_prompt):
        etiquetas[i, :int(n)] = -100
    relleno = input_ids[mascara_atencion == 0]
    if relleno.numel():
        etiquetas[input_ids == relleno[0]] = -100
    return etiquetas


def enmascarar_uno_de_mas(input_ids, mascara_atencion, longitudes_prompt):
    etiquetas = input_ids.clone()
    for i, n in enumerate(longitudes_prompt):
        etiquetas[i, :int(n) + 1] = -100
    etiquetas[mascara_atencion == 0] = -100
    return etiquetas


def enmascarar_uno_de_menos(input_ids, mascara_atencion, longitudes_prompt):
    etiquetas = input_ids.clone()
    for i, n in enumerate(longitudes_prompt):
        etiquetas[i, :max(int(n) - 1, 0)] = -100
    etiquetas[mascara_atencion == 0] = -100
    return etiquetas


def enmascarar_con_la_primera_longitud(input_ids, mascara_atencion, longitudes_prompt):
    etiquetas = input_ids.clone()
    etiquetas[:, :int(longitudes_prompt[0])] = -100
    etiquetas[mascara_atencion == 0] = -100
    return etiquetas


def enmascarar_en_su_sitio(input_ids, mascara_atencion, longitudes_prompt):
    for i, n in enumerate(longitudes_prompt):
        input_ids[i, :int(n)] = -100
    input_ids[mascara_atencion == 0] = -100
    return input_ids


def enmascarar_sin_relleno(input_ids, mascara_atencion, longitudes_prompt):
    etiquetas = input_ids.clone()
    for i, n in enumerate(longitudes_prompt):
        etiquetas[i, :int(n)] = -100
    return etiquetas


def enmascarar_en_float(input_ids, mascara_atencion, longitudes_prompt):
    etiquetas = input_ids.clone().float()
    for i, n in enumerate(longitudes_prompt):
        etiquetas[i, :int(n)] = -100
    etiquetas[mascara_atencion == 0] = -100
    return etiquetas


def enmascarar_con_cero(input_ids, mascara_atencion, longitudes_prompt):
    etiquetas = input_ids.clone()
    for i, n in enumerate(longitudes_prompt):
        etiquetas[i, :int(n)] = 0
    etiquetas[mascara_atencion == 0] = -100
    return etiquetas


def enmascarar_contando_desde_el_relleno(input_ids, mascara_atencion, longitudes_prompt):
    # Supone relleno a la izquierda: cuenta el prompt desde el primer token real.
    etiquetas = input_ids.clone()
    for i, n in enumerate(longitudes_prompt):
        inicio = int((mascara_atencion[i] == 0).sum())
        etiquetas[i, inicio:inicio + int(n)] = -100
    etiquetas[mascara_atencion == 0] = -100
    return etiquetas


def enmascarar_ultimo_token_real(input_ids, mascara_atencion, longitudes_prompt):
    etiquetas = input_ids.clone()
    for i, n in enumerate(longitudes_prompt):
        etiquetas[i, :int(n)] = -100
        etiquetas[i, int(mascara_atencion[i].sum()) - 1] = -100  # «el fin no se aprende»
    etiquetas[mascara_atencion == 0] = -100
    return etiquetas


ERRORES = [
    ("6.1", alpaca_separador_simple, "línea en blanco"),
    ("6.1", alpaca_entrada_con_espacios_cuenta, "solo tiene espacios"),
    ("6.1", alpaca_roles_sharegpt, "no 'human'/'gpt'"),
    ("6.1", alpaca_sistema_al_final, "el sistema va primero"),
    ("6.1", alpaca_sistema_vacio_cuenta, "texto no vacío"),
    ("6.1", alpaca_con_pop, "modificó la fila"),
    ("6.1", alpaca_quita_espacios, "sin quitar"),
    ("6.1", alpaca_entrada_delante, "en ese orden"),
    ("6.1", alpaca_entrada_none_como_texto, "solo tiene espacios"),
    ("6.2", chatml_sin_salto_final, "saltos de línea al final"),
    ("6.2", chatml_prompt_cerrado, "NO lo cierra"),
    ("6.2", chatml_ignora_el_prompt, "debe terminar con"),
    ("6.2", chatml_salto_antes_del_fin, "pegado a <|im_end|>"),
    ("6.2", chatml_rol_con_mayuscula, "minúsculas"),
    ("6.2", chatml_quita_espacios, "carácter a carácter"),
    ("6.2", chatml_prompt_siempre, "aunque anadir_prompt_generacion sea False"),
    ("6.2", chatml_salta_el_sistema, "carácter a carácter"),
    ("6.3", enmascarar_por_id_de_relleno, "no por el id"),
    ("6.3", enmascarar_uno_de_mas, "PRIMER token de la respuesta"),
    ("6.3", enmascarar_uno_de_menos, "ÚLTIMO token del prompt"),
    ("6.3", enmascarar_con_la_primera_longitud, "Cada fila tiene la suya"),
    ("6.3", enmascarar_en_su_sitio, "modificó input_ids"),
    ("6.3", enmascarar_sin_relleno, "relleno (máscara 0)"),
    ("6.3", enmascarar_en_float, "torch.long"),
    ("6.3", enmascarar_con_cero, "debería ser -100"),
    ("6.3", enmascarar_contando_desde_el_relleno, "Pista"),
    ("6.3", enmascarar_ultimo_token_real, "token de fin"),
]


@pytest.mark.parametrize("id_ejercicio, funcion, pista", ERRORES,
                         ids=[f.__name__ for _, f, _ in ERRORES])
def test_el_calificador_atrapa_el_error(id_ejercicio, funcion, pista):
    (resultado,) = calificar(id_ejercicio, funcion, mostrar=False)
    assert not resultado.superado, f"{id_ejercicio} aceptó {funcion.__name__}"
    assert resultado.estado == "falla", resultado.pistas
    assert resultado.pistas and all(p.startswith("Pista:") for p in resultado.pistas), resultado.pistas
    assert any(pista in p for p in resultado.pistas), (pista, resultado.pistas)


def test_los_errores_de_6_3_son_plausibles():
    """Cada implementación equivocada acierta el ejemplo fácil de una fila sin relleno."""
    ids = torch.tensor([[5, 6, 7, 8]])
    mascara = torch.ones_like(ids)
    for _, funcion, _ in ERRORES:
        if funcion.__name__ in {"enmascarar_con_la_primera_longitud", "enmascarar_sin_relleno",
                                "enmascarar_contando_desde_el_relleno"}:
            assert funcion(ids.clone(), mascara, [2]).tolist() == [[-100, -100, 7, 8]]
