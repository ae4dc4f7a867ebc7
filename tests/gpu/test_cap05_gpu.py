"""Capítulo 5 en GPU (``make gpu``): el camino ``gpu`` de la sección 5.4 (Eficiencia).

- Seguir preentrenando un modelo «del Hub» con el corpus del curso a través de
  ``preentrenar(..., perfil="gpu")``, con el código de la página: aquí el modelo es un Llama
  «micro» guardado con ``save_pretrained`` en una carpeta local, que ``cargar_modelo`` y
  ``AutoTokenizer`` cargan igual que uno del Hub (nada se descarga).
- Lo que la página afirma de la GPU: la precisión mixta multiplica matrices más rápido que
  float32 y los contadores de FLOPs funcionan igual con CUDA.

Sin CUDA, ``conftest.py`` salta toda la carpeta.
"""

import math

import pytest
import torch

from curso_llm import entorno, evaluacion, modelos
from curso_llm.datos import corpus_narrativo, textos_mundo_clinico
from curso_llm.entrenamiento import eficiencia, preentrenar
from curso_llm.entrenamiento.preentrenamiento import argumentos_entrenamiento

pytestmark = pytest.mark.gpu

CUDA = torch.device("cuda")


def test_cap05_seguir_preentrenando_un_modelo_del_hub_en_gpu(carpeta_modelo, tmp_path):
    from transformers import AutoTokenizer

    tipo = entorno.elegir_dtype(CUDA)
    args = argumentos_entrenamiento(pasos=1, tamano_lote=1, tasa_aprendizaje=1e-3, perfil="gpu",
                                    directorio_salida=str(tmp_path), semilla=0)
    assert (args.bf16, args.fp16) == (tipo == torch.bfloat16, tipo == torch.float16)

    tokenizador = AutoTokenizer.from_pretrained(str(carpeta_modelo))
    modelo = modelos.cargar_modelo(str(carpeta_modelo), perfil="gpu", dtype=torch.float32)
    assert next(modelo.parameters()).device.type == "cuda"
    validacion = corpus_narrativo("validation")[:40]
    antes = evaluacion.perplejidad(modelo, tokenizador, validacion)
    resultado = preentrenar(
        modelo, tokenizador, corpus_narrativo("train")[:600] + textos_mundo_clinico()[:200],
        pasos=40, tamano_lote=16, long_secuencia=128, tasa_aprendizaje=3e-3, calentamiento=4,
        perfil="gpu", registro_cada=5, directorio_salida=tmp_path,
    )
    # Precisión mixta: los pesos maestros siguen en float32 y en la GPU.
    parametro = next(modelo.parameters())
    assert parametro.device.type == "cuda" and parametro.dtype == torch.float32
    perdidas = [perdida for _, perdida in resultado["historial"]]
    assert len(perdidas) == 8 and all(math.isfinite(p) for p in perdidas)
    despues = evaluacion.perplejidad(modelo, tokenizador, validacion)
    assert despues < 0.5 * antes, (antes, despues)
    assert resultado["tokens_por_segundo"] > 0


def test_cap05_precision_mixta_multiplica_mas_rapido_en_gpu():
    tipo = entorno.elegir_dtype(CUDA)
    rapido = eficiencia.pico_matmul(4096, repeticiones=5, dtype=tipo, dispositivo=CUDA)
    lento = eficiencia.pico_matmul(4096, repeticiones=5, dtype=torch.float32, dispositivo=CUDA)
    assert rapido["flops_por_segundo"] > 1.5 * lento["flops_por_segundo"], (rapido, lento)


def test_cap05_flops_y_activaciones_en_gpu():
    config = modelos.config_llama("micro", tamano_vocabulario=512, long_max=64)
    modelo = modelos.crear_modelo(config, semilla=0).to(CUDA).train()
    ids = torch.randint(0, 512, (4, 64), device=CUDA)

    def paso():
        modelo(input_ids=ids, labels=ids).loss.backward()

    esperado = eficiencia.flops_por_token(config, 64) * ids.numel()
    # Según el núcleo de atención que elija CUDA, la pasada hacia atrás recalcula o no las
    # puntuaciones (hasta media pasada de atención de más).
    extra = 0.5 * 4 * config.num_hidden_layers * 64 * config.hidden_size * ids.numel()
    contados = eficiencia.contar_flops(paso)
    assert esperado * (1 - 1e-9) <= contados <= (esperado + extra) * (1 + 1e-9), (contados, esperado)
    pesos = list(modelo.parameters())
    sin = eficiencia.memoria_activaciones(lambda: modelo(input_ids=ids, labels=ids).loss,
                                          excluir=pesos)
    with torch.autocast("cuda", dtype=entorno.elegir_dtype(CUDA)):
        mixta = eficiencia.memoria_activaciones(lambda: modelo(input_ids=ids, labels=ids).loss,
                                                excluir=pesos)
    assert 0 < mixta < sin
