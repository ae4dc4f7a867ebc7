"""Ajuste fino supervisado (SFT) con TRL: completo, LoRA o QLoRA, en un solo punto de entrada.

:func:`entrenar_sft` recibe conversaciones en cualquier formato del capítulo 6 (Alpaca,
ShareGPT, mensajes o prompt/completion), las convierte a prompt/completion (así TRL calcula la
pérdida **solo sobre la respuesta**) y entrena con ``trl.SFTTrainer``, con peft para LoRA y
bitsandbytes (4 bits, NF4) para QLoRA. Los valores por defecto vienen de un preset por perfil:

- ``cpu``: el modelo base del curso, LoRA, unos segundos.
- ``gpu``: SmolLM2-360M-Instruct en QLoRA, que cabe en una T4 de 15 GB (fp16 en una T4, bf16
  en Ampere o posteriores, fijado de forma explícita).

Los errores típicos dan una frase en español con el arreglo: una plantilla que no escribe el
fin del turno, ejemplos en los que el corte deja sin respuesta, bf16 en una tarjeta que no lo
tiene y falta de memoria en la GPU.
"""

from __future__ import annotations

import dataclasses
import math
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import torch

from .. import entorno
from ..formatos import ErrorFormato, a_prompt_completion, tokenizar_conversacion

METODOS = ("completo", "lora", "qlora")


class ErrorSFT(ValueError):
    """Un ajuste fino que no puede empezar o que falla; el mensaje dice qué cambiar.

    Capítulo 7 (SFT).
    """


@dataclass
class PresetSFT:
    """Hiperparámetros de un ajuste fino. ``nombre_modelo=None`` es el modelo base del curso (perfil
    ``cpu``) o ``MODELO_GPU_POR_DEFECTO`` (perfil ``gpu``); también vale una carpeta local o
    un nombre del hub. ``calentamiento`` es la fracción de
    pasos con la tasa de aprendizaje subiendo; ``evaluar_cada`` y ``registro_cada`` son pasos
    (``None``: unas 5 evaluaciones y 20 registros).

    Capítulo 7 (SFT).
    """

    metodo: str = "lora"
    nombre_modelo: str | None = None
    pasos: int = 120
    tamano_lote: int = 16
    tasa_aprendizaje: float = 1e-3
    max_longitud: int = 256
    rango: int = 8
    alfa: int = 16
    dropout: float = 0.0
    modulos: str | list[str] = "all-linear"
    calentamiento: float = 0.1
    evaluar_cada: int | None = None
    registro_cada: int | None = None
    semilla: int = 0


PRESETS = {
    "cpu": PresetSFT(),
    "gpu": PresetSFT(metodo="qlora", nombre_modelo="HuggingFaceTB/SmolLM2-360M-Instruct", pasos=300,
                     tamano_lote=8, tasa_aprendizaje=2e-4, max_longitud=512, rango=16, alfa=32,
                     dropout=0.05),
}


@dataclass
class ResultadoSFT:
    """Lo que devuelve :func:`entrenar_sft`: el modelo ajustado (con su adaptador si es LoRA o
    QLoRA), su tokenizador, las curvas de pérdida de entrenamiento y de validación
    (``[(paso, pérdida)]``), el tiempo, los parámetros entrenables y totales, la memoria máxima
    de la GPU (MB, ``None`` en CPU), la carpeta donde se guardó (o ``None``) y el preset usado.

    Capítulo 7 (SFT).
    """

    modelo: object
    tokenizador: object
    historial: list
    historial_validacion: list
    segundos: float
    parametros_entrenables: int
    parametros_totales: int
    memoria_maxima_mb: float | None
    directorio: Path | None
    preset: PresetSFT

    @property
    def segundos_por_paso(self) -> float:
        return self.segundos / max(self.preset.pasos, 1)


