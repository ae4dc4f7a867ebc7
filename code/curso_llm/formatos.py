"""Formatos de datos para el ajuste fino, plantillas de chat y etiquetas que solo enseñan la
respuesta.

Cuatro formatos habituales de un ejemplo de instrucciones:

- **Alpaca**: ``{"instruction", "input", "output"}`` (el de Stanford Alpaca).
- **ShareGPT**: ``{"conversations": [{"from": "human"|"gpt"|"system", "value": ...}]}``.
- **mensajes** (conversacional, el de transformers y TRL): ``{"messages": [{"role", "content"}]}``.
- **prompt/completion**: ``{"prompt": [...mensajes], "completion": [mensaje del asistente]}``;
  TRL calcula la pérdida solo sobre ``completion``.

Todos se convierten en una lista de mensajes (:func:`a_mensajes`), que la plantilla de chat
del tokenizador convierte en texto (:func:`formatear_chatml` la escribe a mano).
:func:`tokenizar_conversacion` tokeniza una conversación con etiquetas ``-100`` en todo lo que
no es respuesta del asistente, igual que TRL, y :func:`rellenar_lote` forma lotes sin borrar el
token de fin.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from .tokenizacion import PLANTILLA_CHATML

if TYPE_CHECKING:
    import torch

FORMATOS = ("alpaca", "sharegpt", "mensajes", "prompt_completion", "texto")
ROLES = ("system", "user", "assistant")
IGNORAR = -100  # etiqueta que la entropía cruzada de PyTorch ignora
_ROLES_SHAREGPT = {"human": "user", "user": "user", "gpt": "assistant", "assistant": "assistant",
                   "system": "system", "chatgpt": "assistant", "bing": "assistant", "bard": "assistant"}


class ErrorFormato(ValueError):
    """Un ejemplo no tiene el formato esperado; el mensaje dice qué campo falla y cómo arreglarlo.

    Capítulo 6 (Datos para ajuste fino).
    """


def _donde(donde: str) -> str:
    return f" ({donde})" if donde else ""


def _mensaje(i: int, donde: str, rol: str | None = None) -> str:
    """«El mensaje 2 (assistant, mis_datos.jsonl, línea 7)»: se cuenta desde 1."""
    partes = [p for p in (rol, donde) if p]
    return f"El mensaje {i + 1}" + (f" ({', '.join(partes)})" if partes else "")


def detectar_formato(fila: dict, donde: str = "") -> str:
    """El formato de un ejemplo, por sus claves: ``"alpaca"``, ``"sharegpt"``, ``"mensajes"``,
    ``"prompt_completion"`` o ``"texto"`` (una columna ``text`` o ``texto``).

    ``donde`` (p. ej. ``"datos.jsonl, línea 7"``) se añade a los mensajes de error.

    Capítulo 6 (Datos para ajuste fino).
    """
    if not isinstance(fila, dict):
        raise ErrorFormato(f"Cada ejemplo debe ser un diccionario y este es "
                           f"{type(fila).__name__}{_donde(donde)}.")
    claves = set(fila)
    if "messages" in claves:
        return "mensajes"
    if "conversations" in claves:
        return "sharegpt"
    if {"prompt", "completion"} <= claves:
        return "prompt_completion"
    if {"instruction", "output"} <= claves:
        return "alpaca"
    if claves & {"text", "texto"}:
        return "texto"
    raise ErrorFormato(
        f"No reconozco el formato del ejemplo{_donde(donde)}: tiene las claves "
        f"{sorted(claves)}. Usa una de estas: 'instruction'/'input'/'output' (Alpaca), "
        "'conversations' (ShareGPT), 'messages' (mensajes), 'prompt'/'completion' o 'text'."
    )


def comprobar_mensajes(mensajes: Any, donde: str = "") -> None:
    """Comprueba una lista de mensajes: roles válidos, contenido de texto no vacío, el sistema
    solo al principio y al menos un turno. Lanza :class:`ErrorFormato` si algo falla.

    Capítulo 6 (Datos para ajuste fino).
    """
    if not isinstance(mensajes, list) or not mensajes:
        raise ErrorFormato(f"Los mensajes deben ser una lista no vacía{_donde(donde)}.")
    for i, m in enumerate(mensajes):
        if not isinstance(m, dict) or "role" not in m or "content" not in m:
            raise ErrorFormato(f"{_mensaje(i, donde)} debe ser un diccionario con 'role' y "
                               f"'content'; es {m!r:.80}.")
        if m["role"] not in ROLES:
            raise ErrorFormato(f"{_mensaje(i, donde)} tiene el rol {m['role']!r}; usa uno de "
                               f"{list(ROLES)}.")
        if not isinstance(m["content"], str) or not m["content"].strip():
            raise ErrorFormato(f"{_mensaje(i, donde, m['role'])} tiene el contenido vacío o no es "
                               "texto: escribe el texto o quita el ejemplo.")
        if m["role"] == "system" and i > 0:
            raise ErrorFormato(f"{_mensaje(i, donde, 'system')} es de sistema y no está al "
                               "principio: el mensaje de sistema va siempre el primero.")


def alpaca_a_mensajes(fila: dict, sistema: str | None = None) -> list[dict]:
    """Un ejemplo Alpaca (``instruction``, ``input`` opcional, ``output``) como lista de
    mensajes: ``[sistema?], user, assistant``.

    El turno del usuario es la instrucción y, si ``input`` tiene texto, una línea en blanco y la
    entrada. No modifica ``fila``.

    Capítulo 6 (Datos para ajuste fino).
    """
    for clave in ("instruction", "output"):
        if clave not in fila:
            raise ErrorFormato(f"Al ejemplo Alpaca le falta el campo {clave!r}: tiene "
                               f"{sorted(fila)}.")
    usuario = fila["instruction"]
    entrada = fila.get("input")
    if entrada is not None and str(entrada).strip():
        usuario = f"{usuario}\n\n{entrada}"
    mensajes = [{"role": "user", "content": usuario},
                {"role": "assistant", "content": fila["output"]}]
    if sistema:
        mensajes.insert(0, {"role": "system", "content": sistema})
    return mensajes


def sharegpt_a_mensajes(fila: dict) -> list[dict]:
    """Un ejemplo ShareGPT (``conversations`` con ``from``/``value``) como lista de mensajes.

    Capítulo 6 (Datos para ajuste fino).
    """
    mensajes = []
    for i, turno in enumerate(fila["conversations"]):
        origen = turno.get("from") if isinstance(turno, dict) else None
        if origen not in _ROLES_SHAREGPT:
            raise ErrorFormato(f"El turno {i} de 'conversations' tiene 'from'={origen!r}; usa "
                               "'human', 'gpt' o 'system'.")
        mensajes.append({"role": _ROLES_SHAREGPT[origen], "content": turno.get("value")})
    return mensajes


def a_mensajes(fila: dict, sistema: str | None = None, donde: str = "") -> dict:
    """Cualquier ejemplo conversacional (Alpaca, ShareGPT, mensajes, prompt/completion) como
    ``{"messages": [...]}``, comprobado con :func:`comprobar_mensajes`. Sirve para
    ``dataset.map``.

    Capítulo 6 (Datos para ajuste fino).
    """
    formato = detectar_formato(fila, donde)
    if formato == "alpaca":
        mensajes = alpaca_a_mensajes(fila, sistema)
    elif formato == "sharegpt":
        mensajes = sharegpt_a_mensajes(fila)
    elif formato == "prompt_completion":
        prompt, completion = fila["prompt"], fila["completion"]
        if isinstance(prompt, str) or isinstance(completion, str):
            raise ErrorFormato(f"El ejemplo prompt/completion{_donde(donde)} es de texto plano, "
                               "no conversacional: convierte prompt y completion en listas de "
                               "mensajes o usa el formato 'text'.")
        mensajes = copy.deepcopy(list(prompt) + list(completion))
    elif formato == "mensajes":
        mensajes = copy.deepcopy(fila["messages"])
    else:
        raise ErrorFormato(f"El ejemplo{_donde(donde)} es texto sin turnos ('text'): no se puede "
                           "convertir en mensajes sin decidir qué es pregunta y qué respuesta.")
    if sistema and mensajes and mensajes[0].get("role") != "system":
        mensajes.insert(0, {"role": "system", "content": sistema})
    comprobar_mensajes(mensajes, donde)
    return {"messages": mensajes}


def a_prompt_completion(fila: dict, donde: str = "") -> dict:
    """Un ejemplo como ``{"prompt": [...], "completion": [último mensaje del asistente]}``:
    el formato con el que TRL calcula la pérdida solo sobre la respuesta final.

    Capítulo 6 (Datos para ajuste fino).
    """
    mensajes = a_mensajes(fila, donde=donde)["messages"]
    if mensajes[-1]["role"] != "assistant":
        raise ErrorFormato(f"El ejemplo{_donde(donde)} no termina con una respuesta del "
                           "asistente: no hay nada que aprender a completar.")
    return {"prompt": mensajes[:-1], "completion": mensajes[-1:]}


def formatear_chatml(mensajes: list[dict], anadir_prompt_generacion: bool = False) -> str:
    """Texto ChatML de una conversación, igual que ``apply_chat_template(..., tokenize=False)``
    con la plantilla del curso: ``<|im_start|>rol`` + salto + contenido + ``<|im_end|>`` +
    salto por mensaje y, con ``anadir_prompt_generacion``, ``<|im_start|>assistant`` + salto al
    final (el turno que el modelo debe continuar).

    Capítulo 6 (Datos para ajuste fino).
    """
    texto = "".join(f"<|im_start|>{m['role']}\n{m['content']}<|im_end|>\n" for m in mensajes)
    if anadir_prompt_generacion:
        texto += "<|im_start|>assistant\n"
    return texto


def asegurar_plantilla(tokenizador, plantilla: str = PLANTILLA_CHATML):
    """Devuelve el tokenizador con una plantilla de chat: la suya si la tiene; si no (un modelo
    base), la ChatML del curso, añadiendo ``<|im_start|>``/``<|im_end|>`` como tokens
    especiales si faltan (¡entonces hay que redimensionar los embeddings del modelo!) y
    avisando de ello. Modifica y devuelve el mismo tokenizador.

    Capítulo 6 (Datos para ajuste fino).
    """
    if getattr(tokenizador, "chat_template", None):
        return tokenizador
    vocabulario = tokenizador.get_vocab()
    faltan = [t for t in ("<|im_start|>", "<|im_end|>") if t not in vocabulario]
    if faltan:
        tokenizador.add_special_tokens({"additional_special_tokens": faltan})
        print(f"Aviso: el tokenizador no tenía {faltan}; los he añadido. Llama a "
              f"modelo.resize_token_embeddings({len(tokenizador)}) antes de entrenar.")
    tokenizador.chat_template = plantilla
    return tokenizador


def _ids(tokenizador, texto: str) -> list[int]:
    return tokenizador(texto, add_special_tokens=False)["input_ids"]


def tokenizar_conversacion(tokenizador, mensajes: list[dict],
                           max_tokens: int | None = None) -> dict[str, list[int]]:
    """Tokeniza una conversación con la plantilla de chat del tokenizador y devuelve
    ``input_ids``, ``attention_mask`` y ``labels``: las etiquetas son ``-100`` en todo lo que no
    escribe el asistente (sistema, usuario y la cabecera ``<|im_start|>assistant``) y copian los
    ids en cada respuesta, **incluido** ``<|im_end|>``, que es lo que enseña a parar.

    Como TRL, cada respuesta es lo que la plantilla añade entre la conversación anterior con el
    prompt de generación y la conversación con esa respuesta. ``max_tokens`` corta por la
    derecha (y lanza un error si el corte deja sin ninguna etiqueta).

    Capítulo 6 (Datos para ajuste fino).
    """
    comprobar_mensajes(mensajes)
    if not getattr(tokenizador, "chat_template", None):
        raise ErrorFormato("El tokenizador no tiene plantilla de chat (es de un modelo base): "
                           "ponle una con curso_llm.formatos.asegurar_plantilla(tokenizador).")

    def plantilla(msgs, generar=False):
        return tokenizador.apply_chat_template(msgs, tokenize=False, add_generation_prompt=generar)

    ids: list[int] = []
    etiquetas: list[int] = []
    hecho = ""
    for i, m in enumerate(mensajes):
        if m["role"] != "assistant":
            continue
        prefijo = plantilla(mensajes[:i], generar=True)
        completo = plantilla(mensajes[: i + 1])
        if not prefijo.startswith(hecho) or not completo.startswith(prefijo):
            raise ErrorFormato("La plantilla de chat no escribe la conversación como prefijos "
                               "(cambia turnos anteriores al añadir uno): no se pueden aislar "
                               "las respuestas del asistente con ella.")
        nuevos = _ids(tokenizador, prefijo[len(hecho):])
        ids += nuevos
        etiquetas += [IGNORAR] * len(nuevos)
        respuesta = _ids(tokenizador, completo[len(prefijo):])
        ids += respuesta
        etiquetas += respuesta
        hecho = completo
    resto = plantilla(mensajes)[len(hecho):]
    if resto:
        nuevos = _ids(tokenizador, resto)
        ids += nuevos
        etiquetas += [IGNORAR] * len(nuevos)
    if max_tokens is not None:
        ids, etiquetas = ids[:max_tokens], etiquetas[:max_tokens]
    if all(e == IGNORAR for e in etiquetas):
        raise ErrorFormato("La conversación no deja ningún token que aprender: no tiene "
                           "respuestas del asistente o max_tokens las corta enteras.")
    return {"input_ids": ids, "attention_mask": [1] * len(ids), "labels": etiquetas}


def enmascarar_prompt(input_ids: torch.Tensor, mascara_atencion: torch.Tensor,
                      longitudes_prompt) -> torch.Tensor:
    """Etiquetas de un lote con relleno a la derecha: una copia de ``input_ids`` con ``-100``
    en los primeros ``longitudes_prompt[i]`` tokens de cada fila ``i`` (el prompt) y donde
    ``mascara_atencion`` es 0 (el relleno). No modifica ``input_ids``.

    El relleno se reconoce por la máscara, no por el id: si ``pad_token == eos_token``,
    comparar ids borraría también el token de fin, y el modelo no aprendería a parar.

    Capítulo 6 (Datos para ajuste fino).
    """
    import torch

    etiquetas = input_ids.clone()
    posiciones = torch.arange(input_ids.shape[1], device=input_ids.device)
    longitudes = torch.as_tensor(longitudes_prompt, device=input_ids.device).reshape(-1, 1)
    etiquetas[posiciones.unsqueeze(0) < longitudes] = IGNORAR
    etiquetas[mascara_atencion == 0] = IGNORAR
    return etiquetas


def rellenar_lote(ejemplos: list[dict], id_relleno: int) -> dict[str, torch.Tensor]:
    """Colador (*collator*): rellena a la derecha ``input_ids`` con ``id_relleno``,
    ``attention_mask`` con 0 y ``labels`` con ``-100`` hasta la fila más larga del lote.
    Las etiquetas de cada ejemplo se respetan tal cual, así que un token de fin igual al de
    relleno sigue contando.

    Capítulo 6 (Datos para ajuste fino).
    """
    import torch

    largo = max(len(e["input_ids"]) for e in ejemplos)

    def relleno(clave, valor):
        return torch.tensor([list(e[clave]) + [valor] * (largo - len(e[clave])) for e in ejemplos],
                            dtype=torch.long)

    return {"input_ids": relleno("input_ids", id_relleno),
            "attention_mask": relleno("attention_mask", 0),
            "labels": relleno("labels", IGNORAR)}
