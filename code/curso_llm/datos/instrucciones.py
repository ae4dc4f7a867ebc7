"""Datos de instrucciones del mundo clínico ficticio: de una tabla (datos estructurados) y de
notas libres (no estructurados) a pares instrucción-respuesta; una evolución al estilo
Evol-Instruct que sube la complejidad (dos saltos, contraindicaciones) con respuestas que se
calculan del propio mundo, y filtros de calidad con un informe de lo que quitan.

Todo es **ficticio** (véase ``AVISO_FICTICIO``): ni las enfermedades ni los fármacos existen.
"""

from __future__ import annotations

import dataclasses
import random
import re
from dataclasses import dataclass

from ._comun import mayuscula_inicial, semilla_de, unir_lista
from .clinico import _ESPECIALIDADES, Enfermedad, mundo_clinico

_EVOLUCIONES = ["mejoría clara", "mejoría parcial", "sin cambios", "empeoramiento leve"]
_CONDICIONES = sorted({c for d in _ESPECIALIDADES.values() for c in d["contra"]})


def _por_nombre() -> dict[str, Enfermedad]:
    return {e.nombre: e for e in mundo_clinico()}


# ---------------------------------------------------------------------------------------
# Datos estructurados: una tabla de tratamientos
# ---------------------------------------------------------------------------------------
def tabla_tratamientos(n: int = 200, semilla: int = 0):
    """Una tabla (``pandas.DataFrame``) de tratamientos de pacientes ficticios, como la que
    exportaría una consulta: ``id_paciente``, ``edad``, ``sexo``, ``enfermedad``,
    ``especialidad``, ``farmaco``, ``medida``, ``semanas`` de tratamiento, ``condicion`` del
    paciente (una situación que puede contraindicar el fármaco, o «ninguna») y ``evolucion``.
    Cada paciente tiene de 1 a 3 filas (visitas), con la misma enfermedad.

    Capítulo 6 (Datos para ajuste fino).
    """
    import pandas as pd

    rng = random.Random(semilla_de("tabla", semilla))
    todas = mundo_clinico()
    filas = []
    paciente = 0
    while len(filas) < n:
        paciente += 1
        enf = rng.choice(todas)
        edad = rng.randint(18, 90)
        sexo = rng.choice(["mujer", "hombre"])
        posibles = [c for c in _CONDICIONES if not c.startswith("niños")
                    and (c != "embarazo" or (sexo == "mujer" and edad <= 45))
                    and (c != "pacientes mayores de ochenta años" or edad > 80)]
        condicion = rng.choice(posibles) if rng.random() < 0.3 else "ninguna"
        for visita in range(rng.randint(1, 3)):
            if len(filas) == n:
                break
            filas.append({
                "id_paciente": f"P-{paciente:04d}", "edad": edad, "sexo": sexo,
                "enfermedad": enf.nombre, "especialidad": enf.especialidad,
                "farmaco": enf.tratamientos[0], "medida": enf.tratamientos[1],
                "semanas": 2 * (visita + 1), "condicion": condicion,
                "evolucion": rng.choice(_EVOLUCIONES),
            })
    return pd.DataFrame(filas)


def _situacion(condicion: str) -> str:
    """Una condición de la lista de contraindicaciones («pacientes con marcapasos») como
    situación de un paciente («lleva marcapasos»), para escribir la pregunta."""
    especiales = {"embarazo": "está embarazada", "niños pequeños": "es un niño pequeño",
                  "niños menores de dos años": "es un niño menor de dos años",
                  "pacientes fumadores": "fuma",
                  "pacientes mayores de ochenta años": "tiene más de ochenta años",
                  "pacientes con marcapasos": "lleva marcapasos",
                  "uso de lentes de contacto": "usa lentes de contacto",
                  "exposición solar intensa": "trabaja con exposición solar intensa"}
    if condicion in especiales:
        return especiales[condicion]
    for prefijo in ("pacientes con ", "personas con "):
        if condicion.startswith(prefijo):
            return "tiene " + condicion[len(prefijo):]
    return "tiene " + condicion


def _contraindicado(enf: Enfermedad, condicion: str) -> bool:
    return condicion in enf.contraindicaciones


