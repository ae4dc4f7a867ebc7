"""Bolsa de palabras y TF-IDF escritas desde cero (capítulo 3).

Con las mismas opciones dan los mismos números que ``CountVectorizer`` y
``TfidfVectorizer`` de scikit-learn (``smooth_idf``, ``norm="l2"``, ``sublinear_tf``):

- idf suavizado: $\\mathrm{idf}(t) = \\ln\\frac{1 + n}{1 + \\mathrm{df}(t)} + 1$
- idf sin suavizar: $\\mathrm{idf}(t) = \\ln\\frac{n}{\\mathrm{df}(t)} + 1$
- tf-idf $= \\mathrm{tf} \\cdot \\mathrm{idf}$ y cada fila se normaliza con la norma L2.

Los documentos son listas de tokens (ya tokenizados) y las columnas siguen el orden
alfabético de los tokens, como en scikit-learn.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..comprobaciones import comprobar_entero_positivo

NORMAS = ("l2", "l1", None)


def _validar_documentos(documentos: object) -> list[Sequence[str]]:
    if isinstance(documentos, str) or not isinstance(documentos, Sequence):
        raise TypeError(
            "El argumento 'documentos' debe ser una lista de documentos tokenizados "
            "(una lista de listas de cadenas), p. ej. [['el', 'gato'], ['el', 'perro']]."
        )
    if len(documentos) == 0:
        raise ValueError(
            "El argumento 'documentos' está vacío: pasa al menos un documento tokenizado."
        )
    for i, doc in enumerate(documentos):
        if isinstance(doc, str) or not isinstance(doc, Sequence):
            raise TypeError(
                f"El documento {i} no es una lista de tokens ({type(doc).__name__}): "
                "tokeniza cada texto con tokenizar(texto) antes de llamar a esta función."
            )
    return list(documentos)


def construir_vocabulario(documentos: Sequence[Sequence[str]]) -> dict[str, int]:
    """Vocabulario ``token -> columna`` con los tokens en orden alfabético (como scikit-learn).

    Capítulo 3 (PLN clásico).
    """
    documentos = _validar_documentos(documentos)
    tokens = sorted({t for doc in documentos for t in doc})
    if not tokens:
        raise ValueError("Los documentos no contienen ningún token: el vocabulario quedaría vacío.")
    return {t: i for i, t in enumerate(tokens)}


def bolsa_de_palabras(
    documentos: Sequence[Sequence[str]], vocabulario: Mapping[str, int] | None = None
) -> tuple[np.ndarray, dict[str, int]]:
    """Matriz de conteos ``(n_documentos, tamaño_vocabulario)`` y el vocabulario usado.

    Sin ``vocabulario`` se construye con :func:`construir_vocabulario`; con él (p. ej. el de
    los documentos para codificar consultas) los tokens que no están se ignoran.

    Capítulo 3 (PLN clásico).
    """
    documentos = _validar_documentos(documentos)
    vocabulario = dict(vocabulario) if vocabulario is not None else construir_vocabulario(
        documentos)
    conteos = np.zeros((len(documentos), len(vocabulario)), dtype=np.int64)
    for fila, doc in enumerate(documentos):
        for token in doc:
            columna = vocabulario.get(token)
            if columna is not None:
                conteos[fila, columna] += 1
    return conteos, vocabulario


def calcular_idf(conteos: np.ndarray, suave: bool = True) -> np.ndarray:
    """idf de cada columna de una matriz de conteos ``(n_documentos, V)``.

    ``suave=True``: $\\ln\\frac{1+n}{1+\\mathrm{df}} + 1$ (como si hubiera un documento extra
    con todas las palabras; nunca divide por cero). ``suave=False``: $\\ln\\frac{n}{\\mathrm{df}} + 1$.
    El «+ 1» final hace que una palabra presente en todos los documentos no se anule del todo.

    Capítulo 3 (PLN clásico).
    """
    conteos = np.asarray(conteos)
    if conteos.ndim != 2:
        raise ValueError(
            f"'conteos' debe ser una matriz (n_documentos, V) y tiene forma {conteos.shape}."
        )
    n = conteos.shape[0]
    df = (conteos > 0).sum(axis=0).astype(np.float64)
    if suave:
        return np.log((1.0 + n) / (1.0 + df)) + 1.0
    if np.any(df == 0):
        raise ValueError(
            "Hay columnas que no aparecen en ningún documento (df = 0): con suave=False el idf "
            "dividiría por cero. Usa suave=True o quita esas columnas del vocabulario."
        )
    return np.log(n / df) + 1.0


def normalizar_filas(matriz: np.ndarray, norma: str | None = "l2") -> np.ndarray:
    """Divide cada fila por su norma L2 (o L1); las filas nulas se quedan a cero.

    Capítulo 3 (PLN clásico).
    """
    if norma not in NORMAS:
        raise ValueError(f"Norma desconocida: {norma!r}. Usa 'l2', 'l1' o None.")
    matriz = np.asarray(matriz, dtype=np.float64)
    if norma is None:
        return matriz.copy()
    if norma == "l2":
        normas = np.sqrt((matriz**2).sum(axis=1, keepdims=True))
    else:
        normas = np.abs(matriz).sum(axis=1, keepdims=True)
    return np.divide(matriz, normas, out=np.zeros_like(matriz), where=normas > 0)


def tfidf_desde_conteos(
    conteos: np.ndarray, idf: np.ndarray, norma: str | None = "l2", sublineal: bool = False
) -> np.ndarray:
    """tf-idf a partir de conteos y de un idf ya calculado (el de los documentos de referencia).

    Con ``sublineal=True`` el tf es $1 + \\ln(\\mathrm{tf})$ (solo donde tf > 0).

    Capítulo 3 (PLN clásico).
    """
    conteos = np.asarray(conteos, dtype=np.float64)
    idf = np.asarray(idf, dtype=np.float64)
    if conteos.ndim != 2 or idf.shape != (conteos.shape[1],):
        raise ValueError(
            f"Formas incompatibles: conteos {conteos.shape} e idf {idf.shape}; el idf debe "
            "tener un valor por columna de 'conteos'."
        )
    tf = conteos
    if sublineal:
        tf = np.zeros_like(conteos)
        positivos = conteos > 0
        tf[positivos] = 1.0 + np.log(conteos[positivos])
    return normalizar_filas(tf * idf, norma)


@dataclass
class ModeloTfidf:
    """TF-IDF ajustado a unos documentos: su vocabulario y su idf.

    ``transformar`` codifica documentos nuevos (p. ej. consultas) con ese vocabulario e idf.

    Capítulo 3 (PLN clásico).
    """

    vocabulario: dict[str, int]
    idf: np.ndarray
    norma: str | None = "l2"
    sublineal: bool = False

    @classmethod
    def ajustar(
        cls,
        documentos: Sequence[Sequence[str]],
        suave: bool = True,
        norma: str | None = "l2",
        sublineal: bool = False,
    ) -> ModeloTfidf:
        """Construye el vocabulario y el idf con ``documentos``."""
        if norma not in NORMAS:
            raise ValueError(f"Norma desconocida: {norma!r}. Usa 'l2', 'l1' o None.")
        conteos, vocabulario = bolsa_de_palabras(documentos)
        return cls(vocabulario, calcular_idf(conteos, suave), norma, sublineal)

    def transformar(self, documentos: Sequence[Sequence[str]]) -> np.ndarray:
        """Matriz tf-idf ``(n_documentos, V)`` de ``documentos``."""
        conteos, _ = bolsa_de_palabras(documentos, self.vocabulario)
        return tfidf_desde_conteos(conteos, self.idf, self.norma, self.sublineal)

    @property
    def terminos(self) -> list[str]:
        """Los tokens en el orden de las columnas."""
        return sorted(self.vocabulario, key=self.vocabulario.get)


def matriz_tfidf(documentos: Sequence[Sequence[str]]) -> np.ndarray:
    """Matriz tf-idf ``(n_documentos, V)`` con idf suavizado y filas de norma L2.

    Las columnas siguen el orden alfabético de los tokens. Equivale a
    ``TfidfVectorizer(smooth_idf=True, norm="l2", sublinear_tf=False)`` de scikit-learn.

    Capítulo 3 (PLN clásico).
    """
    documentos = _validar_documentos(documentos)
    conteos, _ = bolsa_de_palabras(documentos)
    idf = np.log((1.0 + conteos.shape[0]) / (1.0 + (conteos > 0).sum(axis=0))) + 1.0
    tfidf = conteos * idf
    normas = np.linalg.norm(tfidf, axis=1, keepdims=True)
    return np.divide(tfidf, normas, out=np.zeros_like(tfidf), where=normas > 0)


def matriz_similitud_coseno(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Similitud coseno entre cada fila de ``a`` ``(n, d)`` y cada fila de ``b`` ``(m, d)``: ``(n, m)``.

    Una fila nula tiene similitud 0 con todo.

    Capítulo 3 (PLN clásico).
    """
    a = np.atleast_2d(np.asarray(a, dtype=np.float64))
    b = np.atleast_2d(np.asarray(b, dtype=np.float64))
    if a.shape[1] != b.shape[1]:
        raise ValueError(
            f"Las filas de 'a' ({a.shape[1]} columnas) y de 'b' ({b.shape[1]}) deben tener la "
            "misma dimensión: codifica ambos con el mismo vocabulario."
        )
    return normalizar_filas(a, "l2") @ normalizar_filas(b, "l2").T


def buscar(
    modelo: ModeloTfidf, documentos_tfidf: np.ndarray, consulta: Sequence[str], k: int = 3
) -> list[tuple[int, float]]:
    """Los ``k`` documentos más parecidos a ``consulta`` (tokenizada): ``[(índice, similitud)]``.

    Capítulo 3 (PLN clásico).
    """
    comprobar_entero_positivo(k, "k")
    similitudes = matriz_similitud_coseno(modelo.transformar([consulta]), documentos_tfidf)[0]
    orden = np.argsort(-similitudes, kind="stable")[:k]
    return [(int(i), float(similitudes[i])) for i in orden]
