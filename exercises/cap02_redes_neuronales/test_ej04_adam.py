"""Calificador del ejercicio 2.4: un paso de Adam con corrección del sesgo."""

import torch


def _comparar_con_torch(funcion, tasa, beta1, beta2, eps, pasos=6, semilla=0, escala=1.0):
    """Recorre ``pasos`` pasos con la función y con torch.optim.Adam y compara cada uno."""
    gen = torch.Generator().manual_seed(semilla)
    inicial = torch.randn(4, 3, generator=gen, dtype=torch.float64)
    grads = [escala * torch.randn(4, 3, generator=gen, dtype=torch.float64) for _ in range(pasos)]
    p = inicial.clone().requires_grad_(True)
    opt = torch.optim.Adam([p], lr=tasa, betas=(beta1, beta2), eps=eps)
    param, m, v = inicial.clone(), torch.zeros_like(inicial), torch.zeros_like(inicial)
    for t, g in enumerate(grads, start=1):
        p.grad = g.clone()
        opt.step()
        salida = funcion(param, g.clone(), m, v, t, tasa, beta1, beta2, eps)
        assert isinstance(salida, (tuple, list)) and len(salida) == 3, (
            "Pista: devuelve una tupla (param_nuevo, m_nuevo, v_nuevo)."
        )
        param, m, v = (torch.as_tensor(s, dtype=torch.float64) for s in salida)
        estado = opt.state[p]
        assert torch.allclose(m, estado["exp_avg"], rtol=1e-6, atol=1e-12), (
            f"Pista: en el paso t={t}, m no coincide con torch.optim.Adam: "
            "es la media móvil de los gradientes y se guarda SIN corregir (la corrección del "
            "sesgo solo se usa para mover el parámetro)."
        )
        assert torch.allclose(v, estado["exp_avg_sq"], rtol=1e-6, atol=1e-12), (
            f"Pista: en el paso t={t}, v no coincide con torch.optim.Adam: "
            "es la media móvil de los CUADRADOS del gradiente, guardada sin corregir."
        )
        assert torch.allclose(param, p.detach(), rtol=1e-6, atol=1e-10), (
            f"Pista: en el paso t={t} el parámetro no coincide con torch.optim.Adam. Revisa la "
            "corrección del sesgo (una POTENCIA de cada beta, con t empezando en 1, aplicada a m "
            "y a v) y que eps se sume FUERA de la raíz, sin corregir."
        )


def test_coincide_con_torch_optim_adam(funcion):
    _comparar_con_torch(funcion, tasa=0.01, beta1=0.9, beta2=0.999, eps=1e-8)
    _comparar_con_torch(funcion, tasa=0.1, beta1=0.8, beta2=0.99, eps=1e-8, semilla=1)


def test_eps_fuera_de_la_raiz(funcion):
    # Gradientes pequeños y eps grande: aquí se nota dónde se suma eps.
    _comparar_con_torch(funcion, tasa=0.01, beta1=0.9, beta2=0.999, eps=1e-3, pasos=3,
                        semilla=2, escala=1e-3)


def test_primer_paso_mueve_tasa(funcion):
    # Con la corrección del sesgo, el primer paso mueve cada parámetro casi exactamente ±tasa.
    param = torch.zeros(5, dtype=torch.float64)
    grad = torch.tensor([0.001, -0.5, 3.0, -20.0, 0.2], dtype=torch.float64)
    ceros = torch.zeros(5, dtype=torch.float64)
    nuevo, _, _ = funcion(param, grad, ceros, ceros.clone(), 1, 0.01, 0.9, 0.999, 1e-8)
    nuevo = torch.as_tensor(nuevo, dtype=torch.float64)
    assert torch.allclose(nuevo, -0.01 * torch.sign(grad), rtol=1e-4), (
        "Pista: en el primer paso (t=1) Adam con corrección del sesgo mueve cada parámetro "
        "≈ tasa en contra del signo del gradiente. Si mueve unas 3.16 veces la tasa (con "
        "beta1=0.9 y beta2=0.999), falta la corrección del sesgo; si mueve unas 0.74 veces la "
        "tasa, corriges con el paso siguiente (t+1) en vez de t; si sale infinito o NaN, "
        "cuentas los pasos desde t=0."
    )


def test_no_modifica_entradas(funcion):
    gen = torch.Generator().manual_seed(5)
    param, grad, m = (torch.randn(4, generator=gen, dtype=torch.float64) for _ in range(3))
    v = torch.rand(4, generator=gen, dtype=torch.float64)
    copias = [t.clone() for t in (param, grad, m, v)]
    funcion(param, grad, m, v, 3, 0.01, 0.9, 0.999, 1e-8)
    for t, c, nombre in zip((param, grad, m, v), copias, ("param", "grad", "m", "v")):
        assert torch.equal(t, c), (
            f"Pista: tu función modificó {nombre} en su sitio; devuelve tensores nuevos "
            "(evita -=, mul_, add_)."
        )
