"""Las pistas orientan hacia el concepto o el error, sin regalar el código de la solución.

- La pista general de cada ejercicio (su registro en ``curso_llm.ejercicios``) no contiene
  código: ni llamadas de NumPy o PyTorch, ni métodos, ni índices, ni operadores de Python.
- Cada ``assert`` de un calificador lleva un mensaje que empieza por «Pista:» y no escribe
  la expresión de la solución (productos con ``@``, ``.view(...)``, ``tuple(...)``...).
"""

import ast
import re

import pytest

from curso_llm import calificador
from curso_llm.ejercicios import todos

EJERCICIOS = list(todos().values())
IDS = [e.id for e in EJERCICIOS]

# Rasgos de código en una pista general.
CODIGO_EN_PISTA = re.compile(
    r"\bnp\.|\btorch\.|\bF\.|\.\w+\(|@|\*\*|\w\[[^\]]*\]|\bdef\b|\breturn\b|\w=\w|==|"
    r"\bfor \w+ in\b|\btuple\(|\brange\(|\.T\b"
)
# Rasgos de la expresión de una solución en el mensaje de un assert (sí puede nombrar el
# error, p. ej. «np.zeros_like(x) hereda el tipo entero» o «.view() exige memoria contigua»).
SOLUCION_EN_MENSAJE = re.compile(
    r"\w\s*@\s*\w|\.transpose\(|\btuple\(|\bnp\.(sum|where|linalg|einsum|exp|log)\(|"
    r"\btorch\.(cat|stack|tril|triu|where|softmax|sort)\(|\.view\(\w|\.T\b|\blog_probs\["
)


@pytest.mark.parametrize("ejercicio", EJERCICIOS, ids=IDS)
def test_pista_general_sin_codigo(ejercicio):
    assert ejercicio.pista.strip(), "cada ejercicio necesita una pista"
    encontrado = CODIGO_EN_PISTA.search(ejercicio.pista)
    assert encontrado is None, (
        f"La pista de {ejercicio.id} contiene código ({encontrado.group(0)!r}): "
        f"{ejercicio.pista}"
    )


def _mensajes(ejercicio):
    fuente = calificador.ruta_calificador(ejercicio).read_text(encoding="utf-8")
    for nodo in ast.walk(ast.parse(fuente)):
        if isinstance(nodo, ast.Assert):
            partes = [n.value for n in ast.walk(nodo.msg) if isinstance(n, ast.Constant)
                      and isinstance(n.value, str)] if nodo.msg is not None else []
            yield nodo.lineno, "".join(partes)


@pytest.mark.parametrize("ejercicio", EJERCICIOS, ids=IDS)
def test_mensajes_de_los_calificadores(ejercicio):
    mensajes = list(_mensajes(ejercicio))
    assert mensajes, f"el calificador de {ejercicio.id} no tiene asserts"
    for linea, texto in mensajes:
        assert texto.startswith("Pista:"), (
            f"{ejercicio.id}, línea {linea}: el mensaje debe empezar por «Pista:»: {texto!r}"
        )
        encontrado = SOLUCION_EN_MENSAJE.search(texto)
        assert encontrado is None, (
            f"{ejercicio.id}, línea {linea}: el mensaje escribe la solución "
            f"({encontrado.group(0)!r}): {texto}"
        )


def test_las_reglas_detectan_codigo():
    """Las expresiones regulares reconocen las pistas que antes regalaban la solución."""
    antiguas = [
        "np.sum(a * b, axis=-1) dividido entre np.linalg.norm(a, axis=-1) * "
        "np.linalg.norm(b, axis=-1).",
        "Recorre i = 0 .. len(tokens) - n (incluido) y toma tuple(tokens[i:i + n]).",
        "Parte la última dimensión en dos mitades x1, x2; rotada = torch.cat((-x2, x1), -1); "
        "devuelve x * cos + rotada * sin.",
        "x.view(B, T, H, D // H) y después .transpose(1, 2).",
    ]
    assert all(CODIGO_EN_PISTA.search(p) for p in antiguas)
    assert SOLUCION_EN_MENSAJE.search("Pista: multiplica por la traspuesta: x @ W.T.")
    assert SOLUCION_EN_MENSAJE.search("Pista: cada n-grama es tuple(tokens[i:i + n]).")
    assert not SOLUCION_EN_MENSAJE.search("Pista: np.zeros_like(x) hereda el tipo entero.")
