r"""Deduplicación de textos casi iguales: tejas, Jaccard, MinHash y LSH por bandas.

Es la lección de la página 6.2 (``book/06_datos/03_deduplicacion``), escrita desde cero y
comparada con ``datasketch``:

- :func:`tejas`: los fragmentos solapados (tejas o *shingles*) de un texto.
- :func:`similitud_jaccard`: la similitud exacta entre dos conjuntos de tejas.
- :func:`hash_teja`, :func:`permutaciones_minhash` y :func:`firma_minhash`: la firma
  MinHash, con **el mismo esquema** que ``datasketch.MinHash`` 2.0.0 (esquema por defecto
  ``"affine32"``), así que con la misma semilla las firmas son idénticas.
- :func:`estimar_jaccard`: la fracción de posiciones iguales de dos firmas.
- :func:`probabilidad_candidato`, :func:`elegir_bandas` y :func:`pares_candidatos`: LSH por
  bandas (la curva S y sus parámetros, con el criterio de ``datasketch.MinHashLSH``).
- :func:`deduplicar_casi`: quita los casi duplicados verificando cada candidato con la
  Jaccard exacta y devuelve un informe de lo quitado.
- :func:`corpus_con_casi_duplicados`: notas clínicas ficticias con casi duplicados
  plantados (la verdad conocida para medir precisión y exhaustividad).
- :func:`notas_de_pacientes`: varias visitas **distintas** (no casi duplicadas) de cada
  paciente ficticio, para medir la fuga entre particiones que la deduplicación no quita.

El esquema de ``datasketch`` 2.0.0 (``"affine32"``) para cada teja :math:`t` y cada
permutación :math:`i`:

.. math::

    h(t) = \mathrm{fmix32}(\mathrm{sha1}_{32}(t)),\qquad
    \pi_i(t) = (a_i \cdot h(t) + b_i) \bmod 2^{32},\qquad
    \text{firma}_i = \min_t \pi_i(t),

con :math:`a_i` impar (la permutación es biyectiva en :math:`[0, 2^{32})`). ``datasketch``
la calcula en ``uint32`` y deja que el desbordamiento haga el módulo :math:`2^{32}`; aquí la
calculamos en ``uint64`` (como :math:`a_i, h < 2^{32}`, el producto cabe) y aplicamos la
máscara de 32 bits: el resultado es el mismo. (El esquema anterior a la versión 2.0.0,
``"legacy"``, calculaba :math:`(a h + b) \bmod (2^{61}-1)` y plegaba el resultado a 32 bits;
según ``datasketch``, ese pliegue se comporta como una función aleatoria, crea colisiones e
infla la similitud estimada en conjuntos grandes. No lo reproducimos.)
"""

from __future__ import annotations

import hashlib
import random
import re
import struct
from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from .comprobaciones import (
    comprobar_entero_positivo,
    comprobar_opcion,
    comprobar_probabilidad,
    comprobar_texto,
)

__all__ = [
    "MAXIMO_HASH",
    "corpus_con_casi_duplicados",
    "deduplicar_casi",
    "elegir_bandas",
    "estimar_jaccard",
    "firma_minhash",
    "hash_teja",
    "pares_candidatos",
    "permutaciones_minhash",
    "probabilidad_candidato",
    "similitud_jaccard",
    "notas_de_pacientes",
    "tejas",
]

#: El mayor valor de un hash de 32 bits: la firma de un conjunto vacío lo tiene en todas
#: sus posiciones (como ``datasketch``).
MAXIMO_HASH = (1 << 32) - 1
_MASCARA = np.uint64(MAXIMO_HASH)


def _normalizar(texto: str) -> str:
    return " ".join(texto.lower().split())


