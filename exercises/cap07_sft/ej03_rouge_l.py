"""Ejercicio 7.3: ROUGE-L a mano.

Escribe ``rouge_l(prediccion, referencia)``, la métrica ROUGE-L (F1) con la que se compara un
resumen generado con uno de referencia. Se basa en la **subsecuencia común más larga** (LCS,
*longest common subsequence*) de las dos listas de palabras: las palabras que aparecen en las
dos **en el mismo orden, aunque no estén seguidas**. No es la subcadena común más larga:
en «el paciente tiene fiebre alta» frente a «el paciente no tiene fiebre muy alta», la LCS
es «el paciente tiene fiebre alta» (5 palabras), aunque el trozo seguido más largo que
comparten solo tiene 2.

Contrato:

- Tokeniza los dos textos con ``curso_llm.evaluacion.tokenizar_rouge`` (impórtala): pasa a
  minúsculas y se queda con las secuencias de letras o dígitos (la puntuación separa y no
  cuenta; las tildes y la ñ se conservan). No partas por espacios: «Fiebre,» y «fiebre»
  deben ser la misma palabra.
- Con :math:`L` la longitud de la LCS de las dos listas de palabras (palabras, no
  caracteres):

      P = L / (palabras de la predicción)      (precisión)
      R = L / (palabras de la referencia)      (exhaustividad)
      F1 = 2 · P · R / (P + R)

- Devuelve F1 como ``float`` entre 0 y 1 (también ``0.0`` y ``1.0``, nunca un ``int``).
- Si alguno de los dos textos no tiene palabras (``""``, ``"..."``) o no comparten ninguna
  palabra, devuelve ``0.0`` (sin dividir entre cero).

La LCS se calcula con programación dinámica: con ``M[i][j]`` la LCS de las ``i`` primeras
palabras de una lista y las ``j`` primeras de la otra, ``M[i][j] = M[i-1][j-1] + 1`` si la
palabra ``i`` y la ``j`` coinciden, y ``max(M[i-1][j], M[i][j-1])`` si no (cuidado: con
índices desde 0, la palabra ``i`` es la de la posición ``i - 1``).

Ejemplo::

    >>> rouge_l("El paciente tiene fiebre alta.", "el paciente no tiene fiebre muy alta")
    0.8333333333333333

(L = 5, P = 5/5, R = 5/7, F1 = 2 · 1 · 5/7 / (1 + 5/7) = 10/12.)

Califícalo con ``pytest exercises/cap07_sft/test_ej03_rouge_l.py`` o, en un cuaderno, con
``calificar("7.3", rouge_l)``.
"""

from curso_llm.evaluacion import tokenizar_rouge  # noqa: F401  (la necesitarás)


def rouge_l(prediccion: str, referencia: str) -> float:
    raise NotImplementedError("Ejercicio 7.3: implementa rouge_l.")
