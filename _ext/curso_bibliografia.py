"""Citas y bibliografía en español (extensión local de Sphinx).

Registra cuatro complementos de pybtex / sphinxcontrib-bibtex con el nombre ``curso``:

- ``pybtex.style.formatting`` → :class:`EstiloCurso`: la bibliografía en español («y» entre
  los dos últimos autores, «En» para actas y libros colectivos, «pp.», «2.ª ed.», «(eds.)»),
  ordenada por autor, año y título.
- ``pybtex.style.sorting`` → :class:`OrdenAutorAnioTitulo`: por autores, año y título, sin
  que las tildes o las llaves de BibTeX cambien el orden.
- ``pybtex.style.labels`` → :class:`EtiquetasAutorAnio`: cada entrada se etiqueta como se
  cita, «Cover y Thomas, 2006», «Goodfellow et al., 2016»; si dos entradas darían la misma
  etiqueta, el año lleva una letra en el orden de la bibliografía («Mikolov et al., 2013a» y
  «2013b»), también en la propia entrada.
- ``sphinxcontrib.bibtex.style.referencing`` → :class:`ReferenciaAutorAnio`: las citas en el
  texto, «[Cover y Thomas, 2006]», con el mismo año (y letra) que la bibliografía y «s. f.»
  si falta el año.

Se activan en ``_config.yml`` con ``bibtex_default_style: curso`` y
``bibtex_reference_style: curso``.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from string import ascii_lowercase

import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.richtext import Symbol, Tag, Text
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.unsrt import Style as EstiloUnsrt
from pybtex.style.formatting.unsrt import date, pages
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting import BaseSortingStyle
from pybtex.style.template import field as campo
from pybtex.style.template import (
    first_of,
    href,
    join,
    names,
    node,
    optional,
    optional_field,
    sentence,
    tag,
    together,
    words,
)
from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
from sphinxcontrib.bibtex.style.referencing.basic_author_year import (
    BasicAuthorYearParentheticalReferenceStyle,
    BasicAuthorYearTextualReferenceStyle,
)
from sphinxcontrib.bibtex.style.referencing.extra_year import ExtraYearReferenceStyle
from sphinxcontrib.bibtex.style.template import join2, post_text, pre_text, reference

NOMBRE = "curso"
SIN_FECHA = "s. f."
SEP_AUTORES = ", "
SEP_DOS_AUTORES = " y "
SEP_ULTIMO_AUTOR = " y "
ET_AL = " et al."

_ORDINALES_INGLES = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
_ANIO_FINAL = re.compile(r"(\d{4}[a-z]?|s\. f\.)$")


def edicion(texto: str) -> str:
    """«2», «2nd» o «Second» → «2.ª ed.»; cualquier otro texto se deja tal cual."""
    limpio = str(texto).strip()
    numero = re.fullmatch(r"(\d+)\s*(?:st|nd|rd|th|\.?\s*ª|\.ª)?", limpio, flags=re.I)
    if numero:
        return f"{int(numero.group(1))}.ª ed."
    if limpio.lower() in _ORDINALES_INGLES:
        return f"{_ORDINALES_INGLES[limpio.lower()]}.ª ed."
    return limpio


def _texto_plano(latex: str) -> str:
    return Text.from_latex(latex).render_as("text")


def autores_abreviados(entrada) -> str:
    """Apellidos como en la cita: «A», «A y B», «A et al.» (autores, o editores si no hay)."""
    personas = entrada.persons.get("author") or entrada.persons.get("editor") or []
    apellidos = [_texto_plano(" ".join(p.prelast_names + p.last_names)) for p in personas]
    if not apellidos:
        return _texto_plano(entrada.fields.get("title", "")) or entrada.key
    if len(apellidos) == 1:
        return apellidos[0]
    if len(apellidos) == 2:
        return SEP_DOS_AUTORES.join(apellidos)
    return apellidos[0] + ET_AL


def _clave(texto: str) -> str:
    """Texto plano, sin llaves ni tildes y en minúsculas, para ordenar."""
    plano = unicodedata.normalize("NFKD", _texto_plano(texto))
    return "".join(c for c in plano if not unicodedata.combining(c)).lower()


class OrdenAutorAnioTitulo(BaseSortingStyle):
    """Orden alfabético por autores (o editores), año y título, sin mirar tildes ni llaves."""

    def sorting_key(self, entry):
        personas = entry.persons.get("author") or entry.persons.get("editor") or []
        autores = "   ".join(
            _clave(" ".join(p.prelast_names + p.last_names + [" "] + p.first_names + p.middle_names))
            for p in personas
        )
        return (autores or _clave(entry.fields.get("title", "")), entry.fields.get("year", ""),
                _clave(entry.fields.get("title", "")))


class EtiquetasAutorAnio(BaseLabelStyle):
    """Etiquetas «Autor, año» con letra (a, b...) cuando dos entradas coinciden."""

    def format_labels(self, sorted_entries):
        entradas = list(sorted_entries)
        bases = [
            f"{autores_abreviados(e)}, {_texto_plano(e.fields.get('year', '')) or SIN_FECHA}"
            for e in entradas
        ]
        repetidas = {b for b, n in Counter(bases).items() if n > 1}
        vistas: Counter = Counter()
        for base in bases:
            if base in repetidas:
                letra = ascii_lowercase[vistas[base]]
                vistas[base] += 1
                yield base + letra
            else:
                yield base


def anio_de_etiqueta(etiqueta: str, anio: str | None) -> str:
    """El año con su letra tal como aparece al final de la etiqueta, si es el de la entrada."""
    final = _ANIO_FINAL.search(str(etiqueta or ""))
    if final and (anio is None or final.group(1).startswith(anio) or final.group(1) == SIN_FECHA):
        return final.group(1)
    return anio or SIN_FECHA


class EstiloCurso(EstiloUnsrt):
    """Bibliografía en español, ordenada por autor, año y título y etiquetada «Autor, año»."""

    default_sorting_style = NOMBRE
    default_label_style = NOMBRE
    default_name_style = "plain"

    def format_entry(self, label, entry, bib_data=None):
        anio = entry.fields.get("year")
        anio_letra = anio_de_etiqueta(label, anio)
        if anio is not None and anio_letra != anio:
            entry = copy.copy(entry)
            entry.fields = type(entry.fields)(entry.fields)
            entry.fields["year"] = anio_letra
        return super().format_entry(label, entry, bib_data=bib_data)

    def format_names(self, role, as_sentence=True):
        nombres = names(role, sep=SEP_AUTORES, sep2=SEP_DOS_AUTORES, last_sep=SEP_ULTIMO_AUTOR)
        return sentence[nombres] if as_sentence else nombres

    def get_article_template(self, e):
        volumen_y_paginas = first_of[
            optional[join[campo("volume"), optional["(", campo("number"), ")"], ":", pages]],
            words["pp.", pages],
        ]
        return toplevel[
            self.format_names("author"),
            self.format_title(e, "title"),
            sentence[tag("em")[campo("journal")], optional[volumen_y_paginas], date],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def format_editor(self, e, as_sentence=True):
        editores = self.format_names("editor", as_sentence=False)
        if "editor" not in e.persons:
            return editores
        palabra = "(eds.)" if len(e.persons["editor"]) > 1 else "(ed.)"
        resultado = join(sep=" ")[editores, palabra]
        return sentence[resultado] if as_sentence else resultado

    def format_volume_and_series(self, e, as_sentence=True):
        volumen_y_serie = optional[
            words[
                together["Volumen" if as_sentence else "volumen", campo("volume")],
                optional[words["de", campo("series")]],
            ]
        ]
        numero_y_serie = optional[
            words[
                join(sep=Symbol("nbsp"))["Número" if as_sentence else "número", campo("number")],
                optional[words["en", campo("series")]],
            ]
        ]
        resultado = first_of[volumen_y_serie, numero_y_serie, optional_field("series")]
        return sentence(capfirst=True)[resultado] if as_sentence else resultado

    def format_chapter_and_pages(self, e):
        return join(sep=", ")[
            optional[together["capítulo", campo("chapter")]],
            optional[words["pp.", pages]],
        ]

    def format_edition(self, e):
        return optional[campo("edition", apply_func=lambda t: Text(edicion(str(t))))]

    def get_inbook_template(self, e):
        return toplevel[
            self.format_author_or_editor(e),
            sentence[
                self.format_btitle(e, "title", as_sentence=False),
                self.format_chapter_and_pages(e),
            ],
            self.format_volume_and_series(e),
            sentence[
                campo("publisher"),
                optional_field("address"),
                self.format_edition(e),
                date,
                optional_field("note"),
            ],
            self.format_web_refs(e),
        ]

    def get_incollection_template(self, e):
        return toplevel[
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            words[
                "En",
                sentence[
                    optional[self.format_editor(e, as_sentence=False)],
                    self.format_btitle(e, "booktitle", as_sentence=False),
                    self.format_volume_and_series(e, as_sentence=False),
                    self.format_chapter_and_pages(e),
                ],
            ],
            sentence[
                optional_field("publisher"),
                optional_field("address"),
                self.format_edition(e),
                date,
            ],
            self.format_web_refs(e),
        ]

    def get_inproceedings_template(self, e):
        # «En Título de las actas, pp. 1–10. Editorial, Lugar, 2019.» en una sola frase final.
        return toplevel[
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            words[
                "En",
                sentence[
                    optional[self.format_editor(e, as_sentence=False)],
                    self.format_btitle(e, "booktitle", as_sentence=False),
                    self.format_volume_and_series(e, as_sentence=False),
                    optional[words["pp.", pages]],
                    optional_field("organization"),
                    optional_field("publisher"),
                    optional_field("address"),
                    date,
                ],
            ],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_mastersthesis_template(self, e):
        return toplevel[
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            sentence["Tesis de maestría", campo("school"), optional_field("address"), date],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_phdthesis_template(self, e):
        return toplevel[
            sentence[self.format_names("author")],
            self.format_btitle(e, "title"),
            sentence[
                first_of[optional_field("type"), "Tesis doctoral"],
                campo("school"),
                optional_field("address"),
                date,
            ],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_techreport_template(self, e):
        return toplevel[
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            sentence[
                words[first_of[optional_field("type"), "Informe técnico"], optional_field("number")],
                campo("institution"),
                optional_field("address"),
                date,
            ],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def format_web_refs(self, e):
        return sentence[
            optional[self.format_url(e), optional[" (consultado el ", campo("urldate"), ")"]],
            optional[self.format_eprint(e)],
            optional[self.format_pubmed(e)],
            optional[self.format_doi(e)],
        ]

    def format_url(self, e):
        url = campo("url", raw=True)
        return href(url)[url]


@node
def anio(children, data):
    """El año de la entrada con la letra que le dio la bibliografía («2013a»), o «s. f.»."""
    assert not children
    entrada = data["entry"]
    etiqueta = getattr(data.get("formatted_entry"), "label", "")
    anio_campo = entrada.fields.get("year")
    return Text(anio_de_etiqueta(etiqueta, _texto_plano(anio_campo) if anio_campo else None))


@dataclass
class _Parentetica(BasicAuthorYearParentheticalReferenceStyle):
    def inner(self, role_name):
        return join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[
            pre_text,
            reference[
                join(sep=self.author_year_sep)[
                    self.person.author_or_editor_or_title(full="s" in role_name),
                    anio,
                ]
            ],
            post_text,
        ]


@dataclass
class _Textual(BasicAuthorYearTextualReferenceStyle):
    def inner(self, role_name):
        return join(sep=self.text_reference_sep)[
            self.person.author_or_editor_or_title(full="s" in role_name),
            join[
                self.bracket.left,
                join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[
                    pre_text, reference[anio], post_text,
                ],
                self.bracket.right,
            ],
        ]


@dataclass
class _Anio(ExtraYearReferenceStyle):
    def inner(self, role_name):
        return reference[anio]


def _personas() -> PersonStyle:
    return PersonStyle(sep=SEP_AUTORES, sep2=SEP_DOS_AUTORES, last_sep=SEP_ULTIMO_AUTOR,
                       other=Text(" ", Tag("em", "et al.")))


def _corchetes() -> BracketStyle:
    # Varias obras en la misma cita: «[Kingma y Ba, 2015; Loshchilov y Hutter, 2019]».
    return BracketStyle(left="[", right="]", sep="; ", sep2="; ", last_sep="; ")


@dataclass
class ReferenciaAutorAnio(AuthorYearReferenceStyle):
    """Citas autor-año en español: «[Cover y Thomas, 2006]», «Cover y Thomas [2006]»."""

    bracket_textual: BracketStyle = field(default_factory=_corchetes)
    bracket_parenthetical: BracketStyle = field(default_factory=_corchetes)
    bracket_author: BracketStyle = field(default_factory=_corchetes)
    bracket_label: BracketStyle = field(default_factory=_corchetes)
    bracket_year: BracketStyle = field(default_factory=_corchetes)
    person: PersonStyle = field(default_factory=_personas)

    def __post_init__(self):
        super().__post_init__()
        # Cambia los estilos de año de la clase base por los que añaden la letra (2013a).
        sustitutos = {
            BasicAuthorYearParentheticalReferenceStyle: _Parentetica(
                bracket=self.bracket_parenthetical, person=self.person,
                author_year_sep=self.author_year_sep, pre_text_sep=self.pre_text_sep,
                post_text_sep=self.post_text_sep),
            BasicAuthorYearTextualReferenceStyle: _Textual(
                bracket=self.bracket_textual, person=self.person,
                text_reference_sep=self.text_reference_sep, pre_text_sep=self.pre_text_sep,
                post_text_sep=self.post_text_sep),
            ExtraYearReferenceStyle: _Anio(bracket=self.bracket_year),
        }
        self.styles[:] = [sustitutos.get(type(s), s) for s in self.styles]
        self.role_style.update(
            (rol, estilo) for estilo in self.styles for rol in estilo.role_names()
        )


def registrar() -> None:
    """Registra los complementos con el nombre ``curso`` (idempotente)."""
    pybtex.plugin.register_plugin("pybtex.style.formatting", NOMBRE, EstiloCurso, force=True)
    pybtex.plugin.register_plugin("pybtex.style.labels", NOMBRE, EtiquetasAutorAnio, force=True)
    pybtex.plugin.register_plugin("pybtex.style.sorting", NOMBRE, OrdenAutorAnioTitulo, force=True)
    sphinxcontrib.bibtex.plugin.register_plugin(
        "sphinxcontrib.bibtex.style.referencing", NOMBRE, ReferenciaAutorAnio, force=True
    )


registrar()


def setup(app):
    registrar()
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