def tejas(texto: str, k: int = 5, por: str = "palabras") -> set[str]:
    """Las tejas (*shingles*) de ``texto``: todos sus fragmentos solapados de ``k`` piezas.

    Antes de cortar, el texto se normaliza: minúsculas y cualquier racha de espacios, saltos
    de línea o tabuladores → un solo espacio (sin espacios al principio ni al final). La
    puntuación se conserva: «fiebre.» y «fiebre» son palabras distintas.

    Con ``por="palabras"`` cada teja son ``k`` palabras seguidas unidas por un espacio; con
    ``por="caracteres"``, ``k`` caracteres seguidos (espacios incluidos). Un texto más corto
    que ``k`` piezas da **una sola teja con todo el texto** (para que no desaparezca); un
    texto vacío (o solo espacios) da el conjunto vacío.

    Ejemplo: ``tejas("Dolor de cabeza leve", k=2)`` →
    ``{"dolor de", "de cabeza", "cabeza leve"}``.

    Capítulo 6 (Datos para ajuste fino).
    """
    comprobar_texto(texto, "texto")
    k = comprobar_entero_positivo(k, "k")
    comprobar_opcion(por, "por", ("palabras", "caracteres"))
    normalizado = _normalizar(texto)
    if not normalizado:
        return set()
    if por == "caracteres":
        if len(normalizado) < k:
            return {normalizado}
        return {normalizado[i:i + k] for i in range(len(normalizado) - k + 1)}
    palabras = normalizado.split(" ")
    if len(palabras) < k:
        return {normalizado}
    return {" ".join(palabras[i:i + k]) for i in range(len(palabras) - k + 1)}


def _como_conjunto(valor, nombre: str) -> set:
    if isinstance(valor, (set, frozenset)):
        return valor
    if isinstance(valor, (str, bytes)) or not isinstance(valor, Iterable):
        raise TypeError(
            f"El argumento '{nombre}' debe ser un conjunto (o una lista) de tejas, no "
            f"{type(valor).__name__}. Si tienes un texto, conviértelo antes con tejas(texto)."
        )
    return set(valor)


def similitud_jaccard(a, b) -> float:
    r"""La similitud de Jaccard de dos conjuntos: :math:`|A \cap B| / |A \cup B|`.

    ``a`` y ``b`` son conjuntos (o iterables, p. ej. listas, que se convierten en conjuntos:
    los repetidos cuentan una vez). No se modifican. Devuelve un ``float`` entre 0 y 1.
    Si **los dos están vacíos**, devuelve ``1.0``: son el mismo conjunto, y es también lo
    que estima MinHash (dos firmas de conjuntos vacíos son idénticas). Si solo uno está
    vacío, ``0.0``.

    Capítulo 6 (Datos para ajuste fino).
    """
    a = _como_conjunto(a, "a")
    b = _como_conjunto(b, "b")
    union = len(a | b)
    if union == 0:
        return 1.0
    return len(a & b) / union


def _fmix32(h: np.ndarray) -> np.ndarray:
    # Finalizador de MurmurHash3 (32 bits): una biyección que mezcla los bits.
    h = h.astype(np.uint64)
    h ^= h >> np.uint64(16)
    h = (h * np.uint64(0x85EBCA6B)) & _MASCARA
    h ^= h >> np.uint64(13)
    h = (h * np.uint64(0xC2B2AE35)) & _MASCARA
    h ^= h >> np.uint64(16)
    return h


def _sha1_32(teja: str) -> int:
    return struct.unpack("<I", hashlib.sha1(teja.encode("utf-8")).digest()[:4])[0]


def hash_teja(teja: str) -> int:
    """El hash de 32 bits de una teja, el mismo que usa ``datasketch.MinHash`` 2.0.0.

    Son los 4 primeros bytes del SHA-1 de la teja en UTF-8, leídos como entero sin signo
    *little-endian* (``struct.unpack("<I", ...)``), mezclados después con el finalizador de
    MurmurHash3 de 32 bits (una biyección de :math:`[0, 2^{32})`). Es estable: no cambia
    entre procesos, a diferencia de ``hash()`` de Python, que depende de
    ``PYTHONHASHSEED``. Devuelve un ``int`` de Python entre 0 y :math:`2^{32} - 1`.

    Capítulo 6 (Datos para ajuste fino).
    """
    comprobar_texto(teja, "teja")
    return int(_fmix32(np.array([_sha1_32(teja)], dtype=np.uint64))[0])


def _hashes(tejas_: Iterable[str]) -> np.ndarray:
    crudos = np.fromiter((_sha1_32(t) for t in tejas_), dtype=np.uint64)
    return _fmix32(crudos)


