"""Los calificadores 6.1–6.3 aceptan soluciones correctas escritas de otra forma."""

import numpy as np
import pytest
import torch
from jinja2 import Template

from curso_llm.calificador import calificar


def alpaca_con_dict_get_y_tupla(fila, sistema=None):
    partes = [fila["instruction"]]
    if isinstance(fila.get("input"), str) and fila["input"].strip():
        partes.append(fila["input"])
    salida = [dict(role="system", content=sistema)] if sistema else []
    salida.append(dict(content="\n\n".join(partes), role="user"))
    salida.append(dict(content=fila["output"], role="assistant"))
    return salida


def alpaca_con_copia(fila, sistema=None):
    import copy

    f = copy.deepcopy(fila)
    entrada = f.pop("input", None) or ""
    texto = f["instruction"] if entrada.isspace() or not entrada else f"{f['instruction']}\n\n{entrada}"
    mensajes = [{"role": "user", "content": texto}, {"role": "assistant", "content": f["output"]}]
    if sistema not in (None, ""):
        mensajes = [{"role": "system", "content": sistema}, *mensajes]
    return mensajes


def chatml_con_jinja(mensajes, anadir_prompt_generacion=False):
    plantilla = Template(
        "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
        "{% if gen %}<|im_start|>assistant\n{% endif %}", keep_trailing_newline=True)
    return plantilla.render(messages=mensajes, gen=anadir_prompt_generacion)


def chatml_con_lista(mensajes, anadir_prompt_generacion=False):
    trozos = []
    for m in mensajes:
        trozos += ["<|im_start|>", m["role"], "\n", m["content"], "<|im_end|>", "\n"]
    if anadir_prompt_generacion:
        trozos += ["<|im_start|>", "assistant", "\n"]
    return "".join(trozos)


def enmascarar_con_where(input_ids, mascara_atencion, longitudes_prompt):
    t = input_ids.shape[1]
    longitudes = torch.tensor([int(n) for n in longitudes_prompt])
    prompt = torch.arange(t)[None, :] < longitudes[:, None]
    return torch.where(prompt | (mascara_atencion == 0), torch.full_like(input_ids, -100), input_ids)


def enmascarar_con_numpy(input_ids, mascara_atencion, longitudes_prompt):
    etiquetas = input_ids.numpy().copy()
    for i, n in enumerate(np.asarray(longitudes_prompt)):
        etiquetas[i, : min(int(n), etiquetas.shape[1])] = -100
    etiquetas[mascara_atencion.numpy() == 0] = -100
    return torch.from_numpy(etiquetas).long()


def enmascarar_con_bucles(input_ids, mascara_atencion, longitudes_prompt):
    b, t = input_ids.shape
    filas = []
    for i in range(b):
        filas.append([-100 if j < int(longitudes_prompt[i]) or mascara_atencion[i, j] == 0
                      else int(input_ids[i, j]) for j in range(t)])
    return torch.tensor(filas, dtype=torch.long)


CORRECTAS = [
    ("6.1", alpaca_con_dict_get_y_tupla),
    ("6.1", alpaca_con_copia),
    ("6.2", chatml_con_jinja),
    ("6.2", chatml_con_lista),
    ("6.3", enmascarar_con_where),
    ("6.3", enmascarar_con_numpy),
    ("6.3", enmascarar_con_bucles),
]


@pytest.mark.parametrize(("ejercicio", "correcta"), CORRECTAS,
                         ids=[f"{e}-{f.__name__}" for e, f in CORRECTAS])
def test_calificador_acepta_la_alternativa(ejercicio, correcta):
    (resultado,) = calificar(ejercicio, correcta, mostrar=False)
    assert resultado.superado, f"{ejercicio} rechazó {correcta.__name__}: {resultado.pistas}"
