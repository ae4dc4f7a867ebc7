"""Calificador de ejercicios: ejecuta los calificadores de pytest y muestra una tabla en español.

Tres formas de usarlo, todas con el mismo calificador de pytest por debajo:

- En un cuaderno, con tu propia función::

      from curso_llm.calificador import calificar, pista, solucion
      calificar("4.1", mi_softmax)

- En un cuaderno o terminal, con lo que hayas escrito en ``exercises/``::

      calificar("4.1")      # un ejercicio
      calificar(4)          # todo el capítulo 4

- En una terminal: ``pytest exercises/cap04_arquitectura`` o ``python -m curso_llm.calificar 4``.

La solución de referencia (``solucion("4.1")``) solo se muestra después de un intento.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import inspect
import io
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from curso_llm.ejercicios import Ejercicio, todos

NOMBRE_RECOLECTOR = "curso_llm_recolector"

ESTADOS = {
    "superado": "✅ superado",
    "falla": "❌ falla",
    "sin_hacer": "⏳ sin hacer",
    "error": "⚠️ error",
}

# Funciones pasadas con ``calificar(id, funcion)``: sustituyen a las del archivo del ejercicio.
_SUSTITUTOS: dict[str, Callable] = {}


class ErrorEjercicio(Exception):
    """El ejercicio no se puede cargar (archivo ausente, error de sintaxis, función ausente...)."""


# ---------------------------------------------------------------------------
# Localizar ejercicios
# ---------------------------------------------------------------------------


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
    candidatos = [Path.cwd(), *Path.cwd().parents, Path(__file__).resolve().parents[2]]
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


# ---------------------------------------------------------------------------
# Resultados y recolector de pytest
# ---------------------------------------------------------------------------


@dataclass
class Resultado:
    """Resultado de calificar un ejercicio."""

    ejercicio: Ejercicio
    estado: str = "superado"  # superado | falla | sin_hacer | error
    superadas: int = 0
    total: int = 0
    pistas: list[str] = field(default_factory=list)

    @property
    def superado(self) -> bool:
        return self.estado == "superado" and self.total > 0


def _mensaje_de_fallo(report) -> tuple[str, str]:
    """(estado, pista) a partir del informe de una prueba fallida."""
    crash = getattr(report.longrepr, "reprcrash", None)
    texto = crash.message if crash is not None else str(report.longrepr)
    tipo, _, resto = texto.partition(":")
    resto = resto.strip()
    if tipo == "NotImplementedError":
        return "sin_hacer", resto or "La función aún lanza NotImplementedError."
    if tipo == "Failed":
        return ("error" if resto.startswith("⚠️") else "falla"), resto.removeprefix("⚠️ ")
    if tipo == "AssertionError":
        primera = resto.splitlines()[0] if resto else "Una comprobación falló."
        return "falla", primera
    primera = texto.splitlines()[0]
    return "falla", f"Tu función lanzó {primera}"


class Recolector:
    """Complemento de pytest que agrupa los resultados de las pruebas por ejercicio."""

    def __init__(self, ejercicios: list[Ejercicio] | None = None):
        self._por_archivo = {e.archivo_prueba: e for e in (ejercicios or todos().values())}
        self.resultados: dict[str, Resultado] = {}

    def pytest_runtest_logreport(self, report):
        if report.when != "call" and not (report.failed or report.skipped):
            return
        archivo = Path(report.nodeid.split("::")[0]).name
        ejercicio = self._por_archivo.get(archivo)
        if ejercicio is None:
            return
        resultado = self.resultados.setdefault(ejercicio.id, Resultado(ejercicio))
        if report.when == "call" or report.failed:
            resultado.total += 1
        if report.passed and report.when == "call":
            resultado.superadas += 1
        elif report.failed:
            estado, pista_fallo = _mensaje_de_fallo(report)
            prioridad = ["superado", "falla", "sin_hacer", "error"]
            if prioridad.index(estado) > prioridad.index(resultado.estado):
                resultado.estado = estado
            if pista_fallo not in resultado.pistas:
                resultado.pistas.append(pista_fallo)

    def pytest_terminal_summary(self, terminalreporter):
        if self.resultados:
            terminalreporter.write_line("")
            terminalreporter.write_line(tabla(list(self.resultados.values())))
            registrar_intentos(self.resultados.values())


def tabla(resultados: list[Resultado]) -> str:
    """Tabla de texto: ejercicio, estado, pruebas superadas y pista."""
    filas = [("Ejercicio", "Estado", "Pruebas", "Pista")]
    for r in resultados:
        pista_fila = r.pistas[0] if r.pistas else ("—" if r.superado else r.ejercicio.pista)
        if len(pista_fila) > 110:
            pista_fila = pista_fila[:107] + "..."
        filas.append(
            (f"{r.ejercicio.id} {r.ejercicio.titulo}", ESTADOS[r.estado],
             f"{r.superadas}/{r.total}", pista_fila)
        )
    anchos = [max(len(f[i]) for f in filas) for i in range(3)]
    lineas = []
    for n, fila in enumerate(filas):
        lineas.append("  ".join(c.ljust(a) for c, a in zip(fila[:3], anchos)) + "  " + fila[3])
        if n == 0:
            lineas.append("-" * (sum(anchos) + 6 + 40))
    hechos = sum(r.superado for r in resultados)
    lineas.append(f"Resultado: {hechos} de {len(resultados)} ejercicios superados.")
    return "\n".join(lineas)


# ---------------------------------------------------------------------------
# Intentos (para mostrar soluciones solo después de intentarlo)
# ---------------------------------------------------------------------------


def _archivo_estado() -> Path:
    variable = os.environ.get("CURSO_LLM_ESTADO")
    if variable:
        return Path(variable).expanduser()
    return Path.home() / ".cache" / "curso_llm" / "intentos.json"


def leer_intentos() -> dict[str, dict]:
    """Intentos registrados: ``{id: {"estado": ..., "pistas": [...]}}``."""
    ruta = _archivo_estado()
    try:
        return json.loads(ruta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def registrar_intentos(resultados) -> None:
    """Guarda el último resultado de cada ejercicio calificado (si no se puede, no pasa nada)."""
    intentos = leer_intentos()
    for r in resultados:
        intentos[r.ejercicio.id] = {"estado": r.estado, "pistas": r.pistas}
    ruta = _archivo_estado()
    try:
        ruta.parent.mkdir(parents=True, exist_ok=True)
        ruta.write_text(json.dumps(intentos, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError:
        pass


# ---------------------------------------------------------------------------
# API para cuadernos
# ---------------------------------------------------------------------------


def calificar(
    seleccion: str | int, funcion: Callable | None = None, *, mostrar: bool = True
) -> list[Resultado]:
    """Califica un ejercicio (``"4.2"``), un capítulo (``4``) o todo (``"todo"``).

    Si pasas ``funcion``, se califica esa función en lugar de la del archivo del ejercicio.
    Devuelve la lista de :class:`Resultado` e imprime una tabla (``mostrar=True``).
    """
    import pytest

    ejercicios = ejercicios_de(seleccion)
    if funcion is not None and len(ejercicios) != 1:
        raise ErrorEjercicio(
            "Para calificar tu propia función indica un solo ejercicio, p. ej. "
            "calificar('4.2', mi_funcion)."
        )
    rutas = [str(ruta_calificador(e)) for e in ejercicios]
    recolector = Recolector(ejercicios)
    argumentos = [*rutas, "-q", "--no-header", "-p", "no:cacheprovider", "-W", "ignore",
                  "--import-mode=importlib", "--rootdir", str(directorio_ejercicios())]
    salida = io.StringIO()
    contexto = (
        sustituyendo(ejercicios[0].id, funcion) if funcion is not None else contextlib.nullcontext()
    )
    with contexto, contextlib.redirect_stdout(salida), contextlib.redirect_stderr(salida):
        codigo = pytest.main(argumentos, plugins=[recolector])
    resultados = [recolector.resultados.get(e.id) or Resultado(e, "error") for e in ejercicios]
    for r in resultados:
        if r.total == 0 and not r.pistas:
            r.estado = "error"
            r.pistas.append(
                f"No se pudo ejecutar el calificador (código {int(codigo)}). Salida de pytest:\n"
                + salida.getvalue()[-1500:]
            )
    registrar_intentos(resultados)
    if mostrar:
        print(tabla(resultados))
    return resultados


def pista(id_ejercicio: str) -> str:
    """Muestra la pista del ejercicio y, si ya lo intentaste, lo que falló la última vez."""
    ejercicio = obtener(id_ejercicio)
    texto = f"Pista {ejercicio.id} ({ejercicio.titulo}): {ejercicio.pista}"
    intento = leer_intentos().get(ejercicio.id)
    if intento and intento.get("pistas"):
        texto += "\nEn tu último intento: " + intento["pistas"][0]
    print(texto)
    return texto


def solucion(id_ejercicio: str) -> str | None:
    """Muestra la solución de referencia, solo si ya calificaste el ejercicio al menos una vez."""
    ejercicio = obtener(id_ejercicio)
    if ejercicio.id not in leer_intentos():
        print(
            f"Primero inténtalo: califica el ejercicio {ejercicio.id} al menos una vez con "
            f"calificar('{ejercicio.id}', tu_funcion) o con pytest exercises/{ejercicio.carpeta}."
        )
        return None
    fuente = inspect.getsource(cargar_referencia(ejercicio))
    print(f"Solución de referencia del ejercicio {ejercicio.id} ({ejercicio.referencia}):\n")
    print(fuente)
    return fuente


def principal(argv: list[str] | None = None) -> int:
    """Punto de entrada de ``python -m curso_llm.calificar``."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help"):
        print("Uso: python -m curso_llm.calificar CAPITULO|EJERCICIO|todo   (p. ej. 4 o 4.2)")
        return 0 if argv else 2
    try:
        resultados = calificar(argv[0])
    except ErrorEjercicio as error:
        print(f"Error: {error}", file=sys.stderr)
        return 2
    return 0 if all(r.superado for r in resultados) else 1
