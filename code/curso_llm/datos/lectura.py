"""Comprensión lectora a libro abierto sobre entidades inventadas.

Cada ejemplo es un documento breve (4 a 6 frases) sobre una persona, un pueblo o un objeto
que no existe, una pregunta sobre uno de sus atributos y la respuesta, que repite
literalmente la frase del documento que contiene el dato. Como las entidades son nuevas en cada ejemplo (y nunca
se repiten entre particiones), el modelo no puede responder de memoria: tiene que leer.
"""

from __future__ import annotations

import random

from ._comun import particion_de, semilla_de, validar_particion

_SILABAS = ["ta", "ri", "mel", "os", "na", "quen", "dar", "lo", "vi", "sa", "bre", "tu",
            "mon", "ga", "le", "zi", "per", "cu", "al", "ber", "ni", "ro", "fa", "dul", "ce",
            "mi", "or", "ven", "ju", "las", "te", "bo", "ran", "sel", "gui", "pa", "ol", "ca"]
_FINALES_LUGAR = ["ia", "ena", "ar", "oza", "illa", "ejo", "ona", "ete", "al", "ura"]
_OFICIOS = ["panadera", "pescador", "maestra", "carpintero", "médica", "enfermero",
            "agricultora", "cocinero", "pastora", "alfarero", "herrera", "pintor", "cartera",
            "jardinero", "bibliotecaria", "veterinario", "relojera", "zapatero", "escritora",
            "fotógrafo", "apicultora", "molinero", "tejedora", "músico", "arquitecta",
            "astrónomo", "farmacéutica", "marinero", "cantante", "ingeniera"]
_COLORES = ["rojo", "azul", "verde", "amarillo", "naranja", "morado", "gris", "blanco",
            "negro", "violeta", "turquesa", "marrón", "rosa", "dorado", "plateado"]
# (nombre, género): el artículo y el participio concuerdan («una cabra llamada Lomi»).
_ANIMALES = [("perro", "m"), ("gata", "f"), ("loro", "m"), ("caballo", "m"), ("conejo", "m"),
             ("burra", "f"), ("pato", "m"), ("hurón", "m"), ("canario", "m"), ("tortuga", "f"),
             ("cabra", "f"), ("erizo", "m"), ("lechuza", "f"), ("pez", "m"), ("oveja", "f"),
             ("ardilla", "f"), ("gato", "m"), ("perra", "f"), ("yegua", "f"), ("búho", "m")]
_INSTRUMENTOS = ["la guitarra", "el violín", "el piano", "la flauta", "el tambor",
                 "el acordeón", "la trompeta", "el arpa", "el clarinete", "la gaita"]
_PLATOS = ["sopa de ajo", "tortilla de patata", "guiso de lentejas", "pan de higo",
           "queso de cabra", "arroz con leche", "empanada de atún", "miel de romero",
           "pastel de calabaza", "caldo de pescado", "bizcocho de limón", "pimientos asados"]
_OBJETOS = [("reloj", "m"), ("lámpara", "f"), ("cuaderno", "m"), ("bicicleta", "f"),
            ("sombrero", "m"), ("maleta", "f"), ("baúl", "m"), ("caja", "f"),
            ("paraguas", "m"), ("llave", "f"), ("espejo", "m"), ("taza", "f"),
            ("telescopio", "m"), ("brújula", "f")]
_MATERIALES = ["madera", "hierro", "cobre", "cristal", "plata", "cuero", "barro", "bronce",
               "mimbre", "piedra", "papel", "lana", "oro", "latón"]
_SITIOS = ["el desván", "la cocina", "un cajón", "el sótano", "la biblioteca", "el jardín",
           "el armario", "la buhardilla", "el taller", "el granero"]


def _palabra(rng: random.Random, minimo: int = 2, maximo: int = 3) -> str:
    return "".join(rng.choice(_SILABAS) for _ in range(rng.randint(minimo, maximo))).capitalize()


def _lugar(rng: random.Random) -> str:
    return _palabra(rng, 2, 3) + rng.choice(_FINALES_LUGAR)


def _persona(rng: random.Random) -> tuple[str, str]:
    nombre = _palabra(rng)
    return nombre, f"{nombre} {_palabra(rng)}"


