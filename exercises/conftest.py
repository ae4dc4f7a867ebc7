"""Configuración común de los calificadores de ``exercises/``.

Cada calificador declara ``EJERCICIO = "N.M"`` y recibe la función que se califica con el
parámetro ``funcion``. Al terminar, pytest imprime una tabla en español con el estado de
cada ejercicio y una pista para cada fallo.
"""

import pytest

from curso_llm.calificador import NOMBRE_RECOLECTOR, ErrorEjercicio, Recolector, funcion_del_alumno


def pytest_configure(config):
    # Desde calificar() ya hay un recolector; desde la terminal lo registramos aquí.
    if not any(isinstance(p, Recolector) for p in config.pluginmanager.get_plugins()):
        config.pluginmanager.register(Recolector(), NOMBRE_RECOLECTOR)


@pytest.fixture
def funcion(request):
    """La función del ejercicio ``EJERCICIO`` del módulo del calificador."""
    try:
        return funcion_del_alumno(request.module.EJERCICIO)
    except ErrorEjercicio as error:
        pytest.fail(f"⚠️ {error}", pytrace=False)
