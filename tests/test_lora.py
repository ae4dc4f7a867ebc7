"""LoRA escrito desde cero (curso_llm.lora) frente a la ecuación y frente a peft."""

import math

import pytest
import torch
from torch import nn

from curso_llm.lora import (
    CapaLoRA,
    aplicar_lora,
    comparar_con_peft,
    contar_entrenables,
    fusionar_lora,
    fusionar_pesos,
    parametros_lora,
    salida_lora,
)

TODAS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")


class _Bloque(nn.Module):
    def __init__(self):
        super().__init__()
        self.q_proj = nn.Linear(6, 4, bias=False)
        self.v_proj = nn.Linear(4, 6, bias=True)
        self.norma = nn.LayerNorm(6)


class _Mini(nn.Module):
    """Dos bloques con lineales de nombres tipo Llama y una capa que no es lineal."""

    def __init__(self):
        super().__init__()
        self.capas = nn.ModuleList([_Bloque(), _Bloque()])
        self.salida = nn.Linear(6, 3)

    def forward(self, x):
        for capa in self.capas:
            x = capa.norma(capa.v_proj(capa.q_proj(x)))
        return self.salida(x)


def _mini():
    torch.manual_seed(0)
    return _Mini()


def test_capa_nueva_calcula_lo_mismo_que_la_base_y_a_se_inicializa_como_peft():
    torch.manual_seed(1)
    base = nn.Linear(10, 7)
    torch.manual_seed(2)
    capa = CapaLoRA(base, rango=3, alfa=6)
    torch.manual_seed(2)
    # peft inicializa A con kaiming_uniform_(a=√5), que es la inicialización de nn.Linear.
    referencia = nn.Linear(10, 3, bias=False).weight
    assert torch.equal(capa.A, referencia), "A debe inicializarse con kaiming_uniform_(a=√5)"
    assert torch.equal(capa.B, torch.zeros(7, 3)), "B debe empezar a ceros"
    x = torch.randn(5, 10)
    assert torch.equal(capa(x), base(x)), "con B = 0 la capa debe ser exactamente la base"
    assert capa.escala == 2.0
    assert not base.weight.requires_grad and not base.bias.requires_grad
    assert capa.A.requires_grad and capa.B.requires_grad


def test_la_capa_sigue_la_ecuacion_con_su_escala():
    torch.manual_seed(0)
    base = nn.Linear(8, 5)
    capa = CapaLoRA(base, rango=2, alfa=3)
    with torch.no_grad():
        capa.B.copy_(torch.randn(5, 2))
    x = torch.randn(4, 8)
    esperado = x @ base.weight.T + base.bias + (3 / 2) * x @ (capa.B @ capa.A).T
    torch.testing.assert_close(capa(x), esperado, rtol=1e-5, atol=1e-6)


def test_dropout_solo_en_entrenamiento():
    torch.manual_seed(0)
    capa = CapaLoRA(nn.Linear(16, 16), rango=4, alfa=4, dropout=0.5)
    with torch.no_grad():
        capa.B.normal_()
    x = torch.randn(3, 16)
    capa.eval()
    sin_dropout = capa(x)
    assert torch.equal(sin_dropout, capa(x))
    capa.train()
    assert not torch.allclose(capa(x), sin_dropout), "en modo entrenamiento el dropout actúa"
    assert isinstance(CapaLoRA(nn.Linear(2, 2), 1, 1).dropout, nn.Identity)


def test_aplicar_lora_congela_el_resto_y_cuenta_entrenables():
    modelo = _mini()
    total = contar_entrenables(modelo)
    assert total == sum(p.numel() for p in modelo.parameters())
    x = torch.randn(2, 6)
    antes = modelo(x)
    assert aplicar_lora(modelo, rango=2, alfa=4, modulos=("q_proj", "v_proj")) is modelo
    assert torch.equal(modelo(x), antes), "recién aplicado, LoRA no cambia la salida"
    # 2 bloques × (q: 2·(6+4) + v: 2·(4+6)) = 2 × 40
    assert contar_entrenables(modelo) == 80
    entrenables = {n for n, p in modelo.named_parameters() if p.requires_grad}
    assert entrenables == {f"capas.{i}.{m}.{ab}" for i in (0, 1)
                           for m in ("q_proj", "v_proj") for ab in "AB"}
    assert isinstance(modelo.salida, nn.Linear) and not modelo.salida.weight.requires_grad


