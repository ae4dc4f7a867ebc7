r"""Anonimizar notas clínicas en español con reglas: expresiones regulares, listas y contexto.

Antes de ajustar un modelo con notas clínicas hay que quitarles los datos personales: los
modelos memorizan parte de sus datos de entrenamiento y pueden repetirlos. Las funciones se
llaman ``anonimizar...`` por el nombre de uso corriente, pero lo que hacen es
**seudonimizar** (quitar los identificadores directos; el resultado sigue siendo dato
personal): cambian cada dato por un marcador con tipo y número (``[NOMBRE_1]``,
``[DNI_1]``, ``[TELEFONO_2]``...) y el mismo dato lleva siempre el mismo marcador, en la
nota y, si compartes el ``mapa``, entre notas. Así el texto conserva su sentido clínico
(«[NOMBRE_1] llamó a su hija [NOMBRE_2]») sin decir quién es quién.

Compartir el mapa entre notas tiene dos costes: dos personas distintas con un apellido en
común («Sr. Gil» en una nota, «Ana Gil Mora» en otra) pueden recibir el mismo marcador
(una vinculación falsa), y los marcadores comunes permiten enlazar las notas de una misma
persona, lo que facilita reidentificarla. Por eso ``anonimizar_textos`` y
``anonimizar_dataset`` usan por defecto un mapa nuevo en cada nota (``compartir_mapa=False``);
compártelo solo cuando todas las notas sean de un mismo paciente.

Tipos y marcadores:

- ``NOMBRE`` → ``[NOMBRE_n]``: cualquier persona (paciente, familiar, médico). No se separa
  paciente de médico: las reglas lo acertarían a veces y un marcador con el papel
  equivocado engaña más que uno neutro. El tratamiento se queda fuera («Sr. [NOMBRE_1]»).
- ``DNI`` → ``[DNI_n]``, ``NIE`` → ``[NIE_n]``, ``ID_OTRO`` → ``[ID_n]`` (Seguridad
  Social, tarjeta sanitaria, pasaporte), ``TELEFONO``, ``EMAIL``, ``FECHA``,
  ``DIRECCION`` y ``NHC`` (número de historia clínica), cada uno con su marcador.

Las reglas no son perfectas: un nombre raro sin tratamiento ni contexto («Xiomara vino
sola») se escapa. Mide siempre con ``evaluar_anonimizacion`` y revisa a mano una muestra.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["Anonimizacion", "EntidadDetectada", "anonimizar", "anonimizar_dataset",
           "anonimizar_telefonos_e_ids", "anonimizar_textos", "evaluar_anonimizacion"]

MARCADORES = {"NOMBRE": "NOMBRE", "DNI": "DNI", "NIE": "NIE", "ID_OTRO": "ID",
              "TELEFONO": "TELEFONO", "EMAIL": "EMAIL", "FECHA": "FECHA",
              "DIRECCION": "DIRECCION", "NHC": "NHC"}

# ---------------------------------------------------------------------------------------
# Ejercicio 6.6: solo teléfonos y documentos de identidad
# ---------------------------------------------------------------------------------------
_PREFIJO = r"(?:(?:\+|00)34[ -]?|\(\+34\)[ -]?)?"
_TELEFONO_6_6 = re.compile(r"(?<![\w+])" + _PREFIJO + r"[6-9](?:[ -]?\d){8}(?!\w)")
_DNI = re.compile(r"(?<![\w.])(?:\d{8}|\d{2}\.\d{3}\.\d{3})-?[A-Za-z](?!\w)")
_NIE = re.compile(r"(?<!\w)[XYZxyz]-?\d{7}-?[A-Za-z](?!\w)")


def _norm_telefono(valor: str) -> str:
    cifras = re.sub(r"\D", "", valor)
    return cifras[-9:]


def _norm_documento(valor: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", valor).upper()


def anonimizar_telefonos_e_ids(texto: str) -> str:
    r"""Cambia teléfonos, DNI y NIE por marcadores numerados (la referencia del ejercicio 6.6).

    Contrato:

    - Teléfono español: 9 cifras que empiezan por 6, 7, 8 o 9, con un espacio o un guion
      opcional entre cifras («612 345 678», «612-345-678», «91 234 56 78»), y un prefijo
      opcional ``+34``, ``0034`` o ``(+34)`` seguido o no de un espacio o un guion. Ni
      justo antes ni justo después puede haber una letra, una cifra o un guion bajo
      («1612345678» o «612345678Z» no son teléfonos), ni justo antes un «+» que no sea el
      del prefijo («+612345678» no es un teléfono).
    - DNI: 8 cifras seguidas (o con puntos, «12.345.678») y una letra, con un guion opcional
      («12345678Z», «12.345.678-Z», «12345678-z»). La letra no se comprueba. Ni justo
      antes una letra, una cifra, un guion bajo o un punto, ni justo después una letra, una
      cifra o un guion bajo.
    - NIE: X, Y o Z, 7 cifras y una letra, con guiones opcionales («Y-1234567-X»). Ni justo
      antes ni justo después una letra, una cifra o un guion bajo (un punto delante sí
      vale: «Doc.X1234567L»).
    - Marcadores ``[TELEFONO_n]``, ``[DNI_n]`` y ``[NIE_n]``: cada tipo cuenta aparte, desde
      1 y por orden de primera aparición en el texto. El mismo valor normalizado lleva el
      mismo marcador: para un teléfono, sus 9 últimas cifras (sin prefijo ni separadores);
      para un DNI o un NIE, sus cifras y letras en mayúscula.
    - El resto del texto no cambia.

    Capítulo 6 (Datos para ajuste fino).
    """
    if not isinstance(texto, str):
        raise TypeError(f"texto debe ser un str; recibí {type(texto).__name__}.")
    tramos = []
    for tipo, patron, normalizar in (("TELEFONO", _TELEFONO_6_6, _norm_telefono),
                                     ("DNI", _DNI, _norm_documento),
                                     ("NIE", _NIE, _norm_documento)):
        tramos += [(m.start(), m.end(), tipo, normalizar(m.group())) for m in patron.finditer(texto)]
    tramos.sort()
    mapa: dict[tuple[str, str], str] = {}
    cuentas: dict[str, int] = {}
    partes, fin_anterior = [], 0
    for inicio, fin, tipo, clave in tramos:
        if inicio < fin_anterior:
            continue
        if (tipo, clave) not in mapa:
            cuentas[tipo] = cuentas.get(tipo, 0) + 1
            mapa[(tipo, clave)] = f"[{tipo}_{cuentas[tipo]}]"
        partes += [texto[fin_anterior:inicio], mapa[(tipo, clave)]]
        fin_anterior = fin
    partes.append(texto[fin_anterior:])
    return "".join(partes)


# ---------------------------------------------------------------------------------------
# Listas embebidas (nombres y apellidos españoles frecuentes)
# ---------------------------------------------------------------------------------------
_NOMBRES_PILA = set("""
María Carmen Ana Laura Lucía Marta Cristina Isabel Pilar Elena Rosa Sara Paula Raquel Beatriz
Silvia Teresa Patricia Nuria Irene Andrea Julia Alba Sofía Inés Clara Eva Mercedes Rocío Dolores
Josefa Francisca Antonia Lorena Mónica Ángela Natalia Yolanda Montserrat Susana Encarnación
Victoria Noelia Sandra Verónica Carolina Esther Eva Miriam Alicia Marina Gloria Amparo Daniela
Claudia Rosario Juana Manuela Concepción Emilia Luisa Lourdes Adriana Vanesa Olga Sonia Celia
Aurora Ainhoa Nerea Lidia Fátima Agustina Consuelo Soledad Margarita Inmaculada Milagros Noemí
Antonio José Manuel Francisco David Juan Javier Daniel Carlos Jesús Alejandro Miguel Rafael
Pablo Pedro Ángel Sergio Fernando Jorge Luis Alberto Álvaro Diego Adrián Raúl Enrique Ramón
Andrés Vicente Ignacio Joaquín Santiago Víctor Eduardo Mario Roberto Jaime Marcos Rubén Óscar
Iván Hugo Martín Lucas Mateo Gonzalo Emilio Julio Salvador Tomás Agustín Guillermo Gabriel
Marc Jordi Xavier Josep Alfonso Felipe Gregorio Rodrigo Nicolás Samuel Héctor Cristian Ismael
Lorenzo Esteban Mariano Arturo Sebastián Domingo Aitor Iker Unai Asier Jon Mikel Leandro
""".split())
_APELLIDOS = set("""
García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz
Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez
Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado Castro Ortiz Rubio Marín
Sanz Núñez Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero Cano Prieto Méndez
Cruz Calvo Gallego Vidal León Márquez Herrera Peña Flores Cabrera Campos Vega Fuentes Carrasco
Diez Díez Caballero Reyes Nieto Aguilar Pascual Santana Herrero Lorenzo Montero Hidalgo Giménez
Ibáñez Ferrer Durán Santiago Benítez Mora Arias Vargas Carmona Crespo Román Pastor Soto Sáez
Velasco Moya Soler Parra Esteban Bravo Gallardo Rojas Arce Pardo Merino Franco Espinosa Izquierdo
Lara Rivas Silva Rivera Casado Arroyo Redondo Camacho Rey Vera Otero Luque Galán Montes Ríos
Sierra Segura Carrillo Marcos Marti Soriano Mendoza Robles Bernal Vila Valero Palacios Benito
Andrés Pereira Guerra Miranda Herranz Gallego Salas Quintero Varela Rosales Aguirre Pons Roldán
""".split())
# Palabras con mayúscula que nunca empiezan un nombre aunque vayan tras un disparador.
_NO_NOMBRE = set("""
Se El La Los Las Lo Un Una En Con Por Para Sin De Del Al Y O Su Sus Tras Ante No Si Hoy Ayer
Sr Sra Srta Dr Dra Dña Don Doña D Paciente Médico Médica Teléfono Tel Móvil Contacto Correo
Domicilio Dirección Fecha Ingresa Ingresada Ingresado Acude Consulta Revisión Plan Exploración
Fdo Firmado Firma Nacida Nacido Mujer Hombre Pauta Tomar TA FC Peso Escala Descartado Acompaña
Avisada Avisado DNI NIE NHC NSS CIP TSI HC Historia Pasaporte Tarjeta Calle Avenida Avda Plaza
Paseo Camino Ronda Nota Motivo Antecedentes Juicio Diagnóstico Tratamiento Alta Urgencias
Servicio Hospital Centro Unidad Planta Cama Refiere Presenta Informa Informe Según Seguridad
Social Salud Sanitaria Interconsulta Visto Trae Habla Teléfonos Tfno Tlf Lote Código Prueba
Hoy Vive Reside Derivada Valorado Valorada Comentado Dirección Extracción Dieta Leucocitos
""".split())
_PARTICULAS = {"de", "del", "la", "las", "los", "y", "i"}
# Apellidos que también son palabras corrientes: en minúscula no se propagan («diez»).
_CORRIENTES = set("""
diez rojas rojo roja flores campos mora vega rey sol paz luz cruz blanco blanca santos reyes
rubio pastor parra bravo prieto moreno calvo cano franco rico leon marin pena ramos gil
sierra rios montes soto lara vidal mayor nueva real
""".split())
# Nombres de pila que también son palabras corrientes o lugares: solos no bastan.
_PILA_AMBIGUOS = set("""
Rosa Dolores Pilar Mercedes Paz Luz Sol Gloria Victoria Consuelo Amparo Soledad Rosario Aurora
Milagros Concepción Encarnación Inmaculada Clara Alba Marina Santiago Salvador Domingo Esperanza
Remedios Asunción Nieves Reyes Cruz Ángeles Lourdes Fátima Martín Marcos Lorenzo Andrés Esteban
""".split())

_MAY = "A-ZÁÉÍÓÚÑÜ"
_MIN = "a-záéíóúñüç"
# Una palabra de nombre: «Lucía», «LÓPEZ», «O'Donnell» no; con guion sí («Ruiz-Mateos»).
_PALABRA = rf"(?:[{_MAY}][{_MIN}]+(?:-[{_MAY}][{_MIN}]+)?|[{_MAY}]{{2,}}(?:-[{_MAY}]{{2,}})?)"
_PARTICULA = r"(?i:de|del|de\s+la|de\s+los|de\s+las)"
_SECUENCIA = rf"{_PALABRA}(?:\s+(?:{_PARTICULA}\s+)?{_PALABRA}){{0,4}}"
_MAYUS = rf"[{_MAY}]{{2,}}(?:-[{_MAY}]{{2,}})?"
_INVERTIDO = rf"{_MAYUS}(?:\s+{_MAYUS}){{0,4}},\s*{_MAYUS}(?:\s+{_MAYUS})?"

_TRATAMIENTOS = r"(?<!º )(?:Sra?\.|Srta\.|Dra?\.|Dña\.|D\.ª|Dª|D\.|Don|Doña|Doctora?)"
# Los papeles van en minúscula: «Nieto», «Madre» o «Prima» con mayúscula pueden ser
# apellidos («Dra. Nieto Salas»). Solo las etiquetas de cabecera y firma van con mayúscula.
_ROLES = (r"(?:paciente|hij[oa]|espos[oa]|marido|mujer|madre|padre|herman[oa]|niet[oa]|"
          r"sobrin[oa]|pareja|tí[oa]|abuel[oa]|prim[oa]|cuñad[oa]|yerno|nuera|suegr[oa]|"
          r"cuidador[a]?|vecin[oa]|amig[oa]|enfermer[oa]|médic[oa]|residente|llamad[oa]|"
          r"de\s+nombre|[Rr]esponsable:?|Fdo[.:]+|FDO[.:]+|Firmado:?|Firma:?|Atiende:?|"
          r"acompañad[oa]\s+de|recado\s+a|recoge|[Ss]egún|hablado\s+con|que|"
          r"Paciente:?|PACIENTE:|[Nn]ombre:)")
_NOMBRE_CON_CONTEXTO = re.compile(
    rf"(?:(?:\b{_ROLES}|{_TRATAMIENTOS})[ \t]*,?[ \t]+)+"
    rf"(?P<n>{_INVERTIDO}|(?:(?:de|del|de\s+la|de\s+las|de\s+los)\s+)?{_SECUENCIA})")
_NOMBRE_MINUSCULAS = re.compile(
    rf"\bpaciente:[ \t]*(?P<n>[{_MIN}-]+(?:[ \t]+[{_MIN}-]+){{1,5}})(?=[,.;])")
_PACIENTE_MINUSCULAS = re.compile(rf"\bpaciente[ \t]+(?P<n>[{_MIN}-]+(?:[ \t]+[{_MIN}-]+){{0,4}})")
_NOMBRE_ANTES_DE_VERBO = re.compile(
    rf"(?P<n>{_PALABRA}(?:\s+(?:{_PARTICULA}\s+)?{_PALABRA}){{1,3}})"
    r"(?=\s+(?:firma|refiere|pregunta|tolera|llama|comenta)\b)")
_NOMBRE_SUELTO = re.compile(rf"(?<![\w@.]){_SECUENCIA}")
# Dos o más palabras con mayúscula a mitad de frase, tras una palabra en minúscula que no
# sea «de», «la»... (así «síndrome de Valdoria» o «la Seguridad Social» no cuentan).
_NOMBRE_A_MITAD = re.compile(
    rf"(?<=[{_MIN}] )(?<!\bde )(?<!\bdel )(?<!\bla )(?<!\blas )(?<!\blos )(?<!\bel )"
    rf"(?<!\ben )(?<!\bal )(?<!\ba )(?<!\by )"
    rf"[{_MAY}][{_MIN}]+(?:-[{_MAY}][{_MIN}]+)?(?:\s+(?:(?:de|del|de\s+la|de\s+las|y)\s+)?"
    rf"[{_MAY}][{_MIN}]+(?:-[{_MAY}][{_MIN}]+)?){{1,3}}")

_INSTITUCION = re.compile(
    rf"\b(?:Hospital|Centro\s+de\s+Salud|Clínica|Residencia|Ambulatorio|Fundación)"
    rf"(?:\s+(?:(?:de|del|de\s+la|de\s+los|y)\s+)?[{_MAY}][\w{_MIN}]+){{1,5}}")
_MESES = ("enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
          "noviembre|diciembre")
_PREFIJO_AMPLIO = r"(?:(?:\+|00)34[ .-]?|\(\+34\)[ .-]?)?"
_MES_ABREV = "ene|feb|mar|abr|may|jun|jul|ago|sep|sept|oct|nov|dic"
_ROMANO = "XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I"
_PATRONES = {
    "EMAIL": [re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")],
    "DNI": [_DNI],
    "NIE": [_NIE],
    "TELEFONO": [re.compile(r"(?<![\w+])" + _PREFIJO_AMPLIO + r"[6-9](?:[ .-]?\d){8}(?!\w)"),
                 re.compile(r"(?<![\w+])" + _PREFIJO + r"\([6-9]\d{2}\)[ .-]?\d{3}[ .-]?\d{3}"
                            r"(?!\w)")],
    "FECHA": [
        re.compile(r"(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\1"
                   r"(?:\d{4}|\d{2})(?![\w/]|\.\d|-\d)"),
        re.compile(rf"(?i)\b(?:0?[1-9]|[12]\d|3[01])\s+(?:de\s+)?(?:{_MESES})"
                   rf"(?:\s+(?:(?:de|del)\s+)?\d{{4}})?\b"),
        re.compile(rf"(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])([/.-])(?:{_ROMANO})\1(?:\d{{4}}|\d{{2}})(?!\w)"),
        re.compile(rf"(?i)(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])([/.-])(?:{_MES_ABREV})\1"
                   rf"(?:\d{{4}}|\d{{2}})(?!\w)"),
        re.compile(rf"(?i)\b(?:{_MESES})\s+(?:de|del)\s+\d{{4}}\b"),
        re.compile(r"(?i)(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])[ -](?:ene|feb|mar|abr|may|jun|jul|"
                   r"ago|sep|sept|oct|nov|dic)\.?[ -]\d{4}(?!\w)"),
        re.compile(r"(?<![\w/.-])\d{4}-\d{2}-\d{2}(?!\w)"),
    ],
    "NHC": [
        re.compile(r"(?i)(?:\bNHC|\bN\.H\.C\.|\bH\.C\.|\bHC|\bhistoria(?:\s+clínica)?|\bHª(?:\s+clínica)?|"
                   r"\bn\.?º\s+de\s+historia(?:\s+clínica)?)\s*(?:n\.?º|núm\.?|número)?\s*:?\s*"
                   r"(?P<v>\d{3}\.\d{3}(?:\.\d{3})?|\d{4,10})\b"),
        re.compile(r"\bHC-\d{2,4}-\d{2,8}\b"),
    ],
    "ID_OTRO": [
        # Sin ignorar mayúsculas: «CIP» no debe morder el principio de «Cipriano».
        re.compile(r"\b(?:[Ss]eguridad\s+[Ss]ocial|NSS|[Aa]filiación|[Tt]arjeta\s+sanitaria|TSI|CIP|"
                   r"[Pp]asaporte)\s*(?:n\.?º|núm\.?|número)?\s*:?\s*(?P<v>[A-Z0-9](?:[A-Z0-9/ -]{4,22}"
                   r"[A-Z0-9]))(?![\w])"),
        re.compile(r"(?<![\w/])\d{2}/\d{8}/\d{2}(?![\w/])"),
        re.compile(r"\b[A-Z]{4}\d{10,12}\b"),
    ],
}
_VIA = (r"(?:(?i:c/|calle|avda\.?|av\.|avenida|plaza|pza\.?|plza\.|paseo|p\.º|pº|camino|"
        r"ronda|travesía|carretera|ctra\.|glorieta|callejón|urbanización|urb\.|rambla)|Vía)")
_NOMBRE_VIA = (rf"(?:(?:de|del|la|las|los|el)\s+)*[{_MAY}0-9][\w{_MIN}]*"
               rf"(?:\s+(?:(?:de|del|la|las|los|el|y)\s+)*[{_MAY}][\w{_MIN}]*){{0,5}}")
_DIRECCION = re.compile(
    rf"\b{_VIA}\s*{_NOMBRE_VIA}"
    r"(?:,?\s*(?:(?:n\.?º|núm\.?|número|km)\s*)?(?:\d{1,4}|s/n)(?:-\d{1,2}[A-Za-z]?\b|\s*[A-Za-z]\b)?)?"
    r"(?:,?\s*(?:portal|esc\.?|bloque)\s*\w{1,2})?"
    r"(?:,?\s*\d{1,2}\s?\.?\s?[º°ª](?:\s*(?:[A-Z]\b|\d{1,2}\s?\.?\s?[ºª°]|izq(?:da)?\.?|"
    r"izda\.?|dcha\.?))?)?"
    rf"(?:,?\s*(?:CP|C\.P\.)?\s*[0-5]\d{{4}}\s+(?:(?:A|O|La|El|Las|Los|L')\s*)?"
    rf"(?:[{_MAY}][{_MIN}]+|[{_MAY}]{{3,}})(?:\s+(?:[{_MAY}][{_MIN}]+|[{_MAY}]{{3,}}))?)?")
_CODIGO_POSTAL = re.compile(
    rf"(?:\b(?i:CP|C\.P\.)\s*:?\s*(?P<v>[0-5]\d{{4}})\b|(?<![\w/.-])[0-5]\d{{4}}\s+"
    rf"(?:(?:A|O|La|El|Las|Los)\s+)?(?:[{_MAY}][{_MIN}]+|[{_MAY}]{{3,}}))")
_PRIORIDAD = {"EMAIL": 0, "DNI": 1, "NIE": 1, "ID_OTRO": 2, "NHC": 2, "TELEFONO": 3,
              "FECHA": 4, "DIRECCION": 5, "NOMBRE": 6}


@dataclass
class EntidadDetectada:
    """Un dato personal detectado: su tramo en el texto ORIGINAL, su tipo y su marcador.

    Capítulo 6 (Datos para ajuste fino).
    """

    inicio: int
    fin: int
    tipo: str
    valor: str
    marcador: str = ""


@dataclass
class Anonimizacion:
    """Resultado de ``anonimizar``: el texto con marcadores, lo detectado y el mapa.

    ``mapa`` va de valor normalizado (con su tipo delante, «TELEFONO:612345678») a
    marcador; pásalo a la siguiente llamada para que los marcadores sigan siendo los mismos.

    Capítulo 6 (Datos para ajuste fino).
    """

    texto: str
    entidades: list[EntidadDetectada] = field(default_factory=list)
    mapa: dict[str, str] = field(default_factory=dict)


def _sin_tildes(texto: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", texto)
                   if unicodedata.category(c) != "Mn")


def _tokens_nombre(valor: str) -> list[str]:
    return [t for t in re.findall(r"[\w]+", _sin_tildes(valor).lower())
            if t not in _PARTICULAS]


def _normalizar(tipo: str, valor: str) -> str:
    if tipo == "TELEFONO":
        return _norm_telefono(valor)
    if tipo in ("DNI", "NIE", "ID_OTRO", "NHC"):
        return _norm_documento(valor)
    if tipo == "NOMBRE":
        return " ".join(_tokens_nombre(valor))
    if tipo == "FECHA":
        return _sin_tildes(re.sub(r"\s+", " ", valor.lower()))
    if tipo == "DIRECCION":
        return re.sub(r"[^\w]+", " ", _sin_tildes(valor.lower())).strip()
    return valor.lower()


def _quitar_cola(nombre: str) -> str:
    """Quita palabras de la lista negra al final («Ana López Consulta» → «Ana López»)."""
    palabras = nombre.split()
    while palabras and palabras[-1].strip(",") in _NO_NOMBRE:
        palabras.pop()
    while palabras and palabras[-1].lower() in _PARTICULAS:
        palabras.pop()
    return " ".join(palabras)


def _candidatos_nombre(texto: str) -> list[tuple[int, int]]:
    tramos = []
    for m in _NOMBRE_CON_CONTEXTO.finditer(texto):
        nombre = m.group("n")
        primera = nombre.split()[0].strip(",")
        if (primera in _NO_NOMBRE or primera.capitalize() in _NO_NOMBRE) \
                and primera.lower() not in _PARTICULAS:
            continue
        nombre = _quitar_cola(nombre)
        if nombre:
            tramos.append((m.start("n"), m.start("n") + len(nombre)))
    for m in _NOMBRE_SUELTO.finditer(texto):
        palabras = [p for p in re.split(r"\s+", m.group()) if p.lower() not in _PARTICULAS]
        conocidas = [p for p in palabras if _en_lista(p, _NOMBRES_PILA) or _en_lista(p, _APELLIDOS)]
        # Sin contexto exigimos un nombre de pila conocido delante, y dos palabras o más
        # (así «Rosa» o «Pilar» sueltas no cuentan), o dos palabras conocidas.
        pila = bool(palabras) and _en_lista(palabras[0], _NOMBRES_PILA) \
            and not _en_lista(palabras[0], _PILA_AMBIGUOS)
        if len(palabras) >= 2 and (pila or len(conocidas) >= 2) \
                and palabras[0] not in _NO_NOMBRE:
            nombre = _quitar_cola(m.group())
            if len(nombre.split()) >= 2:
                tramos.append((m.start(), m.start() + len(nombre)))
    # Un nombre de pila frecuente y sin otro sentido basta solo («Habla con Ana»).
    for m in re.finditer(rf"(?<![\w@.-])[{_MAY}][{_MIN}]+(?![\w@-])", texto):
        if m.group() in _NOMBRES_PILA and m.group() not in _PILA_AMBIGUOS:
            tramos.append((m.start(), m.end()))
    for m in _NOMBRE_A_MITAD.finditer(texto):
        palabras = m.group().split()
        if not any(p in _NO_NOMBRE for p in palabras):
            tramos.append((m.start(), m.end()))
    # Dos o más palabras con mayúscula a principio de frase seguidas de un verbo de los que
    # dicen lo que hace una persona («Nicanor Cortés firma el consentimiento»).
    for m in _NOMBRE_ANTES_DE_VERBO.finditer(texto):
        if not any(p in _NO_NOMBRE for p in m.group("n").split()):
            tramos.append((m.start("n"), m.end("n")))
    # En minúsculas, tras la etiqueta «paciente:» va el nombre entero hasta la coma o el
    # punto; tras «paciente» sin dos puntos, las palabras que están en las listas.
    for m in _NOMBRE_MINUSCULAS.finditer(texto):
        tramos.append((m.start("n"), m.end("n")))
    for m in _PACIENTE_MINUSCULAS.finditer(texto):
        fin = m.start("n")
        for p in re.finditer(rf"[{_MIN}-]+", texto[m.start("n"):m.end("n")]):
            partes = p.group().split("-")
            if all(_en_lista(q, _NOMBRES_PILA) or _en_lista(q, _APELLIDOS) for q in partes) \
                    or p.group() in _PARTICULAS:
                fin = m.start("n") + p.end()
            else:
                break
        if fin > m.start("n"):
            tramos.append((m.start("n"), fin))
    return tramos


def _en_lista(palabra: str, lista: set[str]) -> bool:
    """¿Está la palabra en la lista, escrita con mayúscula inicial, toda en mayúsculas o no?"""
    return palabra in lista or palabra.capitalize() in lista


def _propagar_nombres(texto: str, tramos: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Busca en el resto del texto las palabras de los nombres ya detectados."""
    palabras = set()
    for inicio, fin in tramos:
        for p in re.findall(rf"[\w{_MIN}-]+", texto[inicio:fin]):
            if len(p) >= 3 and p.lower() not in _PARTICULAS:
                palabras.add(_sin_tildes(p).lower())
    if not palabras:
        return []
    nuevos = []
    for m in re.finditer(rf"(?<![\w@.])(?:{_PALABRA}|[{_MIN}]{{3,}}(?:-[{_MIN}]+)?)(?![\w@-])", texto):
        clave = _sin_tildes(m.group()).lower()
        anterior = re.search(r"(\w+)\s+$", texto[max(0, m.start() - 40):m.start()])
        tras_nombre = bool(anterior) and _sin_tildes(anterior.group(1)).lower() in palabras
        if clave in palabras and m.group() not in _NO_NOMBRE \
                and not (m.group().islower() and clave in _CORRIENTES and not tras_nombre):
            nuevos.append((m.start(), m.end()))
    return nuevos


