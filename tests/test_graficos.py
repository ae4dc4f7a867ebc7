"""El estilo común y las figuras devuelven figuras con etiquetas; glue funciona sin myst-nb."""

import builtins

from matplotlib.figure import Figure

from curso_llm import graficos, libro


def test_curvas_barras_y_mapa():
    fig = graficos.curvas({"entrenamiento": [3, 2, 1], "validación": ([0, 2], [3, 2])},
                          titulo="Pérdida", eje_x="Época")
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert ax.get_xlabel() == "Época" and ax.get_ylabel() == "Pérdida"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["entrenamiento", "validación"]
    fig = graficos.barras({"SGD": 1.0, "Adam": 0.5}, titulo="t", eje_y="Pérdida")
    assert [t.get_text() for t in fig.axes[0].texts] == ["1", "0.5"]
    fig = graficos.mapa_calor([[1, 0], [0.5, 0.5]], ["a", "b"], ["a", "b"], barra="peso")
    assert len(fig.axes) == 2  # mapa + barra de color


def test_glue_sin_myst_nb(monkeypatch):
    importar = builtins.__import__

    def sin_myst(nombre, *args, **kwargs):
        if nombre.startswith("myst_nb"):
            raise ImportError(nombre)
        return importar(nombre, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", sin_myst)
    assert libro.glue("x", 3.5) is None  # no repite el valor al final de una celda


def test_glue_convierte_escalares_de_numpy_y_torch(monkeypatch):
    import numpy as np
    import torch

    registrados = {}
    monkeypatch.setattr("myst_nb.glue", lambda n, v, display=True: registrados.__setitem__(n, v))
    libro.glue("a", np.float64(0.25))
    libro.glue("b", torch.tensor(3))
    libro.glue("c", np.arange(3))
    assert type(registrados["a"]) is float and registrados["a"] == 0.25
    assert type(registrados["b"]) is int
    assert isinstance(registrados["c"], np.ndarray)
