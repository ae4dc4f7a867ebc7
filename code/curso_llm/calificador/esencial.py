"""Las líneas esenciales de una solución de referencia, para ``solucion("N.M")``.

Se quitan el docstring, las comprobaciones de argumentos (``if ...: raise ...``) y las
llamadas a los ayudantes de comprobación (``comprobar_*``), con los comentarios que las
encabezan; se conservan la firma, el resto del cuerpo y sus comentarios.
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from typing import Callable

_AYUDANTE = re.compile(r"_*(comprobar|validar)\w*")
_SIMPLES = (ast.Expr, ast.Assign, ast.AnnAssign, ast.AugAssign)
# Ayudantes que convierten el valor (a un arreglo float64, a etiquetas enteras...): su
# asignación es parte de la solución.
_CONVIERTEN = {"comprobar_arreglo", "comprobar_distribucion", "comprobar_etiquetas"}


def _solo_lanza(nodo: ast.If) -> bool:
    """``if ...: raise ...`` (con ``elif``/``else`` que también solo lanzan)."""
    if not all(isinstance(s, ast.Raise) for s in nodo.body):
        return False
    resto = nodo.orelse
    if len(resto) == 1 and isinstance(resto[0], ast.If):
        return _solo_lanza(resto[0])
    return all(isinstance(s, ast.Raise) for s in resto)


def _llama_ayudante(nodo: ast.stmt) -> bool:
    """Una llamada suelta a un ayudante de comprobación (``comprobar_x(...)`` o
    ``y = comprobar_x(y, ...)``). Si el valor se transforma además (``.copy()``, otra
    llamada alrededor) o el ayudante convierte el tipo (``comprobar_arreglo``...), la línea
    es parte del cálculo y se muestra."""
    if not isinstance(nodo, _SIMPLES):
        return False
    valores = nodo.value.elts if isinstance(nodo.value, ast.Tuple) else [nodo.value]
    return all(_es_ayudante(v) for v in valores)


def _es_ayudante(valor: ast.expr) -> bool:
    if not isinstance(valor, ast.Call):
        return False
    func = valor.func
    nombre = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
    return bool(_AYUDANTE.fullmatch(nombre)) and nombre not in _CONVIERTEN


def _es_comprobacion(nodo: ast.stmt) -> bool:
    if isinstance(nodo, ast.If):
        return _solo_lanza(nodo)
    if isinstance(nodo, ast.For) and not nodo.orelse:
        return all(_es_comprobacion(s) for s in nodo.body)
    return _llama_ayudante(nodo)


def _bloques(nodo: ast.stmt) -> list[list[ast.stmt]]:
    bloques = [getattr(nodo, n, None) for n in ("body", "orelse", "finalbody")]
    bloques += [h.body for h in getattr(nodo, "handlers", [])]
    return [b for b in bloques if isinstance(b, list) and b and isinstance(b[0], ast.stmt)]


def _a_quitar(bloque: list[ast.stmt]) -> list[ast.stmt]:
    """Comprobaciones de ``bloque`` y de sus bloques interiores (sin vaciar ninguno)."""
    fuera = [s for s in bloque if _es_comprobacion(s)]
    if len(fuera) == len(bloque):
        fuera = []
    for s in bloque:
        if s not in fuera:
            for interior in _bloques(s):
                fuera += _a_quitar(interior)
    return fuera


def fuente_esencial(funcion: Callable) -> str:
    """Firma y cuerpo esencial de ``funcion`` (su código completo si no hay nada que quitar)."""
    fuente = textwrap.dedent(inspect.getsource(funcion))
    definicion = ast.parse(fuente).body[0]
    if not isinstance(definicion, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return fuente
    lineas = fuente.splitlines()
    quitar: set[int] = set()  # números de línea (desde 1)
    cuerpo = definicion.body
    primero = cuerpo[0]
    if isinstance(primero, ast.Expr) and isinstance(getattr(primero.value, "value", None), str):
        quitar.update(range(primero.lineno, primero.end_lineno + 1))
        cuerpo = cuerpo[1:]
    if not cuerpo:
        return fuente
    fuera = _a_quitar(cuerpo)
    primera = next(s for s in cuerpo if s not in fuera).lineno
    for nodo in fuera:
        quitar.update(range(nodo.lineno, nodo.end_lineno + 1))
        anterior = nodo.lineno - 1  # los comentarios que encabezan la comprobación
        while anterior > definicion.lineno and lineas[anterior - 1].strip().startswith("#"):
            quitar.add(anterior)
            anterior -= 1
    if len(quitar) == 0:
        return fuente
    esencial: list[str] = []
    for numero, linea in enumerate(lineas, start=1):
        if numero in quitar:
            continue
        if not linea.strip() and (not esencial or not esencial[-1].strip()
                                  or numero < primera):
            continue  # sin líneas en blanco repetidas ni tras la firma
        esencial.append(linea)
    return "\n".join(esencial).rstrip() + "\n"
