"""Entrenamiento: un punto de entrada por etapa (preentrenamiento, SFT, DPO, GRPO...).

Cada función acepta ``perfil="auto" | "cpu" | "gpu"`` y usa transformers/TRL por debajo.
"""

from .preentrenamiento import empaquetar, preentrenar

__all__ = ["empaquetar", "preentrenar"]
