"""Preentrenamiento causal (predecir el siguiente token) con ``transformers.Trainer``.

Los textos se empaquetan con :func:`curso_llm.datos.empaquetar` (tokenizados, unidos por
``<|endoftext|>`` y cortados en bloques de longitud fija): así ningún token del lote es relleno.
"""

from __future__ import annotations

import math
import tempfile
import time

import torch

from .. import entorno
from ..comprobaciones import comprobar_entero, comprobar_entero_positivo, comprobar_positivo
from ..datos.empaquetado import BloquesEmpaquetados, empaquetar

__all__ = ["argumentos_entrenamiento", "empaquetar", "preentrenar", "tasa_calentamiento_coseno"]


def argumentos_entrenamiento(*, pasos, tamano_lote, tasa_aprendizaje, perfil, directorio_salida,
                             semilla, registro_cada=None, calentamiento=None,
                             decaimiento_pesos=0.01, beta2=0.98, tasa_minima=None,
                             guardar_cada=None):
    """``TrainingArguments`` ajustados para preentrenar rápido: sin evaluación, sin procesos
    auxiliares de carga y con registro ligero.

    La tasa sube linealmente durante ``calentamiento`` pasos y baja con un coseno hasta 0 o,
    si se da ``tasa_minima`` (una fracción de la máxima, p. ej. 0.1), hasta esa fracción.
    Con ``guardar_cada`` guarda un punto de control (pesos, optimizador, planificador y
    estado de los generadores aleatorios) cada tantos pasos en ``directorio_salida``.

    Capítulo 5 (Preentrenamiento).
    """
    from transformers import TrainingArguments

    gpu = perfil == "gpu"
    # El tipo lo decide entorno.elegir_dtype (una T4 «soporta» bf16 emulado: mejor fp16).
    bf16 = gpu and entorno.elegir_dtype("cuda") == torch.bfloat16
    return TrainingArguments(
        output_dir=directorio_salida,
        max_steps=pasos,
        per_device_train_batch_size=tamano_lote,
        learning_rate=tasa_aprendizaje,
        lr_scheduler_type="cosine" if tasa_minima is None else "cosine_with_min_lr",
        lr_scheduler_kwargs={} if tasa_minima is None else {"min_lr_rate": tasa_minima},
        warmup_steps=calentamiento if calentamiento is not None else min(100, pasos // 10),
        weight_decay=decaimiento_pesos,
        adam_beta2=beta2,
        max_grad_norm=1.0,
        logging_steps=registro_cada or max(1, pasos // 100),
        save_strategy="steps" if guardar_cada else "no",
        save_steps=guardar_cada or 500,
        save_total_limit=None,
        eval_strategy="no",
        report_to=[],
        use_cpu=not gpu,
        bf16=bf16,
        fp16=gpu and not bf16,
        seed=semilla,
        data_seed=semilla,
        dataloader_num_workers=0,
        dataloader_pin_memory=gpu,
        disable_tqdm=False,
    )


def _punto_de_control(reanudar_desde, directorio_salida):
    """Valida ``reanudar_desde`` con un mensaje claro antes de que lo lea el ``Trainer``."""
    from pathlib import Path

    if reanudar_desde is None or reanudar_desde is False:
        return None
    if reanudar_desde is True:
        puntos = sorted(Path(directorio_salida).glob("checkpoint-*"),
                        key=lambda p: int(p.name.split("-")[-1]))
        if not puntos:
            raise FileNotFoundError(
                f"No hay ningún punto de control (checkpoint-N) en {directorio_salida}: "
                "entrena primero con guardar_cada=N o pasa la ruta de uno en reanudar_desde.")
        return str(puntos[-1])
    ruta = Path(reanudar_desde)
    if not (ruta / "trainer_state.json").exists():
        raise FileNotFoundError(
            f"{ruta} no es un punto de control completo (falta trainer_state.json): pasa una "
            "carpeta checkpoint-N guardada por preentrenar(guardar_cada=N).")
    return str(ruta)


def preentrenar(modelo, tokenizador, textos, *, pasos: int, tamano_lote: int, long_secuencia: int,
                tasa_aprendizaje: float, perfil: str = "auto", directorio_salida=None,
                semilla: int = 0, callbacks=None, registro_cada: int | None = None,
                calentamiento: int | None = None, decaimiento_pesos: float = 0.01,
                beta2: float = 0.98, tasa_minima: float | None = None,
                guardar_cada: int | None = None, reanudar_desde=None) -> dict:
    """Preentrena ``modelo`` sobre ``textos`` con ``transformers.Trainer``.

    Args:
        modelo: un ``LlamaForCausalLM`` (u otro modelo causal).
        tokenizador: su tokenizador.
        textos: lista de cadenas o un conjunto ya empaquetado con ``empaquetar``.
        pasos, tamano_lote, long_secuencia, tasa_aprendizaje: hiperparámetros del entrenamiento.
        perfil: ``"auto"``, ``"cpu"`` o ``"gpu"``.
        directorio_salida: carpeta de trabajo del ``Trainer`` (temporal si es ``None``).
        semilla: semilla del orden de los datos.
        callbacks: ``TrainerCallback`` adicionales.
        calentamiento, decaimiento_pesos, beta2, tasa_minima, guardar_cada: ver
            :func:`argumentos_entrenamiento`.
        reanudar_desde: ruta de un punto de control (``checkpoint-N``) o ``True`` para el
            último de ``directorio_salida``: el entrenamiento sigue exactamente donde se quedó.

    Returns:
        ``{"historial": [(paso, pérdida), ...], "perdida_final", "tokens_por_segundo",
        "segundos", "pasos", "tokens"}``.

    Capítulo 5 (Preentrenamiento).
    """
    from transformers import Trainer

    perfil = entorno.elegir_perfil(perfil)
    datos = textos if isinstance(textos, BloquesEmpaquetados) else empaquetar(textos, tokenizador,
                                                                    long_secuencia)
    long_secuencia = datos.bloques.shape[1]
    temporal = None
    if directorio_salida is None:
        temporal = tempfile.TemporaryDirectory(prefix="curso_llm_")
        directorio_salida = temporal.name
    args = argumentos_entrenamiento(
        pasos=pasos, tamano_lote=tamano_lote, tasa_aprendizaje=tasa_aprendizaje, perfil=perfil,
        directorio_salida=str(directorio_salida), semilla=semilla, registro_cada=registro_cada,
        calentamiento=calentamiento, decaimiento_pesos=decaimiento_pesos, beta2=beta2,
        tasa_minima=tasa_minima, guardar_cada=guardar_cada,
    )
    modelo.train()
    entrenador = Trainer(model=modelo, args=args, train_dataset=datos,
                         processing_class=tokenizador, callbacks=callbacks)
    inicio = time.perf_counter()
    entrenador.train(resume_from_checkpoint=_punto_de_control(reanudar_desde, directorio_salida))
    segundos = time.perf_counter() - inicio
    modelo.eval()
    historial = [(r["step"], r["loss"]) for r in entrenador.state.log_history if "loss" in r]
    if temporal is not None:
        temporal.cleanup()
    tokens = pasos * tamano_lote * long_secuencia
    perdida_final = historial[-1][1] if historial else math.nan
    return {
        "historial": historial,
        "perdida_final": perdida_final,
        "tokens_por_segundo": tokens / segundos,
        "segundos": segundos,
        "pasos": pasos,
        "tokens": tokens,
    }


def tasa_calentamiento_coseno(paso: int, pasos_totales: int, pasos_calentamiento: int,
                              tasa_maxima: float, tasa_minima: float = 0.0) -> float:
    """Tasa de aprendizaje del paso ``paso`` con calentamiento lineal y decaimiento coseno.

    Durante el calentamiento (``paso < pasos_calentamiento``) sube en línea recta desde 0:
    ``tasa_maxima · paso / pasos_calentamiento``. Después baja por medio periodo de coseno
    desde ``tasa_maxima`` (en ``paso = pasos_calentamiento``) hasta ``tasa_minima`` (en
    ``paso = pasos_totales``). Es el programa ``"cosine"`` de ``transformers.Trainer``
    (``get_cosine_schedule_with_warmup``) y, con ``tasa_minima > 0``, el de
    ``get_cosine_with_min_lr_schedule_with_warmup(min_lr=tasa_minima)``. Es el ejercicio 5.3.

    Capítulo 5 (Preentrenamiento).
    """
    comprobar_entero_positivo(pasos_totales, "pasos_totales")
    comprobar_entero(pasos_calentamiento, "pasos_calentamiento")
    comprobar_entero(paso, "paso")
    comprobar_positivo(tasa_maxima, "tasa_maxima", ejemplo="3e-4")
    comprobar_positivo(tasa_minima, "tasa_minima", cero_permitido=True)
    if pasos_calentamiento >= pasos_totales:
        raise ValueError(
            f"'pasos_calentamiento' ({pasos_calentamiento}) debe ser menor que 'pasos_totales' "
            f"({pasos_totales}): el calentamiento suele ser un 1-10 % de los pasos."
        )
    if paso > pasos_totales:
        raise ValueError(
            f"'paso' debe estar entre 0 y pasos_totales = {pasos_totales}; recibiste {paso}."
        )
    if tasa_minima > tasa_maxima:
        raise ValueError(
            f"'tasa_minima' ({tasa_minima}) no puede ser mayor que 'tasa_maxima' ({tasa_maxima})."
        )
    if paso < pasos_calentamiento:
        return tasa_maxima * paso / pasos_calentamiento
    progreso = (paso - pasos_calentamiento) / (pasos_totales - pasos_calentamiento)
    coseno = 0.5 * (1.0 + math.cos(math.pi * progreso))
    return tasa_minima + (tasa_maxima - tasa_minima) * coseno