def _ejemplo_persona(rng: random.Random) -> tuple[str, str, list[str], list[tuple[str, str]]]:
    nombre, completo = _persona(rng)
    oficio = rng.choice(_OFICIOS)
    ciudad = _lugar(rng)
    edad = str(rng.randint(18, 95))
    color = rng.choice(_COLORES)
    animal, genero = rng.choice(_ANIMALES)
    mascota = _palabra(rng)
    instrumento = rng.choice(_INSTRUMENTOS)
    un, llamado = ("un", "llamado") if genero == "m" else ("una", "llamada")
    frases = {
        "oficio": f"{completo} trabaja de {oficio}.",
        "ciudad": f"{nombre} vive en {ciudad}.",
        "edad": f"{nombre} tiene {edad} años.",
        "color": f"El color favorito de {nombre} es el {color}.",
        "mascota": f"La mascota de {nombre} es {un} {animal} {llamado} {mascota}.",
        "instrumento": f"Los domingos, {nombre} toca {instrumento}.",
    }
    preguntas = [
        (f"¿Dónde vive {nombre}?", "ciudad", ciudad),
        (f"¿De qué trabaja {nombre}?", "oficio", oficio),
        (f"¿Cuántos años tiene {nombre}?", "edad", edad),
        (f"¿Cuál es el color favorito de {nombre}?", "color", color),
        (f"¿Cómo se llama la mascota de {nombre}?", "mascota", mascota),
        (f"¿Qué animal es la mascota de {nombre}?", "mascota", animal),
        (f"¿Qué instrumento toca {nombre}?", "instrumento", instrumento),
    ]
    return completo, "persona", frases, preguntas


def _ejemplo_lugar(rng: random.Random) -> tuple[str, str, list[str], list[tuple[str, str]]]:
    pueblo = _lugar(rng)
    region = _lugar(rng)
    rio = _palabra(rng)
    plato = rng.choice(_PLATOS)
    _, fundador = _persona(rng)
    anio = str(rng.randint(1100, 1950))
    habitantes = str(rng.randint(2, 90) * 100)
    frases = {
        "region": f"{pueblo} es un pueblo de la región de {region}.",
        "rio": f"{pueblo} está junto al río {rio}.",
        "fundacion": f"{fundador} fundó {pueblo} en el año {anio}.",
        "plato": f"El plato típico de {pueblo} es {plato}.",
        "habitantes": f"En {pueblo} viven {habitantes} personas.",
    }
    preguntas = [
        (f"¿En qué región está {pueblo}?", "region", region),
        (f"¿Junto a qué río está {pueblo}?", "rio", rio),
        (f"¿Quién fundó {pueblo}?", "fundacion", fundador),
        (f"¿En qué año se fundó {pueblo}?", "fundacion", anio),
        (f"¿Cuál es el plato típico de {pueblo}?", "plato", plato),
        (f"¿Cuántas personas viven en {pueblo}?", "habitantes", habitantes),
    ]
    return pueblo, "lugar", frases, preguntas


def _ejemplo_objeto(rng: random.Random) -> tuple[str, str, list[str], list[tuple[str, str]]]:
    objeto, genero = rng.choice(_OBJETOS)
    nombre, dueno = _persona(rng)
    material = rng.choice(_MATERIALES)
    color = rng.choice(_COLORES)
    sitio = rng.choice(_SITIOS)
    ciudad = _lugar(rng)
    art, un = ("el", "un") if genero == "m" else ("la", "una")
    frases = {
        "material": f"{dueno} tiene {un} {objeto} de {material}.",
        "color": f"{art.capitalize()} {objeto} de {nombre} es de color {color}.",
        "compra": f"{nombre} compró {art} {objeto} en {ciudad}.",
        "sitio": f"{nombre} guarda {art} {objeto} en {sitio}.",
    }
    preguntas = [
        (f"¿De qué material es {art} {objeto} de {nombre}?", "material", material),
        (f"¿De qué color es {art} {objeto} de {nombre}?", "color", color),
        (f"¿Dónde compró {nombre} {art} {objeto}?", "compra", ciudad),
        (f"¿Dónde guarda {nombre} {art} {objeto}?", "sitio", sitio),
    ]
    return dueno, "objeto", frases, preguntas


_GENERADORES = (_ejemplo_persona, _ejemplo_lugar, _ejemplo_objeto)


