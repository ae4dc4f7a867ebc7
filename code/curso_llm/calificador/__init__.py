"""Calificador de ejercicios: ejecuta los calificadores de pytest y muestra una tabla en español.

Tres formas de usarlo, todas con el mismo calificador de pytest por debajo:

- En un cuaderno, con tu propia función::

      from curso_llm.calificador import calificar, pista, solucion
      calificar("4.1", mi_softmax)

- En un cuaderno o terminal, con lo que hayas escrito en ``exercises/``::

      calificar("4.1")      # un ejercicio
      calificar(4)          # todo el capítulo 4

- En una terminal: ``pytest exercises/cap04_arquitectura`` (añade ``-v`` para ver las trazas
  de pytest) o ``python -m curso_llm.calificar 4``.

Cada ejercicio tiene un límite de tiempo (``CURSO_LLM_LIMITE_S``, 20 s por defecto). La
solución de referencia (``solucion("4.1")``) solo se muestra después de un intento de verdad.

Módulos: ``localizar`` (encontrar y cargar ejercicios), ``complemento`` (el complemento de
pytest), ``limite`` (el límite de tiempo), ``tabla`` (la tabla en español), ``intentos``
(qué cuenta como intento), ``esencial`` (lo que muestra ``solucion``), ``cuaderno`` (la API
de los cuadernos) y ``cli`` (la orden de terminal).
"""

from curso_llm.calificador.cli import principal
from curso_llm.calificador.complemento import NOMBRE_RECOLECTOR, Recolector, Resultado
from curso_llm.calificador.cuaderno import calificar, pista, solucion
from curso_llm.calificador.intentos import leer_intentos, registrar_intentos
from curso_llm.calificador.limite import TiempoAgotado
from curso_llm.calificador.localizar import (
    ErrorEjercicio,
    cargar_desde_archivo,
    cargar_referencia,
    directorio_ejercicios,
    ejercicio_de_calificador,
    ejercicios_de,
    funcion_del_alumno,
    obtener,
    ruta_calificador,
    ruta_ejercicio,
)
from curso_llm.calificador.tabla import ESTADOS, tabla

__all__ = [
    "ESTADOS", "NOMBRE_RECOLECTOR", "ErrorEjercicio", "Recolector", "Resultado", "TiempoAgotado",
    "calificar", "cargar_desde_archivo", "cargar_referencia", "directorio_ejercicios",
    "ejercicio_de_calificador", "ejercicios_de", "funcion_del_alumno", "leer_intentos",
    "obtener", "pista", "principal", "registrar_intentos", "ruta_calificador", "ruta_ejercicio",
    "solucion", "tabla",
]
