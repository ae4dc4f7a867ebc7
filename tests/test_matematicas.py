"""Pruebas de ``curso_llm.matematicas`` contra NumPy, SciPy y PyTorch."""

import numpy as np
import pytest
import scipy.special
import scipy.stats
import torch
import torch.nn.functional as F

from curso_llm import matematicas as m

RNG = np.random.default_rng(0)


# ---------------------------------------------------------------------------
# Álgebra lineal
# ---------------------------------------------------------------------------


def test_similitud_coseno_contra_torch():
    a = RNG.normal(size=(5, 8))
    b = RNG.normal(size=(5, 8))
    esperado = F.cosine_similarity(torch.tensor(a), torch.tensor(b), dim=-1).numpy()
    assert np.allclose(m.similitud_coseno(a, b), esperado, atol=1e-12)
    assert isinstance(m.similitud_coseno(a[0], b[0]), float)
    # difusión: (5, 8) contra (8,)
    assert m.similitud_coseno(a, b[0]).shape == (5,)
    assert m.similitud_coseno(a[0], 3.0 * a[0]) == pytest.approx(1.0)
    assert m.similitud_coseno(a[0], -a[0]) == pytest.approx(-1.0)


def test_similitud_coseno_errores():
    with pytest.raises(ValueError, match="vector cero"):
        m.similitud_coseno([0.0, 0.0], [1.0, 2.0])
    with pytest.raises(ValueError, match="misma dimensión"):
        m.similitud_coseno([1.0, 2.0], [1.0, 2.0, 3.0])
    with pytest.raises(TypeError, match="'a'"):
        m.similitud_coseno("hola", [1.0])


def test_normas_contra_numpy():
    x = RNG.normal(size=7)
    n = m.normas(x)
    assert n["L1"] == pytest.approx(np.linalg.norm(x, 1))
    assert n["L2"] == pytest.approx(np.linalg.norm(x, 2))
    assert n["max"] == pytest.approx(np.linalg.norm(x, np.inf))
    assert n["max"] <= n["L2"] <= n["L1"]
    with pytest.raises(ValueError, match="vacío"):
        m.normas([])


def test_capa_lineal_contra_nn_linear():
    torch.manual_seed(0)
    capa = torch.nn.Linear(4, 3).double()
    x = torch.randn(2, 5, 4, dtype=torch.float64)
    esperado = capa(x).detach().numpy()
    W = capa.weight.detach().numpy()
    b = capa.bias.detach().numpy()
    assert np.allclose(m.capa_lineal(x.numpy(), W, b), esperado, atol=1e-12)
    assert np.allclose(m.capa_lineal(x.numpy(), W), esperado - b, atol=1e-12)


def test_capa_lineal_errores():
    W = np.zeros((3, 4))
    with pytest.raises(ValueError, match="d_entrada"):
        m.capa_lineal(np.zeros((2, 3)), W)
    with pytest.raises(ValueError, match="sesgo"):
        m.capa_lineal(np.zeros((2, 4)), W, np.zeros(4))
    with pytest.raises(ValueError, match="matriz"):
        m.capa_lineal(np.zeros((2, 4)), np.zeros(4))


# ---------------------------------------------------------------------------
# Derivadas y gradientes
# ---------------------------------------------------------------------------


def test_derivada_numerica_contra_autograd():
    x = torch.tensor(0.7, dtype=torch.float64, requires_grad=True)
    (torch.sin(x) * torch.exp(x)).backward()
    obtenido = m.derivada_numerica(lambda t: np.sin(t) * np.exp(t), 0.7)
    assert obtenido == pytest.approx(x.grad.item(), abs=1e-9)


def test_derivada_numerica_es_central():
    # Para f = x^2 la diferencia central es exacta; la de hacia delante se equivoca en h.
    assert m.derivada_numerica(lambda t: t**2, 3.0, h=0.1) == pytest.approx(6.0, abs=1e-12)


def test_gradiente_numerico_contra_autograd_y_forma():
    A = RNG.normal(size=(3, 4))
    x0 = RNG.normal(size=(3, 4))

    def f(x):
        return float(np.sum(A * x**3) + np.sum(np.sin(x)))

    xt = torch.tensor(x0, requires_grad=True)
    (torch.sum(torch.tensor(A) * xt**3) + torch.sum(torch.sin(xt))).backward()
    copia = x0.copy()
    g = m.gradiente_numerico(f, x0)
    assert g.shape == x0.shape
    assert np.allclose(g, xt.grad.numpy(), atol=1e-8)
    assert np.array_equal(x0, copia), "no debe modificar x"


