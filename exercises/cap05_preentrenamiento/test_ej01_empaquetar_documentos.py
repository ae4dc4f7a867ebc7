"""Calificador del ejercicio 5.1: empaquetar documentos en bloques."""

import copy
import random

import torch

from curso_llm.datos.empaquetado import empaquetar_documentos as referencia


def _documentos(semilla: int, n: int, largo_max: int = 9) -> list[list[int]]:
    rng = random.Random(semilla)
    return [[rng.randrange(1, 50) for _ in range(rng.randrange(0, largo_max))]
            for _ in range(n)]


_ORDEN = ("los bloques no contienen la secuencia esperada en orden: el bloque i son los tokens "
          "de la posición i·long_secuencia a la (i+1)·long_secuencia de la secuencia larga, "
          "fila a fila.")


def _que_falla(documentos, id_fin, obtenido, por_defecto: str = _ORDEN) -> str:
    """Una pista según a qué secuencia equivocada se parece lo que devolvió la función."""
    plano = obtenido.flatten().tolist()
    correcta = [t for d in documentos for t in [*d, id_fin]]
    if plano and plano == correcta[: len(plano)]:
        return ("el contenido va bien pero faltan bloques: ¿pones id_fin también tras el último "
                "documento? Cuenta cuántos bloques COMPLETOS caben, ni uno de más ni uno de "
                "menos.")
    variantes = {
        "sin_fin": [t for d in documentos for t in d],
        "fin_delante": [t for d in documentos for t in [id_fin, *d]],
        "fin_solo_entre": [t for i, d in enumerate(documentos)
                           for t in ([id_fin] if i else []) + list(d)],
    }
    if plano and plano == variantes["sin_fin"][: len(plano)]:
        return "falta el token de fin: cada documento debe ir seguido de id_fin."
    if plano and plano == variantes["fin_delante"][: len(plano)]:
        return "pones id_fin DELANTE de cada documento; va detrás (marca dónde termina)."
    if plano and plano == variantes["fin_solo_entre"][: len(plano)]:
        return ("pones id_fin solo ENTRE documentos; va tras cada uno, también tras el último "
                "y tras los vacíos.")
    return por_defecto


def test_ejemplo_del_enunciado(funcion):
    obtenido = funcion([[1, 2], [3], []], 9, 3)
    assert isinstance(obtenido, torch.Tensor), (
        f"Pista: devuelve un tensor de PyTorch, no {type(obtenido).__name__}."
    )
    assert obtenido.dtype == torch.long, (
        f"Pista: los ids son índices enteros y deben ser torch.long (int64); tu tensor es "
        f"{obtenido.dtype}. Un embedding no acepta índices en coma flotante y la entropía "
        "cruzada de PyTorch exige etiquetas torch.long (no int32)."
    )
    assert tuple(obtenido.shape) == (2, 3), (
        "Pista: con [[1, 2], [3], []] hay 3 tokens más un id_fin por documento (también el "
        f"vacío): 6 tokens, 2 bloques de 3. Tu tensor tiene forma {tuple(obtenido.shape)}: "
        + _que_falla([[1, 2], [3], []], 9, obtenido, "¿olvidas algún token de fin o no partes "
                     "en filas de long_secuencia?")
    )
    assert obtenido.tolist() == [[1, 2, 9], [3, 9, 9]], (
        "Pista: se esperaba [[1, 2, 9], [3, 9, 9]]; " + _que_falla([[1, 2], [3], []], 9, obtenido)
    )


def test_descarta_el_sobrante(funcion):
    # 4 + 1 + 1 + 1 = 7 tokens: dos bloques de 3 y sobra un token.
    obtenido = funcion([[4, 5, 6, 7], [8]], 0, 3)
    assert tuple(obtenido.shape) == (2, 3), (
        f"Pista: 7 tokens dan 2 bloques completos de 3 y tu tensor tiene forma "
        f"{tuple(obtenido.shape)}: "
        + _que_falla([[4, 5, 6, 7], [8]], 0, obtenido, "el token que sobra se descarta, sin "
                     "rellenar un bloque incompleto.")
    )
    assert obtenido.tolist() == [[4, 5, 6], [7, 0, 8]], (
        "Pista: se esperaba [[4, 5, 6], [7, 0, 8]]; " + _que_falla([[4, 5, 6, 7], [8]], 0, obtenido)
    )


def test_bloques_justo_llenos(funcion):
    # 5 + 1 + 2 + 1 = 9 tokens = exactamente 3 bloques de 3.
    documentos = [[11, 12, 13, 14, 15], [16, 17]]
    esperado = referencia(copy.deepcopy(documentos), 2, 3)
    obtenido = funcion(copy.deepcopy(documentos), 2, 3)
    assert tuple(obtenido.shape) == (3, 3), (
        "Pista: 9 tokens llenan exactamente 3 bloques de 3 y tu tensor tiene forma "
        f"{tuple(obtenido.shape)}: "
        + _que_falla(documentos, 2, obtenido, "revisa la cuenta de bloques (cuántos bloques "
                     "COMPLETOS caben, ni uno de más ni uno de menos).")
    )
    assert torch.equal(obtenido, esperado), (
        "Pista: la forma es buena pero el contenido no; " + _que_falla(documentos, 2, obtenido)
    )


def test_no_llega_a_un_bloque(funcion):
    for documentos in ([[1, 2]], []):
        obtenido = funcion(documentos, 0, 5)
        assert isinstance(obtenido, torch.Tensor) and tuple(obtenido.shape) == (0, 5), (
            f"Pista: con {documentos} no hay tokens para un bloque de 5: devuelve un tensor de "
            f"forma (0, 5), sin relleno; diste {getattr(obtenido, 'shape', obtenido)}."
        )
        assert obtenido.dtype == torch.long, (
            f"Pista: con 0 bloques el tensor también debe ser torch.long; es {obtenido.dtype}. "
            "Con una lista vacía PyTorch no puede deducir que son enteros: indica el tipo."
        )


def test_coincide_con_la_referencia_y_no_modifica_la_entrada(funcion):
    for semilla, (n, long_secuencia) in enumerate([(5, 4), (12, 7), (30, 16), (3, 1)]):
        documentos = _documentos(semilla, n)
        copia = copy.deepcopy(documentos)
        obtenido = funcion(documentos, 0, long_secuencia)
        assert documentos == copia, (
            "Pista: tu función modificó las listas de entrada (p. ej. al añadir id_fin a cada "
            "documento con append): construye una secuencia nueva."
        )
        esperado = referencia(copia, 0, long_secuencia)
        assert tuple(obtenido.shape) == tuple(esperado.shape), (
            f"Pista: con {n} documentos y long_secuencia={long_secuencia} se esperaban "
            f"{tuple(esperado.shape)} y diste {tuple(obtenido.shape)}: "
            + _que_falla(copia, 0, obtenido, "cuenta un id_fin por documento y solo los "
                         "bloques completos.")
        )
        assert torch.equal(obtenido, esperado), "Pista: " + _que_falla(copia, 0, obtenido)
