"""Pruebas de humo del camino ``gpu`` de los laboratorios publicados (``make gpu``).

Usan solo modelos locales y diminutos (el modelo base del paquete o un Llama «micro» creado
desde su configuración): nada se descarga. El tipo numérico es el que elige
``curso_llm.entorno`` según la tarjeta: bf16 en Ampere o posteriores, fp16 en una T4.

- Capítulo 0: el perfil ``auto`` elige ``gpu`` y el tipo de la tarjeta.
- Capítulos 1 a 3: sus laboratorios fijan el perfil ``cpu`` (NumPy y PyTorch pequeño); no
  tienen camino ``gpu``.
- Capítulo 4: el modelo base en la GPU, la generación, el MiniGPT frente a Llama y el
  preentrenamiento con precisión mixta; además, el modelo base en 4 bits con bitsandbytes,
  que usarán los capítulos de QLoRA y cuantización.

Cada capítulo nuevo añade aquí (o en ``tests/gpu/test_capNN_gpu.py``) sus laboratorios.
Sin CUDA, ``conftest.py`` salta toda la carpeta.
"""

import math

import pytest
import torch

from curso_llm import entorno, evaluacion, generacion, modelos
from curso_llm.arquitectura import desde_llama
from curso_llm.datos import corpus_narrativo
from curso_llm.entrenamiento import preentrenar
from curso_llm.entrenamiento.preentrenamiento import argumentos_entrenamiento
from curso_llm.modelos import ruta_modelo_base, tokenizador_base

pytestmark = pytest.mark.gpu

CUDA = torch.device("cuda")
PROMPT = "Había una vez una niña que"


@pytest.fixture(scope="module")
def tokenizador():
    return tokenizador_base()


@pytest.fixture(scope="module")
def textos_validacion():
    return corpus_narrativo("validation")[:40]


@pytest.fixture(scope="module")
def modelo_gpu():
    """El modelo base cargado por el camino ``gpu`` de ``cargar_modelo`` (carpeta local)."""
    return modelos.cargar_modelo(str(ruta_modelo_base()), perfil="gpu")


def _ids(tokenizador, texto=PROMPT):
    return tokenizador(texto, return_tensors="pt", add_special_tokens=False)["input_ids"].to(CUDA)


def test_cap00_perfil_auto_elige_gpu_y_el_tipo_de_la_tarjeta(monkeypatch):
    monkeypatch.delenv("CURSO_LLM_PERFIL", raising=False)
    assert entorno.elegir_perfil("auto") == "gpu"
    elegido = entorno.preparar("auto", semilla=0)
    mayor, _ = torch.cuda.get_device_capability()
    assert elegido.perfil == "gpu" and elegido.dispositivo.type == "cuda"
    assert elegido.dtype == (torch.bfloat16 if mayor >= 8 else torch.float16)
    assert entorno.informe_versiones()["gpu"] == torch.cuda.get_device_name(0)


def test_cap04_modelo_base_en_gpu_da_la_perplejidad_de_cpu(modelo_gpu, tokenizador,
                                                           textos_validacion):
    parametro = next(modelo_gpu.parameters())
    assert parametro.device.type == "cuda"
    assert parametro.dtype == entorno.elegir_dtype(CUDA)
    ppl_gpu = evaluacion.perplejidad(modelo_gpu, tokenizador, textos_validacion)
    ppl_cpu = evaluacion.perplejidad(modelos.modelo_base(), tokenizador, textos_validacion)
    assert math.isfinite(ppl_gpu)
    assert abs(ppl_gpu - ppl_cpu) / ppl_cpu < 0.05, (ppl_gpu, ppl_cpu)


