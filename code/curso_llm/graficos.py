"""Un único estilo de matplotlib para todo el libro y las figuras que se repiten.

Todas las funciones devuelven la figura (``matplotlib.figure.Figure``) para poder pegarla
en el libro con ``glue`` y ponerle un pie de figura.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib

matplotlib.use(matplotlib.get_backend() or "Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

COLORES = ["#1f5f8b", "#d1495b", "#2e933c", "#edae49", "#6c4f9c", "#00798c", "#7a7a7a"]

ESTILO = {
    "figure.figsize": (7.0, 4.2),
    "figure.dpi": 110,
    "savefig.dpi": 150,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "legend.frameon": False,
    "axes.prop_cycle": matplotlib.cycler(color=COLORES),
    "axes.formatter.use_locale": False,
}


def aplicar_estilo() -> None:
    """Aplica el estilo del curso a matplotlib (se llama al importar el módulo).

    Capítulo 1 (Matemáticas).
    """
    plt.rcParams.update(ESTILO)


aplicar_estilo()


def nueva_figura(titulo: str = "", eje_x: str = "", eje_y: str = "", **kwargs):
    """Crea una figura con un solo eje, título y etiquetas en español. Devuelve ``(fig, ax)``.

    Capítulo 1 (Matemáticas).
    """
    fig, ax = plt.subplots(**kwargs)
    ax.set_title(titulo)
    ax.set_xlabel(eje_x)
    ax.set_ylabel(eje_y)
    return fig, ax


def curvas(
    series: Mapping[str, Sequence[float]] | Mapping[str, tuple[Sequence[float], Sequence[float]]],
    titulo: str = "Curva de pérdida",
    eje_x: str = "Paso",
    eje_y: str = "Pérdida",
    escala_log: bool = False,
):
    """Dibuja varias curvas con leyenda. Cada serie es una lista de valores (eje x = 0, 1, ...)
    o un par ``(x, y)``.

    Capítulo 1 (Matemáticas).
    """
    fig, ax = nueva_figura(titulo, eje_x, eje_y)
    for nombre, datos in series.items():
        if isinstance(datos, tuple) and len(datos) == 2:
            x, y = datos
        else:
            y = list(datos)
            x = range(len(y))
        ax.plot(list(x), list(y), label=nombre, linewidth=1.8)
    if escala_log:
        ax.set_yscale("log")
    if len(series) > 1:
        ax.legend()
    fig.tight_layout()
    return fig


def barras(
    valores: Mapping[str, float],
    titulo: str = "",
    eje_y: str = "",
    formato: str = "{:.3g}",
):
    """Barras comparativas con el valor escrito encima de cada una.

    Capítulo 3 (PLN clásico).
    """
    fig, ax = nueva_figura(titulo, "", eje_y)
    nombres = list(valores)
    alturas = [float(valores[n]) for n in nombres]
    rects = ax.bar(nombres, alturas, color=COLORES[: len(nombres)] or None)
    for rect, altura in zip(rects, alturas):
        ax.annotate(formato.format(altura), (rect.get_x() + rect.get_width() / 2, altura),
                    ha="center", va="bottom", fontsize=9, xytext=(0, 2),
                    textcoords="offset points")
    ax.grid(axis="x", visible=False)
    fig.tight_layout()
    return fig


def mapa_calor(
    matriz,
    etiquetas_x: Sequence[str] | None = None,
    etiquetas_y: Sequence[str] | None = None,
    titulo: str = "",
    eje_x: str = "",
    eje_y: str = "",
    barra: str = "",
    cmap: str = "viridis",
):
    """Mapa de calor (p. ej. pesos de atención: filas = consultas, columnas = claves).

    Capítulo 1 (Matemáticas).
    """
    matriz = np.asarray(matriz, dtype=float)
    alto = max(3.0, min(8.0, 0.35 * matriz.shape[0] + 1.5))
    ancho = max(4.0, min(10.0, 0.35 * matriz.shape[1] + 2.5))
    fig, ax = nueva_figura(titulo, eje_x, eje_y, figsize=(ancho, alto))
    imagen = ax.imshow(matriz, cmap=cmap, aspect="auto")
    ax.grid(False)
    if etiquetas_x is not None:
        ax.set_xticks(range(len(etiquetas_x)), etiquetas_x, rotation=60, ha="right", fontsize=8)
    if etiquetas_y is not None:
        ax.set_yticks(range(len(etiquetas_y)), etiquetas_y, fontsize=8)
    color = fig.colorbar(imagen, ax=ax)
    if barra:
        color.set_label(barra)
    fig.tight_layout()
    return fig
