"""Calificador del ejercicio 4.4: aplicar RoPE."""

import torch

from curso_llm.arquitectura import aplicar_rope as referencia
from curso_llm.arquitectura import frecuencias_rope


def test_coincide_con_la_referencia(funcion):
    generador = torch.Generator().manual_seed(0)
    for forma in [(6, 8), (2, 10, 16), (2, 3, 5, 4)]:
        x = torch.randn(forma, generator=generador)
        cos, sin = frecuencias_rope(forma[-1], forma[-2])
        obtenido = funcion(x, cos, sin)
        assert tuple(obtenido.shape) == forma, (
            f"Pista: la salida debe tener la misma forma que x, {forma}; tiene {tuple(obtenido.shape)}."
        )
        assert torch.allclose(obtenido, referencia(x, cos, sin), atol=1e-5), (
            "Pista: los valores no coinciden con x·cos + rotar_mitad(x)·sin; recuerda que "
            "rotar_mitad([x1, x2]) = [-x2, x1] con mitades contiguas (la dimensión i gira con "
            "i + Dh/2, no con i + 1) y revisa el signo."
        )


def test_propiedades_de_la_rotacion(funcion):
    x = torch.randn(12, 8, generator=torch.Generator().manual_seed(1))
    cos, sin = frecuencias_rope(8, 12)
    obtenido = funcion(x, cos, sin)
    assert torch.allclose(obtenido[0], x[0], atol=1e-6), (
        "Pista: en la posición 0 el ángulo es 0: el vector no debe cambiar (cos=1, sin=0)."
    )
    assert torch.allclose(obtenido.norm(dim=-1), x.norm(dim=-1), atol=1e-4), (
        "Pista: una rotación conserva la longitud de cada vector; ¿falta el término con sin o "
        "sobra algún factor?"
    )
    uno = torch.zeros(1, 8)
    uno[0, 0] = 1.0
    girado = funcion(uno, cos[3:4], sin[3:4])
    esperado = referencia(uno, cos[3:4], sin[3:4])
    assert torch.allclose(girado, esperado, atol=1e-6), (
        "Pista: el eje 0 debe girar hacia el eje Dh/2 (la otra mitad), no hacia el eje 1."
    )


def test_tablas_de_otras_posiciones(funcion):
    # Las filas 5..10 de las tablas (posiciones 5 a 10) y otra base: usa las que recibes.
    x = torch.randn(2, 6, 8, generator=torch.Generator().manual_seed(2))
    cos, sin = frecuencias_rope(8, 16, base=500.0)
    obtenido = funcion(x, cos[5:11], sin[5:11])
    assert torch.allclose(obtenido, referencia(x, cos[5:11], sin[5:11]), atol=1e-5), (
        "Pista: con las tablas de las posiciones 5 a 10 el resultado no coincide: usa los cos "
        "y sin que recibes (no los recalcules ni supongas que empiezan en la posición 0)."
    )


def test_entrada_no_contigua_sin_modificarla(funcion):
    # x como sale de dividir en cabezas: (B, T, H, Dh) traspuesto a (B, H, T, Dh).
    base = torch.randn(2, 5, 3, 8, generator=torch.Generator().manual_seed(3))
    x = base.transpose(1, 2)
    copia = x.clone()
    cos, sin = frecuencias_rope(8, 5)
    obtenido = funcion(x, cos, sin)
    assert torch.equal(x, copia), (
        "Pista: tu función modificó x en su sitio (p. ej. al asignar en x[..., :Dh/2]); "
        "construye la versión rotada en un tensor nuevo."
    )
    assert tuple(obtenido.shape) == (2, 3, 5, 8) and torch.allclose(
        obtenido, referencia(copia, cos, sin), atol=1e-5), (
        "Pista: con una x no contigua (como la que sale de dividir en cabezas) el resultado no "
        "coincide o falla: .view() exige memoria contigua; parte las mitades con cortes "
        "(slicing) o con chunk."
    )