# ---------------------------------------------------------------------------------------
# Datos
# ---------------------------------------------------------------------------------------
def preparar_datos_sft(datos, tokenizador, max_longitud: int, nombre: str = "entrenamiento"):
    """Convierte ``datos`` (lista de diccionarios o ``datasets.Dataset`` en cualquier formato
    conversacional) en un ``Dataset`` prompt/completion, y comprueba lo que suele salir mal:

    - que la plantilla escriba un token de fin tras la respuesta (si no, el modelo no aprende
      a parar);
    - que el corte a ``max_longitud`` deje algo de respuesta (si el prompt ocupa todo, no hay
      nada que aprender). Los ejemplos así se quitan avisando; si son todos, es un error.

    Capítulo 7 (SFT).
    """
    from datasets import Dataset

    filas = list(datos) if not isinstance(datos, list) else datos
    if not filas:
        raise ErrorSFT(f"Los datos de {nombre} están vacíos: pasa al menos un ejemplo.")
    convertidas, cortadas = [], []
    for i, fila in enumerate(filas):
        try:
            pc = a_prompt_completion(dict(fila), donde=f"{nombre}, ejemplo {i}")
        except ErrorFormato as error:
            raise ErrorSFT(str(error)) from None
        ids = tokenizar_conversacion(tokenizador, pc["prompt"] + pc["completion"])
        etiquetas = [e for e in ids["labels"] if e != -100]
        if i == 0 and etiquetas and not set(etiquetas) & _ids_de_fin(tokenizador):
            final = tokenizador.decode(etiquetas[-3:])
            raise ErrorSFT(
                "La plantilla de chat no escribe un token de fin tras la respuesta (el último "
                f"texto que se aprende es {final!r}): el modelo no aprendería a parar. Usa una "
                "plantilla que cierre el turno (p. ej. la ChatML de curso_llm.formatos."
                "asegurar_plantilla) o añade el eos_token al final de cada respuesta.")
        largo_prompt = len(ids["input_ids"]) - len(etiquetas)
        if largo_prompt >= max_longitud:
            cortadas.append(i)
            continue
        convertidas.append(pc)
    if not convertidas:
        raise ErrorSFT(
            f"Todos los ejemplos de {nombre} tienen un prompt de {max_longitud} tokens o más: al "
            "cortar a max_longitud no queda respuesta que aprender (todas las etiquetas serían "
            f"-100). Sube max_longitud (ahora {max_longitud}) o acorta los prompts.")
    if cortadas:
        print(f"Aviso: quito {len(cortadas)} ejemplo(s) de {nombre} cuyo prompt ocupa los "
              f"{max_longitud} tokens de max_longitud y no dejaría respuesta que aprender "
              f"(el primero, el {cortadas[0]}). Sube max_longitud para conservarlos.")
    return Dataset.from_list(convertidas)


def _ids_de_fin(tokenizador) -> set[int]:
    fin = {tokenizador.eos_token_id, tokenizador.convert_tokens_to_ids("<|im_end|>")}
    fin |= set(getattr(tokenizador, "all_special_ids", []))
    return {i for i in fin if i is not None and i != tokenizador.unk_token_id}


# ---------------------------------------------------------------------------------------
# Modelo
# ---------------------------------------------------------------------------------------
def cargar_modelo_sft(preset: PresetSFT, perfil: str):
    """El modelo que se va a ajustar: en float32 (CPU) o en el tipo de la tarjeta (GPU) para
    ``completo`` y ``lora``; cuantizado a 4 bits NF4 con bitsandbytes para ``qlora``.

    Capítulo 7 (SFT).
    """
    from transformers import AutoModelForCausalLM, BitsAndBytesConfig

    from ..modelos import (
        MODELO_GPU_POR_DEFECTO,
        MODELOS_GPU,
        _sin_barra_de_progreso,
        cargar_modelo,
        ruta_modelo_base,
    )

    dispositivo = torch.device("cuda" if perfil == "gpu" else "cpu")
    tipo = entorno.elegir_dtype(dispositivo)
    if preset.metodo != "qlora":
        # Los pesos maestros en float32: la precisión mixta la pone el Trainer (bf16/fp16).
        return cargar_modelo(preset.nombre_modelo, perfil=perfil, dtype=torch.float32)
    nombre = preset.nombre_modelo
    if nombre is None:
        nombre = str(ruta_modelo_base()) if perfil == "cpu" else MODELO_GPU_POR_DEFECTO
    nombre = MODELOS_GPU.get(nombre, nombre)
    cuantizacion = BitsAndBytesConfig(
        load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
        bnb_4bit_compute_dtype=tipo if perfil == "gpu" else torch.float32)
    with _sin_barra_de_progreso():
        return AutoModelForCausalLM.from_pretrained(
            nombre, quantization_config=cuantizacion, dtype=torch.float32,
            device_map={"": 0} if perfil == "gpu" else "cpu",
            local_files_only=Path(nombre).is_dir() or perfil == "cpu")


def _configuracion_lora(preset: PresetSFT):
    from peft import LoraConfig

    return LoraConfig(r=preset.rango, lora_alpha=preset.alfa, lora_dropout=preset.dropout,
                      target_modules=preset.modulos, task_type="CAUSAL_LM")


