"""Genera book/imagenes/ruta_del_curso.svg, la figura de la ruta del curso de la introducción.

Uso: python book/imagenes/generar_ruta.py
"""

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyBboxPatch  # noqa: E402

ETAPAS = [
    ("Fundamentos", "#1f5f8b", ["00 Preparación", "01 Matemáticas", "02 Redes neuronales", "03 NLP clásico"]),
    ("El modelo", "#2e933c", ["04 Arquitectura", "05 Preentrenamiento", "06 Datos"]),
    ("Ajuste y alineamiento", "#d1495b", ["07 SFT, LoRA y QLoRA", "08 Alineamiento", "09 Evaluación"]),
    ("Despliegue y más allá", "#6c4f9c", ["10 Cuantización", "11 Tendencias", "12 Aprendizaje autónomo"]),
]


def main() -> None:
    fig, ax = plt.subplots(figsize=(11, 4.2))
    ax.set_xlim(0, 4)
    ax.set_ylim(-0.2, 5.2)
    ax.axis("off")
    for columna, (etapa, color, capitulos) in enumerate(ETAPAS):
        x = columna + 0.05
        ax.text(x + 0.45, 4.85, etapa, ha="center", va="center", fontsize=12,
                fontweight="bold", color=color)
        for fila, capitulo in enumerate(capitulos):
            y = 3.9 - fila * 1.05
            caja = FancyBboxPatch((x, y), 0.9, 0.7, boxstyle="round,pad=0.02,rounding_size=0.08",
                                  facecolor=color, alpha=0.15 + 0.05 * fila, edgecolor=color)
            ax.add_patch(caja)
            ax.text(x + 0.45, y + 0.35, capitulo, ha="center", va="center", fontsize=10)
        if columna < len(ETAPAS) - 1:
            ax.annotate("", xy=(columna + 1.03, 2.6), xytext=(columna + 0.97, 2.6),
                        arrowprops={"arrowstyle": "-|>", "color": "#555555", "lw": 2})
    fig.tight_layout()
    destino = Path(__file__).with_name("ruta_del_curso.svg")
    fig.savefig(destino, metadata={"Date": None})
    print(f"Figura guardada en {destino}")


if __name__ == "__main__":
    main()
