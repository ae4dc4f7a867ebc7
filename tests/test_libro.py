"""Integridad del libro: índice, cuadernos sin salidas, celda de instalación, ejercicios."""

import re
from pathlib import Path

import nbformat
import pytest
import yaml

from curso_llm.ejercicios import todos

RAIZ = Path(__file__).resolve().parents[1]
LIBRO = RAIZ / "book"
CONFIG = yaml.safe_load((RAIZ / "_config.yml").read_text(encoding="utf-8"))
INDICE = yaml.safe_load((RAIZ / "_toc.yml").read_text(encoding="utf-8"))
CUADERNOS = sorted(LIBRO.rglob("*.ipynb"))
CUADERNOS = [c for c in CUADERNOS if ".ipynb_checkpoints" not in c.parts]


def entradas_del_indice(nodo=INDICE):
    """Todas las rutas ``file:`` del índice (y la raíz)."""
    if isinstance(nodo, dict):
        for clave, valor in nodo.items():
            if clave in ("file", "root"):
                yield valor
            else:
                yield from entradas_del_indice(valor)
    elif isinstance(nodo, list):
        for elemento in nodo:
            yield from entradas_del_indice(elemento)


ENTRADAS = list(entradas_del_indice())


def celda_de_instalacion() -> str:
    """La celda de instalación canónica, con la URL del repositorio de _config.yml.

    Solo instala en Colab o Binder (con las versiones de requisitos-colab.txt); en tu equipo,
    si falta ``curso_llm``, imprime una frase que dice cómo instalarlo.
    """
    url = CONFIG["repository"]["url"]
    return (
        "# Instalación del curso: en Colab o Binder lo instala; en tu equipo solo avisa si falta.\n"
        "import importlib.util, os, subprocess, sys\n"
        'if importlib.util.find_spec("curso_llm") is None:\n'
        '    if "google.colab" in sys.modules or "BINDER_LAUNCH_HOST" in os.environ:\n'
        f'        subprocess.run("git clone -q --depth 1 {url} curso-llm"\n'
        '                       " && pip install -q -e curso-llm -r curso-llm/requisitos-colab.txt",\n'
        "                       shell=True, check=True)\n"
        '        sys.path.insert(0, "curso-llm/code")\n'
        "    else:\n"
        '        print("Falta el paquete curso_llm: en la carpeta del repositorio ejecuta `make entorno` "\n'
        '              "y abre los cuadernos con `.venv/bin/jupyter lab`.")'
    )


def test_configuracion_basica():
    assert CONFIG["language"] == "es"
    assert CONFIG["sphinx"]["recursive_update"] is True
    assert CONFIG["launch_buttons"]["colab_url"]
    assert CONFIG["launch_buttons"]["binderhub_url"]
    assert CONFIG["execute"]["execute_notebooks"] == "cache"


@pytest.mark.parametrize("entrada", ENTRADAS)
def test_cada_entrada_del_indice_existe(entrada):
    candidatos = [RAIZ / f"{entrada}{ext}" for ext in (".ipynb", ".md")]
    assert any(c.is_file() for c in candidatos), f"{entrada} está en _toc.yml pero no existe"


def test_cada_cuaderno_esta_en_el_indice():
    en_indice = {str(RAIZ / e) for e in ENTRADAS}
    huerfanos = [str(c.relative_to(RAIZ)) for c in CUADERNOS if str(c.with_suffix("")) not in en_indice]
    assert not huerfanos, f"Cuadernos fuera de _toc.yml: {huerfanos}"


@pytest.mark.parametrize("cuaderno", CUADERNOS, ids=lambda c: c.stem)
def test_cuaderno_sin_salidas(cuaderno):
    nb = nbformat.read(cuaderno, as_version=4)
    for celda in nb.cells:
        if celda.cell_type == "code":
            assert not celda.get("outputs"), f"{cuaderno.name} guarda salidas"
            assert celda.get("execution_count") is None, f"{cuaderno.name} guarda contadores"


@pytest.mark.parametrize("cuaderno", CUADERNOS, ids=lambda c: c.stem)
def test_cuaderno_empieza_con_la_celda_de_instalacion(cuaderno):
    nb = nbformat.read(cuaderno, as_version=4)
    codigo = [c for c in nb.cells if c.cell_type == "code"]
    assert codigo, f"{cuaderno.name} no tiene código"
    assert codigo[0].source.strip() == celda_de_instalacion(), (
        f"{cuaderno.name}: la primera celda de código debe ser la celda de instalación "
        "(ver CONTRIBUIR.md)"
    )


