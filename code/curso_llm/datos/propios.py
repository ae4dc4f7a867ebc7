r"""Cargar tus propios datos para el ajuste fino: un CSV, un JSON, un JSONL o una carpeta de
notas ``.txt``, convertidos a mensajes, prompt/completion o texto, con un informe de todo lo
que se ha saltado o corregido y por qué.

Las decisiones, para que nada se pierda en silencio:

- Un problema de **todo el archivo** (no existe, está vacío, es binario, JSON mal formado,
  falta una columna necesaria) lanza :class:`ErrorDatos` con el archivo, la línea y el
  arreglo.
- Un problema de **una fila** (vacía, con un campo obligatorio vacío, con más o menos campos
  que la cabecera, duplicada, demasiado larga) salta esa fila y la apunta en
  :attr:`InformeCarga.omisiones` con su línea, el motivo y el arreglo. Siempre se cumple
  ``filas_leidas == filas_cargadas + len(omisiones)``.
- Lo que se **corrige** sin perder nada (codificación que no es UTF-8, números convertidos en
  texto, formatos mezclados, columnas que no se usan) se apunta en :attr:`InformeCarga.avisos`.
- **Formatos mezclados** (unas filas Alpaca y otras ``messages`` en el mismo JSONL): se
  convierten todas al formato de salida, porque cada formato conversacional dice sin
  ambigüedad qué es pregunta y qué respuesta; el informe cuenta las filas de cada formato y la
  primera línea de cada uno. Las filas de texto sin turnos no se pueden convertir en mensajes:
  se saltan (o, si todo el archivo es texto, se lanza un error).

Los números de línea son los del archivo, empezando en 1 y contando la cabecera en un CSV.
"""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..formatos import (
    ErrorFormato,
    a_mensajes,
    a_prompt_completion,
    detectar_formato,
    formatear_chatml,
)

if TYPE_CHECKING:
    import datasets
    import pandas as pd

FORMATOS_SALIDA = ("mensajes", "prompt_completion", "texto")
EXTENSIONES = {".csv": "csv", ".tsv": "csv", ".json": "json", ".jsonl": "jsonl",
               ".ndjson": "jsonl", ".txt": "txt"}
# Nombres de columna en español que se reconocen sin pasar ``columnas=`` (en minúsculas y sin
# tildes), con el campo del formato al que corresponden.
ALIAS = {"instruccion": "instruction", "pregunta": "instruction", "entrada": "input",
         "contexto": "input", "respuesta": "output", "salida": "output", "texto": "text",
         "nota": "text", "mensajes": "messages", "conversaciones": "conversations"}
# Campos de texto obligatorios y opcionales de cada formato con columnas de texto.
_OBLIGATORIOS = {"alpaca": ("instruction", "output"), "prompt_completion": ("prompt", "completion"),
                 "texto": ("text",), "mensajes": ("messages",), "sharegpt": ("conversations",)}
_CONOCIDOS = {"instruction", "input", "output", "prompt", "completion", "text", "texto",
              "messages", "conversations"}
_EJEMPLO_COLUMNAS = 'columnas={"tu_pregunta": "instruction", "tu_respuesta": "output"}'
_MAX_MOSTRAR = 20
_ANCHO = 100  # columnas del informe impreso: las líneas más largas se parten


def _partir(linea: str, sangria: str = "") -> list[str]:
    """Parte una línea del informe a ``_ANCHO`` columnas sin cambiar sus palabras; las líneas
    de continuación llevan ``sangria``."""
    if len(linea) <= _ANCHO:
        return [linea]
    return textwrap.wrap(linea, _ANCHO, subsequent_indent=sangria, break_long_words=False,
                         break_on_hyphens=False)


class ErrorDatos(ValueError):
    """Un archivo de datos no se puede cargar; el mensaje nombra el archivo, la línea y cómo
    arreglarlo. Si la carga llegó a leer filas, ``informe`` tiene el :class:`InformeCarga`.

    Capítulo 6 (Datos para ajuste fino).
    """

    def __init__(self, mensaje: str, informe: InformeCarga | None = None):
        super().__init__(mensaje)
        self.informe = informe


@dataclass
class Omision:
    """Una fila que no se ha cargado: en qué archivo y línea está, por qué y cómo arreglarla.

    Capítulo 6 (Datos para ajuste fino).
    """

    archivo: str
    linea: int
    motivo: str
    arreglo: str

    def __str__(self) -> str:
        return f"{self.archivo}, línea {self.linea}: {self.motivo}. Arreglo: {self.arreglo}."


