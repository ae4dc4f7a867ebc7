"""Calificador del ejercicio 7.5: fusionar un adaptador LoRA en el peso."""

import pytest
import torch
from torch import nn

from curso_llm.lora import CapaLoRA, fusionar_lora
from curso_llm.lora import fusionar_pesos as referencia

# Formas no cuadradas con entrada, salida y r distintos: cada confusión da otro número.
ENTRADA, SALIDA, RANGO, ALFA = 6, 4, 3, 12.0


def _tensores(semilla, entrada=ENTRADA, salida=SALIDA, rango=RANGO):
    g = torch.Generator().manual_seed(semilla)
    return (torch.randn(salida, entrada, generator=g), torch.randn(rango, entrada, generator=g),
            torch.randn(salida, rango, generator=g))


def _llamar(funcion, W, A, B, alfa, caso):
    try:
        return funcion(W, A, B, alfa)
    except NotImplementedError:
        raise
    except Exception as error:
        raise AssertionError(
            f"Pista: tu función lanzó {type(error).__name__} con {caso} (W {tuple(W.shape)}, "
            f"A {tuple(A.shape)}, B {tuple(B.shape)}). El producto de las dos matrices debe "
            "tener la forma de W, (salida, entrada): ¿en qué orden hay que multiplicarlas para "
            f"que eso ocurra? Mensaje: {' '.join(str(error).split())[:160]}"
        ) from None


def _diagnostico(nuevo, W, A, B, alfa) -> str:
    rango, salida, entrada = A.shape[0], W.shape[0], W.shape[1]
    delta = torch.mm(B, A)
    candidatos = [
        (W + alfa * delta, "multiplicaste la corrección por alfa; la escala es alfa dividido "
         "entre el rango r"),
        (W + (rango / alfa) * delta, "la escala está invertida: es alfa entre r, no r entre "
         "alfa"),
        (W + delta, "falta la escala de la corrección (alfa entre r)"),
        (W + (alfa / entrada) * delta, "tomaste r de la dimensión de entrada; el rango es el "
         "número de filas de A (su primera dimensión)"),
        (W + (alfa / salida) * delta, "tomaste r de la dimensión de salida; el rango es el "
         "número de filas de A (su primera dimensión)"),
        ((W + (alfa / rango) * delta).mT, "devolviste la traspuesta del peso fusionado: el "
         "peso va en forma (salida, entrada), como el de nn.Linear"),
        (W, "devolviste W sin sumarle la corrección"),
        ((alfa / rango) * delta, "devolviste solo la corrección: hay que sumarla al peso W"),
    ]
    for candidato, pista in candidatos:
        if candidato.shape == nuevo.shape and torch.allclose(
                nuevo.double(), candidato.double(), rtol=1e-4, atol=1e-4):
            return pista
    dif = (nuevo.double() - referencia(W, A, B, alfa).double()).abs().max().item()
    return f"la mayor diferencia con el peso esperado es {dif:.3g}"


def _comparar(funcion, W, A, B, alfa, caso):
    esperado = referencia(W, A, B, alfa)
    nuevo = _llamar(funcion, W, A, B, alfa, caso)
    assert isinstance(nuevo, torch.Tensor), (
        f"Pista: devuelve un torch.Tensor, no {type(nuevo).__name__} ({caso})."
    )
    assert tuple(nuevo.shape) == tuple(W.shape), (
        f"Pista: el peso fusionado debe tener la forma de W, {tuple(W.shape)} = (salida, "
        f"entrada), y diste {tuple(nuevo.shape)} ({caso}). ¿Devolviste la traspuesta, o "
        "multiplicaste A y B en el orden que da (entrada, salida)?"
    )
    assert torch.allclose(nuevo.double(), esperado.double(), rtol=1e-4, atol=1e-4), (
        f"Pista: {_diagnostico(nuevo, W, A, B, alfa)} ({caso})."
    )
    return nuevo


def test_ejemplo_del_enunciado(funcion):
    W = torch.zeros(2, 3)
    A = torch.tensor([[1.0, 0.0, 2.0]])
    B = torch.tensor([[1.0], [3.0]])
    _comparar(funcion, W, A, B, 2, "el ejemplo del enunciado")


def test_escala_y_rango_con_formas_no_cuadradas(funcion):
    W, A, B = _tensores(1)
    _comparar(funcion, W, A, B, ALFA,
              f"entrada {ENTRADA}, salida {SALIDA}, r {RANGO}, alfa {ALFA:g}")


def test_peso_cuadrado_no_traspuesto(funcion):
    W, A, B = _tensores(2, entrada=5, salida=5, rango=2)
    _comparar(funcion, W, A, B, 8.0, "W cuadrada de 5 por 5, r 2: la forma coincide aunque "
              "traspongas, pero los valores no")


