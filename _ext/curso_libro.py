"""Extensión local de Sphinx para el libro del curso.

- Traduce al español los textos del tema que siguen en inglés ("Launch on", "Suggest edit",
  "Repository", "Search"...): compila ``locale/es/LC_MESSAGES/booktheme.po`` con babel y lo
  pone por delante del catálogo del tema.
- Sirve MathJax desde la propia compilación (paquete ``sphinx-mathjax-offline``), sin CDN:
  las ecuaciones se ven sin conexión.
- Permite forzar la ejecución de los cuadernos con ``CURSO_LLM_EJECUCION=force`` (CI).
- Marca la compilación con ``CURSO_LLM_LIBRO=1``, que heredan los núcleos de los cuadernos:
  así el calificador no registra como intentos las calificaciones que hace el libro.
- Si ``CURSO_LLM_CACHE`` no está definida, la apunta a ``_build/cache_artefactos``: el libro
  no lee la caché de modelos de quien compila (``curso_llm.artefactos``) y los capítulos
  reutilizan lo que entrenaron los anteriores en la misma compilación.
- Añade a la bibliografía los ``referencias.bib`` de cada capítulo.
"""

from __future__ import annotations

import gettext
import importlib.util
import os
import shutil
from pathlib import Path

from sphinx.locale import translators

AQUI = Path(__file__).resolve().parent
CATALOGO = "booktheme"
MODOS_EJECUCION = ("off", "force", "auto", "cache", "inline")


def _directorio_mathjax() -> Path | None:
    spec = importlib.util.find_spec("sphinx-mathjax-offline")
    if spec is None or not spec.submodule_search_locations:
        return None
    ruta = Path(list(spec.submodule_search_locations)[0]) / "static" / "mathjax"
    return ruta if ruta.is_dir() else None


def _configurar(app, config):
    # Los núcleos heredan el entorno: durante la compilación, nada cuenta como intento.
    os.environ["CURSO_LLM_LIBRO"] = "1"
    # ...y pista()/solucion() no leen los intentos de quien compila (su ~/.cache): el libro
    # se ve igual en cualquier equipo. El archivo no llega a crearse.
    os.environ["CURSO_LLM_ESTADO"] = str(Path(app.outdir).parent / "intentos_libro.json")
    # Los modelos y resultados que entrena un capítulo van a una caché de la compilación (la
    # reutilizan los capítulos siguientes), no a la de quien compila. CI la borra antes.
    if not os.environ.get("CURSO_LLM_CACHE", "").strip():
        os.environ["CURSO_LLM_CACHE"] = str(Path(app.outdir).parent / "cache_artefactos")
    # Con MPLBACKEND=Agg (CI, pruebas) los núcleos no registran el formato PNG de las figuras
    # de matplotlib y glue las guardaría como texto («<Figure size ...>»): que usen el suyo.
    if not os.environ.get("MPLBACKEND", "").startswith("module://matplotlib_inline"):
        os.environ.pop("MPLBACKEND", None)
    modo = os.environ.get("CURSO_LLM_EJECUCION", "").strip()
    if modo:
        if modo not in MODOS_EJECUCION:
            raise ValueError(
                f"CURSO_LLM_EJECUCION vale {modo!r}; usa uno de: {', '.join(MODOS_EJECUCION)}."
            )
        config.nb_execution_mode = modo
    if _directorio_mathjax() is None:
        raise RuntimeError(
            "Falta el paquete sphinx-mathjax-offline (MathJax sin conexión): instálalo con "
            "'pip install -r requirements.txt'."
        )
    config.mathjax_path = "mathjax/tex-chtml.js"
    fuente = Path(app.srcdir)
    extra = sorted(str(p.relative_to(fuente)) for p in (fuente / "book").glob("*/referencias.bib"))
    config.bibtex_bibfiles = list(dict.fromkeys([*config.bibtex_bibfiles, *extra]))


def _compilar_catalogo(destino: Path) -> Path:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po = AQUI / "locale" / "es" / "LC_MESSAGES" / f"{CATALOGO}.po"
    mo = destino / "es" / "LC_MESSAGES" / f"{CATALOGO}.mo"
    mo.parent.mkdir(parents=True, exist_ok=True)
    with po.open("rb") as entrada:
        catalogo = read_po(entrada, locale="es")
    with mo.open("wb") as salida:
        write_mo(salida, catalogo)
    return destino


def _traducir_tema(app):
    if not (app.config.language or "").startswith("es"):
        return
    directorio = _compilar_catalogo(Path(app.doctreedir) / "curso_locale")
    nuestro = gettext.translation(CATALOGO, localedir=str(directorio), languages=["es"])
    clave = ("general", CATALOGO)
    anterior = translators.get(clave)
    if anterior is not None and anterior.__class__ is not gettext.NullTranslations:
        nuestro.add_fallback(anterior)
    translators[clave] = nuestro


def _copiar_mathjax(app, excepcion):
    if excepcion is None and app.builder.format == "html":
        destino = Path(app.outdir) / "_static" / "mathjax"
        if not destino.exists():
            shutil.copytree(_directorio_mathjax(), destino)


def _informar_tiempos(app, excepcion):
    """Escribe e imprime el tiempo de ejecución de cada cuaderno (presupuesto: ≤ 180 s)."""
    metadatos = getattr(app.env, "nb_metadata", {}) or {}
    filas = []
    for documento in sorted(metadatos):
        datos = metadatos[documento].get("exec_data")
        if datos:
            filas.append((documento, float(datos.get("runtime") or 0.0), datos.get("method", ""),
                          "ok" if datos.get("succeeded") else "ERROR"))
    if not filas:
        return
    lineas = [f"{'Cuaderno':<55} {'Segundos':>9}  {'Método':<8} Estado"]
    lineas += [f"{d:<55} {t:>9.1f}  {m:<8} {e}" for d, t, m, e in filas]
    lineas.append(f"{'Total':<55} {sum(f[1] for f in filas):>9.1f}")
    texto = "\n".join(lineas)
    (Path(app.outdir).parent / "tiempos_ejecucion.txt").write_text(texto + "\n", encoding="utf-8")
    print("\nTiempo de ejecución de cada cuaderno:\n" + texto)


def _boton_de_problema_en_espanol(app, pagename, templatename, context, doctree):
    """El botón «Informar de un problema» abre una incidencia con título y cuerpo en español
    (el tema los escribe en inglés dentro de la URL)."""

    def traducir(nodo):
        if isinstance(nodo, dict):
            url = nodo.get("url")
            if isinstance(url, str) and "issue" in url:
                nodo["url"] = (url.replace("Issue%20on%20page", "Problema%20en%20la%20p%C3%A1gina")
                               .replace("Your%20issue%20content%20here.",
                                        "Describe%20aqu%C3%AD%20el%20problema."))
            for valor in nodo.values():
                traducir(valor)
        elif isinstance(nodo, list):
            for valor in nodo:
                traducir(valor)

    traducir(context.get("header_buttons", []))


def setup(app):
    app.connect("config-inited", _configurar, priority=100)
    app.connect("builder-inited", _traducir_tema, priority=900)
    app.connect("html-page-context", _boton_de_problema_en_espanol, priority=900)
    app.connect("build-finished", _copiar_mathjax)
    app.connect("build-finished", _informar_tiempos)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}
