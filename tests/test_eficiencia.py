"""Pruebas de ``curso_llm.entrenamiento.eficiencia`` contra ``torch.utils.flop_counter`` y autograd."""

import pytest
import torch

from curso_llm.entrenamiento import eficiencia as ef
from curso_llm.modelos import config_llama, crear_modelo


@pytest.fixture(scope="module")
def modelo():
    torch.set_num_threads(1)
    config = config_llama("micro", tamano_vocabulario=512, long_max=64)
    return crear_modelo(config, semilla=0).train()


def _ids(tamano_lote=4, long_secuencia=32, semilla=0):
    return torch.randint(0, 512, (tamano_lote, long_secuencia),
                         generator=torch.Generator().manual_seed(semilla))


def test_parametros_matmul_cuenta_los_pesos_de_las_capas_lineales(modelo):
    lineales = sum(m.weight.numel() for m in modelo.modules() if isinstance(m, torch.nn.Linear))
    assert ef.parametros_matmul(modelo.config) == lineales
    # Con atención de consultas agrupadas (2 cabezas de clave/valor) k y v encogen.
    config = config_llama("micro", tamano_vocabulario=512)
    config.num_key_value_heads = 2
    agrupado = crear_modelo(config)
    lineales = sum(m.weight.numel() for m in agrupado.modules() if isinstance(m, torch.nn.Linear))
    assert ef.parametros_matmul(config) == lineales < ef.parametros_matmul(modelo.config)


@pytest.mark.parametrize("long_secuencia", [16, 48])
def test_flops_por_token_coincide_con_flop_counter(modelo, long_secuencia):
    ids = _ids(2, long_secuencia)

    def adelante():
        with torch.no_grad():
            modelo(input_ids=ids)

    def paso():
        modelo(input_ids=ids, labels=ids).loss.backward()

    tokens = ids.numel()
    config = modelo.config
    esperado_adelante = ef.flops_por_token(config, long_secuencia, entrenamiento=False)
    assert ef.contar_flops(adelante) == pytest.approx(esperado_adelante * tokens, rel=1e-9)
    # Las matrices de pesos cuestan 3 veces la pasada hacia delante (6N por token). La atención
    # de PyTorch recalcula las puntuaciones hacia atrás: 2.5 veces la de delante, no 2.
    atencion = 4 * config.num_hidden_layers * long_secuencia * config.hidden_size
    esperado = ef.flops_por_token(config, long_secuencia)
    assert esperado == pytest.approx(6 * ef.parametros_matmul(config) + 3 * atencion)
    assert esperado == pytest.approx(3 * esperado_adelante)
    contados = ef.contar_flops(paso)
    assert contados == pytest.approx((esperado + 0.5 * atencion) * tokens, rel=1e-9)
    modelo.zero_grad(set_to_none=True)


def test_flops_por_token_terminos():
    config = config_llama("diminuto", tamano_vocabulario=4096)
    n = ef.parametros_matmul(config)
    assert ef.flops_por_token(config, 256, atencion=None) == 6 * n
    completa = ef.flops_por_token(config, 256) - 6 * n
    causal = ef.flops_por_token(config, 256, atencion="causal") - 6 * n
    assert completa == pytest.approx(3 * 4 * 4 * 256 * 256) and causal == pytest.approx(completa / 2)
    with pytest.raises(ValueError, match="atencion"):
        ef.flops_por_token(config, 256, atencion="media")
    with pytest.raises(ValueError, match="long_secuencia"):
        ef.flops_por_token(config, 0)


def test_pico_matmul_y_utilizacion():
    pico = ef.pico_matmul(tamano=128, repeticiones=3)
    assert pico["flops"] == 2 * 128**3 and len(pico["segundos"]) == 3
    assert pico["flops_por_segundo"] >= pico["mediana"] > 0
    assert pico["flops_por_segundo"] == pytest.approx(pico["flops"] / min(pico["segundos"]))
    assert ef.utilizacion_flops(1000, 2e6, 4e9) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="pico_flops_por_segundo"):
        ef.utilizacion_flops(1000, 2e6, 0)
    with pytest.raises(ValueError, match="tamano"):
        ef.pico_matmul(tamano=0)


def test_memoria_activaciones_escala_con_el_lote_y_excluye_los_pesos(modelo):
    pesos = list(modelo.parameters())

    def perdida(ids):
        return lambda: modelo(input_ids=ids, labels=ids).loss

    pequeno = ef.memoria_activaciones(perdida(_ids(2)), excluir=pesos)
    grande = ef.memoria_activaciones(perdida(_ids(8)), excluir=pesos)
    assert pequeno > 0
    assert grande == pytest.approx(4 * pequeno, rel=0.02)
    # Sin excluir los pesos aparecen además los bytes de las matrices guardadas.
    con_pesos = ef.memoria_activaciones(perdida(_ids(2)))
    lineales = sum(m.weight.numel() * 4 for m in modelo.modules() if isinstance(m, torch.nn.Linear))
    assert con_pesos - pequeno >= lineales
    # Una red de una capa lineal guarda su entrada: 4 bytes por número en float32.
    capa = torch.nn.Linear(10, 10)
    x = torch.randn(7, 10, requires_grad=True)
    assert ef.memoria_activaciones(lambda: capa(x).sum(), excluir=capa.parameters()) == 7 * 10 * 4
    with pytest.raises(TypeError, match="funcion"):
        ef.memoria_activaciones(3)


def test_gradient_checkpointing_guarda_menos_activaciones():
    config = config_llama("micro", tamano_vocabulario=512, long_max=64)
    red = crear_modelo(config, semilla=0).train()
    ids = _ids(4, 64)
    pesos = list(red.parameters())
    sin = ef.memoria_activaciones(lambda: red(input_ids=ids, labels=ids).loss, excluir=pesos)
    red.gradient_checkpointing_enable(gradient_checkpointing_kwargs={"use_reentrant": True})
    con = ef.memoria_activaciones(lambda: red(input_ids=ids, labels=ids).loss, excluir=pesos)
    assert 0 < con < 0.5 * sin


def test_medir_pasos_descarta_el_calentamiento():
    llamadas = []
    resultado = ef.medir_pasos(lambda: llamadas.append(1), pasos=4, calentamiento=2)
    assert len(llamadas) == 6 and len(resultado["segundos"]) == 4
    assert resultado["minimo"] <= resultado["segundos_por_paso"]
    with pytest.raises(ValueError, match="pasos"):
        ef.medir_pasos(lambda: None, pasos=0)