def permutaciones_minhash(n_permutaciones: int = 128,
                          semilla: int = 1) -> tuple[list[int], list[int]]:
    """Los parámetros ``(a, b)`` de las permutaciones :math:`(a_i h + b_i) \\bmod 2^{32}`.

    Se generan como ``datasketch.MinHash(num_perm=n_permutaciones, seed=semilla)``:
    ``gen = np.random.RandomState(semilla)``; ``a = 2·gen.randint(0, 2**31, n) + 1``
    (impares, para que cada permutación sea biyectiva) y después ``b = gen.randint(0, 2**32,
    n)``. Devuelve dos listas de ``int`` de Python de longitud ``n_permutaciones``.

    Capítulo 6 (Datos para ajuste fino).
    """
    n = comprobar_entero_positivo(n_permutaciones, "n_permutaciones")
    if not isinstance(semilla, (int, np.integer)) or isinstance(semilla, bool) or semilla < 0:
        raise ValueError(f"El argumento 'semilla' debe ser un entero ≥ 0; recibiste {semilla!r}.")
    gen = np.random.RandomState(int(semilla))
    a = gen.randint(0, 1 << 31, n, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, n, dtype=np.uint32)
    return [int(x) for x in a], [int(x) for x in b]


def firma_minhash(tejas: Iterable[str], n_permutaciones: int = 128,
                  semilla: int = 1) -> np.ndarray:
    r"""La firma MinHash de un conjunto de tejas (la referencia del ejercicio 6.5).

    Con ``a, b = permutaciones_minhash(n_permutaciones, semilla)`` y ``h = hash_teja(t)``,
    la posición ``i`` de la firma es

    .. math:: \text{firma}_i = \min_{t} \,(a_i \cdot h(t) + b_i) \bmod 2^{32}.

    Las tejas repetidas no cambian nada (el mínimo es el mismo). Un conjunto vacío da
    :data:`MAXIMO_HASH` en todas las posiciones. Devuelve un arreglo ``np.uint32`` de
    longitud ``n_permutaciones``, idéntico a ``datasketch.MinHash(num_perm, seed=semilla)``
    tras ``update`` con cada teja en UTF-8 (su ``hashvalues``).

    Capítulo 6 (Datos para ajuste fino).
    """
    conjunto = _como_conjunto(tejas, "tejas")
    for t in conjunto:
        if not isinstance(t, str):
            raise TypeError(f"Cada teja debe ser un texto (str); encontré {type(t).__name__}.")
    a, b = permutaciones_minhash(n_permutaciones, semilla)
    if not conjunto:
        return np.full(len(a), MAXIMO_HASH, dtype=np.uint32)
    h = _hashes(sorted(conjunto))[:, None]
    # a, h < 2^32: a·h + b < 2^64, no desborda en uint64; después, módulo 2^32.
    permutados = (h * np.array(a, dtype=np.uint64) + np.array(b, dtype=np.uint64)) & _MASCARA
    return permutados.min(axis=0).astype(np.uint32)


def estimar_jaccard(firma_a, firma_b) -> float:
    """La Jaccard estimada con MinHash: la fracción de posiciones en que dos firmas coinciden.

    Las dos firmas deben tener la misma longitud (y venir de las mismas permutaciones).

    Capítulo 6 (Datos para ajuste fino).
    """
    fa, fb = np.asarray(firma_a), np.asarray(firma_b)
    if fa.ndim != 1 or fa.shape != fb.shape or fa.size == 0:
        raise ValueError(
            "Las firmas deben ser dos vectores de la misma longitud (no vacíos); recibí formas "
            f"{fa.shape} y {fb.shape}. Calcúlalas con el mismo n_permutaciones."
        )
    return float(np.mean(fa == fb))


