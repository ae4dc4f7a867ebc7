"""Citas y bibliografía en español: los estilos «curso» de _ext/curso_bibliografia.py."""

import re
import sys
from pathlib import Path

import pybtex.plugin
import pytest
import yaml
from pybtex.database import BibliographyData, Entry, Person, parse_file
from pybtex.richtext import Text

RAIZ = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(RAIZ / "_ext"))

import curso_bibliografia as cb  # noqa: E402
from sphinxcontrib.bibtex.plugin import find_plugin  # noqa: E402
from sphinxcontrib.bibtex.style.referencing import format_references  # noqa: E402
from sphinxcontrib.bibtex.style.template import SphinxReferenceInfo  # noqa: E402

CONFIG = yaml.safe_load((RAIZ / "_config.yml").read_text(encoding="utf-8"))


def entrada(tipo="book", autores=("Cover, Thomas M.", "Thomas, Joy A."), **campos):
    campos = {"title": "Elements of Information Theory", "year": "2006", **campos}
    campos = {k: v for k, v in campos.items() if v is not None}
    return Entry(tipo, fields=campos, persons={"author": [Person(a) for a in autores]})


def formatear(entradas: dict):
    estilo = pybtex.plugin.find_plugin("pybtex.style.formatting", cb.NOMBRE)()
    datos = BibliographyData(entries=entradas)
    return {f.key: f for f in estilo.format_entries(datos.entries.values())}


def plano(texto) -> str:
    """Texto plano de un texto enriquecido de pybtex (también de los enlaces de Sphinx)."""
    if hasattr(texto, "parts"):
        return "".join(plano(parte) for parte in texto.parts)
    return texto if isinstance(texto, str) else texto.render_as("text")


def cita(rol, clave, formateadas, entradas):
    """Texto de una cita en el texto (rol p, t, year...) con el estilo de referencia curso."""
    estilo = find_plugin("sphinxcontrib.bibtex.style.referencing", cb.NOMBRE)()
    info = SphinxReferenceInfo(builder=None, fromdocname="a", todocname="b", citation_id="id",
                               title=None, pre_text="", post_text="")
    referencias = [(entradas[clave], formateadas[clave], info)]
    return plano(format_references(estilo, rol, referencias))


def test_config_usa_los_estilos_del_curso():
    sphinx = CONFIG["sphinx"]
    assert sphinx["local_extensions"]["curso_bibliografia"] == "_ext"
    assert sphinx["config"]["bibtex_default_style"] == cb.NOMBRE
    assert sphinx["config"]["bibtex_reference_style"] == cb.NOMBRE


def test_cita_de_dos_autores_usa_y():
    entradas = {"cover": entrada(publisher="Wiley", edition="2")}
    formateadas = formatear(entradas)
    assert cita("p", "cover", formateadas, entradas) == "[Cover y Thomas, 2006]"
    assert cita("t", "cover", formateadas, entradas) == "Cover y Thomas [2006]"
    texto = formateadas["cover"].text.render_as("text")
    assert "Thomas M. Cover y Joy A. Thomas." in texto
    assert " and " not in texto
    assert "2.ª ed." in texto and "edition" not in texto


def test_tres_autores_et_al_y_lista_completa_sin_coma_final():
    autores = ("Goodfellow, Ian", "Bengio, Yoshua", "Courville, Aaron")
    entradas = {"dl": entrada(autores=autores, title="Deep Learning", year="2016", publisher="MIT")}
    formateadas = formatear(entradas)
    assert cita("p", "dl", formateadas, entradas) == "[Goodfellow et al., 2016]"
    assert cita("ps", "dl", formateadas, entradas) == "[Goodfellow, Bengio y Courville, 2016]"
    assert formateadas["dl"].text.render_as("text").startswith(
        "Ian Goodfellow, Yoshua Bengio y Aaron Courville."
    )


def test_actas_en_espanol_con_paginas():
    entradas = {
        "a": entrada(
            "inproceedings", autores=("Sennrich, Rico", "Haddow, Barry"), title="BPE",
            booktitle="Proceedings of ACL", pages="1715--1725", year="2016",
        )
    }
    texto = formatear(entradas)["a"].text.render_as("text")
    assert "En Proceedings of ACL, pp. 1715–1725, 2016." in texto
    assert "In " not in texto


def test_mismo_autor_y_anio_se_distinguen_con_letra():
    autores_a = ("Mikolov, Tomas", "Chen, Kai", "Corrado, Greg")
    autores_b = ("Mikolov, Tomas", "Sutskever, Ilya", "Chen, Kai")
    entradas = {
        "b": entrada("misc", autores=autores_b, title="Distributed", year="2013"),
        "a": entrada("misc", autores=autores_a, title="Efficient", year="2013"),
        "c": entrada("misc", autores=("Otro, Autor",), title="Sin choque", year="2013"),
    }
    formateadas = formatear(entradas)
    assert formateadas["a"].label == "Mikolov et al., 2013a"
    assert formateadas["b"].label == "Mikolov et al., 2013b"
    assert formateadas["c"].label == "Otro, 2013"
    assert cita("p", "a", formateadas, entradas) == "[Mikolov et al., 2013a]"
    assert cita("year", "b", formateadas, entradas) == "2013b"
    assert "2013b." in formateadas["b"].text.render_as("text")
    # La entrada original no se modifica: la letra solo vive en lo formateado.
    assert entradas["b"].fields["year"] == "2013"


def test_sin_anio_es_sin_fecha():
    entradas = {"x": entrada("misc", autores=("Nadie, Ana",), year=None)}
    formateadas = formatear(entradas)
    assert cita("p", "x", formateadas, entradas) == "[Nadie, s. f.]"


@pytest.mark.parametrize(
    "texto, esperado",
    [("2", "2.ª ed."), ("2nd", "2.ª ed."), ("Second", "2.ª ed."), ("3.ª", "3.ª ed."),
     ("edición revisada", "edición revisada")],
)
def test_edicion(texto, esperado):
    assert cb.edicion(texto) == esperado


def test_bibliografia_del_libro_en_espanol_y_sin_etiquetas_repetidas():
    datos = BibliographyData()
    for bib in sorted(RAIZ.glob("book/**/*.bib")):
        for clave, e in parse_file(str(bib)).entries.items():
            datos.add_entry(clave, e)
    formateadas = formatear(dict(datos.entries))
    etiquetas = [f.label for f in formateadas.values()]
    assert len(etiquetas) == len(set(etiquetas)), "dos entradas se citarían igual"
    for f in formateadas.values():
        texto = f.text.render_as("text")
        for propio in ("title", "booktitle", "journal"):  # los títulos en inglés no cuentan
            if propio in datos.entries[f.key].fields:
                titulo = Text.from_latex(datos.entries[f.key].fields[propio]).render_as("text")
                texto = texto.lower().replace(titulo.lower(), "")
        ingles = re.search(r"\b(and|in|editions?|pages|arxiv preprint|visited on)\b", texto)
        assert not ingles, f"{f.key}: «{ingles and ingles.group(0)}» en «{texto}»"