@dataclass
class InformeCarga:
    """Lo que ha pasado al cargar un archivo de datos propio: qué se ha leído, en qué formato y
    codificación, cuántas filas se han cargado, cuáles se han saltado (con línea, motivo y
    arreglo) y los avisos de lo que se ha corregido.

    ``formatos`` cuenta, por formato, las filas cuyo formato se ha reconocido; ``sin_formato``
    cuenta, por motivo, las que se han saltado antes de reconocerlo (vacías, con un campo
    obligatorio vacío, con campos de más o de menos...), así que
    ``sum(formatos.values()) + sum(sin_formato.values()) == filas_leidas``. De las
    reconocidas aún se pueden saltar otras (duplicadas, demasiado largas).

    ``origenes[i]`` es ``(archivo, línea)`` de la fila ``i`` del dataset. ``print(informe)``
    da un resumen en español; :meth:`a_tabla` da las omisiones como un ``DataFrame``.

    Capítulo 6 (Datos para ajuste fino).
    """

    archivo: str
    tipo: str = ""
    formato: str = ""
    formato_salida: str = "mensajes"
    codificacion: str = "utf-8"
    filas_leidas: int = 0
    filas_cargadas: int = 0
    formatos: dict[str, int] = field(default_factory=dict)
    sin_formato: dict[str, int] = field(default_factory=dict)
    omisiones: list[Omision] = field(default_factory=list)
    avisos: list[str] = field(default_factory=list)
    origenes: list[tuple[str, int]] = field(default_factory=list)

    @property
    def filas_omitidas(self) -> int:
        """Filas leídas que no se han cargado."""
        return len(self.omisiones)

    def motivos(self) -> dict[str, int]:
        """Cuántas omisiones hay de cada tipo (vacía, duplicada, larga, ...)."""
        return dict(Counter(_tipo_de_motivo(o.motivo) for o in self.omisiones))

    def a_tabla(self) -> pd.DataFrame:
        """Las omisiones como un ``DataFrame`` con columnas archivo, línea, motivo y arreglo.

        En un cuaderno, pandas corta los textos largos al mostrarlo; para ver el arreglo
        entero: ``with pd.option_context("display.max_colwidth", None): display(tabla)``.
        """
        import pandas as pd

        return pd.DataFrame([{"archivo": o.archivo, "línea": o.linea, "motivo": o.motivo,
                              "arreglo": o.arreglo} for o in self.omisiones],
                            columns=["archivo", "línea", "motivo", "arreglo"])

    def resumen(self) -> str:
        """Las líneas de cabecera del informe (sin la lista de omisiones)."""
        def filas(n: int) -> str:
            return f"{n} fila" if n == 1 else f"{n} filas"

        formatos = ", ".join(f"{f}: {filas(n)}" for f, n in self.formatos.items()) or "ninguno"
        if self.sin_formato:
            n = sum(self.sin_formato.values())
            formatos += (f"; {filas(n)} {'omitida' if n == 1 else 'omitidas'} antes de ver su "
                         "formato: " + ", ".join(f"{m} {k}" for m, k in self.sin_formato.items()))
        return (f"Archivo: {self.archivo} ({self.tipo}, codificación {self.codificacion})\n"
                f"Formato detectado: {self.formato} ({formatos}) → salida: {self.formato_salida}\n"
                f"Filas leídas: {self.filas_leidas} · cargadas: {self.filas_cargadas} · "
                f"omitidas: {self.filas_omitidas}")

    def __str__(self) -> str:
        """El resumen y las listas de omisiones y avisos, con las líneas partidas a unas 100
        columnas (las de continuación van sangradas); el texto es el mismo."""
        partes = [trozo for linea in self.resumen().split("\n") for trozo in _partir(linea, "  ")]
        if self.omisiones:
            partes.append(f"Filas omitidas ({self.filas_omitidas}):")
            for o in self.omisiones[:_MAX_MOSTRAR]:
                partes += _partir(f"  - {o}", "    ")
            if self.filas_omitidas > _MAX_MOSTRAR:
                partes.append(f"  ... y {self.filas_omitidas - _MAX_MOSTRAR} más "
                              "(informe.a_tabla() las tiene todas).")
        if self.avisos:
            partes.append(f"Avisos ({len(self.avisos)}):")
            for aviso in self.avisos:
                lineas = aviso.split("\n")
                partes += _partir(f"  - {lineas[0]}", "    ")
                for resto in lineas[1:]:
                    partes += _partir(f"    {resto}", "    ")
        if not self.omisiones and not self.avisos:
            partes.append("Sin problemas: todas las filas se han cargado.")
        return "\n".join(partes)

    def _repr_html_(self) -> str:
        from html import escape

        html = "<pre>" + escape(self.resumen()) + "</pre>"
        if self.omisiones:
            html += f"<p><b>Filas omitidas ({self.filas_omitidas})</b></p>"
            html += self.a_tabla().head(_MAX_MOSTRAR).to_html(index=False)
        if self.avisos:
            html += "<p><b>Avisos</b></p><ul>" + "".join(
                f"<li>{escape(a)}</li>" for a in self.avisos) + "</ul>"
        return html


def _tipo_de_motivo(motivo: str) -> str:
    for clave, nombre in (("duplicada", "duplicada"), ("tokens", "demasiado larga"),
                          ("vacía", "vacía"), ("vacío", "campo vacío"), ("campos", "campos"),
                          ("le falta el campo", "falta un campo"),
                          ("no es texto", "no es texto"), ("formato", "formato")):
        if clave in motivo:
            return nombre
    return "otro"


class _Omitir(Exception):
    def __init__(self, motivo: str, arreglo: str):
        super().__init__(motivo)
        self.motivo, self.arreglo = motivo, arreglo


@dataclass
class _Fila:
    archivo: str
    linea: int
    datos: Any
    vacia: bool = False
    defecto: tuple[str, str] | None = None  # (motivo, arreglo) si ya se sabe que se omite


# --------------------------------------------------------------------------- lectura del texto


