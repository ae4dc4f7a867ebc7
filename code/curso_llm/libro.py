"""Utilidades para los cuadernos del libro.

``glue`` guarda un valor para citarlo en el texto con myst-nb (``{glue:text}`nombre:.2f```).
Fuera de la compilación del libro (Colab, Binder) myst-nb puede no estar instalado: entonces
``glue`` se limita a mostrar el valor, así el cuaderno funciona igual.
"""

from __future__ import annotations

from typing import Any


def _a_python(valor: Any) -> Any:
    """Convierte escalares de NumPy o tensores de un elemento en números de Python.

    Con NumPy 2, ``repr(np.float64(0.5))`` es ``'np.float64(0.5)'`` y myst-nb ya no puede
    aplicarle un formato como ``:.3f``; con un ``float`` de Python sí.
    """
    modulo = type(valor).__module__
    if (modulo.startswith("numpy") or modulo.startswith("torch")) and hasattr(valor, "item"):
        try:
            return valor.item()
        except (ValueError, RuntimeError):  # arreglos de más de un elemento
            return valor
    return valor


def glue(nombre: str, valor: Any, mostrar: bool = False) -> None:
    """Registra ``valor`` con el nombre ``nombre`` para el texto del libro.

    No devuelve nada: así, como última línea de una celda, no repite el valor en la salida.

    Los escalares de NumPy y PyTorch se convierten antes en números de Python para que el
    texto pueda darles formato (``{glue:text}`nombre:.3f```).

    Capítulo 1 (Matemáticas).
    """
    valor = _a_python(valor)
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
        return
    glue_myst(nombre, valor, display=mostrar)
