"""Calificador del ejercicio 6.3: enmascarar el prompt en las etiquetas."""

import torch

from curso_llm.formatos import enmascarar_prompt as referencia


def _lote(semilla, b, t, id_relleno=2, vocabulario=50):
    g = torch.Generator().manual_seed(semilla)
    largos = torch.randint(1, t + 1, (b,), generator=g)
    largos[0] = t  # una fila sin relleno
    ids = torch.randint(3, vocabulario, (b, t), generator=g)
    mascara = (torch.arange(t).unsqueeze(0) < largos.unsqueeze(1)).long()
    for i, n in enumerate(largos.tolist()):
        ids[i, n - 1] = id_relleno  # la fila termina con el token de fin (= relleno)
        ids[i, n:] = id_relleno
    prompts = [int(torch.randint(0, n + 1, (1,), generator=g)) for n in largos.tolist()]
    return ids, mascara, prompts


def _diagnostico(ids, mascara, prompts, obtenido, esperado) -> str:
    b, t = ids.shape
    distintos = (obtenido != esperado).nonzero().tolist()
    i, j = distintos[0]
    fila = f"fila {i}, posición {j} (prompt de {prompts[i]} tokens, máscara {mascara[i].tolist()})"
    if obtenido[i, j] == -100 and mascara[i, j] == 1 and j >= prompts[i]:
        if j == prompts[i]:
            return (f"en la {fila} pones -100 en el PRIMER token de la respuesta: la posición "
                    "j se enmascara solo si j < longitud del prompt.")
        if ids[i, j] == 2:
            return (f"en la {fila} borras el token de fin, que es real (máscara 1) y debe "
                    "aprenderse: reconoce el relleno por la máscara de atención, no por el id.")
        return (f"en la {fila} enmascaras un token de la respuesta: ¿usas la longitud del "
                "prompt de otra fila? Cada fila tiene la suya.")
    if esperado[i, j] == -100 and obtenido[i, j] != ids[i, j]:
        return (f"en la {fila} el valor debería ser -100 (el índice que ignora la entropía "
                f"cruzada) y es {int(obtenido[i, j])}.")
    if obtenido[i, j] != -100 and j < prompts[i]:
        if j == prompts[i] - 1:
            return (f"en la {fila} no enmascaras el ÚLTIMO token del prompt: enmascara todas "
                    "las posiciones j < longitud del prompt.")
        return (f"en la {fila} no enmascaras un token del prompt: ¿usas la longitud del prompt "
                "de otra fila? Cada fila tiene la suya.")
    if obtenido[i, j] != -100 and mascara[i, j] == 0:
        return f"en la {fila} el relleno (máscara 0) debe valer -100."
    return f"en la {fila} el valor debería ser {int(esperado[i, j])} y es {int(obtenido[i, j])}."


def _comprobar(funcion, ids, mascara, prompts):
    copia_ids, copia_mascara = ids.clone(), mascara.clone()
    obtenido = funcion(ids, mascara, prompts)
    assert torch.equal(ids, copia_ids) and torch.equal(mascara, copia_mascara), (
        "Pista: tu función modificó input_ids (o la máscara) que recibe: clona antes de "
        "escribir -100 (las etiquetas son una COPIA)."
    )
    assert isinstance(obtenido, torch.Tensor), (
        f"Pista: devuelve un tensor de PyTorch, no {type(obtenido).__name__}."
    )
    assert obtenido is not ids, "Pista: devuelve un tensor nuevo, no el mismo input_ids."
    assert obtenido.dtype == torch.long, (
        f"Pista: las etiquetas deben ser torch.long (la entropía cruzada lo exige); son "
        f"{obtenido.dtype}."
    )
    assert tuple(obtenido.shape) == tuple(ids.shape), (
        f"Pista: las etiquetas tienen la forma de input_ids, {tuple(ids.shape)}; las tuyas "
        f"{tuple(obtenido.shape)}."
    )
    esperado = referencia(copia_ids, copia_mascara, prompts)
    if not torch.equal(obtenido, esperado):
        raise AssertionError("Pista: " + _diagnostico(copia_ids, copia_mascara, prompts,
                                                      obtenido, esperado))


def test_ejemplo_del_enunciado(funcion):
    ids = torch.tensor([[5, 6, 7, 2, 2]])
    mascara = torch.tensor([[1, 1, 1, 1, 0]])
    obtenido = funcion(ids.clone(), mascara, [2])
    assert isinstance(obtenido, torch.Tensor) and obtenido.tolist() == [[-100, -100, 7, 2, -100]], (
        "Pista: se esperaba [[-100, -100, 7, 2, -100]] y diste "
        f"{obtenido.tolist() if isinstance(obtenido, torch.Tensor) else obtenido}. "
        + _diagnostico(ids, mascara, [2], obtenido, torch.tensor([[-100, -100, 7, 2, -100]]))
        if isinstance(obtenido, torch.Tensor) and obtenido.shape == ids.shape
        else "Pista: devuelve un tensor (1, 5)."
    )


def test_cada_fila_tiene_su_prompt(funcion):
    ids = torch.tensor([[5, 6, 7, 8, 2], [9, 10, 2, 2, 2], [11, 12, 13, 14, 15]])
    mascara = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0], [1, 1, 1, 1, 1]])
    _comprobar(funcion, ids, mascara, [3, 1, 0])


def test_prompt_que_ocupa_toda_la_fila(funcion):
    ids = torch.tensor([[5, 6, 7], [8, 9, 2]])
    mascara = torch.tensor([[1, 1, 1], [1, 1, 1]])
    _comprobar(funcion, ids, mascara, [3, 7])


def test_longitudes_como_tensor(funcion):
    ids, mascara, prompts = _lote(3, 4, 9)
    _comprobar(funcion, ids, mascara, torch.tensor(prompts))


def test_lotes_aleatorios(funcion):
    for semilla, (b, t) in enumerate([(1, 6), (5, 12), (16, 40), (32, 7)]):
        ids, mascara, prompts = _lote(semilla, b, t)
        _comprobar(funcion, ids, mascara, prompts)


def test_ids_grandes(funcion):
    ids, mascara, prompts = _lote(9, 6, 20, id_relleno=151_643, vocabulario=151_000)
    ids[ids >= 3] += 100_000
    _comprobar(funcion, ids, mascara, prompts)
