"""Ejercicio 6.6: anonimizar teléfonos y documentos de identidad.

Escribe ``anonimizar_telefonos_e_ids(texto)``, que devuelve el texto con cada teléfono, DNI y
NIE cambiado por un marcador. El resto del texto no cambia (ni espacios ni puntuación).

Qué es cada dato:

- **Teléfono**: 9 cifras que empiezan por 6, 7, 8 o 9. Entre dos cifras puede haber un
  espacio o un guion (uno como mucho): «612345678», «612 345 678», «612-345-678»,
  «91 234 56 78». Delante puede llevar el prefijo ``+34``, ``0034`` o ``(+34)``, pegado o
  seguido de un espacio o un guion; el prefijo forma parte del teléfono y también se tapa.
  Justo antes y justo después del teléfono (o de su prefijo) NO puede haber una letra, una
  cifra ni un guion bajo: «1612345678» (diez cifras) y «612345678Z» no son teléfonos, y
  «1200 mg» tampoco (empieza por 1 y tiene 4 cifras). Justo antes tampoco puede haber un
  «+» (salvo el del propio prefijo ``+34``): en «+612345678» no hay ningún teléfono. Quedan fuera A PROPÓSITO los
  teléfonos con puntos («612.345.678», «+34.612.345.678») o con las tres primeras cifras
  entre paréntesis («(612) 345 678»): no los tapes. El anonimizador completo del capítulo sí
  los busca; aquí el contrato es más pequeño.
- **DNI**: 8 cifras seguidas, o escritas con puntos como «12.345.678», y una letra, con un
  guion opcional antes de la letra: «12345678Z», «12.345.678-Z», «12345678-z». La letra
  puede ir en minúscula y NO se comprueba (una letra equivocada sigue siendo un dato
  personal). Justo antes no puede haber letra, cifra, guion bajo ni punto; justo después,
  ni letra, ni cifra ni guion bajo.
- **NIE**: X, Y o Z (también en minúscula), 7 cifras y una letra, con guiones opcionales
  tras la inicial y antes de la letra: «X1234567L», «Y-1234567-X». Justo antes y justo
  después no puede haber letra, cifra ni guion bajo; a diferencia del DNI, un punto justo
  delante SÍ vale: en «Doc.X1234567L» hay un NIE.

Marcadores: ``[TELEFONO_n]``, ``[DNI_n]`` y ``[NIE_n]``. Cada tipo cuenta aparte, desde 1 y
por orden de PRIMERA APARICIÓN en el texto. El mismo dato lleva siempre el mismo marcador,
comparando valores normalizados:

- un teléfono se normaliza a sus 9 cifras (sin prefijo ni separadores): «+34 612-345-678»,
  «612 345 678» y «612345678» son el mismo teléfono;
- un DNI o un NIE, a sus cifras y letras en mayúscula: «12.345.678-z» y «12345678Z» son
  el mismo DNI.

Ejemplo::

    >>> anonimizar_telefonos_e_ids(
    ...     "Llamar al 612 345 678 o al 91 234 56 78. DNI 12.345.678-z; "
    ...     "su teléfono: +34 612-345-678. NIE Y-1234567-X.")
    'Llamar al [TELEFONO_1] o al [TELEFONO_2]. DNI [DNI_1]; su teléfono: [TELEFONO_1]. NIE [NIE_1].'

Pista: las expresiones regulares (``re``) y un diccionario de valor normalizado a marcador
bastan. Cuidado con lo que se come tu patrón a los lados.

Califícalo con ``pytest exercises/cap06_datos/test_ej06_anonimizar_telefonos_e_ids.py`` o,
en un cuaderno, con ``calificar("6.6", anonimizar_telefonos_e_ids)``.
"""


def anonimizar_telefonos_e_ids(texto: str) -> str:
    raise NotImplementedError("Ejercicio 6.6: implementa anonimizar_telefonos_e_ids.")
