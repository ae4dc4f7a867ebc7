"""entrenamiento.sft: completo, LoRA y QLoRA con TRL en CPU, pérdida solo en la respuesta, lo que
se guarda y los errores en español de lo que suele salir mal."""

import copy

import pytest
import torch

from curso_llm.datos import preguntas_clinicas
from curso_llm.entrenamiento import sft
from curso_llm.entrenamiento.sft import ErrorSFT, entrenar_sft, preparar_datos_sft
from curso_llm.modelos import tokenizador_base


def _conversaciones(particion):
    return [{"messages": [{"role": "user", "content": p["pregunta"]},
                          {"role": "assistant", "content": p["respuesta"]}]}
            for p in preguntas_clinicas(particion)]


@pytest.fixture(scope="module")
def datos():
    return _conversaciones("train"), _conversaciones("validation")


@pytest.fixture(scope="module")
def lora(datos, tmp_path_factory):
    carpeta = tmp_path_factory.mktemp("lora")
    return entrenar_sft(*datos, perfil="cpu", metodo="lora", pasos=20, directorio_salida=carpeta,
                        mostrar_progreso=False)


def test_lora_aprende_y_guarda_el_adaptador(lora):
    assert lora.historial[-1][1] < lora.historial[0][1]
    assert len(lora.historial_validacion) == 5
    assert lora.historial_validacion[-1][1] < lora.historial_validacion[0][1]
    assert 0 < lora.parametros_entrenables < lora.parametros_totales / 10
    archivos = {p.name for p in lora.directorio.iterdir()}
    assert {"adapter_config.json", "adapter_model.safetensors", "tokenizer.json"} <= archivos
    assert "model.safetensors" not in archivos  # solo el adaptador
    assert lora.memoria_maxima_mb is None and lora.segundos_por_paso > 0


def test_el_adaptador_guardado_se_vuelve_a_cargar(lora):
    from peft import PeftModel

    from curso_llm.modelos import modelo_base

    recargado = PeftModel.from_pretrained(modelo_base(), str(lora.directorio)).eval()
    ids = torch.tensor([[1, 280, 86, 360, 202]])
    with torch.no_grad():
        assert torch.allclose(recargado(ids).logits, lora.modelo(ids).logits, atol=1e-5)


@pytest.mark.parametrize("metodo", ["completo", "qlora"])
def test_completo_y_qlora(datos, metodo):
    r = entrenar_sft(*datos, perfil="cpu", metodo=metodo, pasos=16, mostrar_progreso=False)
    perdidas = [p for _, p in r.historial]
    assert sum(perdidas[-4:]) < sum(perdidas[:4])  # la pérdida por lote es ruidosa: medias
    if metodo == "completo":
        assert r.parametros_entrenables == r.parametros_totales
    else:
        import bitsandbytes as bnb

        assert any(isinstance(m, bnb.nn.Linear4bit) for m in r.modelo.modules())
        assert r.parametros_entrenables < r.parametros_totales / 10


def test_los_datos_pasan_a_prompt_completion():
    tok = tokenizador_base()
    filas = [{"instruction": "Resume.", "input": "Tos.", "output": "Tos aguda."},
             {"conversations": [{"from": "human", "value": "Hola"},
                                {"from": "gpt", "value": "Hola, ¿en qué te ayudo?"}]}]
    ds = preparar_datos_sft(filas, tok, max_longitud=64)
    assert ds.column_names == ["prompt", "completion"]
    assert ds[0]["completion"] == [{"role": "assistant", "content": "Tos aguda."}]


def test_plantilla_sin_fin_da_un_error_claro(datos):
    tok = copy.deepcopy(tokenizador_base())
    tok.chat_template = ("{% for m in messages %}{{ m['role'] }}: {{ m['content'] }}\n{% endfor %}"
                         "{% if add_generation_prompt %}assistant: {% endif %}")
    with pytest.raises(ErrorSFT, match="no escribe un token de fin"):
        preparar_datos_sft(datos[0][:3], tok, max_longitud=128)


def test_prompts_que_no_dejan_respuesta(datos, capsys):
    tok = tokenizador_base()
    largo = {"messages": [{"role": "user", "content": "tos " * 300},
                          {"role": "assistant", "content": "Tos."}]}
    ds = preparar_datos_sft([largo] + datos[0][:4], tok, max_longitud=64)
    assert len(ds) == 4 and "quito 1 ejemplo(s)" in capsys.readouterr().out
    with pytest.raises(ErrorSFT, match="todas las etiquetas serían -100"):
        preparar_datos_sft([largo], tok, max_longitud=64)


def test_formato_desconocido_y_metodo_desconocido(datos):
    with pytest.raises(ErrorSFT, match="ejemplo 0"):
        preparar_datos_sft([{"pregunta": "x"}], tokenizador_base(), 64)
    with pytest.raises(ErrorSFT, match="metodo='dora' no existe"):
        entrenar_sft(datos[0], perfil="cpu", metodo="dora")
    with pytest.raises(ErrorSFT, match="vacíos"):
        entrenar_sft([], perfil="cpu")


def test_sin_memoria_dice_que_cambiar(datos):
    from transformers import TrainerCallback

    class SinMemoria(TrainerCallback):
        def on_step_begin(self, args, state, control, **kwargs):
            raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")

    with pytest.raises(ErrorSFT, match=r"tamano_lote \(ahora 4\)"):
        entrenar_sft(datos[0][:8], perfil="cpu", pasos=2, tamano_lote=4, callbacks=[SinMemoria()],
                     mostrar_progreso=False)


def test_bf16_sin_soporte_se_traduce():
    error = sft._traducir(ValueError("Your setup doesn't support bf16/gpu."), sft.PRESETS["gpu"])
    assert isinstance(error, ErrorSFT) and "fp16" in str(error)
    assert sft._traducir(ValueError("otra cosa"), sft.PRESETS["cpu"]) is None


def test_argumentos_fijan_el_tipo_de_forma_explicita(tmp_path):
    args = sft.argumentos_sft(sft.PRESETS["cpu"], "cpu", str(tmp_path), hay_validacion=True)
    assert (args.bf16, args.fp16, args.use_cpu) == (False, False, True)
    assert args.completion_only_loss is True and args.gradient_checkpointing is False
    assert args.eval_strategy == "steps" and args.save_strategy == "no"