def pares_desde_tabla(tabla) -> list[dict]:
    """Pares instrucción-respuesta (formato Alpaca, más ``enfermedad``, ``id_paciente`` y
    ``origen``) que verbalizan cada fila de la tabla: un resumen del caso y una pregunta sobre
    su tratamiento. La fila va en ``input`` como «campo: valor», sin ``id_paciente``: el
    identificador no se entrena, solo sirve para agrupar (particiones por paciente).

    Capítulo 6 (Datos para ajuste fino).
    """
    mundo = _por_nombre()
    pares = []
    for fila in tabla.to_dict("records"):
        enf = mundo[fila["enfermedad"]]
        # El identificador se queda como metadato (para agrupar), nunca en el texto que se entrena.
        entrada = "\n".join(f"{k}: {v}" for k, v in fila.items() if k != "id_paciente")
        resumen = (f"{mayuscula_inicial(fila['sexo'])} de {fila['edad']} años con "
                   f"{fila['enfermedad']}, en tratamiento con {fila['farmaco']} y "
                   f"{fila['medida']} desde hace {fila['semanas']} semanas; evolución: "
                   f"{fila['evolucion']}.")
        situacion = _situacion(fila["condicion"])
        sujeto = "la paciente" if fila["sexo"] == "mujer" else "el paciente"
        if fila["condicion"] == "ninguna":
            aviso = f"No: no consta ninguna condición que contraindique {fila['farmaco']}."
        elif _contraindicado(enf, fila["condicion"]):
            aviso = (f"Sí: {fila['farmaco']} no se recomienda en {fila['condicion']}, y "
                     f"{sujeto} {situacion}.")
        else:
            aviso = (f"No: {sujeto} {situacion}, y eso no figura entre las "
                     f"contraindicaciones de {fila['farmaco']} "
                     f"({unir_lista(enf.contraindicaciones)}).")
        comunes = {"enfermedad": fila["enfermedad"], "id_paciente": fila["id_paciente"],
                   "origen": "tabla"}
        pares.append({"instruction": "Resume este registro de tratamiento en una frase.",
                      "input": entrada, "output": resumen, **comunes})
        pares.append({"instruction": "¿Hay algo en este registro que contraindique el "
                      "tratamiento?", "input": entrada, "output": aviso, **comunes})
    return pares


# ---------------------------------------------------------------------------------------
# Datos no estructurados: notas libres
# ---------------------------------------------------------------------------------------
_CAMPOS_NOTA = re.compile(
    r"(?P<sexo>Mujer|Hombre) de (?P<edad>\d+) años, (?P<antecedentes>[^.]+)\. "
    r"Consulta por (?P<motivo>[^.]+)\. .*?Se solicita (?P<pruebas>[^.]+)\. Plan: (?P<plan>[^.]+)\."
)


def campos_de_nota(texto: str) -> dict | None:
    """Extrae con una expresión regular los campos de una nota ficticia del curso (sexo, edad,
    antecedentes, motivo, pruebas, plan); ``None`` si la nota no sigue ese esquema.

    Capítulo 6 (Datos para ajuste fino).
    """
    m = _CAMPOS_NOTA.search(texto)
    return m.groupdict() if m else None


def pares_desde_notas(notas: list[dict]) -> tuple[list[dict], list[dict]]:
    """Pares instrucción-respuesta a partir de notas libres (``notas_clinicas``): qué pruebas
    se piden, un resumen de una línea y qué especialidad debería valorarla (la etiqueta de la
    nota). Devuelve ``(pares, no_usadas)``: las notas cuyo texto no se pudo analizar no se
    pierden en silencio, se devuelven con el motivo.

    Capítulo 6 (Datos para ajuste fino).
    """
    pares, no_usadas = [], []
    for i, nota in enumerate(notas):
        campos = campos_de_nota(nota["texto"])
        if campos is None:
            no_usadas.append({"indice": i, "motivo": "la nota no sigue el esquema esperado"})
            continue
        comunes = {"input": nota["texto"], "enfermedad": nota["enfermedad"], "origen": "nota"}
        pares.append({"instruction": "¿Qué pruebas se solicitan en esta nota?",
                      "output": mayuscula_inicial(campos["pruebas"]) + ".", **comunes})
        pares.append({"instruction": "Resume esta nota clínica en una línea.",
                      "output": (f"{campos['sexo']} de {campos['edad']} años que consulta por "
                                 f"{campos['motivo']}; plan: {campos['plan']}."), **comunes})
        pares.append({"instruction": "¿Qué especialidad debería valorar a este paciente?",
                      "output": mayuscula_inicial(nota["especialidad"]) + ".", **comunes})
    return pares, no_usadas


