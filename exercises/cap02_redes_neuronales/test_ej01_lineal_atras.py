"""Calificador del ejercicio 2.1: retropropagación de una capa lineal."""

import torch


def _autograd(x, W, b, g):
    """Gradientes de referencia calculados por autograd de PyTorch."""
    x = x.clone().requires_grad_(True)
    W = W.clone().requires_grad_(True)
    b = b.clone().requires_grad_(True)
    (x @ W.T + b).backward(g)
    return x.grad, W.grad, b.grad


def _entradas(lote, entradas, salidas, semilla):
    gen = torch.Generator().manual_seed(semilla)
    x = torch.randn(lote, entradas, generator=gen, dtype=torch.float64)
    W = torch.randn(salidas, entradas, generator=gen, dtype=torch.float64)
    b = torch.randn(salidas, generator=gen, dtype=torch.float64)
    g = torch.randn(lote, salidas, generator=gen, dtype=torch.float64)
    return x, W, b, g


def _llamar(funcion, x, W, g):
    salida = funcion(x.clone(), W.clone(), g.clone())
    assert isinstance(salida, (tuple, list)) and len(salida) == 3, (
        "Pista: devuelve una tupla de tres tensores (grad_x, grad_W, grad_b)."
    )
    return [torch.as_tensor(s, dtype=torch.float64) for s in salida]


def test_formas_de_los_gradientes(funcion):
    x, W, b, g = _entradas(lote=5, entradas=3, salidas=4, semilla=0)
    grad_x, grad_W, grad_b = _llamar(funcion, x, W, g)
    assert grad_x.shape == x.shape, (
        f"Pista: grad_x debe tener la forma de x {tuple(x.shape)}, no {tuple(grad_x.shape)}; "
        "¿qué producto de grad_salida (lote, salidas) y W (salidas, entradas) la da?"
    )
    assert grad_W.shape == W.shape, (
        f"Pista: grad_W debe tener la forma de W {tuple(W.shape)} (salidas, entradas), "
        f"no {tuple(grad_W.shape)}; ¿lo tienes traspuesto?"
    )
    assert grad_b.shape == b.shape, (
        f"Pista: grad_b debe tener la forma de b {tuple(b.shape)}, no {tuple(grad_b.shape)}: "
        "el sesgo se suma a cada fila del lote, así que sus gradientes se acumulan sobre el lote."
    )


def test_coincide_con_autograd(funcion):
    # Incluye una capa cuadrada: ahí un grad_W traspuesto tiene la forma correcta.
    for semilla, (lote, entradas, salidas) in enumerate([(5, 3, 4), (4, 4, 4), (1, 6, 2), (8, 2, 7)]):
        x, W, b, g = _entradas(lote, entradas, salidas, semilla)
        esperado = _autograd(x, W, b, g)
        obtenido = _llamar(funcion, x, W, g)
        for nombre, o, e, pista in zip(
            ("grad_x", "grad_W", "grad_b"), obtenido, esperado,
            ("cada entrada recibe lo que le llega de TODAS las salidas a través de sus pesos "
             "(sin promediar sobre el lote).",
             "cada peso acumula, sumando sobre el lote, el gradiente de su salida por el valor "
             "de su entrada; ¿está traspuesto o promediado?",
             "grad_b es la SUMA (no la media) de grad_salida sobre el lote."),
        ):
            assert o.shape == e.shape and torch.allclose(o, e, atol=1e-8), (
                f"Pista: {nombre} no coincide con autograd para lote={lote}, entradas={entradas}, "
                f"salidas={salidas}. {pista}"
            )


def test_no_usa_el_sesgo_ni_modifica_entradas(funcion):
    x, W, _, g = _entradas(lote=3, entradas=5, salidas=2, semilla=7)
    copias = (x.clone(), W.clone(), g.clone())
    funcion(x, W, g)
    for original, copia, nombre in zip((x, W, g), copias, ("x", "W", "grad_salida")):
        assert torch.equal(original, copia), (
            f"Pista: tu función modificó {nombre}; calcula los gradientes sin cambiar las entradas."
        )


def test_entradas_no_contiguas(funcion):
    # Tensores traspuestos, como los que salen de otras capas: no son contiguos en memoria.
    gen = torch.Generator().manual_seed(11)
    x = torch.randn(6, 5, generator=gen, dtype=torch.float64).T  # (lote=5, entradas=6)
    W = torch.randn(6, 3, generator=gen, dtype=torch.float64).T  # (salidas=3, entradas=6)
    b = torch.randn(3, generator=gen, dtype=torch.float64)
    g = torch.randn(3, 5, generator=gen, dtype=torch.float64).T  # (lote=5, salidas=3)
    esperado = _autograd(x, W, b, g)
    salida = funcion(x, W, g)
    assert isinstance(salida, (tuple, list)) and len(salida) == 3, (
        "Pista: devuelve una tupla de tres tensores (grad_x, grad_W, grad_b)."
    )
    for nombre, o, e in zip(("grad_x", "grad_W", "grad_b"), salida, esperado):
        o = torch.as_tensor(o, dtype=torch.float64)
        assert o.shape == e.shape and torch.allclose(o, e, atol=1e-8), (
            f"Pista: con entradas traspuestas (no contiguas en memoria) {nombre} no coincide "
            "con autograd; .view() exige memoria contigua: usa operaciones que no dependan de "
            "ella (productos de matrices, reshape)."
        )
