"""Calificador del ejercicio 3.5: pérdida de muestreo negativo."""

import math

import torch

from curso_llm.nlp_clasico.word2vec import perdida_muestreo_negativo as referencia


def _tensores(semilla: int, b: int = 5, k: int = 4, d: int = 8):
    g = torch.Generator().manual_seed(semilla)
    return (torch.randn(b, d, generator=g), torch.randn(b, d, generator=g),
            torch.randn(b, k, d, generator=g))


def test_devuelve_un_escalar(funcion):
    resultado = funcion(*_tensores(0))
    assert isinstance(resultado, torch.Tensor) and resultado.ndim == 0, (
        "Pista: devuelve un tensor escalar (la media sobre el lote), p. ej. con .mean()."
    )


def test_embeddings_nulos(funcion):
    b, k, d = 3, 5, 4
    obtenido = float(funcion(torch.zeros(b, d), torch.zeros(b, d), torch.zeros(b, k, d)))
    esperado = (1 + k) * math.log(2)
    assert math.isclose(obtenido, esperado, rel_tol=1e-5), (
        f"Pista: con todo a cero, σ(0) = 1/2 y la pérdida es (1 + K)·ln 2 = {esperado:.4f}; "
        f"obtuviste {obtenido:.4f}. Suma (no promedies) los K términos negativos, y promedia "
        "sobre el lote."
    )


def test_coincide_con_la_referencia(funcion):
    for semilla in range(1, 5):
        centro, contexto, negativos = _tensores(semilla, b=4 + semilla, k=semilla + 1)
        obtenido = funcion(centro, contexto, negativos)
        esperado = referencia(centro, contexto, negativos)
        assert torch.allclose(torch.as_tensor(obtenido, dtype=esperado.dtype), esperado,
                              atol=1e-5), (
            f"Pista: se esperaba {esperado.item():.5f} y obtuviste {float(obtenido):.5f}. "
            "El término positivo es -ln σ(u·v) y el de cada negativa -ln σ(-u_k·v): "
            "revisa los signos dentro de σ."
        )


def test_gradientes(funcion):
    centro, contexto, negativos = _tensores(9)
    entradas = [t.clone().requires_grad_(True) for t in (centro, contexto, negativos)]
    funcion(*entradas).backward()
    copias = [t.clone().requires_grad_(True) for t in (centro, contexto, negativos)]
    referencia(*copias).backward()
    for nombre, a, b in zip(("centro", "contexto", "negativos"), entradas, copias):
        assert a.grad is not None and torch.allclose(a.grad, b.grad, atol=1e-5), (
            f"Pista: el gradiente respecto a '{nombre}' no coincide: calcula la pérdida solo "
            "con operaciones de torch (sin .item(), .detach() ni NumPy)."
        )


def test_estable_con_productos_grandes(funcion):
    # Un solo ejemplo con embeddings enormes: σ(-200) = 0 en float32 y log(0) = -inf.
    centro, contexto, negativos = _tensores(11, b=4, k=3, d=8)
    centro[1] *= 30.0
    contexto[1] = -centro[1] / 30.0
    negativos[2] = 30.0 * negativos[2].abs()
    centro[2] = centro[2].abs() * 30.0
    entradas = [t.clone().requires_grad_(True) for t in (centro, contexto, negativos)]
    obtenido = funcion(*entradas)
    esperado = referencia(centro, contexto, negativos)
    assert torch.isfinite(torch.as_tensor(obtenido)).all() and torch.allclose(
        torch.as_tensor(obtenido, dtype=esperado.dtype).detach(), esperado, rtol=1e-5), (
        f"Pista: con productos escalares de cientos se esperaba {esperado.item():.2f} y "
        f"obtuviste {float(obtenido):.2f}: log(sigmoid(x)) da -inf cuando sigmoid(x) se "
        "redondea a 0; usa la versión estable del logaritmo de la sigmoide."
    )
    obtenido.backward()
    assert all(t.grad is not None and torch.isfinite(t.grad).all() for t in entradas), (
        "Pista: con productos escalares grandes los gradientes salen nan o inf; usa la versión "
        "estable del logaritmo de la sigmoide."
    )
