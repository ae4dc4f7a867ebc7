"""curso_llm.formatos: conversiones, ChatML, etiquetas solo en las respuestas (contra TRL) y el
colador que no borra el token de fin; y entrenamiento.ajuste / generacion.generar_chat."""

import copy

import pytest
import torch

from curso_llm import formatos
from curso_llm.formatos import IGNORAR, ErrorFormato
from curso_llm.modelos import config_a_medida, tokenizador_base

CONVERSACION = [
    {"role": "system", "content": "Eres un asistente del curso."},
    {"role": "user", "content": "¿Qué causa la fiebre de Quelmar?"},
    {"role": "assistant", "content": "El virus inventado de Quelmar."},
    {"role": "user", "content": "¿Y su tratamiento?"},
    {"role": "assistant", "content": "El ostrafeno y dieta sin sal."},
]


@pytest.fixture(scope="module")
def tok():
    return tokenizador_base()


def test_detectar_formato():
    assert formatos.detectar_formato({"instruction": "a", "input": "", "output": "b"}) == "alpaca"
    assert formatos.detectar_formato({"conversations": []}) == "sharegpt"
    assert formatos.detectar_formato({"messages": []}) == "mensajes"
    assert formatos.detectar_formato({"prompt": [], "completion": []}) == "prompt_completion"
    assert formatos.detectar_formato({"text": "x"}) == "texto"
    with pytest.raises(ErrorFormato, match="línea 3.*'pregunta'"):
        formatos.detectar_formato({"pregunta": "x"}, donde="línea 3")


def test_alpaca_a_mensajes_con_y_sin_entrada():
    fila = {"instruction": "Resume la nota.", "input": "Tos desde ayer.", "output": "Tos aguda."}
    original = copy.deepcopy(fila)
    assert formatos.alpaca_a_mensajes(fila) == [
        {"role": "user", "content": "Resume la nota.\n\nTos desde ayer."},
        {"role": "assistant", "content": "Tos aguda."}]
    assert fila == original
    sin = formatos.alpaca_a_mensajes({"instruction": "Hola", "input": "  ", "output": "Hola"},
                                     sistema="S")
    assert sin[0] == {"role": "system", "content": "S"} and sin[1]["content"] == "Hola"
    with pytest.raises(ErrorFormato, match="output"):
        formatos.alpaca_a_mensajes({"instruction": "x"})


def test_todos_los_formatos_dan_los_mismos_mensajes():
    esperado = CONVERSACION[1:3]
    filas = [
        {"instruction": esperado[0]["content"], "input": "", "output": esperado[1]["content"]},
        {"conversations": [{"from": "human", "value": esperado[0]["content"]},
                           {"from": "gpt", "value": esperado[1]["content"]}]},
        {"messages": esperado},
        {"prompt": esperado[:1], "completion": esperado[1:]},
    ]
    for fila in filas:
        assert formatos.a_mensajes(fila) == {"messages": esperado}
        assert formatos.a_prompt_completion(fila) == {"prompt": esperado[:1],
                                                      "completion": esperado[1:]}


@pytest.mark.parametrize("mensajes, patron", [
    ([], "lista no vacía"),
    ([{"role": "robot", "content": "x"}], "rol 'robot'"),
    ([{"role": "user", "content": "  "}], "vacío"),
    ([{"role": "user", "content": "a"}, {"role": "system", "content": "b"}], "el primero"),
    ([{"role": "user"}], "'role' y 'content'"),
])
def test_mensajes_malos_dan_errores_claros(mensajes, patron):
    with pytest.raises(ErrorFormato, match=patron):
        formatos.comprobar_mensajes(mensajes)


def test_prompt_completion_sin_asistente_final():
    with pytest.raises(ErrorFormato, match="no termina con una respuesta"):
        formatos.a_prompt_completion({"messages": CONVERSACION[:2]})


def test_formatear_chatml_igual_que_la_plantilla(tok):
    for generar in (False, True):
        for n in range(1, len(CONVERSACION) + 1):
            assert formatos.formatear_chatml(CONVERSACION[:n], generar) == tok.apply_chat_template(
                CONVERSACION[:n], tokenize=False, add_generation_prompt=generar)


def test_tokenizar_conversacion_solo_etiqueta_las_respuestas(tok):
    r = formatos.tokenizar_conversacion(tok, CONVERSACION)
    assert r["input_ids"] == tok.apply_chat_template(CONVERSACION, tokenize=True,
                                                     return_dict=False)
    aprendido = tok.decode([i for i, e in zip(r["input_ids"], r["labels"]) if e != IGNORAR])
    assert aprendido == ("El virus inventado de Quelmar.<|im_end|>\n"
                         "El ostrafeno y dieta sin sal.<|im_end|>\n")
    fin = tok.convert_tokens_to_ids("<|im_end|>")
    assert sum(e == fin for e in r["labels"]) == 2
    primera = next(i for i, e in enumerate(r["labels"]) if e != IGNORAR)
    corto = formatos.tokenizar_conversacion(tok, CONVERSACION, max_tokens=primera + 3)
    assert corto["input_ids"] == r["input_ids"][: primera + 3]
    assert corto["labels"] == r["labels"][: primera + 3]
    with pytest.raises(ErrorFormato, match="ningún token que aprender"):
        formatos.tokenizar_conversacion(tok, CONVERSACION, max_tokens=primera)


