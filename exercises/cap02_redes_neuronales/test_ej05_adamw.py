"""Calificador del ejercicio 2.5: AdamW con decaimiento de pesos desacoplado."""

import torch


def _comparar_con_torch(funcion, tasa, decaimiento, pasos=5, semilla=0):
    gen = torch.Generator().manual_seed(semilla)
    inicial = 3 * torch.randn(4, 3, generator=gen, dtype=torch.float64)
    grads = [torch.randn(4, 3, generator=gen, dtype=torch.float64) for _ in range(pasos)]
    p = inicial.clone().requires_grad_(True)
    beta1, beta2, eps = 0.9, 0.99, 1e-8
    opt = torch.optim.AdamW([p], lr=tasa, betas=(beta1, beta2), eps=eps, weight_decay=decaimiento)
    param, m, v = inicial.clone(), torch.zeros_like(inicial), torch.zeros_like(inicial)
    for t, g in enumerate(grads, start=1):
        p.grad = g.clone()
        opt.step()
        salida = funcion(param, g.clone(), m, v, t, tasa, beta1, beta2, eps, decaimiento)
        assert isinstance(salida, (tuple, list)) and len(salida) == 3, (
            "Pista: devuelve una tupla (param_nuevo, m_nuevo, v_nuevo)."
        )
        param, m, v = (torch.as_tensor(s, dtype=torch.float64) for s in salida)
        assert torch.allclose(m, opt.state[p]["exp_avg"], rtol=1e-6, atol=1e-12), (
            f"Pista: en el paso t={t}, m no coincide con torch.optim.AdamW: el decaimiento NO "
            "se suma al gradiente; m y v se calculan con el gradiente original."
        )
        assert torch.allclose(param, p.detach(), rtol=1e-6, atol=1e-10), (
            f"Pista: en el paso t={t} el parámetro no coincide con torch.optim.AdamW: encoge "
            "primero param * (1 - tasa * decaimiento) (con la tasa) y después resta el paso de Adam."
        )


def test_coincide_con_torch_optim_adamw(funcion):
    _comparar_con_torch(funcion, tasa=0.01, decaimiento=0.01)
    _comparar_con_torch(funcion, tasa=0.05, decaimiento=0.5, semilla=1)


def test_sin_gradiente_solo_encoge(funcion):
    param = torch.tensor([2.0, -4.0, 0.5], dtype=torch.float64)
    ceros = torch.zeros(3, dtype=torch.float64)
    nuevo, m, v = funcion(param, ceros.clone(), ceros.clone(), ceros.clone(), 1, 0.1, 0.9, 0.999,
                          1e-8, 0.5)
    nuevo = torch.as_tensor(nuevo, dtype=torch.float64)
    assert torch.allclose(nuevo, param * (1 - 0.1 * 0.5), atol=1e-9), (
        "Pista: con gradiente cero, AdamW solo encoge cada parámetro multiplicándolo por "
        "(1 - tasa * decaimiento) = 0.95; si sumas el decaimiento al gradiente, Adam lo "
        "normaliza y el paso sale de tamaño ≈ tasa."
    )
    assert torch.allclose(torch.as_tensor(m, dtype=torch.float64), ceros), (
        "Pista: el decaimiento no entra en m: con gradiente cero, m sigue en cero."
    )


def test_sin_decaimiento_es_adam(funcion):
    _comparar_con_torch(funcion, tasa=0.02, decaimiento=0.0, pasos=3, semilla=2)


def test_no_modifica_entradas(funcion):
    gen = torch.Generator().manual_seed(5)
    param, grad, m = (torch.randn(4, generator=gen, dtype=torch.float64) for _ in range(3))
    v = torch.rand(4, generator=gen, dtype=torch.float64)
    copias = [t.clone() for t in (param, grad, m, v)]
    funcion(param, grad, m, v, 3, 0.01, 0.9, 0.999, 1e-8, 0.1)
    for t, c, nombre in zip((param, grad, m, v), copias, ("param", "grad", "m", "v")):
        assert torch.equal(t, c), (
            f"Pista: tu función modificó {nombre} en su sitio; devuelve tensores nuevos "
            "(evita -=, mul_, add_: encoger el parámetro también debe dar un tensor nuevo)."
        )
