"""Encontrar y cargar ejercicios: el registro, la carpeta ``exercises/`` y las funciones."""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import os
from pathlib import Path
from typing import Callable

from curso_llm.ejercicios import Ejercicio, todos

# Funciones pasadas con ``calificar(id, funcion)``: sustituyen a las del archivo del ejercicio.
_SUSTITUTOS: dict[str, Callable] = {}


class ErrorEjercicio(Exception):
    """El ejercicio no se puede cargar (archivo ausente, error de sintaxis, función ausente...)."""


def obtener(id_ejercicio: str) -> Ejercicio:
    """El :class:`Ejercicio` con ese id (``"4.2"``), o un error que lista los disponibles."""
    registro = todos()
    clave = str(id_ejercicio).strip()
    if clave not in registro:
        disponibles = ", ".join(registro) or "ninguno"
        raise ErrorEjercicio(
            f"No existe el ejercicio {clave!r}. Ejercicios disponibles: {disponibles}."
        )
    return registro[clave]


def ejercicios_de(seleccion: str | int) -> list[Ejercicio]:
    """Ejercicios de un id (``"4.2"``), de un capítulo (``4`` o ``"4"``) o de todos (``"todo"``)."""
    registro = todos()
    texto = str(seleccion).strip().lower()
    if texto in ("todo", "todos", "all"):
        return list(registro.values())
    if "." in texto:
        return [obtener(texto)]
    try:
        capitulo = int(texto)
    except ValueError:
        raise ErrorEjercicio(
            f"No entiendo {seleccion!r}: escribe un ejercicio ('4.2'), un capítulo (4) o 'todo'."
        ) from None
    elegidos = [e for e in registro.values() if e.capitulo == capitulo]
    if not elegidos:
        capitulos = sorted({e.capitulo for e in registro.values()})
        raise ErrorEjercicio(
            f"El capítulo {capitulo} no tiene ejercicios. Capítulos con ejercicios: {capitulos}."
        )
    return elegidos


def ejercicio_de_calificador(ruta: str | Path) -> Ejercicio:
    """El ejercicio de un calificador, deducido de su carpeta y su nombre de archivo.

    El registro (``curso_llm/ejercicios/capNN.py``) es la única declaración de cada ejercicio:
    ``exercises/cap02_redes_neuronales/test_ej04_adam.py`` es el calificador del ejercicio
    registrado con esa carpeta y ``archivo="ej04_adam.py"``.
    """
    ruta = Path(ruta)
    for ejercicio in todos().values():
        if ejercicio.archivo_prueba == ruta.name and ejercicio.carpeta == ruta.parent.name:
            return ejercicio
    raise ErrorEjercicio(
        f"{ruta.parent.name}/{ruta.name} no corresponde a ningún ejercicio registrado: "
        "regístralo en code/curso_llm/ejercicios/capNN.py con su archivo (sin 'test_')."
    )


def directorio_ejercicios() -> Path:
    """La carpeta ``exercises/`` del repositorio.

    Se busca en este orden: la variable ``CURSO_LLM_EJERCICIOS``, la carpeta actual y sus
    padres, y el repositorio donde está instalado el paquete.
    """
    variable = os.environ.get("CURSO_LLM_EJERCICIOS")
    if variable:
        ruta = Path(variable).expanduser()
        if not ruta.is_dir():
            raise ErrorEjercicio(
                f"CURSO_LLM_EJERCICIOS apunta a {ruta}, que no es una carpeta: corrige la "
                "variable o bórrala."
            )
        return ruta
    candidatos = [Path.cwd(), *Path.cwd().parents, Path(__file__).resolve().parents[3]]
    for base in candidatos:
        ruta = base / "exercises"
        if (ruta / "conftest.py").is_file():
            return ruta
    raise ErrorEjercicio(
        "No encuentro la carpeta exercises/ del curso: ejecuta desde el repositorio clonado "
        "(git clone ...) o define CURSO_LLM_EJERCICIOS con su ruta."
    )


def ruta_ejercicio(ejercicio: Ejercicio) -> Path:
    """Ruta del archivo que edita quien aprende."""
    return directorio_ejercicios() / ejercicio.carpeta / ejercicio.archivo


def ruta_calificador(ejercicio: Ejercicio) -> Path:
    """Ruta del calificador de pytest del ejercicio."""
    return directorio_ejercicios() / ejercicio.carpeta / ejercicio.archivo_prueba


def cargar_desde_archivo(ruta: Path, funcion: str) -> Callable:
    """Importa ``funcion`` desde el archivo ``ruta`` (siempre de nuevo, sin caché).

    Cualquier problema (archivo ausente, error de sintaxis, excepción al importar, función
    ausente) se convierte en un :class:`ErrorEjercicio` con un mensaje en español.
    """
    ruta = Path(ruta)
    if not ruta.is_file():
        raise ErrorEjercicio(
            f"No existe {ruta}: restáuralo con 'git checkout -- {ruta.name}' dentro de su carpeta."
        )
    nombre = f"_ejercicio_{ruta.stem}_{abs(hash(str(ruta)))}"
    spec = importlib.util.spec_from_file_location(nombre, ruta)
    modulo = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(modulo)
    except SyntaxError as error:
        raise ErrorEjercicio(
            f"{ruta.name} tiene un error de sintaxis en la línea {error.lineno}: {error.msg}. "
            "Corrige esa línea y vuelve a calificar."
        ) from None
    except Exception as error:  # noqa: BLE001 - se traduce para quien aprende
        raise ErrorEjercicio(
            f"Al importar {ruta.name} se produjo {type(error).__name__}: {error}. "
            "Revisa el código fuera de la función (imports, variables globales)."
        ) from None
    if not hasattr(modulo, funcion):
        raise ErrorEjercicio(
            f"{ruta.name} no define la función {funcion!r}: no cambies su nombre."
        )
    return getattr(modulo, funcion)


def cargar_referencia(ejercicio: Ejercicio) -> Callable:
    """La función de referencia (``"modulo:funcion"``) del ejercicio."""
    modulo, _, nombre = ejercicio.referencia.partition(":")
    return getattr(importlib.import_module(modulo), nombre)


def funcion_del_alumno(id_ejercicio: str) -> Callable:
    """La función que se califica: la pasada a ``calificar`` o la del archivo del ejercicio."""
    ejercicio = obtener(id_ejercicio)
    if ejercicio.id in _SUSTITUTOS:
        return _SUSTITUTOS[ejercicio.id]
    return cargar_desde_archivo(ruta_ejercicio(ejercicio), ejercicio.funcion)


@contextlib.contextmanager
def sustituyendo(id_ejercicio: str, funcion: Callable):
    """Durante el bloque, el ejercicio se califica con ``funcion`` en vez de con su archivo."""
    if not callable(funcion):
        raise ErrorEjercicio(
            f"calificar({id_ejercicio!r}, ...) espera una función, no {type(funcion).__name__}: "
            "pasa el nombre de tu función sin paréntesis."
        )
    anterior = _SUSTITUTOS.get(id_ejercicio)
    _SUSTITUTOS[id_ejercicio] = funcion
    try:
        yield
    finally:
        if anterior is None:
            _SUSTITUTOS.pop(id_ejercicio, None)
        else:
            _SUSTITUTOS[id_ejercicio] = anterior
