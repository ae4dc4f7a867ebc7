"""Banco de pruebas: ¿cuánto cuesta entrenar con ``curso_llm.preentrenar`` (``Trainer``)
frente a un bucle de PyTorch escrito a mano?

Mismo modelo, mismos bloques empaquetados, mismo lote y longitud, AdamW con los mismos
hiperparámetros y recorte de gradiente en los dos casos. Por defecto, los ajustes del modelo
base v2 (``PRESETS["curso"]``: «diminuto», lote 16×256, decaimiento 0.1, β2 0.95). Se
descartan los primeros pasos (calentamiento), se miden tokens por segundo en los siguientes y
se alternan las dos mediciones varias veces: la razón que cuenta es la mediana de las razones
de cada alternancia (el criterio del curso es ≥ 0.95). Mide con la máquina libre: otro
proceso en la CPU estropea la medida.

Uso::

    python benchmarks/rendimiento_preentrenamiento.py [--pasos 20] [--calentamiento 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")

import torch  # noqa: E402
from transformers import TrainerCallback  # noqa: E402

from curso_llm import entorno  # noqa: E402
from curso_llm.datos import corpus_narrativo, empaquetar  # noqa: E402
from curso_llm.entrenamiento import preentrenar  # noqa: E402
from curso_llm.entrenamiento.modelo_base import PRESETS  # noqa: E402
from curso_llm.modelos import config_llama, crear_modelo, tokenizador_base  # noqa: E402
from curso_llm.tokenizacion import entrenar_tokenizador  # noqa: E402


class _Cronometro(TrainerCallback):
    """Guarda el instante en que termina cada paso del ``Trainer``."""

    def __init__(self):
        self.instantes = []

    def on_step_end(self, args, state, control, **kwargs):
        self.instantes.append(time.perf_counter())


def medir_curso_llm(config, tok, datos, pasos, calentamiento, tamano_lote, tasa_aprendizaje,
                    preset=PRESETS["curso"]):
    entorno.fijar_semilla(0)
    modelo = crear_modelo(config)
    crono = _Cronometro()
    preentrenar(modelo, tok, datos, pasos=calentamiento + pasos, tamano_lote=tamano_lote,
                long_secuencia=datos.bloques.shape[1], tasa_aprendizaje=tasa_aprendizaje, perfil="cpu",
                callbacks=[crono], registro_cada=calentamiento + pasos,
                decaimiento_pesos=preset.decaimiento_pesos, beta2=preset.beta2)
    segundos = crono.instantes[-1] - crono.instantes[calentamiento - 1]
    return pasos * tamano_lote * datos.bloques.shape[1] / segundos


def medir_bucle_plano(config, datos, pasos, calentamiento, tamano_lote, tasa_aprendizaje,
                      preset=PRESETS["curso"]):
    entorno.fijar_semilla(0)
    modelo = crear_modelo(config)
    modelo.train()
    optimizador = torch.optim.AdamW(modelo.parameters(), lr=tasa_aprendizaje,
                                    weight_decay=preset.decaimiento_pesos, betas=(0.9, preset.beta2))
    cargador = torch.utils.data.DataLoader(datos, batch_size=tamano_lote, shuffle=True,
                                           drop_last=True)
    iterador = iter(cargador)
    inicio = None
    for paso in range(calentamiento + pasos):
        if paso == calentamiento:
            inicio = time.perf_counter()
        try:
            lote = next(iterador)
        except StopIteration:
            iterador = iter(cargador)
            lote = next(iterador)
        perdida = modelo(input_ids=lote["input_ids"], labels=lote["labels"]).loss
        perdida.backward()
        torch.nn.utils.clip_grad_norm_(modelo.parameters(), 1.0)
        optimizador.step()
        optimizador.zero_grad(set_to_none=True)
    return pasos * tamano_lote * datos.bloques.shape[1] / (time.perf_counter() - inicio)


def main():
    preset = PRESETS["curso"]
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pasos", type=int, default=20)
    parser.add_argument("--calentamiento", type=int, default=3)
    parser.add_argument("--tamano-lote", type=int, default=preset.tamano_lote)
    parser.add_argument("--long-secuencia", type=int, default=preset.long_secuencia)
    parser.add_argument("--hilos", type=int, default=2)
    parser.add_argument("--tamano", default=preset.tamano)
    parser.add_argument("--repeticiones", type=int, default=3,
                        help="alterna las dos mediciones varias veces (mediana de las razones)")
    args = parser.parse_args()

    hilos = entorno.configurar_hilos(args.hilos)
    try:
        tok = tokenizador_base()
    except ValueError:
        tok = entrenar_tokenizador(corpus_narrativo("train"), tamano_vocabulario=4096)
    config = config_llama(args.tamano, tamano_vocabulario=len(tok))
    datos = empaquetar(corpus_narrativo("train"), tok, args.long_secuencia)
    tasa_aprendizaje = preset.tasa_aprendizaje
    resultados = {"curso_llm (Trainer)": [], "bucle de PyTorch": []}
    for _ in range(args.repeticiones):
        resultados["curso_llm (Trainer)"].append(medir_curso_llm(
            config, tok, datos, args.pasos, args.calentamiento, args.tamano_lote, tasa_aprendizaje))
        resultados["bucle de PyTorch"].append(medir_bucle_plano(
            config, datos, args.pasos, args.calentamiento, args.tamano_lote, tasa_aprendizaje))
    mejores = {k: max(v) for k, v in resultados.items()}
    print()
    print(f"Modelo «{args.tamano}», lote {args.tamano_lote}×{args.long_secuencia}, {hilos} hilos, "
          f"{args.pasos} pasos medidos tras {args.calentamiento} de calentamiento")
    print(f"{'método':<22} {'tokens/s':>10}")
    for nombre, valor in mejores.items():
        print(f"{nombre:<22} {valor:>10.0f}")
    razon = mejores["curso_llm (Trainer)"] / mejores["bucle de PyTorch"]
    razones = [a / b for a, b in zip(*resultados.values())]
    mediana = statistics.median(razones)
    print(f"{'razón de los mejores':<22} {razon:>10.3f}")
    print(f"{'razones por alternancia':<22} " + " ".join(f"{r:.3f}" for r in razones))
    print(f"{'mediana de las razones':<22} {mediana:>10.3f}  "
          f"({'cumple' if mediana >= 0.95 else 'NO cumple'} el criterio ≥ 0.95)")


if __name__ == "__main__":
    main()
