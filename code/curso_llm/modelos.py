"""Modelos del curso: configuraciones Llama diminutas, el modelo base preentrenado por el
paquete y la carga de modelos del Hub de Hugging Face (perfil ``gpu``).
"""

from __future__ import annotations

import contextlib
from importlib import resources
from pathlib import Path

import torch

from . import entorno
from .tokenizacion import cargar_tokenizador, guardar_tokenizador

__all__ = [
    "COMANDO_REGENERAR",
    "MODELOS_GPU",
    "TAMANOS",
    "ErrorModelo",
    "cargar_modelo",
    "config_a_medida",
    "config_llama",
    "contar_parametros",
    "crear_modelo",
    "guardar_modelo",
    "guardar_modelo_base",
    "modelo_base",
    "ruta_modelo_base",
    "tokenizador_base",
]

# Modelos pequeños y sin restricciones de acceso recomendados para el perfil ``gpu``.
MODELOS_GPU = {
    "smollm2-360m-instruct": "HuggingFaceTB/SmolLM2-360M-Instruct",
    "smollm2-360m": "HuggingFaceTB/SmolLM2-360M",
    "smollm2-135m-instruct": "HuggingFaceTB/SmolLM2-135M-Instruct",
    "qwen2.5-0.5b-instruct": "Qwen/Qwen2.5-0.5B-Instruct",
    "qwen2.5-0.5b": "Qwen/Qwen2.5-0.5B",
}
MODELO_GPU_POR_DEFECTO = MODELOS_GPU["smollm2-360m-instruct"]

# Tamaños con nombre: (dimensión oculta, dimensión intermedia, capas, cabezas).
TAMANOS = {
    "micro": (64, 176, 4, 4),  # ≈ 0,46 M parámetros: para pruebas
    "diminuto": (256, 640, 4, 4),  # ≈ 4,07 M parámetros: el modelo base del curso
    "pequeno": (384, 1024, 6, 6),  # ≈ 12 M parámetros
}


# Cómo se regenera el modelo base (lo construye ``curso_llm.entrenamiento.modelo_base``).
COMANDO_REGENERAR = "python -m curso_llm.entrenamiento.modelo_base"


class ErrorModelo(ValueError):
    """No se pudo cargar o crear un modelo.

    Capítulo 4 (Arquitectura).
    """



@contextlib.contextmanager
def _sin_barra_de_progreso():
    """Desactiva la barra «Loading weights» de transformers durante el bloque."""
    from transformers.utils import logging as registro

    activa = registro.is_progress_bar_enabled()
    registro.disable_progress_bar()
    try:
        yield
    finally:
        if activa:
            registro.enable_progress_bar()

def config_llama(tamano: str = "diminuto", tamano_vocabulario: int = 4096, long_max: int = 512):
    """``LlamaConfig`` de arquitectura Llama con un tamaño con nombre (ver ``TAMANOS``).

    Los embeddings de entrada y salida están atados (``tie_word_embeddings``), como en los
    modelos pequeños reales.

    Capítulo 4 (Arquitectura).
    """
    if tamano not in TAMANOS:
        raise ErrorModelo(
            f"Tamaño desconocido: {tamano!r}. Usa uno de estos: {', '.join(TAMANOS)}."
        )
    oculta, intermedia, capas, cabezas = TAMANOS[tamano]
    return config_a_medida(oculta, intermedia, capas, cabezas, tamano_vocabulario, long_max)


def config_a_medida(dim_embedding: int, intermedia: int, n_capas: int, n_cabezas: int,
                    tamano_vocabulario: int = 4096, long_max: int = 512):
    """``LlamaConfig`` de la familia del curso con dimensiones dadas (embeddings atados y los
    ids especiales del tokenizador del curso). ``config_llama`` la usa con los tamaños con
    nombre; el laboratorio de escalado, con los suyos.

    Capítulo 5 (Preentrenamiento).
    """
    from transformers import LlamaConfig

    return LlamaConfig(
        vocab_size=tamano_vocabulario,
        hidden_size=dim_embedding,
        intermediate_size=intermedia,
        num_hidden_layers=n_capas,
        num_attention_heads=n_cabezas,
        num_key_value_heads=n_cabezas,
        max_position_embeddings=long_max,
        tie_word_embeddings=True,
        bos_token_id=0,
        eos_token_id=0,
        pad_token_id=3,
    )


def contar_parametros(modelo: torch.nn.Module, solo_entrenables: bool = False) -> int:
    """Número de parámetros (distintos) del modelo; los atados se cuentan una vez.

    Capítulo 2 (Redes neuronales).
    """
    return sum(p.numel() for p in modelo.parameters() if p.requires_grad or not solo_entrenables)


def crear_modelo(config, semilla: int = 0):
    """Crea un ``LlamaForCausalLM`` con pesos aleatorios reproducibles (``semilla``).

    Capítulo 4 (Arquitectura).
    """
    from transformers import LlamaForCausalLM

    torch.manual_seed(semilla)
    return LlamaForCausalLM(config)


