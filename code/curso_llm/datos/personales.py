"""Notas clínicas FICTICIAS con datos personales plantados, para medir la anonimización.

Cada nota mezcla el cuerpo clínico inventado de ``curso_llm.datos.clinico`` con datos
personales inventados en formatos variados (nombres, DNI, NIE, otros números de identidad,
teléfonos, correos, fechas, direcciones y números de historia clínica) y con «ruido» que NO
es un dato personal (dosis de fármacos ficticios, también con cifras largas, tensión
arterial, camas, edades, lotes y códigos de petición, horas, porcentajes, escalas como
«EVA 7/10», epónimos reales como «signo de Murphy», hospitales con nombre de persona, y
enfermedades y pruebas ficticias con nombre propio). De cada dato plantado se guarda su tramo exacto de caracteres.

Los formatos son variados a propósito: nombres en minúsculas o en mayúsculas, apellidos con
partícula o guion («de la Fuente», «Ruiz-Mateos»), nombres sin tratamiento con contexto poco
obvio («vino acompañada de Lucía»), teléfonos con puntos o dos seguidos
(«612345678/699887766»), correos con subdominios y guiones, fechas con números romanos o
abreviaturas («12-III-2024», «12/mar/24»), direcciones con portal y piso («3º izq.»),
códigos postales sueltos y números de historia con puntos («NHC 356.805»).

Tipos de entidad (``TIPOS_PERSONALES``):

- ``NOMBRE``: personas (paciente, familiares, médicos). El tramo es el nombre SIN el
  tratamiento: en «Sr. Gómez» el tramo es «Gómez».
- ``DNI`` y ``NIE``: documentos de identidad españoles (la mayoría con la letra de control
  correcta; algunos con la letra equivocada, que siguen siendo datos personales).
- ``ID_OTRO``: cualquier otro número que identifica a una persona: número de la Seguridad
  Social, código de la tarjeta sanitaria y pasaporte (un solo tipo, porque se tratan igual).
- ``TELEFONO``, ``EMAIL``, ``FECHA`` (fechas de nacimiento, de ingreso, de alta, de
  consulta), ``DIRECCION`` (calle y número, piso, código postal y ciudad) y ``NHC`` (número
  de historia clínica).

Las listas de nombres, apellidos y calles cambian en parte entre particiones: alrededor del
30 % de las personas de ``"validation"`` y de ``"test"`` usan nombres y apellidos poco
frecuentes, distintos en cada partición, que no están en las listas del anonimizador; los
apellidos con partícula, los hospitales y los epónimos reales también cambian en parte. Así,
medir en ``"test"`` obliga a reconocer nombres por el contexto y no solo por lista. La
semilla cambia las notas, no las listas ni las plantillas: dos semillas de ``"test"`` dan
notas distintas con el mismo estilo.
"""

from __future__ import annotations

import random
import re

from ._comun import validar_particion
from .clinico import mundo_clinico, notas_clinicas

TIPOS_PERSONALES = ("NOMBRE", "DNI", "NIE", "ID_OTRO", "TELEFONO", "EMAIL", "FECHA",
                    "DIRECCION", "NHC")

LETRAS_DNI = "TRWAGMYFPDXBNJZSQVHLCKE"

# Nombres frecuentes (también los conoce el anonimizador) y poco frecuentes por partición.
_NOMBRES_M = ["María", "Carmen", "Ana", "Laura", "Lucía", "Marta", "Cristina", "Isabel",
              "Pilar", "Elena", "Rosa", "Sara", "Paula", "Raquel", "Beatriz", "Silvia",
              "Teresa", "Patricia", "Nuria", "Irene", "Andrea", "Julia", "Alba", "Sofía",
              "Inés", "Clara", "Eva", "Mercedes", "Rocío", "Dolores"]
_NOMBRES_H = ["Antonio", "José", "Manuel", "Francisco", "David", "Juan", "Javier", "Daniel",
              "Carlos", "Jesús", "Alejandro", "Miguel", "Rafael", "Pablo", "Pedro", "Ángel",
              "Sergio", "Fernando", "Jorge", "Luis", "Alberto", "Álvaro", "Diego", "Adrián",
              "Raúl", "Enrique", "Ramón", "Andrés", "Vicente", "Ignacio"]