# ---------------------------------------------------------------------------------------
# Evolución al estilo Evol-Instruct
# ---------------------------------------------------------------------------------------
@dataclass
class Instruccion:
    """Una instrucción del mundo clínico con su respuesta verificable y su complejidad:
    ``saltos`` es el número de hechos del mundo que hay que encadenar para responder
    (concretar en un caso no añade ninguno). ``edad``, ``sexo`` y ``condicion`` describen al
    paciente cuando la instrucción ya habla de uno, para que las evoluciones siguientes sean
    coherentes con él; ``pide_farmaco`` dice si la respuesta ya exige saber el fármaco.

    Capítulo 6 (Datos para ajuste fino).
    """

    pregunta: str
    respuesta: str
    enfermedad: str
    saltos: int
    operacion: str
    pide_farmaco: bool = False
    edad: int | None = None
    sexo: str | None = None
    condicion: str | None = None

    def a_alpaca(self) -> dict:
        """El par en formato Alpaca (con ``enfermedad``, ``saltos`` y ``operacion``)."""
        return {"instruction": self.pregunta, "input": "", "output": self.respuesta,
                "enfermedad": self.enfermedad, "saltos": self.saltos,
                "operacion": self.operacion}


_MASCULINAS = ("síndrome", "temblor", "eritema")


def con_articulo(nombre: str) -> str:
    """«síndrome de Valdoria» → «el síndrome de Valdoria»; «fiebre de Quelmar» → «la fiebre
    de Quelmar».

    Capítulo 6 (Datos para ajuste fino).
    """
    return ("el " if nombre.split()[0] in _MASCULINAS else "la ") + nombre


def _de(nombre_con_articulo: str) -> str:
    """«el síndrome…» → «del síndrome…»; «la fiebre…» → «de la fiebre…»."""
    if nombre_con_articulo.startswith("el "):
        return "del " + nombre_con_articulo[3:]
    return "de " + nombre_con_articulo


def instrucciones_semilla() -> list[Instruccion]:
    """Las instrucciones de partida: una pregunta directa (un salto) sobre el fármaco, el signo
    y la prueba propia de cada enfermedad.

    Capítulo 6 (Datos para ajuste fino).
    """
    semillas = []
    for e in mundo_clinico():
        n = con_articulo(e.nombre)
        semillas += [
            Instruccion(f"¿Qué fármaco se usa contra {n}?",
                        f"Se trata con {e.tratamientos[0]}.", e.nombre, 1, "semilla",
                        pide_farmaco=True),
            Instruccion(f"¿Qué signo es característico {_de(n)}?",
                        f"Su signo característico es {e.signo_distintivo}.", e.nombre, 1,
                        "semilla"),
            Instruccion(f"¿Con qué prueba de nombre propio se confirma {n}?",
                        f"Se confirma con la {e.pruebas[-1]}.", e.nombre, 1, "semilla"),
        ]
    return semillas


def _condicion_posible(condicion: str, edad: int | None, sexo: str | None) -> bool:
    """Si un paciente de esa edad y sexo (``None``: aún sin decidir) puede estar en esa
    situación: nada de embarazos en hombres o a los 70 años, ni «niños» adultos."""
    if condicion == "embarazo":
        return sexo != "hombre" and (edad is None or 18 <= edad <= 45)
    if condicion == "niños menores de dos años":
        return edad is None or edad < 2
    if condicion == "niños pequeños":
        return edad is None or edad < 7
    if condicion == "pacientes mayores de ochenta años":
        return edad is None or edad > 80
    return True


def _paciente_para(condicion: str | None, rng: random.Random) -> tuple[int, str]:
    """Edad y sexo de un caso concreto, compatibles con la condición del paciente."""
    if condicion == "embarazo":
        return rng.randint(18, 45), "mujer"
    sexo = rng.choice(["mujer", "hombre"])
    if condicion == "niños menores de dos años":
        return 1, sexo
    if condicion == "niños pequeños":
        return rng.randint(2, 6), sexo
    if condicion == "pacientes mayores de ochenta años":
        return rng.randint(81, 95), sexo
    return rng.randint(18, 90), sexo