def probabilidad_candidato(s, bandas: int, filas: int):
    r"""La curva S de LSH: probabilidad de que dos textos con Jaccard ``s`` sean candidatos.

    Con ``bandas`` bandas de ``filas`` filas: :math:`1 - (1 - s^{r})^{b}`. Una banda coincide
    entera con probabilidad :math:`s^r`; el par es candidato si coincide al menos una.
    ``s`` puede ser un número o un arreglo.

    Capítulo 6 (Datos para ajuste fino).
    """
    bandas = comprobar_entero_positivo(bandas, "bandas")
    filas = comprobar_entero_positivo(filas, "filas")
    s_arr = np.asarray(s, dtype=float)
    if np.any((s_arr < 0) | (s_arr > 1)):
        raise ValueError("La similitud 's' debe estar entre 0 y 1.")
    p = 1.0 - (1.0 - s_arr ** filas) ** bandas
    return float(p) if p.ndim == 0 else p


def elegir_bandas(umbral: float, n_permutaciones: int = 128, peso_falsos_positivos: float = 0.5,
                  peso_falsos_negativos: float = 0.5) -> tuple[int, int]:
    r"""Las ``(bandas, filas)`` que minimizan el error ponderado de la curva S en ``umbral``.

    Es el criterio de ``datasketch.MinHashLSH`` (``_optimal_param``): para cada
    :math:`b \cdot r \le n`, el área bajo la curva por debajo del umbral (falsos positivos)
    y el área por encima de la curva desde el umbral (falsos negativos), ponderadas.

    Capítulo 6 (Datos para ajuste fino).
    """
    from scipy.integrate import quad

    comprobar_probabilidad(umbral, "umbral", incluir_cero=False, incluir_uno=True)
    n = comprobar_entero_positivo(n_permutaciones, "n_permutaciones")
    mejor, opt = float("inf"), (0, 0)
    for b in range(1, n + 1):
        for r in range(1, n // b + 1):
            fp = quad(lambda s, b=b, r=r: 1 - (1 - s ** r) ** b, 0.0, umbral)[0]
            fn = quad(lambda s, b=b, r=r: (1 - s ** r) ** b, umbral, 1.0)[0]
            error = fp * peso_falsos_positivos + fn * peso_falsos_negativos
            if error < mejor:
                mejor, opt = error, (b, r)
    return opt


def pares_candidatos(firmas, bandas: int, filas: int) -> set[tuple[int, int]]:
    """Los pares ``(i, j)`` con ``i < j`` que comparten al menos una banda entera.

    Corta cada firma en ``bandas`` trozos de ``filas`` posiciones (las primeras
    ``bandas·filas``; el resto se ignora, como en ``datasketch``). Para cada banda, un
    diccionario agrupa en cubetas los textos con el mismo trozo; cada par de una cubeta es
    candidato. ``firmas`` es una lista de firmas (o una matriz ``n × n_permutaciones``).

    Capítulo 6 (Datos para ajuste fino).
    """
    bandas = comprobar_entero_positivo(bandas, "bandas")
    filas = comprobar_entero_positivo(filas, "filas")
    matriz = np.asarray([np.asarray(f) for f in firmas]) if len(firmas) else np.zeros((0, 0))
    if len(firmas) and (matriz.ndim != 2 or matriz.shape[1] < bandas * filas):
        raise ValueError(
            f"Las firmas deben tener al menos bandas·filas = {bandas * filas} posiciones (y la "
            f"misma longitud); recibí forma {matriz.shape}. Baja bandas o filas, o usa más "
            "permutaciones."
        )
    pares: set[tuple[int, int]] = set()
    for banda in range(bandas):
        cubetas: dict[bytes, list[int]] = defaultdict(list)
        trozo = matriz[:, banda * filas:(banda + 1) * filas] if len(firmas) else []
        for i, fila in enumerate(trozo):
            cubetas[fila.tobytes()].append(i)
        for miembros in cubetas.values():
            for x in range(len(miembros)):
                for y in range(x + 1, len(miembros)):
                    pares.add((miembros[x], miembros[y]))
    return pares


def deduplicar_casi(textos: list[str], umbral: float = 0.8, n_permutaciones: int = 128,
                    k: int = 5, semilla: int = 1, por: str = "palabras",
                    bandas: int | None = None, filas: int | None = None):
    """Quita los casi duplicados de ``textos`` con MinHash + LSH y verificación exacta.

    1. Tejas de cada texto (:func:`tejas` con ``k`` y ``por``) y su firma MinHash.
    2. Pares candidatos por LSH (``bandas``, ``filas``; si no se dan,
       :func:`elegir_bandas` con ``umbral``).
    3. Cada candidato se **verifica** con la Jaccard exacta de sus tejas: solo es duplicado
       si ``similitud ≥ umbral`` (LSH propone, la Jaccard decide).
    4. Se recorren los textos en orden: **se conserva el primero** de cada grupo y se
       quitan los posteriores que se le parecen (y que no se habían quitado ya).

    Returns:
        ``(conservados, quitados)``: los textos conservados, en su orden, y el informe de lo
        quitado, una lista de ``{"indice", "duplicado_de", "similitud", "texto"}`` (índices en
        ``textos``), para que nada se pierda en silencio.

    Capítulo 6 (Datos para ajuste fino).
    """
    if isinstance(textos, (str, bytes)) or not hasattr(textos, "__iter__"):
        raise TypeError("El argumento 'textos' debe ser una lista de textos (str); recibí "
                        f"{type(textos).__name__}.")
    textos = list(textos)
    for i, t in enumerate(textos):
        if not isinstance(t, str):
            raise TypeError(f"El argumento 'textos' debe contener solo textos (str): el "
                            f"elemento {i} es {type(t).__name__}.")
    comprobar_probabilidad(umbral, "umbral", incluir_cero=False, incluir_uno=True)
    if (bandas is None) != (filas is None):
        raise ValueError("Da 'bandas' y 'filas' a la vez, o ninguno de los dos (se eligen "
                         "con elegir_bandas).")
    if bandas is None:
        bandas, filas = elegir_bandas(umbral, n_permutaciones)
    conjuntos = [tejas(t, k=k, por=por) for t in textos]
    firmas = [firma_minhash(c, n_permutaciones, semilla) for c in conjuntos]
    vecinos: dict[int, list[int]] = defaultdict(list)
    for i, j in pares_candidatos(firmas, bandas, filas):
        vecinos[i].append(j)
    quitado: dict[int, dict] = {}
    for i in range(len(textos)):
        if i in quitado:
            continue
        for j in sorted(vecinos[i]):
            if j in quitado:
                continue
            s = similitud_jaccard(conjuntos[i], conjuntos[j])
            if s >= umbral:
                quitado[j] = {"indice": j, "duplicado_de": i, "similitud": s,
                              "texto": textos[j]}
    conservados = [t for i, t in enumerate(textos) if i not in quitado]
    return conservados, [quitado[j] for j in sorted(quitado)]


# ---------------------------------------------------------------------------------------
# Datos con casi duplicados plantados (verdad conocida)
# ---------------------------------------------------------------------------------------
_SALUDOS = ["Buenos días. ", "Hola, doctora. ", "Buenas tardes. "]
_SUSTITUTOS = {"consulta": "acude", "solicita": "pide", "plan:": "indicación:",
               "exploración:": "examen:", "años,": "años de edad,"}
CAMBIOS = ("palabra", "reordenar", "saludo", "numero")


def _variante(texto: str, cambio: str, rng: random.Random) -> str:
    if cambio == "saludo":
        return rng.choice(_SALUDOS) + texto
    if cambio == "numero":
        return re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), texto, count=1)
    if cambio == "reordenar":
        frases = re.split(r"(?<=\.) ", texto)
        i = rng.randrange(1, len(frases) - 1)
        frases[i], frases[i + 1] = frases[i + 1], frases[i]
        return " ".join(frases)
    palabras = texto.split(" ")
    posibles = [i for i, p in enumerate(palabras) if p.lower() in _SUSTITUTOS]
    i = rng.choice(posibles)
    nuevo = _SUSTITUTOS[palabras[i].lower()]
    palabras[i] = nuevo.capitalize() if palabras[i][0].isupper() else nuevo
    return " ".join(palabras)