_APELLIDOS = ["García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez",
              "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno",
              "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres",
              "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano", "Blanco", "Molina",
              "Morales", "Suárez", "Ortega", "Delgado", "Castro", "Ortiz", "Rubio", "Marín",
              "Sanz", "Núñez", "Iglesias", "Medina", "Garrido", "Cortés", "Castillo", "Santos",
              "Lozano", "Guerrero", "Cano", "Prieto", "Méndez", "Cruz", "Calvo", "Gallego",
              "Vidal", "León", "Márquez", "Herrera", "Peña", "Flores", "Cabrera", "Campos",
              "Vega", "Fuentes", "Carrasco", "Diez", "Caballero", "Reyes", "Nieto", "Aguilar",
              "Pascual", "Santana", "Herrero", "Lorenzo", "Montero", "Hidalgo", "Giménez",
              "Ibáñez", "Ferrer", "Durán", "Santiago", "Benítez", "Mora", "Arias", "Vargas",
              "Carmona", "Crespo", "Román", "Pastor", "Soto", "Sáez", "Velasco", "Moya",
              "Soler", "Parra", "Esteban", "Bravo", "Gallardo", "Rojas", "Arce"]
_RAROS = {
    "validation": {
        "m": ["Xiomara", "Leocadia", "Eulalia", "Brígida", "Casilda", "Fermina", "Genoveva",
              "Hermenegilda", "Itziar", "Maitane", "Nekane", "Olvido", "Zuriñe", "Edurne"],
        "h": ["Sigfrido", "Casimiro", "Eleuterio", "Florencio", "Gervasio", "Higinio",
              "Isidoro", "Leandro", "Melquíades", "Nicanor", "Onofre", "Prudencio",
              "Aitor", "Unai"],
        "apellidos": ["Zubizarreta", "Olabarrieta", "Villaseñor", "Cienfuegos", "Bustamante",
                      "Echevarría", "Goicoechea", "Larrañaga", "Montesinos", "Quintanilla",
                      "Valderrama", "Zorrilla", "Arrieta", "Becerril", "Carvajal",
                      "Escudero", "Figueroa", "Landa", "Mugica", "Orbegozo"],
        "calles": ["de los Almendros", "del Olivar", "Jacinto Benavente", "de la Alhóndiga",
                   "del Pilar", "de Zurbano", "Ríos Rosas", "de la Ermita"],
        "compuestos": ["de la Fuente", "del Río", "de Miguel", "de la Cruz", "Ruiz-Mateos",
                       "de las Heras", "Sáenz de Santamaría", "García-Page"],
        "hospitales": ["Hospital Universitario Gregorio Marañón", "Hospital Virgen del Rocío",
                       "Centro de Salud Las Águilas", "Hospital Clínico San Carlos"],
        "eponimos": ["signo de Murphy", "maniobra de Valsalva", "signo de Babinski",
                     "enfermedad de Crohn"],
    },
    "test": {
        "m": ["Brunilda", "Filomena", "Gumersinda", "Anunciación", "Visitación", "Covadonga",
              "Amaia", "Leire", "Ainara", "Itxaso", "Nerea", "Yaiza", "Begoña", "Almudena"],
        "h": ["Anselmo", "Gumersindo", "Baldomero", "Cipriano", "Dámaso", "Evaristo",
              "Fulgencio", "Hilario", "Jenaro", "Lisardo", "Anxo", "Xabier", "Iñigo",
              "Borja"],
        "apellidos": ["Arrizabalaga", "Etxeberria", "Urquijo", "Villalobos", "Zabaleta",
                      "Montenegro", "Sotomayor", "Altamirano", "Berenguer", "Cifuentes",
                      "Dorronsoro", "Elizondo", "Galarza", "Iturbe", "Mondragón", "Ochoa",
                      "Pumarejo", "Salcedo", "Ugarte", "Yurrita"],
        "calles": ["de las Acacias", "del Rosario", "Pintor Sorolla", "de la Fuente Nueva",
                   "del Carmen", "de Goya", "Marqués de Urquijo", "de la Estación"],
        "compuestos": ["de la Torre", "del Valle", "de Castro", "del Pozo", "Fernández-Vega",
                       "de los Santos", "Martín de la Vega", "García-Page"],
        "hospitales": ["Hospital Universitario Ramón y Cajal", "Hospital Severo Ochoa",
                       "Centro de Salud María Auxiliadora", "Hospital Clínico San Carlos"],
        "eponimos": ["signo de Lasègue", "prueba de Romberg", "signo de Blumberg",
                     "enfermedad de Parkinson"],
    },
}
_CALLES = ["Mayor", "de la Constitución", "Real", "de Alcalá", "de las Flores", "Nueva",
           "del Sol", "de Andalucía", "de la Paz", "San Juan", "de Cervantes", "Gran Vía"]