def test_etiquetas_iguales_que_la_mascara_de_trl(tok, tmp_path):
    """Nuestras etiquetas coinciden con la completion_mask que calcula TRL (prompt/completion)."""
    from datasets import Dataset
    from transformers import LlamaForCausalLM
    from trl import SFTConfig, SFTTrainer

    ejemplos = [formatos.a_prompt_completion({"messages": CONVERSACION[:n]}) for n in (3, 5)]
    modelo = LlamaForCausalLM(config_a_medida(len(tok), 32, 2, 1, 64))
    args = SFTConfig(output_dir=str(tmp_path), max_steps=1, use_cpu=True, bf16=False,
                     report_to=[], gradient_checkpointing=False)
    entrenador = SFTTrainer(model=modelo, args=args, train_dataset=Dataset.from_list(ejemplos),
                            processing_class=tok)
    for ejemplo, fila in zip(ejemplos, entrenador.train_dataset):
        nuestro = formatos.tokenizar_conversacion(tok, ejemplo["prompt"] + ejemplo["completion"])
        assert nuestro["input_ids"] == fila["input_ids"]
        # TRL enmascara todo el prompt (también las respuestas anteriores): comparamos desde
        # donde empieza la última respuesta; antes, TRL no aprende nada.
        inicio = next(i for i, e in enumerate(fila["labels"]) if e != IGNORAR)
        assert set(fila["labels"][:inicio]) == {IGNORAR}
        assert nuestro["labels"][inicio:] == fila["labels"][inicio:]
        assert nuestro["labels"][inicio - 1] == IGNORAR  # la cabecera del turno no se aprende


def test_plantilla_que_no_escribe_prefijos(tok):
    rara = copy.deepcopy(tok)
    rara.chat_template = "{{ messages | length }}{% for m in messages %}{{ m['content'] }}{% endfor %}"
    with pytest.raises(ErrorFormato, match="prefijos"):
        formatos.tokenizar_conversacion(rara, CONVERSACION)


def test_asegurar_plantilla_en_un_modelo_base(tok, capsys):
    base = copy.deepcopy(tok)
    base.chat_template = None
    with pytest.raises(ErrorFormato, match="asegurar_plantilla"):
        formatos.tokenizar_conversacion(base, CONVERSACION)
    formatos.asegurar_plantilla(base)
    assert formatos.tokenizar_conversacion(base, CONVERSACION)["input_ids"]
    assert capsys.readouterr().out == ""  # ya tenía los tokens especiales: no hay que avisar


def test_enmascarar_prompt_por_fila_y_por_mascara():
    ids = torch.tensor([[5, 6, 7, 2, 2], [8, 9, 2, 0, 0]])
    mascara = torch.tensor([[1, 1, 1, 1, 0], [1, 1, 1, 0, 0]])
    copia = ids.clone()
    etiquetas = formatos.enmascarar_prompt(ids, mascara, [2, 1])
    assert etiquetas.tolist() == [[-100, -100, 7, 2, -100], [-100, 9, 2, -100, -100]]
    assert torch.equal(ids, copia)


def test_rellenar_lote_conserva_el_fin_aunque_sea_el_relleno():
    lote = formatos.rellenar_lote([
        {"input_ids": [1, 2, 3], "attention_mask": [1, 1, 1], "labels": [-100, 2, 3]},
        {"input_ids": [4], "attention_mask": [1], "labels": [3]},
    ], id_relleno=3)
    assert lote["input_ids"].tolist() == [[1, 2, 3], [4, 3, 3]]
    assert lote["labels"].tolist() == [[-100, 2, 3], [3, -100, -100]]
    assert lote["attention_mask"].tolist() == [[1, 1, 1], [1, 0, 0]]


def test_ajuste_breve_ensena_a_cerrar_el_turno(tok):
    """Unos pasos con las etiquetas bien hechas bastan para que el modelo base cierre su turno."""
    from curso_llm.entrenamiento.ajuste import ajustar_con_etiquetas
    from curso_llm.generacion import generar_chat
    from curso_llm.modelos import modelo_base

    torch.manual_seed(0)
    modelo = modelo_base()
    preguntas = [[{"role": "user", "content": f"¿Qué número va después del {i}?"},
                  {"role": "assistant", "content": f"Después del {i} va el {i + 1}."}]
                 for i in range(40)]
    antes = generar_chat(modelo, tok, [p[:1] for p in preguntas[:4]], max_tokens=24)
    assert not any(r["paro"] for r in antes)
    ejemplos = [formatos.tokenizar_conversacion(tok, p) for p in preguntas]
    r = ajustar_con_etiquetas(modelo, tok, ejemplos, pasos=20, tamano_lote=8,
                              tasa_aprendizaje=1e-3, perfil="cpu")
    assert r["historial"][-1][1] < r["historial"][0][1]
    despues = generar_chat(modelo, tok, [p[:1] for p in preguntas[:4]], max_tokens=24)
    assert all(r["paro"] for r in despues)
    assert despues[0]["tokens"] < 24 and "<|im_end|>" not in despues[0]["texto"]
