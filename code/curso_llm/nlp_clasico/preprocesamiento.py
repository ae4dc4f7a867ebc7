"""Preprocesamiento de texto en español (capítulo 3).

Normalización Unicode (NFC/NFD), acentos (y cuándo no quitarlos: «papá» no es «papa»),
mayúsculas, tokenización por palabras con una expresión regular que respeta la ñ, la ü y
las vocales con tilde, palabras vacías (stopwords) y un vocabulario con ``<unk>`` que
comparten los modelos de lenguaje del capítulo.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

from ..comprobaciones import comprobar_entero_positivo, comprobar_texto

FORMAS_UNICODE = ("NFC", "NFD", "NFKC", "NFKD")

# Una palabra: una o más letras de cualquier alfabeto (``[^\W\d_]`` = \w sin dígitos ni «_»),
# así «niño», «pingüino» o «canción» no se parten. Los números van aparte.
PATRON_PALABRA = re.compile(r"[^\W\d_]+|\d+")
# Igual, más cada signo de puntuación como token propio («.», «,», «¿», «—»...).
PATRON_PALABRA_Y_PUNTUACION = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")

# Tokens especiales de los modelos de lenguaje.
DESCONOCIDO = "<unk>"
INICIO = "<s>"
FIN = "</s>"

# Palabras vacías (stopwords) del español: artículos, preposiciones, pronombres,
# conjunciones y formas muy frecuentes de «ser», «estar», «haber» y «tener».
PALABRAS_VACIAS = frozenset(
    """
    a al algo algunas algunos ante antes aquel aquella aquellas aquellos aquí así aun aunque
    bajo bien cada casi como con contra cual cuales cuando cuanto de del desde donde dos
    durante e el él ella ellas ello ellos en entre era eran es esa esas ese eso esos esta
    está estaba estaban estado estar este esto estos estoy fue fueron fui ha había habían
    han has hasta hay he la las le les lo los más me mi mientras mis mismo mucho muy
    nada ni no nos nosotros o os otra otras otro otros para pero poco por porque que qué
    quien quienes se sea ser si sí sido siempre sin sobre son su sus también tan tanto te
    tenía tenían tiene tienen todo todos tras tu tus un una unas uno unos usted ustedes y
    ya yo
    """.split()
)


def _validar_texto(texto: object, nombre: str = "texto") -> str:
    if isinstance(texto, (list, tuple)):
        raise TypeError(
            f"El argumento '{nombre}' debe ser una cadena (str), no {type(texto).__name__}: "
            "si tienes una lista de textos, aplica la función a cada uno."
        )
    return comprobar_texto(texto, nombre)


def normalizar_unicode(texto: str, forma: str = "NFC") -> str:
    """Normaliza ``texto`` a la forma Unicode ``forma`` (``"NFC"`` por defecto).

    En NFC «á» es un solo carácter (U+00E1); en NFD son dos: «a» + tilde combinante (U+0301).
    Dos textos que se ven iguales solo se comparan bien si están en la misma forma.

    Capítulo 3 (PLN clásico).
    """
    _validar_texto(texto)
    if forma not in FORMAS_UNICODE:
        raise ValueError(
            f"Forma Unicode desconocida: {forma!r}. Usa una de {', '.join(FORMAS_UNICODE)}."
        )
    return unicodedata.normalize(forma, texto)


def quitar_acentos(texto: str, conservar_enie: bool = True) -> str:
    """Quita tildes y diéresis («canción» → «cancion», «pingüino» → «pinguino»).

    Descompone en NFD, borra las marcas combinantes y recompone en NFC. Con
    ``conservar_enie=True`` (por defecto) la ñ se conserva: «año» y «ano» son palabras distintas.
    Ojo: quitar acentos también junta palabras distintas («papá» y «papa», «sé» y «se»).

    Capítulo 3 (PLN clásico).
    """
    _validar_texto(texto)
    descompuesto = unicodedata.normalize("NFD", texto)
    resultado: list[str] = []
    for caracter in descompuesto:
        if unicodedata.combining(caracter):
            previo = resultado[-1] if resultado else ""
            if conservar_enie and caracter == "\u0303" and previo in ("n", "N"):
                resultado.append(caracter)  # la virgulilla de la ñ se queda
            continue
        resultado.append(caracter)
    return unicodedata.normalize("NFC", "".join(resultado))


def normalizar(texto: str, minusculas: bool = True, sin_acentos: bool = False) -> str:
    """Normalización habitual: NFC, minúsculas (opcional) y sin acentos (opcional, conserva la ñ).

    Capítulo 3 (PLN clásico).
    """
    texto = normalizar_unicode(texto, "NFC")
    if minusculas:
        texto = texto.lower()
    if sin_acentos:
        texto = quitar_acentos(texto, conservar_enie=True)
    return texto


def normalizar_texto(texto: str) -> str:
    """NFC, minúsculas y sin tildes ni diéresis, pero con la ñ («Ñandú PINGÜINO» → «ñandu pinguino»).

    Capítulo 3 (PLN clásico).
    """
    return normalizar(texto, minusculas=True, sin_acentos=True)


def tokenizar(texto: str, minusculas: bool = True, puntuacion: bool = False) -> list[str]:
    """Parte ``texto`` en palabras con :data:`PATRON_PALABRA` tras normalizarlo a NFC.

    Con ``puntuacion=True`` cada signo de puntuación es un token más (útil para los modelos
    de lenguaje, que así aprenden dónde acaban las frases).

    >>> tokenizar("¿Viste al niño del pingüino?")
    ['viste', 'al', 'niño', 'del', 'pingüino']

    Capítulo 3 (PLN clásico).
    """
    texto = normalizar(texto, minusculas=minusculas)
    patron = PATRON_PALABRA_Y_PUNTUACION if puntuacion else PATRON_PALABRA
    return patron.findall(texto)


def quitar_palabras_vacias(
    tokens: Sequence[str], palabras_vacias: Iterable[str] = PALABRAS_VACIAS
) -> list[str]:
    """Devuelve ``tokens`` sin las palabras vacías (se comparan en minúsculas).

    Capítulo 3 (PLN clásico).
    """
    if isinstance(tokens, str):
        raise TypeError(
            "El argumento 'tokens' debe ser una lista de palabras, no una cadena: "
            "tokeniza primero con tokenizar(texto)."
        )
    vacias = palabras_vacias if isinstance(palabras_vacias, (set, frozenset)) else set(
        palabras_vacias)
    return [t for t in tokens if t.lower() not in vacias]


def frecuencias(documentos: Iterable[Sequence[str]]) -> Counter:
    """Cuenta cuántas veces aparece cada token en una colección de documentos tokenizados.

    Capítulo 3 (PLN clásico).
    """
    conteo: Counter = Counter()
    for tokens in documentos:
        conteo.update(tokens)
    return conteo


class Vocabulario:
    """Correspondencia token ↔ índice con un token ``<unk>`` para lo desconocido.

    Se construye con los documentos de entrenamiento: los tokens que aparecen menos de
    ``min_frecuencia`` veces no entran y se leen como ``<unk>``. Así, también en el
    entrenamiento hay ``<unk>`` y los modelos aprenden a predecirlo. Los especiales
    ``<unk>``, ``<s>`` (inicio) y ``</s>`` (fin) ocupan los índices 0, 1 y 2; después van
    los tokens ordenados por frecuencia (y alfabéticamente en caso de empate).

    Capítulo 3 (PLN clásico).
    """

    ESPECIALES = (DESCONOCIDO, INICIO, FIN)

    def __init__(self, documentos: Iterable[Sequence[str]], min_frecuencia: int = 1):
        comprobar_entero_positivo(min_frecuencia, "min_frecuencia")
        conteo = frecuencias(documentos)
        if not conteo:
            raise ValueError(
                "No hay ningún token para construir el vocabulario: pasa una lista no vacía "
                "de documentos tokenizados (listas de cadenas)."
            )
        for especial in self.ESPECIALES:
            conteo.pop(especial, None)
        elegidos = sorted((t for t, c in conteo.items() if c >= min_frecuencia),
                          key=lambda t: (-conteo[t], t))
        self.tokens: list[str] = list(self.ESPECIALES) + elegidos
        self.indices: dict[str, int] = {t: i for i, t in enumerate(self.tokens)}
        self.frecuencias = conteo

    def __len__(self) -> int:
        return len(self.tokens)

    def __contains__(self, token: str) -> bool:
        return token in self.indices

    @property
    def id_desconocido(self) -> int:
        return self.indices[DESCONOCIDO]

    @property
    def id_inicio(self) -> int:
        return self.indices[INICIO]

    @property
    def id_fin(self) -> int:
        return self.indices[FIN]

    def indice(self, token: str) -> int:
        """Índice de ``token`` (el de ``<unk>`` si no está en el vocabulario)."""
        return self.indices.get(token, self.id_desconocido)

    def codificar(self, tokens: Sequence[str], bordes: bool = False) -> list[int]:
        """Índices de ``tokens``; con ``bordes=True`` añade ``<s>`` al principio y ``</s>`` al final."""
        if isinstance(tokens, str):
            raise TypeError(
                "codificar espera una lista de tokens, no una cadena: tokeniza primero el texto."
            )
        ids = [self.indice(t) for t in tokens]
        return [self.id_inicio, *ids, self.id_fin] if bordes else ids

    def decodificar(self, ids: Iterable[int]) -> list[str]:
        """Tokens correspondientes a ``ids``."""
        return [self.tokens[int(i)] for i in ids]

    def tasa_desconocidos(self, documentos: Iterable[Sequence[str]]) -> float:
        """Fracción de tokens de ``documentos`` que se leen como ``<unk>``."""
        total = desconocidos = 0
        for tokens in documentos:
            total += len(tokens)
            desconocidos += sum(1 for t in tokens if t not in self.indices)
        return desconocidos / total if total else 0.0


_SIN_ESPACIO_ANTES = set(".,;:!?»)")
_SIN_ESPACIO_DESPUES = set("¿¡«(")


def unir_tokens(tokens: Sequence[str]) -> str:
    """Une tokens en un texto legible: sin espacio antes de «.», «,», «?»... ni tras «¿», «¡», «—».

    Capítulo 3 (PLN clásico).
    """
    texto = ""
    previo = ""
    for token in tokens:
        if texto and token not in _SIN_ESPACIO_ANTES and previo not in _SIN_ESPACIO_DESPUES \
                and previo != "—":
            texto += " "
        texto += token
        previo = token
    return texto


def secuencias_de_parrafos(parrafos: Sequence[str]) -> list[list[str]]:
    """Tokeniza cada párrafo en minúsculas y con puntuación: una secuencia por párrafo.

    Es la preparación común del modelo de bigramas y del LSTM del capítulo.

    Capítulo 3 (PLN clásico).
    """
    if isinstance(parrafos, str) or len(parrafos) == 0:
        raise ValueError("'parrafos' debe ser una lista no vacía de textos.")
    return [tokenizar(p, minusculas=True, puntuacion=True) for p in parrafos]
