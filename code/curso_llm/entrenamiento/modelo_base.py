"""Preentrena desde cero el modelo base del curso (determinista).

Uso::

    python -m curso_llm.entrenamiento.modelo_base [--preset curso|prueba] [--salida DIR]
        [--pasos N] [--tamano-lote N] ...

Como los guiones de TRL: un preset (:class:`PresetModeloBase`, con los valores del modelo
publicado en ``PRESETS["curso"]`` y uno diminuto para pruebas en ``PRESETS["prueba"]``) y
una función, :func:`construir_modelo_base`; :func:`main` lee la línea de órdenes.

Construye la mezcla de preentrenamiento (corpus narrativo, textos del mundo clínico
ficticio y muchos ejemplos de comprensión lectora sobre entidades inventadas), entrena el
tokenizador (4096 tokens) y el modelo Llama «diminuto» con ``preentrenar`` en dos fases
(mezcla general y después documentos con varias preguntas) y guarda en
``DIR`` los pesos (safetensors en float16), el tokenizador, la configuración y
``metricas.json`` (perplejidad de validación y exactitud a libro abierto sobre documentos
que el modelo nunca vio).
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .. import entorno
from ..datos import (
    AVISO_FICTICIO,
    corpus_narrativo,
    formatear_lectura,
    formatear_lectura_multiple,
    lectura_comprensiva,
    notas_clinicas,
    preguntas_clinicas,
    textos_mundo_clinico,
)
from ..tokenizacion import cargar_tokenizador, entrenar_tokenizador
from .preentrenamiento import preentrenar
from .presets import anadir_argumentos_preset, preset_desde_argumentos

# Valores por defecto de las mezclas (los del modelo publicado).
N_LECTURA = 22_000
N_NOTAS = 3_000
N_LECTURA_MULTIPLE = 9_000


@dataclass(frozen=True)
class PresetModeloBase:
    """Hiperparámetros de una construcción del modelo base.

    ``PRESETS["curso"]`` es el modelo publicado en el paquete (≈ 35 minutos con 1 hilo de
    CPU); ``PRESETS["prueba"]`` es diminuto y sirve para las pruebas (segundos).

    Capítulo 5 (Preentrenamiento).
    """

    tamano: str = "diminuto"
    tamano_vocabulario: int = 4096
    pasos: int = 900
    tamano_lote: int = 8
    long_secuencia: int = 256
    tasa_aprendizaje: float = 2e-3
    n_lectura: int = N_LECTURA
    n_notas: int = N_NOTAS
    n_eval: int = 300
    # Fase 2 («recocido» con lectura): documentos con varias preguntas y algo de repaso.
    pasos_lectura: int = 650
    tasa_aprendizaje_lectura: float = 1e-3
    n_lectura_multiple: int = N_LECTURA_MULTIPLE
    semilla: int = 0


PRESETS = {
    "curso": PresetModeloBase(),
    "prueba": PresetModeloBase(tamano="micro", tamano_vocabulario=512, pasos=2, tamano_lote=2,
                               long_secuencia=32, n_lectura=200, n_notas=50, n_eval=3,
                               pasos_lectura=2, n_lectura_multiple=50),
}


def mezcla_preentrenamiento(semilla: int = 0, n_lectura: int = N_LECTURA,
                            n_notas: int = N_NOTAS) -> list[str]:
    """Textos de la mezcla de preentrenamiento, barajados de forma determinista.

    Capítulo 5 (Preentrenamiento).
    """
    textos = list(corpus_narrativo("train", semilla=semilla))
    textos += [n["texto"] for n in notas_clinicas(n_notas, "train", semilla=semilla)]
    textos += [f"Pregunta: {p['pregunta']}\nRespuesta: {p['respuesta']}"
               for p in preguntas_clinicas("train", semilla=semilla)]
    textos += textos_mundo_clinico() * 3
    textos += [formatear_lectura(e) for e in lectura_comprensiva(n_lectura, "train", semilla)]
    random.Random(semilla).shuffle(textos)
    return textos


def mezcla_lectura(semilla: int = 0, n_lectura: int = N_LECTURA_MULTIPLE) -> list[str]:
    """Mezcla de la fase 2: documentos con cuatro preguntas (80 %) y repaso de la fase 1.

    Capítulo 5 (Preentrenamiento).
    """
    ejemplos = lectura_comprensiva(n_lectura, "train", semilla=semilla + 1)
    textos = [formatear_lectura_multiple(e, n_preguntas=4) for e in ejemplos]
    textos += corpus_narrativo("train", semilla=semilla + 1)[: n_lectura // 9]
    textos += [n["texto"] for n in notas_clinicas(n_lectura // 18, "train", semilla=semilla + 1)]
    textos += [f"Pregunta: {p['pregunta']}\nRespuesta: {p['respuesta']}"
               for p in preguntas_clinicas("train", semilla=semilla)]
    random.Random(semilla + 1).shuffle(textos)
    return textos


def construir_modelo_base(preset: PresetModeloBase = PRESETS["curso"], salida=None,
                          desde_fase1=None) -> dict:
    """Construye el modelo base completo y devuelve sus métricas (también en metricas.json).

    Fase 1: preentrenamiento sobre la mezcla general (``preset.pasos``). Fase 2:
    ``preset.pasos_lectura`` pasos más sobre documentos con varias preguntas, partiendo de los
    pesos de la fase 1 guardados en float16 (``desde_fase1`` permite reutilizar una fase 1 ya
    guardada). ``salida=None`` escribe en :func:`curso_llm.modelos.ruta_modelo_base`.

    Capítulo 5 (Preentrenamiento).
    """
    import torch
    from transformers import LlamaForCausalLM

    from ..evaluacion import exactitud_libro_abierto, perplejidad
    from ..modelos import (
        config_llama,
        contar_parametros,
        crear_modelo,
        guardar_modelo,
        guardar_modelo_base,
        ruta_modelo_base,
    )

    p = preset
    semilla, tamano, pasos, pasos_lectura = p.semilla, p.tamano, p.pasos, p.pasos_lectura
    tamano_lote, long_secuencia, n_eval = p.tamano_lote, p.long_secuencia, p.n_eval
    salida = Path(salida) if salida else ruta_modelo_base()
    entorno.fijar_semilla(semilla)
    hilos = entorno.configurar_hilos()
    inicio = time.perf_counter()
    textos = mezcla_preentrenamiento(semilla, p.n_lectura, p.n_notas)
    print(f"Mezcla de preentrenamiento: {len(textos)} textos, "
          f"{sum(len(t) for t in textos) / 1e6:.2f} M caracteres.", flush=True)
    historial_lectura: list = []
    segundos_lectura = 0.0
    if desde_fase1 is not None:
        desde_fase1 = Path(desde_fase1)
        tokenizador = cargar_tokenizador(desde_fase1)
        modelo = LlamaForCausalLM.from_pretrained(str(desde_fase1), dtype=torch.float32)
        previas = json.loads((desde_fase1 / "metricas.json").read_text(encoding="utf-8"))
        resultado = {k: previas[v] for k, v in (
            ("segundos", "segundos_entrenamiento"), ("tokens_por_segundo", "tokens_por_segundo"),
            ("perdida_final", "perdida_final_entrenamiento"), ("tokens", "tokens_entrenamiento"))}
        resultado["historial"] = [tuple(x) for x in previas["historial_perdida"]]
        n_param = contar_parametros(modelo)
        print(f"Fase 1 reutilizada desde {desde_fase1}.", flush=True)
    else:
        tokenizador = entrenar_tokenizador(textos, tamano_vocabulario=p.tamano_vocabulario)
        print(f"Tokenizador entrenado: {len(tokenizador)} tokens.", flush=True)
        config = config_llama(tamano, tamano_vocabulario=len(tokenizador))
        modelo = crear_modelo(config, semilla=semilla)
        n_param = contar_parametros(modelo)
        print(f"Modelo «{tamano}»: {n_param / 1e6:.2f} M parámetros; {hilos} hilo(s) de CPU.",
              flush=True)
        resultado = preentrenar(
            modelo, tokenizador, textos, pasos=pasos, tamano_lote=tamano_lote,
            long_secuencia=long_secuencia, tasa_aprendizaje=p.tasa_aprendizaje, perfil="cpu",
            semilla=semilla,
        )
        print(f"Fase 1: {resultado['segundos']:.0f} s, "
              f"{resultado['tokens_por_segundo']:.0f} tokens/s, pérdida final "
              f"{resultado['perdida_final']:.3f}.", flush=True)
        if pasos_lectura > 0:
            # Punto de control en float16, como el modelo publicado.
            with tempfile.TemporaryDirectory(prefix="curso_llm_fase1_") as tmp:
                guardar_modelo(modelo, tmp)
                modelo = LlamaForCausalLM.from_pretrained(tmp, dtype=torch.float32)
    if pasos_lectura > 0:
        fase2 = preentrenar(
            modelo, tokenizador, mezcla_lectura(semilla, p.n_lectura_multiple),
            pasos=pasos_lectura, tamano_lote=tamano_lote, long_secuencia=long_secuencia,
            tasa_aprendizaje=p.tasa_aprendizaje_lectura, perfil="cpu", semilla=semilla,
            calentamiento=min(30, pasos_lectura // 10),
        )
        segundos_lectura = fase2["segundos"]
        historial_lectura = fase2["historial"]
        print(f"Fase 2 (lectura): {segundos_lectura:.0f} s, pérdida final "
              f"{fase2['perdida_final']:.3f}.", flush=True)
    segundos_entrenamiento = resultado["segundos"] + segundos_lectura

    guardar_modelo_base(modelo, tokenizador, salida)
    # Se evalúa el modelo tal como se publica (pesos en float16 leídos como float32).
    publicado = LlamaForCausalLM.from_pretrained(str(salida), dtype=torch.float32).eval()
    ppl = perplejidad(publicado, tokenizador, corpus_narrativo("validation"), long_secuencia=128)
    ejemplos = lectura_comprensiva(n_eval, "test", semilla=semilla)
    exactitud = exactitud_libro_abierto(publicado, tokenizador, ejemplos)
    por_tipo = {
        tipo: exactitud_libro_abierto(publicado, tokenizador,
                                      [e for e in ejemplos if e["tipo"] == tipo])
        for tipo in sorted({e["tipo"] for e in ejemplos})
    } if n_eval >= 30 else {}
    metricas = {
        "aviso": AVISO_FICTICIO,
        "tamano": tamano,
        "parametros": n_param,
        "tamano_vocabulario": len(tokenizador),
        "pasos": pasos,
        "pasos_lectura": pasos_lectura,
        "tasa_aprendizaje_lectura": p.tasa_aprendizaje_lectura,
        "segundos_fase_lectura": round(segundos_lectura, 1),
        "tamano_lote": tamano_lote,
        "long_secuencia": long_secuencia,
        "tasa_aprendizaje": p.tasa_aprendizaje,
        "tokens_entrenamiento": resultado["tokens"] + pasos_lectura * tamano_lote * long_secuencia,
        "segundos_entrenamiento": round(segundos_entrenamiento, 1),
        "segundos_totales": round(time.perf_counter() - inicio, 1),
        "tokens_por_segundo": round(resultado["tokens_por_segundo"], 1),  # fase 1
        "hilos": hilos,
        "semilla": semilla,
        "perdida_final_entrenamiento": round(resultado["perdida_final"], 4),
        "perplejidad_validacion": round(ppl, 4),
        "perplejidad_validacion_textos": "corpus_narrativo('validation'), bloques de 128",
        "exactitud_libro_abierto": round(exactitud, 4),
        "exactitud_libro_abierto_por_tipo": {k: round(v, 4) for k, v in por_tipo.items()},
        "exactitud_libro_abierto_ejemplos": f"lectura_comprensiva({n_eval}, 'test', semilla={semilla})",
        "historial_perdida": [[p, round(v, 4)] for p, v in resultado["historial"]],
        "historial_perdida_lectura": [[p, round(v, 4)] for p, v in historial_lectura],
    }
    (salida / "metricas.json").write_text(json.dumps(metricas, ensure_ascii=False, indent=1),
                                          encoding="utf-8")
    print(f"Perplejidad de validación: {ppl:.2f}. Exactitud a libro abierto (test): "
          f"{100 * exactitud:.1f} %. Guardado en {salida}.", flush=True)
    return metricas


def main(argv=None) -> dict:
    """Línea de órdenes: ``python -m curso_llm.entrenamiento.modelo_base [--preset curso]``.

    Cada campo de :class:`PresetModeloBase` es también una opción (``--pasos 10``,
    ``--tamano-lote 4``...) que sustituye al valor del preset. Devuelve las métricas.

    Capítulo 5 (Preentrenamiento).
    """
    parser = argparse.ArgumentParser(
        prog="python -m curso_llm.entrenamiento.modelo_base",
        description="Preentrena desde cero el modelo base del curso (determinista).",
    )
    parser.add_argument("--salida", default=None,
                        help="carpeta de salida (por defecto, la del paquete)")
    parser.add_argument("--desde-fase1", default=None,
                        help="carpeta con una fase 1 ya entrenada (se salta la fase 1)")
    anadir_argumentos_preset(parser, PRESETS, por_defecto="curso")
    args = parser.parse_args(argv)
    preset = preset_desde_argumentos(args, PRESETS)
    return construir_modelo_base(preset, salida=args.salida, desde_fase1=args.desde_fase1)


if __name__ == "__main__":
    main()