def test_fusionar_devuelve_lineales_con_la_misma_salida():
    modelo = aplicar_lora(_mini(), rango=3, alfa=5, modulos="v_proj")
    with torch.no_grad():
        for capa in modelo.modules():
            if isinstance(capa, CapaLoRA):
                capa.B.normal_()
    x = torch.randn(4, 6)
    sin_fusionar = modelo(x)
    fusionar_lora(modelo)
    assert not any(isinstance(c, CapaLoRA) for c in modelo.modules())
    assert all(isinstance(b.v_proj, nn.Linear) for b in modelo.capas)
    torch.testing.assert_close(modelo(x), sin_fusionar, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize(("argumentos", "error", "texto"), [
    ({"modulos": ("w_proj",)}, ValueError, "Las capas lineales del modelo se llaman"),
    ({"modulos": ("norma",)}, TypeError, "no nn.Linear"),
    ({"modulos": ()}, ValueError, "'modulos'"),
    ({"rango": 0}, ValueError, "'rango'"),
    ({"alfa": -1}, ValueError, "'alfa'"),
    ({"dropout": 1.0}, ValueError, "'dropout'"),
])
def test_errores_en_espanol(argumentos, error, texto):
    with pytest.raises(error, match=texto):
        aplicar_lora(_mini(), **{"rango": 2, "alfa": 4, "modulos": ("q_proj",), **argumentos})


# --- Referencias de los ejercicios 7.1, 7.2 y 7.5 frente a CapaLoRA y fusionar_lora ----------


def _capa_con_b(entrada, salida, rango, alfa, sesgo=True, semilla=0):
    torch.manual_seed(semilla)
    capa = CapaLoRA(nn.Linear(entrada, salida, bias=sesgo), rango=rango, alfa=alfa)
    with torch.no_grad():
        capa.B.normal_()
    return capa


@pytest.mark.parametrize(("entrada", "salida", "rango", "alfa", "sesgo"), [
    (6, 4, 2, 4.0, True), (3, 9, 5, 16.0, False), (8, 8, 1, 0.5, True), (5, 2, 7, 32.0, True),
])
def test_salida_lora_coincide_con_capa_lora(entrada, salida, rango, alfa, sesgo):
    capa = _capa_con_b(entrada, salida, rango, alfa, sesgo)
    W, b = capa.base.weight.detach(), None if not sesgo else capa.base.bias.detach()
    A, B = capa.A.detach(), capa.B.detach()
    for forma in [(entrada,), (4, entrada), (2, 3, entrada)]:
        x = torch.randn(forma)
        copias = [t.clone() for t in (x, W, A, B)]
        y = salida_lora(x, W, b, A, B, alfa)
        assert y.shape == (*forma[:-1], salida) and y.dtype == torch.float32
        with torch.no_grad():
            torch.testing.assert_close(y, capa(x), rtol=1e-6, atol=1e-6)
        assert all(torch.equal(t, c) for t, c in zip((x, W, A, B), copias))


def test_fusionar_pesos_coincide_con_fusionar_lora_y_no_modifica_w():
    modelo = aplicar_lora(_mini(), rango=3, alfa=5, modulos=("q_proj", "v_proj"))
    esperados = {}
    with torch.no_grad():
        for nombre, capa in modelo.named_modules():
            if isinstance(capa, CapaLoRA):
                capa.B.normal_()
                W = capa.base.weight.detach().clone()
                nuevo = fusionar_pesos(W, capa.A.detach(), capa.B.detach(), 5)
                assert torch.equal(W, capa.base.weight) and nuevo.shape == W.shape
                esperados[nombre] = nuevo
    fusionar_lora(modelo)
    for nombre, peso in esperados.items():
        torch.testing.assert_close(modelo.get_submodule(nombre).weight.detach(), peso,
                                   rtol=0, atol=0)
    # Una lineal con el peso fusionado calcula lo mismo que salida_lora.
    torch.manual_seed(3)
    W, b, A, B, x = torch.randn(4, 7), torch.randn(4), torch.randn(2, 7), torch.randn(4, 2), \
        torch.randn(5, 7)
    torch.testing.assert_close(x @ fusionar_pesos(W, A, B, 8).T + b,
                               salida_lora(x, W, b, A, B, 8), rtol=1e-5, atol=1e-5)


def test_parametros_lora_coincide_con_contar_entrenables():
    for rango in (1, 2, 5):
        modelo = aplicar_lora(_mini(), rango=rango, alfa=4, modulos=("q_proj", "v_proj"))
        formas = [tuple(c.base.weight.shape) for c in modelo.modules()
                  if isinstance(c, CapaLoRA)]
        assert parametros_lora(formas, rango) == contar_entrenables(modelo)
        assert parametros_lora(iter(formas), rango) == contar_entrenables(modelo)
    assert parametros_lora([], 8) == 0
    assert parametros_lora(((3, 5),), 2) == 16 and isinstance(parametros_lora([[3, 5]], 2), int)


@pytest.mark.parametrize(("llamada", "texto"), [
    (lambda: salida_lora(torch.ones(2, 3), torch.ones(4, 3), None, torch.ones(4, 2),
                         torch.ones(2, 3), 1), "Intercambiaste A y B"),
    (lambda: salida_lora(torch.ones(2, 5), torch.ones(4, 3), None, torch.ones(2, 3),
                         torch.ones(4, 2), 1), "última dimensión de x"),
    (lambda: salida_lora(torch.ones(2, 3), torch.ones(4, 3), torch.ones(3), torch.ones(2, 3),
                         torch.ones(4, 2), 1), "sesgo b"),
    (lambda: fusionar_pesos(torch.ones(4, 3), torch.ones(2, 3), torch.ones(4, 2), 0), "'alfa'"),
    (lambda: parametros_lora([(4, 3, 2)], 2), "par"),
    (lambda: parametros_lora([(4, 3)], 0), "'rango'"),
])
def test_errores_de_las_referencias(llamada, texto):
    with pytest.raises((ValueError, TypeError), match=texto):
        llamada()


def test_no_se_aplica_dos_veces_ni_se_fusiona_sin_lora():
    modelo = aplicar_lora(_mini(), 2, 4, ("q_proj",))
    with pytest.raises(ValueError, match="ya tiene capas LoRA"):
        aplicar_lora(modelo, 2, 4, ("v_proj",))
    with pytest.raises(ValueError, match="no tiene capas LoRA"):
        fusionar_lora(_mini())


@pytest.fixture(scope="module")
def frente_a_peft():
    # rango 4 y alfa 12: escala 3, así una escala equivocada (α, r/α, 1) cambia los logits.
    return comparar_con_peft(rango=4, alfa=12, modulos=TODAS, semilla=0)


def test_mismos_entrenables_que_peft(frente_a_peft):
    # 4 capas × (4 de 256→256 + 2 de 256→640 + 1 de 640→256) con r = 4
    esperado = 4 * 4 * (4 * (256 + 256) + 3 * (256 + 640))
    assert frente_a_peft["entrenables"] == frente_a_peft["entrenables_peft"] == esperado


def test_mismos_logits_que_peft(frente_a_peft):
    assert frente_a_peft["efecto_lora"] > 1e-2, "B aleatorio debe cambiar los logits"
    assert frente_a_peft["dif_logits"] <= 1e-5


def test_mismos_gradientes_que_peft(frente_a_peft):
    assert frente_a_peft["grad_max"] > 1e-3, "los gradientes de A y B no deben ser nulos"
    assert frente_a_peft["dif_grad_A"] <= 1e-5 * max(1.0, frente_a_peft["grad_max"])
    assert frente_a_peft["dif_grad_B"] <= 1e-5 * max(1.0, frente_a_peft["grad_max"])


def test_fusion_igual_que_sin_fusionar_y_que_merge_and_unload(frente_a_peft):
    assert frente_a_peft["dif_fusion"] <= 1e-3
    assert frente_a_peft["dif_fusion_peft"] <= 1e-4
    assert math.isfinite(frente_a_peft["dif_fusion"])
