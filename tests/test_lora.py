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
