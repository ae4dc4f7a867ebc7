"""Comprueba el sitio construido (_build/html): cada capítulo tiene enlaces de Colab y Binder
a su .ipynb del repositorio, los textos del tema están en español y MathJax se sirve en local.

Uso: python .ci/comprobar_sitio.py   (después de make libro)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

RAIZ = Path(__file__).resolve().parents[1]
HTML = RAIZ / "_build" / "html"
EN_INGLES = ["Launch on", "Suggest edit", "Open issue", "Search this book", "Toggle primary sidebar",
             "Link to this", "Issue%20on%20page", "Your%20issue", 'aria-label="Main"']


def main() -> int:
    config = yaml.safe_load((RAIZ / "_config.yml").read_text(encoding="utf-8"))
    repo = config["repository"]["url"].removeprefix("https://github.com/")
    rama = config["repository"]["branch"]
    errores: list[str] = []
    cuadernos = sorted((RAIZ / "book").rglob("*.ipynb"))
    for cuaderno in cuadernos:
        relativo = cuaderno.relative_to(RAIZ).as_posix()
        pagina = HTML / Path(relativo).with_suffix(".html")
        if not pagina.is_file():
            errores.append(f"{relativo}: falta la página {pagina.relative_to(RAIZ)}")
            continue
        texto = pagina.read_text(encoding="utf-8")
        colab = f"https://colab.research.google.com/github/{repo}/blob/{rama}/{relativo}"
        binder = f"https://mybinder.org/v2/gh/{repo}/{rama}?urlpath=tree/{relativo}"
        if colab not in texto:
            errores.append(f"{relativo}: sin enlace de Colab a {colab}")
        if binder not in texto:
            errores.append(f"{relativo}: sin enlace de Binder a {binder}")
        for frase in EN_INGLES:
            if frase in texto:
                errores.append(f"{relativo}: texto del tema en inglés: {frase!r}")
        if "Abrir en" not in texto:
            errores.append(f"{relativo}: falta «Abrir en» en el botón de ejecución")
        figuras = len(re.findall(r"\{glue:figure\}", cuaderno.read_text(encoding="utf-8")))
        imagenes = len(re.findall(r'<img[^>]+src="[^"]*_images/[^"]+\.png"', texto))
        if imagenes < figuras:
            errores.append(f"{relativo}: {figuras} figuras pegadas y solo {imagenes} imágenes PNG")
        if "&lt;Figure size" in texto:
            errores.append(f"{relativo}: una figura salió como texto («<Figure size ...>»)")
        if re.search(r'src="https?://[^"]*mathjax', texto, re.I):
            errores.append(f"{relativo}: MathJax se carga desde una CDN")
    if not (HTML / "_static" / "mathjax" / "tex-chtml.js").is_file():
        errores.append("Falta _static/mathjax/tex-chtml.js (MathJax sin conexión)")
    for error in errores:
        print("ERROR:", error)
    print(f"Sitio comprobado: {len(cuadernos)} cuadernos, {len(errores)} problemas.")
    return 1 if errores else 0


if __name__ == "__main__":
    sys.exit(main())
