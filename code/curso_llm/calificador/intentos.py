"""Intentos: ``solucion("N.M")`` solo se muestra después de un intento de verdad.

Cuenta como intento una calificación del código de quien aprende que llegó a ejecutarlo:
alguna prueba superada o fallada por algo que no sea ``NotImplementedError``. No cuentan:

- el esbozo sin tocar (todas sus pruebas lanzan ``NotImplementedError``) ni un archivo que
  no se puede cargar;
- las demostraciones de los capítulos, que califican con ``registrar=False``;
- nada durante la compilación del libro (``_ext/curso_libro.py`` define ``CURSO_LLM_LIBRO=1``,
  que heredan los núcleos de los cuadernos).

Se guardan en ``~/.cache/curso_llm/intentos.json`` o en la ruta de ``CURSO_LLM_ESTADO``
(las pruebas del paquete la apuntan siempre a una carpeta temporal).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

VARIABLE_ESTADO = "CURSO_LLM_ESTADO"
VARIABLE_LIBRO = "CURSO_LLM_LIBRO"


def archivo_estado() -> Path:
    """Dónde se guardan los intentos."""
    variable = os.environ.get(VARIABLE_ESTADO)
    if variable:
        return Path(variable).expanduser()
    return Path.home() / ".cache" / "curso_llm" / "intentos.json"


def en_el_libro() -> bool:
    """¿Se está compilando el libro? Entonces nada cuenta como intento."""
    return os.environ.get(VARIABLE_LIBRO, "").strip() not in ("", "0")


def es_intento(resultado) -> bool:
    """¿Ejecutó esta calificación código escrito por quien aprende?"""
    if resultado.estado in ("superado", "falla"):
        return True
    return resultado.estado == "sin_hacer" and resultado.sin_implementar < resultado.total


def leer_intentos() -> dict[str, dict]:
    """Intentos registrados: ``{id: {"estado": ..., "pistas": [...]}}``."""
    try:
        return json.loads(archivo_estado().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def registrar_intentos(resultados) -> list[str]:
    """Guarda el último resultado de cada ejercicio intentado; devuelve sus ids.

    No guarda nada durante la compilación del libro; si no se puede escribir, no pasa nada.
    """
    nuevos = [r for r in resultados if es_intento(r)]
    if not nuevos or en_el_libro():
        return []
    intentos = leer_intentos()
    for r in nuevos:
        intentos[r.ejercicio.id] = {"estado": r.estado, "pistas": r.pistas}
    ruta = archivo_estado()
    try:
        ruta.parent.mkdir(parents=True, exist_ok=True)
        ruta.write_text(json.dumps(intentos, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError:
        return []
    return [r.ejercicio.id for r in nuevos]