def test_gradiente_numerico_con_enteros():
    g = m.gradiente_numerico(lambda x: float(np.sum(x**2)), np.array([1, 2, 3]))
    assert np.allclose(g, [2.0, 4.0, 6.0], atol=1e-8)


@pytest.mark.parametrize("h", [0.0, -1e-3, float("nan")])
def test_paso_no_positivo(h):
    with pytest.raises(ValueError, match="'h' debe ser un número finito mayor que 0"):
        m.derivada_numerica(np.sin, 1.0, h=h)
    with pytest.raises(ValueError, match="'h' debe ser un número finito mayor que 0"):
        m.gradiente_numerico(lambda x: float(np.sum(x)), np.ones(2), h=h)


def test_derivada_errores_de_tipo():
    with pytest.raises(TypeError, match="'f' debe ser una función"):
        m.derivada_numerica(3.0, 1.0)
    with pytest.raises(TypeError, match="'h'"):
        m.derivada_numerica(np.sin, 1.0, h="0.1")


def test_descenso_gradiente_cuadratica():
    # f(x) = 0.5 * x^T D x con D = diag(1, 10): converge si tasa < 2/10.
    D = np.array([1.0, 10.0])
    tray = m.descenso_gradiente(lambda x: D * x, [1.0, 1.0], tasa_aprendizaje=0.1, pasos=50)
    assert tray.shape == (51, 2)
    assert np.array_equal(tray[0], [1.0, 1.0])
    assert np.allclose(tray[1], [0.9, 0.0])
    assert np.allclose(tray[50], [0.9**50, 0.0])
    divergente = m.descenso_gradiente(lambda x: D * x, [1.0, 1.0], tasa_aprendizaje=0.25, pasos=20)
    assert abs(divergente[20, 1]) > 1e3


def test_descenso_gradiente_desborde_y_errores():
    tray = m.descenso_gradiente(lambda x: 1e200 * x, [1.0], tasa_aprendizaje=1e200, pasos=10)
    assert np.all(np.isinf(tray[-1]))
    with pytest.raises(ValueError, match="'tasa_aprendizaje' debe ser un número finito mayor que 0"):
        m.descenso_gradiente(lambda x: x, [1.0], tasa_aprendizaje=-0.1, pasos=3)
    with pytest.raises(ValueError, match="pasos"):
        m.descenso_gradiente(lambda x: x, [1.0], tasa_aprendizaje=0.1, pasos=-1)
    with pytest.raises(ValueError, match="forma"):
        m.descenso_gradiente(lambda x: np.ones(3), [1.0, 2.0], tasa_aprendizaje=0.1, pasos=2)


# ---------------------------------------------------------------------------
# Probabilidad e información
# ---------------------------------------------------------------------------


def test_softmax_y_log_softmax_contra_scipy():
    x = RNG.normal(size=(4, 6)) * 5
    assert np.allclose(m.softmax_estable(x), scipy.special.softmax(x, axis=-1))
    assert np.allclose(m.log_softmax_estable(x, eje=0), scipy.special.log_softmax(x, axis=0))
    grandes = np.array([1000.0, 0.0])
    assert np.allclose(m.log_softmax_estable(grandes), [0.0, -1000.0])


def test_softmax_con_temperatura():
    logits = np.array([2.0, 1.0, 0.0])
    assert np.allclose(m.softmax_con_temperatura(logits, 2.0), scipy.special.softmax(logits / 2))
    frio = m.softmax_con_temperatura(logits, 0.1)
    caliente = m.softmax_con_temperatura(logits, 10.0)
    assert m.entropia(frio) < m.entropia(m.softmax_estable(logits)) < m.entropia(caliente)
    with pytest.raises(ValueError, match="'temperatura' debe ser un número finito mayor que 0"):
        m.softmax_con_temperatura(logits, 0.0)


def test_entropia_contra_scipy():
    p = scipy.special.softmax(RNG.normal(size=(3, 5)), axis=-1)
    assert np.allclose(m.entropia(p), scipy.stats.entropy(p, axis=-1))
    assert m.entropia([0.5, 0.5, 0.0]) == pytest.approx(np.log(2))
    assert m.entropia([1.0, 0.0]) == 0.0 and not np.signbit(m.entropia([1.0, 0.0]))
    assert m.entropia(np.full(8, 1 / 8)) == pytest.approx(np.log(8))


