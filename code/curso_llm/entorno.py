"""Entorno de ejecución: perfil (``cpu``/``gpu``), dispositivo, tipo numérico, semillas e hilos.

Todos los laboratorios del curso aceptan ``perfil="auto" | "cpu" | "gpu"``:

- ``cpu``: modelos diminutos y datos sintéticos del propio paquete; nunca descarga nada.
- ``gpu``: un modelo pequeño del Hub (p. ej. SmolLM2-360M-Instruct) en una GPU con CUDA.
- ``auto``: ``gpu`` si hay CUDA disponible; si no, ``cpu``.
"""

from __future__ import annotations

import logging
import os
import platform
import random
import sys
from dataclasses import dataclass
from importlib import metadata

import numpy as np
import torch

PERFILES = ("auto", "cpu", "gpu")
HILOS_POR_DEFECTO = 2

# Paquetes cuyo número de versión muestra ``informe_versiones``.
PAQUETES_CLAVE = (
    "torch",
    "transformers",
    "tokenizers",
    "datasets",
    "accelerate",
    "peft",
    "trl",
    "bitsandbytes",
    "numpy",
    "scikit-learn",
    "matplotlib",
)


class ErrorPerfil(ValueError):
    """El perfil pedido no existe o no se puede usar en este equipo.

    Capítulo 0 (Preparación).
    """


@dataclass(frozen=True)
class Entorno:
    """Resumen del entorno elegido para un laboratorio.

    Capítulo 0 (Preparación).
    """

    perfil: str
    dispositivo: torch.device
    dtype: torch.dtype

    def __str__(self) -> str:
        tipo = str(self.dtype).replace("torch.", "")
        return f"perfil={self.perfil} dispositivo={self.dispositivo} tipo={tipo}"


def hay_gpu() -> bool:
    """``True`` si PyTorch ve una GPU con CUDA.

    Capítulo 0 (Preparación).
    """
    return torch.cuda.is_available()


def elegir_perfil(perfil: str = "auto") -> str:
    """Convierte ``"auto"`` en ``"cpu"`` o ``"gpu"`` y valida el valor.

    La variable de entorno ``CURSO_LLM_PERFIL`` fuerza un perfil cuando se pide ``"auto"``.

    Capítulo 0 (Preparación).
    """
    if not isinstance(perfil, str) or perfil.lower() not in PERFILES:
        raise ErrorPerfil(
            f"Perfil desconocido: {perfil!r}. Usa uno de estos: 'auto', 'cpu' o 'gpu'."
        )
    perfil = perfil.lower()
    if perfil == "auto":
        forzado = os.environ.get("CURSO_LLM_PERFIL", "").strip().lower()
        if forzado:
            if forzado not in ("cpu", "gpu"):
                raise ErrorPerfil(
                    f"La variable CURSO_LLM_PERFIL vale {forzado!r}; debe ser 'cpu' o 'gpu'."
                )
            perfil = forzado
        else:
            perfil = "gpu" if hay_gpu() else "cpu"
    if perfil == "gpu" and not hay_gpu():
        raise ErrorPerfil(
            "Pediste el perfil 'gpu', pero PyTorch no encuentra ninguna GPU con CUDA: "
            "usa perfil='cpu' (o 'auto'), o en Colab activa Entorno de ejecución > "
            "Cambiar tipo de entorno de ejecución > GPU."
        )
    return perfil


def elegir_dtype(dispositivo: torch.device | str | None = None) -> torch.dtype:
    """Tipo numérico para entrenar: bf16 en GPUs Ampere o posteriores, fp16 en las
    anteriores (p. ej. una T4 de Colab) y float32 en CPU.

    Capítulo 0 (Preparación).
    """
    dispositivo = torch.device(dispositivo or ("cuda" if hay_gpu() else "cpu"))
    if dispositivo.type != "cuda":
        return torch.float32
    mayor, _ = torch.cuda.get_device_capability(dispositivo)
    return torch.bfloat16 if mayor >= 8 else torch.float16