def argumentos_sft(preset: PresetSFT, perfil: str, directorio_salida: str, hay_validacion: bool):
    """``SFTConfig`` de TRL para el preset: bf16/fp16/float32 fijados de forma explícita según
    la tarjeta (una T4 «dice» que soporta bf16 emulado: mejor fp16), sin recálculo de
    activaciones en CPU, pérdida solo sobre la respuesta y sin guardar puntos de control.

    Capítulo 7 (SFT).
    """
    from trl import SFTConfig

    gpu = perfil == "gpu"
    bf16 = gpu and entorno.elegir_dtype("cuda") == torch.bfloat16
    evaluar = preset.evaluar_cada or max(1, preset.pasos // 5)
    return SFTConfig(
        output_dir=directorio_salida, max_steps=preset.pasos,
        per_device_train_batch_size=preset.tamano_lote, per_device_eval_batch_size=preset.tamano_lote,
        learning_rate=preset.tasa_aprendizaje, lr_scheduler_type="cosine",
        warmup_steps=max(1, math.ceil(preset.calentamiento * preset.pasos)),
        logging_steps=preset.registro_cada or max(1, preset.pasos // 20),
        eval_strategy="steps" if hay_validacion else "no", eval_steps=evaluar,
        save_strategy="no", report_to=[], use_cpu=not gpu, bf16=bf16, fp16=gpu and not bf16,
        gradient_checkpointing=gpu and preset.metodo == "qlora", max_length=preset.max_longitud,
        completion_only_loss=True, seed=preset.semilla, data_seed=preset.semilla,
        dataloader_num_workers=0, disable_tqdm=True,
    )


class _BarraProgreso:
    """Una barra de progreso en español (tqdm) con la última pérdida, en lugar de la tabla en
    inglés del Trainer."""

    def __new__(cls, pasos: int):
        from tqdm.auto import tqdm
        from transformers import TrainerCallback

        class Barra(TrainerCallback):
            def on_train_begin(self, args, state, control, **kwargs):
                self.barra = tqdm(total=pasos, desc="Ajuste fino", unit="paso")

            def on_step_end(self, args, state, control, **kwargs):
                self.barra.update(1)

            def on_log(self, args, state, control, logs=None, **kwargs):
                if logs and "loss" in logs:
                    self.barra.set_postfix_str(f"pérdida {float(logs['loss']):.3f}")

            def on_train_end(self, args, state, control, **kwargs):
                self.barra.close()

        return Barra()


def _traducir(error: Exception, preset: PresetSFT) -> ErrorSFT | None:
    texto = str(error)
    if isinstance(error, torch.cuda.OutOfMemoryError) or "out of memory" in texto.lower():
        return ErrorSFT(
            "La GPU se quedó sin memoria. Baja tamano_lote (ahora "
            f"{preset.tamano_lote}) o max_longitud (ahora {preset.max_longitud}), o usa "
            "metodo='qlora' (el modelo en 4 bits); en Colab, reinicia la sesión antes de volver "
            "a probar para liberar la memoria.")
    if "bf16" in texto and ("support" in texto or "soport" in texto):
        return ErrorSFT(
            "Esta tarjeta no tiene bf16 (p. ej. una T4): usa fp16. entrenar_sft lo elige solo "
            "con curso_llm.entorno.elegir_dtype; si lo fijaste a mano, quita bf16=True.")
    return None


# ---------------------------------------------------------------------------------------
# Entrenamiento
# ---------------------------------------------------------------------------------------
def entrenar_sft(datos_entrenamiento, datos_validacion=None, *, perfil: str = "auto",
                 preset: PresetSFT | None = None, modelo=None, tokenizador=None,
                 directorio_salida=None, callbacks=None, mostrar_progreso: bool = True,
                 **cambios) -> ResultadoSFT:
    """Ajuste fino supervisado con ``trl.SFTTrainer``: ``metodo="completo"`` (todos los
    pesos), ``"lora"`` (adaptadores de rango bajo con peft) o ``"qlora"`` (LoRA sobre el modelo
    en 4 bits). La pérdida se calcula solo sobre la respuesta.

    Args:
        datos_entrenamiento, datos_validacion: conversaciones en cualquier formato del
            capítulo 6 (lista o ``datasets.Dataset``).
        perfil: ``"auto"``, ``"cpu"`` o ``"gpu"``; elige el preset de :data:`PRESETS`.
        preset: un :class:`PresetSFT` propio (si no, el del perfil).
        modelo, tokenizador: para ajustar un modelo ya cargado (solo ``completo`` y ``lora``);
            por defecto, el del preset y el del modelo base del curso o el del hub.
        directorio_salida: si se da, guarda ahí el modelo (o solo el adaptador, con LoRA y
            QLoRA) y el tokenizador.
        callbacks: ``TrainerCallback`` adicionales.
        **cambios: campos del preset que cambiar, p. ej. ``metodo="qlora", pasos=60``.

    Capítulo 7 (SFT).
    """
    from transformers import AutoTokenizer
    from transformers.trainer_callback import PrinterCallback
    from trl import SFTTrainer

    from ..modelos import MODELO_GPU_POR_DEFECTO, contar_parametros, tokenizador_base

    perfil = entorno.elegir_perfil(perfil)
    preset = dataclasses.replace(preset or PRESETS[perfil], **cambios)
    if preset.metodo not in METODOS:
        raise ErrorSFT(f"metodo={preset.metodo!r} no existe: usa uno de {list(METODOS)}.")
    if modelo is not None and preset.metodo == "qlora":
        raise ErrorSFT("Con metodo='qlora' el modelo se carga en 4 bits aquí: no pases modelo= "
                       "(o usa metodo='lora' con tu modelo).")
    if tokenizador is None:
        if preset.nombre_modelo is None and perfil == "cpu":
            tokenizador = tokenizador_base()
        else:
            nombre = preset.nombre_modelo or MODELO_GPU_POR_DEFECTO
            tokenizador = AutoTokenizer.from_pretrained(
                nombre, local_files_only=Path(nombre).is_dir() or perfil == "cpu")
    entrenamiento = preparar_datos_sft(datos_entrenamiento, tokenizador, preset.max_longitud)
    validacion = (preparar_datos_sft(datos_validacion, tokenizador, preset.max_longitud,
                                     "validación") if datos_validacion is not None else None)
    entorno.fijar_semilla(preset.semilla)
    if modelo is None:
        modelo = cargar_modelo_sft(preset, perfil)
    temporal = tempfile.TemporaryDirectory(prefix="curso_llm_sft_")
    # TRL prepara los datos con barras de `datasets` en inglés; la nuestra basta.
    from datasets.utils import logging as registro_datasets

    barras_datasets = registro_datasets.is_progress_bar_enabled()
    registro_datasets.disable_progress_bar()
    try:
        args = argumentos_sft(preset, perfil, temporal.name, validacion is not None)
        entrenador = SFTTrainer(
            model=modelo, args=args, train_dataset=entrenamiento, eval_dataset=validacion,
            processing_class=tokenizador,
            peft_config=None if preset.metodo == "completo" else _configuracion_lora(preset),
            callbacks=list(callbacks or []) + ([_BarraProgreso(preset.pasos)]
                                               if mostrar_progreso else []))
        entrenador.remove_callback(PrinterCallback)
        if perfil == "gpu":
            torch.cuda.reset_peak_memory_stats()
        inicio = time.perf_counter()
        try:
            entrenador.train()
        except (RuntimeError, ValueError, torch.cuda.OutOfMemoryError) as error:
            traducido = _traducir(error, preset)
            if traducido is None:
                raise
            raise traducido from error
        segundos = time.perf_counter() - inicio
    finally:
        temporal.cleanup()
        if barras_datasets:
            registro_datasets.enable_progress_bar()
    ajustado = entrenador.model
    ajustado.eval()
    registros = entrenador.state.log_history
    directorio = None
    if directorio_salida is not None:
        directorio = Path(directorio_salida)
        directorio.mkdir(parents=True, exist_ok=True)
        ajustado.save_pretrained(str(directorio))
        tokenizador.save_pretrained(str(directorio))
    return ResultadoSFT(
        modelo=ajustado, tokenizador=tokenizador,
        historial=[(r["step"], r["loss"]) for r in registros if "loss" in r],
        historial_validacion=[(r["step"], r["eval_loss"]) for r in registros if "eval_loss" in r],
        segundos=segundos,
        parametros_entrenables=contar_parametros(ajustado, solo_entrenables=True),
        parametros_totales=contar_parametros(ajustado),
        memoria_maxima_mb=(torch.cuda.max_memory_allocated() / 2**20 if perfil == "gpu"
                           else None),
        directorio=directorio, preset=preset,
    )