_VIAS = ["C/", "Calle", "Avda.", "Avenida", "Plaza", "Pza.", "Paseo", "Camino", "Ronda", "c/",
         "Avda", "calle", "Travesía", "Pº", "Ctra.", "Pza", "P.º", "Av."]
_ROMANOS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
_SERVICIOS = ["el Servicio de Medicina Interna", "la Unidad de Cuidados Intensivos",
              "el Servicio de Urgencias", "el Servicio de Neumología", "el Hospital de Día"]
_CIUDADES = [("28013", "Madrid"), ("08025", "Barcelona"), ("41003", "Sevilla"),
             ("46010", "Valencia"), ("50008", "Zaragoza"), ("29012", "Málaga"),
             ("48007", "Bilbao"), ("15004", "A Coruña"), ("33011", "Oviedo"),
             ("37002", "Salamanca")]
_MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre"]
_DOMINIOS = ["correo.es", "mail.com", "ejemplo.org", "salud.example", "buzon.net",
             "hospital-norte.salud.example", "alumnos.uni-ejemplo.es", "correo.gva.example"]
_PARENTESCOS = {"m": ["hija", "esposa", "madre", "hermana", "nieta", "sobrina", "pareja"],
                "h": ["hijo", "esposo", "padre", "hermano", "nieto", "sobrino", "marido"]}


def letra_dni(numero: int) -> str:
    """La letra de control de un DNI: la del resto de dividir el número entre 23.

    Para un NIE, la X, la Y o la Z iniciales valen 0, 1 y 2 delante de los siete dígitos.

    Capítulo 6 (Datos para ajuste fino).
    """
    return LETRAS_DNI[int(numero) % 23]


class _Nota:
    """Construye un texto por trozos y apunta el tramo de cada dato personal."""

    def __init__(self) -> None:
        self.texto = ""
        self.entidades: list[dict] = []

    def __add__(self, trozo):  # nota + "texto" o nota + ("valor", "TIPO")
        if isinstance(trozo, tuple):
            valor, tipo = trozo
            inicio = len(self.texto)
            self.texto += valor
            self.entidades.append({"inicio": inicio, "fin": len(self.texto), "tipo": tipo,
                                   "valor": valor})
        else:
            self.texto += trozo
        return self


