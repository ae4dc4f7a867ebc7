"""Tokenización: BPE a nivel de bytes escrito desde cero (la lección) y un tokenizador
rápido entrenado con la biblioteca ``tokenizers`` (la herramienta).

El BPE (*byte pair encoding*) empieza con los 256 bytes posibles como vocabulario y repite:
cuenta los pares de tokens vecinos, fusiona el más frecuente en un token nuevo. Las fusiones
aprendidas, aplicadas en el mismo orden, codifican cualquier texto.
"""

from __future__ import annotations

import json
from pathlib import Path

TOKENS_ESPECIALES = ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<|pad|>"]

# Plantilla de chat ChatML: <|im_start|>rol\ncontenido<|im_end|>\n
PLANTILLA_CHATML = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)


class ErrorTokenizador(ValueError):
    """No se pudo cargar un tokenizador guardado.

    Capítulo 4 (Arquitectura).
    """


# ---------------------------------------------------------------------------------------
# BPE desde cero
# ---------------------------------------------------------------------------------------
def contar_pares(ids: list[int]) -> dict[tuple[int, int], int]:
    """Cuenta cuántas veces aparece cada par de tokens consecutivos.

    >>> contar_pares([1, 2, 3, 1, 2])
    {(1, 2): 2, (2, 3): 1, (3, 1): 1}

    Capítulo 4 (Arquitectura).
    """
    conteos: dict[tuple[int, int], int] = {}
    for par in zip(ids, ids[1:]):
        conteos[par] = conteos.get(par, 0) + 1
    return conteos


def fusionar(ids: list[int], par: tuple[int, int], nuevo_id: int) -> list[int]:
    """Sustituye cada aparición de ``par`` (de izquierda a derecha, sin solaparse) por
    ``nuevo_id``.

    >>> fusionar([1, 2, 3, 1, 2], (1, 2), 99)
    [99, 3, 99]

    Capítulo 4 (Arquitectura).
    """
    nuevos = []
    i = 0
    while i < len(ids):
        if i < len(ids) - 1 and ids[i] == par[0] and ids[i + 1] == par[1]:
            nuevos.append(nuevo_id)
            i += 2
        else:
            nuevos.append(ids[i])
            i += 1
    return nuevos


class BPE:
    """Tokenizador BPE a nivel de bytes, mínimo y legible.

    Los ids 0–255 son los bytes; cada fusión aprendida añade un id nuevo (256, 257, ...).

    >>> bpe = BPE()
    >>> bpe.entrenar("la casa, la cama, la cala", tamano_vocabulario=260)
    >>> bpe.decodificar(bpe.codificar("la casa"))
    'la casa'

    Capítulo 4 (Arquitectura).
    """

    def __init__(self) -> None:
        self.fusiones: dict[tuple[int, int], int] = {}
        self.vocab: dict[int, bytes] = {i: bytes([i]) for i in range(256)}

    def entrenar(self, texto: str, tamano_vocabulario: int, verbose: bool = False) -> None:
        """Aprende ``tamano_vocabulario - 256`` fusiones a partir de ``texto``."""
        if tamano_vocabulario < 256:
            raise ValueError(f"tamano_vocabulario debe ser al menos 256 (los bytes); recibí {tamano_vocabulario}.")
        ids = list(texto.encode("utf-8"))
        self.fusiones = {}
        self.vocab = {i: bytes([i]) for i in range(256)}
        for nuevo_id in range(256, tamano_vocabulario):
            conteos = contar_pares(ids)
            if not conteos:
                break  # el texto ya es un único token: no quedan pares que fusionar
            par = max(conteos, key=conteos.get)
            ids = fusionar(ids, par, nuevo_id)
            self.fusiones[par] = nuevo_id
            self.vocab[nuevo_id] = self.vocab[par[0]] + self.vocab[par[1]]
            if verbose:
                print(f"fusión {nuevo_id - 255}: {par} -> {nuevo_id} "
                      f"({self.vocab[nuevo_id]!r}, {conteos[par]} apariciones)")

    def codificar(self, texto: str) -> list[int]:
        """Convierte texto en ids aplicando las fusiones en el orden en que se aprendieron."""
        ids = list(texto.encode("utf-8"))
        while len(ids) >= 2:
            conteos = contar_pares(ids)
            # El par cuya fusión se aprendió antes (id más bajo).
            par = min(conteos, key=lambda p: self.fusiones.get(p, float("inf")))
            if par not in self.fusiones:
                break
            ids = fusionar(ids, par, self.fusiones[par])
        return ids

    def decodificar(self, ids: list[int]) -> str:
        """Convierte ids en texto (los bytes inválidos se muestran como «�»)."""
        return b"".join(self.vocab[i] for i in ids).decode("utf-8", errors="replace")


# ---------------------------------------------------------------------------------------
# Tokenizador rápido con la biblioteca tokenizers
# ---------------------------------------------------------------------------------------
def entrenar_tokenizador(textos, tamano_vocabulario: int = 4096):
    """Entrena un BPE a nivel de bytes con ``tokenizers`` y lo envuelve en un
    ``PreTrainedTokenizerFast`` de transformers con plantilla de chat ChatML.

    Args:
        textos: lista (o iterable) de cadenas.
        tamano_vocabulario: tamaño del vocabulario, tokens especiales incluidos.

    Capítulo 4 (Arquitectura).
    """
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    entrenador = trainers.BpeTrainer(
        vocab_size=tamano_vocabulario,
        special_tokens=TOKENS_ESPECIALES,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(textos, trainer=entrenador)
    return _envolver(tok)


def _envolver(tok):
    from transformers import PreTrainedTokenizerFast

    rapido = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token="<|endoftext|>",
        eos_token="<|endoftext|>",
        unk_token=None,
        pad_token="<|pad|>",
        additional_special_tokens=["<|im_start|>", "<|im_end|>"],
    )
    rapido.chat_template = PLANTILLA_CHATML
    return rapido


def guardar_tokenizador(tokenizador, directorio) -> Path:
    """Guarda el tokenizador (``tokenizer.json``, configuración y plantilla) en ``directorio``.

    Capítulo 4 (Arquitectura).
    """
    directorio = Path(directorio)
    directorio.mkdir(parents=True, exist_ok=True)
    tokenizador.save_pretrained(str(directorio))
    return directorio


def cargar_tokenizador(directorio):
    """Carga un tokenizador guardado con ``guardar_tokenizador``.

    Raises:
        ErrorTokenizador: si el directorio no existe, está vacío o el archivo está dañado.

    Capítulo 4 (Arquitectura).
    """
    from transformers import PreTrainedTokenizerFast

    directorio = Path(directorio)
    remedio = ("pasa la ruta de un directorio con un tokenizador guardado con "
               "guardar_tokenizador (el del modelo base se regenera con "
               "`python -m curso_llm.entrenamiento.modelo_base`)")
    archivo = directorio / "tokenizer.json"
    if not archivo.is_file():
        raise ErrorTokenizador(
            f"No encuentro un tokenizador en {directorio} (falta tokenizer.json): {remedio}."
        )
    try:
        json.loads(archivo.read_text(encoding="utf-8"))
        tok = PreTrainedTokenizerFast.from_pretrained(str(directorio))
    except Exception:
        raise ErrorTokenizador(
            f"El tokenizador de {directorio} está dañado y no se puede leer: {remedio}."
        ) from None
    if tok.chat_template is None:
        tok.chat_template = PLANTILLA_CHATML
    return tok
