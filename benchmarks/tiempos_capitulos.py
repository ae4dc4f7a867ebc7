"""Ejecuta cuadernos del libro y mide cuánto tarda cada uno (presupuesto: ≤ 3 min cada uno,
≤ 30 min el libro entero, con 2 núcleos).

Uso::

    python benchmarks/tiempos_capitulos.py                 # todos los de _toc.yml
    python benchmarks/tiempos_capitulos.py book/04_arquitectura/*.ipynb

Imprime una tabla en español y termina con código 1 si algún cuaderno falla.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

RAIZ = Path(__file__).resolve().parents[1]
PRESUPUESTO_CUADERNO = 180.0
PRESUPUESTO_LIBRO = 1800.0


def cuadernos_del_indice() -> list[Path]:
    """Cuadernos en el orden de ``_toc.yml``."""
    texto = (RAIZ / "_toc.yml").read_text(encoding="utf-8")
    rutas = re.findall(r"file:\s*(\S+)", texto)
    return [RAIZ / f"{r}.ipynb" for r in rutas if (RAIZ / f"{r}.ipynb").exists()]


def ejecutar(ruta: Path, tiempo_celda: int = 300) -> tuple[float, str | None]:
    """Ejecuta un cuaderno en su carpeta; devuelve (segundos, error o None)."""
    cuaderno = nbformat.read(ruta, as_version=4)
    cliente = NotebookClient(cuaderno, timeout=tiempo_celda, kernel_name="python3",
                             resources={"metadata": {"path": str(ruta.parent)}})
    inicio = time.perf_counter()
    try:
        cliente.execute()
    except CellExecutionError as error:
        return time.perf_counter() - inicio, str(error).strip().splitlines()[-1]
    return time.perf_counter() - inicio, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cuadernos", nargs="*", type=Path)
    args = parser.parse_args(argv)
    rutas = [p.resolve() for p in args.cuadernos] or cuadernos_del_indice()
    total, fallos = 0.0, 0
    print(f"{'Cuaderno':<60} {'Segundos':>9}  Estado")
    for ruta in rutas:
        segundos, error = ejecutar(ruta)
        total += segundos
        if error:
            fallos += 1
            estado = f"ERROR: {error}"
        elif segundos > PRESUPUESTO_CUADERNO:
            estado = "fuera de presupuesto (> 180 s)"
        else:
            estado = "ok"
        print(f"{str(ruta.relative_to(RAIZ)):<60} {segundos:>9.1f}  {estado}", flush=True)
    print(f"{'Total':<60} {total:>9.1f}  "
          f"{'ok' if total <= PRESUPUESTO_LIBRO else 'fuera de presupuesto (> 1800 s)'}")
    return 1 if fallos else 0


if __name__ == "__main__":
    sys.exit(main())
