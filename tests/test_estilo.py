"""Convenciones de escritura del libro (CONTRIBUIR.md, «Convenciones de escritura»).

Comprueba en el texto de los cuadernos lo que se puede detectar sin ambigüedad: punto decimal,
espacio antes de «%», ningún formato «%» en los valores pegados, un solo término por concepto y
los enlaces al glosario.
"""

import ast
import re
from pathlib import Path

import nbformat
import pytest

RAIZ = Path(__file__).resolve().parents[1]
LIBRO = RAIZ / "book"
CUADERNOS = sorted(c for c in LIBRO.rglob("*.ipynb") if ".ipynb_checkpoints" not in c.parts)
GLOSARIO = LIBRO / "glosario.md"

# Variantes prohibidas → la forma del libro (ESTILO.md y book/glosario.md).
VARIANTES = {
    r"multi-cabeza|multi cabeza": "multicabeza",
    r"pasos? hacia (?:delante|adelante)": "pasada hacia delante (el paso es una actualización)",
    r"pasadas? hacia adelante": "pasada hacia delante",
    r"mini-?lotes?": "lote",
}

# Términos que quien aprende encuentra en los capítulos 1 a 4 y que el glosario debe definir.
REQUERIDOS = [
    "logits", "softmax", "temperatura", "búsqueda voraz", "búsqueda en haz", "máscara causal",
    "exactitud", "dropout", "TF-IDF", "suavizado", "perplejidad", "RoPE", "RMSNorm", "SwiGLU",
    "conexión residual", "entropía cruzada", "gradiente", "retropropagación",
    "tasa de aprendizaje", "lote", "época", "sobreajuste", "embedding", "atención", "cabeza",
    "tokenizador", "BPE", "n-grama", "word2vec", "LSTM", "top-k", "top-p",
    "pasada hacia delante", "descenso de gradiente", "pérdida", "token", "vocabulario",
    "modelo de lenguaje", "bolsa de palabras", "palabras vacías", "muestreo negativo",
    "divergencia KL", "entropía", "máxima verosimilitud", "similitud coseno", "autograd",
    "optimizador", "Adam", "AdamW", "SGD", "momento", "decaimiento de pesos",
    "parada temprana", "regularización", "tensor", "MLP", "ReLU", "transformer",
    "atención multicabeza", "consulta, clave y valor", "subpalabra", "token desconocido",
    "log-probabilidad", "distinct-n", "muestreo", "validación y prueba",
]


PORCENTAJE_PEGADO = r"\S{0,12}(?<=[\w)])%"
COMA_DECIMAL = r"(?<![\w.])(?<!\d,)\d+,\d+(?!\w|,\d)"


def _markdown(cuaderno):
    nb = nbformat.read(cuaderno, as_version=4)
    return [(i, c.source) for i, c in enumerate(nb.cells) if c.cell_type == "markdown"]


def prosa(texto: str, valor_pegado: str = "0") -> str:
    """El texto que se lee como prosa: sin bloques, código, matemáticas, enlaces ni roles.

    Los valores pegados (``{glue:text}`...` ``) se sustituyen por ``valor_pegado`` para poder
    comprobar lo que los rodea («80.3 %»).
    """
    texto = re.sub(r"^(```|~~~|:::).*?^\1\s*$", " ", texto, flags=re.S | re.M)
    texto = re.sub(r"\$\$.*?\$\$", " ", texto, flags=re.S)
    texto = re.sub(r"(?<!\\)\$[^$]+?(?<!\\)\$", " ", texto, flags=re.S)
    texto = re.sub(r"\{glue(?::text)?\}`[^`]*`", valor_pegado, texto)
    texto = re.sub(r"\{term\}`([^`<]*?)\s*(?:<[^`]*>)?`", r"\1", texto)
    texto = re.sub(r"\{[\w:-]+\}`[^`]*`", " ", texto)
    texto = re.sub(r"`[^`]*`", " ", texto)
    texto = re.sub(r"\]\([^)]*\)", "]", texto)
    texto = re.sub(r"https?://\S+", " ", texto)
    return texto


