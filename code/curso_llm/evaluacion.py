"""Evaluación de modelos de lenguaje: perplejidad, exactitud a libro abierto y métricas de
resumen (ROUGE y fidelidad)."""

from __future__ import annotations

import math
import re
import unicodedata

import torch

from .comprobaciones import (
    comprobar_entero,
    comprobar_entero_positivo,
    comprobar_tensor,
    comprobar_texto,
)
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


# ---------------------------------------------------------------------------------------------
# Métricas de resumen: ROUGE (con rouge-score y a mano) y comprobaciones de fidelidad.
# ---------------------------------------------------------------------------------------------

_PALABRA = re.compile(r"[^\W_]+")
_NUMERO = re.compile(r"\d+(?:[.,]\d+)*")
# Palabras vacías del español: no cuentan como contenido en comprobar_resumen.
PALABRAS_VACIAS_ES = frozenset("""
a al algo algunas algunos ante antes aquel aquella aquellas aquellos aquí así aun aunque bajo
bien cada casi como con contra cual cuales cuando de del desde donde dos durante e el él ella
ellas ellos en entre era eran es esa esas ese eso esos esta está están estas este esto estos
fue fueron ha han hasta hay la las le les lo los más me mi mis mucho muy nada ni no nos nosotros
o os otra otras otro otros para pero poco por porque que qué quien se sea según ser si sí sido
sin sobre su sus también tan te tiene tienen toda todas todo todos tras tu tus u un una unas
uno unos usted ustedes y ya yo
""".split())


def tokenizar_rouge(texto: str) -> list[str]:
    """Palabras de ``texto`` para ROUGE en español: minúsculas, forma Unicode NFC y secuencias
    de letras o dígitos (las tildes, la ü y la ñ se conservan; la puntuación separa).

    El tokenizador por defecto de rouge-score borra todo lo que no sea ``[a-z0-9]``: parte
    «corazón» en «coraz» y «n», y da a «canción» frente a «camión» un ROUGE-1 de 0.5 (las dos
    dejan un trozo «n»). Este no
    reduce las palabras a su raíz (el lematizador de rouge-score, Porter, es para el inglés).

    Capítulo 9 (Evaluación).
    """
    comprobar_texto(texto, "texto")
    return _PALABRA.findall(unicodedata.normalize("NFC", texto).lower())


class _TokenizadorRouge:
    """Adaptador para ``rouge_scorer.RougeScorer(tokenizer=...)``, que llama a ``tokenize``."""

    def tokenize(self, texto):
        return tokenizar_rouge(texto)


def _lista_de_textos(valor, nombre: str) -> list[str]:
    if isinstance(valor, str) or not isinstance(valor, (list, tuple)):
        raise TypeError(
            f"'{nombre}' debe ser una lista de textos (para un solo par, pasa [texto]); "
            f"recibiste {type(valor).__name__}."
        )
    for i, texto in enumerate(valor):
        if not isinstance(texto, str):
            raise TypeError(f"'{nombre}[{i}]' debe ser un texto (str), no {type(texto).__name__}.")
    return list(valor)


def rouge(predicciones, referencias) -> dict[str, float]:
    r"""F1 medios de ROUGE-1, ROUGE-2 y ROUGE-L de cada predicción frente a su referencia.

    Para cada par, con :math:`P` la fracción de n-gramas (o de la subsecuencia común más
    larga, en ROUGE-L) de la predicción que están en la referencia y :math:`R` la fracción de
    los de la referencia que están en la predicción, :math:`F_1 = 2PR / (P + R)`; se
    devuelve la media sobre los pares: ``{"rouge1": ..., "rouge2": ..., "rougeL": ...}``.

    Usa ``rouge_score.rouge_scorer.RougeScorer`` (la implementación de Google) con
    :func:`tokenizar_rouge`, que conserva las tildes y la ñ, y sin lematizador.

    Raises:
        TypeError: si no recibe dos listas de textos.
        ValueError: si las listas están vacías o tienen distinta longitud.

    Capítulo 9 (Evaluación).
    """
    predicciones = _lista_de_textos(predicciones, "predicciones")
    referencias = _lista_de_textos(referencias, "referencias")
    if not predicciones or len(predicciones) != len(referencias):
        raise ValueError(
            "'predicciones' y 'referencias' deben ser listas no vacías de la misma longitud "
            f"(una referencia por predicción); tienen {len(predicciones)} y {len(referencias)}."
        )
    try:
        from rouge_score import rouge_scorer
    except ImportError as error:
        raise ImportError(
            "Falta la biblioteca rouge-score: instálala con `pip install rouge-score==0.1.2` "
            "(o `pip install -r requirements.txt`)."
        ) from error
    tipos = ("rouge1", "rouge2", "rougeL")
    evaluador = rouge_scorer.RougeScorer(list(tipos), tokenizer=_TokenizadorRouge())
    sumas = dict.fromkeys(tipos, 0.0)
    for prediccion, referencia in zip(predicciones, referencias):
        puntuaciones = evaluador.score(referencia, prediccion)  # orden de rouge-score: (ref, pred)
        for tipo in tipos:
            sumas[tipo] += puntuaciones[tipo].fmeasure
    return {tipo: suma / len(predicciones) for tipo, suma in sumas.items()}


