"""Banco de pruebas: ¿cuánto cuesta el ajuste fino con ``curso_llm.entrenamiento.entrenar_sft``
frente a una llamada directa a ``trl.SFTTrainer`` con los mismos datos y ajustes?

Mismo modelo (el modelo base del curso), mismos datos (las preguntas clínicas de
entrenamiento en formato prompt/completion), LoRA con el mismo rango y módulos, mismo lote,
longitud, tasa y planificador, sin evaluación. Se descartan los primeros pasos y se miden
pasos por segundo en los siguientes; se alternan las dos mediciones varias veces y se da la
mediana de las razones (el criterio del curso es ≥ 0.95). Mide con la máquina libre.

Uso::

    python benchmarks/rendimiento_sft.py [--pasos 40] [--calentamiento 5] [--repeticiones 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from transformers import TrainerCallback  # noqa: E402

from curso_llm import entorno  # noqa: E402
from curso_llm.datos import preguntas_clinicas  # noqa: E402
from curso_llm.entrenamiento.sft import PRESETS, argumentos_sft, entrenar_sft  # noqa: E402
from curso_llm.formatos import a_prompt_completion  # noqa: E402
from curso_llm.modelos import modelo_base, tokenizador_base  # noqa: E402


class _Cronometro(TrainerCallback):
    """Guarda el instante en que termina cada paso del ``Trainer``."""

    def __init__(self):
        self.instantes = []

    def on_step_end(self, args, state, control, **kwargs):
        self.instantes.append(time.perf_counter())


def _pasos_por_segundo(cronometro, calentamiento):
    t = cronometro.instantes[calentamiento - 1:]
    return (len(t) - 1) / (t[-1] - t[0])


def medir_curso_llm(datos, preset, calentamiento):
    cronometro = _Cronometro()
    entrenar_sft(datos, perfil="cpu", preset=preset, callbacks=[cronometro],
                 mostrar_progreso=False)
    return _pasos_por_segundo(cronometro, calentamiento)


def medir_trl(datos, preset, calentamiento):
    from datasets import Dataset
    from peft import LoraConfig
    from trl import SFTTrainer

    entorno.fijar_semilla(preset.semilla)
    cronometro = _Cronometro()
    with tempfile.TemporaryDirectory() as carpeta:
        args = argumentos_sft(preset, "cpu", carpeta, hay_validacion=False)
        entrenador = SFTTrainer(
            model=modelo_base(), args=args,
            train_dataset=Dataset.from_list([a_prompt_completion(d) for d in datos]),
            processing_class=tokenizador_base(),
            peft_config=LoraConfig(r=preset.rango, lora_alpha=preset.alfa,
                                   lora_dropout=preset.dropout, target_modules=preset.modulos,
                                   task_type="CAUSAL_LM"),
            callbacks=[cronometro])
        entrenador.train()
    return _pasos_por_segundo(cronometro, calentamiento)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pasos", type=int, default=40)
    parser.add_argument("--calentamiento", type=int, default=5)
    parser.add_argument("--repeticiones", type=int, default=3)
    args = parser.parse_args()
    entorno.preparar("cpu", semilla=0)
    import dataclasses

    preset = dataclasses.replace(PRESETS["cpu"], pasos=args.pasos)
    datos = [{"messages": [{"role": "user", "content": p["pregunta"]},
                           {"role": "assistant", "content": p["respuesta"]}]}
             for p in preguntas_clinicas("train")]
    razones = []
    for i in range(args.repeticiones):
        nuestro = medir_curso_llm(datos, preset, args.calentamiento)
        directo = medir_trl(datos, preset, args.calentamiento)
        razones.append(nuestro / directo)
        print(f"alternancia {i + 1}: curso_llm {nuestro:.2f} pasos/s, TRL directo "
              f"{directo:.2f} pasos/s, razón {nuestro / directo:.3f}")
    print(f"Mediana de las razones: {statistics.median(razones):.3f} (criterio: ≥ 0.95)")


if __name__ == "__main__":
    main()