def test_prosa_quita_codigo_y_matematicas():
    texto = "Vale {glue:text}`x:.1f` %, `a,b = 1,2` y $0{,}5$; el {term}`lote <lote (batch)>`."
    assert prosa(texto) == "Vale 0 %,   y  ; el lote."


@pytest.mark.parametrize(
    "texto, porcentaje, coma",
    [("acierta el {glue:text}`x:.1f`%", True, False), ("acierta el {glue:text}`x:.1f` %", False, False),
     ("un 12,5 % de azar", False, True), ("un 12.5 % de azar", False, False),
     ("entre 80%y 90 %", True, False), ("los ejes (1, 2) y 3,4,5", False, False),
     ("con 0,01, lotes de 32", False, True)],
)
def test_detectores(texto, porcentaje, coma):
    assert bool(re.search(PORCENTAJE_PEGADO, prosa(texto))) == porcentaje
    assert bool(re.search(COMA_DECIMAL, prosa(texto))) == coma


@pytest.mark.parametrize("cuaderno", CUADERNOS, ids=lambda c: c.stem)
def test_porcentajes_con_espacio(cuaderno):
    """«80.3 %», no «80.3%» (ni un valor pegado seguido de «%»)."""
    malos = [
        (i, m.group(0))
        for i, fuente in _markdown(cuaderno)
        for m in re.finditer(PORCENTAJE_PEGADO, prosa(fuente))
    ]
    assert not malos, f"{cuaderno.name}: falta el espacio antes de «%» en {malos}"


@pytest.mark.parametrize("cuaderno", CUADERNOS, ids=lambda c: c.stem)
def test_valores_pegados_sin_formato_porcentaje(cuaderno):
    """El formato «%» de Python da «80.3%»: pega ×100 con «:.1f» y escribe « %» en el texto."""
    malos = [
        (i, m.group(0))
        for i, fuente in _markdown(cuaderno)
        for m in re.finditer(r"\{glue(?::text)?\}`[^`]*:[^`]*%`", fuente)
    ]
    assert not malos, f"{cuaderno.name}: formato «%» en {malos}; usa 100 * valor y «:.1f` %»"


@pytest.mark.parametrize("cuaderno", CUADERNOS, ids=lambda c: c.stem)
def test_punto_decimal_en_la_prosa(cuaderno):
    """Punto decimal, como lo imprime Python: «0.5», nunca «0,5» ni «0{,}5»."""
    malos = []
    for i, fuente in _markdown(cuaderno):
        malos += [(i, m.group(0)) for m in re.finditer(r"\d\{,\}\d", fuente)]
        malos += [(i, m.group(0)) for m in re.finditer(COMA_DECIMAL, prosa(fuente))]
    assert not malos, f"{cuaderno.name}: coma decimal en {malos}"


def _cadenas(codigo: str):
    """Cadenas literales de una celda de código (también las partes fijas de los f-strings)."""
    limpio = "\n".join("" if re.match(r"\s*[%!]", linea) else linea for linea in codigo.splitlines())
    for nodo in ast.walk(ast.parse(limpio)):
        if isinstance(nodo, ast.Constant) and isinstance(nodo.value, str):
            yield nodo.value


@pytest.mark.parametrize("cuaderno", CUADERNOS, ids=lambda c: c.stem)
def test_codigo_sin_coma_decimal_ni_porcentaje_pegado(cuaderno):
    """Lo que el código escribe en tablas, leyendas y mensajes sigue la misma convención."""
    nb = nbformat.read(cuaderno, as_version=4)
    malos = []
    for i, celda in enumerate(nb.cells):
        if celda.cell_type != "code":
            continue
        malos += [(i, m.group(0)) for m in re.finditer(r"\{[^{}\n]*:[^{}\n]*%\}", celda.source)]
        for cadena in _cadenas(celda.source):
            malos += [(i, m.group(0)) for m in re.finditer(r"\d,\d", cadena)]
    assert not malos, f"{cuaderno.name}: coma decimal o formato «%» en el código: {malos}"


