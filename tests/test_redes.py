"""Pruebas de curso_llm.redes contra las referencias de PyTorch (autograd y torch.optim)."""

import pytest
import torch
from torch.nn import functional as F

from curso_llm import redes


def _tensores(*formas, semilla=0):
    gen = torch.Generator().manual_seed(semilla)
    return [torch.randn(*f, generator=gen, dtype=torch.float64) for f in formas]


def test_lineal_adelante_igual_a_nn_linear():
    capa = torch.nn.Linear(5, 3).double()
    (x,) = _tensores((4, 5))
    esperado = capa(x)
    obtenido = redes.lineal_adelante(x, capa.weight.detach(), capa.bias.detach())
    assert torch.allclose(obtenido, esperado.detach())


def test_lineal_y_relu_atras_igual_a_autograd():
    x, W, b, g = _tensores((6, 4), (3, 4), (3,), (6, 3))
    xa, Wa, ba = (t.clone().requires_grad_(True) for t in (x, W, b))
    z = xa @ Wa.T + ba
    torch.relu(z).backward(g)
    grad_z = redes.relu_atras(z.detach(), g)
    grad_x, grad_W, grad_b = redes.lineal_atras(x, W, grad_z)
    assert torch.allclose(grad_x, xa.grad)
    assert torch.allclose(grad_W, Wa.grad)
    assert torch.allclose(grad_b, ba.grad)
    assert torch.equal(redes.relu(torch.tensor([-1.0, 0.0, 2.0])), torch.tensor([0.0, 0.0, 2.0]))


def test_entropia_cruzada_atras_igual_a_autograd():
    (logits,) = _tensores((5, 4))
    etiquetas = torch.tensor([0, 3, 1, 1, 2])
    la = logits.clone().requires_grad_(True)
    F.cross_entropy(la, etiquetas).backward()
    assert torch.allclose(redes.entropia_cruzada_atras(logits, etiquetas), la.grad)


@pytest.mark.parametrize("nombre", ["momentum", "adam", "adamw"])
def test_pasos_desde_cero_igual_a_torch_optim(nombre):
    inicial, *grads = _tensores((3, 2), *[(3, 2)] * 6, semilla=1)
    p = inicial.clone().requires_grad_(True)
    if nombre == "momentum":
        opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
    elif nombre == "adam":
        opt = torch.optim.Adam([p], lr=0.05, betas=(0.9, 0.99))
    else:
        opt = torch.optim.AdamW([p], lr=0.05, betas=(0.9, 0.99), weight_decay=0.3)
    param = inicial.clone()
    estado = [torch.zeros_like(inicial), torch.zeros_like(inicial)]
    for t, g in enumerate(grads, start=1):
        p.grad = g.clone()
        opt.step()
        if nombre == "momentum":
            param, estado[0] = redes.paso_sgd_momentum(param, g, estado[0], 0.1, 0.9)
        elif nombre == "adam":
            param, *estado = redes.paso_adam(param, g, *estado, t, 0.05, 0.9, 0.99)
        else:
            param, *estado = redes.paso_adamw(param, g, *estado, t, 0.05, 0.9, 0.99,
                                              decaimiento=0.3)
        assert torch.allclose(param, p.detach(), atol=1e-12), f"paso {t}"


def test_errores_claros_en_espanol():
    x, W = _tensores((2, 3), (4, 3))
    with pytest.raises(ValueError, match="grad_salida"):
        redes.lineal_atras(x, W, torch.zeros(2, 3, dtype=torch.float64))
    with pytest.raises(TypeError, match="torch.Tensor"):
        redes.lineal_adelante(x.numpy(), W, torch.zeros(4))
    with pytest.raises(ValueError, match="empieza en 1"):
        redes.paso_adam(x, x, x, x, 0)
    with pytest.raises(ValueError, match="'nombre' debe ser uno de estos.*'adamw'.*'rmsprop'"):
        redes.crear_optimizador("rmsprop", [torch.zeros(1, requires_grad=True)], 0.1)
    with pytest.raises(ValueError, match="paciencia"):
        redes.parada_temprana([1.0, 0.5], 0)
    with pytest.raises(ValueError, match="tamanos"):
        redes.MLP([10])
    with pytest.raises(ValueError, match="dropout"):
        redes.MLP([10, 5, 2], dropout=1.5)