def guardar_modelo(modelo, directorio, dtype: torch.dtype | None = torch.float16) -> Path:
    """Guarda el modelo en ``safetensors``; por defecto en float16 (la mitad de tamaño).

    Capítulo 4 (Arquitectura).
    """
    import copy

    directorio = Path(directorio)
    directorio.mkdir(parents=True, exist_ok=True)
    copia = copy.deepcopy(modelo).to(dtype) if dtype is not None else modelo
    copia.save_pretrained(str(directorio), safe_serialization=True)
    return directorio


def ruta_modelo_base() -> Path:
    """Carpeta (dentro del paquete) con el modelo base, su tokenizador y ``metricas.json``.

    Capítulo 4 (Arquitectura).
    """
    return Path(str(resources.files("curso_llm") / "recursos" / "modelo_base"))


def guardar_modelo_base(modelo, tokenizador, directorio=None) -> Path:
    """Guarda ``modelo`` (en float16) y ``tokenizador`` como modelo base del curso.

    Por defecto en :func:`ruta_modelo_base`; ``directorio`` permite construirlo en otra
    carpeta (pruebas, experimentos). Es lo que usa ``curso_llm.entrenamiento.modelo_base``.

    Capítulo 4 (Arquitectura).
    """
    directorio = Path(directorio) if directorio is not None else ruta_modelo_base()
    guardar_modelo(modelo, directorio)
    guardar_tokenizador(tokenizador, directorio)
    return directorio


def tokenizador_base():
    """El tokenizador del modelo base del curso (4096 tokens, entrenado por el paquete).

    Capítulo 4 (Arquitectura).
    """
    return cargar_tokenizador(ruta_modelo_base())


def modelo_base(dispositivo: str | torch.device = "cpu"):
    """El modelo base del curso (≈ 4 M parámetros) preentrenado por el paquete, en modo
    evaluación y en float32.

    Capítulo 4 (Arquitectura).
    """
    from transformers import LlamaForCausalLM

    directorio = ruta_modelo_base()
    if not (directorio / "model.safetensors").is_file() or not (directorio / "config.json").is_file():
        raise ErrorModelo(
            f"Faltan los pesos del modelo base en {directorio}: regenéralos con "
            f"`{COMANDO_REGENERAR}` (tarda unos 35 minutos en CPU)."
        )
    with _sin_barra_de_progreso():  # cargar 8 MB no merece una barra en cada cuaderno
        modelo = LlamaForCausalLM.from_pretrained(str(directorio), dtype=torch.float32)
    return modelo.to(dispositivo).eval()


def _error_de_descarga(nombre: str) -> ErrorModelo:
    return ErrorModelo(
        f"No se pudo cargar el modelo {nombre!r}: no está en la caché local y no se pudo "
        "descargar del Hub de Hugging Face; conéctate a internet (y quita HF_HUB_OFFLINE=1 "
        "si la tienes), usa perfil='cpu' con el modelo base del curso o pasa la ruta de "
        "una carpeta local con el modelo."
    )


def cargar_modelo(nombre: str | None = None, perfil: str = "auto", dtype: torch.dtype | None = None,
                  solo_local: bool | None = None):
    """Carga un modelo de lenguaje causal según el perfil.

    - Perfil ``cpu`` sin ``nombre``: el modelo base del curso (``modelo_base()``).
    - Perfil ``gpu`` sin ``nombre``: ``MODELO_GPU_POR_DEFECTO`` (SmolLM2-360M-Instruct).
    - Con ``nombre``: una carpeta local o un modelo del Hub (p. ej.
      ``"HuggingFaceTB/SmolLM2-360M-Instruct"``), en el dispositivo y con el tipo numérico
      que elige ``curso_llm.entorno``. En el perfil ``cpu`` nunca se descarga nada: solo se
      usa la caché local (``solo_local=None`` equivale a ``perfil == "cpu"``).

    Raises:
        ErrorModelo: si el modelo no está en la caché y no se puede descargar.

    Capítulo 7 (SFT).
    """
    from transformers import AutoModelForCausalLM

    perfil = entorno.elegir_perfil(perfil)
    dispositivo = torch.device("cuda" if perfil == "gpu" else "cpu")
    if nombre is None:
        if perfil == "cpu":
            return modelo_base()
        nombre = MODELO_GPU_POR_DEFECTO
    nombre = MODELOS_GPU.get(nombre, nombre)
    dtype = dtype or entorno.elegir_dtype(dispositivo)
    es_local = Path(nombre).is_dir()
    if solo_local is None:
        solo_local = perfil == "cpu"
    try:
        modelo = AutoModelForCausalLM.from_pretrained(
            nombre, dtype=dtype, local_files_only=solo_local and not es_local
        )
    except Exception as error:  # huggingface_hub/httpx lanzan errores de tipos muy variados
        if es_local:
            raise ErrorModelo(
                f"La carpeta {nombre} no contiene un modelo válido de transformers "
                f"(config.json y pesos): {error.__class__.__name__}."
            ) from None
        raise _error_de_descarga(nombre) from None
    return modelo.to(dispositivo).eval()
