"""Modelo de lenguaje LSTM a nivel de palabra con ``torch.nn.LSTM`` (capítulo 3).

Cada secuencia es ``<s> w_1 ... w_n </s>`` (índices de un :class:`Vocabulario`): la entrada
son todos los tokens menos el último y el objetivo, todos menos el primero. Así el LSTM hace
exactamente las mismas predicciones que el modelo de bigramas y sus perplejidades se pueden
comparar: mismo vocabulario, mismo ``<unk>``, mismos tokens que predecir.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from ..comprobaciones import comprobar_entero_positivo, comprobar_positivo

IGNORAR = -100  # índice de relleno en los objetivos: cross_entropy lo ignora


class ModeloLSTM(nn.Module):
    """Embedding → LSTM → capa lineal con una salida por token del vocabulario.

    Capítulo 3 (PLN clásico).
    """

    def __init__(self, tamano_vocabulario: int, dim_embedding: int = 64, dim_oculta: int = 128,
                 n_capas: int = 1, dropout: float = 0.0):
        super().__init__()
        if comprobar_entero_positivo(tamano_vocabulario, "tamano_vocabulario") < 2:
            raise ValueError("El argumento 'tamano_vocabulario' debe ser ≥ 2.")
        comprobar_entero_positivo(dim_embedding, "dim_embedding")
        comprobar_entero_positivo(dim_oculta, "dim_oculta")
        comprobar_entero_positivo(n_capas, "n_capas")
        self.embedding = nn.Embedding(tamano_vocabulario, dim_embedding)
        self.lstm = nn.LSTM(dim_embedding, dim_oculta, num_layers=n_capas, batch_first=True,
                            dropout=dropout if n_capas > 1 else 0.0)
        self.salida = nn.Linear(dim_oculta, tamano_vocabulario)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        """``ids`` ``(B, T)`` → logits ``(B, T, V)``."""
        estados, _ = self.lstm(self.embedding(ids))
        return self.salida(estados)


def _validar_secuencias(secuencias: object) -> list[Sequence[int]]:
    if isinstance(secuencias, str) or not isinstance(secuencias, Sequence) or \
            len(secuencias) == 0:
        raise ValueError(
            "'secuencias' debe ser una lista no vacía de secuencias de índices "
            "(usa vocabulario.codificar(tokens, bordes=True))."
        )
    if any(len(s) < 2 for s in secuencias):
        raise ValueError("Cada secuencia necesita al menos dos índices (p. ej. <s> y </s>).")
    return list(secuencias)


def lote_lm(secuencias: Sequence[Sequence[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    """Entradas y objetivos ``(B, T)`` de un lote; el relleno del objetivo vale :data:`IGNORAR`.

    Capítulo 3 (PLN clásico).
    """
    largo = max(len(s) for s in secuencias) - 1
    entradas = torch.zeros((len(secuencias), largo), dtype=torch.long)
    objetivos = torch.full((len(secuencias), largo), IGNORAR, dtype=torch.long)
    for fila, s in enumerate(secuencias):
        ids = torch.as_tensor(s, dtype=torch.long)
        entradas[fila, : len(ids) - 1] = ids[:-1]
        objetivos[fila, : len(ids) - 1] = ids[1:]
    return entradas, objetivos


@torch.no_grad()
def perplejidad_lstm(modelo: ModeloLSTM, secuencias: Sequence[Sequence[int]],
                     tamano_lote: int = 64) -> float:
    """Perplejidad de ``modelo`` sobre ``secuencias`` (índices con ``<s>`` y ``</s>``).

    Capítulo 3 (PLN clásico).
    """
    secuencias = _validar_secuencias(secuencias)
    estaba_entrenando = modelo.training
    modelo.eval()
    suma = 0.0
    cuenta = 0
    for inicio in range(0, len(secuencias), tamano_lote):
        entradas, objetivos = lote_lm(secuencias[inicio : inicio + tamano_lote])
        logits = modelo(entradas)
        suma += F.cross_entropy(logits.reshape(-1, logits.shape[-1]), objetivos.reshape(-1),
                                ignore_index=IGNORAR, reduction="sum").item()
        cuenta += int((objetivos != IGNORAR).sum())
    modelo.train(estaba_entrenando)
    return math.exp(suma / cuenta)


@dataclass
class ResultadoLSTM:
    """Modelo entrenado, pérdida de entrenamiento por tramo y perplejidad de validación por época.

    Capítulo 3 (PLN clásico).
    """

    modelo: ModeloLSTM
    perdidas: list[float] = field(default_factory=list)
    perplejidades_validacion: list[float] = field(default_factory=list)


def entrenar_lstm(
    secuencias: Sequence[Sequence[int]],
    tamano_vocabulario: int,
    validacion: Sequence[Sequence[int]] | None = None,
    epocas: int = 1,
    tamano_lote: int = 32,
    tasa_aprendizaje: float = 3e-3,
    dim_embedding: int = 64,
    dim_oculta: int = 128,
    semilla: int = 0,
    max_pasos: int | None = None,
    pasos_por_registro: int = 10,
) -> ResultadoLSTM:
    """Entrena un :class:`ModeloLSTM` con Adam y entropía cruzada (recorte de gradiente a 1).

    ``secuencias`` y ``validacion`` son listas de índices con ``<s>`` y ``</s>``. Al final de
    cada época (y al llegar a ``max_pasos``) se mide la perplejidad de ``validacion``.
    Con la misma ``semilla`` (y el mismo número de hilos) el resultado es idéntico.

    Capítulo 3 (PLN clásico).
    """
    secuencias = _validar_secuencias(secuencias)
    comprobar_entero_positivo(epocas, "epocas")
    comprobar_entero_positivo(tamano_lote, "tamano_lote")
    if max_pasos is not None:
        comprobar_entero_positivo(max_pasos, "max_pasos")
    torch.manual_seed(semilla)
    generador = np.random.default_rng(semilla)
    modelo = ModeloLSTM(tamano_vocabulario, dim_embedding, dim_oculta)
    optimizador = torch.optim.Adam(modelo.parameters(), lr=tasa_aprendizaje)
    resultado = ResultadoLSTM(modelo)
    acumulado: list[float] = []
    paso = 0
    for _ in range(epocas):
        modelo.train()
        orden = generador.permutation(len(secuencias))
        for inicio in range(0, len(orden), tamano_lote):
            entradas, objetivos = lote_lm([secuencias[i] for i in orden[inicio:inicio + tamano_lote]])
            logits = modelo(entradas)
            perdida = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), objetivos.reshape(-1),
                                      ignore_index=IGNORAR)
            optimizador.zero_grad()
            perdida.backward()
            nn.utils.clip_grad_norm_(modelo.parameters(), 1.0)
            optimizador.step()
            acumulado.append(perdida.item())
            paso += 1
            if len(acumulado) == pasos_por_registro:
                resultado.perdidas.append(float(np.mean(acumulado)))
                acumulado = []
            if max_pasos is not None and paso >= max_pasos:
                break
        if validacion is not None:
            resultado.perplejidades_validacion.append(perplejidad_lstm(modelo, validacion))
        if max_pasos is not None and paso >= max_pasos:
            break
    if acumulado:
        resultado.perdidas.append(float(np.mean(acumulado)))
    modelo.eval()
    return resultado


@torch.no_grad()
def generar_lstm(modelo: ModeloLSTM, id_inicio: int, id_fin: int, semilla: int = 0,
                 max_tokens: int = 60, temperatura: float = 1.0) -> list[int]:
    """Muestrea índices desde ``<s>`` hasta ``</s>`` (o ``max_tokens``) con ``temperatura``.

    Capítulo 3 (PLN clásico).
    """
    comprobar_positivo(temperatura, "temperatura", ejemplo="1.0")
    generador = torch.Generator().manual_seed(semilla)
    modelo.eval()
    actual = torch.tensor([[id_inicio]])
    estado = None
    salida: list[int] = []
    for _ in range(max_tokens):
        estados, estado = modelo.lstm(modelo.embedding(actual), estado)
        probs = torch.softmax(modelo.salida(estados[0, -1]) / temperatura, dim=-1)
        siguiente = int(torch.multinomial(probs, 1, generator=generador))
        if siguiente == id_fin:
            break
        salida.append(siguiente)
        actual = torch.tensor([[siguiente]])
    return salida
