"""word2vec skip-gram con muestreo negativo, en PyTorch (capítulo 3).

Para cada par (palabra central $c$, palabra de contexto $o$) y $K$ palabras negativas
$n_1, \\dots, n_K$ sacadas de la distribución unigrama elevada a 3/4, la pérdida es

$$\\ell = -\\ln \\sigma(u_o \\cdot v_c) - \\sum_{k=1}^{K} \\ln \\sigma(-u_{n_k} \\cdot v_c)$$

con $v$ los embeddings de entrada (palabras centrales) y $u$ los de salida (contexto).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from ..comprobaciones import comprobar_entero_positivo, comprobar_forma, comprobar_tensor


def perdida_muestreo_negativo(
    centro: torch.Tensor, contexto: torch.Tensor, negativos: torch.Tensor
) -> torch.Tensor:
    """Pérdida media del muestreo negativo.

    Args:
        centro: embeddings $v_c$ de las palabras centrales, forma ``(B, D)``.
        contexto: embeddings $u_o$ de las palabras de contexto, forma ``(B, D)``.
        negativos: embeddings $u_{n_k}$ de las negativas, forma ``(B, K, D)``.

    Returns:
        Escalar: la media sobre el lote de $-\\ln\\sigma(u_o\\cdot v_c) - \\sum_k \\ln\\sigma(-u_{n_k}\\cdot v_c)$.

    Capítulo 3 (PLN clásico).
    """
    comprobar_forma(comprobar_tensor(centro, "centro"), ("B", "D"), "centro")
    comprobar_forma(comprobar_tensor(contexto, "contexto"), tuple(centro.shape), "contexto")
    comprobar_forma(comprobar_tensor(negativos, "negativos"),
                    (centro.shape[0], "K", centro.shape[1]), "negativos")
    positiva = F.logsigmoid((centro * contexto).sum(dim=-1))  # (B,)
    puntuaciones_neg = torch.bmm(negativos, centro.unsqueeze(-1)).squeeze(-1)  # (B, K)
    negativa = F.logsigmoid(-puntuaciones_neg).sum(dim=-1)  # (B,)
    return -(positiva + negativa).mean()


def pares_skipgram(secuencias: Sequence[Sequence[int]], ventana: int = 2) -> np.ndarray:
    """Pares ``(centro, contexto)`` de todas las secuencias de índices, forma ``(N, 2)``.

    El contexto de la posición ``i`` son las posiciones ``i-ventana .. i+ventana`` (sin ``i``)
    dentro de la misma secuencia.

    Capítulo 3 (PLN clásico).
    """
    comprobar_entero_positivo(ventana, "ventana")
    pares: list[np.ndarray] = []
    for secuencia in secuencias:
        ids = np.asarray(secuencia, dtype=np.int64)
        for desplazamiento in range(1, ventana + 1):
            if len(ids) <= desplazamiento:
                break
            izquierda, derecha = ids[:-desplazamiento], ids[desplazamiento:]
            pares.append(np.stack([izquierda, derecha], axis=1))
            pares.append(np.stack([derecha, izquierda], axis=1))
    if not pares:
        raise ValueError(
            "No hay pares (centro, contexto): las secuencias están vacías o son de un solo token."
        )
    return np.concatenate(pares)


def distribucion_negativos(frecuencias: Sequence[float], potencia: float = 0.75) -> np.ndarray:
    """Distribución de las palabras negativas: frecuencia unigrama elevada a ``potencia``.

    Capítulo 3 (PLN clásico).
    """
    pesos = np.asarray(frecuencias, dtype=np.float64) ** potencia
    if pesos.sum() <= 0:
        raise ValueError("Las frecuencias deben sumar más que 0.")
    return pesos / pesos.sum()


class SkipGram(nn.Module):
    """Dos tablas de embeddings: ``entrada`` (palabras centrales) y ``salida`` (contexto).

    Capítulo 3 (PLN clásico).
    """

    def __init__(self, tamano_vocabulario: int, dim_embedding: int = 50):
        super().__init__()
        self.entrada = nn.Embedding(tamano_vocabulario, dim_embedding)
        self.salida = nn.Embedding(tamano_vocabulario, dim_embedding)
        nn.init.uniform_(self.entrada.weight, -0.5 / dim_embedding, 0.5 / dim_embedding)
        nn.init.zeros_(self.salida.weight)

    def forward(self, centros, contextos, negativos) -> torch.Tensor:
        return perdida_muestreo_negativo(
            self.entrada(centros), self.salida(contextos), self.salida(negativos)
        )


@dataclass
class ResultadoWord2Vec:
    """Modelo entrenado, embeddings (los de entrada) y pérdida media de cada tramo.

    Capítulo 3 (PLN clásico).
    """

    modelo: SkipGram
    embeddings: np.ndarray
    perdidas: list[float] = field(default_factory=list)


def entrenar_word2vec(
    secuencias: Sequence[Sequence[int]],
    tamano_vocabulario: int,
    dim_embedding: int = 50,
    ventana: int = 2,
    negativos: int = 5,
    epocas: int = 1,
    tamano_lote: int = 1024,
    tasa_aprendizaje: float = 0.01,
    semilla: int = 0,
    frecuencias: Sequence[float] | None = None,
    pasos_por_registro: int = 20,
) -> ResultadoWord2Vec:
    """Entrena skip-gram con muestreo negativo (Adam) sobre secuencias de índices.

    ``frecuencias`` (una por índice del vocabulario) define la distribución de negativas;
    si no se da, se cuentan en ``secuencias``. Cada ``pasos_por_registro`` pasos se guarda
    la pérdida media en ``perdidas``.

    Capítulo 3 (PLN clásico).
    """
    if tamano_vocabulario < 2:
        raise ValueError("tamano_vocabulario debe ser ≥ 2.")
    comprobar_entero_positivo(negativos, "negativos")
    comprobar_entero_positivo(epocas, "epocas")
    comprobar_entero_positivo(tamano_lote, "tamano_lote")
    comprobar_entero_positivo(dim_embedding, "dim_embedding")
    generador = torch.Generator().manual_seed(semilla)
    torch.manual_seed(semilla)
    pares = torch.from_numpy(pares_skipgram(secuencias, ventana))
    if int(pares.max()) >= tamano_vocabulario:
        raise ValueError(
            f"Hay índices ≥ tamano_vocabulario ({tamano_vocabulario}): codifica las secuencias "
            "con el mismo vocabulario."
        )
    if frecuencias is None:
        frecuencias = np.bincount(np.concatenate([np.asarray(s) for s in secuencias]),
                                  minlength=tamano_vocabulario)
    distribucion = torch.from_numpy(distribucion_negativos(frecuencias))
    modelo = SkipGram(tamano_vocabulario, dim_embedding)
    optimizador = torch.optim.Adam(modelo.parameters(), lr=tasa_aprendizaje)
    perdidas: list[float] = []
    acumulado: list[float] = []
    for _ in range(epocas):
        orden = torch.randperm(len(pares), generator=generador)
        for inicio in range(0, len(pares), tamano_lote):
            lote = pares[orden[inicio : inicio + tamano_lote]]
            negs = torch.multinomial(distribucion, len(lote) * negativos, replacement=True,
                                     generator=generador).view(len(lote), negativos)
            perdida = modelo(lote[:, 0], lote[:, 1], negs)
            optimizador.zero_grad()
            perdida.backward()
            optimizador.step()
            acumulado.append(perdida.item())
            if len(acumulado) == pasos_por_registro:
                perdidas.append(float(np.mean(acumulado)))
                acumulado = []
    if acumulado:
        perdidas.append(float(np.mean(acumulado)))
    embeddings = modelo.entrada.weight.detach().numpy().copy()
    return ResultadoWord2Vec(modelo, embeddings, perdidas)


def vecinos_mas_cercanos(
    embeddings: np.ndarray, tokens: Sequence[str], palabra: str, k: int = 5
) -> list[tuple[str, float]]:
    """Las ``k`` palabras con mayor similitud coseno a ``palabra`` (sin ella misma).

    Capítulo 3 (PLN clásico).
    """
    tokens = list(tokens)
    if palabra not in tokens:
        raise ValueError(
            f"La palabra {palabra!r} no está en el vocabulario: elige otra o baja min_frecuencia."
        )
    embeddings = np.asarray(embeddings, dtype=np.float64)
    normas = np.linalg.norm(embeddings, axis=1, keepdims=True)
    unitarios = embeddings / np.maximum(normas, 1e-12)
    i = tokens.index(palabra)
    similitudes = unitarios @ unitarios[i]
    similitudes[i] = -np.inf
    orden = np.argsort(-similitudes, kind="stable")[:k]
    return [(tokens[j], float(similitudes[j])) for j in orden]


def proyectar_pca(matriz: np.ndarray, componentes: int = 2) -> np.ndarray:
    """Proyecta las filas de ``matriz`` sobre sus ``componentes`` primeras componentes principales.

    Capítulo 3 (PLN clásico).
    """
    matriz = np.asarray(matriz, dtype=np.float64)
    centrada = matriz - matriz.mean(axis=0, keepdims=True)
    _, _, vt = np.linalg.svd(centrada, full_matrices=False)
    proyeccion = centrada @ vt[:componentes].T
    # Signo determinista: la coordenada de mayor valor absoluto de cada componente, positiva.
    signos = np.sign(proyeccion[np.abs(proyeccion).argmax(axis=0), range(componentes)])
    return proyeccion * np.where(signos == 0, 1.0, signos)


def precision_vecinos(
    embeddings: np.ndarray, tokens: Sequence[str], clases: dict[str, set[str]], k: int = 5
) -> dict[str, float]:
    """Para cada palabra de ``clases`` que está en ``tokens``, la fracción de sus ``k`` vecinos
    más cercanos (similitud coseno, entre todos los ``tokens``) que comparte con ella alguna
    clase de ``clases``. Un vecino sin clase cuenta como fallo. 1.0 = los ``k`` vecinos son de
    su clase.

    Es una medida de la calidad de los embeddings cuando se conoce la clase de cada palabra
    (p. ej. ``curso_llm.datos.narrativo.categorias_lexicas()``).

    Capítulo 3 (PLN clásico).
    """
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"k debe ser un entero ≥ 1 (p. ej. 5); recibí {k!r}.")
    tokens = list(tokens)
    embeddings = np.asarray(embeddings, dtype=np.float64)
    if embeddings.ndim != 2 or len(embeddings) != len(tokens):
        raise ValueError(
            f"'embeddings' debe tener una fila por token ({len(tokens)}) y tiene forma "
            f"{embeddings.shape}."
        )
    if k >= len(tokens):
        raise ValueError(f"k ({k}) debe ser menor que el número de tokens ({len(tokens)}).")
    unitarios = embeddings / np.maximum(np.linalg.norm(embeddings, axis=1, keepdims=True), 1e-12)
    posicion = {t: i for i, t in enumerate(tokens)}
    resultado: dict[str, float] = {}
    for palabra, suyas in clases.items():
        if palabra not in posicion:
            continue
        i = posicion[palabra]
        similitudes = unitarios @ unitarios[i]
        similitudes[i] = -np.inf
        vecinos = np.argsort(-similitudes, kind="stable")[:k]
        aciertos = sum(bool(clases.get(tokens[j], set()) & set(suyas)) for j in vecinos)
        resultado[palabra] = aciertos / k
    return resultado
