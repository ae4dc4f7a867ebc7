"""Ejercicio 5.3: tasa de aprendizaje con calentamiento y decaimiento coseno.

Escribe ``tasa_calentamiento_coseno(paso, pasos_totales, pasos_calentamiento, tasa_maxima,
tasa_minima=0.0)``, la tasa de aprendizaje del paso ``paso`` (de 0 a ``pasos_totales``,
ambos incluidos; ``0 <= pasos_calentamiento < pasos_totales``):

- Calentamiento, si ``paso < pasos_calentamiento``: sube en línea recta desde 0,

      tasa = tasa_maxima · paso / pasos_calentamiento

  (en el paso 0 vale 0).
- Después, medio periodo de coseno desde ``tasa_maxima`` hasta ``tasa_minima``:

      progreso = (paso - pasos_calentamiento) / (pasos_totales - pasos_calentamiento)
      tasa = tasa_minima + (tasa_maxima - tasa_minima) · (1 + cos(π · progreso)) / 2

  así, en ``paso = pasos_calentamiento`` vale ``tasa_maxima`` y en ``paso = pasos_totales``,
  ``tasa_minima``.

Devuelve un ``float``. Es el programa ``"cosine"`` de ``transformers.Trainer``
(``get_cosine_schedule_with_warmup``) y, con ``tasa_minima > 0``, el de
``get_cosine_with_min_lr_schedule_with_warmup``.

Califícalo con ``pytest exercises/cap05_preentrenamiento/test_ej03_calentamiento_coseno.py``
o, en un cuaderno, con ``calificar("5.3", tasa_calentamiento_coseno)``.
"""


def tasa_calentamiento_coseno(paso: int, pasos_totales: int, pasos_calentamiento: int,
                              tasa_maxima: float, tasa_minima: float = 0.0) -> float:
    raise NotImplementedError("Ejercicio 5.3: implementa tasa_calentamiento_coseno.")