def corpus_con_casi_duplicados(n_originales: int = 300, fraccion_con_copias: float = 0.3,
                               max_copias: int = 3, semilla: int = 0) -> list[dict]:
    """Notas clínicas **ficticias** con casi duplicados plantados y la verdad conocida.

    Toma ``n_originales`` notas de :func:`curso_llm.datos.notas_clinicas` y, para una
    fracción ``fraccion_con_copias`` de ellas, añade de 1 a ``max_copias`` variantes: una
    palabra cambiada (``"palabra"``), dos frases intercambiadas (``"reordenar"``), un
    saludo delante (``"saludo"``) o la edad cambiada (``"numero"``). Las variantes se
    mezclan con los originales (orden aleatorio con ``semilla``).

    Returns:
        Lista de ``{"texto", "origen", "cambio", "enfermedad"}``: ``origen`` es el índice
        de la nota original (el mismo para la nota y sus variantes: es la verdad de qué es
        casi duplicado de qué, y hace de «paciente» ficticio); ``cambio`` es ``"original"``
        o el tipo de variante.

    Capítulo 6 (Datos para ajuste fino).
    """
    from .datos import notas_clinicas

    n = comprobar_entero_positivo(n_originales, "n_originales")
    comprobar_probabilidad(fraccion_con_copias, "fraccion_con_copias", incluir_uno=True)
    max_copias = comprobar_entero_positivo(max_copias, "max_copias")
    rng = random.Random(f"casi-duplicados-{semilla}")
    filas = []
    for origen, nota in enumerate(notas_clinicas(n, semilla=semilla)):
        filas.append({"texto": nota["texto"], "origen": origen, "cambio": "original",
                      "enfermedad": nota["enfermedad"]})
        if rng.random() < fraccion_con_copias:
            for _ in range(rng.randint(1, max_copias)):
                cambio = rng.choice(CAMBIOS)
                filas.append({"texto": _variante(nota["texto"], cambio, rng), "origen": origen,
                              "cambio": cambio, "enfermedad": nota["enfermedad"]})
    rng.shuffle(filas)
    return filas