def test_cap04_generacion_en_gpu(modelo_gpu, tokenizador):
    ids = _ids(tokenizador)
    voraz = generacion.generar_ids(modelo_gpu, ids, 12, id_fin=tokenizador.eos_token_id)
    esperado = modelo_gpu.generate(
        ids, max_new_tokens=12, do_sample=False, use_cache=False,
        eos_token_id=tokenizador.eos_token_id, pad_token_id=tokenizador.pad_token_id,
    )[0, ids.shape[1]:].tolist()
    assert voraz == esperado[: len(voraz)] and len(voraz) >= 1
    muestras = [generacion.generar(modelo_gpu, tokenizador, PROMPT, max_tokens=12,
                                   estrategia="muestreo", temperatura=0.8, top_p=0.9, semilla=3)
                for _ in range(2)]
    assert muestras[0] == muestras[1], "La misma semilla debe dar la misma muestra en la GPU"
    assert isinstance(generacion.busqueda_en_haz(modelo_gpu, tokenizador, PROMPT, n_haces=3,
                                                 max_tokens=8), str)


def test_cap04_minigpt_reproduce_llama_en_gpu(tokenizador):
    llama = modelos.modelo_base(CUDA)  # float32 en la GPU
    mini = desde_llama(llama)
    assert next(mini.parameters()).device.type == "cuda"
    ids = _ids(tokenizador)
    with torch.no_grad():
        torch.testing.assert_close(mini(ids), llama(ids).logits, atol=2e-2, rtol=2e-3)


def test_cap04_preentrenar_en_gpu_con_la_precision_de_la_tarjeta(tokenizador, tmp_path):
    tipo = entorno.elegir_dtype(CUDA)
    args = argumentos_entrenamiento(pasos=1, tamano_lote=1, tasa_aprendizaje=1e-3, perfil="gpu",
                                    directorio_salida=str(tmp_path), semilla=0)
    assert (args.bf16, args.fp16) == (tipo == torch.bfloat16, tipo == torch.float16), (
        f"El preentrenamiento debe usar el tipo que elige entorno ({tipo}); usa "
        f"bf16={args.bf16}, fp16={args.fp16}"
    )
    modelo = modelos.crear_modelo(modelos.config_llama("micro", tamano_vocabulario=len(tokenizador)))
    resultado = preentrenar(
        modelo, tokenizador, corpus_narrativo("train")[:400], pasos=30, tamano_lote=8,
        long_secuencia=64, tasa_aprendizaje=3e-3, perfil="gpu", registro_cada=1,
        calentamiento=0, directorio_salida=tmp_path,
    )
    assert next(modelo.parameters()).device.type == "cuda"
    perdidas = [perdida for _, perdida in resultado["historial"]]
    assert len(perdidas) == 30 and all(math.isfinite(p) for p in perdidas)
    assert perdidas[-1] < perdidas[0] - 1.0, perdidas


def test_modelo_base_en_4_bits_con_bitsandbytes(modelo_gpu, tokenizador, textos_validacion):
    import bitsandbytes as bnb
    from transformers import AutoModelForCausalLM, BitsAndBytesConfig

    tipo = entorno.elegir_dtype(CUDA)
    cuantizacion = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4",
                                      bnb_4bit_compute_dtype=tipo, bnb_4bit_use_double_quant=True)
    modelo = AutoModelForCausalLM.from_pretrained(
        str(ruta_modelo_base()), quantization_config=cuantizacion, dtype=tipo,
        device_map={"": torch.cuda.current_device()},
    ).eval()
    capas_4_bits = [m for m in modelo.modules() if isinstance(m, bnb.nn.Linear4bit)]
    assert len(capas_4_bits) == 7 * modelo.config.num_hidden_layers  # q, k, v, o, compuerta, subida, bajada
    assert capas_4_bits[0].weight.device.type == "cuda"
    assert modelo.get_memory_footprint() < 0.7 * modelo_gpu.get_memory_footprint()
    ppl_4_bits = evaluacion.perplejidad(modelo, tokenizador, textos_validacion)
    ppl_16_bits = evaluacion.perplejidad(modelo_gpu, tokenizador, textos_validacion)
    assert math.isfinite(ppl_4_bits) and ppl_4_bits < 1.25 * ppl_16_bits, (ppl_4_bits, ppl_16_bits)
    nuevos = generacion.generar_ids(modelo, _ids(tokenizador), 10)
    assert len(nuevos) == 10 and all(0 <= i < len(tokenizador) for i in nuevos)
