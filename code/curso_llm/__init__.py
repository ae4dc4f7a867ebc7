"""curso_llm: el paquete del Curso LLM en español.

Cada módulo corresponde a una parte del curso; los capítulos del libro lo importan
(``from curso_llm import entorno``) y los ejercicios se califican con
``curso_llm.calificador``.
"""

__version__ = "0.2.0"
