"""La lógica del chatbot, sin Gradio: del historial a los mensajes del modelo, el recorte a la
ventana de contexto y la generación (de una vez o en directo) que para en el fin del turno.

Decisión sobre el recorte: si ni el mensaje de sistema y el último del usuario caben en la
ventana, el último mensaje **se recorta por la izquierda** (se conserva su final, donde suele
estar la pregunta); solo si el mensaje de sistema ya ocupa toda la ventana hay un error.
"""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import torch

from ..datos import preguntas_clinicas

AVISO_CHATBOT = ("El mundo clínico de este curso es ficticio y nada de lo que diga este "
                 "asistente es consejo médico.")
SISTEMA_POR_DEFECTO = ("Eres el asistente del mundo clínico ficticio del curso. Responde en "
                       "español, con frases breves.")
NOMBRE_ARTEFACTO = "sft_chatbot"
ROLES_HISTORIAL = ("user", "assistant")
# Valores por defecto de la generación (también los de los controles de la app).
TEMPERATURA = 0.7
TOP_P = 0.9
MAX_TOKENS = 128


# ---------------------------------------------------------------------------------------
# Del historial de Gradio a los mensajes del modelo
# ---------------------------------------------------------------------------------------
def _texto(contenido, donde: str) -> str:
    """El texto de un ``content`` de Gradio: un texto o una lista de partes ``{"type": "text"}``."""
    if isinstance(contenido, str):
        return contenido
    if isinstance(contenido, dict) and isinstance(contenido.get("text"), str):
        return contenido["text"]
    if isinstance(contenido, (list, tuple)):
        partes = []
        for parte in contenido:
            if isinstance(parte, str):
                partes.append(parte)
            elif isinstance(parte, dict) and parte.get("type", "text") == "text" \
                    and isinstance(parte.get("text"), str):
                partes.append(parte["text"])
            else:
                raise ValueError(f"{donde}: el chatbot solo entiende texto y recibió {parte!r}; "
                                 "quita los archivos o imágenes de la conversación.")
        return "".join(partes)
    raise ValueError(f"{donde}: «content» debe ser un texto, no {type(contenido).__name__}.")


def historial_a_mensajes(historial, mensaje: str, sistema: str | None = None) -> list[dict]:
    """Convierte el historial de ``gr.Chatbot`` (formato «messages»: lista de
    ``{"role", "content"}``) y el mensaje nuevo en la lista de mensajes del modelo.

    - ``sistema`` (si no es ``None`` ni vacío) va primero, como ``{"role": "system"}``; los
      mensajes de sistema que hubiera en el historial se ignoran (manda ``sistema``).
    - Solo se copian ``role`` y ``content`` (Gradio añade ``metadata``, ``options``...); un
      ``content`` en partes (``[{"type": "text", "text": ...}]``) se une en un texto.
    - No modifica ``historial``.

    Ejemplo: ``historial_a_mensajes([{"role": "user", "content": "Hola"}, {"role":
    "assistant", "content": "Hola."}], "¿Qué es la fiebre de Quelmar?")`` devuelve los tres
    mensajes, el último ``{"role": "user", "content": "¿Qué es la fiebre de Quelmar?"}``.

    Raises:
        ValueError: si ``mensaje`` está vacío, o si el historial no es una lista de
            diccionarios con ``role`` (``user`` o ``assistant``) y ``content`` de texto.

    Capítulo 7 (SFT).
    """
    if not isinstance(mensaje, str) or not mensaje.strip():
        raise ValueError("El mensaje está vacío: escribe una pregunta antes de enviarla.")
    if historial is None:
        historial = []
    if not isinstance(historial, (list, tuple)):
        raise ValueError("historial debe ser una lista de mensajes {'role', 'content'} (el "
                         f"formato «messages» de gr.Chatbot), no {type(historial).__name__}.")
    mensajes = []
    if sistema:
        mensajes.append({"role": "system", "content": sistema})
    for i, entrada in enumerate(historial):
        donde = f"historial[{i}]"
        if not isinstance(entrada, dict) or "role" not in entrada or "content" not in entrada:
            raise ValueError(f"{donde} debe ser un diccionario con «role» y «content» (formato "
                             f"«messages» de gr.Chatbot); es {entrada!r}.")
        rol = entrada["role"]
        if rol == "system":
            continue
        if rol not in ROLES_HISTORIAL:
            raise ValueError(f"{donde}: role={rol!r} no vale; usa uno de {list(ROLES_HISTORIAL)}.")
        mensajes.append({"role": rol, "content": _texto(entrada["content"], donde)})
    mensajes.append({"role": "user", "content": mensaje})
    return mensajes


