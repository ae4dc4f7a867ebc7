"""Registro de los ejercicios del curso.

Cada capítulo declara sus ejercicios en un módulo ``capNN.py`` de esta carpeta: su carpeta
de ``exercises/`` una vez (``CARPETA = "capNN_tema"``) y una lista ``EJERCICIOS`` de
:class:`Ejercicio`. Esa entrada es la única declaración de un ejercicio: su calificador
(``test_`` + ``archivo``) lo encuentra por su nombre de archivo. El calificador los descubre
todos; así, añadir un capítulo no obliga a tocar ningún archivo compartido.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from dataclasses import dataclass


@dataclass(frozen=True)
class Ejercicio:
    """Un ejercicio calificable.

    - ``id``: número "capítulo.ejercicio", p. ej. ``"4.2"``.
    - ``archivo``: archivo que edita quien aprende, p. ej. ``"ej02_atencion_causal.py"``;
      su calificador es ``test_`` + ``archivo`` en la misma carpeta.
    - ``funcion``: nombre de la función que se califica dentro de ``archivo``.
    - ``referencia``: solución de referencia, ``"modulo:funcion"`` dentro de ``curso_llm``.
    - ``pista``: una pista general en español, que no regala la solución.
    - ``carpeta``: carpeta dentro de ``exercises/``, p. ej. ``"cap04_arquitectura"``; no se
      escribe en cada ejercicio: la pone :func:`todos` a partir del ``CARPETA`` del capítulo.
    """

    id: str
    titulo: str
    archivo: str
    funcion: str
    referencia: str
    pista: str
    carpeta: str = ""

    @property
    def capitulo(self) -> int:
        return int(self.id.split(".")[0])

    @property
    def archivo_prueba(self) -> str:
        return "test_" + self.archivo


def todos() -> dict[str, Ejercicio]:
    """Todos los ejercicios registrados, por id, en orden de capítulo y número."""
    ejercicios: list[Ejercicio] = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("cap"):
            modulo = importlib.import_module(f"{__name__}.{info.name}")
            carpeta = getattr(modulo, "CARPETA", "")
            ejercicios.extend(e if e.carpeta else dataclasses.replace(e, carpeta=carpeta)
                              for e in getattr(modulo, "EJERCICIOS", []))
    ejercicios.sort(key=lambda e: tuple(int(p) for p in e.id.split(".")))
    registro: dict[str, Ejercicio] = {}
    for ejercicio in ejercicios:
        if ejercicio.id in registro:
            raise RuntimeError(f"El ejercicio {ejercicio.id} está registrado dos veces.")
        registro[ejercicio.id] = ejercicio
    return registro
