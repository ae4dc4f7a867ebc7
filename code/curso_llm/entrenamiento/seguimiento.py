"""Callbacks del ``Trainer`` para seguir y controlar un preentrenamiento.

- :class:`PerplejidadValidacion` mide la pérdida y la perplejidad en bloques de validación
  (textos que el modelo no ve al entrenar) cada ``cada`` pasos.
- :class:`TasaAprendizaje` anota la tasa de aprendizaje con la que se dio cada paso (la que
  fija el planificador del ``Trainer``).
- :class:`InterrumpirEn` corta el entrenamiento tras un paso dado, como si el proceso se
  hubiera caído: sirve para ensayar la reanudación desde un punto de control.

Se pasan a :func:`curso_llm.entrenamiento.preentrenar` en ``callbacks=[...]``. Ninguno
consume números aleatorios ni toca los pesos: con o sin ellos, el entrenamiento es el mismo.
Este módulo importa ``transformers`` al cargarse; por eso ``curso_llm.entrenamiento`` no lo
importa: ``from curso_llm.entrenamiento.seguimiento import PerplejidadValidacion``.
"""

from __future__ import annotations

import math

import torch
from transformers import TrainerCallback

from ..comprobaciones import comprobar_entero_positivo
from ..datos.empaquetado import BloquesEmpaquetados

__all__ = ["ExactitudLectura", "InterrumpirEn", "PerplejidadValidacion", "TasaAprendizaje", "perdida_bloques"]


def _bloques(validacion) -> torch.Tensor:
    bloques = validacion.bloques if isinstance(validacion, BloquesEmpaquetados) else validacion
    if not isinstance(bloques, torch.Tensor) or bloques.dim() != 2 or bloques.shape[0] == 0 \
            or bloques.dtype != torch.long:
        raise ValueError(
            "El argumento 'validacion' debe ser un conjunto empaquetado (curso_llm.datos."
            "empaquetar(textos, tokenizador, long_secuencia)) o un tensor de enteros (long) de "
            f"forma (bloques, long_secuencia) con al menos un bloque; recibí {type(validacion).__name__}"
            + (f" de forma {tuple(bloques.shape)} y tipo {bloques.dtype}"
               if isinstance(bloques, torch.Tensor) else "") + ".")
    return bloques


@torch.no_grad()
def perdida_bloques(modelo, validacion, tamano_lote: int = 16) -> float:
    """Pérdida media por token (entropía cruzada del siguiente token) de ``modelo`` en
    bloques empaquetados; su exponencial es la perplejidad.

    Cada bloque de longitud ``L`` aporta ``L - 1`` predicciones (el primer token no se
    predice). El modelo vuelve al modo (entrenamiento o evaluación) en que estaba.

    Capítulo 5 (Preentrenamiento).
    """
    from ..evaluacion import perdida_bloques as _perdida

    return _perdida(modelo, _bloques(validacion), tamano_lote)


class PerplejidadValidacion(TrainerCallback):
    """Mide la pérdida y la perplejidad de validación cada ``cada`` pasos (y en el último).

    Args:
        validacion: bloques de validación, de ``curso_llm.datos.empaquetar`` (o un tensor
            de forma ``(bloques, long_secuencia)``).
        cada: cada cuántos pasos se mide.
        al_empezar: si también se mide antes del primer paso (paso 0).
        tamano_lote: bloques por pasada al medir.

    Tras entrenar, ``historial`` es la lista de ``(paso, pérdida, perplejidad)``.

    Capítulo 5 (Preentrenamiento).
    """

    def __init__(self, validacion, cada: int, al_empezar: bool = True, tamano_lote: int = 16):
        comprobar_entero_positivo(cada, "cada")
        comprobar_entero_positivo(tamano_lote, "tamano_lote")
        self.bloques = _bloques(validacion)
        self.cada = cada
        self.al_empezar = bool(al_empezar)
        self.tamano_lote = tamano_lote
        self.historial: list[tuple[int, float, float]] = []

    def _medir(self, modelo, paso: int) -> None:
        if self.historial and self.historial[-1][0] == paso:
            return
        perdida = perdida_bloques(modelo, self.bloques, self.tamano_lote)
        self.historial.append((paso, perdida, math.exp(perdida)))

    def on_train_begin(self, args, state, control, model=None, **kwargs):
        if self.al_empezar and state.global_step == 0:
            self._medir(model, 0)

    def on_step_end(self, args, state, control, model=None, **kwargs):
        if state.global_step % self.cada == 0 or state.global_step == state.max_steps:
            self._medir(model, state.global_step)


class TasaAprendizaje(TrainerCallback):
    """Anota la tasa de aprendizaje con la que el optimizador da cada paso.

    Tras entrenar, ``historial`` es la lista de ``(paso, tasa)`` con ``paso`` = 1, 2, …
    (la tasa del grupo de parámetros 0, justo antes de su actualización).

    Capítulo 5 (Preentrenamiento).
    """

    def __init__(self):
        self.historial: list[tuple[int, float]] = []

    def on_step_begin(self, args, state, control, optimizer=None, **kwargs):
        self.historial.append((state.global_step + 1, float(optimizer.param_groups[0]["lr"])))


class InterrumpirEn(TrainerCallback):
    """Detiene el entrenamiento al terminar el paso ``paso``, como un corte de luz.

    No cambia ``pasos`` (el planificador sigue siendo el del entrenamiento completo) ni
    guarda nada por su cuenta: solo quedan los puntos de control que ya se hubieran
    guardado con ``guardar_cada`` (el del propio paso ``paso`` si es múltiplo).

    Capítulo 5 (Preentrenamiento).
    """

    def __init__(self, paso: int):
        comprobar_entero_positivo(paso, "paso")
        self.paso = paso

    def on_step_end(self, args, state, control, **kwargs):
        if state.global_step >= self.paso:
            control.should_training_stop = True


class ExactitudLectura(TrainerCallback):
    """Mide la exactitud a libro abierto cada ``cada`` pasos (y en el último).

    Guarda en ``registro`` una entrada ``{"paso", "exactitud", "muestra"}`` por medida;
    ``muestra`` es la respuesta del modelo a la pregunta del primer ejemplo. Lo usa el guion
    del modelo base (``metricas.json``, campo ``seguimiento_lectura``).

    Capítulo 5 (Preentrenamiento).
    """

    def __init__(self, tokenizador, ejemplos: list[dict], cada: int):
        comprobar_entero_positivo(cada, "cada")
        self.tokenizador, self.ejemplos, self.cada = tokenizador, ejemplos, cada
        self.registro: list[dict] = []

    def medir(self, modelo, paso: int) -> None:
        """Evalúa ``modelo`` en el paso ``paso`` y lo anota en ``registro``.

        Capítulo 5 (Preentrenamiento).
        """
        from ..datos import formatear_lectura
        from ..evaluacion import exactitud_libro_abierto, responder

        modelo.eval()
        exactitud = exactitud_libro_abierto(modelo, self.tokenizador, self.ejemplos)
        muestra = responder(modelo, self.tokenizador,
                            formatear_lectura(self.ejemplos[0], con_respuesta=False),
                            max_tokens=48)
        modelo.train()
        self.registro.append({"paso": paso, "exactitud": round(exactitud, 4), "muestra": muestra})
        print(f"  paso {paso}: exactitud a libro abierto (validación, "
              f"{len(self.ejemplos)} docs) {100 * exactitud:.1f} %", flush=True)

    def on_step_end(self, args, state, control, model=None, **kwargs):
        if state.global_step % self.cada == 0 or state.global_step == state.max_steps:
            self.medir(model, state.global_step)