def _detectar(texto: str) -> list[tuple[int, int, str]]:
    candidatos: list[tuple[int, int, str]] = []
    for tipo, patrones in _PATRONES.items():
        for patron in patrones:
            for m in patron.finditer(texto):
                grupo = "v" if "v" in patron.groupindex else 0
                candidatos.append((m.start(grupo), m.end(grupo), tipo))
    for m in _DIRECCION.finditer(texto):
        valor = m.group().rstrip(" ,")
        # Una vía sin número ni código postal («la calle», «Plaza» a secas) no basta.
        if re.search(r"\d", valor) or len(valor.split()) >= 3:
            candidatos.append((m.start(), m.start() + len(valor), "DIRECCION"))
    for m in _CODIGO_POSTAL.finditer(texto):
        grupo = "v" if m.group("v") else 0
        candidatos.append((m.start(grupo), m.end(grupo), "DIRECCION"))
    # Lo que sigue a «Hospital» o «Centro de Salud» es un sitio, no una persona.
    instituciones = [(m.start(), m.end()) for m in _INSTITUCION.finditer(texto)]
    nombres = [(i, f) for i, f in _candidatos_nombre(texto)
               if not any(i < b and a < f for a, b in instituciones)]
    # Lo que ya es otro dato (una calle, un correo) no se propaga como nombre.
    elegidos = _resolver(candidatos + [(i, f, "NOMBRE") for i, f in nombres])
    nombres = [(i, f) for i, f, t in elegidos if t == "NOMBRE"]
    candidatos += [(i, f, "NOMBRE") for i, f in nombres + _propagar_nombres(texto, nombres)
                   if not any(i < b and a < f for a, b in instituciones)]
    # Un «nombre» seguido de una puntuación («EVA 7/10») es una escala.
    candidatos = [c for c in candidatos if c[2] != "NOMBRE"
                  or not re.match(r"\s*\d{1,2}/10\b", texto[c[1]:])]
    return _unir_nombres(texto, _resolver(candidatos))