def _sujeto(edad: int, sexo: str) -> str:
    """«Una mujer de 34 años», «Un niño de 1 año», «Una niña de 4 años»."""
    if edad < 14:
        nombre = "Una niña" if sexo == "mujer" else "Un niño"
    else:
        nombre = "Una mujer" if sexo == "mujer" else "Un hombre"
    return f"{nombre} de {edad} {'año' if edad == 1 else 'años'}"


def _opciones(instruccion: Instruccion, enfermedad: Enfermedad) -> list[str]:
    opciones = []
    if instruccion.edad is None:
        opciones.append("caso")
    if instruccion.condicion is None:
        posibles = [c for c in _CONDICIONES
                    if _condicion_posible(c, instruccion.edad, instruccion.sexo)]
        if posibles:
            opciones.append("contraindicacion")
    if instruccion.operacion == "semilla":
        opciones.append("dos_saltos")
    return opciones


def evolucionar(instruccion: Instruccion, rng: random.Random) -> Instruccion:
    """Una ronda de evolución «en profundidad» (Evol-Instruct): reescribe la instrucción para
    que exija más hechos o añada contexto. Las operaciones:

    - ``dos_saltos`` (solo sobre una semilla): nombra la enfermedad por su signo
      característico en vez de por su nombre (hay que identificarla antes de responder);
    - ``contraindicacion``: añade una segunda parte, «Además, si el paciente tiene X, ¿se le
      puede dar el fármaco habitual?», que exige las contraindicaciones del fármaco (y el
      fármaco, si la pregunta aún no lo pedía);
    - ``caso``: concreta la pregunta en un paciente (edad, sexo y síntomas) coherente con su
      situación, si la tiene. Añade contexto, y con él distractores, pero ningún hecho.

    Cada operación se aplica una sola vez por instrucción; si ya no queda ninguna, la
    instrucción pasa igual (``operacion="sin_cambio"``). En Evol-Instruct un LLM reescribe la
    instrucción y otro filtra las que fallan; aquí lo hacen reglas sobre el mundo ficticio, así
    que la respuesta es siempre verificable.

    Capítulo 6 (Datos para ajuste fino).
    """
    e = _por_nombre()[instruccion.enfermedad]
    opciones = _opciones(instruccion, e)
    if not opciones:
        return dataclasses.replace(instruccion, operacion="sin_cambio")
    operacion = rng.choice(opciones)
    farmaco = e.tratamientos[0]
    nombre = con_articulo(e.nombre)
    if operacion == "dos_saltos":
        por_signo = f"la enfermedad cuyo signo característico es {e.signo_distintivo}"
        if "signo" in instruccion.pregunta:  # preguntar el signo a partir del signo no suma nada
            return dataclasses.replace(
                instruccion, operacion=operacion, saltos=instruccion.saltos + 1,
                pide_farmaco=True,
                pregunta=f"¿Qué fármaco se usa contra {por_signo}?",
                respuesta=f"Es {nombre}, y se trata con {farmaco}.")
        return dataclasses.replace(
            instruccion, operacion=operacion, saltos=instruccion.saltos + 1,
            pregunta=instruccion.pregunta.replace(nombre, por_signo),
            respuesta=f"Es {nombre}. {instruccion.respuesta}")
    if operacion == "contraindicacion":
        posibles = [c for c in _CONDICIONES
                    if _condicion_posible(c, instruccion.edad, instruccion.sexo)]
        contra = [c for c in e.contraindicaciones if c in posibles]
        otras = [c for c in posibles if c not in e.contraindicaciones]
        condicion = rng.choice(contra if contra and (rng.random() < 0.5 or not otras) else otras)
        if condicion in e.contraindicaciones:
            decision = f"No: el fármaco habitual, {farmaco}, no se recomienda en {condicion}."
        else:
            decision = (f"Sí: «{condicion}» no está entre las contraindicaciones de {farmaco} "
                        f"({unir_lista(e.contraindicaciones)}).")
        mujer = instruccion.sexo == "mujer" or condicion == "embarazo"
        articulo = "la paciente" if mujer else "el paciente"
        return dataclasses.replace(
            instruccion, operacion=operacion, condicion=condicion,
            saltos=instruccion.saltos + (1 if instruccion.pide_farmaco else 2), pide_farmaco=True,
            sexo=instruccion.sexo or ("mujer" if condicion == "embarazo" else None),
            pregunta=(f"{instruccion.pregunta} Además, si {articulo} {_situacion(condicion)}, ¿se "
                      "le puede dar el fármaco habitual de su enfermedad? Explica por qué."),
            respuesta=f"{instruccion.respuesta} {decision}")
    edad, sexo = _paciente_para(instruccion.condicion, rng)
    if instruccion.sexo:
        sexo = instruccion.sexo
    sintomas = unir_lista(rng.sample(e.sintomas, 2))
    previa = instruccion.pregunta
    if nombre in previa:
        # El caso nombra la enfermedad; la pregunta pasa a decir «su enfermedad».
        presentacion = f"tiene {nombre} (caso ficticio)."
        previa = previa.replace(f"contra {nombre}", "contra su enfermedad").replace(
            f"se confirma {nombre}", "se confirma su enfermedad").replace(
            f"característico {_de(nombre)}", "característico de su enfermedad")
    else:
        # Tras «dos saltos» la pregunta no nombra la enfermedad: el caso tampoco la revela.
        presentacion = "consulta (caso ficticio)."
    if sexo == "mujer":
        previa = previa.replace("el paciente", "la paciente")
    if instruccion.condicion is not None:
        # La situación ya la cuenta el caso: «si la paciente está embarazada» → «como está…».
        previa = previa.replace("Además, si la paciente", "Además, como la paciente").replace(
            "Además, si el paciente", "Además, como el paciente")
    return dataclasses.replace(
        instruccion, operacion=operacion, edad=edad, sexo=sexo,
        pregunta=f"{_sujeto(edad, sexo)} con {sintomas} {presentacion} {previa}")