def _linea_de_byte(crudo: bytes, posicion: int) -> tuple[int, int]:
    linea = crudo.count(b"\n", 0, posicion) + 1
    columna = posicion - (crudo.rfind(b"\n", 0, posicion) + 1) + 1
    return linea, columna


def _leer_texto(ruta: Path, nombre: str, avisos: list[str]) -> tuple[str, str]:
    """El texto de un archivo y su codificación. Prueba UTF-8; si no lo es, cp1252 y latin-1,
    y avisa con la línea del primer byte que no es UTF-8."""
    crudo = ruta.read_bytes()
    if not crudo.strip():
        raise ErrorDatos(f"{nombre} está vacío. Arreglo: comprueba que has subido el archivo "
                         "bueno (y que lo guardaste antes de subirlo).")
    if crudo.startswith((b"\xff\xfe", b"\xfe\xff")):
        avisos.append(f"{nombre} está en UTF-16 (así guardan algunos programas el «texto "
                      "Unicode»); lo he leído bien. Arreglo: guárdalo como UTF-8.")
        return crudo.decode("utf-16"), "utf-16"
    firmas = {b"PK\x03\x04": "un ZIP o un Excel (.xlsx)", b"%PDF": "un PDF",
              b"\xd0\xcf\x11\xe0": "un Excel antiguo (.xls) o un Word (.doc)"}
    for firma, que in firmas.items():
        if crudo.startswith(firma):
            raise ErrorDatos(f"{nombre} no es texto: parece {que}. Arreglo: ábrelo con su "
                             "programa y expórtalo como CSV UTF-8 (o JSON/JSONL).")
    if b"\x00" in crudo[:65536]:
        linea, _ = _linea_de_byte(crudo, crudo.index(b"\x00"))
        raise ErrorDatos(f"{nombre} no parece un archivo de texto: tiene bytes nulos (el primero "
                         f"en la línea {linea}). Arreglo: expórtalo desde su programa como CSV "
                         "UTF-8 o JSONL.")
    try:
        return crudo.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as error:
        linea, columna = _linea_de_byte(crudo, error.start)
        byte = crudo[error.start]
    for codificacion in ("cp1252", "latin-1"):
        try:
            texto = crudo.decode(codificacion)
        except UnicodeDecodeError:
            continue
        raros = sum(1 for c in texto if unicodedata.category(c) == "Cc" and c not in "\t\n\r")
        if raros > max(3, len(texto) // 100):
            break
        avisos.append(
            f"{nombre} no está en UTF-8: el primer byte que no es UTF-8 (0x{byte:02x}) está en la "
            f"línea {linea}, columna {columna}. Lo he leído como {codificacion} (Windows/Excel); "
            f"revisa que las tildes y la ñ se vean bien. Arreglo: guárdalo como UTF-8 (en Excel, "
            "«Guardar como» → «CSV UTF-8»).")
        return texto, codificacion
    raise ErrorDatos(f"{nombre} no se puede leer como texto (ni UTF-8 ni cp1252 ni latin-1; el "
                     f"primer byte raro está en la línea {linea}). Arreglo: ábrelo con su "
                     "programa y expórtalo como CSV UTF-8 o JSONL.")


# ------------------------------------------------------------------------------ lectores


def _leer_csv(texto: str, nombre: str, tabulador: bool) -> tuple[list[str], list[_Fila]]:
    cabecera_cruda = texto.split("\n", 1)[0]
    if tabulador:
        separador = "\t"
    else:  # Excel en español guarda con «;»
        separador = max((",", ";", "\t"), key=cabecera_cruda.count)
    lector = csv.reader(io.StringIO(texto, newline=""), delimiter=separador)
    try:
        cabecera = [c.strip() for c in next(lector)]
    except StopIteration:
        raise ErrorDatos(f"{nombre} está vacío.") from None
    if not any(cabecera):
        raise ErrorDatos(f"{nombre}, línea 1: la cabecera está vacía. Arreglo: la primera línea "
                         "debe tener los nombres de las columnas, p. ej. «instruction,output».")
    vistas = [c for c, n in Counter(cabecera).items() if n > 1 and c]
    if vistas:
        raise ErrorDatos(f"{nombre}, línea 1: las columnas {vistas} están repetidas en la "
                         "cabecera. Arreglo: dales nombres distintos.")
    filas: list[_Fila] = []
    siguiente = lector.line_num + 1
    try:
        for campos in lector:
            linea, siguiente = siguiente, lector.line_num + 1
            if not any(c.strip() for c in campos):
                filas.append(_Fila(nombre, linea, None, vacia=True))
                continue
            if len(campos) != len(cabecera):
                filas.append(_Fila(nombre, linea, None, defecto=(
                    f"tiene {len(campos)} campos y la cabecera {len(cabecera)}",
                    f"pon entre comillas dobles los textos que lleven el separador «{separador}» "
                    "o completa el campo que falta")))
                continue
            filas.append(_Fila(nombre, linea, dict(zip(cabecera, campos))))
    except csv.Error as error:
        raise ErrorDatos(f"{nombre}, línea {siguiente}: el CSV está mal formado ({error}). "
                         "Arreglo: revisa las comillas de esa línea (cada texto que empieza con "
                         "comillas debe cerrarlas).") from None
    # Las líneas vacías del final no son filas.
    while filas and filas[-1].vacia:
        filas.pop()
    return cabecera, filas


def _posiciones_a_lineas(texto: str, posiciones: list[int]) -> list[int]:
    lineas, contadas, hasta = [], 1, 0
    for p in posiciones:
        contadas += texto.count("\n", hasta, p)
        hasta = p
        lineas.append(contadas)
    return lineas


_ESPACIO = re.compile(r"[ \t\n\r]*")


def _elementos_de_lista(texto: str, inicio: int) -> list[tuple[int, Any]]:
    """Los elementos (posición, valor) de la lista JSON que empieza en ``texto[inicio] == '['``."""
    decodificador = json.JSONDecoder()
    elementos = []
    i = _ESPACIO.match(texto, inicio + 1).end()
    if texto[i] == "]":
        return elementos
    while True:
        valor, fin = decodificador.raw_decode(texto, i)
        elementos.append((i, valor))
        i = _ESPACIO.match(texto, fin).end()
        if texto[i] == "]":
            return elementos
        i = _ESPACIO.match(texto, i + 1).end()  # la coma


def _leer_json(texto: str, nombre: str, avisos: list[str]) -> list[_Fila]:
    try:
        datos = json.loads(texto)
    except json.JSONDecodeError as error:
        lineas = [li for li in texto.splitlines() if li.strip()]
        if error.msg == "Extra data" and len(lineas) > 1 and all(
                li.lstrip().startswith("{") for li in lineas[:50]):
            avisos.append(f"{nombre} tiene un objeto JSON por línea: lo he leído como JSONL. "
                          "Arreglo: cámbiale la extensión a .jsonl.")
            return _leer_jsonl(texto, nombre)
        raise ErrorDatos(
            f"{nombre}, línea {error.lineno}, columna {error.colno}: JSON mal formado "
            f"({_error_json(error.msg)}). Arreglo: corrige esa línea (una coma que sobra o falta, "
            "comillas sin cerrar) o compruébalo con un validador de JSON.") from None
    inicio = _ESPACIO.match(texto).end()
    if isinstance(datos, dict):
        listas = [k for k, v in datos.items() if isinstance(v, list)]
        if len(listas) != 1:
            raise ErrorDatos(
                f"{nombre}: el JSON es un objeto con {len(listas)} listas ({listas}) y no sé cuál "
                "tiene los ejemplos. Arreglo: guarda una lista de objetos "
                '([{"instruction": ..., "output": ...}, ...]) o un objeto con una sola lista.')
        avisos.append(f"{nombre}: he usado los ejemplos de la lista «{listas[0]}».")
        inicio = _posicion_de_clave(texto, inicio, listas[0])
    elif not isinstance(datos, list):
        raise ErrorDatos(f"{nombre}: el JSON es un {type(datos).__name__}, no una lista de "
                         "ejemplos. Arreglo: guarda una lista de objetos, uno por ejemplo.")
    elementos = _elementos_de_lista(texto, inicio)
    lineas = _posiciones_a_lineas(texto, [p for p, _ in elementos])
    return [_Fila(nombre, li, v) for li, (_, v) in zip(lineas, elementos)]


def _posicion_de_clave(texto: str, inicio: int, buscada: str) -> int:
    """Posición del valor de la clave ``buscada`` del objeto JSON que empieza en ``inicio``."""
    decodificador = json.JSONDecoder()
    i = _ESPACIO.match(texto, inicio + 1).end()
    while True:
        clave, i = decodificador.raw_decode(texto, i)
        i = _ESPACIO.match(texto, _ESPACIO.match(texto, i).end() + 1).end()  # los dos puntos
        if clave == buscada:
            return i
        _, i = decodificador.raw_decode(texto, i)
        i = _ESPACIO.match(texto, _ESPACIO.match(texto, i).end() + 1).end()  # la coma


def _error_json(mensaje: str) -> str:
    traducciones = {"Expecting ',' delimiter": "falta una coma",
                    "Expecting property name enclosed in double quotes":
                        "se esperaba un nombre entre comillas dobles (¿una coma de más?)",
                    "Expecting value": "falta un valor",
                    "Unterminated string starting at": "comillas sin cerrar",
                    "Expecting ':' delimiter": "faltan los dos puntos",
                    "Extra data": "sobra texto después del final",
                    "Invalid control character at": "un salto de línea dentro de un texto"}
    return traducciones.get(mensaje, mensaje)


def _leer_jsonl(texto: str, nombre: str) -> list[_Fila]:
    filas, malas = [], []
    for numero, linea in enumerate(texto.splitlines(), start=1):
        if not linea.strip():
            filas.append(_Fila(nombre, numero, None, vacia=True))
            continue
        try:
            filas.append(_Fila(nombre, numero, json.loads(linea)))
        except json.JSONDecodeError as error:
            malas.append(f"línea {numero}, columna {error.colno} ({_error_json(error.msg)})")
    if malas:
        raise ErrorDatos(
            f"{nombre}: {len(malas)} línea(s) no son JSON válido: " + "; ".join(malas[:5])
            + (" ..." if len(malas) > 5 else "") + ". Arreglo: cada línea de un JSONL es un "
            'objeto completo, p. ej. {"instruction": "...", "output": "..."}; corrígelas o '
            "bórralas.")
    while filas and filas[-1].vacia:
        filas.pop()
    return filas


# ------------------------------------------------------------------------- columnas y formato


def _sin_tildes(texto: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", texto.lower())
                   if unicodedata.category(c) != "Mn")


def _formato_de_claves(claves: set[str]) -> str | None:
    try:
        return detectar_formato(dict.fromkeys(claves))
    except ErrorFormato:
        return None


def _decidir_renombrado(columnas_archivo: list[str], columnas: dict[str, str] | None,
                        nombre: str, avisos: list[str]) -> dict[str, str]:
    """Columna del archivo → campo del formato (incluye las que ya se llaman como el campo)."""
    presentes = [c for c in columnas_archivo if c]
    if columnas:
        faltan = [c for c in columnas if c not in presentes]
        if faltan:
            raise ErrorDatos(f"{nombre}: columnas={columnas} nombra {faltan}, que no están en el "
                             f"archivo; las columnas presentes son {presentes}. Arreglo: usa "
                             "esos nombres exactos (mayúsculas y espacios incluidos).")
        renombrado = dict(columnas)
        for c in presentes:
            if c not in renombrado and c in _CONOCIDOS and c not in renombrado.values():
                renombrado[c] = c
        return renombrado
    renombrado = {c: c for c in presentes if c in _CONOCIDOS}
    if _formato_de_claves(set(renombrado.values())) is None:
        alias = {c: ALIAS[_sin_tildes(c)] for c in presentes
                 if _sin_tildes(c) in ALIAS and c not in renombrado}
        propuesta = {**renombrado, **alias}
        if alias and _formato_de_claves(set(propuesta.values())) is not None:
            avisos.append(f"{nombre}: he reconocido las columnas en español "
                          + ", ".join(f"«{c}» como {f}" for c, f in alias.items())
                          + ". Si no es así, pásalas con columnas=.")
            renombrado = propuesta
    return renombrado


def _comprobar_columnas(renombrado: dict[str, str], presentes: list[str], nombre: str) -> str:
    """El formato que forman las columnas, o un :class:`ErrorDatos` que dice cuál falta."""
    campos = set(renombrado.values())
    formato = _formato_de_claves(campos)
    if formato is not None:
        return formato
    parejas = [("instruction", "output", "Alpaca"), ("prompt", "completion", "prompt/completion")]
    for a, b, que in parejas:
        if (a in campos) != (b in campos):
            falta, hay = (b, a) if a in campos else (a, b)
            propia = next(c for c, f in renombrado.items() if f == hay)
            raise ErrorDatos(
                f"{nombre}: falta la columna {falta!r} (el formato {que} la necesita junto a "
                f"{hay!r}, que es tu columna «{propia}»). Columnas presentes: {presentes}. "
                f"Arreglo: añádela o di qué columna es con columnas={{\"tu_columna\": {falta!r}}}.")
    raise ErrorDatos(
        f"{nombre}: no reconozco ninguna columna del formato. Columnas presentes: {presentes}. "
        "Arreglo: di qué es cada una con columnas=, p. ej. "
        f"cargar_dataset_propio(ruta, {_EJEMPLO_COLUMNAS}) para preguntas y respuestas, o "
        'columnas={"tu_columna": "text"} para texto suelto.')


def _a_texto(valor: Any, campo: str, obligatorio: bool, convertidos: list[str],
             linea: int) -> str | None:
    if valor is None or (isinstance(valor, float) and valor != valor):
        valor = ""
    if isinstance(valor, bool) or isinstance(valor, (int, float)):
        convertidos.append(f"línea {linea}, campo {campo!r}")
        valor = str(valor)
    if not isinstance(valor, str):
        raise _Omitir(f"el campo {campo!r} no es texto (es {type(valor).__name__})",
                      "escribe ahí un texto entre comillas")
    if obligatorio and not valor.strip():
        raise _Omitir(f"el campo {campo!r} está vacío", "complétalo o borra la fila")
    return valor


def _normalizar_fila(datos: dict, renombrado: dict[str, str] | None, linea: int,
                     convertidos: list[str]) -> tuple[str, dict]:
    """La fila con los nombres de campo del formato y los textos comprobados: (formato, fila)."""
    if renombrado is not None:
        fila = {renombrado[k]: v for k, v in datos.items() if k in renombrado}
    else:
        fila = dict(datos)
    if "texto" in fila and "text" not in fila:
        fila["text"] = fila.pop("texto")
    formato = _formato_de_claves(set(fila))
    if formato is None:
        for a, b in (("instruction", "output"), ("prompt", "completion")):
            if (a in fila) != (b in fila):
                falta = b if a in fila else a
                raise _Omitir(f"le falta el campo {falta!r}",
                              "añádelo a la fila o bórrala")
        raise _Omitir(f"no reconozco el formato de la fila (claves {sorted(datos)})",
                      "usa instruction/output, messages, prompt/completion o text, o pasa "
                      "columnas=")
    nombres = {v: k for k, v in (renombrado or {}).items()}
    for campo in _OBLIGATORIOS[formato]:
        valor = fila[campo]
        if formato in ("mensajes", "sharegpt") or (formato == "prompt_completion"
                                                   and isinstance(valor, list)):
            if isinstance(valor, str) and valor.strip().startswith("["):
                try:  # una lista de mensajes guardada como texto JSON en un CSV
                    valor = json.loads(valor)
                except json.JSONDecodeError:
                    raise _Omitir(f"el campo {campo!r} no es una lista JSON válida",
                                  "escribe la lista de mensajes en JSON") from None
            if not isinstance(valor, list) or not valor:
                raise _Omitir(f"el campo {campo!r} está vacío o no es una lista",
                              "escribe la lista de mensajes o borra la fila")
            for turno in valor:
                if isinstance(turno, dict):
                    for clave in ("content", "value"):
                        if clave in turno and isinstance(turno[clave], (int, float)) \
                                and not isinstance(turno[clave], bool):
                            convertidos.append(f"línea {linea}, campo {campo!r}")
                            turno[clave] = str(turno[clave])
            fila[campo] = valor
        else:
            fila[campo] = _a_texto(valor, nombres.get(campo, campo), True, convertidos, linea)
    if formato == "alpaca" and "input" in fila:
        fila["input"] = _a_texto(fila["input"], nombres.get("input", "input"), False,
                                 convertidos, linea)
    if formato == "prompt_completion" and isinstance(fila["prompt"], str) \
            and isinstance(fila["completion"], str):
        fila = {"instruction": fila["prompt"], "output": fila["completion"]}
    return formato, fila


def _convertir(formato: str, fila: dict, formato_salida: str, sistema: str | None,
               tokenizador) -> dict:
    if formato == "texto":
        if formato_salida != "texto":
            raise _Omitir("es texto sin turnos y has pedido " + formato_salida,
                          "pide formato_salida=\"texto\" o da a la fila pregunta y respuesta")
        return {"text": fila["text"]}
    try:
        mensajes = a_mensajes(fila, sistema=sistema)["messages"]
        if formato_salida == "mensajes":
            return {"messages": mensajes}
        if formato_salida == "prompt_completion":
            return a_prompt_completion({"messages": mensajes})
    except ErrorFormato as error:
        raise _Omitir(str(error).rstrip("."), "corrige el ejemplo como dice el motivo") from None
    if tokenizador is not None and getattr(tokenizador, "chat_template", None):
        return {"text": tokenizador.apply_chat_template(mensajes, tokenize=False)}
    return {"text": formatear_chatml(mensajes)}


def _texto_para_contar(fila: dict, tokenizador) -> str:
    if "text" in fila:
        return fila["text"]
    mensajes = fila.get("messages") or fila["prompt"] + fila["completion"]
    if getattr(tokenizador, "chat_template", None):
        return tokenizador.apply_chat_template(mensajes, tokenize=False)
    return formatear_chatml(mensajes)


_ESPACIOS = re.compile(r"\s+")


def _clave_duplicado(fila: dict) -> str:
    def normal(valor):
        if isinstance(valor, str):
            return _ESPACIOS.sub(" ", valor).strip()
        if isinstance(valor, list):
            return [normal(v) for v in valor]
        if isinstance(valor, dict):
            return {k: normal(v) for k, v in valor.items()}
        return valor

    return json.dumps(normal(fila), ensure_ascii=False, sort_keys=True)


# ------------------------------------------------------------------------------- la carga


def _leer_carpeta(ruta: Path, informe: InformeCarga) -> list[_Fila]:
    notas = sorted(p for p in ruta.iterdir() if p.is_file() and p.suffix.lower() == ".txt")
    otros = sorted(p.name + ("/" if p.is_dir() else "") for p in ruta.iterdir()
                   if p not in notas and not p.name.startswith("."))
    if otros:
        informe.avisos.append(
            f"{ruta.name}/: no he leído {len(otros)} entrada(s) que no son notas .txt: "
            + ", ".join(otros[:10]) + (" ..." if len(otros) > 10 else "")
            + ". Arreglo: si son notas, guárdalas como .txt en esta carpeta (sin subcarpetas).")
    if not notas:
        raise ErrorDatos(f"La carpeta {ruta} no tiene archivos .txt. Arreglo: pon en ella una "
                         "nota por archivo .txt, o pasa la ruta de un CSV, JSON o JSONL.")
    filas, codificaciones = [], Counter()
    for nota in notas:
        try:
            texto, codificacion = _leer_texto(nota, f"{ruta.name}/{nota.name}", informe.avisos)
        except ErrorDatos as error:
            defecto = (("la nota está vacía", "escríbela o bórrala") if "está vacío" in str(error)
                       else (str(error).split(". Arreglo")[0], "bórrala o guárdala como .txt"))
            filas.append(_Fila(nota.name, 1, None, defecto=defecto))
            continue
        codificaciones[codificacion] += 1
        filas.append(_Fila(nota.name, 1, {"text": texto.strip()}))
    informe.codificacion = ", ".join(codificaciones) or "utf-8"
    return filas


def cargar_dataset_propio(ruta: str | Path, formato_salida: str = "mensajes",
                          columnas: dict[str, str] | None = None, sistema: str | None = None,
                          tokenizador=None, max_tokens: int | None = None,
                          quitar_duplicados: bool = True
                          ) -> tuple[datasets.Dataset, InformeCarga]:
    r"""Carga tus datos para el ajuste fino y dice qué ha pasado con cada fila.

    ``ruta`` es un CSV (``,``, ``;`` o tabuladores; la primera línea es la cabecera), un JSON
    (una lista de objetos, o un objeto con una sola lista), un JSONL (un objeto por línea) o
    una carpeta de notas ``.txt`` (una nota por archivo, en la columna ``text``). Cada fila
    puede estar en formato Alpaca (``instruction``/``input``/``output``), ShareGPT, mensajes,
    prompt/completion o texto; ``columnas`` dice qué es cada columna tuya, p. ej.
    ``{"pregunta": "instruction", "respuesta": "output"}`` o ``{"nota": "text"}`` (sin él se
    reconocen los nombres del formato y unos pocos en español: pregunta, respuesta, texto...).

    Devuelve ``(dataset, informe)``: un ``datasets.Dataset`` con la columna ``messages``
    (``formato_salida="mensajes"``), ``prompt`` y ``completion`` (``"prompt_completion"``) o
    ``text`` (``"texto"``: las conversaciones se escriben con la plantilla de chat de
    ``tokenizador`` o, sin él, en ChatML), y un :class:`InformeCarga`. ``sistema`` añade un
    mensaje de sistema a cada conversación que no lo tenga. Con ``tokenizador`` y
    ``max_tokens`` se saltan las filas que, con la plantilla de chat, pasan de ``max_tokens``
    tokens. Con ``quitar_duplicados`` se saltan las filas iguales a una anterior (tras
    convertirlas y normalizar los espacios).

    Los problemas de todo el archivo lanzan :class:`ErrorDatos`; los de una fila la saltan y
    quedan en ``informe.omisiones`` (archivo, línea, motivo, arreglo). Siempre
    ``informe.filas_leidas == informe.filas_cargadas + len(informe.omisiones)``.

    Capítulo 6 (Datos para ajuste fino).
    """
    from datasets import Dataset

    if formato_salida not in FORMATOS_SALIDA:
        raise ErrorDatos(f"formato_salida={formato_salida!r} no existe: usa uno de "
                         f"{list(FORMATOS_SALIDA)}.")
    if max_tokens is not None and tokenizador is None:
        raise ErrorDatos("Has pasado max_tokens sin tokenizador: para contar tokens hace falta "
                         "el del modelo que vas a ajustar (tokenizador=AutoTokenizer..."
                         "from_pretrained(nombre)).")
    ruta = Path(ruta).expanduser()
    nombre = ruta.name or str(ruta)
    informe = InformeCarga(archivo=str(ruta), formato_salida=formato_salida)
    if not ruta.exists():
        padre = ruta.parent if ruta.parent.is_dir() else None
        hay = sorted(p.name for p in padre.iterdir())[:10] if padre else []
        raise ErrorDatos(f"No existe {ruta}. Arreglo: comprueba la ruta (en Colab, sube el "
                         "archivo al panel «Archivos» y copia su ruta con «Copiar ruta»)"
                         + (f"; en {padre} hay: {hay}." if hay else "."))
    renombrado = None
    if ruta.is_dir():
        informe.tipo = "carpeta de .txt"
        filas = _leer_carpeta(ruta, informe)
        if columnas:
            informe.avisos.append("columnas= no se usa con una carpeta de notas .txt: cada nota "
                                  "va a la columna text.")
    else:
        tipo = EXTENSIONES.get(ruta.suffix.lower())
        if tipo is None:
            consejo = ("expórtalo como CSV UTF-8" if ruta.suffix.lower() in (".xlsx", ".xls", ".ods")
                       else "guárdalo como .csv, .json, .jsonl o una carpeta de .txt")
            raise ErrorDatos(f"{nombre}: la extensión {ruta.suffix or '(ninguna)'!r} no está "
                             f"soportada; uso {sorted(EXTENSIONES)}. Arreglo: {consejo}.")
        texto, informe.codificacion = _leer_texto(ruta, nombre, informe.avisos)
        if tipo == "json" or (tipo == "jsonl" and texto.lstrip().startswith("[")):
            if tipo == "jsonl":
                informe.avisos.append(f"{nombre} es una lista JSON, no un JSONL: la he leído "
                                      "como JSON. Arreglo: cámbiale la extensión a .json.")
            tipo = "json"
            filas = _leer_json(texto, nombre, informe.avisos)
            if any(n.startswith(f"{nombre} tiene un objeto JSON por línea") for n in informe.avisos):
                tipo = "jsonl"
        elif tipo == "jsonl":
            filas = _leer_jsonl(texto, nombre)
        elif tipo == "csv":
            cabecera, filas = _leer_csv(texto, nombre, ruta.suffix.lower() == ".tsv")
            renombrado = _decidir_renombrado(cabecera, columnas, nombre, informe.avisos)
            _comprobar_columnas(renombrado, [c for c in cabecera if c], nombre)
            sobran = [c for c in cabecera if c and c not in renombrado]
            if sobran:
                informe.avisos.append(f"{nombre}: no uso las columnas {sobran}.")
        else:  # un único .txt: una sola nota
            filas = [_Fila(nombre, 1, {"text": texto.strip()})]
        informe.tipo = tipo
        if tipo in ("json", "jsonl"):
            objetos = [f.datos for f in filas if isinstance(f.datos, dict)]
            claves = list(dict.fromkeys(k for o in objetos for k in o))
            if columnas or not all(k in _CONOCIDOS for k in claves):
                # Nombres propios o campos de más: se decide con los de todo el archivo.
                renombrado = _decidir_renombrado(claves, columnas, nombre, informe.avisos)
                _comprobar_columnas(renombrado, claves, nombre)
                sobran = [c for c in claves if c not in renombrado]
                if sobran:
                    informe.avisos.append(f"{nombre}: no uso los campos {sobran}.")
            elif claves:  # los nombres del formato: cada fila se detecta tal cual
                _comprobar_columnas({c: c for c in claves}, claves, nombre)
    informe.filas_leidas = len(filas)
    if not filas:
        raise ErrorDatos(f"{nombre} no tiene filas de datos (solo la cabecera o una lista "
                         "vacía). Arreglo: añade ejemplos, uno por fila.", informe)

    # 1. Cada fila, a su formato y al de salida.
    omisiones: list[Omision] = []
    convertidos: list[str] = []
    correctas: list[tuple[_Fila, dict]] = []
    por_formato: dict[str, list[int]] = {}
    reconocidas: set[tuple[str, int]] = set()
    for fila in filas:
        try:
            if fila.vacia:
                raise _Omitir("fila vacía", "bórrala o complétala")
            if fila.defecto:
                raise _Omitir(*fila.defecto)
            if not isinstance(fila.datos, dict):
                raise _Omitir(f"no es un objeto JSON sino {type(fila.datos).__name__}",
                              'escribe cada ejemplo como {"campo": "valor", ...}')
            formato, normal = _normalizar_fila(fila.datos, renombrado, fila.linea, convertidos)
            por_formato.setdefault(formato, []).append(fila.linea)
            reconocidas.add((fila.archivo, fila.linea))
            correctas.append((fila, _convertir(formato, normal, formato_salida, sistema,
                                               tokenizador)))
        except _Omitir as omitir:
            omisiones.append(Omision(fila.archivo, fila.linea, omitir.motivo, omitir.arreglo))
    informe.formatos = {f: len(v) for f, v in por_formato.items()}
    informe.sin_formato = dict(Counter(_tipo_de_motivo(o.motivo) for o in omisiones
                                       if (o.archivo, o.linea) not in reconocidas))
    informe.formato = next(iter(por_formato)) if len(por_formato) == 1 else (
        "mezclado" if por_formato else "ninguno")
    if len(por_formato) > 1:
        informe.avisos.append(
            f"{nombre} mezcla formatos: "
            + "; ".join(f"{f}: {len(v)} filas (la primera en la línea {v[0]})"
                        for f, v in por_formato.items())
            + f". Las he convertido todas a {formato_salida}. Arreglo: si no lo esperabas, "
              "revisa esas líneas.")
    if set(por_formato) == {"texto"} and formato_salida != "texto":
        raise ErrorDatos(
            f"{nombre} solo tiene texto sin turnos (columna text) y has pedido "
            f"formato_salida={formato_salida!r}: no sé qué es pregunta y qué respuesta. Arreglo: "
            'usa formato_salida="texto" (preentrenamiento continuo) o da a cada fila una '
            f"pregunta y una respuesta con {_EJEMPLO_COLUMNAS}.", informe)
    if convertidos:
        informe.avisos.append(f"{nombre}: he convertido en texto {len(convertidos)} valor(es) "
                              f"numérico(s) (el primero en {convertidos[0]}). Arreglo: si eran "
                              "texto, ponlos entre comillas.")

    # 2. Las demasiado largas (contadas en un solo lote, con la plantilla de chat).
    if tokenizador is not None and max_tokens is not None and correctas:
        textos = [_texto_para_contar(c, tokenizador) for _, c in correctas]
        longitudes = [len(ids) for ids in
                      tokenizador(textos, add_special_tokens=False)["input_ids"]]
        cortas = []
        for (fila, c), n in zip(correctas, longitudes):
            if n > max_tokens:
                omisiones.append(Omision(
                    fila.archivo, fila.linea, f"tiene {n} tokens y el límite es {max_tokens} "
                    "(max_tokens)", "sube max_tokens, recorta el texto o divídelo en varios "
                    "ejemplos"))
            else:
                cortas.append((fila, c))
        correctas = cortas

    # 3. Las duplicadas: se queda la primera.
    if quitar_duplicados:
        vistas: dict[str, _Fila] = {}
        unicas = []
        for fila, c in correctas:
            clave = _clave_duplicado(c)
            if clave in vistas:
                primera = vistas[clave]
                donde = (f"la línea {primera.linea}" if primera.archivo == fila.archivo
                         else f"{primera.archivo}")
                omisiones.append(Omision(fila.archivo, fila.linea, f"duplicada de {donde}",
                                         "nada: se queda la primera (si quieres las dos, "
                                         "cambia una)"))
            else:
                vistas[clave] = fila
                unicas.append((fila, c))
        correctas = unicas

    orden = {(f.archivo, f.linea): i for i, f in enumerate(filas)}
    informe.omisiones = sorted(omisiones, key=lambda o: orden.get((o.archivo, o.linea), 0))
    informe.filas_cargadas = len(correctas)
    informe.origenes = [(f.archivo, f.linea) for f, _ in correctas]
    if not correctas:
        raise ErrorDatos(f"{nombre}: no se ha podido cargar ninguna fila. Las primeras "
                         "omisiones: " + " | ".join(str(o) for o in informe.omisiones[:3])
                         + " (el informe completo está en error.informe).", informe)
    return Dataset.from_list([c for _, c in correctas]), informe
