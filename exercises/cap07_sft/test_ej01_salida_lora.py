"""Calificador del ejercicio 7.1: la salida de una capa lineal con LoRA."""

import pytest
import torch
from torch.nn import functional as F

from curso_llm.lora import salida_lora as referencia

# Formas no cuadradas y con entrada, salida y r distintos: así cada confusión da otro número.
ENTRADA, SALIDA, RANGO, ALFA = 6, 4, 3, 12.0


def _tensores(semilla, entrada=ENTRADA, salida=SALIDA, rango=RANGO, lote=(5,)):
    g = torch.Generator().manual_seed(semilla)
    return (torch.randn(*lote, entrada, generator=g), torch.randn(salida, entrada, generator=g),
            torch.randn(salida, generator=g), torch.randn(rango, entrada, generator=g),
            torch.randn(salida, rango, generator=g))


def _llamar(funcion, x, W, b, A, B, alfa, caso):
    try:
        return funcion(x, W, b, A, B, alfa)
    except NotImplementedError:
        raise
    except Exception as error:
        raise AssertionError(
            f"Pista: tu función lanzó {type(error).__name__} con {caso} (x {tuple(x.shape)}, "
            f"W {tuple(W.shape)}, A {tuple(A.shape)}, B {tuple(B.shape)}). A es (r, entrada) y "
            "se aplica primero, para bajar a r dimensiones; B es (salida, r) y sube a la "
            f"salida. Mensaje: {' '.join(str(error).split())[:160]}"
        ) from None


def _diagnostico(y, x, W, b, A, B, alfa) -> str:
    """Qué error concreto explica ``y`` (o una descripción de la diferencia)."""
    rango, salida, entrada = A.shape[0], W.shape[0], W.shape[1]
    lineal = F.linear(x, W)
    sesgo = 0 if b is None else b
    lora = F.linear(F.linear(x, A), B)
    candidatos = [
        (lineal + sesgo + alfa * lora, "multiplicaste la corrección por alfa; la escala es alfa "
         "dividido entre el rango r"),
        (lineal + sesgo + (rango / alfa) * lora, "la escala está invertida: es alfa entre r, "
         "no r entre alfa"),
        (lineal + sesgo + lora, "falta la escala de la corrección (alfa entre r)"),
        (lineal + sesgo + (alfa / entrada) * lora, "tomaste r de la dimensión de entrada; el "
         "rango es el número de filas de A (su primera dimensión)"),
        (lineal + sesgo + (alfa / salida) * lora, "tomaste r de la dimensión de salida; el "
         "rango es el número de filas de A (su primera dimensión)"),
        (lineal + sesgo, "falta la corrección de rango bajo: solo calculas la lineal congelada"),
        (lineal + (alfa / rango) * lora, "olvidaste sumar el sesgo b"),
    ]
    for candidato, pista in candidatos:
        if candidato.shape == y.shape and torch.allclose(y.double(), candidato.double(),
                                                         rtol=1e-4, atol=1e-4):
            return pista
    dif = (y.double() - referencia(x, W, b, A, B, alfa).double()).abs().max().item()
    return f"la mayor diferencia con la salida esperada es {dif:.3g}"


def _comparar(funcion, x, W, b, A, B, alfa, caso):
    esperado = referencia(x, W, b, A, B, alfa)
    y = _llamar(funcion, x, W, b, A, B, alfa, caso)
    assert isinstance(y, torch.Tensor), (
        f"Pista: devuelve un torch.Tensor, no {type(y).__name__} ({caso})."
    )
    assert tuple(y.shape) == tuple(esperado.shape), (
        f"Pista: con x de forma {tuple(x.shape)} y W de forma {tuple(W.shape)} la salida debe "
        f"tener forma {tuple(esperado.shape)} (las dimensiones de lote de x y luego la salida) y "
        f"diste {tuple(y.shape)} ({caso}). ¿Usaste W, A o B sin trasponer, o en otro orden?"
    )
    assert torch.allclose(y.double(), esperado.double(), rtol=1e-4, atol=1e-4), (
        f"Pista: {_diagnostico(y, x, W, b, A, B, alfa)} ({caso})."
    )
    return y


