"""Presets de entrenamiento en la línea de órdenes: la forma que reutiliza cada etapa.

Cada punto de entrada de :mod:`curso_llm.entrenamiento` es una *dataclass* de
hiperparámetros con presets con nombre (p. ej. ``"curso"`` y ``"prueba"``), una función que
entrena y un ``main()`` que los une: ``--preset NOMBRE`` elige el preset y cada campo de la
dataclass es una opción (``--tamano-lote 4``) que lo sustituye.
"""

from __future__ import annotations

import argparse
import dataclasses

from ..comprobaciones import comprobar_opcion


def anadir_argumentos_preset(parser: argparse.ArgumentParser, presets: dict,
                             por_defecto: str) -> argparse.ArgumentParser:
    """Añade a ``parser`` la opción ``--preset`` y una opción por campo del preset.

    Las opciones de los campos valen ``None`` si no se dan (se usa el valor del preset).

    Capítulo 5 (Preentrenamiento).
    """
    comprobar_opcion(por_defecto, "por_defecto", presets)
    parser.add_argument("--preset", default=por_defecto, choices=sorted(presets),
                        help=f"hiperparámetros con nombre (por defecto, {por_defecto})")
    ejemplo = presets[por_defecto]
    for campo in dataclasses.fields(ejemplo):
        valor = getattr(ejemplo, campo.name)
        parser.add_argument("--" + campo.name.replace("_", "-"), dest=campo.name,
                            type=type(valor), default=None,
                            help=f"sustituye al valor del preset ({valor!r} en {por_defecto})")
    return parser


def preset_desde_argumentos(args: argparse.Namespace, presets: dict):
    """El preset elegido con ``--preset`` y las opciones dadas aplicadas encima.

    Capítulo 5 (Preentrenamiento).
    """
    base = presets[comprobar_opcion(args.preset, "preset", presets)]
    cambios = {campo.name: getattr(args, campo.name) for campo in dataclasses.fields(base)
               if getattr(args, campo.name, None) is not None}
    return dataclasses.replace(base, **cambios)