def _resolver(candidatos: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Quita solapes: gana el tramo más largo y, a igual longitud, el tipo más específico."""
    orden = sorted(set(candidatos), key=lambda c: (-(c[1] - c[0]), _PRIORIDAD[c[2]], c[0]))
    ocupado: list[tuple[int, int]] = []
    elegidos = []
    for inicio, fin, tipo in orden:
        if fin <= inicio or any(inicio < f and i < fin for i, f in ocupado):
            continue
        ocupado.append((inicio, fin))
        elegidos.append((inicio, fin, tipo))
    return sorted(elegidos)


def _unir_nombres(texto: str, tramos: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Une nombres contiguos separados solo por espacios o por «de» («Ana» «López»)."""
    unidos: list[tuple[int, int, str]] = []
    for inicio, fin, tipo in tramos:
        if unidos and tipo == "NOMBRE" and unidos[-1][2] == "NOMBRE" and re.fullmatch(
                r"\s+(?:(?i:de|del|de la|de las|de los)\s+)?", texto[unidos[-1][1]:inicio]):
            unidos[-1] = (unidos[-1][0], fin, tipo)
        else:
            unidos.append((inicio, fin, tipo))
    return unidos


def _marcador(tipo: str, valor: str, mapa: dict[str, str]) -> str:
    clave = f"{tipo}:{_normalizar(tipo, valor)}"
    if clave in mapa:
        return mapa[clave]
    if tipo == "NOMBRE":
        # «Gómez» o «Sr. Gómez» son la misma persona que «Luis Gómez Ruiz»: si todas las
        # palabras de un nombre están en otro ya visto (o al revés), comparten marcador.
        nuevo = set(_tokens_nombre(valor))
        for otra, marcador in mapa.items():
            if otra.startswith("NOMBRE:"):
                vistas = set(otra[len("NOMBRE:"):].split())
                if nuevo and vistas and (nuevo <= vistas or vistas <= nuevo):
                    mapa[clave] = marcador
                    return marcador
    prefijo = MARCADORES[tipo]
    usados = {m for m in mapa.values() if m.startswith(f"[{prefijo}_")}
    marcador = f"[{prefijo}_{len(usados) + 1}]"
    mapa[clave] = marcador
    return marcador


def anonimizar(texto: str, mapa: dict[str, str] | None = None) -> Anonimizacion:
    r"""Seudonimiza una nota: cada dato personal pasa a ser un marcador con tipo y número.

    Detecta nombres (por tratamiento, papel o firma, por listas de nombres y apellidos
    frecuentes y repitiendo en la nota los ya hallados), DNI, NIE, otros números de
    identidad, teléfonos, correos, fechas, direcciones y números de historia clínica. El
    mismo valor normalizado lleva el mismo marcador: «612 345 678» y «+34 612-345-678» son
    el mismo teléfono; «Sr. Gómez» y «Luis Gómez» la misma persona.

    Args:
        texto: la nota.
        mapa: el ``mapa`` de una llamada anterior, para que el mismo dato conserve su
            marcador entre notas (hazlo solo con notas de un mismo paciente: ver
            ``anonimizar_textos``). Se actualiza en su sitio. ``None`` empieza uno nuevo.

    Returns:
        ``Anonimizacion`` con el texto seudonimizado, las entidades (tramos en el texto
        original) y el mapa.

    Ejemplo: ``anonimizar("Sr. Gómez, tel. 612 345 678").texto`` da
    ``"Sr. [NOMBRE_1], tel. [TELEFONO_1]"``.

    Capítulo 6 (Datos para ajuste fino).
    """
    if not isinstance(texto, str):
        raise TypeError(f"anonimizar espera un texto (str); recibí {type(texto).__name__}.")
    if mapa is None:
        mapa = {}
    elif not isinstance(mapa, dict):
        raise TypeError("mapa debe ser el diccionario devuelto por una llamada anterior "
                        f"(Anonimizacion.mapa) o None; recibí {type(mapa).__name__}.")
    entidades, partes, anterior = [], [], 0
    for inicio, fin, tipo in _detectar(texto):
        valor = texto[inicio:fin]
        marcador = _marcador(tipo, valor, mapa)
        entidades.append(EntidadDetectada(inicio, fin, tipo, valor, marcador))
        partes += [texto[anterior:inicio], marcador]
        anterior = fin
    partes.append(texto[anterior:])
    return Anonimizacion("".join(partes), entidades, mapa)


# ---------------------------------------------------------------------------------------
# Medir
# ---------------------------------------------------------------------------------------
def _tramos_de(resultado, texto: str) -> list[tuple[int, int, str]]:
    """Tramos detectados por ``funcion``: de una ``Anonimizacion`` o de un texto con marcadores."""
    if isinstance(resultado, Anonimizacion):
        return [(e.inicio, e.fin, e.tipo) for e in resultado.entidades]
    if isinstance(resultado, str):
        # Reconstruimos los tramos alineando el texto anonimizado con el original.
        tramos, i, j = [], 0, 0
        marcador = re.compile(r"\[([A-Z]+)_\d+\]")
        while j < len(resultado):
            m = marcador.match(resultado, j)
            if m:
                # El texto que sigue, hasta 12 caracteres y sin pisar el marcador siguiente
                # («[TELEFONO_1] y [TELEFONO_2]»), se busca en el original.
                resto = resultado[m.end():]
                otro = marcador.search(resto)
                siguiente = resto[:min(12, otro.start() if otro else len(resto))]
                if siguiente:
                    fin = texto.find(siguiente, i)
                else:
                    fin = len(texto) if not resto else i
                fin = len(texto) if fin < 0 else fin
                tipo = {v: k for k, v in MARCADORES.items()}.get(m.group(1), m.group(1))
                tramos.append((i, fin, tipo))
                i, j = fin, m.end()
            else:
                i, j = i + 1, j + 1
        return tramos
    raise TypeError("La función que se evalúa debe devolver una Anonimizacion o un str; "
                    f"devolvió {type(resultado).__name__}.")


@dataclass
class EvaluacionAnonimizacion:
    """Resultado de ``evaluar_anonimizacion``: la tabla por tipo, las cifras globales y los fallos.

    Capítulo 6 (Datos para ajuste fino).
    """

    tabla: object  # pandas.DataFrame
    recall: float
    precision: float
    fallos: list[dict]
    precision_caracteres: float = float("nan")

    def _repr_html_(self):  # en un cuaderno se ve la tabla
        return self.tabla._repr_html_()


def evaluar_anonimizacion(notas: list[dict], funcion=anonimizar,
                          cobertura: float = 1.0) -> EvaluacionAnonimizacion:
    r"""Precisión y exhaustividad (recall) de un anonimizador, por tipo y en total.

    Criterios (por solapamiento de tramos de caracteres):

    - Una entidad plantada cuenta como **detectada** si las detecciones (de cualquier tipo:
      lo que importa es que el dato desaparezca) cubren al menos ``cobertura`` de sus
      letras y cifras; por defecto TODAS (1.0). Tapar «Gómez» pero dejar «Lucía» a la vista
      en «Lucía Gómez» no cuenta.
    - Una detección es **correcta** (para la precisión) si se solapa con alguna entidad
      plantada; si no, ha tapado texto que no era personal (una dosis, una enfermedad).
      Es un criterio laxo: una detección que tapa un dato y además texto clínico de al
      lado, o un dato de otro tipo (un teléfono que muerde un número de historia), cuenta
      como correcta.
    - La **precisión por caracteres** es más estricta con lo primero: de los caracteres
      tapados, la fracción que pertenece a algún dato plantado (de cualquier tipo).
    - El recall por tipo usa el tipo plantado; las precisiones por tipo, el tipo detectado.

    Args:
        notas: lista de ``{"texto", "entidades"}`` como las de
            ``curso_llm.datos.personales.notas_con_datos_personales``.
        funcion: el anonimizador; puede devolver una ``Anonimizacion`` o el texto con
            marcadores ``[TIPO_n]`` (como ``anonimizar_telefonos_e_ids``).
        cobertura: fracción mínima de letras y cifras cubiertas para contar una entidad.

    Returns:
        ``EvaluacionAnonimizacion`` con ``tabla`` (un ``DataFrame`` con una fila por tipo y
        otra «TOTAL», y las columnas plantadas, detectadas, recall, detecciones, precision
        y precision_caracteres), ``recall``, ``precision``, ``precision_caracteres`` y
        ``fallos`` (falsos negativos con su contexto, para leerlos).

    Capítulo 6 (Datos para ajuste fino).
    """
    import pandas as pd

    if not isinstance(notas, list) or not all(
            isinstance(n, dict) and "texto" in n and "entidades" in n for n in notas):
        raise ValueError("notas debe ser una lista de diccionarios con las claves 'texto' y "
                         "'entidades' (usa notas_con_datos_personales).")
    if not 0 < cobertura <= 1:
        raise ValueError(f"cobertura debe estar en (0, 1]; recibí {cobertura}.")
    plantadas: dict[str, list[int]] = {}
    detectadas: dict[str, list[int]] = {}
    caracteres: dict[str, list[int]] = {}  # tipo detectado → [tapados, tapados que son datos]
    fallos = []
    for k, nota in enumerate(notas):
        texto = nota["texto"]
        tramos = _tramos_de(funcion(texto), texto)
        cubierto = bytearray(len(texto))
        for inicio, fin, _ in tramos:
            cubierto[inicio:fin] = b"\x01" * (fin - inicio)
        for e in nota["entidades"]:
            utiles = [i for i in range(e["inicio"], e["fin"]) if texto[i].isalnum()]
            fraccion = sum(cubierto[i] for i in utiles) / max(len(utiles), 1)
            ok = fraccion >= cobertura - 1e-9
            plantadas.setdefault(e["tipo"], [0, 0])
            plantadas[e["tipo"]][0] += 1
            plantadas[e["tipo"]][1] += ok
            if not ok:
                fallos.append({"nota": k, "tipo": e["tipo"], "valor": e["valor"],
                               "cubierto": round(fraccion, 2),
                               "contexto": texto[max(0, e["inicio"] - 40):e["fin"] + 25]})
        plantado = bytearray(len(texto))
        for e in nota["entidades"]:
            plantado[e["inicio"]:e["fin"]] = b"\x01" * (e["fin"] - e["inicio"])
        for inicio, fin, tipo in tramos:
            correcta = any(inicio < e["fin"] and e["inicio"] < fin for e in nota["entidades"])
            detectadas.setdefault(tipo, [0, 0])
            detectadas[tipo][0] += 1
            detectadas[tipo][1] += correcta
            caracteres.setdefault(tipo, [0, 0])
            caracteres[tipo][0] += max(fin - inicio, 0)
            caracteres[tipo][1] += sum(plantado[inicio:fin])
    filas = []
    for tipo in sorted(set(plantadas) | set(detectadas)):
        n_p, ok_p = plantadas.get(tipo, [0, 0])
        n_d, ok_d = detectadas.get(tipo, [0, 0])
        c_d, ok_c = caracteres.get(tipo, [0, 0])
        filas.append({"tipo": tipo, "plantadas": n_p, "detectadas": ok_p,
                      "recall": ok_p / n_p if n_p else float("nan"), "detecciones": n_d,
                      "precision": ok_d / n_d if n_d else float("nan"),
                      "precision_caracteres": ok_c / c_d if c_d else float("nan")})
    total_p = sum(v[0] for v in plantadas.values())
    total_ok = sum(v[1] for v in plantadas.values())
    total_d = sum(v[0] for v in detectadas.values())
    total_dok = sum(v[1] for v in detectadas.values())
    total_c = sum(v[0] for v in caracteres.values())
    total_cok = sum(v[1] for v in caracteres.values())
    recall = total_ok / total_p if total_p else float("nan")
    precision = total_dok / total_d if total_d else float("nan")
    precision_car = total_cok / total_c if total_c else float("nan")
    filas.append({"tipo": "TOTAL", "plantadas": total_p, "detectadas": total_ok,
                  "recall": recall, "detecciones": total_d, "precision": precision,
                  "precision_caracteres": precision_car})
    tabla = pd.DataFrame(filas).set_index("tipo")
    return EvaluacionAnonimizacion(tabla, recall, precision, fallos, precision_car)


# ---------------------------------------------------------------------------------------
# Tus notas
# ---------------------------------------------------------------------------------------
def anonimizar_textos(textos: list[str], mapa: dict[str, str] | None = None,
                      compartir_mapa: bool = False) -> list[str]:
    r"""Seudonimiza una lista de textos, con un mapa nuevo por texto o uno compartido.

    Por defecto (``compartir_mapa=False``) cada texto empieza un mapa nuevo: los marcadores
    de una nota no dicen nada de los de otra, y no hay vinculaciones entre notas, ni falsas
    ni verdaderas. Con ``compartir_mapa=True`` el mismo dato lleva el mismo marcador en
    todos los textos; úsalo cuando las notas sean de un mismo paciente y quieras seguirlo
    de una a otra. No es el valor por defecto por sus dos costes: un apellido suelto de OTRA
    persona en otra nota («Sr. Gil») recibe el marcador de la primera persona que lo llevaba
    («Ana Gil Mora»), una vinculación falsa; y los marcadores comunes permiten enlazar todas
    las notas de una persona, lo que facilita reidentificarla.

    Args:
        textos: lista de notas (``str``).
        mapa: un mapa anterior para continuar la numeración; ``None`` empieza uno nuevo.
            Solo con ``compartir_mapa=True``.
        compartir_mapa: ``False`` (por defecto), un mapa por texto; ``True``, uno para
            todos los textos.

    Returns:
        Lista de textos seudonimizados, en el mismo orden.

    Capítulo 6 (Datos para ajuste fino).
    """
    if isinstance(textos, str) or not isinstance(textos, (list, tuple)):
        raise TypeError("anonimizar_textos espera una lista de textos; recibí "
                        f"{type(textos).__name__}. Para un solo texto usa anonimizar(texto).")
    if not isinstance(compartir_mapa, bool):
        raise TypeError(f"compartir_mapa debe ser True o False; recibí {compartir_mapa!r}.")
    if mapa is not None and not compartir_mapa:
        raise ValueError("Has pasado un mapa con compartir_mapa=False (el valor por defecto): "
                         "con un mapa por nota no hay mapa común que continuar. Quita mapa= o "
                         "pasa también compartir_mapa=True.")
    mapa = {} if mapa is None else mapa
    salida = []
    for i, texto in enumerate(textos):
        if not isinstance(texto, str):
            raise TypeError(f"El elemento {i} no es un texto sino {type(texto).__name__}: "
                            "convierte o quita esa fila antes de anonimizar.")
        salida.append(anonimizar(texto, mapa if compartir_mapa else {}).texto)
    return salida


def anonimizar_dataset(dataset, columna: str, mapa: dict[str, str] | None = None,
                       columna_salida: str | None = None, compartir_mapa: bool = False):
    r"""Seudonimiza una columna de texto de un ``datasets.Dataset`` (un mapa por fila o uno común).

    Por defecto (``compartir_mapa=False``) cada fila usa un mapa nuevo. Con
    ``compartir_mapa=True`` el mismo dato lleva el mismo marcador en todas las filas: úsalo
    cuando las filas sean notas de un mismo paciente. No es el valor por defecto porque
    puede dar el mismo marcador a dos personas distintas que comparten un apellido (una
    vinculación falsa) y permite enlazar las filas de una misma persona (ver
    ``anonimizar_textos``).

    Args:
        dataset: un ``datasets.Dataset``.
        columna: la columna con las notas.
        mapa: un mapa anterior; ``None`` empieza uno nuevo. Solo con ``compartir_mapa=True``.
        columna_salida: dónde escribir el resultado; ``None`` sobrescribe ``columna``.
        compartir_mapa: ``False`` (por defecto), un mapa por fila; ``True``, uno para todas.

    Returns:
        Un ``Dataset`` nuevo con la columna seudonimizada (el original no cambia).

    Capítulo 6 (Datos para ajuste fino).
    """
    nombres = getattr(dataset, "column_names", None)
    if nombres is None or not hasattr(dataset, "map"):
        raise TypeError("anonimizar_dataset espera un datasets.Dataset; recibí "
                        f"{type(dataset).__name__}. Para una lista usa anonimizar_textos.")
    if columna not in nombres:
        raise KeyError(f"El dataset no tiene la columna {columna!r}; sus columnas son "
                       f"{nombres}. Pasa columna= con una de ellas.")
    valores = dataset[columna]
    for i, valor in enumerate(valores):
        if not isinstance(valor, str):
            raise TypeError(f"La fila {i} de la columna {columna!r} no es un texto sino "
                            f"{type(valor).__name__}: quítala o conviértela antes "
                            "(p. ej. con dataset.filter).")
    nuevos = anonimizar_textos(list(valores), mapa, compartir_mapa=compartir_mapa)
    destino = columna_salida or columna
    # Se añade antes de quitar: un Dataset sin columnas se queda sin filas.
    temporal = "__curso_llm_anonimo__"
    dataset = dataset.add_column(temporal, nuevos)
    if destino in nombres:
        dataset = dataset.remove_columns(destino)
    dataset = dataset.rename_column(temporal, destino)
    # Las columnas, en su orden de antes (una columna_salida nueva va al final).
    return dataset.select_columns(nombres + ([destino] if destino not in nombres else []))
