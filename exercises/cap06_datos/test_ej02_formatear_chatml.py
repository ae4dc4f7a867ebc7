"""Calificador del ejercicio 6.2: la plantilla ChatML."""

import copy
import random

import pytest

from curso_llm.modelos import tokenizador_base


@pytest.fixture(scope="module")
def tokenizador():
    return tokenizador_base()


def _pista(obtenido, esperado) -> str:
    if not isinstance(obtenido, str):
        return f"devuelve un texto (str), no {type(obtenido).__name__}."
    if obtenido.rstrip("\n") == esperado.rstrip("\n"):
        return ("sobran o faltan saltos de línea al final: cada mensaje termina con "
                "<|im_end|> y un salto de línea, también el último.")
    if esperado.endswith("<|im_start|>assistant\n") and not obtenido.endswith("assistant\n"):
        if "<|im_start|>assistant\n<|im_end|>" in obtenido:
            return ("el prompt de generación abre el turno del asistente y NO lo cierra: "
                    "termina en \"<|im_start|>assistant\\n\", sin <|im_end|>.")
        return ("con anadir_prompt_generacion=True el texto debe terminar con "
                "\"<|im_start|>assistant\\n\".")
    if not esperado.endswith("<|im_start|>assistant\n") and obtenido.endswith(
            "<|im_start|>assistant\n"):
        return "añades el prompt de generación aunque anadir_prompt_generacion sea False."
    if obtenido.replace("\n<|im_end|>", "<|im_end|>") == esperado.replace("\n<|im_end|>", "<|im_end|>"):
        return "el contenido va pegado a <|im_end|>, sin salto de línea entre ellos."
    if obtenido.lower() == esperado.lower():
        return "copia el rol tal cual (en minúsculas: 'user', no 'User')."
    return ("compara carácter a carácter con tokenizador_base().apply_chat_template(mensajes, "
            "tokenize=False, add_generation_prompt=...): cada mensaje es <|im_start|>, rol, "
            "salto, contenido, <|im_end|>, salto; copia el contenido sin quitar espacios.")


def _comprobar(funcion, tokenizador, mensajes, generar):
    copia = copy.deepcopy(mensajes)
    obtenido = funcion(mensajes, generar) if generar else funcion(mensajes)
    assert mensajes == copia, "Pista: tu función modificó la lista de mensajes que recibe."
    esperado = tokenizador.apply_chat_template(copia, tokenize=False, add_generation_prompt=generar)
    assert obtenido == esperado, (
        f"Pista: con {len(copia)} mensajes y anadir_prompt_generacion={generar} se esperaba\n"
        f"{esperado!r}\ny diste\n{obtenido!r}\n" + _pista(obtenido, esperado)
    )


def test_ejemplo_del_enunciado(funcion, tokenizador):
    _comprobar(funcion, tokenizador, [{"role": "user", "content": "Hola"}], True)
    _comprobar(funcion, tokenizador, [{"role": "user", "content": "Hola"}], False)


def test_conversacion_con_sistema_y_varios_turnos(funcion, tokenizador):
    mensajes = [
        {"role": "system", "content": "Eres un asistente del curso."},
        {"role": "user", "content": "¿Qué causa la fiebre de Quelmar?"},
        {"role": "assistant", "content": "El virus inventado de Quelmar."},
        {"role": "user", "content": "Resume:\nTos.\n  Fiebre.  "},
    ]
    for generar in (False, True):
        _comprobar(funcion, tokenizador, mensajes, generar)


def test_lista_vacia(funcion):
    # apply_chat_template rechaza una conversación vacía; la plantilla da "" o solo la cabecera.
    for generar, esperado in ((False, ""), (True, "<|im_start|>assistant\n")):
        obtenido = funcion([], generar)
        assert obtenido == esperado, (
            f"Pista: sin mensajes y anadir_prompt_generacion={generar} se esperaba {esperado!r} "
            f"y diste {obtenido!r}. No hay mensajes que escribir; solo, si se pide, la cabecera "
            "del turno del asistente."
        )


def test_conversaciones_aleatorias(funcion, tokenizador):
    rng = random.Random(62)
    palabras = ["tos", "fiebre", "¿qué", "dosis?", "\n", "  ", "Quelmar", "nota", "ficticia."]
    for _ in range(30):
        mensajes = [{"role": rng.choice(["user", "assistant", "system"]),
                     "content": "".join(rng.choice(palabras) for _ in range(rng.randint(1, 8)))}
                    for _ in range(rng.randint(1, 5))]
        _comprobar(funcion, tokenizador, mensajes, rng.random() < 0.5)
