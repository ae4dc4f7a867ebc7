"""Pruebas de ``curso_llm.comprobaciones``: valores válidos pasan convertidos y los inválidos
lanzan un error en español que nombra el argumento."""

import inspect

import numpy as np
import pytest
import torch

from curso_llm import comprobaciones as C


def test_todas_las_funciones_publicas_se_llaman_comprobar():
    publicas = [n for n, f in inspect.getmembers(C, inspect.isfunction)
                if f.__module__ == C.__name__ and not n.startswith("_")]
    assert publicas and all(n.startswith("comprobar_") for n in publicas), publicas
    assert sorted(n for n in C.__all__ if n.startswith("comprobar_")) == sorted(publicas)


def test_numero_y_positivo():
    assert C.comprobar_numero(3, "x") == 3.0 and isinstance(C.comprobar_numero(3, "x"), float)
    assert C.comprobar_numero(np.float32(2.5), "x") == 2.5
    assert C.comprobar_positivo(0.1, "tasa_aprendizaje") == 0.1
    assert C.comprobar_positivo(0, "decaimiento", cero_permitido=True) == 0.0
    with pytest.raises(TypeError, match="'x' debe ser un número real.*bool"):
        C.comprobar_numero(True, "x")
    with pytest.raises(TypeError, match="'x' debe ser un número real.*str"):
        C.comprobar_numero("1", "x")
    with pytest.raises(ValueError, match="'x' debe ser un número finito"):
        C.comprobar_numero(float("inf"), "x")
    for malo in (0, -1e-3, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="'h' debe ser un número finito mayor que 0 "
                                             r"\(un valor típico es 1e-5\)"):
            C.comprobar_positivo(malo, "h", ejemplo="1e-5")
    with pytest.raises(ValueError, match="mayor o igual que 0"):
        C.comprobar_positivo(-1, "decaimiento", cero_permitido=True)


def test_probabilidad_y_sus_extremos():
    assert C.comprobar_probabilidad(0.0, "momento") == 0.0
    assert C.comprobar_probabilidad(1, "p", incluir_cero=False, incluir_uno=True) == 1.0
    with pytest.raises(ValueError, match=r"'beta1' debe estar en \[0, 1\)"):
        C.comprobar_probabilidad(1.0, "beta1")
    with pytest.raises(ValueError, match=r"'p' debe estar en \(0, 1\]"):
        C.comprobar_probabilidad(0.0, "p", incluir_cero=False, incluir_uno=True)
    with pytest.raises(ValueError, match=r"'dropout' debe estar en \[0, 1\).*1.5"):
        C.comprobar_probabilidad(1.5, "dropout")
    with pytest.raises(TypeError, match="'momento' debe ser un número entre 0 y 1"):
        C.comprobar_probabilidad("0.9", "momento")


def test_enteros():
    assert C.comprobar_entero(np.int64(0), "pasos") == 0
    assert C.comprobar_entero(-3, "eje", minimo=None) == -3
    assert C.comprobar_entero_positivo(5, "epocas") == 5
    with pytest.raises(ValueError, match="'pasos' debe ser un entero mayor o igual que 0"):
        C.comprobar_entero(-1, "pasos")
    with pytest.raises(TypeError, match="'pasos' debe ser un número entero, no float"):
        C.comprobar_entero(2.0, "pasos")
    for malo in (0, -2, 2.5, True, "3", None):
        with pytest.raises(ValueError, match="'tamano_lote' debe ser un entero positivo"):
            C.comprobar_entero_positivo(malo, "tamano_lote")


def test_funcion_opcion_y_texto():
    assert C.comprobar_funcion(len, "f") is len
    with pytest.raises(TypeError, match="'f' debe ser una función, no float"):
        C.comprobar_funcion(3.0, "f")
    assert C.comprobar_opcion("adam", "nombre", ("sgd", "adam")) == "adam"
    with pytest.raises(ValueError, match="'nombre' debe ser uno de estos: 'sgd', 'adam'; "
                                         "recibiste 'rmsprop'"):
        C.comprobar_opcion("rmsprop", "nombre", ("sgd", "adam"))
    assert C.comprobar_texto("", "texto") == ""
    with pytest.raises(ValueError, match="'prompt' no puede ser una cadena vacía"):
        C.comprobar_texto("", "prompt", vacio_permitido=False)
    with pytest.raises(TypeError, match="'texto' debe ser una cadena de texto"):
        C.comprobar_texto(["a"], "texto")


