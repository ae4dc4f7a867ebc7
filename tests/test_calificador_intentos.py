"""``solucion("N.M")`` solo tras un intento de verdad: ni el esbozo sin tocar, ni las
demostraciones de los capítulos, ni la compilación del libro, ni las pruebas en tu carpeta."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from curso_llm import calificador
from curso_llm.calificador import intentos
from curso_llm.calificador.complemento import Resultado

ID = "1.1"
RAIZ = Path(__file__).resolve().parents[1]


def _softmax_por_columnas(x, eje=-1):
    e = np.exp(x)
    return e / e.sum(axis=0, keepdims=True)


def test_el_esbozo_sin_tocar_no_es_un_intento(capsys):
    (resultado,) = calificador.calificar(ID, mostrar=False)
    assert resultado.estado == "sin_hacer" and resultado.sin_implementar == resultado.total
    assert calificador.leer_intentos() == {}
    assert calificador.solucion(ID) is None
    assert "Primero inténtalo" in capsys.readouterr().out


def test_tu_funcion_si_es_un_intento():
    (resultado,) = calificador.calificar(ID, _softmax_por_columnas, mostrar=False)
    assert resultado.estado == "falla"
    assert calificador.leer_intentos()[ID]["estado"] == "falla"
    assert "def softmax_estable" in calificador.solucion(ID)


def test_una_demostracion_con_registrar_false_no_cuenta():
    calificador.calificar(ID, _softmax_por_columnas, mostrar=False, registrar=False)
    assert calificador.leer_intentos() == {}
    assert calificador.solucion(ID) is None


def test_durante_el_libro_nada_cuenta(monkeypatch):
    monkeypatch.setenv(intentos.VARIABLE_LIBRO, "1")
    calificador.calificar(ID, _softmax_por_columnas, mostrar=False)
    assert calificador.leer_intentos() == {}
    monkeypatch.setenv(intentos.VARIABLE_LIBRO, "0")
    calificador.calificar(ID, _softmax_por_columnas, mostrar=False)
    assert ID in calificador.leer_intentos()


@pytest.mark.parametrize(
    "estado, sin_implementar, total, cuenta",
    [
        ("superado", 0, 3, True),
        ("falla", 0, 3, True),
        ("sin_hacer", 3, 3, False),  # el esbozo sin tocar
        ("sin_hacer", 1, 3, True),  # lo empezaste: una parte aún lanza NotImplementedError
        ("error", 0, 1, False),  # el archivo no se pudo cargar
    ],
)
def test_que_cuenta_como_intento(estado, sin_implementar, total, cuenta):
    resultado = Resultado(calificador.obtener(ID), estado, total=total,
                          sin_implementar=sin_implementar)
    assert intentos.es_intento(resultado) is cuenta
    assert intentos.registrar_intentos([resultado]) == ([ID] if cuenta else [])


def test_las_pruebas_nunca_escriben_en_tu_carpeta_personal(tmp_path):
    casa = Path.home() / ".cache" / "curso_llm"
    assert not intentos.archivo_estado().resolve().is_relative_to(casa.resolve())
    # Tampoco un subproceso (hereda CURSO_LLM_ESTADO, que conftest fija al cargarse).
    proceso = subprocess.run(
        [sys.executable, "-c",
         "from curso_llm.calificador.intentos import archivo_estado; print(archivo_estado())"],
        capture_output=True, text=True, check=True, env=dict(os.environ),
    )
    assert not Path(proceso.stdout.strip()).resolve().is_relative_to(casa.resolve())


def test_la_terminal_registra_tu_intento_y_no_el_esbozo(tmp_path):
    ejercicio = calificador.obtener(ID)
    ruta = f"{ejercicio.carpeta}/{ejercicio.archivo_prueba}"
    estado = tmp_path / "intentos_terminal.json"
    entorno = {**os.environ, "CURSO_LLM_ESTADO": str(estado)}
    subprocess.run([sys.executable, "-m", "pytest", ruta], cwd=calificador.directorio_ejercicios(),
                   capture_output=True, text=True, env=entorno, timeout=120)
    assert not estado.exists(), "calificar el esbozo sin tocar no es un intento"


def test_un_capitulo_del_libro_no_desbloquea_la_solucion(tmp_path, monkeypatch):
    """02_entrenamiento califica la demostración ``adam_sin_correccion`` (2.4) y el esbozo:
    ejecutado con una carpeta personal nueva, ``solucion("2.4")`` sigue sin mostrarse."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    casa = tmp_path / "casa"
    casa.mkdir()
    monkeypatch.setenv("HOME", str(casa))
    monkeypatch.delenv("CURSO_LLM_ESTADO")  # como quien aprende: los intentos van a HOME
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        [str(RAIZ / "code"), *filter(None, [os.environ.get("PYTHONPATH")])]))
    cuaderno = RAIZ / "book" / "02_redes_neuronales" / "02_entrenamiento.ipynb"
    nb = nbformat.read(cuaderno, as_version=4)
    assert any('calificar("2.4", adam_sin_correccion' in "".join(c.source) for c in nb.cells)
    cliente = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                      resources={"metadata": {"path": str(cuaderno.parent)}})
    cliente.execute()
    salidas = "".join(str(s.get("text", "")) for c in nb.cells if c.cell_type == "code"
                      for s in c.get("outputs", []))
    assert "2.4 Un paso de Adam" in salidas, "el cuaderno debía calificar 2.4"
    proceso = subprocess.run(
        [sys.executable, "-c",
         "from curso_llm.calificador import solucion; print('REFERENCIA' if solucion('2.4') "
         "else 'OCULTA')"],
        capture_output=True, text=True, check=True, env=dict(os.environ),
    )
    assert proceso.stdout.strip().endswith("OCULTA"), proceso.stdout
    assert not (casa / ".cache" / "curso_llm" / "intentos.json").exists()


