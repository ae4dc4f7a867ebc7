"""La orden de terminal: ``python -m curso_llm.calificar 4`` (o ``4.2``, ``todo``)."""

from __future__ import annotations

import sys

from curso_llm.calificador.cuaderno import calificar
from curso_llm.calificador.localizar import ErrorEjercicio


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
