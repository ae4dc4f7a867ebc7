"""Preentrena desde cero el modelo base del curso (determinista).

Uso::

    python -m curso_llm.entrenamiento.modelo_base [--salida DIR] [--pasos N]

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
from ..tokenizacion import (
    cargar_tokenizador,
    directorio_modelo_base,
    entrenar_tokenizador,
    guardar_tokenizador,
)
from .preentrenamiento import preentrenar

# Hiperparámetros del modelo base publicado (≈ 35 minutos en total con 1 hilo de CPU).
PASOS = 900
TAM_LOTE = 8
LONG_SECUENCIA = 256
TASA_APRENDIZAJE = 2e-3
N_LECTURA = 22_000
N_NOTAS = 3_000
TAM_VOCAB = 4096
N_EVAL_LECTURA = 300
# Fase 2 («recocido» con lectura): documentos con varias preguntas y algo de repaso.
PASOS_LECTURA = 650
TASA_LECTURA = 1e-3
N_LECTURA_MULTIPLE = 9_000


def mezcla_preentrenamiento(semilla: int = 0, n_lectura: int = N_LECTURA,
                            n_notas: int = N_NOTAS) -> list[str]:
    """Textos de la mezcla de preentrenamiento, barajados de forma determinista."""
    textos = list(corpus_narrativo("train", semilla=semilla))
    textos += [n["texto"] for n in notas_clinicas(n_notas, "train", semilla=semilla)]
    textos += [f"Pregunta: {p['pregunta']}\nRespuesta: {p['respuesta']}"
               for p in preguntas_clinicas("train", semilla=semilla)]
    textos += textos_mundo_clinico() * 3
    textos += [formatear_lectura(e) for e in lectura_comprensiva(n_lectura, "train", semilla)]
    random.Random(semilla).shuffle(textos)
    return textos


def mezcla_lectura(semilla: int = 0, n_lectura: int = N_LECTURA_MULTIPLE) -> list[str]:
    """Mezcla de la fase 2: documentos con cuatro preguntas (80 %) y repaso de la fase 1."""
    ejemplos = lectura_comprensiva(n_lectura, "train", semilla=semilla + 1)
    textos = [formatear_lectura_multiple(e, n_preguntas=4) for e in ejemplos]
    textos += corpus_narrativo("train", semilla=semilla + 1)[: n_lectura // 9]
    textos += [n["texto"] for n in notas_clinicas(n_lectura // 18, "train", semilla=semilla + 1)]
    textos += [f"Pregunta: {p['pregunta']}\nRespuesta: {p['respuesta']}"
               for p in preguntas_clinicas("train", semilla=semilla)]
    random.Random(semilla + 1).shuffle(textos)
    return textos


def construir_modelo_base(salida=None, pasos: int = PASOS, semilla: int = 0,
                          tamano: str = "diminuto", tam_lote: int = TAM_LOTE,
                          long_secuencia: int = LONG_SECUENCIA, n_lectura: int = N_LECTURA,
                          n_notas: int = N_NOTAS, n_eval: int = N_EVAL_LECTURA,
                          tasa_aprendizaje: float = TASA_APRENDIZAJE,
                          pasos_lectura: int = PASOS_LECTURA,
                          n_lectura_multiple: int = N_LECTURA_MULTIPLE,
                          desde_fase1=None) -> dict:
    """Construye el modelo base completo y devuelve sus métricas (también en metricas.json).

    Fase 1: preentrenamiento sobre la mezcla general (``pasos``). Fase 2: ``pasos_lectura``
    pasos más sobre documentos con varias preguntas, partiendo de los pesos de la fase 1
    guardados en float16 (``desde_fase1`` permite reutilizar una fase 1 ya guardada).
    """
    import torch
    from transformers import LlamaForCausalLM

    from ..evaluacion import exactitud_libro_abierto, perplejidad
    from ..modelos import config_llama, contar_parametros, crear_modelo, guardar_modelo

    salida = Path(salida) if salida else directorio_modelo_base()
    entorno.fijar_semilla(semilla)
    hilos = entorno.configurar_hilos()
    inicio = time.perf_counter()
    textos = mezcla_preentrenamiento(semilla, n_lectura, n_notas)
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
        tokenizador = entrenar_tokenizador(textos, tam_vocab=TAM_VOCAB)
        print(f"Tokenizador entrenado: {len(tokenizador)} tokens.", flush=True)
        config = config_llama(tamano, tam_vocab=len(tokenizador))
        modelo = crear_modelo(config, semilla=semilla)
        n_param = contar_parametros(modelo)
        print(f"Modelo «{tamano}»: {n_param / 1e6:.2f} M parámetros; {hilos} hilo(s) de CPU.",
              flush=True)
        resultado = preentrenar(
            modelo, tokenizador, textos, pasos=pasos, tam_lote=tam_lote,
            long_secuencia=long_secuencia, tasa_aprendizaje=tasa_aprendizaje, perfil="cpu",
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
            modelo, tokenizador, mezcla_lectura(semilla, n_lectura_multiple),
            pasos=pasos_lectura, tam_lote=tam_lote, long_secuencia=long_secuencia,
            tasa_aprendizaje=TASA_LECTURA, perfil="cpu", semilla=semilla,
            calentamiento=min(30, pasos_lectura // 10),
        )
        segundos_lectura = fase2["segundos"]
        historial_lectura = fase2["historial"]
        print(f"Fase 2 (lectura): {segundos_lectura:.0f} s, pérdida final "
              f"{fase2['perdida_final']:.3f}.", flush=True)
    segundos_entrenamiento = resultado["segundos"] + segundos_lectura

    guardar_modelo(modelo, salida)
    guardar_tokenizador(tokenizador, salida)
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
        "tam_vocab": len(tokenizador),
        "pasos": pasos,
        "pasos_lectura": pasos_lectura,
        "tasa_aprendizaje_lectura": TASA_LECTURA,
        "segundos_fase_lectura": round(segundos_lectura, 1),
        "tam_lote": tam_lote,
        "long_secuencia": long_secuencia,
        "tasa_aprendizaje": tasa_aprendizaje,
        "tokens_entrenamiento": resultado["tokens"] + pasos_lectura * tam_lote * long_secuencia,
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
          f"{exactitud:.1%}. Guardado en {salida}.", flush=True)
    return metricas


def main(argv=None) -> None:
    """Punto de entrada de la línea de órdenes."""
    parser = argparse.ArgumentParser(
        prog="python -m curso_llm.entrenamiento.modelo_base",
        description="Preentrena desde cero el modelo base del curso (determinista).",
    )
    parser.add_argument("--salida", default=None,
                        help="carpeta de salida (por defecto, la del paquete)")
    parser.add_argument("--pasos", type=int, default=PASOS, help="pasos de entrenamiento")
    parser.add_argument("--semilla", type=int, default=0, help="semilla")
    parser.add_argument("--tamano", default="diminuto", help="tamaño del modelo (micro, diminuto...)")
    parser.add_argument("--n-lectura", type=int, default=N_LECTURA,
                        help="ejemplos de comprensión lectora en la mezcla")
    parser.add_argument("--n-eval", type=int, default=N_EVAL_LECTURA,
                        help="ejemplos de test para la exactitud a libro abierto")
    parser.add_argument("--pasos-lectura", type=int, default=PASOS_LECTURA,
                        help="pasos de la fase 2 (documentos con varias preguntas)")
    parser.add_argument("--desde-fase1", default=None,
                        help="carpeta con una fase 1 ya entrenada (se salta la fase 1)")
    parser.add_argument("--tam-lote", type=int, default=TAM_LOTE, help="tamaño del lote")
    parser.add_argument("--long-secuencia", type=int, default=LONG_SECUENCIA,
                        help="longitud de cada bloque")
    args = parser.parse_args(argv)
    construir_modelo_base(salida=args.salida, pasos=args.pasos, semilla=args.semilla,
                          tamano=args.tamano, n_lectura=args.n_lectura, n_eval=args.n_eval,
                          tam_lote=args.tam_lote, long_secuencia=args.long_secuencia,
                          pasos_lectura=args.pasos_lectura, desde_fase1=args.desde_fase1)


if __name__ == "__main__":
    main()
