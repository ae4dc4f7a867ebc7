"""Genera book/imagenes/ruta_del_curso.svg, la figura de la ruta del curso de la introducción.

Los capítulos publicados (los que están en ``_toc.yml``) se dibujan con trazo continuo; los
demás, con trazo discontinuo y las palabras «en preparación». La lista de publicados queda en los
metadatos del SVG (``dc:description``) y ``tests/test_navegacion.py`` comprueba que coincide
con ``_toc.yml`` y con la lista de ``book/intro.md``: si añades un capítulo, vuelve a generar la
figura.

Uso: python book/imagenes/generar_ruta.py
"""

import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyBboxPatch  # noqa: E402

RAIZ = Path(__file__).resolve().parents[2]

# (etapa, color, [(número, nombre corto), ...]): los trece capítulos del curso.
ETAPAS = [
    ("Fundamentos", "#1f5f8b",
     [(0, "Preparación"), (1, "Matemáticas"), (2, "Redes neuronales"), (3, "NLP clásico")]),
    ("El modelo", "#2e933c", [(4, "Arquitectura"), (5, "Preentrenamiento"), (6, "Datos")]),
    ("Ajuste y alineamiento", "#d1495b",
     [(7, "SFT, LoRA y QLoRA"), (8, "Alineamiento"), (9, "Evaluación")]),
    ("Despliegue y más allá", "#6c4f9c",
     [(10, "Cuantización"), (11, "Tendencias"), (12, "Aprendizaje autónomo")]),
]
PREFIJO_DESCRIPCION = "Capítulos publicados: "


def capitulos_publicados(indice: Path = RAIZ / "_toc.yml") -> list[int]:
    """Números de los capítulos que tienen alguna página en el índice del libro."""
    texto = indice.read_text(encoding="utf-8")
    return sorted({int(n) for n in re.findall(r"file:\s*book/(\d\d)_", texto)})


def descripcion(publicados: list[int]) -> str:
    """Texto que se guarda en los metadatos del SVG, p. ej. «Capítulos publicados: 0, 1, 2»."""
    return PREFIJO_DESCRIPCION + ", ".join(str(n) for n in publicados)


def dibujar(publicados: list[int]):
    """La figura de la ruta: una columna por etapa y una caja por capítulo."""
    fig, ax = plt.subplots(figsize=(11, 4.2))
    ax.set_xlim(0, 4)
    ax.set_ylim(-0.2, 5.2)
    ax.axis("off")
    for columna, (etapa, color, capitulos) in enumerate(ETAPAS):
        x = columna + 0.05
        ax.text(x + 0.45, 4.85, etapa, ha="center", va="center", fontsize=12,
                fontweight="bold", color=color)
        for fila, (numero, nombre) in enumerate(capitulos):
            y = 3.9 - fila * 1.05
            forma = "round,pad=0.02,rounding_size=0.08"
            if numero in publicados:
                caja = FancyBboxPatch((x, y), 0.9, 0.7, boxstyle=forma, facecolor=color,
                                      alpha=0.15 + 0.05 * fila, edgecolor=color)
                ax.add_patch(caja)
                ax.text(x + 0.45, y + 0.35, f"{numero}. {nombre}", ha="center", va="center",
                        fontsize=10)
            else:
                caja = FancyBboxPatch((x, y), 0.9, 0.7, boxstyle=forma, facecolor="white",
                                      edgecolor=color, linestyle="--", alpha=0.6)
                ax.add_patch(caja)
                ax.text(x + 0.45, y + 0.44, f"{numero}. {nombre}", ha="center", va="center",
                        fontsize=10, color="#666666")
                ax.text(x + 0.45, y + 0.2, "en preparación", ha="center", va="center",
                        fontsize=8, style="italic", color="#888888")
        if columna < len(ETAPAS) - 1:
            ax.annotate("", xy=(columna + 1.03, 2.6), xytext=(columna + 0.97, 2.6),
                        arrowprops={"arrowstyle": "-|>", "color": "#555555", "lw": 2})
    fig.tight_layout()
    return fig


def main() -> None:
    publicados = capitulos_publicados()
    fig = dibujar(publicados)
    destino = Path(__file__).with_name("ruta_del_curso.svg")
    plt.rcParams["svg.hashsalt"] = "ruta_del_curso"  # identificadores estables entre ejecuciones
    fig.savefig(destino, metadata={"Date": None, "Description": descripcion(publicados)})
    plt.close(fig)
    print(f"Figura guardada en {destino} ({descripcion(publicados)})")


if __name__ == "__main__":
    main()
