"""Corpus narrativo sintético en español para preentrenar modelos diminutos.

Los párrafos salen de muchas plantillas con vocabulario variado (personas, oficios, lugares,
animales, clima, comida) y respetan la concordancia de género y número: «la panadera
cansada», «los perros viejos», «las compró». Así un modelo pequeño tiene una gramática que
aprender. Todo es ficticio y determinista: la misma semilla da el mismo corpus.
"""

from __future__ import annotations

import random

from ._comun import mayuscula_inicial, particion_de, unir_lista, validar_particion

# Tamaño aproximado (en caracteres) de cada partición.
TAMANOS = {"train": 1_150_000, "validation": 60_000, "test": 60_000}

MUJERES = [
    "Ana", "Lucía", "Marta", "Elena", "Carmen", "Rosa", "Inés", "Julia", "Teresa", "Sofía",
    "Laura", "Pilar", "Clara", "Irene", "Nuria", "Alba", "Celia", "Lola", "Marina", "Paula",
    "Raquel", "Sara", "Valeria", "Ximena", "Camila", "Daniela", "Gabriela", "Noelia", "Olga",
    "Beatriz", "Manuela", "Adela",
]
HOMBRES = [
    "Luis", "Pedro", "Juan", "Miguel", "Carlos", "Jorge", "Pablo", "Andrés", "Tomás", "Diego",
    "Mateo", "Hugo", "Álvaro", "Ramón", "Emilio", "Rafael", "Sergio", "Iván", "Óscar", "Bruno",
    "Felipe", "Gonzalo", "Martín", "Nicolás", "Samuel", "Víctor", "Joaquín", "Esteban",
    "Rodrigo", "Ignacio", "Julián", "Marcos",
]
# (masculino, femenino)
OFICIOS = [
    ("panadero", "panadera"), ("pescador", "pescadora"), ("maestro", "maestra"),
    ("carpintero", "carpintera"), ("médico", "médica"), ("enfermero", "enfermera"),
    ("agricultor", "agricultora"), ("cocinero", "cocinera"), ("pastor", "pastora"),
    ("alfarero", "alfarera"), ("herrero", "herrera"), ("pintor", "pintora"),
    ("cartero", "cartera"), ("jardinero", "jardinera"), ("bibliotecario", "bibliotecaria"),
    ("veterinario", "veterinaria"), ("conductor", "conductora"), ("tendero", "tendera"),
    ("molinero", "molinera"), ("apicultor", "apicultora"), ("escritor", "escritora"),
    ("fotógrafo", "fotógrafa"), ("relojero", "relojera"), ("zapatero", "zapatera"),
]
# (género, nombre)
LUGARES = [
    ("m", "mercado"), ("f", "plaza"), ("m", "puerto"), ("f", "biblioteca"), ("m", "bosque"),
    ("f", "playa"), ("m", "río"), ("f", "montaña"), ("m", "huerto"), ("f", "escuela"),
    ("m", "molino"), ("f", "panadería"), ("m", "taller"), ("f", "estación"), ("m", "parque"),
    ("m", "hospital"), ("f", "granja"), ("m", "puente"), ("f", "feria"), ("m", "lago"),
    ("f", "cueva"), ("m", "campo"), ("f", "cocina"), ("m", "jardín"), ("f", "colina"),
    ("m", "faro"), ("f", "huerta"), ("m", "establo"), ("f", "posada"), ("m", "camino"),
]
PUEBLOS = [
    "Villanueva", "Robledo", "Peñaflor", "Valdemora", "Almenara", "Fuentesol", "Castrillo",
    "Miraflores", "Torrealba", "Olmedilla", "Riofrío", "Montegrande", "Aguaclara", "Pinares",
    "Sotoverde", "Navalcruz", "Losares", "Campoalto", "Berrocal", "Encinar", "Vallehondo",
    "Puertollano del Sur", "Mirabel", "Solana",
]
# (singular, plural, género)
ANIMALES = [
    ("perro", "perros", "m"), ("gata", "gatas", "f"), ("caballo", "caballos", "m"),
    ("oveja", "ovejas", "f"), ("vaca", "vacas", "f"), ("gallo", "gallos", "m"),
    ("gallina", "gallinas", "f"), ("burro", "burros", "m"), ("cabra", "cabras", "f"),
    ("pato", "patos", "m"), ("paloma", "palomas", "f"), ("zorro", "zorros", "m"),
    ("ardilla", "ardillas", "f"), ("conejo", "conejos", "m"), ("tortuga", "tortugas", "f"),
    ("loro", "loros", "m"), ("lechuza", "lechuzas", "f"), ("ciervo", "ciervos", "m"),
    ("rana", "ranas", "f"), ("cerdo", "cerdos", "m"), ("yegua", "yeguas", "f"),
    ("gato", "gatos", "m"), ("perra", "perras", "f"), ("ganso", "gansos", "m"),
]
ADJ_ANIMAL = [
    "pequeño", "grande", "viejo", "joven", "blanco", "negro", "gris", "marrón", "tranquilo",
    "inquieto", "hambriento", "cansado", "alegre", "dormido", "asustado", "curioso", "flaco",
    "gordo", "veloz", "manchado",
]
# (sustantivo, género, número)
COMIDAS = [
    ("pan", "m", "s"), ("sopa", "f", "s"), ("manzanas", "f", "p"), ("queso", "m", "s"),
    ("tortilla", "f", "s"), ("naranjas", "f", "p"), ("castañas", "f", "p"), ("arroz", "m", "s"),
    ("lentejas", "f", "p"), ("pescado", "m", "s"), ("uvas", "f", "p"), ("galletas", "f", "p"),
    ("miel", "f", "s"), ("tomates", "m", "p"), ("empanada", "f", "s"), ("higos", "m", "p"),
    ("bizcocho", "m", "s"), ("peras", "f", "p"), ("almendras", "f", "p"), ("guiso", "m", "s"),
    ("ciruelas", "f", "p"), ("pimientos", "m", "p"), ("tarta", "f", "s"), ("melón", "m", "s"),
]
ADJ_COMIDA = ["caliente", "fresco", "dulce", "sabroso", "recién hecho", "maduro", "salado",
              "crujiente", "tierno", "casero"]