class _Generador:
    def __init__(self, rng: random.Random, particion: str) -> None:
        self.rng = rng
        self.raros = _RAROS[particion]
        self.enfermedades = mundo_clinico()

    # --- Personas ---------------------------------------------------------------------
    def persona(self, sexo: str | None = None) -> dict:
        r = self.rng
        sexo = sexo or r.choice("mh")
        raro = r.random() < 0.3
        if raro:
            pila = r.choice(self.raros[sexo])
            apellidos = [r.choice(self.raros["apellidos"]), r.choice(_APELLIDOS)]
            r.shuffle(apellidos)
        else:
            pila = r.choice(_NOMBRES_M if sexo == "m" else _NOMBRES_H)
            apellidos = r.sample(_APELLIDOS, 2)
        if r.random() < 0.12:  # apellido con partícula o con guion («de la Fuente»)
            apellidos[r.randrange(2)] = r.choice(self.raros["compuestos"])
        if not raro and r.random() < 0.2:  # nombre compuesto
            otro = r.choice(_NOMBRES_M if sexo == "m" else _NOMBRES_H)
            if otro != pila:
                pila = f"{pila} {otro}"
        return {"sexo": sexo, "pila": pila, "apellidos": apellidos}

    # --- Identificadores --------------------------------------------------------------
    def dni(self) -> str:
        r = self.rng
        numero = r.randrange(10**6, 10**8)
        letra = letra_dni(numero)
        if r.random() < 0.1:  # letra equivocada: sigue siendo un dato personal
            letra = r.choice([c for c in LETRAS_DNI if c != letra])
        cifras = f"{numero:08d}"
        formato = r.random()
        if formato < 0.5:
            return cifras + letra
        if formato < 0.7:
            return f"{cifras[:2]}.{cifras[2:5]}.{cifras[5:]}-{letra}"
        if formato < 0.85:
            return f"{cifras}-{letra.lower()}"
        return f"{cifras}-{letra}"

    def nie(self) -> str:
        r = self.rng
        inicial = r.choice("XYZ")
        numero = r.randrange(10**7)
        letra = letra_dni(int(f"{'XYZ'.index(inicial)}{numero:07d}"))
        if r.random() < 0.1:
            letra = r.choice([c for c in LETRAS_DNI if c != letra])
        if r.random() < 0.6:
            return f"{inicial}{numero:07d}{letra}"
        return f"{inicial}-{numero:07d}-{letra}"

    def telefono(self) -> str:
        r = self.rng
        if r.random() < 0.7:
            cifras = r.choice("67") + "".join(r.choice("0123456789") for _ in range(8))
        else:
            cifras = r.choice(["91", "93", "95", "96", "98"]) + "".join(
                r.choice("0123456789") for _ in range(7))
        formatos = [
            lambda c: f"{c[:3]} {c[3:6]} {c[6:]}",
            lambda c: c,
            lambda c: f"+34 {c[:3]}-{c[3:6]}-{c[6:]}",
            lambda c: f"(+34) {c[:3]} {c[3:5]} {c[5:7]} {c[7:]}",
            lambda c: f"0034 {c}",
            lambda c: f"{c[:3]}-{c[3:6]}-{c[6:]}",
            lambda c: f"+34{c}",
            lambda c: f"{c[:3]} {c[3:5]} {c[5:7]} {c[7:]}",
            lambda c: f"{c[:3]}.{c[3:6]}.{c[6:]}",
            lambda c: f"+34 ({c[:3]}) {c[3:6]} {c[6:]}",
            lambda c: f"{c[:3]}.{c[3:5]}.{c[5:7]}.{c[7:]}",
            lambda c: f"{c[:3]} {c[3:6]}-{c[6:]}",
            lambda c: f"({c[:3]}) {c[3:6]} {c[6:]}",
            lambda c: f"+34.{c[:3]}.{c[3:6]}.{c[6:]}",
        ]
        return r.choice(formatos)(cifras)

    def email(self, persona: dict) -> str:
        r = self.rng
        base = _ascii(persona["pila"].split()[0].lower())
        ap = _ascii(persona["apellidos"][0].lower())
        usuario = r.choice([f"{base}.{ap}", f"{base[0]}{ap}", f"{base}{r.randint(1, 99)}",
                            f"{ap}_{base}", f"{base}-{ap}", f"{base}.{ap}+citas",
                            f"{base[0]}.{ap}{r.randint(60, 99)}"])
        correo = f"{usuario}@{r.choice(_DOMINIOS)}"
        return correo.upper() if r.random() < 0.05 else correo

    def fecha(self, anio_min: int = 2019, anio_max: int = 2025, dia: bool = False) -> str:
        r = self.rng
        d, m, a = r.randint(1, 28), r.randint(1, 12), r.randint(anio_min, anio_max)
        formatos = [
            lambda: f"{d:02d}/{m:02d}/{a}",
            lambda: f"{d}-{m}-{a % 100:02d}",
            lambda: f"{d} de {_MESES[m - 1]} de {a}",
            lambda: f"{d}/{m}/{a}",
            lambda: f"{d:02d}.{m:02d}.{a}",
            lambda: f"{d} de {_MESES[m - 1]}",
            lambda: f"{d} {_MESES[m - 1][:3]}. {a}",
            lambda: f"{d:02d}-{_MESES[m - 1][:3]}-{a}",
            lambda: f"{a}-{m:02d}-{d:02d}",
            lambda: f"{d}-{_ROMANOS[m - 1]}-{a}",
            lambda: f"{d}/{_MESES[m - 1][:3]}/{a % 100:02d}",
            lambda: f"{d:02d}/{_MESES[m - 1][:3].upper()}/{a}",
            lambda: f"{d}.{_ROMANOS[m - 1]}.{a % 100:02d}",
            lambda: f"{d} {_MESES[m - 1].capitalize()} {a}",
            lambda: f"{_MESES[m - 1]} de {a}",
        ]
        # Tras «el» hace falta un día: «el marzo de 2023» no se dice.
        return r.choice(formatos[:-1] if dia else formatos)()

    def nhc(self) -> tuple[str, str]:
        """(texto delante, número): el tramo plantado es solo el número."""
        r = self.rng
        opciones = [
            ("NHC ", f"{r.randrange(10**5, 10**7)}"),
            ("NHC: ", f"{r.randrange(10**5, 10**7)}"),
            ("Nº HC: ", f"{r.randrange(10**5, 10**7)}"),
            ("N.º historia: ", f"{r.randrange(10**5, 10**7)}"),
            ("historia n.º ", f"{r.randrange(10**6):08d}"),
            ("n.º de historia clínica ", f"{r.randrange(10**5, 10**8)}"),
            ("", f"HC-{r.randint(2015, 2025)}-{r.randrange(10**4):04d}"),
            ("historia clínica ", f"{r.randrange(10**6, 10**9)}"),
            ("NHC:", f"{r.randrange(10**5, 10**7)}"),
            ("nº HC ", f"{r.randrange(10**5, 10**7)}"),
            ("N.H.C. ", f"{r.randrange(10**5, 10**7)}"),
            ("Hª clínica ", f"{r.randrange(10**5, 10**7)}"),
            ("nhc ", f"{r.randrange(10**5, 10**7)}"),
            ("NHC ", f"{r.randrange(100, 999)}.{r.randrange(1000):03d}"),
        ]
        return r.choice(opciones)

    def id_otro(self) -> tuple[str, str]:
        r = self.rng
        prov = r.randint(1, 52)
        num = r.randrange(10**8)
        opciones = [
            ("n.º de la Seguridad Social ", f"{prov:02d}/{num:08d}/{r.randint(0, 99):02d}"),
            ("NSS ", f"{prov:02d}{num:08d}{r.randint(0, 99):02d}"),
            ("n.º de afiliación ", f"{prov:02d} {num:08d} {r.randint(0, 99):02d}"),
            ("tarjeta sanitaria ", "".join(r.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(4))
             + "".join(r.choice("0123456789") for _ in range(12))),
            ("pasaporte ", "".join(r.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(3))
             + f"{r.randrange(10**6):06d}"),
            ("CIP ", "".join(r.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(4))
             + f"{r.randrange(10**10):010d}"),
        ]
        return r.choice(opciones)

    def direccion(self) -> str:
        r = self.rng
        calle = r.choice(self.raros["calles"]) if r.random() < 0.3 else r.choice(_CALLES)
        via = r.choice(_VIAS)
        numero = r.randint(1, 180)
        cp, ciudad = r.choice(_CIUDADES)
        formatos = [
            lambda: f"{via} {calle}, {numero}, {r.randint(1, 9)}.º {r.choice('ABCD')}",
            lambda: f"{via} {calle} {numero}",
            lambda: f"{via} {calle} n.º {numero}, {cp} {ciudad}",
            lambda: f"{via} {calle}, {numero}, {cp} {ciudad}",
            lambda: f"{via} {calle}, n.º {numero}, {r.randint(1, 9)}.º {r.randint(1, 4)}.ª",
            lambda: f"{via} {calle} {numero} {r.randint(1, 9)}º {r.choice(['izq.', 'dcha.', 'izda.', 'izq', 'dcha'])}",
            lambda: f"{via} {calle} {numero}, portal {r.randint(1, 4)}, {r.randint(1, 9)}º{r.choice('ABCD')}",
            lambda: f"{via}{'' if via[-1] in './' else ' '}{calle.split()[-1]} {numero}-"
                    f"{r.randint(1, 9)}{r.choice('ABCD')}",
            lambda: f"{via} {calle} s/n, {cp} {ciudad}",
            lambda: f"{via} {calle} {numero} {cp} {ciudad.upper()}",
            lambda: f"{self.carretera()}, {cp} {ciudad}",
        ]
        return r.choice(formatos)()

    def carretera(self) -> str:
        r = self.rng
        return f"Ctra. de {r.choice(['Toledo', 'Burgos', 'Valencia', 'Extremadura'])}, km {r.randint(2, 40)}"

    # --- Ruido que no es dato personal ----------------------------------------------------
    def ruido(self) -> str:
        r = self.rng
        if r.random() < 0.55:
            return self.ruido_nuevo()
        enf = r.choice(self.enfermedades)
        farmaco = enf.tratamientos[0]
        opciones = [
            f"Se sospecha {enf.nombre} y se pide {enf.pruebas[-1]}.",
            f"Pauta: {farmaco} {r.choice([250, 500, 600, 1000, 1200])} mg cada "
            f"{r.choice([6, 8, 12, 24])} horas.",
            f"TA {r.randint(100, 160)}/{r.randint(60, 95)} mmHg, FC {r.randint(55, 110)} lpm.",
            f"Ingresada en la cama {r.randint(1, 40)}, planta {r.randint(1, 9)}.",
            f"Descartado {r.choice(self.enfermedades).nombre}; {enf.pruebas[-1]} negativa.",
            f"Peso {r.randint(45, 110)},{r.randint(0, 9)} kg; glucemia {r.randint(70, 250)} mg/dl.",
            f"Tomar {farmaco} {r.choice([5, 10, 20, 40])} mg, {r.randint(1, 3)} comprimidos "
            "al día durante 14 días.",
            f"Escala de dolor {r.randint(1, 10)}/10; saturación {r.randint(88, 99)} %.",
        ]
        return r.choice(opciones)

    def ruido_nuevo(self) -> str:
        """Más ruido: cifras largas, códigos, horas, escalas, epónimos, hospitales y servicios."""
        r = self.rng
        enf = r.choice(self.enfermedades)
        farmaco = enf.tratamientos[0]
        digitos = "0123456789"
        # Fármacos ficticios del mundo clínico (no dosis reales), con cifras largas que
        # tampoco son datos personales.
        opciones = [
            f"{farmaco.capitalize()} {r.choice(['1.200.000', '2.400.000', '600000'])} UI im.",
            f"{farmaco.capitalize()} {r.choice([25000, 50000, 100000])} UI cada "
            f"{r.choice([15, 30])} días.",
            f"{farmaco.capitalize()}, lote {r.choice('ABKLP')}{r.randint(10, 99)}"
            f"{''.join(r.choice(digitos) for _ in range(r.randint(4, 7)))}, cad. "
            f"{r.randint(1, 12):02d}/{r.randint(2026, 2029)}.",
            f"N.º de lote {''.join(r.choice(digitos) for _ in range(10))}.",
            f"Código de petición {r.randint(2024, 2025)}{''.join(r.choice(digitos) for _ in range(8))}.",
            f"Prueba {r.choice(['PCR', 'HbA1c', 'TSH', 'BNP'])} (código {r.choice('ABC')}"
            f"{r.randint(1000, 9999)}): {r.randint(1, 40)},{r.randint(0, 9)}.",
            f"Extracción a las {r.randint(7, 9):02d}:{r.choice([0, 15, 30, 45]):02d} h; "
            f"resultados a las {r.randint(12, 14)}.{r.choice([0, 30]):02d} h.",
            f"EVA {r.randint(1, 10)}/10. Glasgow {r.randint(13, 15)}/15. Barthel {r.choice([60, 85, 100])}.",
            f"Saturación basal {r.randint(88, 99)} %, FiO2 {r.choice([21, 28, 35])} %.",
            f"HbA1c {r.randint(5, 9)},{r.randint(0, 9)} %; INR {r.randint(1, 3)},{r.randint(0, 9)}.",
            f"{_mayuscula(r.choice(self.raros['eponimos']))} negativo; se descarta {enf.nombre}.",
            f"Exploración con {r.choice(self.raros['eponimos'])}; sospecha de {enf.nombre}.",
            f"Se deriva a {r.choice(_SERVICIOS)} del {r.choice(self.raros['hospitales'])}."
            .replace(" a el ", " al "),
            f"Valoración previa en el {r.choice(self.raros['hospitales'])} "
            f"({r.choice(_SERVICIOS).split(' ', 1)[1]}).",
            f"Pendiente de {enf.pruebas[-1]} y de ECG; control en {r.randint(2, 12)} semanas.",
            f"Dieta de {r.choice([1500, 1800, 2000])} kcal; diuresis {r.randint(900, 2500)} ml/24 h.",
            f"Leucocitos {r.randint(4, 15)}.{r.randint(100, 999)}/mm3; plaquetas "
            f"{r.randint(150, 400)}.000/mm3.",
        ]
        return r.choice(opciones)


