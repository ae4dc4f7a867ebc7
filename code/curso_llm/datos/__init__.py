"""Datos sintéticos, deterministas y en español para todo el curso.

- ``corpus_narrativo``: párrafos narrativos para preentrenar.
- ``mundo_clinico``, ``notas_clinicas``, ``preguntas_clinicas``: el mundo clínico
  **ficticio** (véase ``AVISO_FICTICIO``).
- ``lectura_comprensiva`` y ``formatear_lectura``: comprensión lectora a libro abierto
  sobre entidades inventadas.
"""

from .clinico import (
    AVISO_FICTICIO,
    Enfermedad,
    mundo_clinico,
    notas_clinicas,
    preguntas_clinicas,
    textos_mundo_clinico,
)
from .lectura import formatear_lectura, formatear_lectura_multiple, lectura_comprensiva
from .narrativo import corpus_narrativo

__all__ = [
    "AVISO_FICTICIO",
    "Enfermedad",
    "corpus_narrativo",
    "formatear_lectura",
    "formatear_lectura_multiple",
    "lectura_comprensiva",
    "mundo_clinico",
    "notas_clinicas",
    "preguntas_clinicas",
    "textos_mundo_clinico",
]