def test_ejemplo_del_enunciado(funcion):
    x = torch.tensor([1.0, 0.0, 2.0])
    W = torch.tensor([[1.0, 0.0, 0.0], [0.0, 1.0, 1.0]])
    b = torch.tensor([0.5, -1.0])
    A = torch.tensor([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    B = torch.tensor([[1.0, 0.0], [1.0, 1.0]])
    _comparar(funcion, x, W, b, A, B, 4, "el ejemplo del enunciado, un solo vector")


def test_escala_y_rango_con_formas_no_cuadradas(funcion):
    x, W, b, A, B = _tensores(1)
    _comparar(funcion, x, W, b, A, B, ALFA,
              f"entrada {ENTRADA}, salida {SALIDA}, r {RANGO}, alfa {ALFA:g}")


def test_sin_sesgo(funcion):
    x, W, _, A, B = _tensores(2)
    _comparar(funcion, x, W, None, A, B, ALFA, "b = None, una capa sin sesgo: no se suma nada")


def test_lote_de_tres_dimensiones(funcion):
    x, W, b, A, B = _tensores(3, lote=(2, 7))
    _comparar(funcion, x, W, b, A, B, ALFA, "x de forma (lote, secuencia, entrada): la misma "
              "cuenta para cada vector, sin aplanar a mano ni exigir dos dimensiones")


def test_mantiene_el_tipo_float32(funcion):
    x, W, b, A, B = _tensores(4)
    y = _comparar(funcion, x, W, b, A, B, ALFA, "tensores float32")
    assert y.dtype == x.dtype, (
        f"Pista: la salida debe tener el tipo de x ({x.dtype}) y diste {y.dtype}. ¿Pasaste por "
        "NumPy en float64 o multiplicaste por un tensor de doble precisión?"
    )


def test_no_modifica_las_entradas(funcion):
    x, W, b, A, B = _tensores(5)
    copias = [t.clone() for t in (x, W, b, A, B)]
    _llamar(funcion, x, W, b, A, B, ALFA, "entradas aleatorias")
    for nombre, t, copia in zip(("x", "W", "b", "A", "B"), (x, W, b, A, B), copias):
        assert torch.equal(t, copia), (
            f"Pista: tu función modificó {nombre}. Si sumas la corrección al peso o escalas x, "
            "hazlo en un tensor nuevo: quien llama sigue usando el peso congelado."
        )


@pytest.mark.parametrize("semilla", range(6))
def test_coincide_con_la_referencia_en_formas_aleatorias(funcion, semilla):
    g = torch.Generator().manual_seed(100 + semilla)
    entrada, salida, rango = (int(v) for v in torch.randint(1, 9, (3,), generator=g))
    lote = tuple(int(v) for v in torch.randint(1, 4, (semilla % 3 + 1,), generator=g))
    alfa = float(torch.randint(1, 33, (1,), generator=g))
    x, W, b, A, B = _tensores(200 + semilla, entrada, salida, rango, lote)
    _comparar(funcion, x, W, None if semilla % 2 else b, A, B, alfa,
              f"entrada {entrada}, salida {salida}, r {rango}, alfa {alfa:g}, "
              f"x {tuple(x.shape)}")


def test_conserva_el_tipo_float64(funcion):
    g = torch.Generator().manual_seed(11)
    x = torch.randn(2, 3, generator=g, dtype=torch.float64)
    W = torch.randn(4, 3, generator=g, dtype=torch.float64)
    b = torch.randn(4, generator=g, dtype=torch.float64)
    A = torch.randn(2, 3, generator=g, dtype=torch.float64)
    B = torch.randn(4, 2, generator=g, dtype=torch.float64)
    try:
        obtenido = funcion(x, W, b, A, B, 8.0)
    except Exception as error:  # noqa: BLE001 - se convierte en pista
        raise AssertionError(
            f"Pista: con todo en float64 tu función lanzó {type(error).__name__}: revisa las formas y no mezcles tipos."
        ) from None
    assert isinstance(obtenido, torch.Tensor) and obtenido.dtype == torch.float64, (
        f"Pista: con todo en float64 la salida debe ser float64 (el tipo de x); la tuya es "
        f"{getattr(obtenido, 'dtype', type(obtenido).__name__)}. No conviertas a float32."
    )
    assert tuple(obtenido.shape) == tuple((2, 4)), (
        f"Pista: en float64 la forma debería ser {tuple((2, 4))} y es {tuple(obtenido.shape)}."
    )
    assert torch.allclose(obtenido, referencia(x, W, b, A, B, 8.0), atol=1e-12), (
        "Pista: en float64 la salida no coincide con x·Wᵀ + b + (alfa / r)·x·Aᵀ·Bᵀ."
    )