def evolucionar_rondas(semillas: list[Instruccion], rondas: int = 2,
                       semilla: int = 0) -> list[list[Instruccion]]:
    """Aplica :func:`evolucionar` ``rondas`` veces a cada instrucción; devuelve una lista por
    ronda (la 0 son las semillas).

    Capítulo 6 (Datos para ajuste fino).
    """
    rng = random.Random(semilla_de("evol", semilla))
    por_ronda = [list(semillas)]
    for _ in range(rondas):
        por_ronda.append([evolucionar(i, rng) for i in por_ronda[-1]])
    return por_ronda


def verificar_respuesta(par: dict) -> bool:
    """Comprueba contra el mundo ficticio que la respuesta de un par no nombra el fármaco ni
    la enfermedad de OTRA enfermedad (una alucinación típica de los datos sintéticos
    generados por un modelo) y que, si la pregunta es por el fármaco, nombra el correcto.

    Capítulo 6 (Datos para ajuste fino).
    """
    mundo = _por_nombre()
    e = mundo.get(par.get("enfermedad", ""))
    if e is None:
        return False
    respuesta = par["output"].lower()
    for otra in mundo.values():
        if otra.nombre == e.nombre:
            continue
        if otra.tratamientos[0] in respuesta or otra.nombre.lower() in respuesta:
            return False
    if "fármaco" in par["instruction"].lower() and "contraindi" not in par["instruction"].lower():
        return e.tratamientos[0] in respuesta
    return True


# ---------------------------------------------------------------------------------------
# Filtros de calidad
# ---------------------------------------------------------------------------------------
_PALABRAS_ES = {"de", "la", "el", "en", "y", "que", "los", "las", "se", "con", "por", "un",
                "una", "del", "no", "es", "al", "su", "para", "lo"}


def _parece_espanol(texto: str) -> bool:
    palabras = re.findall(r"[a-záéíóúñü]+", texto.lower())
    if len(palabras) < 4:
        return True  # demasiado corto para juzgarlo
    return sum(p in _PALABRAS_ES for p in palabras) / len(palabras) >= 0.08


