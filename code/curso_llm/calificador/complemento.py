"""El complemento de pytest: da a cada calificador su función, limita el tiempo y recoge
los resultados por ejercicio.

``exercises/conftest.py`` solo llama a :func:`configurar` y a :func:`funcion_calificada`.
"""

from __future__ import annotations

import functools
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from curso_llm.calificador import limite
from curso_llm.calificador.localizar import (
    ErrorEjercicio,
    ejercicio_de_calificador,
    funcion_del_alumno,
)
from curso_llm.ejercicios import Ejercicio, todos

NOMBRE_RECOLECTOR = "curso_llm_recolector"
_MARCA = "_curso_llm_en_tu_funcion"
_PRIORIDAD = ["superado", "falla", "sin_hacer", "error"]


@dataclass
class Resultado:
    """Resultado de calificar un ejercicio."""

    ejercicio: Ejercicio
    estado: str = "superado"  # superado | falla | sin_hacer | error
    superadas: int = 0
    total: int = 0
    pistas: list[str] = field(default_factory=list)
    sin_implementar: int = 0  # pruebas que acabaron en NotImplementedError

    @property
    def superado(self) -> bool:
        return self.estado == "superado" and self.total > 0


# ---------------------------------------------------------------------------
# La función que se califica
# ---------------------------------------------------------------------------


def envolver(funcion):
    """``funcion`` con sus excepciones marcadas: así se distingue «tu función lanzó...» de un
    fallo del calificador al comprobar lo que devolvió."""

    @functools.wraps(funcion)
    def envuelta(*args, **kwargs):
        __tracebackhide__ = True
        try:
            return funcion(*args, **kwargs)
        except BaseException as error:
            try:
                setattr(error, _MARCA, True)
            except (AttributeError, TypeError):
                pass
            raise

    return envuelta


def funcion_calificada(request):
    """Valor del parámetro ``funcion`` de los calificadores (ver ``exercises/conftest.py``)."""
    try:
        ejercicio = ejercicio_de_calificador(request.path)
        return envolver(funcion_del_alumno(ejercicio.id))
    except ErrorEjercicio as error:
        pytest.fail(f"⚠️ {error}", pytrace=False)


# ---------------------------------------------------------------------------
# Clasificar un fallo: (estado, pista en español)
# ---------------------------------------------------------------------------


def _una_linea(error: BaseException, maximo: int = 300) -> str:
    texto = " ".join(str(error).split())
    return texto if len(texto) <= maximo else texto[: maximo - 1] + "…"


def _pista_de_assert(error: AssertionError) -> str:
    """El mensaje del ``assert`` sin la explicación que añade pytest (``assert ...``)."""
    lineas = []
    for linea in str(error).splitlines():
        if linea.startswith("assert ") or linea == "assert":
            break
        lineas.append(linea.strip())
    return " ".join(x for x in lineas if x) or "Una comprobación falló."


def clasificar(error: BaseException) -> tuple[str, str]:
    """(estado, pista) de la excepción con la que terminó una prueba."""
    if isinstance(error, limite.TiempoAgotado):
        return "falla", str(error)
    if isinstance(error, NotImplementedError):
        return "sin_hacer", _una_linea(error) or "La función aún lanza NotImplementedError."
    if isinstance(error, pytest.fail.Exception):
        texto = str(error.msg)
        return ("error" if texto.startswith("⚠️") else "falla"), texto.removeprefix("⚠️ ")
    if getattr(error, _MARCA, False):
        return "falla", f"Tu función lanzó {type(error).__name__}: {_una_linea(error)}"
    if isinstance(error, AssertionError):
        return "falla", _pista_de_assert(error)
    return "falla", (
        f"Lo que devolvió tu función no se pudo comprobar ({type(error).__name__}: "
        f"{_una_linea(error)}). ¿Devuelves el tipo y la forma que pide el enunciado?"
    )


# ---------------------------------------------------------------------------
# El complemento
# ---------------------------------------------------------------------------


