"""Navegación del libro: números de capítulo en los títulos y la ruta del curso de la
introducción (texto y figura) al día con ``_toc.yml``."""

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import nbformat
import pytest
import yaml

RAIZ = Path(__file__).resolve().parents[1]
LIBRO = RAIZ / "book"
INDICE = yaml.safe_load((RAIZ / "_toc.yml").read_text(encoding="utf-8"))


def _cargar_generador_de_la_ruta():
    ruta = LIBRO / "imagenes" / "generar_ruta.py"
    especificacion = importlib.util.spec_from_file_location("generar_ruta", ruta)
    modulo = importlib.util.module_from_spec(especificacion)
    especificacion.loader.exec_module(modulo)
    return modulo


RUTA = _cargar_generador_de_la_ruta()
TODOS = {numero: nombre for _, _, capitulos in RUTA.ETAPAS for numero, nombre in capitulos}


def numeros_esperados() -> dict[str, str]:
    """Para cada cuaderno de un capítulo, el número que debe abrir su título: ``"3."`` para la
    página del capítulo y ``"3.K"`` para su K-ésima sección en ``_toc.yml``."""
    numeros = {}
    for parte in INDICE["parts"]:
        for capitulo in parte["chapters"]:
            carpeta = re.match(r"book/(\d\d)_[^/]+/", capitulo["file"])
            if not carpeta:
                continue  # glosario, bibliografía
            n = int(carpeta.group(1))
            numeros[capitulo["file"]] = f"{n}."
            for k, seccion in enumerate(capitulo.get("sections", []), 1):
                assert seccion["file"].startswith(carpeta.group(0)), (
                    f"{seccion['file']} es una sección del capítulo {n} pero no está en "
                    f"{carpeta.group(0)}"
                )
                numeros[seccion["file"]] = f"{n}.{k}"
    return numeros


NUMEROS = numeros_esperados()


def test_cada_cuaderno_de_capitulo_tiene_numero():
    cuadernos = {
        str(c.relative_to(RAIZ).with_suffix(""))
        for c in LIBRO.glob("[0-9][0-9]_*/*.ipynb")
    }
    assert cuadernos, "No encontré cuadernos de capítulos"
    assert cuadernos <= set(NUMEROS), f"Cuadernos sin número: {sorted(cuadernos - set(NUMEROS))}"


@pytest.mark.parametrize("entrada", sorted(NUMEROS), ids=lambda e: Path(e).name)
def test_el_titulo_lleva_el_numero_del_capitulo(entrada):
    nb = nbformat.read(RAIZ / f"{entrada}.ipynb", as_version=4)
    titulo = nb.cells[0].source.splitlines()[0]
    esperado = f"# {NUMEROS[entrada]} "
    assert titulo.startswith(esperado) and len(titulo) > len(esperado), (
        f"{entrada}: el título debe empezar por {esperado!r} (número de la carpeta y orden en "
        f"_toc.yml, ver CONTRIBUIR.md); es {titulo!r}"
    )


def test_capitulos_publicados_sale_del_indice():
    publicados = RUTA.capitulos_publicados()
    carpetas = sorted(int(p.name[:2]) for p in LIBRO.glob("[0-9][0-9]_*") if p.is_dir())
    assert publicados == carpetas
    assert set(publicados) <= set(TODOS), "Hay un capítulo publicado que la ruta no conoce"
    assert sorted(TODOS) == list(range(13))


def test_la_figura_de_la_ruta_esta_al_dia():
    svg = ET.parse(LIBRO / "imagenes" / "ruta_del_curso.svg")
    textos = [e.text for e in svg.iter() if e.tag.endswith("description")]
    assert textos == [RUTA.descripcion(RUTA.capitulos_publicados())], (
        f"La figura de la ruta dice {textos}: vuelve a generarla con "
        "`python book/imagenes/generar_ruta.py`"
    )


def test_la_introduccion_marca_los_capitulos_publicados():
    intro = (LIBRO / "intro.md").read_text(encoding="utf-8")
    publicados = RUTA.capitulos_publicados()
    enlazados = [int(n) for n in re.findall(r"^- \{doc\}`(\d\d)_[^`]+`\s*$", intro, flags=re.M)]
    proximos = {
        int(n): nombre
        for n, nombre in re.findall(r"^- (\d+)\\\. (.+?) \(\*en preparación\*\)\s*$", intro,
                                    flags=re.M)
    }
    assert enlazados == publicados, (
        f"book/intro.md enlaza los capítulos {enlazados}, pero los publicados son {publicados}"
    )
    assert sorted(proximos) == sorted(set(TODOS) - set(publicados)), (
        f"book/intro.md marca como próximos {sorted(proximos)}"
    )
    assert all(proximos[n] == TODOS[n] for n in proximos)
    for destino in re.findall(r"^- \{doc\}`([^`]+)`", intro, flags=re.M):
        assert f"book/{destino}" in NUMEROS and NUMEROS[f"book/{destino}"].endswith("."), (
            f"book/intro.md enlaza {destino}, que no es la página de un capítulo"
        )