def _mayuscula(texto: str) -> str:
    """Mayúscula solo en la primera letra («Signo de Murphy», no «Signo de murphy»)."""
    return texto[:1].upper() + texto[1:]


def _ascii(texto: str) -> str:
    tabla = str.maketrans("áéíóúüñÁÉÍÓÚÜÑ", "aeiouunAEIOUUN")
    return texto.translate(tabla).replace(" ", "")


def _tratamiento(persona: dict, medico: bool = False) -> str:
    if medico:
        return "Dra." if persona["sexo"] == "m" else "Dr."
    return persona["sexo"] == "m" and "Sra." or "Sr."


def _nota(g: _Generador, cuerpo: str) -> _Nota:
    r = g.rng
    paciente = g.persona("m" if cuerpo.startswith("Mujer") else "h")
    medico = g.persona()
    familiar = g.persona()
    while familiar["pila"] == paciente["pila"]:  # dos personas, dos nombres de pila
        familiar = g.persona()
    nombre_completo = f"{paciente['pila']} {' '.join(paciente['apellidos'])}"
    # El año de nacimiento cuadra con la edad que dice el cuerpo de la nota (notas de 2024-2025).
    edad = re.search(r"de (\d+) años", cuerpo)
    nacimiento = 2024 - (int(edad.group(1)) if edad else r.randint(18, 90))
    n = _Nota()
    # Cabecera con identificación.
    estilo = r.random()
    if estilo < 0.3:
        n + "Paciente: " + (nombre_completo, "NOMBRE")
    elif estilo < 0.45:
        mayusculas = f"{' '.join(paciente['apellidos']).upper()}, {paciente['pila'].upper()}"
        n + "Paciente: " + (mayusculas, "NOMBRE")
    elif estilo < 0.52:
        n + "paciente: " + (nombre_completo.lower(), "NOMBRE")
    elif estilo < 0.7:
        articulo = "La paciente" if paciente["sexo"] == "m" else "El paciente"
        n + f"{articulo} " + (nombre_completo, "NOMBRE")
    else:
        trat = r.choice(["D.ª", "Dña."]) if paciente["sexo"] == "m" else r.choice(["D.", "Don"])
        n + f"{trat} " + (nombre_completo, "NOMBRE")
    if r.random() < 0.7:
        n + ", " + r.choice(["DNI ", "DNI: ", "con DNI ", "documento "]) + (g.dni(), "DNI")
    elif r.random() < 0.6:
        n + ", NIE " + (g.nie(), "NIE")
    if r.random() < 0.7:
        antes, numero = g.nhc()
        n + ", " + antes + (numero, "NHC")
    n + ". "
    if r.random() < 0.6:
        n + r.choice(["Fecha de nacimiento: ", "Nacida el " if paciente["sexo"] == "m"
                      else "Nacido el ", "F. nac.: "]) + (g.fecha(nacimiento, nacimiento, dia=True),
                                                          "FECHA") + ". "
    if r.random() < 0.5:
        antes, numero = g.id_otro()
        n + antes[:1].upper() + antes[1:] + (numero, "ID_OTRO") + ". "
    if r.random() < 0.6:
        n + r.choice(["Ingresa el ", "Fecha de ingreso: ", "Acude a urgencias el ",
                      "Consulta del "]) + (g.fecha(dia=True), "FECHA") + ". "
    # Cuerpo clínico y ruido.
    n + cuerpo + " "
    for _ in range(r.randint(1, 3)):
        n + g.ruido() + " "
    # Menciones posteriores del paciente (ya presentado).
    if r.random() < 0.6:
        grafia = r.random()
        if grafia < 0.3:
            n + _tratamiento(paciente) + " " + (paciente["apellidos"][0], "NOMBRE")
        elif grafia < 0.5:
            n + (paciente["pila"].split()[0], "NOMBRE")
        elif grafia < 0.7:
            n + "paciente " + (f"{paciente['pila'].split()[0]} {paciente['apellidos'][0]}".lower(),
                               "NOMBRE")
        elif grafia < 0.85:
            n + (f"{paciente['pila'].split()[0]} {paciente['apellidos'][0]}".upper(), "NOMBRE")
        else:
            n + "Hoy " + (paciente["pila"].split()[0].lower(), "NOMBRE")
        n + r.choice([" refiere mejoría parcial. ", " tolera bien la medicación. ",
                      " pregunta por los resultados. "])
    # Contacto.
    if r.random() < 0.7:
        direccion = g.direccion()
        n + r.choice(["Domicilio: ", "Domicilio: ", "Vive en ", "Dirección "]) + (
            direccion, "DIRECCION") + (" " if direccion.endswith(".") else ". ")
    elif r.random() < 0.4:
        cp, ciudad = r.choice(_CIUDADES)
        n + f"Reside en {ciudad} (" + r.choice(["CP ", "C.P. ", "cp "]) + (cp, "DIRECCION") + "). "
    if r.random() < 0.7:
        n + r.choice(["Teléfono: ", "Tel. ", "Contacto: ", "Móvil ", "tlf: ", "Tfno. ",
                      "tel: ", "Teléfonos: "]) + (g.telefono(), "TELEFONO")
        if r.random() < 0.2:
            n + r.choice(["/", " / ", " y ", " o "]) + (g.telefono(), "TELEFONO")
        if r.random() < 0.4:
            n + " / " + (g.email(paciente), "EMAIL")
        n + ". "
    elif r.random() < 0.5:
        n + "Correo electrónico: " + (g.email(paciente), "EMAIL") + ". "
    # Familiar.
    if r.random() < 0.6:
        relacion = r.choice(_PARENTESCOS[familiar["sexo"]])
        n + r.choice(["Acompaña su ", "Avisada su " if familiar["sexo"] == "m" else "Avisado su ",
                      "Se informa a su "]) + relacion + " "
        if r.random() < 0.5:
            n + (familiar["pila"], "NOMBRE")
        else:
            n + (f"{familiar['pila']} {familiar['apellidos'][0]}", "NOMBRE")
        if r.random() < 0.6:
            n + " (" + (g.telefono(), "TELEFONO") + ")"
        n + ". "
    if r.random() < 0.3:
        articulo = "la " if medico["sexo"] == "m" else "el "
        n + "Se comenta el caso con " + articulo + _tratamiento(medico, medico=True) + " " + (
            r.choice(g.raros["apellidos"] + _APELLIDOS), "NOMBRE") + ". "
    # Menciones sin tratamiento ni parentesco delante (las más difíciles para las reglas).
    if r.random() < 0.25:
        otro = g.persona()
        completo = f"{otro['pila']} {otro['apellidos'][0]}"
        plantilla = r.choice([
            ("Se habla por teléfono con ", completo, ", cuidadora habitual. "),
            ("Trae el informe ", completo, ", su vecino. "),
            ("Según su cuidadora, ", otro["pila"], ", no toma bien la medicación. "),
            ("Visto también por ", completo, " (enfermería). "),
            ("Refiere que ", completo, " le acompañará en la próxima visita. "),
            ("Vino acompañad" + ("a" if paciente["sexo"] == "m" else "o") + " de ",
             otro["pila"], ". "),
            ("Refiere que ", otro["pila"], " le ayuda con las comidas. "),
            ("Ha hablado con ", otro["pila"], " esta mañana. "),
            ("Deja recado a ", completo, " para que pase por consulta. "),
            ("", completo, " firma el consentimiento como representante. "),
            ("Lo recoge ", otro["pila"], " a la salida. "),
        ])
        n + plantilla[0] + (plantilla[1], "NOMBRE") + plantilla[2]
    if r.random() < 0.15:
        compuesto = r.choice(g.raros["compuestos"])
        n + r.choice(["Interconsulta con el Dr. ", "Valorado por la Dra. ", "Comentado con Dr. "]) + (
            f"{r.choice(_APELLIDOS)} {compuesto}", "NOMBRE") + ". "
    # Plan y firma.
    if r.random() < 0.5:
        n + "Revisión el " + (g.fecha(2024, 2026, dia=True), "FECHA") + ". "
    firma = r.random()
    nombre_medico = f"{medico['pila'].split()[0]} {medico['apellidos'][0]}"
    if firma < 0.4:
        n + "Firmado: " + _tratamiento(medico, medico=True) + " " + (nombre_medico, "NOMBRE")
    elif firma < 0.6:
        n + "Fdo.: " + (f"{nombre_medico} {medico['apellidos'][1]}", "NOMBRE")
    elif firma < 0.7:
        n + r.choice(["FDO.: ", "Fdo. ", "Fdo: "]) + (nombre_medico.upper(), "NOMBRE")
    else:
        n + "Médico responsable: " + _tratamiento(medico, medico=True) + " " + (
            " ".join(medico["apellidos"]), "NOMBRE")
    n + "."
    return n


