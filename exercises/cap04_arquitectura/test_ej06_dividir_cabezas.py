"""Calificador del ejercicio 4.6: dividir en cabezas."""

import torch

from curso_llm.arquitectura import dividir_cabezas as referencia


def test_forma_y_valores(funcion):
    generador = torch.Generator().manual_seed(0)
    for b, t, d, h in [(2, 5, 12, 3), (1, 7, 8, 2), (3, 4, 16, 4), (2, 3, 6, 3), (4, 1, 6, 6)]:
        x = torch.randn(b, t, d, generator=generador)
        obtenido = funcion(x, h)
        assert tuple(obtenido.shape) == (b, h, t, d // h), (
            f"Pista: para x de forma {(b, t, d)} y {h} cabezas la salida es (B, H, T, D/H) = "
            f"{(b, h, t, d // h)}; diste {tuple(obtenido.shape)}."
        )
        assert torch.equal(obtenido, referencia(x, h)), (
            "Pista: la forma es correcta pero los valores no: la cabeza h debe recibir el trozo "
            "contiguo número h de D en cada posición. Cambiar la forma directamente a la final "
            "mezcla posiciones con trozos; piensa en qué orden separas y reordenas los ejes."
        )


def test_cada_cabeza_recibe_un_trozo_contiguo(funcion):
    x = torch.arange(2 * 3 * 8, dtype=torch.float32).reshape(2, 3, 8)
    obtenido = funcion(x, 4)
    for cabeza in range(4):
        assert torch.equal(obtenido[:, cabeza], x[:, :, 2 * cabeza : 2 * cabeza + 2]), (
            f"Pista: la cabeza {cabeza} debe recibir las columnas {2 * cabeza}–{2 * cabeza + 1} de "
            "cada posición (un trozo contiguo de D), no columnas salteadas."
        )
