"""Cada calificador pasa con la solución de referencia y falla con el esbozo sin tocar."""

import ast
import inspect

import pytest

from curso_llm import calificador
from curso_llm.ejercicios import todos

EJERCICIOS = list(todos().values())
IDS = [e.id for e in EJERCICIOS]


def test_hay_ejercicios_registrados():
    assert len(EJERCICIOS) >= 1


@pytest.mark.parametrize("ejercicio", EJERCICIOS, ids=IDS)
def test_archivos_del_ejercicio_existen(ejercicio):
    assert calificador.ruta_ejercicio(ejercicio).is_file()
    assert calificador.ruta_calificador(ejercicio).is_file()
    fuente = calificador.ruta_calificador(ejercicio).read_text(encoding="utf-8")
    assert f'EJERCICIO = "{ejercicio.id}"' in fuente, "el calificador debe declarar su EJERCICIO"


@pytest.mark.parametrize("ejercicio", EJERCICIOS, ids=IDS)
def test_esbozo_tiene_docstring_y_lanza_not_implemented(ejercicio):
    fuente = calificador.ruta_ejercicio(ejercicio).read_text(encoding="utf-8")
    arbol = ast.parse(fuente)
    assert ast.get_docstring(arbol), "el esbozo debe explicar la tarea en su docstring"
    funciones = {n.name: n for n in arbol.body if isinstance(n, ast.FunctionDef)}
    assert ejercicio.funcion in funciones
    assert "NotImplementedError" in ast.unparse(funciones[ejercicio.funcion])


@pytest.mark.parametrize("ejercicio", EJERCICIOS, ids=IDS)
def test_calificador_pasa_con_la_referencia(ejercicio):
    referencia = calificador.cargar_referencia(ejercicio)
    (resultado,) = calificador.calificar(ejercicio.id, referencia, mostrar=False)
    assert resultado.superado, f"{ejercicio.id}: {resultado.pistas}"
    assert resultado.total >= 2, "cada calificador debe tener al menos dos pruebas"


@pytest.mark.parametrize("ejercicio", EJERCICIOS, ids=IDS)
def test_calificador_falla_con_el_esbozo(ejercicio):
    (resultado,) = calificador.calificar(ejercicio.id, mostrar=False)
    assert resultado.estado == "sin_hacer"
    assert resultado.superadas == 0


@pytest.mark.parametrize("ejercicio", EJERCICIOS, ids=IDS)
def test_pista_y_solucion_tras_intento(ejercicio, capsys):
    assert calificador.solucion(ejercicio.id) is None
    assert "Primero inténtalo" in capsys.readouterr().out
    calificador.registrar_intentos([calificador.Resultado(ejercicio, "falla", pistas=["x"])])
    fuente = calificador.solucion(ejercicio.id)
    assert fuente == inspect.getsource(calificador.cargar_referencia(ejercicio))
    texto = calificador.pista(ejercicio.id)
    assert ejercicio.pista in texto and "En tu último intento: x" in texto
