"""Califica ejercicios desde una terminal: ``python -m curso_llm.calificar 4`` (o ``4.2``, ``todo``)."""

import sys

from curso_llm.calificador.cli import principal

if __name__ == "__main__":
    sys.exit(principal())
