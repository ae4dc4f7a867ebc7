"""Redes neuronales con PyTorch (capítulo 2).

Dos partes:

- **Desde cero** (la lección): una capa lineal y la ReLU hacia delante y hacia atrás, y un
  paso de SGD con momento, Adam y AdamW escritos a mano. Son las soluciones de referencia de
  los ejercicios y se comprueban contra ``torch.autograd`` y ``torch.optim``.
- **La herramienta**: un :class:`MLP` configurable, :func:`crear_optimizador`,
  :func:`entrenar_clasificador` (lotes, validación en cada época y parada temprana).

Los datos del laboratorio (notas clínicas ficticias como bolsas de palabras) se preparan con
:func:`curso_llm.datos.preparar_notas`.

Convención de las capas lineales (la misma que ``torch.nn.Linear``): ``W`` tiene forma
``(salidas, entradas)`` y ``y = x @ W.T + b``.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Iterable, Sequence

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F
from torch.utils.data import DataLoader, TensorDataset

from curso_llm.comprobaciones import (
    comprobar_entero_positivo,
    comprobar_forma,
    comprobar_misma_forma,
    comprobar_opcion,
    comprobar_positivo,
    comprobar_probabilidad,
    comprobar_tensor,
)
from curso_llm.modelos import contar_parametros  # noqa: F401 (se usa como redes.contar_parametros)

OPTIMIZADORES = ("sgd", "momentum", "adam", "adamw")


def _paso_t(t) -> int:
    if isinstance(t, bool) or not isinstance(t, (int, np.integer)) or t < 1:
        raise ValueError(
            f"El argumento 't' es el número del paso y empieza en 1 (primer paso: t=1); "
            f"recibiste {t!r}."
        )
    return int(t)


# ---------------------------------------------------------------------------------------
# Capas desde cero
# ---------------------------------------------------------------------------------------
def lineal_adelante(x: torch.Tensor, W: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    """Capa lineal: ``y = x @ W.T + b``.

    Args:
        x: entradas, forma ``(lote, entradas)``.
        W: pesos, forma ``(salidas, entradas)`` (como ``nn.Linear.weight``).
        b: sesgo, forma ``(salidas,)``; la suma se extiende a cada fila (broadcasting).

    Returns:
        Tensor de forma ``(lote, salidas)``.

    Capítulo 2 (Redes neuronales).
    """
    x = comprobar_forma(comprobar_tensor(x, "x"), ("lote", "entradas"), "x")
    W = comprobar_forma(comprobar_tensor(W, "W"), ("salidas", "entradas"), "W")
    b = comprobar_forma(comprobar_tensor(b, "b"), ("salidas",), "b")
    if x.shape[1] != W.shape[1] or W.shape[0] != b.shape[0]:
        raise ValueError(
            f"Las formas no encajan: x tiene {x.shape[1]} columnas y W espera {W.shape[1]} "
            f"entradas; W tiene {W.shape[0]} salidas y b {b.shape[0]} elementos."
        )
    return x @ W.T + b


def lineal_atras(
    x: torch.Tensor, W: torch.Tensor, grad_salida: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Retropropagación de ``y = x @ W.T + b``.

    Dado ``grad_salida = dL/dy`` (forma ``(lote, salidas)``), devuelve
    ``(grad_x, grad_W, grad_b)``:

    - ``grad_x = grad_salida @ W`` (forma de ``x``);
    - ``grad_W = grad_salida.T @ x`` (forma de ``W``): suma sobre el lote;
    - ``grad_b = grad_salida.sum(0)`` (forma ``(salidas,)``): el sesgo se usa en cada fila.

    Capítulo 2 (Redes neuronales).
    """
    x = comprobar_tensor(x, "x", dims=2)
    W = comprobar_tensor(W, "W", dims=2)
    g = comprobar_tensor(grad_salida, "grad_salida", dims=2)
    if g.shape != (x.shape[0], W.shape[0]) or x.shape[1] != W.shape[1]:
        raise ValueError(
            f"Formas incompatibles: x {tuple(x.shape)}, W {tuple(W.shape)}, grad_salida "
            f"{tuple(g.shape)}; grad_salida debe tener forma (lote, salidas) = "
            f"({x.shape[0]}, {W.shape[0]})."
        )
    return g @ W, g.T @ x, g.sum(dim=0)


