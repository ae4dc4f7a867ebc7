"""La API de los cuadernos: ``calificar``, ``pista`` y ``solucion``."""

from __future__ import annotations

import contextlib
import io
from typing import Callable

from curso_llm.calificador import limite
from curso_llm.calificador.complemento import Recolector, Resultado
from curso_llm.calificador.esencial import fuente_esencial
from curso_llm.calificador.intentos import leer_intentos, registrar_intentos
from curso_llm.calificador.localizar import (
    ErrorEjercicio,
    cargar_referencia,
    directorio_ejercicios,
    ejercicios_de,
    obtener,
    ruta_calificador,
    sustituyendo,
)
from curso_llm.calificador.tabla import tabla


def calificar(
    seleccion: str | int, funcion: Callable | None = None, *, mostrar: bool = True,
    registrar: bool = True,
) -> list[Resultado]:
    """Califica un ejercicio (``"4.2"``), un capítulo (``4``) o todo (``"todo"``).

    Si pasas ``funcion``, se califica esa función en lugar de la del archivo del ejercicio.
    Devuelve la lista de :class:`Resultado` e imprime una tabla (``mostrar=True``).
    Con ``registrar=False`` la calificación no cuenta como intento (los capítulos lo usan
    para sus demostraciones). Cada ejercicio tiene ``CURSO_LLM_LIMITE_S`` segundos (20 por
    defecto): un bucle infinito termina con un mensaje en la tabla.
    """
    import pytest

    ejercicios = ejercicios_de(seleccion)
    if funcion is not None and len(ejercicios) != 1:
        raise ErrorEjercicio(
            "Para calificar tu propia función indica un solo ejercicio, p. ej. "
            "calificar('4.2', mi_funcion)."
        )
    try:
        recolector = Recolector(ejercicios, registrar=False, limite_s=limite.limite_s())
    except ValueError as error:
        raise ErrorEjercicio(str(error)) from None
    rutas = [str(ruta_calificador(e)) for e in ejercicios]
    argumentos = [*rutas, "-q", "--no-header", "-p", "no:cacheprovider", "-W", "ignore",
                  # Sin él: su gc.collect() al cerrar costaba ~0.35 s por calificación.
                  "-p", "no:unraisableexception",
                  "--import-mode=importlib", "--rootdir", str(directorio_ejercicios())]
    salida = io.StringIO()
    contexto = (
        sustituyendo(ejercicios[0].id, funcion) if funcion is not None else contextlib.nullcontext()
    )
    with contexto, contextlib.redirect_stdout(salida), contextlib.redirect_stderr(salida):
        codigo = pytest.main(argumentos, plugins=[recolector])
    resultados = [recolector.resultados.get(e.id) or Resultado(e, "error") for e in ejercicios]
    for r in resultados:
        if r.total == 0 and not r.pistas:
            r.estado = "error"
            r.pistas.append(
                f"No se pudo ejecutar el calificador (código {int(codigo)}). Salida de pytest:\n"
                + salida.getvalue()[-1500:]
            )
    if registrar:
        registrar_intentos(resultados)
    if mostrar:
        print(tabla(resultados))
    return resultados


def pista(id_ejercicio: str) -> str:
    """Muestra la pista del ejercicio y, si ya lo intentaste, lo que falló la última vez."""
    ejercicio = obtener(id_ejercicio)
    texto = f"Pista {ejercicio.id} ({ejercicio.titulo}): {ejercicio.pista}"
    intento = leer_intentos().get(ejercicio.id)
    if intento and intento.get("pistas"):
        texto += "\nEn tu último intento: " + intento["pistas"][0]
    print(texto)
    return texto


def solucion(id_ejercicio: str) -> str | None:
    """Muestra las líneas esenciales de la solución de referencia, solo si ya intentaste el
    ejercicio (una calificación de tu propio código, no del esbozo sin tocar)."""
    ejercicio = obtener(id_ejercicio)
    if ejercicio.id not in leer_intentos():
        print(
            f"Primero inténtalo: escribe tu versión y califícala al menos una vez con "
            f"calificar('{ejercicio.id}', tu_funcion) o con pytest exercises/{ejercicio.carpeta}."
        )
        return None
    fuente = fuente_esencial(cargar_referencia(ejercicio))
    modulo = ejercicio.referencia.partition(":")[0]
    print(
        f"Solución de referencia del ejercicio {ejercicio.id} ({ejercicio.referencia}).\n"
        f"Sin docstring ni comprobaciones de argumentos; completa en el módulo {modulo}.\n"
    )
    print(fuente)
    return fuente
