"""Ejercicio 6.3: enmascarar el prompt en las etiquetas.

En el ajuste fino con instrucciones, el modelo solo debe aprender a escribir la RESPUESTA: las
etiquetas (``labels``) valen ``-100`` (el índice que ignora la entropía cruzada de PyTorch)
en los tokens del prompt y en el relleno.

Escribe ``enmascarar_prompt(input_ids, mascara_atencion, longitudes_prompt)``:

- ``input_ids``: tensor ``torch.long`` de forma ``(B, T)``, un lote con relleno a la DERECHA.
- ``mascara_atencion``: tensor ``(B, T)`` con 1 en los tokens reales y 0 en el relleno.
- ``longitudes_prompt``: lista (o tensor) de ``B`` enteros; los primeros
  ``longitudes_prompt[i]`` tokens de la fila ``i`` son su prompt (cada fila tiene el suyo;
  puede ser 0, o ``T`` o más si toda la fila es prompt).

Devuelve un tensor NUEVO ``torch.long`` ``(B, T)``: una copia de ``input_ids`` con ``-100`` en
las posiciones ``j < longitudes_prompt[i]`` de cada fila y donde ``mascara_atencion`` es 0.
No modifiques ``input_ids``.

Cuidado: reconoce el relleno por la máscara, no comparando con el id de relleno. Muchos
modelos usan el mismo id para el relleno y para el fin de texto, y el fin de la respuesta SÍ
debe aprenderse (si no, el modelo nunca para de escribir).

Ejemplo: ``input_ids = [[5, 6, 7, 2, 2]]``, ``mascara_atencion = [[1, 1, 1, 1, 0]]``,
``longitudes_prompt = [2]`` da ``[[-100, -100, 7, 2, -100]]``.

Califícalo con ``pytest exercises/cap06_datos/test_ej03_enmascarar_prompt.py`` o, en un
cuaderno, con ``calificar("6.3", enmascarar_prompt)``.
"""

import torch


def enmascarar_prompt(input_ids: torch.Tensor, mascara_atencion: torch.Tensor,
                      longitudes_prompt) -> torch.Tensor:
    raise NotImplementedError("Ejercicio 6.3: implementa enmascarar_prompt.")