def _textos_del_libro():
    for cuaderno in CUADERNOS:
        for i, fuente in _markdown(cuaderno):
            yield f"{cuaderno.relative_to(RAIZ)}[{i}]", fuente
    for md in sorted(LIBRO.glob("*.md")):
        yield str(md.relative_to(RAIZ)), md.read_text(encoding="utf-8")


def test_un_termino_por_concepto():
    malos = []
    for donde, texto in _textos_del_libro():
        for variante, forma in VARIANTES.items():
            for m in re.finditer(rf"(?<![\w-])(?:{variante})(?![\w-])", prosa(texto), flags=re.I):
                malos.append(f"{donde}: «{m.group(0)}» → «{forma}»")
    assert not malos, "Variantes de un mismo término:\n" + "\n".join(malos)


def terminos_del_glosario() -> dict[str, str]:
    """Término → definición, leídos del bloque ``{glossary}`` de book/glosario.md."""
    texto = GLOSARIO.read_text(encoding="utf-8")
    bloque = re.search(r"```\{glossary\}\n(.*?)\n```", texto, flags=re.S)
    assert bloque, "book/glosario.md debe tener un bloque ```{glossary}"
    terminos: dict[str, str] = {}
    actual = None
    for linea in bloque.group(1).splitlines():
        if not linea.strip() or linea.startswith(":"):
            continue
        if linea[0].isspace():
            assert actual, f"Definición sin término: {linea!r}"
            terminos[actual] += " " + linea.strip()
        else:
            actual = linea.strip()
            assert actual.lower() not in {t.lower() for t in terminos}, f"Término repetido: {actual}"
            terminos[actual] = ""
    return terminos


def _cabeza(termino: str) -> str:
    """«búsqueda voraz (greedy search)» → «búsqueda voraz»."""
    return re.sub(r"\s*\(.*\)$", "", termino).strip().lower()


def test_glosario_completo_para_los_capitulos_1_a_4():
    terminos = terminos_del_glosario()
    cabezas = {_cabeza(t) for t in terminos}
    faltan = [t for t in REQUERIDOS if t.lower() not in cabezas]
    assert not faltan, f"Faltan en el glosario: {faltan}"
    for termino, definicion in terminos.items():
        assert len(definicion) > 30, f"{termino}: definición demasiado corta"
        assert re.search(r"Capítulo \d+", definicion), f"{termino}: di en qué capítulo se explica"
    for ruta in re.findall(r"\{doc\}`([^`]+)`", GLOSARIO.read_text(encoding="utf-8")):
        assert any((LIBRO / f"{ruta}{ext}").is_file() for ext in (".ipynb", ".md")), ruta


def test_cada_enlace_al_glosario_existe():
    terminos = {t.lower() for t in terminos_del_glosario()}
    malos = []
    for donde, texto in _textos_del_libro():
        for m in re.finditer(r"\{term\}`([^`]*)`", texto):
            destino = re.search(r"<([^>]*)>\s*$", m.group(1))
            objetivo = (destino.group(1) if destino else m.group(1)).strip().lower()
            if objetivo not in terminos:
                malos.append(f"{donde}: {m.group(0)}")
    assert not malos, "Enlaces a términos que no están en el glosario:\n" + "\n".join(malos)


@pytest.mark.parametrize("capitulo", ["01", "02", "03", "04"])
def test_cada_capitulo_enlaza_el_glosario(capitulo):
    textos = [f for c in CUADERNOS if c.parent.name.startswith(capitulo) for _, f in _markdown(c)]
    enlaces = sum(len(re.findall(r"\{term\}`", t)) for t in textos)
    assert enlaces >= 15, f"El capítulo {capitulo} enlaza solo {enlaces} términos del glosario"