# ---------------------------------------------------------------------------------------
# Recorte a la ventana de contexto
# ---------------------------------------------------------------------------------------
def contar_tokens_prompt(mensajes: list[dict], tokenizador) -> int:
    """Tokens que ocupa la conversación con la plantilla de chat, incluida la cabecera del turno
    del asistente (``add_generation_prompt=True``): lo que el modelo recibe.

    Capítulo 7 (SFT).
    """
    texto = tokenizador.apply_chat_template(mensajes, tokenize=False, add_generation_prompt=True)
    return len(tokenizador(texto, add_special_tokens=False)["input_ids"])


def recortar_historial(mensajes: list[dict], tokens: list[int], presupuesto: int) -> list[dict]:
    """Los mensajes que se conservan para que la conversación quepa en ``presupuesto`` tokens,
    sabiendo lo que cuesta cada mensaje: la versión sin tokenizador de
    :func:`recortar_a_contexto`.

    - ``mensajes`` es una lista de ``{"role", "content"}``; ``tokens[i]`` es el coste en tokens
      del mensaje ``i`` (el coste de una conversación es la suma de los de sus mensajes).
    - Se conservan siempre el mensaje de sistema (el primero, si su rol es ``system`` y hay
      más de un mensaje) y el último mensaje.
    - Si la suma de todos ya es ≤ ``presupuesto``, se devuelven todos (en una lista nueva).
      Si no, se quitan de uno en uno los más antiguos tras el sistema y, después de cada
      quitado, si el primero que queda tras el sistema no es del usuario, también se quita:
      un recorte nunca deja la conversación empezando por el asistente. Se para en cuanto la
      suma de los que quedan es ≤ ``presupuesto``.
    - Si ni el sistema y el último caben, se devuelven solo esos dos (quien llama decide qué
      hacer; :func:`recortar_a_contexto` recorta el texto del último).
    - Devuelve una lista nueva, en el orden original, con los mismos diccionarios; no modifica
      ``mensajes`` ni ``tokens``. Con ``mensajes`` vacío devuelve ``[]``.

    Ejemplo: con los costes ``[5, 10, 20, 10, 4]`` de ``[sistema, usuario, asistente, usuario,
    usuario]`` y ``presupuesto=20``: se quita el primer usuario (quedan 39), después el
    asistente que quedaba delante (19 ≤ 20) y quedan ``[sistema, usuario, usuario]``.

    Raises:
        ValueError: si ``tokens`` no tiene un coste por mensaje.

    Capítulo 7 (SFT).
    """
    if len(tokens) != len(mensajes):
        raise ValueError(f"tokens debe tener un coste por mensaje: hay {len(mensajes)} mensajes y "
                         f"{len(tokens)} costes.")
    if not mensajes:
        return []
    n_sistema = 1 if mensajes[0].get("role") == "system" and len(mensajes) > 1 else 0
    inicio, total = n_sistema, sum(tokens)
    while inicio < len(mensajes) - 1 and total > presupuesto:
        total -= tokens[inicio]
        inicio += 1
        while inicio < len(mensajes) - 1 and mensajes[inicio].get("role") != "user":
            total -= tokens[inicio]
            inicio += 1
    return list(mensajes[:n_sistema]) + list(mensajes[inicio:])


