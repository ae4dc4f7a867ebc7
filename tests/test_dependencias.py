"""Las dependencias entre módulos de ``curso_llm`` van en un solo sentido.

Se leen los ``import`` de cada archivo con ``ast`` (también los que están dentro de
funciones) y se comprueba que no existe ninguna arista prohibida.
"""

import ast
from pathlib import Path

import pytest

PAQUETE = Path(__file__).resolve().parents[1] / "code" / "curso_llm"


def _modulo(archivo: Path) -> str:
    partes = archivo.relative_to(PAQUETE.parent).with_suffix("").parts
    return ".".join(partes[:-1] if partes[-1] == "__init__" else partes)


def _importados(archivo: Path) -> set[str]:
    """Nombres completos de los módulos que importa ``archivo`` (relativos resueltos)."""
    modulo = _modulo(archivo)
    paquete = modulo if archivo.name == "__init__.py" else modulo.rsplit(".", 1)[0]
    nombres = set()
    for nodo in ast.walk(ast.parse(archivo.read_text(encoding="utf-8"))):
        if isinstance(nodo, ast.Import):
            nombres.update(alias.name for alias in nodo.names)
        elif isinstance(nodo, ast.ImportFrom):
            if nodo.level:
                base = paquete.split(".")
                base = base[: len(base) - (nodo.level - 1)]
                origen = ".".join(base + ([nodo.module] if nodo.module else []))
            else:
                origen = nodo.module or ""
            nombres.add(origen)
            # «from . import entorno» importa el submódulo curso_llm.entorno
            nombres.update(f"{origen}.{alias.name}" for alias in nodo.names)
    return nombres


GRAFO = {_modulo(a): _importados(a) for a in sorted(PAQUETE.rglob("*.py"))}


def _depende(origen: str, destino: str) -> list[str]:
    """Módulos de ``origen`` (y sus submódulos) que importan ``destino`` (o un submódulo)."""
    return sorted(
        m for m, importados in GRAFO.items()
        if (m == origen or m.startswith(origen + "."))
        and any(i == destino or i.startswith(destino + ".") for i in importados)
    )


PROHIBIDAS = [
    # La evaluación mide modelos; no necesita saber entrenarlos.
    ("curso_llm.evaluacion", "curso_llm.entrenamiento"),
    # Dónde vive el modelo base es cosa de modelos; entrenamiento escribe ahí a través de él.
    ("curso_llm.modelos", "curso_llm.entrenamiento"),
    ("curso_llm.modelos", "curso_llm.evaluacion"),
    ("curso_llm.tokenizacion", "curso_llm.modelos"),
    ("curso_llm.tokenizacion", "curso_llm.entrenamiento"),
    # Los datos no dependen de modelos ni de entrenamiento.
    ("curso_llm.datos", "curso_llm.modelos"),
    ("curso_llm.datos", "curso_llm.entrenamiento"),
    ("curso_llm.datos", "curso_llm.evaluacion"),
    # La lección no depende de las herramientas de capítulos posteriores.
    ("curso_llm.matematicas", "curso_llm.redes"),
    ("curso_llm.redes", "curso_llm.entrenamiento"),
]


def test_el_grafo_se_leyo():
    assert "curso_llm.evaluacion" in GRAFO and "curso_llm.entrenamiento.modelo_base" in GRAFO
    # Una arista que sí existe: si el análisis fallara, las prohibidas pasarían sin mirar.
    assert _depende("curso_llm.entrenamiento", "curso_llm.modelos")
    assert _depende("curso_llm.evaluacion", "curso_llm.datos")


@pytest.mark.parametrize(("origen", "destino"), PROHIBIDAS, ids=lambda x: x)
def test_aristas_prohibidas(origen, destino):
    culpables = _depende(origen, destino)
    assert not culpables, f"{', '.join(culpables)} importa {destino}: invierte la dependencia."


def test_comprobaciones_no_depende_de_nada_del_paquete():
    assert not [i for i in GRAFO["curso_llm.comprobaciones"] if i.startswith("curso_llm")]


@pytest.mark.parametrize("fuera", ["book", "exercises", "tests", "benchmarks"])
def test_el_paquete_no_importa_el_libro_ni_las_pruebas(fuera):
    culpables = sorted(m for m, importados in GRAFO.items()
                       if any(i == fuera or i.startswith(fuera + ".") for i in importados))
    assert not culpables, f"{', '.join(culpables)} importa {fuera}: curso_llm debe ser autónomo."
