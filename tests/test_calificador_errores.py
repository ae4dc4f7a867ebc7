"""Errores claros en español cuando el ejercicio no se puede cargar o la llamada es incorrecta."""

import shutil
import subprocess
import sys

import pytest

from curso_llm import calificador
from curso_llm.calificador import ErrorEjercicio
from curso_llm.calificador.tabla import ancho

ID = "1.1"


@pytest.fixture
def copia_de_ejercicios(tmp_path, monkeypatch):
    """Una copia de exercises/ en la que se puede romper un archivo sin tocar el repositorio."""
    destino = tmp_path / "exercises"
    shutil.copytree(calificador.directorio_ejercicios(), destino)
    monkeypatch.setenv("CURSO_LLM_EJERCICIOS", str(destino))
    return destino


def test_error_de_sintaxis_da_un_mensaje_claro(copia_de_ejercicios):
    ejercicio = calificador.obtener(ID)
    ruta = copia_de_ejercicios / ejercicio.carpeta / ejercicio.archivo
    ruta.write_text(ruta.read_text(encoding="utf-8") + "\ndef roto(:\n    pass\n", encoding="utf-8")
    with pytest.raises(ErrorEjercicio, match=r"error de sintaxis en la línea \d+"):
        calificador.funcion_del_alumno(ID)
    (resultado,) = calificador.calificar(ID, mostrar=False)
    assert resultado.estado == "error"
    assert "error de sintaxis" in resultado.pistas[0]
    assert ejercicio.archivo in resultado.pistas[0]


def test_funcion_renombrada(copia_de_ejercicios):
    ejercicio = calificador.obtener(ID)
    ruta = copia_de_ejercicios / ejercicio.carpeta / ejercicio.archivo
    ruta.write_text(ruta.read_text(encoding="utf-8").replace(ejercicio.funcion, "otra"),
                    encoding="utf-8")
    with pytest.raises(ErrorEjercicio, match="no define la función"):
        calificador.funcion_del_alumno(ID)


def test_error_al_importar(copia_de_ejercicios):
    ejercicio = calificador.obtener(ID)
    ruta = copia_de_ejercicios / ejercicio.carpeta / ejercicio.archivo
    ruta.write_text("import modulo_que_no_existe\n" + ruta.read_text(encoding="utf-8"),
                    encoding="utf-8")
    with pytest.raises(ErrorEjercicio, match="Al importar .* ModuleNotFoundError"):
        calificador.funcion_del_alumno(ID)


def test_ejercicio_inexistente():
    with pytest.raises(ErrorEjercicio, match="No existe el ejercicio '99.9'.*disponibles"):
        calificador.calificar("99.9")


def test_capitulo_sin_ejercicios_y_seleccion_rara():
    with pytest.raises(ErrorEjercicio, match="no tiene ejercicios"):
        calificador.calificar(99)
    with pytest.raises(ErrorEjercicio, match="No entiendo"):
        calificador.calificar("cuatro")


def test_no_es_una_funcion():
    with pytest.raises(ErrorEjercicio, match="espera una función"):
        calificador.calificar(ID, 3)


def test_funcion_que_lanza_excepcion_da_pista():
    def rota(x, eje=-1):
        raise ValueError("me equivoqué")

    (resultado,) = calificador.calificar(ID, rota, mostrar=False)
    assert resultado.estado == "falla"
    assert "ValueError" in resultado.pistas[0]


def test_linea_de_comandos(tmp_path):
    proceso = subprocess.run(
        [sys.executable, "-m", "curso_llm.calificar", ID], capture_output=True, text=True,
        env={**__import__("os").environ, "CURSO_LLM_ESTADO": str(tmp_path / "e.json")},
    )
    assert proceso.returncode == 1
    assert "sin hacer" in proceso.stdout
    assert "Resultado: 0 de 1" in proceso.stdout


def test_solo_lo_que_lanza_tu_funcion_es_tu_funcion_lanzo():
    def rota(x, eje=-1):
        raise ValueError("me equivoqué")

    def devuelve_texto(x, eje=-1):
        return "hola"

    (resultado,) = calificador.calificar(ID, rota, mostrar=False)
    assert resultado.pistas == ["Tu función lanzó ValueError: me equivoqué"]
    (resultado,) = calificador.calificar(ID, devuelve_texto, mostrar=False)
    assert resultado.estado == "falla"
    assert not any(p.startswith("Tu función lanzó") for p in resultado.pistas)
    assert any(p.startswith("Lo que devolvió tu función no se pudo comprobar") for p in
               resultado.pistas), resultado.pistas


def test_la_tabla_muestra_todas_las_pistas_enteras():
    ejercicio = calificador.obtener("2.4")
    larga = "Pista: " + " ".join(f"palabra{n}" for n in range(60)) + " fin."
    resultado = calificador.Resultado(ejercicio, "falla", 1, 4, [larga, "Pista: otra cosa."])
    texto = calificador.tabla([resultado])
    lineas = texto.splitlines()
    assert max(len(linea) for linea in lineas) <= 100
    columna = lineas[0].index("Pista")
    primera, *resto = [linea for linea in lineas[2:-1] if linea.strip()]
    # Alineadas bajo la columna «Pista» (en pantalla: el emoji del estado ocupa dos).
    inicio = primera.index("1) ")
    assert ancho(primera[:inicio]) == columna
    assert all(linea[columna - 2:columna] == "  " and linea[columna] != " " for linea in resto)
    # Todas las palabras de las dos pistas, en orden, sin «...».
    pistas = " ".join([primera[inicio:]] + [linea[columna:] for linea in resto])
    assert "1) " + larga.removeprefix("Pista: ").capitalize() in pistas
    assert "2) Otra cosa." in pistas
    assert "..." not in texto


def test_terminal_sin_trazas_en_ingles_salvo_con_v():
    ejercicio = calificador.obtener(ID)
    ruta = f"{ejercicio.carpeta}/{ejercicio.archivo_prueba}"
    carpeta = calificador.directorio_ejercicios()

    def pytest_en_terminal(*opciones):
        return subprocess.run([sys.executable, "-m", "pytest", ruta, *opciones], cwd=carpeta,
                              capture_output=True, text=True, timeout=120).stdout

    breve = pytest_en_terminal()
    assert "⏳ sin hacer" in breve and "Resultado: 0 de 1" in breve
    assert "E   NotImplementedError" not in breve and "def test_" not in breve
    detallada = pytest_en_terminal("-v")
    assert "E   NotImplementedError" in detallada and "⏳ sin hacer" in detallada


def test_la_tabla_no_pone_mayuscula_a_un_identificador():
    """«Pista: grad_b debe...» se muestra «grad_b debe...», no «Grad_b debe...»."""
    from curso_llm.calificador.tabla import _sin_prefijo

    assert _sin_prefijo("Pista: la forma no coincide.") == "La forma no coincide."
    assert _sin_prefijo("Pista: grad_b debe tener la forma de b.") == (
        "grad_b debe tener la forma de b.")
    assert _sin_prefijo("Pista: x es de enteros.") == "x es de enteros."
    assert _sin_prefijo("Pista: np.exp desborda.") == "np.exp desborda."
