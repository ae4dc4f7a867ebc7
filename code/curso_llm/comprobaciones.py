"""Comprobación de argumentos: un único sitio para los mensajes de error del paquete.

Todas las funciones públicas se llaman ``comprobar_*``: reciben el valor y el nombre del
argumento, devuelven el valor ya convertido (``float``, ``int``, arreglo o tensor) y, si
no sirve, lanzan un ``TypeError`` (tipo equivocado) o un ``ValueError`` (valor fuera de
rango) con un mensaje en español que nombra el argumento y dice cómo arreglarlo.

Las funciones de referencia de los ejercicios empiezan con unas pocas llamadas a
``comprobar_*`` separadas del cálculo: ``solucion()`` las omite y enseña solo lo esencial.

Capítulo 1 (Matemáticas).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence

import numpy as np

__all__ = [
    "TOLERANCIA_SUMA",
    "comprobar_arreglo",
    "comprobar_distribucion",
    "comprobar_entero",
    "comprobar_entero_positivo",
    "comprobar_etiquetas",
    "comprobar_forma",
    "comprobar_funcion",
    "comprobar_misma_forma",
    "comprobar_numero",
    "comprobar_opcion",
    "comprobar_positivo",
    "comprobar_probabilidad",
    "comprobar_tensor",
    "comprobar_texto",
]

# Tolerancia con la que una distribución debe sumar 1.
TOLERANCIA_SUMA = 1e-6


def _es_numero(valor) -> bool:
    return not isinstance(valor, bool) and isinstance(valor, (int, float, np.integer, np.floating))


def comprobar_numero(valor, nombre: str) -> float:
    """Un número real finito (no un booleano); devuelve ``float(valor)``.

    Capítulo 1 (Matemáticas).
    """
    if not _es_numero(valor):
        raise TypeError(
            f"El argumento '{nombre}' debe ser un número real, no {type(valor).__name__} "
            f"({valor!r})."
        )
    if not math.isfinite(float(valor)):
        raise ValueError(f"El argumento '{nombre}' debe ser un número finito; recibiste {valor!r}.")
    return float(valor)


def comprobar_positivo(valor, nombre: str, cero_permitido: bool = False,
                       ejemplo: str | None = None) -> float:
    """Un número real finito mayor que 0 (o ``≥ 0`` con ``cero_permitido=True``).

    ``ejemplo`` (p. ej. ``"1e-5"``) se añade al mensaje como valor típico.

    Capítulo 1 (Matemáticas).
    """
    if not _es_numero(valor):
        raise TypeError(
            f"El argumento '{nombre}' debe ser un número real, no {type(valor).__name__} "
            f"({valor!r})."
        )
    numero = float(valor)
    if not math.isfinite(numero) or numero < 0 or (numero == 0 and not cero_permitido):
        limite = "mayor o igual que 0" if cero_permitido else "mayor que 0"
        tipico = f" (un valor típico es {ejemplo})" if ejemplo else ""
        raise ValueError(
            f"El argumento '{nombre}' debe ser un número finito {limite}{tipico}; "
            f"recibiste {valor!r}."
        )
    return numero


def comprobar_probabilidad(valor, nombre: str, incluir_cero: bool = True,
                           incluir_uno: bool = False) -> float:
    """Un número en ``[0, 1)`` (por defecto): momentos, betas de Adam, dropout, top-p...

    ``incluir_cero`` e ``incluir_uno`` cierran o abren cada extremo del intervalo.

    Capítulo 2 (Redes neuronales).
    """
    if not _es_numero(valor) or not math.isfinite(float(valor)):
        raise TypeError(
            f"El argumento '{nombre}' debe ser un número entre 0 y 1, no {valor!r}."
        )
    numero = float(valor)
    dentro = (numero > 0 or (incluir_cero and numero == 0)) and (
        numero < 1 or (incluir_uno and numero == 1))
    if not dentro:
        intervalo = ("[" if incluir_cero else "(") + "0, 1" + ("]" if incluir_uno else ")")
        raise ValueError(
            f"El argumento '{nombre}' debe estar en {intervalo} (p. ej. 0.9); recibiste {valor!r}."
        )
    return numero


def comprobar_entero(valor, nombre: str, minimo: int | None = 0) -> int:
    """Un entero (no un booleano ni un ``float``) mayor o igual que ``minimo``.

    Con ``minimo=None`` no hay cota inferior.

    Capítulo 1 (Matemáticas).
    """
    if isinstance(valor, bool) or not isinstance(valor, (int, np.integer)):
        raise TypeError(
            f"El argumento '{nombre}' debe ser un número entero, no {type(valor).__name__} "
            f"({valor!r})."
        )
    if minimo is not None and valor < minimo:
        raise ValueError(
            f"El argumento '{nombre}' debe ser un entero mayor o igual que {minimo}; "
            f"recibiste {valor!r}."
        )
    return int(valor)


def comprobar_entero_positivo(valor, nombre: str) -> int:
    """Un entero ``≥ 1`` (tamaños, épocas, pasos, paciencia...).

    Capítulo 2 (Redes neuronales).
    """
    if isinstance(valor, bool) or not isinstance(valor, (int, np.integer)) or valor < 1:
        raise ValueError(
            f"El argumento '{nombre}' debe ser un entero positivo (≥ 1); recibiste {valor!r}."
        )
    return int(valor)


def comprobar_funcion(valor, nombre: str) -> Callable:
    """Algo que se puede llamar (una función, una ``lambda``...).

    Capítulo 1 (Matemáticas).
    """
    if not callable(valor):
        raise TypeError(
            f"El argumento '{nombre}' debe ser una función, no {type(valor).__name__}."
        )
    return valor


def comprobar_opcion(valor, nombre: str, opciones: Iterable) -> object:
    """Uno de los valores de ``opciones`` (el mensaje las enumera).

    Capítulo 2 (Redes neuronales).
    """
    opciones = list(opciones)
    if valor not in opciones:
        raise ValueError(
            f"El argumento '{nombre}' debe ser uno de estos: "
            + ", ".join(repr(o) for o in opciones) + f"; recibiste {valor!r}."
        )
    return valor


def comprobar_texto(valor, nombre: str, vacio_permitido: bool = True) -> str:
    """Una cadena de texto (``str``); con ``vacio_permitido=False``, no vacía.

    Capítulo 3 (PLN clásico).
    """
    if not isinstance(valor, str):
        raise TypeError(
            f"El argumento '{nombre}' debe ser una cadena de texto (str), no "
            f"{type(valor).__name__}."
        )
    if not vacio_permitido and not valor:
        raise ValueError(f"El argumento '{nombre}' no puede ser una cadena vacía.")
    return valor


def comprobar_arreglo(valor, nombre: str) -> np.ndarray:
    """Convierte ``valor`` (número, lista, arreglo o tensor) en un arreglo ``float64`` finito.

    Capítulo 1 (Matemáticas).
    """
    if callable(valor) or isinstance(valor, (str, bytes, dict)):
        raise TypeError(
            f"El argumento '{nombre}' debe ser un número, una lista o un arreglo de NumPy, "
            f"no {type(valor).__name__}."
        )
    if hasattr(valor, "detach"):  # tensor de PyTorch
        valor = valor.detach().cpu().numpy()
    try:
        arreglo = np.asarray(valor, dtype=np.float64)
    except (TypeError, ValueError):
        raise TypeError(
            f"El argumento '{nombre}' debe contener solo números; no se pudo convertir "
            f"{type(valor).__name__} en un arreglo de float64."
        ) from None
    if not np.all(np.isfinite(arreglo)):
        raise ValueError(
            f"El argumento '{nombre}' contiene nan o inf: revisa los valores antes de llamar."
        )
    return arreglo


def comprobar_distribucion(p: np.ndarray, nombre: str) -> np.ndarray:
    """Comprueba que ``p`` sea una distribución de probabilidad en su último eje.

    Capítulo 1 (Matemáticas).
    """
    p = np.asarray(p)
    if p.ndim == 0 or p.shape[-1] == 0:
        raise ValueError(
            f"'{nombre}' debe tener al menos un elemento en el último eje (una probabilidad "
            "por clase)."
        )
    if np.any(p < 0):
        raise ValueError(
            f"'{nombre}' no es una distribución de probabilidad: tiene valores negativos "
            f"(mínimo {p.min():.3g}). Si son logits, aplica antes softmax_estable."
        )
    sumas = p.sum(axis=-1)
    if np.any(np.abs(sumas - 1.0) > TOLERANCIA_SUMA):
        peor = sumas.flat[np.argmax(np.abs(sumas - 1.0))]
        raise ValueError(
            f"'{nombre}' no es una distribución de probabilidad: su último eje suma {peor:.6g} "
            "y debería sumar 1. Normalízala (p / p.sum(axis=-1, keepdims=True)) o, si son "
            "logits, aplica softmax_estable."
        )
    return p


def comprobar_etiquetas(etiquetas, n: int, n_clases: int, nombre: str = "etiquetas") -> np.ndarray:
    """Etiquetas de clase: ``n`` enteros en ``[0, n_clases)`` (lista, arreglo o tensor).

    Devuelve un arreglo de NumPy de enteros de forma ``(n,)``; ``n`` debe ser al menos 1.

    Capítulo 1 (Matemáticas).
    """
    if hasattr(etiquetas, "detach"):  # tensor de PyTorch
        etiquetas = etiquetas.detach().cpu().numpy()
    etiquetas = np.asarray(etiquetas)
    if etiquetas.dtype.kind not in "iu":
        raise TypeError(
            f"'{nombre}' deben ser enteros (índices de clase), no {etiquetas.dtype}; "
            "conviértelas con .astype(int)."
        )
    if etiquetas.shape != (n,):
        raise ValueError(
            f"'{nombre}' debe tener forma ({n},), una por ejemplo; recibí {etiquetas.shape}."
        )
    if n == 0:
        raise ValueError(f"'{nombre}' está vacío: la media de un lote vacío no está definida.")
    if np.any(etiquetas < 0) or np.any(etiquetas >= n_clases):
        raise ValueError(
            f"'{nombre}' debe estar en [0, {n_clases}) porque hay {n_clases} clases; recibí "
            f"valores entre {etiquetas.min()} y {etiquetas.max()}."
        )
    return etiquetas


def comprobar_tensor(valor, nombre: str, dims: int | None = None, dims_min: int | None = None,
                     real: bool = False, booleano: bool = False, opcional: bool = False):
    """Un ``torch.Tensor``; opcionalmente con exactamente ``dims`` dimensiones, al menos
    ``dims_min``, de números reales (``real=True``) o booleano (``booleano=True``, p. ej. una
    máscara). Con ``opcional=True`` también se acepta ``None`` (y se devuelve ``None``).

    Capítulo 2 (Redes neuronales).
    """
    import torch

    if opcional and valor is None:
        return None
    if booleano and not (isinstance(valor, torch.Tensor) and valor.dtype == torch.bool):
        raise TypeError(
            f"El argumento '{nombre}' debe ser un tensor booleano (torch.bool); recibiste "
            f"{getattr(valor, 'dtype', type(valor).__name__)}: conviértelo con {nombre}.bool()."
        )
    if not isinstance(valor, torch.Tensor):
        raise TypeError(
            f"El argumento '{nombre}' debe ser un torch.Tensor, no {type(valor).__name__}: "
            f"conviértelo con torch.as_tensor({nombre}, dtype=torch.float32)."
        )
    if real and not valor.is_floating_point():
        raise TypeError(
            f"El argumento '{nombre}' debe ser un tensor de números reales (float); tiene "
            f"dtype {valor.dtype}: conviértelo con {nombre}.float()."
        )
    if dims is not None and valor.dim() != dims:
        raise ValueError(
            f"El argumento '{nombre}' debe tener {dims} dimensiones; tiene forma "
            f"{tuple(valor.shape)}."
        )
    if dims_min is not None and valor.dim() < dims_min:
        raise ValueError(
            f"El argumento '{nombre}' debe tener al menos {dims_min} dimensiones; "
            f"tiene forma {tuple(valor.shape)}."
        )
    return valor


def comprobar_forma(valor, forma: Sequence[int | str | None], nombre: str):
    """Comprueba la forma de un arreglo o tensor contra un patrón.

    ``forma`` tiene un elemento por dimensión: un entero exige ese tamaño; ``None`` o un
    texto (el nombre de la dimensión, p. ej. ``"lote"``) admite cualquiera. El mensaje
    muestra el patrón con nombres, p. ej. ``(lote, 3)``.

    Capítulo 2 (Redes neuronales).
    """
    real = tuple(valor.shape)
    patron = tuple(forma)
    encaja = len(real) == len(patron) and all(
        not isinstance(p, (int, np.integer)) or isinstance(p, bool) or p == r
        for p, r in zip(patron, real))
    if not encaja:
        esperado = "(" + ", ".join("?" if p is None else str(p) for p in patron) + (
            ",)" if len(patron) == 1 else ")")
        raise ValueError(
            f"El argumento '{nombre}' debe tener forma {esperado}; tiene forma {real}."
        )
    return valor


def comprobar_misma_forma(a, b, nombre_a: str, nombre_b: str) -> None:
    """Dos arreglos o tensores con exactamente la misma forma.

    Capítulo 1 (Matemáticas).
    """
    if tuple(a.shape) != tuple(b.shape):
        raise ValueError(
            f"'{nombre_a}' y '{nombre_b}' deben tener la misma forma: recibí "
            f"{tuple(a.shape)} y {tuple(b.shape)}."
        )