def test_la_extension_del_libro_marca_la_compilacion(monkeypatch, tmp_path):
    """``_ext/curso_libro.py`` define CURSO_LLM_LIBRO=1 al configurarse (lo heredan los núcleos)."""
    import importlib.util
    from types import SimpleNamespace

    pytest.importorskip("sphinx")
    monkeypatch.setenv(intentos.VARIABLE_LIBRO, "0")  # monkeypatch lo restaura al terminar
    monkeypatch.delenv("CURSO_LLM_EJECUCION", raising=False)
    spec = importlib.util.spec_from_file_location("_curso_libro", RAIZ / "_ext" / "curso_libro.py")
    extension = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(extension)
    monkeypatch.setenv("CURSO_LLM_ESTADO", "/ruta/de/quien/compila.json")  # se restaura al final
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.delenv("CURSO_LLM_CACHE", raising=False)  # se restaura al final
    config = SimpleNamespace(bibtex_bibfiles=[], mathjax_path=None, nb_execution_mode="cache")
    salida = tmp_path / "_build" / "html"
    extension._configurar(SimpleNamespace(srcdir=str(RAIZ), outdir=str(salida)), config)
    # Los artefactos entrenados van a una caché de la compilación, no a la de quien compila...
    assert Path(os.environ["CURSO_LLM_CACHE"]) == salida.parent / "cache_artefactos"
    # ...salvo que la variable ya diga otra carpeta.
    monkeypatch.setenv("CURSO_LLM_CACHE", str(tmp_path / "compartida"))
    extension._configurar(SimpleNamespace(srcdir=str(RAIZ), outdir=str(salida)), config)
    assert os.environ["CURSO_LLM_CACHE"] == str(tmp_path / "compartida")
    assert intentos.en_el_libro()
    # pista()/solucion() leen un estado de la compilación, no el de quien compila...
    assert Path(os.environ["CURSO_LLM_ESTADO"]).parent == salida.parent
    # ...y los núcleos dibujan las figuras con su backend (con Agg, glue las guardaría como texto).
    assert "MPLBACKEND" not in os.environ
