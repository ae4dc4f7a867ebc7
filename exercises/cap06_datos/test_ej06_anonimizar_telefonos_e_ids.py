"""Calificador del ejercicio 6.6: anonimizar teléfonos y documentos de identidad."""

import random

from curso_llm.privacidad import anonimizar_telefonos_e_ids as referencia


def _comprobar(funcion, texto, pista):
    esperado = referencia(texto)
    obtenido = funcion(texto)
    assert isinstance(obtenido, str), (
        f"Pista: devuelve el texto anonimizado (un str), no {type(obtenido).__name__}."
    )
    assert obtenido == esperado, (
        f"Pista: {pista}\n  texto:     {texto!r}\n  esperado:  {esperado!r}\n"
        f"  obtenido:  {obtenido!r}"
    )


def test_ejemplo_del_enunciado(funcion):
    _comprobar(funcion, "Llamar al 612 345 678 o al 91 234 56 78. DNI 12.345.678-z; su teléfono: "
               "+34 612-345-678. NIE Y-1234567-X.",
               "el ejemplo del enunciado no sale igual; revisa los casos de abajo, uno a uno.")


def test_formatos_de_telefono(funcion):
    for telefono in ("612345678", "612 345 678", "612-345-678", "91 234 56 78",
                     "912 34 56 78", "712-34-56-78"):
        _comprobar(funcion, f"Tel. {telefono}, de tarde.",
                   "un teléfono son 9 cifras que empiezan por 6, 7, 8 o 9, con un espacio o un "
                   "guion opcional entre cifras (acepta los dos separadores y cualquier "
                   "agrupación, no solo 3-3-3).")


def test_prefijo_internacional(funcion):
    for telefono in ("+34 612 345 678", "+34612345678", "0034 612345678", "(+34) 912 34 56 78",
                     "+34-612-345-678"):
        _comprobar(funcion, f"Móvil: {telefono}; en casa, 699000111 o +34699000111.",
                   "el prefijo +34, 0034 o (+34) forma parte del teléfono: el marcador debe "
                   "taparlo también, no dejar «+34 » delante.")


def test_no_toca_numeros_que_no_son_telefonos(funcion):
    for texto in ("Glucemia 1200 mg cada 8 horas y TA 120/80.",
                  "NHC 123456789, cama 12.",
                  "Referencia 1612345678 del laboratorio.",
                  "Lote 6123456789 caducado.",
                  "Código 612345678Z1 del envase."):
        _comprobar(funcion, texto,
                   "no tapes lo que no es un teléfono: necesita exactamente 9 cifras que "
                   "empiecen por 6, 7, 8 o 9, y ninguna cifra vecina ni letra pegada (mira las "
                   "fronteras: tu patrón no puede empezar ni acabar dentro de un número más "
                   "largo).")


def test_fronteras_del_mas_y_del_punto(funcion):
    for texto in ("Código +612345678 del envase.", "Lote +699111222, caducado."):
        _comprobar(funcion, texto,
                   "justo antes de las cifras de un teléfono no puede haber un «+» suelto (solo "
                   "el del prefijo +34): «+612345678» no es un teléfono; mira tu frontera "
                   "izquierda.")
    _comprobar(funcion, "Doc.X1234567L; ref.Y-7654321-z.",
               "en un NIE un punto justo delante SÍ vale («Doc.X1234567L»): no le pongas la "
               "frontera del DNI, que prohíbe el punto.")
    _comprobar(funcion, "Lote 1.12345678Z y 1.12.345.678-Z.",
               "un punto justo delante de un DNI lo descarta («1.12345678Z» no es un DNI).")


def test_formatos_de_dni(funcion):
    for dni in ("12345678Z", "12.345.678-Z", "12345678-z", "00123456-B", "87654321x"):
        _comprobar(funcion, f"Con DNI {dni} y sin alergias.",
                   "un DNI son 8 cifras (seguidas o con puntos, 12.345.678) y una letra, con "
                   "guion opcional; la letra puede ir en minúscula.")