def preparar(perfil: str = "auto", semilla: int = 0, hilos: int | None = None) -> Entorno:
    """Elige perfil, dispositivo y tipo, fija la semilla y el número de hilos.

    Es la primera llamada de cada laboratorio::

        entorno = preparar("auto")
        print(entorno)  # perfil=cpu dispositivo=cpu tipo=float32

    Capítulo 0 (Preparación).
    """
    perfil = elegir_perfil(perfil)
    configurar_hilos(hilos)
    fijar_semilla(semilla)
    # bitsandbytes avisa en inglés, en CPU, de que le falta un núcleo opcional («Failed to load
    # CPU gemm_4bit_forward...»): es inofensivo (NOTAS_TECNICAS) y solo confunde.
    logging.getLogger("bitsandbytes").setLevel(logging.ERROR)
    dispositivo = torch.device("cuda" if perfil == "gpu" else "cpu")
    return Entorno(perfil=perfil, dispositivo=dispositivo, dtype=elegir_dtype(dispositivo))


def fijar_semilla(semilla: int = 0) -> None:
    """Fija las semillas de ``random``, NumPy y PyTorch para resultados reproducibles.

    Capítulo 0 (Preparación).
    """
    random.seed(semilla)
    np.random.seed(semilla % (2**32))
    torch.manual_seed(semilla)
    if hay_gpu():
        torch.cuda.manual_seed_all(semilla)


def configurar_hilos(hilos: int | None = None) -> int:
    """Fija cuántos hilos usa PyTorch en CPU y devuelve el valor aplicado.

    Por orden: el argumento, la variable ``CURSO_LLM_HILOS`` o ``HILOS_POR_DEFECTO`` (2),
    sin pasar de los núcleos del equipo.

    Capítulo 0 (Preparación).
    """
    if hilos is None:
        valor = os.environ.get("CURSO_LLM_HILOS", "").strip()
        if valor:
            try:
                hilos = int(valor)
            except ValueError:
                raise ErrorPerfil(
                    f"La variable CURSO_LLM_HILOS vale {valor!r}; debe ser un número entero, "
                    "p. ej. CURSO_LLM_HILOS=2."
                ) from None
        else:
            hilos = HILOS_POR_DEFECTO
    hilos = max(1, min(int(hilos), os.cpu_count() or 1))
    if torch.get_num_threads() != hilos:
        torch.set_num_threads(hilos)
    return hilos


def en_colab() -> bool:
    """``True`` si el cuaderno se ejecuta en Google Colab.

    Capítulo 0 (Preparación).
    """
    return "google.colab" in sys.modules or "COLAB_RELEASE_TAG" in os.environ


def en_binder() -> bool:
    """``True`` si el cuaderno se ejecuta en Binder.

    Capítulo 0 (Preparación).
    """
    return "BINDER_LAUNCH_HOST" in os.environ or "BINDER_REQUEST" in os.environ


def version_de(paquete: str) -> str | None:
    """Versión instalada de ``paquete`` o ``None`` si no está instalado.

    Capítulo 0 (Preparación).
    """
    try:
        return metadata.version(paquete)
    except metadata.PackageNotFoundError:
        return None


def informe_versiones() -> dict[str, str]:
    """Versiones de Python, del sistema y de las bibliotecas clave (para informar de errores).

    Capítulo 0 (Preparación).
    """
    informe = {"python": platform.python_version(), "sistema": platform.platform()}
    for paquete in PAQUETES_CLAVE:
        informe[paquete] = version_de(paquete) or "no instalado"
    informe["gpu"] = torch.cuda.get_device_name(0) if hay_gpu() else "ninguna"
    informe["hilos_torch"] = str(torch.get_num_threads())
    if en_colab():
        informe["plataforma"] = "Colab"
    elif en_binder():
        informe["plataforma"] = "Binder"
    else:
        informe["plataforma"] = "local"
    return informe


def mostrar_versiones() -> None:
    """Imprime ``informe_versiones()`` como una tabla de dos columnas.

    Capítulo 0 (Preparación).
    """
    informe = informe_versiones()
    ancho = max(len(k) for k in informe)
    for clave, valor in informe.items():
        print(f"{clave:<{ancho}}  {valor}")