class Recolector:
    """Complemento de pytest que agrupa los resultados de las pruebas por ejercicio y limita
    el tiempo de cada ejercicio a ``limite_s`` segundos (todas sus pruebas juntas)."""

    def __init__(self, ejercicios: list[Ejercicio] | None = None, *, registrar: bool = True,
                 limite_s: float | None = None):
        elegidos = ejercicios or todos().values()
        self._por_archivo = {(e.carpeta, e.archivo_prueba): e for e in elegidos}
        self.registrar = registrar
        self.limite_s = limite.limite_s() if limite_s is None else limite_s
        self._gastado: dict[str, float] = {}
        self.resultados: dict[str, Resultado] = {}

    def _ejercicio(self, ruta: str | Path) -> Ejercicio | None:
        ruta = Path(ruta)
        return self._por_archivo.get((ruta.parent.name, ruta.name))

    def _con_limite(self, item):
        """Generador de las dos envolturas: arma el reloj con lo que le queda al ejercicio."""
        ejercicio = self._ejercicio(item.path)
        clave = ejercicio.id if ejercicio else str(item.path)
        if self.limite_s <= 0:
            return (yield)
        restante = self.limite_s - self._gastado.get(clave, 0.0)
        if restante <= 0:
            raise limite.TiempoAgotado(self.limite_s)
        inicio = time.monotonic()
        try:
            with limite.con_limite(restante):
                resultado = yield
        except limite.TiempoAgotado:
            raise limite.TiempoAgotado(self.limite_s) from None
        finally:
            self._gastado[clave] = self._gastado.get(clave, 0.0) + time.monotonic() - inicio
        return resultado

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_setup(self, item):
        return (yield from self._con_limite(item))

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item):
        return (yield from self._con_limite(item))

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item, call):
        report = yield
        if report.failed and call.excinfo is not None:
            report.user_properties.append(("curso_llm", clasificar(call.excinfo.value)))
        return report

    def pytest_runtest_logreport(self, report):
        if report.when != "call" and not report.failed:
            return
        ejercicio = self._ejercicio(report.nodeid.split("::")[0])
        if ejercicio is None:
            return
        resultado = self.resultados.setdefault(ejercicio.id, Resultado(ejercicio))
        resultado.total += 1
        if report.passed:
            resultado.superadas += 1
        elif report.failed:
            estado, pista = dict(report.user_properties).get(
                "curso_llm", ("falla", _resumen_de_informe(report))
            )
            resultado.sin_implementar += estado == "sin_hacer"
            if _PRIORIDAD.index(estado) > _PRIORIDAD.index(resultado.estado):
                resultado.estado = estado
            if pista not in resultado.pistas:
                resultado.pistas.append(pista)

    def pytest_terminal_summary(self, terminalreporter):
        from curso_llm.calificador.intentos import registrar_intentos
        from curso_llm.calificador.tabla import tabla

        if self.resultados:
            terminalreporter.write_line("")
            terminalreporter.write_line(tabla(list(self.resultados.values())))
            if self.registrar:
                registrar_intentos(self.resultados.values())


def _resumen_de_informe(report) -> str:
    crash = getattr(report.longrepr, "reprcrash", None)
    return (crash.message if crash is not None else str(report.longrepr)).splitlines()[0]


def _pide_detalle(config) -> bool:
    """¿Pidió quien ejecuta pytest más detalle (``-v``) o un formato de traza (``--tb``)?"""
    argumentos = [str(a) for a in config.invocation_params.args]
    return any(re.fullmatch(r"-v+|--verbose|--tb(=.*)?|--full-trace", a) for a in argumentos)


def configurar(config) -> None:
    """``pytest_configure`` de ``exercises/``: en una terminal, registra el recolector y deja
    solo la tabla en español (las trazas en inglés, con ``-v``)."""
    if any(isinstance(p, Recolector) for p in config.pluginmanager.get_plugins()):
        return  # calificar() ya trae el suyo
    try:
        recolector = Recolector()
    except ValueError as error:
        raise pytest.UsageError(str(error)) from None
    config.pluginmanager.register(recolector, NOMBRE_RECOLECTOR)
    if not _pide_detalle(config):
        config.option.tbstyle = "no"
