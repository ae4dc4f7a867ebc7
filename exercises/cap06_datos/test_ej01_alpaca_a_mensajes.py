"""Calificador del ejercicio 6.1: de Alpaca a mensajes."""

import copy
import random

from curso_llm.formatos import alpaca_a_mensajes as referencia

_PALABRAS = ["Resume", "la", "nota", "tos", "fiebre", "de", "Quelmar", "¿qué", "tratamiento?",
             "paciente", "ficticio", "dosis", "control"]


def _texto(rng):
    return " ".join(rng.choice(_PALABRAS) for _ in range(rng.randint(1, 6)))


def _normalizar(mensajes):
    """Los mensajes como tuplas (rol, contenido), para comparar sin mirar el orden de claves."""
    return [(m.get("role"), m.get("content")) if isinstance(m, dict) else m for m in mensajes]


def _comprobar(funcion, fila, sistema=None, contexto=""):
    original = copy.deepcopy(fila)
    obtenido = funcion(fila, sistema) if sistema is not None else funcion(fila)
    esperado = referencia(copy.deepcopy(original), sistema)
    assert fila == original, (
        "Pista: tu función modificó la fila que recibe (p. ej. con pop o asignando claves): "
        "construye mensajes nuevos sin tocarla."
    )
    assert isinstance(obtenido, list) and all(isinstance(m, dict) for m in obtenido), (
        f"Pista: devuelve una LISTA de diccionarios {{'role', 'content'}}; diste "
        f"{type(obtenido).__name__}{contexto}."
    )
    roles = [m.get("role") for m in obtenido]
    roles_esperados = [m["role"] for m in esperado]
    assert roles == roles_esperados, (
        f"Pista: los roles deben ser {roles_esperados} y son {roles}{contexto}. Los roles son "
        "'system', 'user' y 'assistant' (no 'human'/'gpt', que son de ShareGPT); el sistema va "
        "primero y solo si te pasan un texto no vacío."
    )
    for m, e in zip(obtenido, esperado):
        if m.get("content") != e["content"]:
            if m["role"] == "user" and "\n\n" not in e["content"] and e["content"] in str(m.get("content")):
                pista = ("la entrada está vacía o solo tiene espacios en blanco (también saltos de línea): entonces el turno del "
                         "usuario es solo la instrucción (sin separador ni espacios de más).")
            elif m["role"] == "user" and "\n\n" in e["content"]:
                pista = ("cuando hay entrada, el turno del usuario es la instrucción, una línea "
                         "en blanco (\"\\n\\n\") y la entrada, en ese orden y sin quitar espacios.")
            else:
                pista = "copia el texto tal cual, sin quitar ni añadir espacios."
            raise AssertionError(
                f"Pista: el mensaje {m['role']!r} debería ser {e['content']!r} y es "
                f"{m.get('content')!r}{contexto}: {pista}"
            )
    assert _normalizar(obtenido) == _normalizar(esperado), (
        f"Pista: se esperaba {esperado!r} y diste {obtenido!r}{contexto}."
    )


def test_ejemplo_del_enunciado(funcion):
    _comprobar(funcion, {"instruction": "Resume la nota.", "input": "Tos desde ayer.",
                         "output": "Tos aguda."}, contexto=" en el ejemplo del enunciado")


def test_sin_entrada(funcion):
    for entrada in ("", "   ", "\n", None):
        _comprobar(funcion, {"instruction": "¿Qué causa la fiebre de Quelmar?", "input": entrada,
                             "output": "Un virus inventado."},
                   contexto=f" con input={entrada!r}")
    _comprobar(funcion, {"instruction": "Saluda.", "output": "Hola."},
               contexto=" cuando la fila no tiene la clave 'input'")


def test_mensaje_de_sistema(funcion):
    fila = {"instruction": "Resume.", "input": "Dolor de cabeza.", "output": "Cefalea."}
    _comprobar(funcion, fila, sistema="Eres un asistente del curso.",
               contexto=" con un mensaje de sistema")
    _comprobar(funcion, fila, sistema="", contexto=" con sistema=\"\" (no hay sistema)")


def test_textos_literales(funcion):
    _comprobar(funcion, {"instruction": "  Corrige:  ", "input": " la tos ",
                         "output": " Tos seca.\n"},
               contexto=" con espacios al principio y al final")
    _comprobar(funcion, {"instruction": "Traduce", "input": "0", "output": "cero"},
               contexto=" con input=\"0\" (un texto no vacío)")


def test_filas_aleatorias(funcion):
    rng = random.Random(61)
    for _ in range(40):
        fila = {"instruction": _texto(rng), "output": _texto(rng)}
        opcion = rng.random()
        if opcion < 0.6:
            fila["input"] = _texto(rng)
        elif opcion < 0.8:
            fila["input"] = ""
        sistema = _texto(rng) if rng.random() < 0.3 else None
        _comprobar(funcion, fila, sistema, contexto=f" con la fila {fila!r}")