def motivo_descarte(par: dict, tokenizador=None, max_tokens: int = 256,
                    min_caracteres: int = 3) -> str | None:
    """El primer motivo por el que un par no debería entrenarse, o ``None`` si pasa todos los
    filtros. Por orden: reglas (vacío, plantilla sin rellenar, respuesta que repite la
    pregunta, respuesta cortada), longitud (caracteres y, con ``tokenizador``, tokens de la
    conversación), idioma y calidad (contradice el mundo ficticio, :func:`verificar_respuesta`).

    Capítulo 6 (Datos para ajuste fino).
    """
    instruccion = str(par.get("instruction") or "").strip()
    respuesta = str(par.get("output") or "").strip()
    if not instruccion or not respuesta:
        return "vacío"
    if re.search(r"\{[^}]*\}|\[(RESPUESTA|TODO|INSERTAR)[^\]]*\]", respuesta, re.IGNORECASE):
        return "plantilla sin rellenar"
    if respuesta.lower() == instruccion.lower():
        return "repite la pregunta"
    if respuesta[-1] not in ".!?)»":
        return "respuesta cortada"
    if len(respuesta) < min_caracteres:
        return "demasiado corta"
    if tokenizador is not None:
        from ..formatos import alpaca_a_mensajes

        texto = tokenizador.apply_chat_template(alpaca_a_mensajes(par), tokenize=False)
        if len(tokenizador(texto, add_special_tokens=False)["input_ids"]) > max_tokens:
            return "demasiado larga"
    if not _parece_espanol(respuesta):
        return "no parece español"
    if par.get("enfermedad") and not verificar_respuesta(par):
        return "contradice el mundo"
    return None


def filtrar_instrucciones(pares: list[dict], tokenizador=None, max_tokens: int = 256):
    """Aplica :func:`motivo_descarte` a cada par. Devuelve ``(conservados, informe)``: el
    informe es un ``pandas.DataFrame`` con el índice, el motivo y el principio de la respuesta
    de cada par quitado, para que nada se pierda sin que lo veas.

    Capítulo 6 (Datos para ajuste fino).
    """
    import pandas as pd

    conservados, quitados = [], []
    for i, par in enumerate(pares):
        motivo = motivo_descarte(par, tokenizador, max_tokens)
        if motivo is None:
            conservados.append(par)
        else:
            quitados.append({"indice": i, "motivo": motivo,
                             "respuesta": str(par.get("output"))[:60]})
    return conservados, pd.DataFrame(quitados, columns=["indice", "motivo", "respuesta"])


_OTRO_IDIOMA = [
    "The recommended treatment is rest and fluids, with a follow-up visit in two weeks.",
    "This patient should not receive the usual drug because of the contraindication.",
    "The test that confirms the disease is the one named after the region.",
    "Symptoms usually improve after a few days of treatment and rest at home.",
    "Please ask the patient about the duration of the cough and any fever.",
]

DEFECTOS = ("vacío", "plantilla sin rellenar", "repite la pregunta", "respuesta cortada",
            "demasiado larga", "no parece español", "contradice el mundo")


def estropear(pares: list[dict], fraccion: float = 0.2, semilla: int = 0):
    """Copia de ``pares`` con defectos plantados en una ``fraccion`` de ellos, uno de
    :data:`DEFECTOS` cada uno, para medir los filtros. Devuelve ``(pares, defectos)``, con
    ``defectos[i]`` el defecto plantado en el par ``i`` o ``None``.

    Capítulo 6 (Datos para ajuste fino).
    """
    rng = random.Random(semilla_de("estropear", semilla))
    mundo = mundo_clinico()
    salida, defectos = [], []
    for par in pares:
        par = dict(par)
        defecto = rng.choice(DEFECTOS) if rng.random() < fraccion else None
        if defecto == "vacío":
            par["output"] = ""
        elif defecto == "plantilla sin rellenar":
            par["output"] = f"La respuesta es {{respuesta}} para {par.get('enfermedad', 'esto')}."
        elif defecto == "repite la pregunta":
            par["output"] = par["instruction"]
        elif defecto == "respuesta cortada":
            palabras = par["output"].split()
            par["output"] = " ".join(palabras[: max(2, len(palabras) // 2)]).rstrip(".!?)»,;:")
        elif defecto == "demasiado larga":
            # Repetida hasta unos 3000 caracteres: de sobra por encima de 256 tokens.
            par["output"] = " ".join([par["output"]] * max(2, 3000 // max(len(par["output"]), 1)))
        elif defecto == "no parece español":
            par["output"] = rng.choice(_OTRO_IDIOMA)
        elif defecto == "contradice el mundo":
            otra = rng.choice([e for e in mundo if e.nombre != par.get("enfermedad")])
            par["output"] = f"Se trata con {otra.tratamientos[0]}."
        salida.append(par)
        defectos.append(defecto)
    return salida, defectos
