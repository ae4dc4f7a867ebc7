"""La tabla en español: ejercicio, estado, pruebas superadas y TODAS las pistas, enteras.

Los textos largos se parten en varias líneas alineadas bajo su columna, para que la tabla
quepa en una terminal y en la página del libro sin cortar nada.
"""

from __future__ import annotations

import textwrap
import unicodedata

ESTADOS = {
    "superado": "✅ superado",
    "falla": "❌ falla",
    "sin_hacer": "⏳ sin hacer",
    "error": "⚠️ error",
}
ANCHO_TOTAL = 100
ANCHO_EJERCICIO = 30
SEPARACION = "  "


def ancho(texto: str) -> int:
    """Columnas que ocupa ``texto`` en pantalla (los emojis ocupan dos)."""
    total = 0
    for i, caracter in enumerate(texto):
        if caracter == "\ufe0f" or unicodedata.combining(caracter):
            continue
        doble = unicodedata.east_asian_width(caracter) in ("W", "F")
        doble = doble or texto[i + 1: i + 2] == "\ufe0f"
        total += 2 if doble else 1
    return total


def _rellenar(texto: str, columnas: int) -> str:
    return texto + " " * max(0, columnas - ancho(texto))


def _partir(texto: str, columnas: int, sangria: str = "") -> list[str]:
    lineas = []
    for parrafo in texto.splitlines() or [""]:
        lineas += textwrap.wrap(parrafo, columnas, subsequent_indent=sangria,
                                break_long_words=False, break_on_hyphens=False) or [""]
    return lineas


def _sin_prefijo(pista: str) -> str:
    """La columna ya se llama «Pista»: «Pista: la forma...» se muestra como «La forma...».

    Un identificador al principio (``grad_b``, ``x``, ``np.exp``) conserva su forma."""
    if pista.startswith("Pista: ") and len(pista) > 7:
        resto = pista[7:]
        palabra = resto.split(" ", 1)[0].rstrip(",.:;")
        if len(palabra) > 1 and not any(c in palabra for c in "_.()[]"):
            return resto[0].upper() + resto[1:]
        return resto
    return pista


def _pistas(resultado) -> list[str]:
    if resultado.superado:
        return ["—"]
    pistas = [_sin_prefijo(p) for p in resultado.pistas or [resultado.ejercicio.pista]]
    if len(pistas) == 1:
        return pistas
    return [f"{n}) {p}" for n, p in enumerate(pistas, start=1)]


def tabla(resultados: list) -> str:
    """Tabla de texto con una fila por :class:`Resultado` (``calificar`` la imprime)."""
    cabecera = ("Ejercicio", "Estado", "Pruebas", "Pista")
    filas = []
    for r in resultados:
        titulo = _partir(f"{r.ejercicio.id} {r.ejercicio.titulo}", ANCHO_EJERCICIO, "    ")
        filas.append((titulo, [ESTADOS[r.estado]], [f"{r.superadas}/{r.total}"], _pistas(r)))
    anchos = [max([ancho(cabecera[i])] + [ancho(x) for f in filas for x in f[i]])
              for i in range(3)]
    sangria = sum(anchos) + 3 * len(SEPARACION)
    ancho_pista = max(40, ANCHO_TOTAL - sangria)
    lineas = [SEPARACION.join(_rellenar(c, a) for c, a in zip(cabecera, anchos))
              + SEPARACION + cabecera[3], "-" * (sangria + ancho_pista)]
    for titulo, estado, pruebas, pistas in filas:
        texto_pista = [linea for p in pistas for linea in _partir(p, ancho_pista)]
        columnas = [titulo, estado, pruebas, texto_pista]
        alto = max(len(c) for c in columnas)
        if alto > 1 and lineas[-1].strip("-"):
            lineas.append("")  # una fila de varias líneas va separada de la anterior
        for n in range(alto):
            celdas = [c[n] if n < len(c) else "" for c in columnas]
            linea = SEPARACION.join(_rellenar(c, a) for c, a in zip(celdas[:3], anchos))
            lineas.append((linea + SEPARACION + celdas[3]).rstrip())
        if alto > 1:
            lineas.append("")
    hechos = sum(r.superado for r in resultados)
    if lineas[-1] == "":
        lineas.pop()
    lineas.append(f"Resultado: {hechos} de {len(resultados)} ejercicios superados.")
    return "\n".join(lineas)
