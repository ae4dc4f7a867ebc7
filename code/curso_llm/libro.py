"""Utilidades para los cuadernos del libro.

``glue`` guarda un valor para citarlo en el texto con myst-nb (``{glue:text}`nombre:.2f```).
Fuera de la compilación del libro (Colab, Binder) myst-nb puede no estar instalado: entonces
``glue`` se limita a mostrar el valor, así el cuaderno funciona igual.
"""

from __future__ import annotations

from typing import Any


def glue(nombre: str, valor: Any, mostrar: bool = False) -> Any:
    """Registra ``valor`` con el nombre ``nombre`` para el texto del libro y lo devuelve."""
    try:
        from myst_nb import glue as glue_myst
    except ImportError:  # Colab/Binder sin myst-nb
        if mostrar:
            try:
                from IPython.display import display
            except ImportError:
                print(valor)
            else:
                display(valor)
        return valor
    glue_myst(nombre, valor, display=mostrar)
    return valor