def recortar_a_contexto(mensajes: list[dict], tokenizador, max_tokens_contexto: int,
                        reserva_respuesta: int) -> list[dict]:
    """Quita turnos antiguos hasta que la conversación, con la plantilla de chat, quepa en
    ``max_tokens_contexto - reserva_respuesta`` tokens (lo demás queda para la respuesta).

    - Nunca quita el mensaje de sistema (el primero, si su rol es ``system``) ni el último
      mensaje (el del usuario). Quita de uno en uno desde el más antiguo y, si el primero que
      queda es del asistente, también lo quita: la conversación siempre empieza por el usuario.
    - Si aun así no cabe, recorta **por la izquierda** el texto del último mensaje (se queda
      con su final, donde suele estar la pregunta) hasta que quepa.
    - Devuelve una lista nueva; no modifica ``mensajes``.

    Raises:
        ValueError: si ``reserva_respuesta`` no deja sitio en la ventana, si ``mensajes`` está
            vacío o no acaba en un mensaje del usuario, o si el mensaje de sistema (con la
            plantilla) no deja ni un token para el del usuario.

    Capítulo 7 (SFT).
    """
    for valor, nombre in ((max_tokens_contexto, "max_tokens_contexto"),
                          (reserva_respuesta, "reserva_respuesta")):
        if isinstance(valor, bool) or not isinstance(valor, int) or valor < 1:
            raise ValueError(f"{nombre} debe ser un entero positivo; es {valor!r}.")
    presupuesto = max_tokens_contexto - reserva_respuesta
    if presupuesto < 1:
        raise ValueError(
            f"reserva_respuesta={reserva_respuesta} no deja sitio a la conversación en una ventana "
            f"de {max_tokens_contexto} tokens: baja el máximo de tokens de la respuesta.")
    if not mensajes or mensajes[-1].get("role") != "user":
        raise ValueError("mensajes debe acabar en un mensaje del usuario (role='user'): es lo "
                         "que el asistente responde.")
    mensajes = [dict(m) for m in mensajes]
    sistema = mensajes[:1] if mensajes[0]["role"] == "system" and len(mensajes) > 1 else []
    medio, ultimo = mensajes[len(sistema):-1], mensajes[-1]
    # Con la plantilla ChatML cada mensaje suma sus tokens: el coste de un mensaje es lo que
    # añade entre el sistema y el último, y recortar_historial decide qué turnos se quitan.
    base = contar_tokens_prompt(sistema + [ultimo], tokenizador)
    costes = [contar_tokens_prompt(sistema + [m, ultimo], tokenizador) - base for m in medio]
    conservados = recortar_historial(sistema + medio + [ultimo],
                                     [0] * len(sistema) + costes + [base], presupuesto)
    medio = conservados[len(sistema):-1]
    # Una plantilla que no sume por mensajes: se sigue quitando con la cuenta real.
    while medio and contar_tokens_prompt(sistema + medio + [ultimo], tokenizador) > presupuesto:
        medio.pop(0)
        while medio and medio[0]["role"] != "user":
            medio.pop(0)
    resultado = sistema + medio + [ultimo]
    if contar_tokens_prompt(resultado, tokenizador) <= presupuesto:
        return resultado
    # Solo quedan el sistema y el último mensaje y no caben: recorta su texto por la izquierda.
    vacio = contar_tokens_prompt(sistema + [dict(ultimo, content="")], tokenizador)
    if vacio >= presupuesto:
        raise ValueError(
            f"El mensaje de sistema y la plantilla ocupan {vacio} tokens y no deja sitio a tu "
            f"pregunta en {presupuesto} tokens (ventana de {max_tokens_contexto} menos "
            f"{reserva_respuesta} de respuesta): acorta el mensaje de sistema o baja el máximo de "
            "tokens de la respuesta.")
    ids = tokenizador(ultimo["content"], add_special_tokens=False)["input_ids"]
    cabe = presupuesto - vacio
    while cabe > 0:
        texto = tokenizador.decode(ids[-cabe:], skip_special_tokens=True).lstrip()
        resultado = sistema + [dict(ultimo, content=texto)]
        if contar_tokens_prompt(resultado, tokenizador) <= presupuesto:
            return resultado
        cabe -= 1  # al volver a tokenizar el texto cortado puede ocupar algún token más
    return sistema + [dict(ultimo, content="")]


