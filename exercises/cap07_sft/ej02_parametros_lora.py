"""Ejercicio 7.2: cuántos parámetros entrena LoRA.

Con LoRA, cada capa lineal adaptada conserva su peso ``W`` congelado y añade dos matrices
entrenables: ``A`` de forma ``(rango, entrada)`` y ``B`` de forma ``(salida, rango)``.
Escribe ``parametros_lora(formas, rango)``, el número total de parámetros entrenables que
añade LoRA de rango ``rango`` a las capas de ``formas``.

Contrato:

- ``formas`` es un iterable de pares ``(salida, entrada)``, la forma de cada ``W`` (como
  ``tuple(capa.weight.shape)``). Puede ser una lista, una tupla, una lista de listas o un
  **generador** (que solo se puede recorrer una vez).
- ``rango`` es un entero positivo.
- Cuenta solo ``A`` y ``B`` de cada capa: el peso ``W`` y el sesgo siguen congelados y no
  cuentan.
- Devuelve un entero (no un ``float``). Sin capas (``formas`` vacío), ``0``.
- El resultado coincide con ``contar_entrenables(aplicar_lora(modelo, rango, ...))`` de
  ``curso_llm.lora`` sobre un modelo con esas capas.

Ejemplo::

    >>> parametros_lora([(8, 3), (5, 5)], rango=2)
    42

(la primera capa añade ``A`` de 2·3 = 6 y ``B`` de 8·2 = 16, 22 en total; la segunda,
10 + 10 = 20.) Compáralo con ``8·3 + 5·5 = 49`` pesos de las dos matrices completas: con
matrices grandes el ahorro es enorme.

Califícalo con ``pytest exercises/cap07_sft/test_ej02_parametros_lora.py`` o, en un
cuaderno, con ``calificar("7.2", parametros_lora)``.
"""


def parametros_lora(formas, rango) -> int:
    raise NotImplementedError("Ejercicio 7.2: implementa parametros_lora.")