def relu(x: torch.Tensor) -> torch.Tensor:
    """ReLU: ``max(0, x)`` elemento a elemento.

    Capítulo 2 (Redes neuronales).
    """
    x = comprobar_tensor(x, "x")
    return torch.clamp(x, min=0.0)


def relu_atras(x: torch.Tensor, grad_salida: torch.Tensor) -> torch.Tensor:
    """Gradiente de la ReLU respecto a su entrada ``x``.

    ``dL/dx = grad_salida * (x > 0)``: el gradiente pasa donde la entrada era positiva y se
    anula donde no. En ``x = 0`` se usa derivada 0, como PyTorch.

    Capítulo 2 (Redes neuronales).
    """
    x, g = comprobar_tensor(x, "x"), comprobar_tensor(grad_salida, "grad_salida")
    comprobar_misma_forma(x, g, "x", "grad_salida")
    return g * (x > 0).to(g.dtype)


def entropia_cruzada_atras(logits: torch.Tensor, etiquetas: torch.Tensor) -> torch.Tensor:
    """Gradiente de la entropía cruzada media respecto a los logits.

    Para ``L = mean_i -log softmax(logits_i)[y_i]``: ``dL/dlogits = (softmax - one_hot) / lote``.

    Capítulo 2 (Redes neuronales).
    """
    logits, etiquetas = comprobar_tensor(logits, "logits"), comprobar_tensor(etiquetas, "etiquetas")
    if logits.dim() != 2 or etiquetas.shape != (logits.shape[0],):
        raise ValueError(
            f"logits debe tener forma (lote, clases) y etiquetas (lote,); recibiste "
            f"{tuple(logits.shape)} y {tuple(etiquetas.shape)}."
        )
    probabilidades = torch.softmax(logits, dim=1)
    uno_caliente = F.one_hot(etiquetas.long(), logits.shape[1]).to(logits.dtype)
    return (probabilidades - uno_caliente) / logits.shape[0]


