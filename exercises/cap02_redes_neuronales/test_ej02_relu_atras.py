"""Calificador del ejercicio 2.2: gradiente de la ReLU."""

import torch


def _autograd(x, g):
    x = x.clone().requires_grad_(True)
    torch.relu(x).backward(g)
    return x.grad


def test_coincide_con_autograd(funcion):
    gen = torch.Generator().manual_seed(0)
    for forma in [(6,), (4, 5), (2, 3, 4)]:
        x = torch.randn(*forma, generator=gen, dtype=torch.float64)
        g = torch.randn(*forma, generator=gen, dtype=torch.float64)
        obtenido = torch.as_tensor(funcion(x.clone(), g.clone()), dtype=torch.float64)
        assert obtenido.shape == x.shape, (
            f"Pista: para x de forma {tuple(x.shape)} devolviste {tuple(obtenido.shape)}; "
            "el gradiente tiene la forma de x."
        )
        assert torch.allclose(obtenido, _autograd(x, g), atol=1e-10), (
            "Pista: dL/dx = grad_salida donde la ENTRADA x es positiva y 0 donde no; "
            "la máscara sale de x (no de grad_salida) y multiplica a grad_salida."
        )


def test_multiplica_el_gradiente_que_llega(funcion):
    x = torch.tensor([[2.0, -1.0, 0.5], [-3.0, 4.0, -0.5]], dtype=torch.float64)
    g = torch.tensor([[3.0, 5.0, -2.0], [7.0, -0.5, 1.0]], dtype=torch.float64)
    esperado = torch.tensor([[3.0, 0.0, -2.0], [0.0, -0.5, 0.0]], dtype=torch.float64)
    obtenido = torch.as_tensor(funcion(x, g), dtype=torch.float64)
    assert torch.allclose(obtenido, esperado), (
        "Pista: con x = 2.0 y grad_salida = 3.0 el resultado es 3.0 (la derivada de la ReLU es 1 "
        "ahí); con x = -1.0 es 0, sea cual sea grad_salida."
    )


def test_derivada_cero_en_cero(funcion):
    x = torch.tensor([0.0, 0.0, 1.0, -1.0], dtype=torch.float64)
    g = torch.ones(4, dtype=torch.float64)
    obtenido = torch.as_tensor(funcion(x, g), dtype=torch.float64)
    assert torch.allclose(obtenido, torch.tensor([0.0, 0.0, 1.0, 0.0], dtype=torch.float64)), (
        "Pista: en x = 0 usa derivada 0, como PyTorch (la condición es x > 0, no x >= 0)."
    )


def test_no_modifica_entradas(funcion):
    gen = torch.Generator().manual_seed(4)
    x = torch.randn(3, 5, generator=gen, dtype=torch.float64)
    g = torch.randn(3, 5, generator=gen, dtype=torch.float64)
    copias = (x.clone(), g.clone())
    obtenido = torch.as_tensor(funcion(x, g), dtype=torch.float64)
    for original, copia, nombre in zip((x, g), copias, ("x", "grad_salida")):
        assert torch.equal(original, copia), (
            f"Pista: tu función modificó {nombre} en su sitio (p. ej. con relu_, masked_fill_ o "
            "una asignación por máscara); devuelve un tensor nuevo."
        )
    assert torch.allclose(obtenido, _autograd(x, g), atol=1e-10), (
        "Pista: dL/dx = grad_salida donde la ENTRADA x es positiva y 0 donde no."
    )


def test_entradas_no_contiguas_y_grandes(funcion):
    gen = torch.Generator().manual_seed(5)
    x = (1e6 * torch.randn(4, 6, generator=gen, dtype=torch.float64)).T
    g = torch.randn(6, 4, generator=gen, dtype=torch.float64)
    obtenido = torch.as_tensor(funcion(x, g), dtype=torch.float64)
    assert obtenido.shape == x.shape and torch.allclose(obtenido, _autograd(x, g), atol=1e-10), (
        "Pista: con una x traspuesta (no contigua) y valores grandes el resultado no coincide; "
        "la derivada solo depende del SIGNO de x (1 o 0), no de su valor."
    )