def test_parada_temprana_ejemplo_del_docstring():
    assert redes.parada_temprana([1.0, 0.8, 0.9, 0.85, 0.95], paciencia=2) == (1, 3)
    assert redes.parada_temprana([1.0, 0.9, 0.8], paciencia=5) == (2, 2)


def test_crear_optimizador_tipos_y_decaimiento_por_defecto():
    p = [torch.zeros(2, requires_grad=True)]
    assert isinstance(redes.crear_optimizador("sgd", p, 0.1), torch.optim.SGD)
    assert redes.crear_optimizador("momentum", p, 0.1).defaults["momentum"] == 0.9
    assert isinstance(redes.crear_optimizador("Adam", p, 0.1), torch.optim.Adam)
    adamw = redes.crear_optimizador("adamw", p, 0.1)
    assert isinstance(adamw, torch.optim.AdamW) and adamw.defaults["weight_decay"] == 0.01


def test_mlp_forma_y_parametros():
    modelo = redes.MLP([6, 8, 3], dropout=0.5)
    assert modelo(torch.zeros(4, 6)).shape == (4, 3)
    assert redes.contar_parametros(modelo) == 6 * 8 + 8 + 8 * 3 + 3
    assert sum(isinstance(c, torch.nn.Dropout) for c in modelo.modules()) == 1
    with pytest.raises(ValueError, match="entradas de forma"):
        modelo(torch.zeros(4, 5))
    # Los pesos se copian entre variantes con y sin dropout; en eval el dropout no actúa.
    sin_dropout = redes.MLP([6, 8, 3])
    modelo.load_state_dict(sin_dropout.state_dict())
    x = torch.randn(4, 6)
    modelo.eval()
    assert torch.equal(modelo(x), sin_dropout(x))
    modelo.train()
    assert not torch.equal(modelo(x), sin_dropout(x))


def _problema(semilla=0):
    gen = torch.Generator().manual_seed(semilla)
    X = torch.randn(120, 5, generator=gen)
    y = (X[:, 0] + X[:, 1] > 0).long()
    return (X[:80], y[:80]), (X[80:], y[80:])


def _entrenar(paciencia=None, dropout=0.2, epocas=8):
    train, val = _problema()
    torch.manual_seed(0)
    modelo = redes.MLP([5, 16, 2], dropout=dropout)
    opt = redes.crear_optimizador("adam", modelo.parameters(), 0.01)
    return modelo, redes.entrenar_clasificador(modelo, train, val, opt, epocas, 16, paciencia)


def test_entrenamiento_determinista_y_aprende():
    modelo_a, historia_a = _entrenar()
    modelo_b, historia_b = _entrenar()
    assert historia_a == historia_b
    for pa, pb in zip(modelo_a.parameters(), modelo_b.parameters()):
        assert torch.equal(pa, pb)
    assert len(historia_a["perdida_val"]) == 8
    assert historia_a["perdida_train"][-1] < historia_a["perdida_train"][0]
    assert historia_a["exactitud_val"][-1] > 0.8


def test_parada_temprana_restaura_los_mejores_pesos():
    modelo, historia = _entrenar(paciencia=2, dropout=0.0, epocas=60)
    mejor, parada = redes.parada_temprana(historia["perdida_val"], 2)
    assert (historia["mejor_epoca"], historia["epoca_parada"]) == (mejor, parada)
    assert parada < 59
    _, val = _problema()
    perdida, _ = redes.evaluar(modelo, *val)
    assert perdida == pytest.approx(historia["perdida_val"][mejor], abs=1e-6)

