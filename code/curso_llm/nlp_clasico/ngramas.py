"""N-gramas y un modelo de lenguaje de bigramas con suavizado add-k (capítulo 3).

Un modelo de bigramas estima $P(w_i \\mid w_{i-1})$ contando. Con suavizado add-k:

$$P(w \\mid v) = \\frac{c(v, w) + k}{c(v) + k\\,V}$$

donde $c(v) = \\sum_w c(v, w)$ y $V$ es el tamaño del vocabulario. La perplejidad de una
secuencia es $\\exp\\big(-\\frac{1}{N}\\sum_i \\ln P(w_i \\mid w_{i-1})\\big)$.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from ..comprobaciones import comprobar_entero_positivo, comprobar_positivo
from .preprocesamiento import Vocabulario

# Con k = 0 los bigramas no vistos tendrían probabilidad 0 y la perplejidad sería infinita.
_EJEMPLO_K = "1 (Laplace) o 0.01; con k = 0 la perplejidad sería infinita"


def ngramas(tokens: Sequence, n: int) -> list[tuple]:
    """Los n-gramas de ``tokens`` en orden: ``len(tokens) - n + 1`` tuplas (ninguna si es más corta).

    >>> ngramas(["el", "gato", "come"], 2)
    [('el', 'gato'), ('gato', 'come')]

    Capítulo 3 (PLN clásico).
    """
    comprobar_entero_positivo(n, "n")
    if isinstance(tokens, str):
        raise TypeError(
            "'tokens' debe ser una lista de tokens, no una cadena: tokeniza primero el texto."
        )
    tokens = list(tokens)
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


def contar_ngramas(secuencias: Iterable[Sequence], n: int) -> Counter:
    """Cuenta los n-gramas de todas las ``secuencias`` (no cruzan de una secuencia a otra).

    Capítulo 3 (PLN clásico).
    """
    conteo: Counter = Counter()
    for secuencia in secuencias:
        conteo.update(ngramas(secuencia, n))
    return conteo


def probabilidades_add_k(conteos: np.ndarray, k: float = 1.0) -> np.ndarray:
    """Matriz de probabilidades de bigramas con suavizado add-k.

    ``conteos[i, j]`` es cuántas veces va el token ``j`` detrás del token ``i`` (forma
    ``(V, V)``). Devuelve ``P`` con ``P[i, j] = (c(i, j) + k) / (c(i) + k·V)``, donde
    ``c(i) = sum_j c(i, j)``: cada fila suma 1.

    Capítulo 3 (PLN clásico).
    """
    k = comprobar_positivo(k, "k", ejemplo=_EJEMPLO_K)
    conteos = np.asarray(conteos, dtype=np.float64)
    if conteos.ndim != 2 or conteos.shape[0] != conteos.shape[1]:
        raise ValueError(
            f"'conteos' debe ser una matriz cuadrada (V, V) y tiene forma {conteos.shape}."
        )
    if np.any(conteos < 0):
        raise ValueError("'conteos' no puede tener valores negativos.")
    tamano = conteos.shape[1]
    return (conteos + k) / (conteos.sum(axis=1, keepdims=True) + k * tamano)


def perplejidad_desde_logprobs(logprobs: Sequence[float] | np.ndarray) -> float:
    """Perplejidad a partir de los logaritmos naturales de las probabilidades de cada token:
    $\\exp(-\\mathrm{media})$.

    Capítulo 3 (PLN clásico).
    """
    logprobs = np.asarray(logprobs, dtype=np.float64)
    if logprobs.size == 0:
        raise ValueError("No hay ninguna predicción: la perplejidad de cero tokens no existe.")
    return float(np.exp(-logprobs.mean()))


def perplejidad_bigramas(probabilidades: np.ndarray, secuencia: Sequence[int]) -> float:
    """Perplejidad de un modelo de bigramas sobre una secuencia de índices.

    Hay ``len(secuencia) - 1`` predicciones: el token ``i`` (desde el segundo) dado el
    anterior. Devuelve ``exp(-(1/N) · Σ ln P[s[i-1], s[i]])``.

    Capítulo 3 (PLN clásico).
    """
    probabilidades = np.asarray(probabilidades, dtype=np.float64)
    ids = np.asarray(secuencia, dtype=np.int64)
    if ids.ndim != 1 or ids.size < 2:
        raise ValueError(
            "'secuencia' debe ser una lista de al menos dos índices (un token y su contexto)."
        )
    return perplejidad_desde_logprobs(np.log(probabilidades[ids[:-1], ids[1:]]))


class ModeloBigramas:
    """Modelo de lenguaje de bigramas con suavizado add-k sobre un :class:`Vocabulario`.

    Cada secuencia se rodea de ``<s>`` y ``</s>``; los tokens fuera del vocabulario se leen
    como ``<unk>``. Se predicen todos los tokens tras ``<s>``, también ``</s>``.

    ::

        modelo = ModeloBigramas(vocabulario, k=0.1).ajustar(secuencias_train)
        modelo.perplejidad(secuencias_validacion)

    Capítulo 3 (PLN clásico).
    """

    def __init__(self, vocabulario: Vocabulario, k: float = 1.0):
        if not isinstance(vocabulario, Vocabulario):
            raise TypeError(
                "'vocabulario' debe ser un Vocabulario (curso_llm.nlp_clasico.Vocabulario), "
                f"no {type(vocabulario).__name__}."
            )
        self.vocabulario = vocabulario
        self.k = comprobar_positivo(k, "k", ejemplo=_EJEMPLO_K)
        tamano = len(vocabulario)
        self.conteos = np.zeros((tamano, tamano), dtype=np.float64)
        self._probabilidades: np.ndarray | None = None

    def _pares(self, secuencias: Iterable[Sequence[str]]) -> tuple[np.ndarray, np.ndarray]:
        previos: list[int] = []
        siguientes: list[int] = []
        for tokens in secuencias:
            ids = self.vocabulario.codificar(tokens, bordes=True)
            previos.extend(ids[:-1])
            siguientes.extend(ids[1:])
        if not previos:
            raise ValueError(
                "No hay secuencias: pasa una lista no vacía de secuencias tokenizadas."
            )
        return np.asarray(previos), np.asarray(siguientes)

    def ajustar(self, secuencias: Sequence[Sequence[str]]) -> ModeloBigramas:
        """Cuenta los bigramas de ``secuencias`` (listas de tokens). Devuelve el modelo."""
        if isinstance(secuencias, str) or len(secuencias) == 0:
            raise ValueError(
                "'secuencias' debe ser una lista no vacía de secuencias tokenizadas."
            )
        previos, siguientes = self._pares(secuencias)
        self.conteos[:] = 0.0
        np.add.at(self.conteos, (previos, siguientes), 1.0)
        self._probabilidades = None
        return self

    def con_k(self, k: float) -> ModeloBigramas:
        """El mismo modelo (mismos conteos) con otro ``k``."""
        otro = ModeloBigramas(self.vocabulario, k)
        otro.conteos = self.conteos
        return otro

    @property
    def probabilidades(self) -> np.ndarray:
        """Matriz ``(V, V)``: fila = token anterior, columna = token siguiente."""
        if self._probabilidades is None:
            self._probabilidades = probabilidades_add_k(self.conteos, self.k)
        return self._probabilidades

    def probabilidad(self, previo: str, palabra: str) -> float:
        """$P(\\text{palabra} \\mid \\text{previo})$ (los tokens desconocidos cuentan como ``<unk>``)."""
        v = self.vocabulario
        return float(self.probabilidades[v.indice(previo), v.indice(palabra)])

    def perplejidad(self, secuencias: Sequence[Sequence[str]]) -> float:
        """Perplejidad sobre ``secuencias`` (todas sus predicciones juntas)."""
        previos, siguientes = self._pares(secuencias)
        return perplejidad_desde_logprobs(np.log(self.probabilidades[previos, siguientes]))

    def generar(self, semilla: int = 0, max_tokens: int = 60) -> list[str]:
        """Muestrea una secuencia desde ``<s>`` hasta ``</s>`` (o ``max_tokens``)."""
        rng = np.random.default_rng(semilla)
        v = self.vocabulario
        actual = v.id_inicio
        salida: list[str] = []
        for _ in range(max_tokens):
            fila = self.probabilidades[actual]
            actual = int(rng.choice(len(fila), p=fila / fila.sum()))
            if actual == v.id_fin:
                break
            salida.append(v.tokens[actual])
        return salida
