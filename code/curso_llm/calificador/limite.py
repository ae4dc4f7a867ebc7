"""Límite de tiempo por calificación: un bucle infinito termina con una frase, no cuelga.

Cada ejercicio dispone de ``CURSO_LLM_LIMITE_S`` segundos (por defecto 20) para todas sus
pruebas juntas; ``0`` desactiva el límite. En el hilo principal de Linux y macOS (una
terminal o un cuaderno de Jupyter) se usa ``SIGALRM``, que corta también las esperas; en
otro hilo o en Windows, un hilo vigilante lanza la excepción en el hilo que califica, lo que
corta los bucles de Python (no una llamada larga dentro de C). La excepción hereda de
``BaseException``: un ``except Exception`` no la detiene; un bucle con ``except:`` o
``except BaseException:`` la atrapa siempre y solo se para interrumpiendo el núcleo.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import threading

VARIABLE = "CURSO_LLM_LIMITE_S"
POR_DEFECTO_S = 20.0
# Si el código atrapa la excepción y sigue, se vuelve a lanzar cada medio segundo.
REPETIR_S = 0.5


class TiempoAgotado(BaseException):
    """Se agotó el tiempo de la calificación (hereda de BaseException: ``except Exception``
    en el código de quien aprende no la detiene)."""

    segundos: float = POR_DEFECTO_S

    def __init__(self, segundos: float | None = None):
        if segundos is not None:
            self.segundos = segundos
        super().__init__(mensaje(self.segundos))


def mensaje(segundos: float) -> str:
    """La frase en español que ve quien aprende."""
    return (
        f"Tu función tardó más de {segundos:g} s: ¿un bucle infinito? Revisa que cada bucle "
        f"avance hasta su condición de salida (el límite se cambia con {VARIABLE})."
    )


def limite_s() -> float:
    """Segundos por calificación, de ``CURSO_LLM_LIMITE_S`` (``0`` = sin límite)."""
    texto = os.environ.get(VARIABLE, "").strip()
    if not texto:
        return POR_DEFECTO_S
    try:
        valor = float(texto)
    except ValueError:
        valor = float("nan")
    if not valor >= 0 or valor == float("inf"):
        raise ValueError(
            f"{VARIABLE} vale {texto!r}: escribe un número de segundos (p. ej. 30), 0 para "
            "calificar sin límite, o borra la variable."
        )
    return valor


@contextlib.contextmanager
def con_limite(segundos: float):
    """Lanza :class:`TiempoAgotado` en el bloque si tarda más de ``segundos`` (0: sin límite)."""
    if segundos <= 0:
        yield
        return
    en_principal = threading.current_thread() is threading.main_thread()
    if en_principal and hasattr(signal, "setitimer"):
        with _con_senal(segundos):
            yield
    else:
        with _con_vigilante(segundos):
            yield


@contextlib.contextmanager
def _con_senal(segundos: float):
    def agotado(_senal, _marco):
        raise TiempoAgotado(segundos)

    anterior = signal.signal(signal.SIGALRM, agotado)
    signal.setitimer(signal.ITIMER_REAL, segundos, REPETIR_S)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, anterior)


@contextlib.contextmanager
def _con_vigilante(segundos: float):
    """Alternativa sin señales: otro hilo programa la excepción en este hilo."""
    hilo = ctypes.c_ulong(threading.get_ident())
    excepcion = type("TiempoAgotado", (TiempoAgotado,), {"segundos": segundos})
    terminado = threading.Event()

    def vigilar():
        if terminado.wait(segundos):
            return
        while not terminado.is_set():
            ctypes.pythonapi.PyThreadState_SetAsyncExc(hilo, ctypes.py_object(excepcion))
            terminado.wait(REPETIR_S)

    vigilante = threading.Thread(target=vigilar, name="curso_llm_limite", daemon=True)
    vigilante.start()
    try:
        yield
    finally:
        terminado.set()
        vigilante.join()
        ctypes.pythonapi.PyThreadState_SetAsyncExc(hilo, None)  # anula una pendiente