def lectura_comprensiva(n: int, particion: str = "train", semilla: int = 0) -> list[dict]:
    """Ejemplos de comprensión lectora sobre entidades inventadas.

    Cada frase del documento es autónoma (nombra a la entidad) y la respuesta **repite la
    frase del documento que contiene el dato** («¿Dónde vive Talo?» → «Talo vive en
    Paloranete.»): responder es localizar una frase y copiarla, un problema de inducción y
    copia que un modelo diminuto puede aprender. ``dato`` es el fragmento concreto por el que
    se pregunta. Cada entidad (persona, pueblo o dueño del objeto) pertenece a una sola
    partición, decidida por un hash de su nombre, y no se repite dentro de una misma llamada.

    Args:
        n: número de ejemplos.
        particion: ``"train"``, ``"validation"`` o ``"test"``.
        semilla: semilla del generador (determinista).

    Returns:
        Lista de ``{"documento", "pregunta", "respuesta", "dato", "tipo", "entidad",
        "otras_preguntas"}``; ``otras_preguntas`` son pares ``[pregunta, respuesta]`` sobre
        el mismo documento (útiles para ``formatear_lectura_multiple``).

    Capítulo 5 (Preentrenamiento).
    """
    validar_particion(particion)
    if not isinstance(n, int) or n < 0:
        raise ValueError(f"n debe ser un entero ≥ 0 (número de ejemplos); has pasado {n!r}.")
    rng = random.Random(f"lectura-{particion}-{semilla}")
    ejemplos: list[dict] = []
    vistas: set[str] = set()
    while len(ejemplos) < n:
        entidad, tipo, frases, preguntas = rng.choice(_GENERADORES)(rng)
        if entidad in vistas or particion_de("entidad:" + entidad) != particion:
            continue
        vistas.add(entidad)
        claves = list(frases)
        resto = claves[1:]
        rng.shuffle(resto)  # la primera frase presenta la entidad; el resto, en cualquier orden
        orden = claves[:1] + resto
        pregunta, clave, dato = rng.choice(preguntas)
        otras = [[p, frases[c]] for p, c, _ in preguntas if p != pregunta]
        random.Random(semilla_de("otras", entidad)).shuffle(otras)
        ejemplos.append({"documento": " ".join(frases[c] for c in orden), "pregunta": pregunta,
                         "respuesta": frases[clave], "dato": dato, "tipo": tipo,
                         "entidad": entidad, "otras_preguntas": otras})
    return ejemplos


def formatear_lectura(ejemplo: dict, con_respuesta: bool = True) -> str:
    """Texto exacto con el que el modelo base se preentrena y se evalúa.

    Con ``con_respuesta=False`` termina en ``"Respuesta:"`` para que el modelo complete::

        Documento: ...
        Pregunta: ...
        Respuesta: ...

    Capítulo 5 (Preentrenamiento).
    """
    texto = f"Documento: {ejemplo['documento']}\nPregunta: {ejemplo['pregunta']}\nRespuesta:"
    if con_respuesta:
        texto += f" {ejemplo['respuesta']}"
    return texto


def formatear_lectura_multiple(ejemplo: dict, n_preguntas: int = 3) -> str:
    """Un documento seguido de varias parejas «Pregunta/Respuesta» sobre él.

    La primera pareja es la de ``formatear_lectura``; las demás salen de
    ``ejemplo["otras_preguntas"]``. Da más señal de copia por cada documento leído.

    Capítulo 5 (Preentrenamiento).
    """
    texto = formatear_lectura(ejemplo)
    for pregunta, respuesta in ejemplo.get("otras_preguntas", [])[: n_preguntas - 1]:
        texto += f"\nPregunta: {pregunta}\nRespuesta: {respuesta}"
    return texto


def formatear_copia(ejemplo: dict) -> str:
    """Tarea auxiliar de copia: el documento y, debajo, «Copia:» y el documento otra vez.

    Copiar un texto que acaba de aparecer es lo que hacen las *cabezas de inducción*
    (capítulo 4); mezclar esta tarea en el preentrenamiento hace que aparezcan antes y
    acelera la comprensión lectora.

    Capítulo 5 (Preentrenamiento).
    """
    return f"Documento: {ejemplo['documento']}\nCopia: {ejemplo['documento']}"