# ---------------------------------------------------------------------------------------
# Optimizadores desde cero (un paso; sin modificar las entradas)
# ---------------------------------------------------------------------------------------
def paso_sgd_momentum(
    param: torch.Tensor,
    grad: torch.Tensor,
    velocidad: torch.Tensor,
    tasa: float,
    momento: float = 0.9,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Un paso de SGD con momento, con la convención de ``torch.optim.SGD``.

    ``velocidad_nueva = momento * velocidad + grad`` y
    ``param_nuevo = param - tasa * velocidad_nueva``. La primera velocidad es un tensor de
    ceros. Devuelve ``(param_nuevo, velocidad_nueva)`` sin modificar las entradas.

    Capítulo 2 (Redes neuronales).
    """
    param, grad = comprobar_tensor(param, "param"), comprobar_tensor(grad, "grad")
    velocidad = comprobar_tensor(velocidad, "velocidad")
    comprobar_positivo(tasa, "tasa")
    comprobar_probabilidad(momento, "momento")
    velocidad_nueva = momento * velocidad + grad
    return param - tasa * velocidad_nueva, velocidad_nueva


def paso_adam(
    param: torch.Tensor,
    grad: torch.Tensor,
    m: torch.Tensor,
    v: torch.Tensor,
    t: int,
    tasa: float = 1e-3,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Un paso de Adam (Kingma y Ba, 2015) con corrección del sesgo.

    ``t`` es el número del paso y empieza en 1. Con ``m`` y ``v`` de ceros al principio::

        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad**2
        m_hat = m / (1 - beta1**t);  v_hat = v / (1 - beta2**t)
        param = param - tasa * m_hat / (sqrt(v_hat) + eps)

    Devuelve ``(param_nuevo, m_nuevo, v_nuevo)`` sin modificar las entradas.

    Capítulo 2 (Redes neuronales).
    """
    param, grad = comprobar_tensor(param, "param"), comprobar_tensor(grad, "grad")
    m, v = comprobar_tensor(m, "m"), comprobar_tensor(v, "v")
    t = _paso_t(t)
    comprobar_positivo(tasa, "tasa")
    beta1, beta2 = comprobar_probabilidad(beta1, "beta1"), comprobar_probabilidad(beta2, "beta2")
    comprobar_positivo(eps, "eps")
    m_nuevo = beta1 * m + (1 - beta1) * grad
    v_nuevo = beta2 * v + (1 - beta2) * grad**2
    m_hat = m_nuevo / (1 - beta1**t)
    v_hat = v_nuevo / (1 - beta2**t)
    return param - tasa * m_hat / (torch.sqrt(v_hat) + eps), m_nuevo, v_nuevo


def paso_adamw(
    param: torch.Tensor,
    grad: torch.Tensor,
    m: torch.Tensor,
    v: torch.Tensor,
    t: int,
    tasa: float = 1e-3,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
    decaimiento: float = 1e-2,
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Un paso de AdamW (Loshchilov y Hutter, 2019): Adam con decaimiento de pesos desacoplado.

    El decaimiento no entra en el gradiente (ni, por tanto, en ``m`` y ``v``): se aplica
    directamente a los parámetros, escalado por la tasa de aprendizaje, antes del paso de Adam::

        param = param * (1 - tasa * decaimiento)
        (param, m, v) = paso_adam(param, grad, m, v, t, tasa, beta1, beta2, eps)

    Es lo que hace ``torch.optim.AdamW``. Devuelve ``(param_nuevo, m_nuevo, v_nuevo)``.

    Capítulo 2 (Redes neuronales).
    """
    param = comprobar_tensor(param, "param")
    comprobar_positivo(decaimiento, "decaimiento", cero_permitido=True)
    comprobar_positivo(tasa, "tasa")
    return paso_adam(param * (1 - tasa * decaimiento), grad, m, v, t, tasa, beta1, beta2, eps)


# ---------------------------------------------------------------------------------------
# Parada temprana
# ---------------------------------------------------------------------------------------
def parada_temprana(perdidas_val: Sequence[float], paciencia: int) -> tuple[int, int]:
    """Épocas de la mejor pérdida de validación y de la parada, contando desde 0.

    Se recorren las épocas en orden. Una época *mejora* si su pérdida es estrictamente menor
    que la mejor vista hasta entonces. Tras ``paciencia`` épocas seguidas sin mejorar, el
    entrenamiento se detiene en esa época. Si nunca se agota la paciencia, la parada es la
    última época de la lista.

    Returns:
        ``(mejor_epoca, epoca_parada)``; ``mejor_epoca`` solo mira hasta ``epoca_parada``.

    Ejemplo: ``parada_temprana([1.0, 0.8, 0.9, 0.85, 0.95], paciencia=2)`` → ``(1, 3)``.

    Capítulo 2 (Redes neuronales).
    """
    comprobar_entero_positivo(paciencia, "paciencia")
    perdidas = [float(p) for p in perdidas_val]
    if not perdidas:
        raise ValueError("El argumento 'perdidas_val' está vacío: necesitas al menos una época.")
    mejor, mejor_epoca, sin_mejora = math.inf, 0, 0
    for epoca, perdida in enumerate(perdidas):
        if perdida < mejor:
            mejor, mejor_epoca, sin_mejora = perdida, epoca, 0
        else:
            sin_mejora += 1
            if sin_mejora >= paciencia:
                return mejor_epoca, epoca
    return mejor_epoca, len(perdidas) - 1


# ---------------------------------------------------------------------------------------
# La herramienta: nn.Module, optimizadores de torch.optim y el bucle de entrenamiento
# ---------------------------------------------------------------------------------------
class MLP(nn.Module):
    """Perceptrón multicapa: capas lineales con ReLU (y dropout opcional) entre ellas.

    ``MLP([entradas, oculta_1, ..., salidas], dropout=0.0)``. Las capas lineales están en
    ``modelo.capas`` (``modelo.capas[0]`` es la primera). Tras cada capa oculta se aplica
    ReLU y después dropout con probabilidad ``dropout``; la última capa no lleva activación:
    devuelve logits, que ``F.cross_entropy`` convierte en pérdida.

    Capítulo 2 (Redes neuronales).
    """

    def __init__(self, tamanos: Sequence[int], dropout: float = 0.0):
        super().__init__()
        tamanos = list(tamanos)
        if len(tamanos) < 2 or any(
            isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1 for n in tamanos
        ):
            raise ValueError(
                "El argumento 'tamanos' debe ser una lista de al menos dos enteros positivos, "
                f"p. ej. [entradas, 64, clases]; recibiste {tamanos!r}."
            )
        comprobar_probabilidad(dropout, "dropout")
        self.tamanos = [int(n) for n in tamanos]
        self.capas = nn.ModuleList(
            nn.Linear(entrada, salida) for entrada, salida in zip(self.tamanos[:-1], self.tamanos[1:])
        )
        # Un único módulo de dropout (con p = 0 no hace nada): así los nombres de los
        # parámetros no cambian con ``dropout`` y se pueden copiar pesos entre variantes.
        self.abandono = nn.Dropout(float(dropout))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.dim() != 2 or x.shape[1] != self.tamanos[0]:
            raise ValueError(
                f"El MLP espera entradas de forma (lote, {self.tamanos[0]}); recibió "
                f"{tuple(x.shape)}."
            )
        for capa in self.capas[:-1]:
            x = self.abandono(torch.relu(capa(x)))
        return self.capas[-1](x)


def crear_optimizador(
    nombre: str,
    parametros: Iterable,
    tasa_aprendizaje: float,
    momento: float = 0.9,
    decaimiento: float | None = None,
) -> torch.optim.Optimizer:
    """Crea un optimizador de ``torch.optim`` por su nombre.

    - ``"sgd"``: descenso de gradiente estocástico sin momento;
    - ``"momentum"``: SGD con momento ``momento``;
    - ``"adam"``: Adam (``decaimiento`` se suma al gradiente como L2, como en torch);
    - ``"adamw"``: AdamW con decaimiento de pesos desacoplado ``decaimiento``.

    Con ``decaimiento=None`` se usan los valores por defecto de PyTorch: 0 para SGD y Adam,
    0.01 para AdamW.

    Capítulo 2 (Redes neuronales).
    """
    nombre = nombre.lower() if isinstance(nombre, str) else nombre
    comprobar_opcion(nombre, "nombre", OPTIMIZADORES)
    tasa = comprobar_positivo(tasa_aprendizaje, "tasa_aprendizaje")
    if decaimiento is None:
        decaimiento = 0.01 if nombre == "adamw" else 0.0
    comprobar_positivo(decaimiento, "decaimiento", cero_permitido=True)
    parametros = list(parametros)
    if nombre == "sgd":
        return torch.optim.SGD(parametros, lr=tasa, weight_decay=decaimiento)
    if nombre == "momentum":
        comprobar_probabilidad(momento, "momento")
        return torch.optim.SGD(parametros, lr=tasa, momentum=momento, weight_decay=decaimiento)
    if nombre == "adam":
        return torch.optim.Adam(parametros, lr=tasa, weight_decay=decaimiento)
    return torch.optim.AdamW(parametros, lr=tasa, weight_decay=decaimiento)


def _como_tensores(datos, nombre: str) -> tuple[torch.Tensor, torch.Tensor]:
    if isinstance(datos, TensorDataset) and len(datos.tensors) == 2:
        X, y = datos.tensors
    elif isinstance(datos, (tuple, list)) and len(datos) == 2:
        X, y = datos
    else:
        raise TypeError(
            f"El argumento '{nombre}' debe ser un par (X, y) de tensores o un TensorDataset "
            "con dos tensores."
        )
    X, y = comprobar_tensor(X, f"{nombre}[0]"), comprobar_tensor(y, f"{nombre}[1]")
    if X.dim() != 2 or y.dim() != 1 or X.shape[0] != y.shape[0] or X.shape[0] == 0:
        raise ValueError(
            f"En '{nombre}', X debe tener forma (n, rasgos) e y forma (n,) con el mismo n > 0; "
            f"recibiste {tuple(X.shape)} y {tuple(y.shape)}."
        )
    return X.float(), y.long()


@torch.no_grad()
def evaluar(modelo: nn.Module, X: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    """Pérdida (entropía cruzada media) y exactitud de ``modelo`` en ``(X, y)``, en modo eval.

    Capítulo 2 (Redes neuronales).
    """
    X, y = _como_tensores((X, y), "datos")
    estaba_entrenando = modelo.training
    modelo.eval()
    logits = modelo(X)
    perdida = F.cross_entropy(logits, y).item()
    exactitud = (logits.argmax(dim=1) == y).float().mean().item()
    modelo.train(estaba_entrenando)
    return perdida, exactitud


def entrenar_clasificador(
    modelo: nn.Module,
    datos_train,
    datos_val,
    optimizador: torch.optim.Optimizer,
    epocas: int,
    tamano_lote: int = 32,
    paciencia: int | None = None,
    semilla: int = 0,
) -> dict:
    """Entrena un clasificador con entropía cruzada, lotes y validación en cada época.

    Args:
        modelo: un ``nn.Module`` que devuelve logits de forma ``(lote, clases)``.
        datos_train, datos_val: pares ``(X, y)`` de tensores o ``TensorDataset``.
        optimizador: un optimizador de ``torch.optim`` sobre ``modelo.parameters()``.
        epocas: número máximo de épocas.
        tamano_lote: tamaño del lote (los lotes se barajan en cada época).
        paciencia: si no es ``None``, parada temprana: se detiene tras ``paciencia`` épocas
            sin mejorar la pérdida de validación (como :func:`parada_temprana`) y restaura
            los pesos de la mejor época.
        semilla: semilla del barajado de los lotes (y del dropout): misma semilla, misma
            historia.

    Returns:
        ``{"perdida_train", "perdida_val", "exactitud_train", "exactitud_val"}`` (una entrada
        por época, medidas en modo eval al final de cada época), ``"mejor_epoca"`` (la de
        menor pérdida de validación, desde 0) y ``"epoca_parada"`` (la última ejecutada).

    Capítulo 2 (Redes neuronales).
    """
    comprobar_entero_positivo(epocas, "epocas")
    comprobar_entero_positivo(tamano_lote, "tamano_lote")
    if paciencia is not None:
        comprobar_entero_positivo(paciencia, "paciencia")
    if not isinstance(optimizador, torch.optim.Optimizer):
        raise TypeError(
            "El argumento 'optimizador' debe ser un torch.optim.Optimizer; créalo con "
            "crear_optimizador('adam', modelo.parameters(), tasa_aprendizaje=1e-3)."
        )
    X_train, y_train = _como_tensores(datos_train, "datos_train")
    X_val, y_val = _como_tensores(datos_val, "datos_val")

    generador = torch.Generator().manual_seed(semilla)
    cargador = DataLoader(TensorDataset(X_train, y_train), batch_size=tamano_lote, shuffle=True,
                          generator=generador)
    historia: dict = {"perdida_train": [], "perdida_val": [], "exactitud_train": [],
                      "exactitud_val": []}
    mejor, mejor_epoca, sin_mejora, mejores_pesos = math.inf, 0, 0, None
    estado_rng = torch.get_rng_state()
    torch.manual_seed(semilla)  # dropout reproducible
    try:
        for epoca in range(epocas):
            modelo.train()
            for xb, yb in cargador:
                optimizador.zero_grad()
                perdida = F.cross_entropy(modelo(xb), yb)
                perdida.backward()
                optimizador.step()
            perdida_tr, exactitud_tr = evaluar(modelo, X_train, y_train)
            perdida_va, exactitud_va = evaluar(modelo, X_val, y_val)
            historia["perdida_train"].append(perdida_tr)
            historia["exactitud_train"].append(exactitud_tr)
            historia["perdida_val"].append(perdida_va)
            historia["exactitud_val"].append(exactitud_va)
            if perdida_va < mejor:
                mejor, mejor_epoca, sin_mejora = perdida_va, epoca, 0
                if paciencia is not None:
                    mejores_pesos = copy.deepcopy(modelo.state_dict())
            else:
                sin_mejora += 1
                if paciencia is not None and sin_mejora >= paciencia:
                    break
    finally:
        torch.set_rng_state(estado_rng)
    if mejores_pesos is not None:
        modelo.load_state_dict(mejores_pesos)
    modelo.eval()
    historia["mejor_epoca"] = mejor_epoca
    historia["epoca_parada"] = len(historia["perdida_val"]) - 1
    return historia