_CABECERA = re.compile(r"^Nota clínica \(ficticia\)\. [^.]+\. ")


def notas_de_pacientes(n_pacientes: int = 300, max_visitas: int = 4,
                       semilla: int = 0) -> list[dict]:
    """Varias visitas **distintas** de cada paciente **ficticio**: se parecen sin ser copias.

    Cada paciente tiene una enfermedad y unos datos fijos (sexo, edad y antecedentes: la
    primera frase de la nota) y de 2 a ``max_visitas`` visitas. Cada visita es una nota
    nueva del generador de :func:`curso_llm.datos.notas_clinicas` para esa enfermedad
    (síntomas, duración, exploración, pruebas y plan sorteados de nuevo) a la que se le pone
    la cabecera del paciente. No es una variante de otra nota, así que la deduplicación no
    tiene por qué quitarla; aun así, comparte con sus hermanas la cabecera y la enfermedad, y
    como lo demás se sortea para la misma enfermedad, a menudo coincide con ellas en parte.
    Las filas se devuelven barajadas (determinista con ``semilla``).

    Returns:
        Lista de ``{"texto", "paciente", "visita", "enfermedad"}`` (``paciente`` es un
        entero de 0 a ``n_pacientes - 1``; ``visita``, el número de visita desde 0).

    Capítulo 6 (Datos para ajuste fino).
    """
    from .datos.clinico import _nota, mundo_clinico

    n = comprobar_entero_positivo(n_pacientes, "n_pacientes")
    max_visitas = comprobar_entero_positivo(max_visitas, "max_visitas")
    if max_visitas < 2:
        raise ValueError("El argumento 'max_visitas' debe ser al menos 2 (cada paciente "
                         f"tiene de 2 a max_visitas visitas); recibiste {max_visitas}.")
    todas = mundo_clinico()
    rng = random.Random(f"pacientes-{semilla}")
    filas = []
    for paciente in range(n):
        enfermedad = rng.choice(todas)
        cabecera = _CABECERA.match(_nota(enfermedad, rng, todas)).group()
        vistas: set[str] = set()
        for visita in range(rng.randint(2, max_visitas)):
            texto = _CABECERA.sub(cabecera, _nota(enfermedad, rng, todas))
            while texto in vistas:
                texto = _CABECERA.sub(cabecera, _nota(enfermedad, rng, todas))
            vistas.add(texto)
            filas.append({"texto": texto, "paciente": paciente, "visita": visita,
                          "enfermedad": enfermedad.nombre})
    rng.shuffle(filas)
    return filas