def test_entropia_cruzada_igual_entropia_mas_kl():
    p = scipy.special.softmax(RNG.normal(size=(6, 5)), axis=-1)
    q = scipy.special.softmax(RNG.normal(size=(6, 5)), axis=-1)
    assert np.allclose(m.entropia_cruzada(p, q), m.entropia(p) + m.divergencia_kl(p, q))
    assert np.allclose(m.entropia_cruzada(p, p), m.entropia(p))
    # Referencia de PyTorch: cross_entropy acepta probabilidades como objetivo.
    logits = np.log(q)
    esperado = F.cross_entropy(torch.tensor(logits), torch.tensor(p), reduction="none").numpy()
    assert np.allclose(m.entropia_cruzada(p, q), esperado)
    assert m.entropia_cruzada([0.5, 0.5], [1.0, 0.0]) == np.inf


def test_divergencia_kl_contra_scipy_y_torch():
    p = scipy.special.softmax(RNG.normal(size=(4, 7)), axis=-1)
    q = scipy.special.softmax(RNG.normal(size=(4, 7)), axis=-1)
    kl = m.divergencia_kl(p, q)
    assert np.allclose(kl, scipy.stats.entropy(p, q, axis=-1))
    kl_torch = F.kl_div(torch.tensor(np.log(q)), torch.tensor(p), reduction="none").sum(-1)
    assert np.allclose(kl, kl_torch.numpy())
    assert np.all(kl >= 0)
    assert not np.allclose(kl, m.divergencia_kl(q, p)), "la KL no es simétrica"
    assert m.divergencia_kl(p[0], p[0]) == pytest.approx(0.0, abs=1e-15)
    assert m.divergencia_kl([0.5, 0.5, 0.0], [0.25, 0.25, 0.5]) == pytest.approx(np.log(2))
    assert m.divergencia_kl([0.5, 0.5], [1.0, 0.0]) == np.inf


def test_entropia_cruzada_logits_contra_torch():
    logits = RNG.normal(size=(9, 5)) * 3
    etiquetas = RNG.integers(0, 5, size=9)
    esperado = F.cross_entropy(torch.tensor(logits), torch.tensor(etiquetas)).item()
    assert m.entropia_cruzada_logits(logits, etiquetas) == pytest.approx(esperado, rel=1e-12)
    grandes = np.array([[1000.0, 0.0], [0.0, 2000.0]])
    esperado = F.cross_entropy(torch.tensor(grandes), torch.tensor([1, 0])).item()
    assert m.entropia_cruzada_logits(grandes, np.array([1, 0])) == pytest.approx(esperado)
    assert esperado == pytest.approx(1500.0)


@pytest.mark.parametrize(
    ("p", "mensaje"),
    [
        ([0.5, 0.6], "suma 1.1"),
        ([1.5, -0.5], "negativos"),
        ([[0.2, 0.2], [0.5, 0.5]], "suma 0.4"),
    ],
)
def test_distribucion_invalida(p, mensaje):
    q = np.full(np.shape(p), 0.5)
    for funcion in (lambda: m.entropia(p), lambda: m.divergencia_kl(p, q),
                    lambda: m.entropia_cruzada(p, q), lambda: m.divergencia_kl(q, p)):
        with pytest.raises(ValueError, match=mensaje):
            funcion()


def test_errores_de_forma_y_etiquetas():
    with pytest.raises(ValueError, match="misma forma"):
        m.divergencia_kl([0.5, 0.5], [0.2, 0.3, 0.5])
    with pytest.raises(ValueError, match=r"forma \(N, C\)"):
        m.entropia_cruzada_logits(np.zeros(3), np.array([0]))
    with pytest.raises(ValueError, match=r"forma \(2,\)"):
        m.entropia_cruzada_logits(np.zeros((2, 3)), np.array([0, 1, 2]))
    with pytest.raises(ValueError, match=r"\[0, 3\)"):
        m.entropia_cruzada_logits(np.zeros((2, 3)), np.array([0, 3]))
    with pytest.raises(TypeError, match="enteros"):
        m.entropia_cruzada_logits(np.zeros((2, 3)), np.array([0.0, 1.0]))
    with pytest.raises(ValueError, match="nan o inf"):
        m.entropia([np.nan, 1.0])