ADJ_ESTADO = ["cansado", "contento", "feliz", "satisfecho", "empapado", "tranquilo",
              "preocupado", "hambriento", "orgulloso", "sorprendido"]
ADJ_CARACTER = ["amable", "generoso", "tímido", "valiente", "trabajador", "paciente",
                "despistado", "alegre", "callado", "curioso", "honrado", "testarudo"]
CLIMA = [
    "Aquella mañana llovía sin parar.", "Hacía un sol radiante.",
    "Soplaba un viento frío del norte.", "La niebla cubría todo el valle.",
    "Nevaba desde la noche anterior.", "El cielo estaba completamente despejado.",
    "Amenazaba tormenta y los truenos sonaban a lo lejos.", "El calor apretaba desde temprano.",
    "Una llovizna fina mojaba los tejados.", "Las nubes grises tapaban el sol.",
    "El aire olía a tierra mojada.", "Hacía tanto frío que el agua de las fuentes se heló.",
]
TIEMPOS = [
    "Un lunes de otoño", "Una tarde de verano", "Al amanecer", "El sábado por la mañana",
    "Una noche de invierno", "Aquella primavera", "El domingo temprano", "Al caer la tarde",
    "Un martes cualquiera", "A mediodía", "Durante las fiestas del pueblo", "Una mañana de abril",
]
TEMAS = ["los barcos antiguos", "las estrellas", "los volcanes", "la historia del pueblo",
         "las plantas medicinales", "los pájaros del bosque", "la cocina de otros países",
         "los viajes por el mar", "las abejas", "los relojes de arena", "los ríos del norte"]
DESTINATARIOS = ["toda la familia", "sus vecinos", "los niños de la escuela", "sus amigos",
                 "los viajeros de la posada", "su abuela", "los trabajadores del campo"]
