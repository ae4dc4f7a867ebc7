"""Límite de tiempo por calificación: un bucle infinito termina con una frase en español."""

import os
import shutil
import subprocess
import sys
import threading
import time

import pytest

from curso_llm import calificador
from curso_llm.calificador import limite

ID = "1.1"  # tres pruebas: con un límite por prueba, el bucle tardaría el triple


def _bucle(x, eje=-1):
    while True:
        pass


def _bucle_que_atrapa_errores(x, eje=-1):
    while True:
        try:
            while True:
                pass
        except Exception:  # noqa: BLE001 - quien aprende a veces lo escribe así
            pass


def test_bucle_infinito_termina_con_el_limite_por_defecto(monkeypatch):
    monkeypatch.delenv(limite.VARIABLE, raising=False)
    inicio = time.monotonic()
    (resultado,) = calificador.calificar(ID, _bucle, mostrar=False)
    segundos = time.monotonic() - inicio
    print(f"Bucle infinito calificado en {segundos:.1f} s (límite {limite.POR_DEFECTO_S:g} s)")
    assert segundos < 60
    # El límite es de toda la calificación, no de cada prueba.
    assert segundos < limite.POR_DEFECTO_S + 10
    assert resultado.estado == "falla" and resultado.superadas == 0
    assert resultado.pistas == [limite.mensaje(limite.POR_DEFECTO_S)]
    assert "Tu función tardó más de 20 s: ¿un bucle infinito?" in resultado.pistas[0]
    assert "Tu función tardó" in calificador.tabla([resultado])


def test_bucle_que_atrapa_la_excepcion_tambien_termina(monkeypatch):
    monkeypatch.setenv(limite.VARIABLE, "2")
    inicio = time.monotonic()
    (resultado,) = calificador.calificar(ID, _bucle_que_atrapa_errores, mostrar=False)
    assert time.monotonic() - inicio < 15
    assert resultado.pistas == [limite.mensaje(2)]


def test_funcion_correcta_no_se_corta(monkeypatch):
    monkeypatch.setenv(limite.VARIABLE, "5")
    referencia = calificador.cargar_referencia(calificador.obtener(ID))
    (resultado,) = calificador.calificar(ID, referencia, mostrar=False)
    assert resultado.superado
    # Y el reloj queda desarmado: nada salta después de calificar.
    time.sleep(0.3)


def test_fuera_del_hilo_principal_usa_el_vigilante(monkeypatch):
    monkeypatch.setenv(limite.VARIABLE, "2")
    resultados = []
    hilo = threading.Thread(target=lambda: resultados.extend(
        calificador.calificar(ID, _bucle, mostrar=False)))
    inicio = time.monotonic()
    hilo.start()
    hilo.join(60)
    assert not hilo.is_alive(), "la calificación en otro hilo no terminó"
    assert time.monotonic() - inicio < 20
    assert resultados[0].pistas == [limite.mensaje(2)]


def test_con_limite_no_deja_nada_pendiente():
    with limite.con_limite(5):
        pass
    time.sleep(0.2)
    with pytest.raises(limite.TiempoAgotado, match="tardó más de 0.3 s"):
        with limite.con_limite(0.3):
            while True:
                pass


@pytest.mark.parametrize("valor", ["abc", "-1", "inf"])
def test_variable_mal_escrita_da_un_error_claro(monkeypatch, valor):
    monkeypatch.setenv(limite.VARIABLE, valor)
    with pytest.raises(calificador.ErrorEjercicio, match="CURSO_LLM_LIMITE_S vale .*segundos"):
        calificador.calificar(ID, _bucle, mostrar=False)


def test_bucle_infinito_en_la_terminal(tmp_path):
    """``pytest exercises/cap01_matematicas`` con un bucle infinito en el archivo del ejercicio."""
    destino = tmp_path / "exercises"
    shutil.copytree(calificador.directorio_ejercicios(), destino)
    ejercicio = calificador.obtener(ID)
    ruta = destino / ejercicio.carpeta / ejercicio.archivo
    fuente = ruta.read_text(encoding="utf-8")
    ruta.write_text(fuente.replace('    raise NotImplementedError("Ejercicio 1.1',
                                   '    while True:\n        pass\n    raise NotImplementedError("'),
                    encoding="utf-8")
    entorno = {**os.environ, limite.VARIABLE: "3", "CURSO_LLM_EJERCICIOS": str(destino)}
    inicio = time.monotonic()
    proceso = subprocess.run(
        [sys.executable, "-m", "pytest", f"{ejercicio.carpeta}/{ejercicio.archivo_prueba}"],
        cwd=destino, capture_output=True, text=True, env=entorno, timeout=120,
    )
    segundos = time.monotonic() - inicio
    assert segundos < 60
    assert proceso.returncode == 1, proceso.stdout + proceso.stderr
    assert "Tu función tardó más de 3 s: ¿un bucle infinito?" in proceso.stdout
    assert "Traceback" not in proceso.stdout and "TiempoAgotado" not in proceso.stdout