# ---------------------------------------------------------------------------------------
# Generación
# ---------------------------------------------------------------------------------------
def ids_fin_de_turno(tokenizador) -> list[int]:
    """Los ids que cierran el turno del asistente: ``<|im_end|>`` (ChatML) si el tokenizador lo
    tiene y su ``eos_token_id``.

    Capítulo 7 (SFT).
    """
    ids = []
    fin = tokenizador.convert_tokens_to_ids("<|im_end|>")
    if fin is not None and fin != tokenizador.unk_token_id:
        ids.append(fin)
    if tokenizador.eos_token_id is not None and tokenizador.eos_token_id not in ids:
        ids.append(tokenizador.eos_token_id)
    if not ids:
        raise ValueError("El tokenizador no tiene <|im_end|> ni eos_token: el modelo no sabría "
                         "cuándo parar. Ponle la plantilla ChatML con "
                         "curso_llm.formatos.asegurar_plantilla.")
    return ids


def _argumentos_generacion(modelo, tokenizador, mensajes, max_tokens, temperatura, top_p,
                           semilla) -> dict:
    if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens < 1:
        raise ValueError(f"max_tokens debe ser un entero positivo; es {max_tokens!r}.")
    if not isinstance(temperatura, (int, float)) or temperatura < 0:
        raise ValueError(f"temperatura debe ser ≥ 0 (0 = voraz); es {temperatura!r}.")
    if not isinstance(top_p, (int, float)) or not 0 < top_p <= 1:
        raise ValueError(f"top_p debe estar en (0, 1]; es {top_p!r}.")
    ventana = getattr(modelo.config, "max_position_embeddings", None)
    if ventana:
        mensajes = recortar_a_contexto(mensajes, tokenizador, ventana, max_tokens)
    texto = tokenizador.apply_chat_template(mensajes, tokenize=False, add_generation_prompt=True)
    dispositivo = next(modelo.parameters()).device
    entrada = tokenizador(texto, return_tensors="pt", add_special_tokens=False).to(dispositivo)
    pad = tokenizador.pad_token_id
    fin = ids_fin_de_turno(tokenizador)
    argumentos = dict(**entrada, max_new_tokens=max_tokens, eos_token_id=fin,
                      pad_token_id=pad if pad is not None else fin[0])
    if temperatura == 0:
        argumentos.update(do_sample=False, temperature=None, top_p=None, top_k=None)
    else:
        argumentos.update(do_sample=True, temperature=float(temperatura), top_p=float(top_p),
                          top_k=None)
        if semilla is not None:
            torch.manual_seed(semilla)
    return argumentos


@torch.no_grad()
def responder(modelo, tokenizador, mensajes: list[dict], max_tokens: int = MAX_TOKENS,
              temperatura: float = TEMPERATURA, top_p: float = TOP_P, semilla: int | None = None) -> str:
    """La respuesta del asistente a ``mensajes`` (lista de ``{"role", "content"}`` que acaba en
    el usuario), sin tokens especiales ni espacios en los extremos.

    La conversación se recorta a la ventana del modelo (:func:`recortar_a_contexto`, dejando
    ``max_tokens`` para la respuesta) y la generación para en el fin de turno
    (:func:`ids_fin_de_turno`) o a los ``max_tokens``. ``temperatura=0`` es voraz (greedy);
    con ``temperatura > 0`` se muestrea con ``top_p`` y, si se da, ``semilla``.

    Capítulo 7 (SFT).
    """
    argumentos = _argumentos_generacion(modelo, tokenizador, mensajes, max_tokens, temperatura,
                                        top_p, semilla)
    largo = argumentos["input_ids"].shape[1]
    salida = modelo.generate(**argumentos)
    return tokenizador.decode(salida[0, largo:], skip_special_tokens=True).strip()


