"""Entrenamiento: un punto de entrada por etapa (preentrenamiento, SFT, DPO, GRPO...).

Cada etapa es un preset (una *dataclass* de hiperparámetros con valores con nombre), una
función que entrena y un ``main()`` (véase :mod:`curso_llm.entrenamiento.presets`). Cada
función acepta ``perfil="auto" | "cpu" | "gpu"`` y usa transformers/TRL por debajo. Los
textos se empaquetan con :func:`curso_llm.datos.empaquetar`.
"""

from .preentrenamiento import preentrenar

__all__ = ["entrenar_sft", "preentrenar"]


def __getattr__(nombre):
    # entrenar_sft importa TRL y peft: solo cuando se pide (importar el paquete sigue siendo ligero).
    if nombre == "entrenar_sft":
        from .sft import entrenar_sft

        return entrenar_sft
    raise AttributeError(f"module {__name__!r} has no attribute {nombre!r}")
