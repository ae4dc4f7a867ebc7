"""Pruebas de ``curso_llm.artefactos``: la caché de modelos entrenados y resultados."""

import dataclasses
import hashlib
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
import torch

import curso_llm
from curso_llm import artefactos
from curso_llm.artefactos import (
    MANIFIESTO,
    clave,
    directorio_cache,
    limpiar,
    listar,
    obtener,
    obtener_json,
    obtener_modelo,
)

CODIGO = Path(__file__).resolve().parents[1] / "code"
CONFIG = {"pasos": 3, "tasa_aprendizaje": 1e-3, "capas": [2, 4]}


@pytest.fixture
def cache(tmp_path, monkeypatch):
    raiz = tmp_path / "mi_cache"
    monkeypatch.setenv("CURSO_LLM_CACHE", str(raiz))
    monkeypatch.delenv("CURSO_LLM_SIN_CACHE", raising=False)
    return raiz


class Contador:
    """Un artefacto falso: ``construir`` escribe dos archivos y cuenta sus llamadas."""

    def __init__(self, contenido="pesos"):
        self.construidas = 0
        self.cargadas = []
        self.contenido = contenido

    def construir(self, ruta):
        self.construidas += 1
        (ruta / "pesos.bin").write_bytes(f"{self.contenido}-{self.construidas}".encode() * 100)
        (ruta / "sub").mkdir()
        (ruta / "sub" / "config.json").write_text('{"a": 1}', encoding="utf-8")

    def cargar(self, ruta):
        valor = (ruta / "pesos.bin").read_bytes()[:20].decode()
        self.cargadas.append(valor)
        return valor


def _obtener(contador, config=CONFIG, **kwargs):
    return obtener("prueba", config, contador.construir, contador.cargar, **kwargs)


