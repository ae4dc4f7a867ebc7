"""Capítulo 7 en GPU (``make gpu``): ``entrenar_sft`` con ``perfil="gpu"`` en LoRA y QLoRA sobre
un Llama «micro» guardado en una carpeta local (se carga igual que uno del Hub; nada se
descarga), con el tipo de la tarjeta fijado de forma explícita. Sin CUDA, ``conftest.py``
salta toda la carpeta.
"""

import pytest
import torch

from curso_llm import entorno
from curso_llm.datos import preguntas_clinicas
from curso_llm.entrenamiento.sft import argumentos_sft, entrenar_sft

pytestmark = pytest.mark.gpu


def _conversaciones(particion):
    return [{"messages": [{"role": "user", "content": p["pregunta"]},
                          {"role": "assistant", "content": p["respuesta"]}]}
            for p in preguntas_clinicas(particion)]


@pytest.mark.parametrize("metodo", ["lora", "qlora"])
def test_cap07_sft_en_gpu(carpeta_modelo, tmp_path, metodo):
    tipo = entorno.elegir_dtype(torch.device("cuda"))
    r = entrenar_sft(_conversaciones("train"), _conversaciones("validation"), perfil="gpu",
                     nombre_modelo=str(carpeta_modelo), metodo=metodo, pasos=30, tamano_lote=8,
                     max_longitud=128, directorio_salida=tmp_path, mostrar_progreso=False)
    assert r.memoria_maxima_mb is not None and r.memoria_maxima_mb > 0
    perdidas = [p for _, p in r.historial]
    assert sum(perdidas[-3:]) < sum(perdidas[:3])
    args = argumentos_sft(r.preset, "gpu", str(tmp_path), hay_validacion=False)
    assert (args.bf16, args.fp16) == (tipo == torch.bfloat16, tipo == torch.float16)
    assert (tmp_path / "adapter_config.json").is_file()
