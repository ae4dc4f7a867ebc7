"""Calificador del ejercicio 7.2: parámetros entrenables de LoRA."""

import copy
import numbers
import random

import torch
from torch import nn

from curso_llm.lora import aplicar_lora, contar_entrenables
from curso_llm.lora import parametros_lora as referencia


def _llamar(funcion, formas, rango, caso):
    try:
        return funcion(formas, rango)
    except NotImplementedError:
        raise
    except Exception as error:
        raise AssertionError(
            f"Pista: tu función lanzó {type(error).__name__} con {caso}. Recorre las formas "
            "una sola vez, sin pedir su longitud ni indexarlas: puede ser un generador o una "
            f"lista vacía. Mensaje: {' '.join(str(error).split())[:160]}"
        ) from None


def _diagnostico(obtenido, formas, rango) -> str:
    candidatos = [
        (sum(rango * s * e for s, e in formas), "multiplicaste rango, entrada y salida: eso "
         "sería una matriz completa por cada rango. A y B son dos matrices delgadas y se suman"),
        (sum(rango * rango * (s + e) for s, e in formas), "el rango aparece una sola vez por "
         "matriz: A tiene rango filas y B rango columnas (no elevaste al cuadrado)"),
        (sum(rango * (s + e) + s for s, e in formas), "contaste el sesgo: sigue congelado, "
         "como W; solo se entrenan A y B"),
        (sum(rango * e for s, e in formas), "contaste solo A (rango por entrada); B, de forma "
         "(salida, rango), también se entrena"),
        (sum(rango * s for s, e in formas), "contaste solo B (salida por rango); A, de forma "
         "(rango, entrada), también se entrena"),
        (sum(s * e for s, e in formas), "contaste los pesos completos W, que están congelados"),
        (0, "diste 0 aunque hay capas. Si recorres las formas dos veces (por ejemplo, una para "
         "ver si están vacías y otra para sumar), un generador ya está agotado la segunda vez"),
    ]
    for valor, pista in candidatos:
        if obtenido == valor:
            return pista
    return f"se esperaba {referencia(formas, rango)} y diste {obtenido!r}"


def _comparar(funcion, formas, rango, caso, copia=None):
    formas_lista = [tuple(f) for f in (formas if copia is None else copia)]
    esperado = referencia(formas_lista, rango)
    obtenido = _llamar(funcion, formas, rango, caso)
    assert isinstance(obtenido, numbers.Integral) and not isinstance(obtenido, bool), (
        f"Pista: devuelve un número entero (diste {type(obtenido).__name__}: {obtenido!r}, "
        f"{caso}). Un número de parámetros no tiene decimales: ¿dividiste o sumaste floats?"
    )
    assert obtenido == esperado, (
        f"Pista: {_diagnostico(obtenido, formas_lista, rango)} ({caso}; se esperaban "
        f"{esperado})."
    )


def test_ejemplo_del_enunciado(funcion):
    _comparar(funcion, [(8, 3), (5, 5)], 2, "el ejemplo del enunciado, rango 2")


def test_una_capa_no_cuadrada(funcion):
    _comparar(funcion, [(640, 256)], 4, "una capa de forma (640, 256), rango 4")


def test_sin_capas(funcion):
    _comparar(funcion, [], 8, "una lista vacía de formas (sin capas no hay nada que entrenar: "
              "0)")


def test_tuplas_listas_y_generadores(funcion):
    formas = [(256, 256), (640, 256), (256, 640)]
    _comparar(funcion, tuple(formas), 8, "una tupla de tuplas")
    _comparar(funcion, [list(f) for f in formas], 8, "una lista de listas")
    _comparar(funcion, (f for f in formas), 8, "un generador, que solo se puede recorrer una "
              "vez", copia=formas)
    _comparar(funcion, [torch.Size(f) for f in formas], 8, "formas torch.Size, como "
              "las de capa.weight.shape")


def test_coincide_con_aplicar_lora_en_un_modelo(funcion):
    torch.manual_seed(0)
    modelo = nn.ModuleDict({"q_proj": nn.Linear(12, 7), "v_proj": nn.Linear(7, 20),
                            "o_proj": nn.Linear(20, 12)})
    for rango in (1, 3):
        con_lora = aplicar_lora(copy.deepcopy(modelo), rango=rango, alfa=8,
                                modulos=("q_proj", "v_proj", "o_proj"))
        formas = [tuple(c.weight.shape) for c in modelo.values()]
        obtenido = _llamar(funcion, formas, rango, f"las capas del modelo, rango {rango}")
        esperado = contar_entrenables(con_lora)
        assert obtenido == esperado, (
            f"Pista: aplicar_lora con rango {rango} sobre capas {formas} (con sesgo) deja "
            f"{esperado} parámetros entrenables y diste {obtenido!r}: "
            f"{_diagnostico(obtenido, formas, rango)}."
        )


def test_coincide_con_la_referencia_en_formas_aleatorias(funcion):
    rng = random.Random(7)
    for _ in range(30):
        formas = [(rng.randint(1, 4096), rng.randint(1, 4096)) for _ in range(rng.randint(0, 6))]
        rango = rng.choice([1, 2, 4, 8, 16, 64])
        _comparar(funcion, formas, rango, f"{len(formas)} capas aleatorias, rango {rango}")


def test_capas_con_la_misma_forma_y_totales_grandes(funcion):
    # En un transformer real q, k, v y o comparten forma: cada capa cuenta, aunque se repita.
    # Y el total (41 657 821) no cabe exacto en float32: hay que contar con enteros.
    formas = [(510, 510)] * 39 + [(511, 510)]
    obtenido = funcion(list(formas), 1021)
    esperado = referencia(list(formas), 1021)
    assert obtenido == esperado, (
        f"Pista: con 40 capas (39 de la misma forma) y rango 1021 se esperaba {esperado} y "
        f"diste {obtenido!r}. Cada capa de la lista cuenta, aunque tenga la misma forma que "
        "otra; y el total es un entero exacto (sin pasar por coma flotante de 32 bits)."
    )
