"""La API pública de ``curso_llm`` es uniforme: cada función y clase pública dice qué capítulo
la enseña, y cada concepto tiene un solo nombre."""

import ast
import re
from pathlib import Path

import pytest

PAQUETE = Path(__file__).resolve().parents[1] / "code" / "curso_llm"
TITULOS = {0: "Preparación", 1: "Matemáticas", 2: "Redes neuronales", 3: "PLN clásico",
           4: "Arquitectura", 5: "Preentrenamiento", 6: "Datos para ajuste fino", 7: "SFT", 8: "Alineamiento",
           9: "Evaluación", 10: "Cuantización", 11: "Tendencias", 12: "Aprendizaje autónomo"}
# El calificador y el registro de ejercicios tienen su propia convención (otra parte del paquete).
FUERA = ("calificador", "calificar", "ejercicios")
LINEA = re.compile(r"^Capítulo (\d+) \((.+)\)\.$", re.M)
# Nombres antiguos de un concepto que ya tiene nombre (antiguo → actual).
NOMBRES_UNICOS = {"tam_lote": "tamano_lote", "tam_vocab": "tamano_vocabulario",
                  "tasa": "tasa_aprendizaje", "seed": "semilla", "device": "dispositivo",
                  "num_pasos": "pasos", "max_posiciones": "long_max", "capas": "n_capas",
                  "dimension": "dim_embedding"}
# Referencias de ejercicios: sus parámetros son los de los esbozos y no se renombran.
REFERENCIAS_DE_EJERCICIOS = {"paso_sgd_momentum", "paso_adam", "paso_adamw"}


def _archivos():
    for archivo in sorted(PAQUETE.rglob("*.py")):
        partes = archivo.relative_to(PAQUETE).with_suffix("").parts
        if partes[0] in FUERA or any(p.startswith("_") and p != "__init__" for p in partes):
            continue
        yield archivo


def _publicos():
    for archivo in _archivos():
        arbol = ast.parse(archivo.read_text(encoding="utf-8"))
        for nodo in arbol.body:
            if isinstance(nodo, (ast.FunctionDef, ast.ClassDef)) and not nodo.name.startswith("_"):
                yield archivo.relative_to(PAQUETE).as_posix(), nodo


PUBLICOS = list(_publicos())


def test_hay_funciones_publicas():
    nombres = {n.name for _, n in PUBLICOS}
    assert {"softmax_estable", "paso_adam", "preparar_notas", "comprobar_tensor",
            "ruta_modelo_base", "construir_modelo_base"} <= nombres


@pytest.mark.parametrize(("archivo", "nodo"), PUBLICOS,
                         ids=[f"{a}:{n.name}" for a, n in PUBLICOS])
def test_cada_funcion_publica_dice_su_capitulo(archivo, nodo):
    doc = ast.get_docstring(nodo) or ""
    encontradas = LINEA.findall(doc)
    assert len(encontradas) == 1, (
        f"{archivo}:{nodo.name} necesita una línea «Capítulo N (Título).» en su docstring "
        "(el primer capítulo que la usa)."
    )
    numero, titulo = encontradas[0]
    assert TITULOS.get(int(numero)) == titulo, f"{archivo}:{nodo.name}: «{titulo}» no es el " \
        f"título corto del capítulo {numero} ({TITULOS.get(int(numero))})."


@pytest.mark.parametrize(("archivo", "nodo"), PUBLICOS,
                         ids=[f"{a}:{n.name}" for a, n in PUBLICOS])
def test_un_nombre_por_concepto(archivo, nodo):
    funciones = [nodo] if isinstance(nodo, ast.FunctionDef) else [
        f for f in nodo.body if isinstance(f, ast.FunctionDef)]
    for funcion in funciones:
        if funcion.name in REFERENCIAS_DE_EJERCICIOS:
            continue
        args = funcion.args
        nombres = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
        viejos = [n for n in nombres if n in NOMBRES_UNICOS]
        assert not viejos, (
            f"{archivo}:{funcion.name} usa {viejos}: llámalos "
            + ", ".join(NOMBRES_UNICOS[v] for v in viejos) + " como el resto del paquete."
        )


def test_sin_copias_privadas_de_las_comprobaciones():
    prohibidas = re.compile(r"^def _(positivo|beta|tensor|comprobar_tensor|comprobar_logits|"
                            r"comprobar_max_tokens|como_arreglo|validar_paso|validar_k|"
                            r"misma_forma|validar_distribucion)\(", re.M)
    culpables = [a.name for a in PAQUETE.rglob("*.py")
                 if prohibidas.search(a.read_text(encoding="utf-8"))]
    assert not culpables, f"Usa curso_llm.comprobaciones en lugar de copias en {culpables}."