def notas_con_datos_personales(n: int = 600, particion: str = "test",
                               semilla: int = 0) -> list[dict]:
    """Notas clínicas ficticias con datos personales plantados y sus tramos exactos.

    Todo es inventado: las personas, los documentos, los teléfonos y las direcciones no
    existen (y los DNI/NIE se generan al azar). Sirven para medir un anonimizador.

    Args:
        n: número de notas.
        particion: ``"validation"`` (para desarrollar) o ``"test"`` (para medir). Cambia
            el cuerpo clínico y una parte de los nombres, apellidos y calles.
        semilla: semilla del generador (mismo valor, mismas notas).

    Returns:
        Lista de ``{"texto": str, "entidades": [{"inicio", "fin", "tipo", "valor"}, ...]}``,
        con ``texto[inicio:fin] == valor`` y ``tipo`` en ``TIPOS_PERSONALES``.

    Capítulo 6 (Datos para ajuste fino).
    """
    validar_particion(particion)
    if particion == "train":
        raise ValueError("Las notas con datos personales solo tienen las particiones "
                         "'validation' y 'test': con ellas se mide, no se entrena.")
    if not isinstance(n, int) or n < 0:
        raise ValueError(f"n debe ser un entero >= 0; recibí {n!r}.")
    rng = random.Random(f"personales-{particion}-{semilla}")
    g = _Generador(rng, particion)
    cuerpos = [c["texto"].removeprefix("Nota clínica (ficticia). ")
               for c in notas_clinicas(max(n, 1), particion, semilla)]
    notas = []
    for i in range(n):
        nota = _nota(g, cuerpos[i % len(cuerpos)])
        notas.append({"texto": nota.texto, "entidades": nota.entidades})
    return notas
