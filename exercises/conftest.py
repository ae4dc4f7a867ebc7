"""Configuración común de los calificadores de ``exercises/``.

Cada calificador recibe la función que se califica con el parámetro ``funcion``; su
ejercicio se deduce del nombre del archivo (el registro ``curso_llm/ejercicios/capNN.py`` es
la única declaración). Al terminar, pytest imprime una tabla en español con el estado de
cada ejercicio y sus pistas; las trazas de pytest, en inglés, solo con ``-v``.
"""

import pytest

from curso_llm.calificador import complemento


def pytest_configure(config):
    # Desde calificar() ya hay un recolector; desde la terminal lo registramos aquí.
    complemento.configurar(config)


@pytest.fixture
def funcion(request):
    """La función que se califica (la tuya), con un límite de tiempo por ejercicio."""
    return complemento.funcion_calificada(request)