@pytest.mark.parametrize("lugar", ["equipo", "colab", "binder"])
def test_celda_de_instalacion_solo_instala_en_colab_o_binder(lugar, monkeypatch, capsys):
    """Sin curso_llm: en Colab o Binder clona el repositorio e instala con las versiones de
    requisitos-colab.txt; en tu equipo no ejecuta nada y dice en una frase cómo instalarlo."""
    import importlib.util
    import subprocess
    import sys
    import types

    ordenes = []
    monkeypatch.setattr(importlib.util, "find_spec", lambda nombre, *a, **k: None)
    monkeypatch.setattr(subprocess, "run", lambda orden, **k: ordenes.append(orden))
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    monkeypatch.delenv("BINDER_LAUNCH_HOST", raising=False)
    if lugar == "colab":
        monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    elif lugar == "binder":
        monkeypatch.setenv("BINDER_LAUNCH_HOST", "https://mybinder.org/")
    exec(celda_de_instalacion(), {})
    salida = capsys.readouterr().out
    if lugar == "equipo":
        assert ordenes == []
        assert salida.count("\n") == 1 and salida.startswith("Falta el paquete curso_llm")
        assert "make entorno" in salida and ".venv/bin/jupyter lab" in salida
    else:
        assert len(ordenes) == 1 and salida == ""
        assert "pip install -q -e curso-llm -r curso-llm/requisitos-colab.txt" in ordenes[0]
        assert (RAIZ / "requisitos-colab.txt").is_file()
        assert sys.path[0] == "curso-llm/code"


@pytest.mark.parametrize("cuaderno", CUADERNOS, ids=lambda c: c.stem)
def test_cuaderno_tiene_un_solo_titulo(cuaderno):
    nb = nbformat.read(cuaderno, as_version=4)
    titulos = [
        linea
        for c in nb.cells
        if c.cell_type == "markdown"
        for linea in re.sub(r"```.*?```", "", c.source, flags=re.S).splitlines()
        if re.match(r"^# \S", linea)
    ]
    assert len(titulos) == 1, f"{cuaderno.name} debe tener un único título '# ...': {titulos}"
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


def capitulos():
    return sorted(p for p in LIBRO.iterdir() if p.is_dir() and re.match(r"\d\d_", p.name))


@pytest.mark.parametrize("capitulo", capitulos(), ids=lambda p: p.name)
def test_cada_capitulo_tiene_sus_ejercicios(capitulo):
    numero = int(capitulo.name[:2])
    if numero == 0:
        return  # la preparación usa los ejercicios del capítulo 1 como demostración
    carpetas = list((RAIZ / "exercises").glob(f"cap{numero:02d}_*"))
    assert carpetas, f"Falta exercises/cap{numero:02d}_... para {capitulo.name}"
    registrados = [e for e in todos().values() if e.capitulo == numero]
    assert len(registrados) >= 5, f"El capítulo {numero} tiene menos de 5 ejercicios registrados"
    assert all(e.carpeta == carpetas[0].name for e in registrados)


def test_claves_bibliograficas_unicas():
    vistas: dict[str, str] = {}
    for bib in sorted(RAIZ.glob("book/**/*.bib")):
        for clave in re.findall(r"@\w+\s*\{\s*([^,\s]+)\s*,", bib.read_text(encoding="utf-8")):
            assert clave not in vistas, f"La clave {clave} está en {vistas[clave]} y en {bib}"
            vistas[clave] = str(bib.relative_to(RAIZ))


@pytest.mark.parametrize("cuaderno", CUADERNOS, ids=lambda c: c.stem)
def test_cada_figura_pegada_tiene_pie(cuaderno):
    """Las figuras se pegan con glue y se muestran con {glue:figure}, que lleva su pie."""
    nb = nbformat.read(cuaderno, as_version=4)
    codigo = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    texto = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    figuras = set(re.findall(r'glue\(\s*"([^"]*fig[^"]*)"', codigo))
    con_pie = set(re.findall(r"\{glue:figure\}\s*(\S+)", texto))
    assert figuras <= con_pie, f"{cuaderno.name}: figuras sin pie: {sorted(figuras - con_pie)}"
    assert "plt.show(" not in codigo, f"{cuaderno.name}: usa glue + {{glue:figure}}, no plt.show()"