NUMEROS = ["dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "diez", "doce", "veinte"]

# Verbos: infinitivo -> (3.ª singular, 3.ª plural)
VERBOS = {
    "vivir": ("vivía", "vivían"), "ser": ("era", "eran"), "trabajar": ("trabajaba", "trabajaban"),
    "ir": ("fue", "fueron"), "ver": ("vio", "vieron"), "encontrar": ("encontró", "encontraron"),
    "dar": ("dio", "dieron"), "volver": ("volvió", "volvieron"), "tener": ("tenía", "tenían"),
    "preparar": ("preparó", "prepararon"), "leer": ("leyó", "leyeron"),
    "correr": ("corrió", "corrieron"), "llevar": ("llevó", "llevaron"),
    "vender": ("vendió", "vendieron"), "ayudar": ("ayudaba", "ayudaban"),
    "esperar": ("esperaba", "esperaban"), "comprar": ("compró", "compraron"),
    "cocinar": ("cocinó", "cocinaron"), "decidir": ("decidió", "decidieron"),
    "sonreír": ("sonrió", "sonrieron"), "cantar": ("cantaba", "cantaban"),
    "pasear": ("paseó", "pasearon"), "regalar": ("regaló", "regalaron"),
    "buscar": ("buscó", "buscaron"), "cuidar": ("cuidaba", "cuidaban"),
    "estar": ("estaba", "estaban"), "comer": ("comió", "comieron"),
    "descansar": ("descansó", "descansaron"), "hacer": ("hizo", "hicieron"),
}
PLURALES_IRREGULARES = {"marrón": "marrones", "joven": "jóvenes", "feliz": "felices",
                        "gris": "grises", "veloz": "veloces", "trabajador": "trabajadores",
                        "melón": "melones"}


def plural(palabra: str) -> str:
    """Plural regular de una palabra (con algunas excepciones frecuentes).

    Capítulo 3 (PLN clásico).
    """
    if palabra in PLURALES_IRREGULARES:
        return PLURALES_IRREGULARES[palabra]
    if palabra[-1] in "aeiouáéó":
        return palabra + "s"
    if palabra.endswith("z"):
        return palabra[:-1] + "ces"
    return palabra + "es"


def concordar(adjetivo: str, genero: str, numero: str) -> str:
    """Concuerda un adjetivo (dado en masculino singular) en género y número.

    Capítulo 3 (PLN clásico).
    """
    partes = adjetivo.split(" ")
    ultimo = partes[-1]
    if genero == "f":
        if ultimo.endswith("o"):
            ultimo = ultimo[:-1] + "a"
        elif ultimo == "trabajador":
            ultimo = "trabajadora"
    if numero == "p":
        ultimo = plural(ultimo)
    return " ".join(partes[:-1] + [ultimo])


def articulo(genero: str, numero: str = "s", definido: bool = True) -> str:
    """Artículo concordado: el/la/los/las o un/una/unos/unas.

    Capítulo 3 (PLN clásico).
    """
    if definido:
        return {"ms": "el", "fs": "la", "mp": "los", "fp": "las"}[genero + numero]
    return {"ms": "un", "fs": "una", "mp": "unos", "fp": "unas"}[genero + numero]


def con_preposicion(prep: str, genero: str, nombre: str) -> str:
    """«a» + «el» = «al», «de» + «el» = «del»; en femenino no hay contracción.

    Capítulo 3 (PLN clásico).
    """
    if genero == "m" and prep in ("a", "de"):
        return f"{prep}l {nombre}"
    return f"{prep} {articulo(genero)} {nombre}"


def pronombre_objeto(genero: str, numero: str) -> str:
    """lo/la/los/las.

    Capítulo 3 (PLN clásico).
    """
    return {"ms": "lo", "fs": "la", "mp": "los", "fp": "las"}[genero + numero]


class _Sujeto:
    """Protagonista de un párrafo: una persona o una pareja, con su género y número."""

    def __init__(self, rng: random.Random):
        self.numero = "p" if rng.random() < 0.25 else "s"
        if self.numero == "s":
            self.genero = rng.choice("mf")
            self.nombres = [rng.choice(MUJERES if self.genero == "f" else HOMBRES)]
        else:
            g1, g2 = rng.choice("mf"), rng.choice("mf")
            n1 = rng.choice(MUJERES if g1 == "f" else HOMBRES)
            n2 = rng.choice([n for n in (MUJERES if g2 == "f" else HOMBRES) if n != n1])
            self.genero = "f" if g1 == g2 == "f" else "m"
            self.nombres = [n1, n2]
        self.oficio = rng.choice(OFICIOS)
        self.pueblo = rng.choice(PUEBLOS)
        self.lugar = rng.choice(LUGARES)

    @property
    def texto(self) -> str:
        return unir_lista(self.nombres)

    @property
    def pronombre(self) -> str:
        return {"ms": "él", "fs": "ella", "mp": "ellos", "fp": "ellas"}[self.genero + self.numero]

    def verbo(self, infinitivo: str) -> str:
        sg, pl = VERBOS[infinitivo]
        return pl if self.numero == "p" else sg

    def oficio_concordado(self) -> str:
        palabra = self.oficio[1] if self.genero == "f" else self.oficio[0]
        return plural(palabra) if self.numero == "p" else palabra

    def adj(self, adjetivo: str) -> str:
        return concordar(adjetivo, self.genero, self.numero)


def _animal(rng: random.Random, numero: str = "s", definido: bool = False) -> str:
    sing, plur, gen = rng.choice(ANIMALES)
    nombre = plur if numero == "p" else sing
    return f"{articulo(gen, numero, definido)} {nombre} {concordar(rng.choice(ADJ_ANIMAL), gen, numero)}"


def _comida(rng: random.Random) -> tuple[str, str, str]:
    return rng.choice(COMIDAS)


def _frases(s: _Sujeto, otro: str, rng: random.Random) -> list[str]:
    """Todas las frases intermedias posibles para el sujeto ``s``."""
    lugar_g, lugar = s.lugar
    lg2, lugar2 = rng.choice(LUGARES)
    com, cg, cn = _comida(rng)
    adj_com = concordar(rng.choice(ADJ_COMIDA), cg, cn)
    sing, plur, ag = rng.choice(ANIMALES)
    adj_an = concordar(rng.choice(ADJ_ANIMAL), ag, "s")
    n_animales = rng.choice(NUMEROS)
    adj_an_pl = concordar(rng.choice(ADJ_ANIMAL), ag, "p")
    suj = s.texto
    frases = [
        f"{mayuscula_inicial(s.pronombre)} "
        f"{s.verbo('ser')} {s.oficio_concordado()} y {s.verbo('trabajar')} "
        f"{con_preposicion('en', lugar_g, lugar)} desde hacía {rng.choice(NUMEROS)} años.",
        f"{rng.choice(TIEMPOS)}, {suj} {s.verbo('ir')} {con_preposicion('a', lg2, lugar2)} "
        f"a comprar {articulo(cg, cn)} {com} más {adj_com} de la comarca.",
        f"Allí {s.verbo('encontrar')} {articulo(ag, 's', False)} {sing} {adj_an} que "
        f"dormía junto a la puerta.",
        f"{mayuscula_inicial(s.pronombre)} le {s.verbo('dar')} un poco de {com} "
        f"{con_preposicion('a', ag, sing)}, que movió la cabeza con alegría.",
        rng.choice(CLIMA),
        f"Por la tarde, {suj} {s.verbo('volver')} a casa {s.adj(rng.choice(ADJ_ESTADO))}.",
        f"{otro} {VERBOS['esperar'][0]} {con_preposicion('en', lg2, lugar2)} con "
        f"{articulo(cg, cn, False)} {com} {adj_com}.",
        f"—¿Has visto {articulo(ag, 's')} {sing}? "
        f"—preguntó {otro}. —Sí, estaba {con_preposicion('en', lg2, lugar2)} —respondió "
        f"{s.nombres[0]}.",
        f"{suj} {s.verbo('tener')} {n_animales} {plur} {adj_an_pl} y "
        f"{_animal(rng)}.",
        f"Al día siguiente, {suj} {s.verbo('preparar')} {articulo(cg, cn)} {com} para "
        f"{rng.choice(DESTINATARIOS)}.",
        f"{mayuscula_inicial(s.pronombre)} {s.verbo('leer')} un libro sobre "
        f"{rng.choice(TEMAS)} {con_preposicion('en', lg2, lugar2)}.",
        f"Cuando empezó a llover, {suj} {s.verbo('correr')} hacia "
        f"{articulo(lg2)} {lugar2} para refugiarse.",
        f"{suj} {s.verbo('llevar')} {articulo(cg, cn)} {com} "
        f"{con_preposicion('a', 'm', 'mercado')} y {pronombre_objeto(cg, cn)} "
        f"{s.verbo('vender')} a buen precio.",
        f"{suj} {s.verbo('ser')} muy {s.adj(rng.choice(ADJ_CARACTER))}: "
        f"siempre {s.verbo('ayudar')} a sus vecinos.",
        f"En {s.pueblo} todos conocían {con_preposicion('a', ag, sing)} {adj_an} de "
        f"{s.nombres[0]}.",
        f"{otro} le regaló {articulo(cg, cn, False)} {com} {adj_com} a {s.nombres[0]}, "
        f"y {s.nombres[0]} {pronombre_objeto(cg, cn)} guardó para la cena.",
        f"Mientras {s.verbo('cuidar')} {articulo(ag, 'p')} "
        f"{plur}, {suj} {s.verbo('cantar')} canciones antiguas.",
        f"{suj} {s.verbo('decidir')} pasear hasta {articulo(lg2)} {lugar2} con "
        f"{rng.choice(['su hermana', 'su hermano', 'sus hijos', 'un amigo', 'una vecina'])}.",
        f"Los {plural(rng.choice(OFICIOS)[0])} {con_preposicion('de', 'm', 'pueblo')} "
        f"decían que {articulo(ag, 'p')} {plur} {adj_an_pl} traían buena suerte.",
        f"Aquel día {suj} {s.verbo('comer')} {com} {adj_com} y "
        f"{s.verbo('descansar')} a la sombra de un árbol.",
    ]
    return frases


FINALES = [
    "Fue un día tranquilo para todos.", "Nunca olvidaron aquel día.",
    "Y así terminó la semana en el pueblo.", "Al anochecer, las luces de las casas se encendieron.",
    "Desde entonces, cada año repiten el mismo paseo.", "Esa noche durmieron profundamente.",
    "Los vecinos todavía cuentan esta historia.", "Al final, todo salió bien.",
]


def parrafo(rng: random.Random) -> str:
    """Genera un párrafo narrativo de 4 a 7 frases con un protagonista coherente.

    Capítulo 3 (PLN clásico).
    """
    s = _Sujeto(rng)
    otro_genero = rng.choice("mf")
    otro = rng.choice([n for n in (MUJERES if otro_genero == "f" else HOMBRES)
                       if n not in s.nombres])
    lg, lugar = s.lugar
    intro = (f"{s.texto} {s.verbo('vivir')} en {s.pueblo}, cerca "
             f"{con_preposicion('de', lg, lugar)}.")
    intermedias = _frases(s, otro, rng)
    elegidas = rng.sample(intermedias, rng.randint(3, 5))
    partes = [intro] + elegidas
    if rng.random() < 0.5:
        partes.append(rng.choice(FINALES))
    return " ".join(partes)


def corpus_narrativo(particion: str = "train", semilla: int = 0) -> list[str]:
    """Corpus de párrafos narrativos sintéticos (ficticios) en español.

    Args:
        particion: ``"train"`` (≥ 1 MB de texto), ``"validation"`` o ``"test"``. Un párrafo
            pertenece a una sola partición (se decide con un hash de su texto).
        semilla: cambia el orden y la elección de las plantillas; es determinista.

    Returns:
        Lista de párrafos (cadenas).

    Capítulo 3 (PLN clásico).
    """
    validar_particion(particion)
    rng = random.Random(f"narrativo-{semilla}")
    objetivo = TAMANOS[particion]
    vistos: set[str] = set()
    parrafos: list[str] = []
    total = 0
    while total < objetivo:
        texto = parrafo(rng)
        if texto in vistos or particion_de(texto) != particion:
            continue
        vistos.add(texto)
        parrafos.append(texto)
        total += len(texto.encode("utf-8"))
    return parrafos


def categorias_lexicas() -> dict[str, set[str]]:
    """Clase léxica de cada palabra que el generador pone en un hueco de sus plantillas.

    Devuelve ``{palabra en minúsculas: {clases}}`` con las clases «nombre», «oficio»,
    «lugar», «pueblo», «animal», «comida», «número», «verbo», «momento» (días, partes del día,
    estaciones) y un tipo de adjetivo por hueco («adjetivo de animal», «adjetivo de comida»,
    «adjetivo de estado», «adjetivo de carácter»), con todas sus formas de género y número.
    Una palabra puede tener varias clases («cansado» es de animal y de estado). Solo se
    incluyen las piezas de una palabra («Puertollano del Sur» o «recién hecho» no). Sirve para
    medir, con la estructura conocida del corpus, si dos palabras ocupan los mismos huecos
    (capítulo 3, word2vec).

    Capítulo 3 (PLN clásico).
    """
    clases: dict[str, set[str]] = {}

    def anadir(palabras, clase: str) -> None:
        for palabra in palabras:
            palabra = palabra.lower()
            if " " not in palabra:
                clases.setdefault(palabra, set()).add(clase)

    def formas(adjetivos):
        return [concordar(a, g, n) for a in adjetivos for g in "mf" for n in "sp"]

    anadir(MUJERES + HOMBRES, "nombre")
    anadir([f for par in OFICIOS for o in par for f in (o, plural(o))], "oficio")
    anadir([nombre for _, nombre in LUGARES], "lugar")
    anadir(PUEBLOS, "pueblo")
    anadir([f for sing, plur, _ in ANIMALES for f in (sing, plur)], "animal")
    anadir([nombre for nombre, _, _ in COMIDAS], "comida")
    anadir(NUMEROS, "número")
    anadir([f for formas_verbo in VERBOS.values() for f in formas_verbo], "verbo")
    anadir(["lunes", "martes", "sábado", "domingo", "mañana", "tarde", "noche", "amanecer",
            "mediodía", "verano", "otoño", "invierno", "primavera", "abril"], "momento")
    anadir(formas(ADJ_ANIMAL), "adjetivo de animal")
    anadir(formas(ADJ_COMIDA), "adjetivo de comida")
    anadir(formas(ADJ_ESTADO), "adjetivo de estado")
    anadir(formas(ADJ_CARACTER), "adjetivo de carácter")
    return clases
