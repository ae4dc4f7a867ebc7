"""Cada calificador pasa con la solución de referencia y falla con el esbozo sin tocar."""

import ast
import inspect
import re

import pytest

from curso_llm import calificador
from curso_llm.calificador.esencial import _CONVIERTEN, fuente_esencial
from curso_llm.ejercicios import todos

EJERCICIOS = list(todos().values())
IDS = [e.id for e in EJERCICIOS]


def test_hay_ejercicios_registrados():
    assert len(EJERCICIOS) >= 1


@pytest.mark.parametrize("ejercicio", EJERCICIOS, ids=IDS)
def test_archivos_del_ejercicio_existen(ejercicio):
    assert calificador.ruta_ejercicio(ejercicio).is_file()
    assert calificador.ruta_calificador(ejercicio).is_file()
    # El registro es la única declaración: el calificador encuentra su ejercicio por su nombre.
    assert calificador.ejercicio_de_calificador(calificador.ruta_calificador(ejercicio)) == ejercicio
    fuente = calificador.ruta_calificador(ejercicio).read_text(encoding="utf-8")
    assert not re.search(r"^EJERCICIO\s*=", fuente, re.M), "el id solo se declara en el registro"
    # El id concuerda con el capítulo (carpeta capNN_) y el número del archivo (ejMM_).
    capitulo, numero = (int(p) for p in ejercicio.id.split("."))
    assert re.fullmatch(rf"cap{capitulo:02d}_\w+", ejercicio.carpeta), ejercicio.carpeta
    assert re.fullmatch(rf"ej{numero:02d}_\w+\.py", ejercicio.archivo), ejercicio.archivo


def test_cada_calificador_de_exercises_esta_registrado():
    registrados = {(e.carpeta, e.archivo_prueba) for e in EJERCICIOS}
    en_disco = {(r.parent.name, r.name)
                for r in calificador.directorio_ejercicios().glob("cap*/test_ej*.py")}
    assert en_disco == registrados
    esbozos = {(r.parent.name, r.name)
               for r in calificador.directorio_ejercicios().glob("cap*/ej*.py")}
    assert esbozos == {(e.carpeta, e.archivo) for e in EJERCICIOS}


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
    assert fuente == fuente_esencial(calificador.cargar_referencia(ejercicio))
    texto = calificador.pista(ejercicio.id)
    assert ejercicio.pista in texto and "En tu último intento: x" in texto


def _llamadas(nodo):
    return {getattr(n.func, "id", getattr(n.func, "attr", "")) for n in ast.walk(nodo)
            if isinstance(n, ast.Call)}


@pytest.mark.parametrize("ejercicio", EJERCICIOS, ids=IDS)
def test_solucion_muestra_las_lineas_esenciales(ejercicio):
    referencia = calificador.cargar_referencia(ejercicio)
    completa = inspect.getsource(referencia)
    esencial = fuente_esencial(referencia)
    assert len(esencial.splitlines()) < len(completa.splitlines())
    (definicion,) = ast.parse(esencial).body
    (original,) = ast.parse(completa).body
    assert definicion.name == original.name
    assert ast.dump(definicion.args) == ast.dump(original.args), "la firma se muestra entera"
    assert ast.get_docstring(definicion) is None
    # Solo quedan los ayudantes que convierten el valor (su asignación es parte del cálculo).
    quedan = {n for n in _llamadas(definicion) if n.startswith(("comprobar_", "_comprobar"))}
    assert quedan <= _CONVIERTEN, quedan
    # Sin comprobaciones de argumentos en el nivel superior.
    for nodo in definicion.body:
        assert not (isinstance(nodo, ast.If) and all(isinstance(s, ast.Raise) for s in nodo.body))
    # El cálculo sigue ahí: la última instrucción (la que devuelve) y todas las llamadas del
    # cálculo que no son comprobaciones.
    assert ast.dump(definicion.body[-1]) == ast.dump(original.body[-1])
    assert _llamadas(original.body[-1]) <= _llamadas(definicion)
    for linea in esencial.splitlines():
        assert linea in completa.splitlines(), f"línea inventada: {linea!r}"