# ---------------------------------------------------------------------------------------
# Dónde y con qué nombre
# ---------------------------------------------------------------------------------------
def test_directorio_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CURSO_LLM_CACHE", str(tmp_path / "propia"))
    assert directorio_cache() == tmp_path / "propia"
    monkeypatch.delenv("CURSO_LLM_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert directorio_cache() == tmp_path / "xdg" / "curso_llm"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "casa"))
    assert directorio_cache() == tmp_path / "casa" / ".cache" / "curso_llm"


def test_clave_formato_y_huella():
    k = clave("escalado", CONFIG)
    assert re.fullmatch(r"escalado-[0-9a-f]{12}-v" + re.escape(curso_llm.__version__), k)
    canonico = json.dumps(CONFIG, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert k.split("-")[1] == hashlib.sha256(canonico.encode("utf-8")).hexdigest()[:12]


def test_clave_estable_ante_el_orden_y_las_conversiones(tmp_path):
    @dataclasses.dataclass
    class Opt:
        tasa_aprendizaje: float
        capas: tuple

    base = clave("m", {"opt": {"tasa_aprendizaje": 0.1, "capas": [1, 2]}, "ruta": str(tmp_path)})
    assert clave("m", {"ruta": tmp_path, "opt": Opt(0.1, (1, 2))}) == base
    assert clave("m", {"n": np.int64(3), "x": np.float32(0.5)}) == clave("m", {"n": 3, "x": 0.5})
    assert clave("m", {"texto": "pérdida"}) != clave("m", {"texto": "perdida"})


def test_clave_cambia_con_la_config_el_nombre_y_la_version(monkeypatch):
    k = clave("m", CONFIG)
    assert clave("m", dict(CONFIG, pasos=4)) != k
    assert clave("m", dict(CONFIG, capas=[2, 5])) != k
    assert clave("m", dict(CONFIG, semilla=0)) != k
    assert clave("otro", CONFIG) != k
    monkeypatch.setattr(curso_llm, "__version__", "99.0.0")
    assert clave("m", CONFIG) != k and clave("m", CONFIG).endswith("-v99.0.0")


def test_clave_rechaza_lo_que_no_es_json():
    with pytest.raises(ValueError, match=r"config\['opt'\]\['dtype'\].*dtype"):
        clave("m", {"opt": {"dtype": torch.float32}})
    with pytest.raises(ValueError, match=r"config\['x'\]\[1\].*finito"):
        clave("m", {"x": [1.0, float("nan")]})
    with pytest.raises(ValueError, match="claves de texto"):
        clave("m", {1: "a"})
    with pytest.raises(ValueError, match="'nombre'"):
        clave("con espacio/y barra", CONFIG)
    with pytest.raises(TypeError, match="'config'"):
        clave("m", [1, 2])


# ---------------------------------------------------------------------------------------
# Obtener: construir la primera vez, cargar después
# ---------------------------------------------------------------------------------------
def test_primera_vez_entrena_y_despues_carga(cache, capsys):
    contador = Contador()
    primero = _obtener(contador, descripcion="el modelo de prueba")
    salida = capsys.readouterr().out.splitlines()
    ruta = cache / clave("prueba", CONFIG)
    assert salida[0] == "Entrenando ahora: el modelo de prueba…"
    assert re.fullmatch(r"Entrenado ahora en \d+\.\d s y guardado en la caché: el modelo de "
                        rf"prueba \({re.escape(str(ruta))}\)\.", salida[1])
    assert len(salida) == 2
    segundo = _obtener(contador, descripcion="el modelo de prueba")
    assert capsys.readouterr().out == f"Cargado de la caché: el modelo de prueba ({ruta}).\n"
    assert contador.construidas == 1 and primero == segundo == "pesos-1pesos-1pesos-"
    # Otra configuración es otra entrada.
    _obtener(contador, dict(CONFIG, pasos=9))
    assert contador.construidas == 2
    assert "Entrenando ahora: prueba…" in capsys.readouterr().out


def test_manifiesto(cache):
    contador = Contador()
    _obtener(contador)
    ruta = cache / clave("prueba", CONFIG)
    manifiesto = json.loads((ruta / MANIFIESTO).read_text(encoding="utf-8"))
    assert manifiesto["nombre"] == "prueba" and manifiesto["clave"] == ruta.name
    assert manifiesto["config"] == CONFIG and manifiesto["version"] == curso_llm.__version__
    assert manifiesto["segundos"] >= 0 and manifiesto["creado"].endswith("+00:00")
    assert set(manifiesto["archivos"]) == {"pesos.bin", "sub/config.json"}
    pesos = (ruta / "pesos.bin").read_bytes()
    assert manifiesto["archivos"]["pesos.bin"] == {
        "bytes": len(pesos), "sha256": hashlib.sha256(pesos).hexdigest()}
    # Solo queda la entrada (y la carpeta de bloqueos): ningún temporal.
    assert sorted(p.name for p in cache.iterdir()) == [".bloqueos", ruta.name]


def _borrar_archivo(ruta):
    (ruta / "sub" / "config.json").unlink()


def _truncar(ruta):
    datos = (ruta / "pesos.bin").read_bytes()
    (ruta / "pesos.bin").write_bytes(datos[: len(datos) // 2])


def _editar_un_byte(ruta):
    datos = bytearray((ruta / "pesos.bin").read_bytes())
    datos[7] ^= 1  # mismo tamaño, otro contenido
    (ruta / "pesos.bin").write_bytes(bytes(datos))


def _sin_manifiesto(ruta):
    (ruta / MANIFIESTO).unlink()


def _manifiesto_ilegible(ruta):
    (ruta / MANIFIESTO).write_text('{"archivos": {"pesos.bin": ', encoding="utf-8")


def _archivo_de_mas(ruta):
    (ruta / "intruso.bin").write_bytes(b"x")


def _manifiesto_de_otra_entrada(ruta):
    manifiesto = json.loads((ruta / MANIFIESTO).read_text(encoding="utf-8"))
    manifiesto["clave"] = "otra-000000000000-v0.0.0"
    (ruta / MANIFIESTO).write_text(json.dumps(manifiesto), encoding="utf-8")


@pytest.mark.parametrize(("danar", "motivo"), [
    (_borrar_archivo, "falta el archivo sub/config.json"),
    (_truncar, "el archivo pesos.bin mide"),
    (_editar_un_byte, "el contenido de pesos.bin no coincide"),
    (_sin_manifiesto, f"falta {MANIFIESTO}"),
    (_manifiesto_ilegible, "ilegible"),
    (_archivo_de_mas, "sobra el archivo intruso.bin"),
    (_manifiesto_de_otra_entrada, "de otra entrada"),
])
def test_entrada_danada_se_reconstruye_y_nunca_se_carga(cache, capsys, danar, motivo):
    contador = Contador()
    _obtener(contador)
    ruta = cache / clave("prueba", CONFIG)
    danar(ruta)
    capsys.readouterr()
    valor = _obtener(contador)
    salida = capsys.readouterr().out.splitlines()
    assert salida[0] == (f"La entrada {ruta.name} de la caché está incompleta o dañada "
                         f"({salida[0].split('(', 1)[1].rsplit(')', 1)[0]}); se reconstruye.")
    assert motivo in salida[0]
    assert salida[1] == "Entrenando ahora: prueba…"
    assert contador.construidas == 2 and valor == "pesos-2pesos-2pesos-"
    assert contador.cargadas == ["pesos-1pesos-1pesos-", "pesos-2pesos-2pesos-"]  # nunca la dañada
    # La reconstruida está intacta: la siguiente vez se carga.
    assert _obtener(contador) == valor and contador.construidas == 2


def test_temporal_abandonado_no_se_carga_y_se_borra(cache, capsys):
    contador = Contador()
    k = clave("prueba", CONFIG)
    resto = cache / f".{k}.tmp-abandonado"
    resto.mkdir(parents=True)
    (resto / "pesos.bin").write_bytes(b"a medias")
    assert _obtener(contador) == "pesos-1pesos-1pesos-"
    assert contador.construidas == 1 and not resto.exists()
    assert "Entrenando ahora" in capsys.readouterr().out


def test_si_cargar_falla_se_reconstruye_una_vez(cache, capsys):
    contador = Contador()
    _obtener(contador)
    fallos = []

    def cargar_una_vez_mal(ruta):
        if not fallos:
            fallos.append(ruta)
            raise KeyError("pesos que faltan")
        return contador.cargar(ruta)

    assert obtener("prueba", CONFIG, contador.construir, cargar_una_vez_mal) == "pesos-2pesos-2pesos-"
    salida = capsys.readouterr().out
    assert "no se pudo cargar: KeyError" in salida and "se reconstruye" in salida
    assert contador.construidas == 2

    def cargar_siempre_mal(ruta):
        raise OSError("disco roto")

    with pytest.raises(OSError, match="disco roto"):
        obtener("prueba", CONFIG, contador.construir, cargar_siempre_mal)
    assert contador.construidas == 3  # una sola reconstrucción, y la entrada no se queda
    assert not (cache / clave("prueba", CONFIG)).exists()


def test_si_construir_falla_no_queda_nada(cache):
    def construir(ruta):
        (ruta / "pesos.bin").write_bytes(b"medio modelo")
        raise RuntimeError("se fue la luz")

    with pytest.raises(RuntimeError, match="se fue la luz"):
        obtener("prueba", CONFIG, construir, lambda ruta: None)
    assert [p.name for p in cache.iterdir()] == [".bloqueos"]
    assert listar() == []

    with pytest.raises(ValueError, match="no escribió ningún archivo"):
        obtener("prueba", CONFIG, lambda ruta: None, lambda ruta: None)
    assert [p.name for p in cache.iterdir()] == [".bloqueos"]


def test_argumentos_erroneos(cache):
    contador = Contador()
    with pytest.raises(TypeError, match="'construir'"):
        obtener("prueba", CONFIG, "no es una función", contador.cargar)
    with pytest.raises(ValueError, match="'nombre'"):
        obtener("../fuera", CONFIG, contador.construir, contador.cargar)
    with pytest.raises(ValueError, match=r"config\['f'\]"):
        obtener("prueba", {"f": print}, contador.construir, contador.cargar)
    assert contador.construidas == 0


def test_sin_cache_recalcula(cache, monkeypatch, capsys):
    contador = Contador()
    _obtener(contador)
    monkeypatch.setenv("CURSO_LLM_SIN_CACHE", "1")
    assert _obtener(contador) == "pesos-2pesos-2pesos-"
    assert "Entrenando ahora" in capsys.readouterr().out
    monkeypatch.setenv("CURSO_LLM_SIN_CACHE", "0")
    assert _obtener(contador) == "pesos-2pesos-2pesos-" and contador.construidas == 2
    monkeypatch.setenv("CURSO_LLM_SIN_CACHE", "quizas")
    with pytest.raises(ValueError, match="CURSO_LLM_SIN_CACHE"):
        _obtener(contador)


def test_la_ruta_se_muestra_con_virgulilla(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("CURSO_LLM_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    _obtener(Contador())
    k = clave("prueba", CONFIG)
    assert capsys.readouterr().out.splitlines()[1].endswith(f"(~/.cache/curso_llm/{k}).")
    assert (tmp_path / ".cache" / "curso_llm" / k / MANIFIESTO).is_file()


def test_la_cache_vive_donde_dice_la_variable(tmp_path, monkeypatch):
    contador = Contador()
    for nombre in ("a", "b"):
        monkeypatch.setenv("CURSO_LLM_CACHE", str(tmp_path / nombre))
        _obtener(contador)
        assert (tmp_path / nombre / clave("prueba", CONFIG) / "pesos.bin").is_file()
    assert contador.construidas == 2  # la caché «b» no ve lo que hay en «a»


def test_otra_entrada_colocada_antes(cache):
    """Si otro proceso colocó la entrada mientras construíamos, se queda la intacta."""
    contador = Contador()
    _obtener(contador)
    ruta = cache / clave("prueba", CONFIG)
    temporal = cache / ".nuestra"
    temporal.mkdir()
    (temporal / "x").write_text("nuestra")
    artefactos._colocar(temporal, ruta, reemplazar=False)
    assert not temporal.exists() and (ruta / "pesos.bin").is_file()  # la suya, intacta
    _truncar(ruta)
    temporal.mkdir()
    (temporal / "x").write_text("nuestra")
    artefactos._colocar(temporal, ruta, reemplazar=False)
    assert (ruta / "x").read_text() == "nuestra" and not (ruta / "pesos.bin").exists()


def test_dos_procesos_no_construyen_lo_mismo_a_la_vez(cache, tmp_path):
    registro = tmp_path / "construcciones.txt"
    programa = textwrap.dedent(f"""
        import time
        from pathlib import Path
        from curso_llm.artefactos import obtener

        def construir(ruta):
            with open({str(registro)!r}, "a") as f:
                f.write("x")
            time.sleep(2.0)
            (ruta / "r.txt").write_text("hecho")

        print(obtener("compartido", {{"n": 1}}, construir, lambda r: (r / "r.txt").read_text()))
    """)
    entorno = dict(os.environ, PYTHONPATH=str(CODIGO), CURSO_LLM_CACHE=str(cache))
    procesos = [subprocess.Popen([sys.executable, "-c", programa], env=entorno, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                for _ in range(2)]
    salidas = [p.communicate(timeout=60) for p in procesos]
    assert all(p.returncode == 0 for p in procesos), salidas
    assert registro.read_text() == "x"  # una sola construcción
    textos = "".join(s for s, _ in salidas)
    assert textos.count("Entrenando ahora: compartido…") == 1
    assert textos.count("Cargado de la caché: compartido") == 1
    assert textos.count("espero a que termine") <= 1
    assert textos.count("hecho") == 2


# ---------------------------------------------------------------------------------------
# Resultados JSON y modelos
# ---------------------------------------------------------------------------------------
def test_obtener_json_ida_y_vuelta(cache, capsys):
    calculos = []

    def calcular():
        calculos.append(1)
        return {"perdidas": (2.5, 1.25), "tamanos": {"micro": 460_000}, "nota": "pérdida"}

    primero = obtener_json("escalado", {"pasos": 2}, calcular, descripcion="la rejilla")
    salida = capsys.readouterr().out
    assert salida.startswith("Calculando ahora: la rejilla…\nCalculado ahora en ")
    segundo = obtener_json("escalado", {"pasos": 2}, calcular, descripcion="la rejilla")
    assert capsys.readouterr().out.startswith("Cargado de la caché: la rejilla (")
    assert primero == segundo == {"perdidas": [2.5, 1.25], "tamanos": {"micro": 460_000},
                                  "nota": "pérdida"}
    assert len(calculos) == 1

    with pytest.raises(ValueError, match="no se puede guardar como JSON"):
        obtener_json("malo", {}, lambda: {"t": torch.ones(2)})
    with pytest.raises(TypeError, match="diccionario o una lista"):
        obtener_json("malo", {}, lambda: 3.0)
    assert [e["nombre"] for e in listar()] == ["escalado"]


@pytest.fixture(scope="module")
def modelo_y_tokenizador():
    from curso_llm.modelos import config_llama, crear_modelo, tokenizador_base

    tok = tokenizador_base()
    modelo = crear_modelo(config_llama("micro", tamano_vocabulario=len(tok), long_max=64), semilla=3)
    return modelo.eval(), tok


def test_obtener_modelo_ida_y_vuelta(cache, capsys, modelo_y_tokenizador):
    modelo, tok = modelo_y_tokenizador
    entrenados = []

    def entrenar():
        entrenados.append(1)
        return modelo, tok

    m1, t1 = obtener_modelo("micro", {"semilla": 3}, entrenar, descripcion="el micro")
    m2, t2 = obtener_modelo("micro", {"semilla": 3}, entrenar, descripcion="el micro")
    salida = capsys.readouterr().out
    assert "Entrenando ahora: el micro…" in salida and "Cargado de la caché: el micro" in salida
    assert len(entrenados) == 1
    ruta = cache / clave("micro", {"semilla": 3})
    assert (ruta / "model.safetensors").is_file() and (ruta / "tokenizer.json").is_file()
    texto = "Ana Ruiz vive en Paloranete."
    ids = tok(texto, return_tensors="pt")["input_ids"]
    assert t1(texto)["input_ids"] == t2(texto)["input_ids"] == ids[0].tolist()
    assert t2.chat_template == tok.chat_template
    with torch.no_grad():
        esperado = modelo(ids).logits
        for cargado in (m1, m2):
            assert not cargado.training and cargado.dtype == torch.float32
            assert torch.equal(cargado(ids).logits, esperado)


def test_obtener_modelo_rechaza_lo_que_no_es_una_pareja(cache):
    with pytest.raises(TypeError, match=r"\(modelo, tokenizador\)"):
        obtener_modelo("micro", {}, lambda: "modelo")
    assert listar() == []


# ---------------------------------------------------------------------------------------
# Ver y vaciar
# ---------------------------------------------------------------------------------------
def test_listar_y_limpiar(cache, capsys):
    contador = Contador()
    obtener("a", {"n": 1}, contador.construir, contador.cargar)
    obtener("a", {"n": 2}, contador.construir, contador.cargar)
    obtener("b", {"n": 1}, contador.construir, contador.cargar)
    (cache / "intentos.json").write_text("{}")  # otros archivos del curso en la misma carpeta
    (cache / f".{clave('b', {'n': 9})}.tmp-resto").mkdir()
    entradas = listar()
    assert [e["nombre"] for e in entradas] == ["a", "a", "b"]
    assert all(e["bytes"] > 600 and e["version"] == curso_llm.__version__ for e in entradas)
    assert entradas[0]["ruta"] == cache / entradas[0]["clave"]
    capsys.readouterr()
    borradas = limpiar("a")
    assert len(borradas) == 2 and "2 entradas borradas" in capsys.readouterr().out
    assert [e["nombre"] for e in listar()] == ["b"]
    assert limpiar() == [cache / clave("b", {"n": 1})]
    assert listar() == [] and (cache / "intentos.json").is_file()
    assert not [p for p in cache.iterdir() if ".tmp-" in p.name]