def test_nie(funcion):
    for nie in ("X1234567L", "Y-1234567-X", "z7654321r"):
        _comprobar(funcion, f"Documento: NIE {nie}.",
                   "un NIE es X, Y o Z, 7 cifras y una letra (guiones opcionales) y su "
                   "marcador es [NIE_n], con su propio contador, no [DNI_n].")


def test_mismo_valor_mismo_marcador(funcion):
    _comprobar(funcion, "Tel. 612 345 678; otro: 699111222; repite 612-345-678 y +34612345678.",
               "el mismo teléfono escrito de otra forma debe llevar el MISMO marcador: "
               "normaliza (solo sus 9 cifras) antes de buscarlo en tu diccionario.")
    _comprobar(funcion, "DNI 12.345.678-z, luego 12345678Z y el NIE y-1234567-x = Y1234567X.",
               "el mismo documento debe llevar el mismo marcador: normaliza a cifras y letras "
               "en mayúscula (sin puntos ni guiones) antes de numerar.")


def test_orden_de_primera_aparicion(funcion):
    _comprobar(funcion, "Primero 699000111, luego 611222333 y otra vez 699000111.",
               "numera por orden de PRIMERA APARICIÓN en el texto (no por el valor ni por el "
               "orden de un conjunto): el primer teléfono que aparece es [TELEFONO_1].")
    _comprobar(funcion, "DNI 87654321X; tel. 612345678; NIE X1234567L; DNI 12345678Z.",
               "cada tipo cuenta aparte, desde 1: el primer teléfono es [TELEFONO_1] aunque "
               "antes haya un DNI (no uses un solo contador para todos los tipos).")


def test_texto_sin_datos_no_cambia(funcion):
    for texto in ("", "Sin datos personales: 500 mg cada 8 horas.", "  espacios  \n y saltos\t"):
        _comprobar(funcion, texto, "si no hay teléfonos ni documentos, devuelve el texto "
                   "tal cual (espacios y saltos de línea incluidos).")


def _fragmento(rng):
    cifras = rng.choice("6789") + "".join(rng.choice("0123456789") for _ in range(8))
    numero = "".join(rng.choice("0123456789") for _ in range(8))
    opciones = [
        cifras, f"{cifras[:3]} {cifras[3:6]} {cifras[6:]}", f"+34 {cifras}",
        f"0034-{cifras[:3]}-{cifras[3:6]}-{cifras[6:]}", f"{numero}{rng.choice('TRWAGMY')}",
        f"{numero[:2]}.{numero[2:5]}.{numero[5:]}-{rng.choice('tr')}",
        f"{rng.choice('XYZ')}{numero[:7]}{rng.choice('LKE')}", f"{rng.randint(1, 2000)} mg",
        "TA 120/80", f"NHC {rng.randint(10**8, 5 * 10**8)}", "cama 7",
    ]
    return rng.choice(opciones)


def test_coincide_con_la_referencia_en_textos_al_azar(funcion):
    for semilla in range(40):
        rng = random.Random(semilla)
        piezas = [_fragmento(rng) for _ in range(rng.randint(1, 6))]
        piezas += piezas[: rng.randint(0, 2)]  # repeticiones exactas
        rng.shuffle(piezas)
        texto = "Nota: " + "; ".join(piezas) + "."
        _comprobar(funcion, texto, "difiere de la referencia en un texto al azar; compara "
                   "marcador a marcador (formatos, prefijo, fronteras y numeración).")


def test_no_es_la_entrada_de_otra_forma(funcion):
    # Una función que no toca nada pasaría los casos sin datos: aquí debe cambiar algo.
    obtenido = funcion("Tel. 612345678")
    assert obtenido != "Tel. 612345678", "Pista: el teléfono 612345678 sigue a la vista."
