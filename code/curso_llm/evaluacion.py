"""Evaluación de modelos de lenguaje: perplejidad y exactitud a libro abierto."""

from __future__ import annotations

import math
import re

import torch

from .comprobaciones import comprobar_entero, comprobar_entero_positivo, comprobar_tensor
from .datos import empaquetar


@torch.no_grad()
def perplejidad(modelo, tokenizador, textos, long_secuencia: int = 128, tamano_lote: int = 16) -> float:
    """Perplejidad ``exp(pérdida media por token)`` de ``modelo`` sobre ``textos``.

    Los textos se empaquetan como en el preentrenamiento (unidos por el token de fin de
    texto y cortados en bloques de ``long_secuencia``); el sobrante final se descarta.

    Capítulo 9 (Evaluación).
    """
    bloques = empaquetar(textos, tokenizador, long_secuencia).bloques
    return math.exp(perdida_bloques(modelo, bloques, tamano_lote))


def perdida_bloques(modelo, bloques: torch.Tensor, tamano_lote: int = 16) -> float:
    """Pérdida media por token predicho (entropía cruzada del siguiente token, en nats) de
    ``modelo`` sobre ``bloques``, un tensor ``(n_bloques, long_secuencia)`` de ids como
    ``empaquetar(...).bloques``; su exponencial es la perplejidad.

    Cada bloque de longitud ``L`` aporta ``L - 1`` predicciones (el primer token no se
    predice). El modelo vuelve al modo (entrenamiento o evaluación) en que estaba.

    Capítulo 5 (Preentrenamiento).
    """
    comprobar_entero_positivo(tamano_lote, "tamano_lote")
    if not isinstance(bloques, torch.Tensor) or bloques.ndim != 2 or bloques.shape[1] < 2:
        raise ValueError(
            "'bloques' debe ser un tensor de ids de forma (n_bloques, long_secuencia) con "
            "long_secuencia ≥ 2, p. ej. empaquetar(textos, tokenizador, 128).bloques."
        )
    dispositivo = next(modelo.parameters()).device
    estaba_entrenando = modelo.training
    modelo.eval()
    suma, n = 0.0, 0
    try:
        with torch.no_grad():
            for i in range(0, len(bloques), tamano_lote):
                lote = bloques[i: i + tamano_lote].to(dispositivo)
                tokens = lote.numel() - lote.shape[0]  # todos menos el primero de cada bloque
                suma += modelo(input_ids=lote, labels=lote).loss.float().item() * tokens
                n += tokens
    finally:
        modelo.train(estaba_entrenando)
    return suma / n


def perplejidad_desde_logits(logits: torch.Tensor, etiquetas: torch.Tensor,
                             ignorar: int = -100) -> float:
    """Perplejidad de un modelo causal a partir de sus ``logits`` y las ``etiquetas``.

    ``logits`` tiene forma ``(lote, T, V)`` y ``etiquetas``, ``(lote, T)``, como
    ``modelo(input_ids).logits`` y ``labels`` en ``transformers``: la posición ``t`` predice
    el token ``t + 1``. Devuelve ``exp`` de la entropía cruzada media sobre todos los tokens
    predichos del lote cuya etiqueta no vale ``ignorar`` (media por token, no por secuencia);
    coincide con ``exp(modelo(input_ids, labels=etiquetas).loss)``. Es el ejercicio 5.2.

    Capítulo 5 (Preentrenamiento).
    """
    comprobar_tensor(logits, "logits", dims=3, real=True)
    comprobar_tensor(etiquetas, "etiquetas", dims=2)
    comprobar_entero(ignorar, "ignorar", minimo=None)
    if tuple(etiquetas.shape) != tuple(logits.shape[:2]):
        raise ValueError(
            f"'etiquetas' debe tener forma (lote, T) = {tuple(logits.shape[:2])}, la de los dos "
            f"primeros ejes de 'logits'; tiene {tuple(etiquetas.shape)}."
        )
    # La posición t predice el token t + 1: se descartan el último logit y la primera etiqueta.
    predicciones = logits[:, :-1].reshape(-1, logits.shape[-1]).double()
    objetivos = etiquetas[:, 1:].reshape(-1)
    validos = objetivos != ignorar
    if not validos.any():
        raise ValueError(
            "No queda ningún token que predecir: todas las etiquetas desde la segunda valen "
            f"ignorar={ignorar}. Pasa secuencias de al menos dos tokens sin ignorar."
        )
    perdida = torch.nn.functional.cross_entropy(predicciones[validos], objetivos[validos])
    return math.exp(perdida.item())


def normalizar_respuesta(texto: str) -> str:
    """Minúsculas, espacios colapsados y sin puntuación final (para comparar respuestas).

    Capítulo 9 (Evaluación).
    """
    texto = re.sub(r"\s+", " ", texto).strip().lower()
    return texto.rstrip(".,;:!?¡¿ ").strip()


@torch.no_grad()
def responder(modelo, tokenizador, prompt: str, max_tokens: int = 48) -> str:
    """Genera con búsqueda voraz (*greedy*) tras ``prompt`` y corta en el primer salto de
    línea o fin de texto (la generación se detiene ahí).

    Capítulo 9 (Evaluación).
    """
    dispositivo = next(modelo.parameters()).device
    entrada = tokenizador(prompt, return_tensors="pt", add_special_tokens=False).to(dispositivo)
    parada = [tokenizador.eos_token_id]
    salto = tokenizador("\n", add_special_tokens=False)["input_ids"]
    if len(salto) == 1:
        parada.append(salto[0])
    salida = modelo.generate(
        **entrada, max_new_tokens=max_tokens, do_sample=False,
        eos_token_id=parada, pad_token_id=tokenizador.pad_token_id,
    )
    texto = tokenizador.decode(salida[0, entrada["input_ids"].shape[1]:], skip_special_tokens=False)
    texto = texto.split(tokenizador.eos_token)[0]
    return texto.split("\n")[0].strip()


def exactitud_libro_abierto(modelo, tokenizador, ejemplos: list[dict], max_tokens: int = 48,
                            respuestas: list[str] | None = None) -> float:
    """Fracción de ejemplos de ``lectura_comprensiva`` respondidos exactamente.

    El prompt es ``formatear_lectura(ejemplo, con_respuesta=False)`` (termina en
    «Respuesta:»); se compara la generación voraz con la respuesta de referencia (la frase
    del documento que contiene el dato) tras normalizar espacios, mayúsculas y puntuación
    final. ``respuestas`` permite pasar generaciones ya hechas (una por ejemplo).

    Capítulo 9 (Evaluación).
    """
    from .datos import formatear_lectura

    if not ejemplos:
        raise ValueError("La lista de ejemplos está vacía: no hay nada que evaluar.")
    if respuestas is not None and len(respuestas) != len(ejemplos):
        raise ValueError(f"respuestas tiene {len(respuestas)} elementos y ejemplos "
                         f"{len(ejemplos)}: pasa una respuesta por ejemplo.")
    aciertos = 0
    for i, ejemplo in enumerate(ejemplos):
        prediccion = respuestas[i] if respuestas is not None else responder(
            modelo, tokenizador, formatear_lectura(ejemplo, con_respuesta=False),
            max_tokens=max_tokens)
        aciertos += normalizar_respuesta(prediccion) == normalizar_respuesta(ejemplo["respuesta"])
    return aciertos / len(ejemplos)
