"""El mundo clínico ficticio del curso: enfermedades inventadas, notas y preguntas.

Todo lo que hay en este módulo es **inventado** para enseñar: las enfermedades («síndrome de
Valdoria», «fiebre de Quelmar»...), sus causas, las pruebas con nombre propio y los
fármacos no existen. Así ningún modelo puede responder con lo que ya sabía y nada de esto
puede leerse como información médica real. Los síntomas sí usan palabras corrientes
(«tos», «fiebre») para que las notas parezcan notas.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ._comun import mayuscula_inicial, particion_de, semilla_de, unir_lista, validar_particion

# Con saltos de línea: se imprime tal cual en los cuadernos y no debe salirse de la página.
AVISO_FICTICIO = (
    "Aviso: las enfermedades, sus causas, los signos, las pruebas con nombre propio y los\n"
    "fármacos de este mundo clínico son inventados para enseñar; los síntomas, las pruebas\n"
    "corrientes y las situaciones del paciente son palabras de uso común puestas como\n"
    "decorado, sin valor clínico. Nada de esto es información médica ni sirve como consejo\n"
    "de salud."
)


@dataclass
class Enfermedad:
    """Una enfermedad ficticia del mundo clínico del curso.

    Capítulo 2 (Redes neuronales).
    """

    nombre: str
    especialidad: str
    organo: str
    causa: str
    sintomas: list[str] = field(default_factory=list)
    pruebas: list[str] = field(default_factory=list)
    tratamientos: list[str] = field(default_factory=list)
    contraindicaciones: list[str] = field(default_factory=list)
    signo_distintivo: str = ""

    def descripcion(self) -> str:
        """Texto enciclopédico (ficticio) que describe la enfermedad."""
        return (
            f"{mayuscula_inicial(self.nombre)} es una enfermedad ficticia de {self.especialidad} "
            f"que afecta {_con_a(self.organo)}. Está causada por {self.causa}. "
            f"Sus síntomas principales son {unir_lista(self.sintomas)}. "
            f"El signo más característico es {self.signo_distintivo}. "
            f"Para confirmarla se solicita {unir_lista(self.pruebas)}. "
            f"El tratamiento habitual es {unir_lista(self.tratamientos)}. "
            f"No se recomienda en {unir_lista(self.contraindicaciones)}."
        )


def _con_a(organo: str) -> str:
    """«a» + artículo: «al corazón», «a la piel», «a los riñones»."""
    if organo.startswith("el "):
        return "al " + organo[3:]
    return "a " + organo


# Por especialidad: órgano, síntomas, pruebas y contraindicaciones típicas (vocabulario
# corriente) y las enfermedades inventadas con su causa inventada.
_ESPECIALIDADES = {
    "cardiología": {
        "organo": "el corazón",
        "sintomas": ["dolor en el pecho", "palpitaciones", "falta de aire al caminar",
                     "hinchazón de tobillos", "mareos al levantarse", "cansancio al subir escaleras",
                     "latido irregular", "sudor frío"],
        "pruebas": ["electrocardiograma", "ecocardiograma", "prueba de esfuerzo",
                    "holter de 24 horas", "análisis de sangre"],
        "contra": ["personas con tensión muy baja", "pacientes con arritmias lentas",
                   "embarazo", "insuficiencia renal grave"],
        "enfermedades": [
            ("síndrome de Valdoria", "una proteína mal plegada llamada valdorina"),
            ("cardiopatía de Merlavia", "el parásito ficticio Merlavius cordis"),
            ("fiebre de Quelmar", "el virus inventado de Quelmar"),
            ("enfermedad de Ostrana", "un depósito de cristales de ostranita en las válvulas"),
            ("arritmia de Tellum", "una mutación inventada del gen TLM7"),
        ],
    },
    "neumología": {
        "organo": "los pulmones",
        "sintomas": ["tos seca", "tos con flema", "falta de aire", "silbidos al respirar",
                     "dolor al respirar hondo", "fiebre", "ronquera", "cansancio"],
        "pruebas": ["radiografía de tórax", "espirometría", "tomografía de tórax",
                    "cultivo de esputo", "pulsioximetría"],
        "contra": ["asma grave", "pacientes fumadores", "embarazo",
                   "alergia a los antibióticos inventados"],
        "enfermedades": [
            ("neumonitis de Sarvik", "la bacteria ficticia Sarvikella"),
            ("síndrome de Brumal", "el polvo de las minas imaginarias de Brumal"),
            ("tos de Endara", "el hongo inventado Endaria pulmonis"),
            ("fibrosis de Calvera", "una reacción autoinmune ficticia contra el surfactante"),
            ("bronquitis de Yarmo", "el virus inventado de Yarmo"),
        ],
    },
    "neurología": {
        "organo": "el cerebro",
        "sintomas": ["dolor de cabeza intenso", "hormigueo en las manos", "visión doble",
                     "pérdida de memoria", "temblor en reposo", "dificultad para hablar",
                     "debilidad en una pierna", "mareos"],
        "pruebas": ["resonancia magnética cerebral", "electroencefalograma",
                    "punción lumbar", "exploración neurológica", "tomografía craneal"],
        "contra": ["epilepsia", "pacientes con marcapasos", "embarazo",
                   "insuficiencia hepática"],
        "enfermedades": [
            ("migraña de Orvieda", "una descarga eléctrica ficticia del nervio de Orvieda"),
            ("síndrome de Castelune", "la acumulación de la proteína inventada castelina"),
            ("neuritis de Palom", "el virus ficticio de Palom"),
            ("temblor de Vessaria", "un déficit inventado de vesarina en las neuronas"),
            ("encefalitis de Murgo", "la picadura del mosquito imaginario de Murgo"),
        ],
    },
    "dermatología": {
        "organo": "la piel",
        "sintomas": ["picor intenso", "manchas rojas", "descamación", "ampollas",
                     "piel seca", "enrojecimiento de la cara", "caída del cabello", "fiebre"],
        "pruebas": ["biopsia de piel", "dermatoscopia", "prueba del parche",
                    "cultivo de la lesión", "análisis de sangre"],
        "contra": ["piel atópica", "embarazo", "exposición solar intensa",
                   "niños menores de dos años"],
        "enfermedades": [
            ("dermatitis de Lirien", "el contacto con la planta imaginaria lirienta"),
            ("eritema de Saldaña Azul", "la bacteria ficticia Saldanella"),
            ("síndrome de Pelvar", "un hongo inventado de los baños termales"),
            ("psoriasis de Amarra", "una reacción inmune ficticia llamada reacción de Amarra"),
            ("urticaria de Noctel", "una alergia inventada a la luz de la luna"),
        ],
    },
    "gastroenterología": {
        "organo": "el intestino",
        "sintomas": ["dolor abdominal", "diarrea", "náuseas", "vómitos", "ardor de estómago",
                     "hinchazón abdominal", "pérdida de peso", "cansancio"],
        "pruebas": ["colonoscopia", "ecografía abdominal", "análisis de heces",
                    "gastroscopia", "análisis de sangre"],
        "contra": ["úlcera activa", "embarazo", "insuficiencia hepática",
                   "pacientes mayores de ochenta años"],
        "enfermedades": [
            ("colitis de Ferrana", "la bacteria inventada Ferranella"),
            ("síndrome de Trebol Gris", "un parásito ficticio del agua de los pozos"),
            ("gastritis de Olmedo", "el consumo del fruto imaginario olmedina"),
            ("enteritis de Quiral", "el virus ficticio de Quiral"),
            ("enfermedad de Sabrel", "una intolerancia inventada al cereal sabrelo"),
        ],
    },
    "nefrología": {
        "organo": "los riñones",
        "sintomas": ["orina espumosa", "dolor lumbar", "hinchazón de párpados",
                     "orina oscura", "tensión alta", "cansancio", "náuseas",
                     "necesidad de orinar de noche"],
        "pruebas": ["análisis de orina", "ecografía renal", "biopsia renal",
                    "análisis de sangre", "medición de la tensión"],
        "contra": ["insuficiencia renal grave", "embarazo", "deshidratación",
                   "pacientes con tensión muy baja"],
        "enfermedades": [
            ("nefritis de Cardona Alta", "el depósito de la proteína ficticia cardonina"),
            ("síndrome de Umbrial", "la bacteria inventada Umbrialis"),
            ("litiasis de Perla Negra", "cristales imaginarios de perlanita"),
            ("nefropatía de Isvel", "una mutación ficticia del gen ISV2"),
            ("fiebre renal de Tamor", "el virus inventado de Tamor"),
        ],
    },
    "reumatología": {
        "organo": "las articulaciones",
        "sintomas": ["dolor en las rodillas", "rigidez por la mañana", "hinchazón de los dedos",
                     "dolor de espalda", "fiebre", "cansancio", "dificultad para cerrar la mano",
                     "dolor en los hombros"],
        "pruebas": ["radiografía de las articulaciones", "análisis de sangre",
                    "ecografía articular", "análisis del líquido articular", "densitometría"],
        "contra": ["úlcera activa", "embarazo", "infección activa",
                   "insuficiencia renal grave"],
        "enfermedades": [
            ("artritis de Morvena", "una reacción autoinmune inventada contra el cartílago"),
            ("síndrome de Galdeira", "la bacteria ficticia Galdeirella"),
            ("espondilitis de Runel", "un gen imaginario llamado RNL4"),
            ("gota de Salvatierra Fría", "cristales inventados de salvatierrita"),
            ("fiebre articular de Ombra", "el virus ficticio de Ombra"),
        ],
    },
    "oftalmología": {
        "organo": "los ojos",
        "sintomas": ["visión borrosa", "ojos rojos", "dolor ocular", "lagrimeo",
                     "sensibilidad a la luz", "visión doble", "dolor de cabeza", "picor de ojos"],
        "pruebas": ["examen del fondo de ojo", "medición de la presión ocular",
                    "tomografía de coherencia óptica", "prueba de agudeza visual",
                    "lámpara de hendidura"],
        "contra": ["glaucoma", "embarazo", "uso de lentes de contacto", "niños pequeños"],
        "enfermedades": [
            ("retinitis de Alvar", "el virus inventado de Alvar"),
            ("síndrome de Ojo de Cobre", "depósitos ficticios de cobre en la córnea"),
            ("queratitis de Lumen", "la ameba imaginaria Lumenia"),
        ],
    },
}

# Fármacos y signos inventados: uno distinto para cada enfermedad.
_FARMACOS = [
    "valtorina", "quelmazol", "ostrafeno", "merlacina", "telumida", "sarvicilina", "brumalona",
    "endarol", "calverina", "yarmovir", "orviedal", "castelamina", "palomivir", "vesarol",
    "murgotina", "lirienol", "saldacina", "pelvarazol", "amarrizumab", "nocteliv", "ferranol",
    "trebolina", "olmedrato", "quiralvir", "sabrelasa", "cardonil", "umbricilina",
    "perlanolito", "isvelina", "tamorvir", "morvenato", "galdeicina", "runelumab",
    "salvatrol", "ombravir", "alvarvir", "cobrelato", "lumenazol",
]
_SIGNOS = [
    "un soplo con forma de silbido", "una mancha violeta en los tobillos",
    "un pulso que se acelera al tumbarse", "un brillo azulado en las uñas",
    "un latido doble al toser", "un olor a hierro en el aliento", "una tos que solo aparece al amanecer",
    "un crujido al inspirar", "unas líneas blancas en las uñas", "una voz muy grave",
    "un destello verde en la visión", "una pérdida del olfato repentina", "un hormigueo en los labios",
    "un temblor solo en el pulgar izquierdo", "una fiebre que aparece cada tres días",
    "unas manchas con forma de estrella", "un borde plateado en las lesiones",
    "unas ampollas que brillan con luz ultravioleta", "unas placas con forma de anillo",
    "un picor que empeora de noche", "un dolor que mejora al comer", "una lengua de color naranja",
    "un sabor metálico constante", "unas heces de color verde claro", "una sed que no se calma",
    "unos cristales visibles en la orina", "una orina con olor dulce", "unas ojeras moradas",
    "unos párpados hinchados solo por la tarde", "una fiebre que sube al anochecer",
    "un chasquido al mover los dedos", "una rigidez que desaparece con agua caliente",
    "unos nódulos azulados en los codos", "un dolor que cambia de articulación cada día",
    "una fiebre con escalofríos en los pies", "unos puntos dorados en la retina",
    "un anillo cobrizo alrededor del iris", "un halo de colores alrededor de las luces",
]
_MEDIDAS = ["reposo relativo", "dieta sin sal", "hidratación abundante",
            "fisioterapia respiratoria", "control semanal", "evitar el esfuerzo intenso"]
_PRUEBAS_PROPIAS = "prueba de {}"


def mundo_clinico() -> list[Enfermedad]:
    """Las enfermedades ficticias del curso (deterministas, siempre las mismas).

    Hay 38 enfermedades en 8 especialidades. Cada una tiene síntomas de su especialidad, un
    signo distintivo inventado, una prueba con nombre propio, un fármaco inventado y
    contraindicaciones. Consulta ``AVISO_FICTICIO``: nada de esto es información médica.

    Capítulo 2 (Redes neuronales).
    """
    enfermedades = []
    i = 0
    for especialidad, datos in _ESPECIALIDADES.items():
        for nombre, causa in datos["enfermedades"]:
            rng = random.Random(semilla_de("enfermedad", nombre))
            apellido = nombre.split(" de ")[-1]
            sintomas = rng.sample(datos["sintomas"], 4)
            pruebas = rng.sample(datos["pruebas"], 2) + [_PRUEBAS_PROPIAS.format(apellido)]
            tratamientos = [_FARMACOS[i], rng.choice(_MEDIDAS)]
            contra = rng.sample(datos["contra"], 2)
            enfermedades.append(Enfermedad(
                nombre=nombre, especialidad=especialidad, organo=datos["organo"], causa=causa,
                sintomas=sintomas, pruebas=pruebas, tratamientos=tratamientos,
                contraindicaciones=contra, signo_distintivo=_SIGNOS[i],
            ))
            i += 1
    return enfermedades


def textos_mundo_clinico() -> list[str]:
    """Descripciones enciclopédicas (ficticias) de todas las enfermedades.

    Capítulo 2 (Redes neuronales).
    """
    return [e.descripcion() for e in mundo_clinico()]


# ---------------------------------------------------------------------------------------
# Notas clínicas
# ---------------------------------------------------------------------------------------
_RUIDO = ["cansancio", "fiebre", "dolor de cabeza", "náuseas", "mareos", "insomnio",
          "falta de apetito", "dolor de espalda", "tos seca", "picor", "ansiedad"]
_ANTECEDENTES = ["sin antecedentes de interés", "hipertensión en tratamiento",
                 "diabetes bien controlada", "exfumador", "alergia a la penicilina",
                 "operado de apendicitis en la infancia", "asma leve en la infancia",
                 "colesterol alto", "trabaja en el campo", "trabaja en una oficina"]
_DURACIONES = ["desde hace dos días", "desde hace una semana", "desde hace tres semanas",
               "desde hace un mes", "desde ayer", "desde hace varios meses",
               "desde hace cuatro días"]
_EXPLORACION = ["constantes normales", "buen estado general", "afebril",
                "temperatura de 38 grados", "tensión arterial algo elevada",
                "leve palidez", "consciente y orientado"]
_PLANES = ["control en dos semanas", "volver si empeora", "reposo y revisión en una semana",
           "seguimiento por su médico de familia", "nueva cita con los resultados",
           "control telefónico en diez días"]
_PROPORCION_NOTAS = (80, 10, 10)


def _nota(enf: Enfermedad, rng: random.Random, todas: list[Enfermedad]) -> str:
    sexo = rng.choice(["Mujer", "Hombre"])
    edad = rng.randint(18, 90)
    sintomas = rng.sample(enf.sintomas, rng.randint(1, 3))
    # Ruido: síntomas genéricos o de otra especialidad, para que clasificar no sea trivial.
    for _ in range(rng.randint(1, 3)):
        if rng.random() < 0.5:
            sintomas.append(rng.choice(_RUIDO))
        else:
            sintomas.append(rng.choice(rng.choice(todas).sintomas))
    sintomas = list(dict.fromkeys(sintomas))
    rng.shuffle(sintomas)
    if rng.random() < 0.35:
        signo = f" A la exploración destaca {enf.signo_distintivo}."
    else:
        signo = ""
    if rng.random() < 0.25:
        pruebas = ["análisis de sangre"]
    else:
        pruebas = rng.sample(enf.pruebas[:2], rng.randint(1, 2))
    if rng.random() < 0.4:
        pruebas.append(rng.choice(rng.choice(todas).pruebas[:2]))
    pruebas = list(dict.fromkeys(pruebas))
    return (
        f"Nota clínica (ficticia). {sexo} de {edad} años, {rng.choice(_ANTECEDENTES)}. "
        f"Consulta por {unir_lista(sintomas)} {rng.choice(_DURACIONES)}. "
        f"Exploración: {rng.choice(_EXPLORACION)}.{signo} "
        f"Se solicita {unir_lista(pruebas)}. Plan: {rng.choice(_PLANES)}."
    )


def notas_clinicas(n: int = 600, particion: str = "train", semilla: int = 0) -> list[dict]:
    """Notas clínicas sintéticas (ficticias) etiquetadas con su enfermedad y especialidad.

    El texto no nombra la enfermedad ni la especialidad: hay que deducirlas de los síntomas y
    las pruebas, que incluyen algo de ruido compartido entre especialidades.

    Args:
        n: número de notas.
        particion: ``"train"``, ``"validation"`` o ``"test"`` (nunca comparten una nota).
        semilla: semilla del generador.

    Returns:
        Lista de ``{"texto", "enfermedad", "especialidad", "organo"}``.

    Capítulo 2 (Redes neuronales).
    """
    validar_particion(particion)
    todas = mundo_clinico()
    rng = random.Random(f"notas-{particion}-{semilla}")
    notas: list[dict] = []
    vistos: set[str] = set()
    while len(notas) < n:
        enf = rng.choice(todas)
        texto = _nota(enf, rng, todas)
        if texto in vistos or particion_de(texto, _PROPORCION_NOTAS) != particion:
            continue
        vistos.add(texto)
        notas.append({"texto": texto, "enfermedad": enf.nombre,
                      "especialidad": enf.especialidad, "organo": enf.organo})
    return notas


# ---------------------------------------------------------------------------------------
# Preguntas y respuestas
# ---------------------------------------------------------------------------------------
def _preguntas_de(enf: Enfermedad) -> list[tuple[str, str]]:
    n = enf.nombre
    organo = enf.organo
    return [
        (f"¿Qué órgano afecta {n}?", mayuscula_inicial(organo) + "."),
        (f"¿Qué especialidad trata {n}?", mayuscula_inicial(enf.especialidad) + "."),
        (f"¿Cuál es la causa de {n}?", mayuscula_inicial(enf.causa) + "."),
        (f"¿Cuáles son los síntomas de {n}?", mayuscula_inicial(unir_lista(enf.sintomas)) + "."),
        (f"¿Qué signo es característico de {n}?", mayuscula_inicial(enf.signo_distintivo) + "."),
        (f"¿Qué pruebas se piden ante la sospecha de {n}?",
         mayuscula_inicial(unir_lista(enf.pruebas)) + "."),
        (f"¿Cómo se trata {n}?", mayuscula_inicial(unir_lista(enf.tratamientos)) + "."),
        (f"¿Qué fármaco se usa contra {n}?", mayuscula_inicial(enf.tratamientos[0]) + "."),
        (f"¿En qué casos no se recomienda el tratamiento de {n}?",
         mayuscula_inicial(unir_lista(enf.contraindicaciones)) + "."),
        (f"¿Qué enfermedad ficticia presenta {enf.signo_distintivo}?",
         mayuscula_inicial(n) + "."),
    ]


def preguntas_clinicas(particion: str = "train", semilla: int = 0) -> list[dict]:
    """Pares pregunta-respuesta sobre el mundo clínico ficticio.

    Cada pregunta cae en una sola partición (80/10/10 por hash del texto); ``semilla``
    solo cambia el orden.

    Returns:
        Lista de ``{"pregunta", "respuesta", "enfermedad"}``.

    Capítulo 2 (Redes neuronales).
    """
    validar_particion(particion)
    pares = []
    for enf in mundo_clinico():
        for pregunta, respuesta in _preguntas_de(enf):
            if particion_de(pregunta, (80, 10, 10)) == particion:
                pares.append({"pregunta": pregunta, "respuesta": respuesta,
                              "enfermedad": enf.nombre})
    random.Random(f"preguntas-{semilla}").shuffle(pares)
    return pares
