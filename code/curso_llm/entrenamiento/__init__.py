"""Entrenamiento: un punto de entrada por etapa (preentrenamiento, SFT, DPO, GRPO...).

Cada etapa es un preset (una *dataclass* de hiperparámetros con valores con nombre), una
función que entrena y un ``main()`` (véase :mod:`curso_llm.entrenamiento.presets`). Cada
función acepta ``perfil="auto" | "cpu" | "gpu"`` y usa transformers/TRL por debajo. Los
textos se empaquetan con :func:`curso_llm.datos.empaquetar`.
"""

from .preentrenamiento import preentrenar

__all__ = ["preentrenar"]
