"""Preentrena desde cero el modelo base del curso (determinista).

Uso::

    python -m curso_llm.entrenamiento.modelo_base [--preset curso|prueba] [--salida DIR]
        [--pasos N] [--tamano-lote N] ...

Como los guiones de TRL: un preset (:class:`PresetModeloBase`, con los valores del modelo
publicado en ``PRESETS["curso"]`` y uno diminuto para pruebas en ``PRESETS["prueba"]``) y
una función, :func:`construir_modelo_base`; :func:`main` lee la línea de órdenes.

La tubería es la del capítulo 5: mezcla (corpus narrativo, mundo clínico ficticio,
comprensión lectora sobre entidades inventadas y una tarea auxiliar de copia), limpieza y
deduplicación exacta, tokenizador BPE (4096 tokens), empaquetado en bloques y una sola
ejecución de ``transformers.Trainer`` (calentamiento + coseno). Guarda en ``DIR`` los pesos
(safetensors en float16), el tokenizador, la configuración y ``metricas.json``: la orden
exacta, la semilla, la versión del paquete, la curva de pérdida, la exactitud a libro abierto
durante el entrenamiento y al final (en total y por tipo, sobre documentos que el modelo
nunca vio) y la perplejidad de validación del corpus narrativo.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .. import entorno
from ..datos import (
    AVISO_FICTICIO,
    corpus_narrativo,
    formatear_copia,
    formatear_lectura_multiple,
    lectura_comprensiva,
    notas_clinicas,
    preguntas_clinicas,
    textos_mundo_clinico,
)
from ..datos.tuberia import limpiar_texto
from ..tokenizacion import entrenar_tokenizador
from .preentrenamiento import preentrenar
from .presets import anadir_argumentos_preset, preset_desde_argumentos


@dataclass(frozen=True)
class PresetModeloBase:
    """Hiperparámetros y mezcla de datos de una construcción del modelo base.

    ``PRESETS["curso"]`` es el modelo publicado en el paquete (≈ 1.5 horas con los 2
    núcleos de una CPU); ``PRESETS["prueba"]`` es diminuto y sirve para las pruebas
    (segundos).

    Capítulo 5 (Preentrenamiento).
    """

    tamano: str = "diminuto"
    tamano_vocabulario: int = 4096
    pasos: int = 4400
    tamano_lote: int = 16
    long_secuencia: int = 256
    tasa_aprendizaje: float = 2e-3
    tasa_minima: float = 0.1  # fracción de la tasa máxima al final del coseno
    calentamiento: int = 100
    decaimiento_pesos: float = 0.1
    beta2: float = 0.95
    # Mezcla (número de textos de cada fuente).
    n_lectura: int = 80_000  # documentos con varias preguntas
    preguntas_por_documento: int = 4
    n_copia: int = 22_000  # documentos de la tarea auxiliar de copia
    semillas_narrativo: int = 14  # particiones «train» del corpus narrativo con semillas 0..k-1
    n_notas: int = 15_000
    repeticiones_clinicas: int = 5  # preguntas clínicas y textos del mundo clínico
    n_eval: int = 300
    n_seguimiento: int = 60  # documentos de validación evaluados durante el entrenamiento
    seguimiento_cada: int = 400
    semilla: int = 0


PRESETS = {
    "curso": PresetModeloBase(),
    "prueba": PresetModeloBase(tamano="micro", tamano_vocabulario=512, pasos=4, tamano_lote=2,
                               long_secuencia=32, calentamiento=1, n_lectura=60, n_copia=20,
                               semillas_narrativo=1, n_notas=30, repeticiones_clinicas=1,
                               n_eval=6, n_seguimiento=3, seguimiento_cada=2),
}


def mezcla_preentrenamiento(preset: PresetModeloBase = PRESETS["curso"]) -> dict[str, list[str]]:
    """Textos de cada fuente de la mezcla, limpios y sin duplicados exactos.

    Devuelve ``{"lectura", "copia", "narrativo", "clinico"}`` → lista de textos. La
    deduplicación es exacta (mismo texto tras la limpieza) y global: un texto que aparece en
    dos fuentes se queda en la primera.

    Capítulo 5 (Preentrenamiento).
    """
    p = preset
    semilla = p.semilla
    lectura = lectura_comprensiva(p.n_lectura + p.n_copia, "train", semilla=semilla)
    fuentes = {
        "lectura": [formatear_lectura_multiple(e, p.preguntas_por_documento)
                    for e in lectura[: p.n_lectura]],
        "copia": [formatear_copia(e) for e in lectura[p.n_lectura:]],
        "narrativo": [t for k in range(p.semillas_narrativo)
                      for t in corpus_narrativo("train", semilla=semilla + k)],
        "clinico": [n["texto"] for n in notas_clinicas(p.n_notas, "train", semilla=semilla)]
        + p.repeticiones_clinicas * (
            [f"Pregunta: {q['pregunta']}\nRespuesta: {q['respuesta']}"
             for q in preguntas_clinicas("train", semilla=semilla)]
            + textos_mundo_clinico()),
    }
    vistos: set[str] = set()
    limpias: dict[str, list[str]] = {}
    for nombre, textos in fuentes.items():
        limpias[nombre] = []
        for texto in map(limpiar_texto, textos):
            if texto and (texto not in vistos or nombre == "clinico"):
                vistos.add(texto)
                limpias[nombre].append(texto)
    return limpias


def _orden_exacta(argv) -> str:
    partes = ["python", "-m", "curso_llm.entrenamiento.modelo_base"]
    return " ".join(partes + list(sys.argv[1:] if argv is None else argv))


def construir_modelo_base(preset: PresetModeloBase = PRESETS["curso"], salida=None,
                          orden: str | None = None) -> dict:
    """Construye el modelo base completo y devuelve sus métricas (también en metricas.json).

    ``salida=None`` escribe en :func:`curso_llm.modelos.ruta_modelo_base`. ``orden`` es la
    línea de órdenes que se guarda en las métricas (la pone :func:`main`).

    Capítulo 5 (Preentrenamiento).
    """
    import torch
    from transformers import LlamaForCausalLM

    from .. import __version__
    from ..datos import formatear_lectura
    from ..datos.empaquetado import empaquetar
    from ..evaluacion import exactitud_libro_abierto, perplejidad, responder
    from ..modelos import (
        config_llama,
        contar_parametros,
        crear_modelo,
        guardar_modelo_base,
        ruta_modelo_base,
    )
    from .seguimiento import ExactitudLectura

    p = preset
    salida = Path(salida) if salida else ruta_modelo_base()
    entorno.fijar_semilla(p.semilla)
    hilos = entorno.configurar_hilos()
    inicio = time.perf_counter()
    fuentes = mezcla_preentrenamiento(p)
    textos = [t for lista in fuentes.values() for t in lista]
    random.Random(p.semilla).shuffle(textos)
    print(f"Mezcla: {len(textos)} textos, {sum(len(t) for t in textos) / 1e6:.1f} M "
          "caracteres (" + ", ".join(f"{k}: {len(v)}" for k, v in fuentes.items()) + ").",
          flush=True)
    # El tokenizador se entrena con una muestra equilibrada de todas las fuentes.
    muestra = (fuentes["narrativo"][: len(fuentes["narrativo"]) // max(1, p.semillas_narrativo)]
               + fuentes["clinico"][:3000] + fuentes["lectura"][:6000])
    tokenizador = entrenar_tokenizador(muestra, tamano_vocabulario=p.tamano_vocabulario)
    datos = empaquetar(textos, tokenizador, p.long_secuencia)
    tokens_por_fuente = {k: sum(len(x) + 1 for x in tokenizador(v, add_special_tokens=False)
                                ["input_ids"]) for k, v in fuentes.items()}
    print(f"Tokenizador: {len(tokenizador)} tokens. Datos empaquetados: {len(datos)} bloques "
          f"de {p.long_secuencia} ({datos.bloques.numel() / 1e6:.1f} M tokens).", flush=True)
    config = config_llama(p.tamano, tamano_vocabulario=len(tokenizador))
    modelo = crear_modelo(config, semilla=p.semilla)
    n_param = contar_parametros(modelo)
    print(f"Modelo «{p.tamano}»: {n_param / 1e6:.2f} M parámetros; {hilos} hilo(s) de CPU.",
          flush=True)
    seguimiento = ExactitudLectura(
        tokenizador, lectura_comprensiva(p.n_seguimiento, "validation", semilla=p.semilla),
        p.seguimiento_cada)
    resultado = preentrenar(
        modelo, tokenizador, datos, pasos=p.pasos, tamano_lote=p.tamano_lote,
        long_secuencia=p.long_secuencia, tasa_aprendizaje=p.tasa_aprendizaje, perfil="cpu",
        semilla=p.semilla, calentamiento=p.calentamiento, decaimiento_pesos=p.decaimiento_pesos,
        beta2=p.beta2, tasa_minima=p.tasa_minima, callbacks=[seguimiento],
        registro_cada=max(1, p.pasos // 200),
    )
    print(f"Entrenamiento: {resultado['segundos']:.0f} s, "
          f"{resultado['tokens_por_segundo']:.0f} tokens/s, pérdida final "
          f"{resultado['perdida_final']:.3f}.", flush=True)

    guardar_modelo_base(modelo, tokenizador, salida)
    # Se evalúa el modelo tal como se publica (pesos en float16 leídos como float32).
    publicado = LlamaForCausalLM.from_pretrained(str(salida), dtype=torch.float32).eval()
    narrativo_val = corpus_narrativo("validation")
    ppl = perplejidad(publicado, tokenizador, narrativo_val, long_secuencia=128)
    ejemplos = lectura_comprensiva(p.n_eval, "test", semilla=p.semilla)
    respuestas = [responder(publicado, tokenizador, formatear_lectura(e, con_respuesta=False),
                            max_tokens=48) for e in ejemplos]
    exactitud = exactitud_libro_abierto(publicado, tokenizador, ejemplos, respuestas=respuestas)
    por_tipo, dato_por_tipo = {}, {}
    for tipo in sorted({e["tipo"] for e in ejemplos}):
        indices = [i for i, e in enumerate(ejemplos) if e["tipo"] == tipo]
        sub = [ejemplos[i] for i in indices]
        por_tipo[tipo] = exactitud_libro_abierto(publicado, tokenizador, sub,
                                                 respuestas=[respuestas[i] for i in indices])
        dato_por_tipo[tipo] = sum(ejemplos[i]["dato"] in respuestas[i] for i in indices) / len(sub)
    contiene_dato = sum(e["dato"] in r for e, r in zip(ejemplos, respuestas)) / len(ejemplos)
    narrativo_train = corpus_narrativo("train")
    palabras = {w for t in narrativo_val + narrativo_train
                for w in re.findall(r"[a-záéíóúüñ]+", t.lower())}
    usados = {i for fila in tokenizador(narrativo_train, add_special_tokens=False)
              ["input_ids"] for i in fila}
    metricas = {
        "aviso": AVISO_FICTICIO,
        "orden": orden or _orden_exacta(None),
        "version_paquete": __version__,
        "preset": asdict(p),
        "semilla": p.semilla,
        "dispositivo": f"CPU, {hilos} hilo(s)",
        "tamano": p.tamano,
        "parametros": n_param,
        "tamano_vocabulario": len(tokenizador),
        "textos_por_fuente": {k: len(v) for k, v in fuentes.items()},
        "tokens_por_fuente": tokens_por_fuente,
        "tokens_entrenamiento": resultado["tokens"],
        "segundos_entrenamiento": round(resultado["segundos"], 1),
        "segundos_totales": round(time.perf_counter() - inicio, 1),
        "tokens_por_segundo": round(resultado["tokens_por_segundo"], 1),
        "hilos": hilos,
        "perdida_final_entrenamiento": round(resultado["perdida_final"], 4),
        "perplejidad_validacion": round(ppl, 4),
        "perplejidad_validacion_textos": "corpus_narrativo('validation'), bloques de 128",
        "palabras_distintas_narrativo": len(palabras),
        "tokens_usados_narrativo": len(usados),
        "exactitud_libro_abierto": round(exactitud, 4),
        "exactitud_libro_abierto_por_tipo": {k: round(v, 4) for k, v in por_tipo.items()},
        "contiene_dato": round(contiene_dato, 4),
        "contiene_dato_por_tipo": {k: round(v, 4) for k, v in dato_por_tipo.items()},
        "exactitud_libro_abierto_ejemplos": (f"lectura_comprensiva({p.n_eval}, 'test', "
                                             f"semilla={p.semilla})"),
        "respuestas_ejemplo": [{"pregunta": e["pregunta"], "referencia": e["respuesta"],
                                "modelo": r} for e, r in list(zip(ejemplos, respuestas))[:6]],
        "seguimiento_lectura": seguimiento.registro,
        "historial_perdida": [[q, round(v, 4)] for q, v in resultado["historial"]],
    }
    (salida / "metricas.json").write_text(json.dumps(metricas, ensure_ascii=False, indent=1),
                                          encoding="utf-8")
    print(f"Perplejidad de validación: {ppl:.2f}. Exactitud a libro abierto (test, "
          f"{p.n_eval} docs): {100 * exactitud:.1f} % ("
          + ", ".join(f"{k} {100 * v:.1f} %" for k, v in por_tipo.items())
          + f"). Guardado en {salida}.", flush=True)
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
    anadir_argumentos_preset(parser, PRESETS, por_defecto="curso")
    args = parser.parse_args(argv)
    preset = preset_desde_argumentos(args, PRESETS)
    return construir_modelo_base(preset, salida=args.salida, orden=_orden_exacta(argv))


if __name__ == "__main__":
    main()