def test_arreglo_y_distribucion():
    a = C.comprobar_arreglo([1, 2], "x")
    assert a.dtype == np.float64 and a.tolist() == [1.0, 2.0]
    assert C.comprobar_arreglo(torch.ones(2, requires_grad=True), "x").tolist() == [1.0, 1.0]
    with pytest.raises(TypeError, match="'x' debe ser un número, una lista o un arreglo"):
        C.comprobar_arreglo("abc", "x")
    with pytest.raises(TypeError, match="'x' debe contener solo números"):
        C.comprobar_arreglo([1, "a"], "x")
    with pytest.raises(ValueError, match="'x' contiene nan o inf"):
        C.comprobar_arreglo([1, np.nan], "x")
    C.comprobar_distribucion(np.array([[0.2, 0.8], [1.0, 0.0]]), "p")
    with pytest.raises(ValueError, match="'p' no es una distribución.*negativos"):
        C.comprobar_distribucion(np.array([1.5, -0.5]), "p")
    with pytest.raises(ValueError, match="'p' no es una distribución.*suma 0.9"):
        C.comprobar_distribucion(np.array([0.4, 0.5]), "p")
    with pytest.raises(ValueError, match="al menos un elemento"):
        C.comprobar_distribucion(np.array(1.0), "p")


def test_tensores_y_formas():
    x = torch.zeros(2, 3)
    assert C.comprobar_tensor(x, "x", dims=2, real=True) is x
    assert C.comprobar_tensor(None, "mascara", booleano=True, opcional=True) is None
    with pytest.raises(TypeError, match=r"'x' debe ser un torch.Tensor, no ndarray: "
                                        r"conviértelo con torch.as_tensor\(x"):
        C.comprobar_tensor(np.zeros(2), "x")
    with pytest.raises(ValueError, match=r"'x' debe tener 3 dimensiones; tiene forma \(2, 3\)"):
        C.comprobar_tensor(x, "x", dims=3)
    with pytest.raises(ValueError, match="al menos 3 dimensiones"):
        C.comprobar_tensor(x, "x", dims_min=3)
    with pytest.raises(TypeError, match="números reales"):
        C.comprobar_tensor(torch.zeros(2, dtype=torch.long), "logits", real=True)
    with pytest.raises(TypeError, match=r"'mascara' debe ser un tensor booleano.*\.bool\(\)"):
        C.comprobar_tensor(torch.ones(2, 2), "mascara", booleano=True, opcional=True)
    assert C.comprobar_forma(x, ("lote", 3), "x") is x
    C.comprobar_forma(torch.zeros(4), (None,), "b")
    with pytest.raises(ValueError, match=r"'W' debe tener forma \(salidas, 3\); tiene forma "
                                         r"\(2, 4\)"):
        C.comprobar_forma(torch.zeros(2, 4), ("salidas", 3), "W")
    with pytest.raises(ValueError, match=r"'b' debe tener forma \(\?,\)"):
        C.comprobar_forma(torch.zeros(2, 2), (None,), "b")
    C.comprobar_misma_forma(x, torch.ones(2, 3), "x", "grad_salida")
    with pytest.raises(ValueError, match="'x' y 'grad_salida' deben tener la misma forma"):
        C.comprobar_misma_forma(x, torch.ones(3, 2), "x", "grad_salida")


def test_etiquetas():
    assert C.comprobar_etiquetas(torch.tensor([0, 2]), 2, 3).tolist() == [0, 2]
    with pytest.raises(TypeError, match="'etiquetas' deben ser enteros"):
        C.comprobar_etiquetas([0.0, 1.0], 2, 3)
    with pytest.raises(ValueError, match=r"'y' debe tener forma \(2,\)"):
        C.comprobar_etiquetas([0, 1, 2], 2, 3, nombre="y")
    with pytest.raises(ValueError, match=r"debe estar en \[0, 3\).*entre 0 y 3"):
        C.comprobar_etiquetas([0, 3], 2, 3)
    with pytest.raises(ValueError, match="vacío"):
        C.comprobar_etiquetas(np.zeros(0, dtype=int), 0, 3)
