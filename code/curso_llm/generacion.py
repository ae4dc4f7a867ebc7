"""Generación de texto escrita por nosotros: voraz, temperatura, top-k, top-p y búsqueda en haz.

Funciona con cualquier modelo causal de transformers (``LlamaForCausalLM``...) y con nuestro
:class:`curso_llm.arquitectura.MiniGPT`: en cada paso se pasa la secuencia completa por el
modelo, se toman los logits de la última posición y se elige el siguiente token. No usa caché
de claves y valores: es más lento que ``model.generate``, pero cada paso se ve entero.

Las pruebas (``tests/test_generacion.py``) comparan con ``model.generate`` y con los
``TopKLogitsWarper``/``TopPLogitsWarper`` de transformers.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from .comprobaciones import (
    comprobar_entero_positivo,
    comprobar_opcion,
    comprobar_positivo,
    comprobar_probabilidad,
    comprobar_tensor,
)

ESTRATEGIAS = ("greedy", "muestreo")
_EJEMPLO_TEMPERATURA = "0.7 o 1.0; para elegir siempre el token más probable usa estrategia='greedy'"

# ---------------------------------------------------------------------------
# Transformaciones de logits
# ---------------------------------------------------------------------------


def aplicar_temperatura(logits: torch.Tensor, temperatura: float) -> torch.Tensor:
    """Divide los logits entre la ``temperatura > 0``: menor que 1 concentra la distribución,
    mayor que 1 la aplana.

    Capítulo 4 (Arquitectura).
    """
    comprobar_tensor(logits, "logits", real=True)
    comprobar_positivo(temperatura, "temperatura", ejemplo=_EJEMPLO_TEMPERATURA)
    return logits / temperatura


def filtrar_top_k(logits: torch.Tensor, k: int) -> torch.Tensor:
    """Deja los ``k`` logits más altos de cada fila (y los empates con el k-ésimo) y pone
    ``-inf`` en el resto. Si ``k`` supera el vocabulario no se filtra nada.

    Capítulo 4 (Arquitectura).
    """
    comprobar_tensor(logits, "logits", real=True)
    comprobar_entero_positivo(k, "k")
    k = min(k, logits.shape[-1])
    umbral = torch.topk(logits, k, dim=-1).values[..., -1:]
    return logits.masked_fill(logits < umbral, float("-inf"))


def filtrar_top_p(logits: torch.Tensor, p: float) -> torch.Tensor:
    """Muestreo de núcleo (Holtzman et al., 2020): conserva el conjunto más pequeño de tokens,
    de más a menos probable, cuya probabilidad acumulada llega a ``p`` (incluido el token que
    cruza el umbral; siempre al menos uno) y pone ``-inf`` en el resto.

    Capítulo 4 (Arquitectura).
    """
    comprobar_tensor(logits, "logits", real=True)
    comprobar_probabilidad(p, "p", incluir_cero=False, incluir_uno=True)
    if p == 1:
        return logits.clone()  # el núcleo es todo el vocabulario (evita errores de redondeo)
    ordenados, indices = torch.sort(logits, dim=-1, descending=True)
    probs = torch.softmax(ordenados, dim=-1)
    acumulada_antes = probs.cumsum(dim=-1) - probs  # masa de los tokens más probables que este
    quitar_ordenados = acumulada_antes >= p  # el núcleo ya estaba completo sin este token
    quitar_ordenados[..., 0] = False
    quitar = quitar_ordenados.scatter(-1, indices, quitar_ordenados)
    return logits.masked_fill(quitar, float("-inf"))


# ---------------------------------------------------------------------------
# Modelo → logits del siguiente token
# ---------------------------------------------------------------------------


def _dispositivo(modelo) -> torch.device:
    return next(modelo.parameters()).device


@torch.no_grad()
def logits_siguiente(modelo, ids: torch.Tensor) -> torch.Tensor:
    """Logits ``(B, V)`` del siguiente token para ``ids`` ``(B, T)``, con un modelo de
    transformers (salida con ``.logits``) o con un :class:`MiniGPT` (salida tensor).

    Capítulo 4 (Arquitectura).
    """
    salida = modelo(ids)
    logits = salida.logits if hasattr(salida, "logits") else salida
    return logits[:, -1, :].float()


def _ids_prompt(modelo, tokenizador, prompt: str) -> torch.Tensor:
    if not isinstance(prompt, str) or not prompt:
        raise ValueError("prompt debe ser un texto no vacío.")
    ids = tokenizador(prompt, return_tensors="pt", add_special_tokens=False)["input_ids"]
    if ids.shape[1] == 0:
        raise ValueError(f"El tokenizador no produjo ningún token para el prompt {prompt!r}.")
    return ids.to(_dispositivo(modelo))


def _id_fin(tokenizador, id_fin):
    if id_fin is not None:
        return id_fin
    return getattr(tokenizador, "eos_token_id", None) if tokenizador is not None else None


# ---------------------------------------------------------------------------
# Decodificación token a token
# ---------------------------------------------------------------------------


@torch.no_grad()
def generar_ids(
    modelo,
    ids: torch.Tensor,
    max_tokens: int,
    estrategia: str = "greedy",
    temperatura: float = 1.0,
    top_k: int | None = None,
    top_p: float | None = None,
    semilla: int = 0,
    id_fin: int | None = None,
) -> list[int]:
    """Genera hasta ``max_tokens`` tokens a continuación de ``ids`` (``(1, T)``) y devuelve la
    lista de ids nuevos (incluye ``id_fin`` si se generó, y ahí se detiene).

    - ``estrategia="greedy"``: en cada paso el token de logit máximo.
    - ``estrategia="muestreo"``: temperatura, luego top-k y luego top-p (en ese orden, como
      transformers), y se muestrea de la softmax con un generador de semilla ``semilla``.

    Capítulo 4 (Arquitectura).
    """
    comprobar_entero_positivo(max_tokens, "max_tokens")
    comprobar_opcion(estrategia, "estrategia", ESTRATEGIAS)
    if estrategia == "muestreo":
        aplicar_temperatura(torch.zeros(1), temperatura)  # valida antes de empezar
        if top_k is not None:
            filtrar_top_k(torch.zeros(1), top_k)
        if top_p is not None:
            filtrar_top_p(torch.zeros(1), top_p)
    if ids.dim() == 1:
        ids = ids.unsqueeze(0)
    if ids.shape[0] != 1:
        raise ValueError("generar_ids genera una sola secuencia: ids debe tener forma (1, T).")
    generador = torch.Generator(device="cpu").manual_seed(semilla)
    nuevos: list[int] = []
    for _ in range(max_tokens):
        logits = logits_siguiente(modelo, ids)
        if estrategia == "greedy":
            siguiente = int(logits.argmax(dim=-1))
        else:
            logits = aplicar_temperatura(logits, temperatura)
            if top_k is not None:
                logits = filtrar_top_k(logits, top_k)
            if top_p is not None:
                logits = filtrar_top_p(logits, top_p)
            probs = torch.softmax(logits, dim=-1).cpu()
            siguiente = int(torch.multinomial(probs, 1, generator=generador))
        nuevos.append(siguiente)
        ids = torch.cat([ids, ids.new_tensor([[siguiente]])], dim=1)
        if id_fin is not None and siguiente == id_fin:
            break
    return nuevos


def generar(
    modelo,
    tokenizador,
    prompt: str,
    max_tokens: int = 30,
    estrategia: str = "greedy",
    temperatura: float = 1.0,
    top_k: int | None = None,
    top_p: float | None = None,
    semilla: int = 0,
) -> str:
    """Continúa ``prompt`` con hasta ``max_tokens`` tokens y devuelve solo el texto nuevo.

    Se detiene al generar el token de fin del tokenizador (que no se incluye en el texto).
    Consulta :func:`generar_ids` para el significado de cada estrategia.

    Capítulo 4 (Arquitectura).
    """
    ids = _ids_prompt(modelo, tokenizador, prompt)
    nuevos = generar_ids(modelo, ids, max_tokens, estrategia, temperatura, top_k, top_p,
                         semilla, id_fin=_id_fin(tokenizador, None))
    return tokenizador.decode(nuevos, skip_special_tokens=True)


# ---------------------------------------------------------------------------
# Búsqueda en haz
# ---------------------------------------------------------------------------


@dataclass
class Haz:
    """Una hipótesis de la búsqueda en haz: ids generados y su log-probabilidad acumulada.

    Capítulo 4 (Arquitectura).
    """

    ids: list[int]
    log_prob: float
    terminado: bool = False

    def puntuacion(self, penalizacion_longitud: float = 1.0) -> float:
        """Log-probabilidad dividida entre ``longitud ** penalizacion_longitud``."""
        return self.log_prob / max(len(self.ids), 1) ** penalizacion_longitud


@torch.no_grad()
def busqueda_en_haz_ids(
    modelo,
    ids: torch.Tensor,
    max_tokens: int,
    n_haces: int = 4,
    id_fin: int | None = None,
    penalizacion_longitud: float = 1.0,
) -> Haz:
    """Búsqueda en haz sobre ids ``(1, T)``: en cada paso amplía los ``n_haces`` mejores haces
    con todos los tokens y se queda con los ``n_haces`` de mayor log-probabilidad acumulada.

    Sigue las reglas de ``model.generate(num_beams=...)`` de transformers:

    - Se miran los ``2·n_haces`` mejores candidatos, para que queden ``n_haces`` vivos aunque
      algunos terminen en ``id_fin``.
    - Un candidato que termina (en ``id_fin`` o al llegar a ``max_tokens``) solo se guarda si
      está entre los ``n_haces`` primeros; su puntuación es la log-probabilidad dividida entre
      ``longitud ** penalizacion_longitud``. Se guardan los ``n_haces`` mejores terminados.
    - Se para antes de ``max_tokens`` cuando ya hay ``n_haces`` terminados y el mejor haz vivo,
      con su longitud actual, no supera al peor de ellos.

    Devuelve el mejor haz terminado. Sin ``id_fin`` todos los haces tienen la misma longitud y
    gana el de mayor log-probabilidad.

    Capítulo 4 (Arquitectura).
    """
    comprobar_entero_positivo(max_tokens, "max_tokens")
    comprobar_entero_positivo(n_haces, "n_haces")
    if ids.dim() == 1:
        ids = ids.unsqueeze(0)
    vivos = [Haz([], 0.0)]
    terminados: list[Haz] = []
    for paso in range(max_tokens):
        ultimo = paso == max_tokens - 1
        entrada = torch.cat([ids.repeat(len(vivos), 1),
                             ids.new_tensor([h.ids for h in vivos])], dim=1)
        log_probs = torch.log_softmax(logits_siguiente(modelo, entrada), dim=-1)  # (haces, V)
        acumuladas = torch.tensor([h.log_prob for h in vivos], device=log_probs.device)
        totales = log_probs + acumuladas[:, None]
        valores, planos = totales.flatten().topk(min(2 * n_haces, totales.numel()))
        nuevos_vivos: list[Haz] = []
        for rango, (valor, plano) in enumerate(zip(valores.tolist(), planos.tolist())):
            origen, token = divmod(plano, log_probs.shape[-1])
            haz = Haz(vivos[origen].ids + [token], valor)
            if ultimo or (id_fin is not None and token == id_fin):
                if rango < n_haces:  # solo los n_haces mejores candidatos pueden terminar
                    haz.terminado = True
                    terminados.append(haz)
            elif len(nuevos_vivos) < n_haces:
                nuevos_vivos.append(haz)
        terminados = sorted(terminados, key=lambda h: h.puntuacion(penalizacion_longitud),
                            reverse=True)[:n_haces]
        vivos = nuevos_vivos
        if ultimo or not vivos:
            break
        mejor_vivo = vivos[0].log_prob / len(vivos[0].ids) ** penalizacion_longitud
        if len(terminados) == n_haces and mejor_vivo <= terminados[-1].puntuacion(penalizacion_longitud):
            break  # ningún haz vivo puede ya mejorar a los terminados
    return terminados[0]


def busqueda_en_haz(
    modelo, tokenizador, prompt: str, max_tokens: int = 30, n_haces: int = 4
) -> str:
    """Continúa ``prompt`` con búsqueda en haz de ``n_haces`` haces y devuelve el texto nuevo.

    Capítulo 4 (Arquitectura).
    """
    ids = _ids_prompt(modelo, tokenizador, prompt)
    mejor = busqueda_en_haz_ids(modelo, ids, max_tokens, n_haces, id_fin=_id_fin(tokenizador, None))
    return tokenizador.decode(mejor.ids, skip_special_tokens=True)


# ---------------------------------------------------------------------------
# Medidas
# ---------------------------------------------------------------------------


@torch.no_grad()
def log_probabilidad(modelo, ids_prompt, ids_continuacion) -> float:
    """Suma de ``log p(token | anteriores)`` de ``ids_continuacion`` tras ``ids_prompt``
    según el modelo (a temperatura 1). Divídela entre su longitud para la media por token.

    Capítulo 4 (Arquitectura).
    """
    ids_prompt = torch.as_tensor(ids_prompt).reshape(1, -1)
    continuacion = torch.as_tensor(ids_continuacion).reshape(1, -1).to(ids_prompt.device)
    if continuacion.shape[1] == 0:
        raise ValueError("ids_continuacion está vacío: no hay tokens que puntuar.")
    todo = torch.cat([ids_prompt, continuacion], dim=1).to(_dispositivo(modelo))
    salida = modelo(todo)
    logits = (salida.logits if hasattr(salida, "logits") else salida).float()
    t = ids_prompt.shape[1]
    log_probs = torch.log_softmax(logits[0, t - 1 : -1], dim=-1)
    return float(log_probs.gather(-1, todo[0, t:, None]).sum())


def distintos_n(textos: list[str], n: int) -> float:
    """Diversidad distinct-n (Li et al., 2016): n-gramas de palabras distintos entre el total de
    n-gramas de todos los textos. 1.0 = ningún n-grama se repite; 0.0 si no hay n-gramas.

    Capítulo 4 (Arquitectura).
    """
    comprobar_entero_positivo(n, "n")
    if isinstance(textos, str):
        raise TypeError("textos debe ser una lista de textos, no un solo texto: usa [texto].")
    ngramas = []
    for texto in textos:
        palabras = texto.split()
        ngramas.extend(tuple(palabras[i : i + n]) for i in range(len(palabras) - n + 1))
    return len(set(ngramas)) / len(ngramas) if ngramas else 0.0


@torch.no_grad()
def generar_chat(modelo, tokenizador, conversaciones: list[list[dict]], max_tokens: int = 48,
                 tamano_lote: int = 32) -> list[dict]:
    """Responde a cada conversación (lista de mensajes) con búsqueda voraz, en lotes con
    relleno a la izquierda, parando en ``<|im_end|>`` (el fin del turno en ChatML).

    Devuelve, por conversación, ``{"texto", "paro", "tokens"}``: el texto nuevo (sin tokens
    especiales), si el modelo cerró su turno antes de ``max_tokens`` y cuántos tokens generó.

    Capítulo 6 (Datos para ajuste fino).
    """
    comprobar_entero_positivo(max_tokens, "max_tokens")
    fin_turno = tokenizador.convert_tokens_to_ids("<|im_end|>")
    if fin_turno is None or fin_turno == tokenizador.unk_token_id:
        raise ValueError("El tokenizador no tiene el token <|im_end|>: ponle la plantilla "
                         "ChatML con curso_llm.formatos.asegurar_plantilla.")
    dispositivo = _dispositivo(modelo)
    lado = tokenizador.padding_side
    tokenizador.padding_side = "left"
    resultados = []
    try:
        for inicio in range(0, len(conversaciones), tamano_lote):
            textos = [tokenizador.apply_chat_template(c, tokenize=False, add_generation_prompt=True)
                      for c in conversaciones[inicio:inicio + tamano_lote]]
            entrada = tokenizador(textos, return_tensors="pt", padding=True,
                                  add_special_tokens=False).to(dispositivo)
            salida = modelo.generate(**entrada, max_new_tokens=max_tokens, do_sample=False,
                                     eos_token_id=fin_turno, pad_token_id=tokenizador.pad_token_id)
            for fila in salida[:, entrada["input_ids"].shape[1]:].tolist():
                paro = fin_turno in fila
                nuevos = fila[: fila.index(fin_turno) + 1] if paro else fila
                resultados.append({
                    "texto": tokenizador.decode(nuevos, skip_special_tokens=True).strip(),
                    "paro": paro, "tokens": len(nuevos)})
    finally:
        tokenizador.padding_side = lado
    return resultados
