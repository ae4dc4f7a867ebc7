"""Calificador del ejercicio 2.3: un paso de SGD con momento."""

import torch


def _trayectorias(funcion, tasa, momento, pasos=5, semilla=0):
    """Compara la función con torch.optim.SGD paso a paso; devuelve pares (obtenido, esperado)."""
    gen = torch.Generator().manual_seed(semilla)
    inicial = torch.randn(3, 4, generator=gen, dtype=torch.float64)
    grads = [torch.randn(3, 4, generator=gen, dtype=torch.float64) for _ in range(pasos)]
    p = inicial.clone().requires_grad_(True)
    opt = torch.optim.SGD([p], lr=tasa, momentum=momento)
    param, velocidad = inicial.clone(), torch.zeros_like(inicial)
    resultados = []
    for paso, g in enumerate(grads, start=1):
        p.grad = g.clone()
        opt.step()
        salida = funcion(param, g.clone(), velocidad, tasa, momento)
        assert isinstance(salida, (tuple, list)) and len(salida) == 2, (
            "Pista: devuelve una tupla (param_nuevo, velocidad_nueva)."
        )
        param, velocidad = (torch.as_tensor(s, dtype=torch.float64) for s in salida)
        buffer = opt.state[p].get("momentum_buffer") if momento > 0 else g
        resultados.append((paso, param, p.detach().clone(), velocidad, buffer.clone()))
    return resultados


def test_coincide_con_torch_optim_sgd(funcion):
    for tasa, momento in [(0.1, 0.9), (0.05, 0.5)]:
        for paso, param, esperado, velocidad, buffer in _trayectorias(funcion, tasa, momento):
            assert torch.allclose(velocidad, buffer, atol=1e-10), (
                f"Pista: en el paso {paso} (momento={momento}) la velocidad no coincide con la de "
                "torch.optim.SGD: a la velocidad anterior, multiplicada por el momento, se le "
                "suma el gradiente TAL CUAL (sin multiplicarlo por la tasa ni por 1 - momento)."
            )
            assert torch.allclose(param, esperado, atol=1e-10), (
                f"Pista: en el paso {paso} el parámetro no coincide con torch.optim.SGD: "
                "muévelo con la velocidad YA actualizada (no la anterior ni una corrección tipo "
                "Nesterov), escalada por la tasa y restando: se baja en contra del gradiente."
            )


def test_sin_momento_es_sgd(funcion):
    param = torch.tensor([1.0, -2.0, 3.0], dtype=torch.float64)
    grad = torch.tensor([0.5, 0.5, -1.0], dtype=torch.float64)
    nuevo, vel = funcion(param, grad, torch.zeros(3, dtype=torch.float64), 0.1, 0.0)
    assert torch.allclose(torch.as_tensor(nuevo, dtype=torch.float64),
                          torch.tensor([0.95, -2.05, 3.1], dtype=torch.float64)), (
        "Pista: con momento = 0 debe ser el descenso de gradiente de siempre (en contra del "
        "gradiente, escalado por la tasa)."
    )


def test_no_modifica_entradas(funcion):
    gen = torch.Generator().manual_seed(3)
    param, grad, vel = (torch.randn(5, generator=gen, dtype=torch.float64) for _ in range(3))
    copias = [t.clone() for t in (param, grad, vel)]
    funcion(param, grad, vel, 0.1, 0.9)
    for t, c, nombre in zip((param, grad, vel), copias, ("param", "grad", "velocidad")):
        assert torch.equal(t, c), (
            f"Pista: tu función modificó {nombre} en su sitio; devuelve tensores nuevos "
            "(evita operaciones como -=, mul_ o add_)."
        )