def rouge_l(prediccion: str, referencia: str) -> float:
    r"""ROUGE-L F1 de ``prediccion`` frente a ``referencia``, escrito a mano.

    Con :math:`L` la longitud de la subsecuencia común más larga (LCS) de las dos listas de
    palabras (:func:`tokenizar_rouge`), :math:`P = L / |\text{predicción}|`,
    :math:`R = L / |\text{referencia}|` y :math:`F_1 = 2PR / (P + R)`. La LCS se calcula con
    programación dinámica: :math:`M_{i,j} = M_{i-1,j-1} + 1` si las palabras ``i`` y ``j``
    coinciden y :math:`\max(M_{i-1,j}, M_{i,j-1})` si no. Si un texto no tiene palabras (o
    no comparten ninguna), vale 0. Coincide con ``rouge(...)["rougeL"]`` para un solo par.

    Capítulo 9 (Evaluación).
    """
    comprobar_texto(prediccion, "prediccion")
    comprobar_texto(referencia, "referencia")
    pred, ref = tokenizar_rouge(prediccion), tokenizar_rouge(referencia)
    if not pred or not ref:
        return 0.0
    fila = [0] * (len(ref) + 1)
    for palabra in pred:
        anterior = fila
        fila = [0] * (len(ref) + 1)
        for j, otra in enumerate(ref, start=1):
            fila[j] = anterior[j - 1] + 1 if palabra == otra else max(anterior[j], fila[j - 1])
    lcs = fila[-1]
    if lcs == 0:
        return 0.0
    precision, exhaustividad = lcs / len(pred), lcs / len(ref)
    return 2 * precision * exhaustividad / (precision + exhaustividad)


def comprobar_resumen(resumen: str, nota: str) -> dict:
    """Fidelidad y longitud de un ``resumen`` de ``nota`` sin necesitar un resumen de referencia.

    Devuelve un diccionario con:

    - ``fidelidad``: fracción de las palabras de contenido del resumen (las de
      :func:`tokenizar_rouge` con alguna letra que no están en ``PALABRAS_VACIAS_ES``) que
      aparecen en la nota; 1.0 si el resumen no tiene palabras de contenido.
    - ``palabras_ausentes``: esas palabras del resumen que no están en la nota (sin repetir,
      en orden de aparición).
    - ``numeros_alucinados``: los números del resumen (``150``, ``3,5``, ``2.5``) que no
      aparecen como número completo en la nota: «50» no cuenta como presente si la nota dice
      «150». La coma y el punto decimales se tratan igual; los números escritos con letras
      no se comprueban.
    - ``compresion``: palabras de la nota divididas por palabras del resumen (mayor que 1 si
      el resumen es más corto), y ``palabras_resumen`` y ``palabras_nota``.

    Es una comprobación superficial: una palabra presente en la nota puede estar usada con
    otro sentido, y una paráfrasis fiel baja la fidelidad.

    Raises:
        ValueError: si el resumen o la nota no tienen ninguna palabra.

    Capítulo 9 (Evaluación).
    """
    comprobar_texto(resumen, "resumen")
    comprobar_texto(nota, "nota")
    palabras_resumen, palabras_nota = tokenizar_rouge(resumen), tokenizar_rouge(nota)
    if not palabras_resumen:
        raise ValueError("El resumen no tiene ninguna palabra: genera un resumen no vacío.")
    if not palabras_nota:
        raise ValueError("La nota no tiene ninguna palabra: comprueba el texto de 'nota'.")
    en_nota = set(palabras_nota)
    contenido = [p for p in palabras_resumen
                 if p not in PALABRAS_VACIAS_ES and any(c.isalpha() for c in p)]
    ausentes = [p for p in contenido if p not in en_nota]

    def numeros(texto):
        return [n.replace(",", ".") for n in _NUMERO.findall(texto)]

    numeros_nota = set(numeros(nota))
    return {
        "fidelidad": 1.0 - len(ausentes) / len(contenido) if contenido else 1.0,
        "palabras_ausentes": list(dict.fromkeys(ausentes)),
        "numeros_alucinados": list(dict.fromkeys(n for n in numeros(resumen) if n not in numeros_nota)),
        "compresion": len(palabras_nota) / len(palabras_resumen),
        "palabras_resumen": len(palabras_resumen),
        "palabras_nota": len(palabras_nota),
    }