def responder_en_directo(modelo, tokenizador, mensajes: list[dict], max_tokens: int = MAX_TOKENS,
                         temperatura: float = TEMPERATURA, top_p: float = TOP_P,
                         semilla: int | None = None):
    """Como :func:`responder`, pero es un generador que va dando el texto **acumulado** a medida
    que el modelo escribe (para verlo en directo en la app). ``generate`` corre en un hilo y
    ``transformers.TextIteratorStreamer`` pasa el texto; el último valor es la respuesta
    completa (con greedy, igual a la de :func:`responder`). Un error en el hilo llega aquí.

    Capítulo 7 (SFT).
    """
    from transformers import TextIteratorStreamer

    argumentos = _argumentos_generacion(modelo, tokenizador, mensajes, max_tokens, temperatura,
                                        top_p, semilla)
    streamer = TextIteratorStreamer(tokenizador, skip_prompt=True, skip_special_tokens=True,
                                    timeout=300)
    errores = []

    def generar():
        try:
            with torch.no_grad():
                modelo.generate(**argumentos, streamer=streamer)
        except BaseException as error:  # se vuelve a lanzar en el hilo de quien llama
            errores.append(error)
            streamer.end()

    hilo = threading.Thread(target=generar, daemon=True)
    hilo.start()
    texto = ""
    for trozo in streamer:
        texto += trozo
        yield texto.strip()
    hilo.join()
    if errores:
        raise errores[0]
    yield texto.strip()


# ---------------------------------------------------------------------------------------
# El modelo del chatbot: el ajuste del capítulo 7, entrenado una vez y guardado en la caché
# ---------------------------------------------------------------------------------------
def conversaciones_chatbot(particion: str = "train", sistema: str = SISTEMA_POR_DEFECTO
                           ) -> list[dict]:
    """Las preguntas clínicas ficticias de ``particion`` como conversaciones en formato
    mensajes (``{"messages": [sistema, usuario, asistente]}``) para el ajuste del chatbot.

    Capítulo 7 (SFT).
    """
    return [{"messages": [{"role": "system", "content": sistema},
                          {"role": "user", "content": p["pregunta"]},
                          {"role": "assistant", "content": p["respuesta"]}]}
            for p in preguntas_clinicas(particion)]


def modelo_chatbot(carpeta=None, sistema: str = SISTEMA_POR_DEFECTO):
    """``(modelo, tokenizador)`` del chatbot, en la CPU y en modo evaluación.

    - Con ``carpeta``: un modelo guardado con ``save_pretrained`` (o un adaptador LoRA de
      :func:`curso_llm.entrenamiento.sft.entrenar_sft`, que se fusiona con su modelo base).
    - Sin ``carpeta``: el ajuste del capítulo 7, ``entrenar_sft`` con el preset ``cpu`` sobre
      :func:`conversaciones_chatbot`; se entrena la primera vez (≈ 30 s en CPU) y se guarda
      en la caché de ``curso_llm.artefactos`` con el nombre ``sft_chatbot``.

    Capítulo 7 (SFT).
    """
    from .. import artefactos
    from ..entrenamiento.sft import PRESETS, entrenar_sft

    if carpeta is not None:
        return _cargar_carpeta(Path(carpeta))
    preset = PRESETS["cpu"]

    def entrenar():
        resultado = entrenar_sft(conversaciones_chatbot("train", sistema), perfil="cpu",
                                 preset=preset)
        return resultado.modelo.merge_and_unload(), resultado.tokenizador

    config = {"preset": dataclasses.asdict(preset), "sistema": sistema,
              "datos": "preguntas_clinicas('train')"}
    return artefactos.obtener_modelo(NOMBRE_ARTEFACTO, config, entrenar,
                                     descripcion="el chatbot del capítulo 7 (SFT con LoRA)")


def _cargar_carpeta(carpeta: Path):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    if not carpeta.is_dir():
        raise FileNotFoundError(f"No existe la carpeta del modelo {carpeta}: pasa la carpeta que "
                                "guardaste con save_pretrained (o quita --modelo para usar el "
                                "ajuste del capítulo 7).")
    if (carpeta / "adapter_config.json").is_file():
        from peft import AutoPeftModelForCausalLM

        modelo = AutoPeftModelForCausalLM.from_pretrained(str(carpeta), dtype=torch.float32)
        modelo = modelo.merge_and_unload()
    elif (carpeta / "config.json").is_file():
        modelo = AutoModelForCausalLM.from_pretrained(str(carpeta), dtype=torch.float32)
    else:
        raise FileNotFoundError(f"{carpeta} no tiene config.json ni adapter_config.json: no es un "
                                "modelo guardado con save_pretrained.")
    return modelo.to("cpu").eval(), AutoTokenizer.from_pretrained(str(carpeta))