def test_no_modifica_w_y_devuelve_un_tensor_nuevo(funcion):
    W, A, B = _tensores(3)
    copias = [t.clone() for t in (W, A, B)]
    nuevo = _llamar(funcion, W, A, B, ALFA, "entradas aleatorias")
    for nombre, t, copia in zip(("W", "A", "B"), (W, A, B), copias):
        assert torch.equal(t, copia), (
            f"Pista: tu función modificó {nombre}. Una suma en su sitio (con +=, o con los "
            "métodos terminados en guion bajo) cambia el peso de quien llama: crea un tensor "
            "nuevo."
        )
    assert not (isinstance(nuevo, torch.Tensor) and nuevo.data_ptr() == W.data_ptr()), (
        "Pista: devolviste el mismo tensor W (la misma memoria): el peso fusionado debe ser un "
        "tensor nuevo."
    )


def test_mantiene_el_tipo(funcion):
    W, A, B = _tensores(4)
    nuevo = _comparar(funcion, W, A, B, ALFA, "tensores float32")
    assert nuevo.dtype == W.dtype, (
        f"Pista: el peso fusionado debe tener el tipo de W ({W.dtype}) y diste {nuevo.dtype}. "
        "¿Pasaste por NumPy en float64?"
    )


def test_coincide_con_fusionar_lora(funcion):
    torch.manual_seed(0)
    capa = CapaLoRA(nn.Linear(7, 3), rango=2, alfa=5)
    with torch.no_grad():
        capa.B.normal_()
    W, A, B = (t.detach().clone() for t in (capa.base.weight, capa.A, capa.B))
    nuevo = _llamar(funcion, W, A, B, 5, "una CapaLoRA de 7 a 3, rango 2, alfa 5")
    modelo = fusionar_lora(nn.Sequential(capa))
    esperado = modelo[0].weight.detach()
    assert isinstance(nuevo, torch.Tensor) and nuevo.shape == esperado.shape and torch.allclose(
        nuevo.double(), esperado.double(), rtol=1e-4, atol=1e-4), (
        "Pista: tu peso no coincide con el que deja fusionar_lora en una CapaLoRA de 7 a 3 con "
        "rango 2 y alfa 5; una lineal con él no calcularía lo mismo que la capa con LoRA."
    )


@pytest.mark.parametrize("semilla", range(6))
def test_coincide_con_la_referencia_en_formas_aleatorias(funcion, semilla):
    g = torch.Generator().manual_seed(100 + semilla)
    entrada, salida, rango = (int(v) for v in torch.randint(1, 9, (3,), generator=g))
    alfa = float(torch.randint(1, 33, (1,), generator=g))
    W, A, B = _tensores(200 + semilla, entrada, salida, rango)
    _comparar(funcion, W, A, B, alfa, f"entrada {entrada}, salida {salida}, r {rango}, "
              f"alfa {alfa:g}")


def test_con_b_a_ceros_devuelve_un_tensor_nuevo(funcion):
    # B empieza a ceros en LoRA: el resultado vale W, pero debe ser un tensor NUEVO.
    W = torch.randn(6, 4)
    A = torch.randn(2, 4)
    B = torch.zeros(6, 2)
    copia = W.clone()
    try:
        obtenido = funcion(W, A, B, 16.0)
    except Exception as error:  # noqa: BLE001 - se convierte en pista
        raise AssertionError(
            f"Pista: con W (6, 4), A (2, 4) y B (6, 2) tu función lanzó "
            f"{type(error).__name__}: el producto es B por A, que tiene la forma de W."
        ) from None
    assert isinstance(obtenido, torch.Tensor) and obtenido is not W, (
        "Pista: con B a ceros (así empieza LoRA) el peso fusionado vale lo mismo que W, pero "
        "devuelve un tensor nuevo: si devuelves el mismo objeto, cambiarlo después cambiaría W."
    )
    assert torch.equal(obtenido, copia) and torch.equal(W, copia), (
        "Pista: con B a ceros el peso fusionado es exactamente W, y W no cambia."
    )


def test_conserva_el_tipo_de_w_en_float64(funcion):
    g = torch.Generator().manual_seed(5)
    W = torch.randn(5, 3, generator=g, dtype=torch.float64)
    A = torch.randn(2, 3, generator=g, dtype=torch.float64)
    B = torch.randn(5, 2, generator=g, dtype=torch.float64)
    try:
        obtenido = funcion(W, A, B, 4.0)
    except Exception as error:  # noqa: BLE001 - se convierte en pista
        raise AssertionError(
            f"Pista: con W, A y B en float64 tu función lanzó {type(error).__name__}: revisa las formas y no mezcles tipos."
        ) from None
    assert isinstance(obtenido, torch.Tensor) and obtenido.dtype == torch.float64, (
        f"Pista: con W, A y B en float64 el peso fusionado debe seguir en float64 (el tipo de "
        f"W); el tuyo es {getattr(obtenido, 'dtype', type(obtenido).__name__)}. No fijes float32."
    )
    assert tuple(obtenido.shape) == tuple(W.shape), (
        f"Pista: en float64 la forma debería ser {tuple(W.shape)} y es {tuple(obtenido.shape)}."
    )
    assert torch.allclose(obtenido, referencia(W, A, B, 4.0), atol=1e-12), (
        "Pista: en float64 el resultado no coincide con W + (alfa / r)·B·A."
    )
