"""Calificador del ejercicio 5.4: FLOPs de un entrenamiento (convención de Kaplan et al.)."""

import math

from curso_llm.entrenamiento.escalado import estimar_flops as referencia


def _cerca(a, b) -> bool:
    return math.isclose(float(a), float(b), rel_tol=1e-9)


def test_seis_flops_por_parametro_y_token(funcion):
    n_capas, d, tokens = 4, 256, 10**6
    n = 12 * n_capas * d**2
    obtenido = funcion(n_capas, d, tokens, 512, incluir_atencion=False)
    assert not _cerca(obtenido, 2 * n * tokens), (
        "Pista: 2·N·D es solo la pasada hacia delante; entrenar añade la pasada hacia atrás, "
        "que cuesta el doble: 6 FLOPs por parámetro y token."
    )
    assert not _cerca(obtenido, referencia(n_capas, d, tokens, 512)), (
        "Pista: con incluir_atencion=False no sumes el término de la atención."
    )
    assert _cerca(obtenido, 6 * n * tokens), (
        f"Pista: sin atención se esperaban 6·N·D = {6 * n * tokens:.4g} FLOPs (N = 12 · n_capas · "
        f"dim_embedding² = {n}) y diste {float(obtenido):.4g}. Por capa: 4·d² de la atención y "
        "8·d² del MLP; sin embeddings."
    )


def test_termino_de_la_atencion(funcion):
    n_capas, d, tokens, contexto = 2, 64, 10**5, 2048
    n = 12 * n_capas * d**2
    obtenido = funcion(n_capas, d, tokens, contexto)
    esperado = referencia(n_capas, d, tokens, contexto)
    assert not _cerca(obtenido, 6 * n * tokens), (
        "Pista: con incluir_atencion=True falta el término de la atención (crece con "
        "long_secuencia y aquí, con un modelo estrecho y un contexto largo, pesa mucho)."
    )
    assert not _cerca(obtenido, 6 * n * tokens + 2 * n_capas * contexto * d * tokens), (
        "Pista: el término de la atención también se paga en la pasada hacia atrás: "
        "multiplícalo por 3 como el de los parámetros."
    )
    assert _cerca(obtenido, esperado), (
        f"Pista: se esperaban {esperado:.6g} FLOPs y diste {float(obtenido):.6g}. La atención "
        "añade por token 2 · n_capas · long_secuencia · dim_embedding hacia delante (lineal en "
        "el contexto, no cuadrático) y el triple al entrenar."
    )


def test_coincide_con_la_referencia(funcion):
    for n_capas, d, tokens, contexto in [(1, 8, 1, 1), (6, 384, 3 * 10**8, 256),
                                         (12, 768, 10**9, 1024), (3, 100, 0, 64)]:
        for atencion in (True, False):
            obtenido = funcion(n_capas, d, tokens, contexto, incluir_atencion=atencion)
            esperado = referencia(n_capas, d, tokens, contexto, incluir_atencion=atencion)
            assert _cerca(obtenido, esperado), (
                f"Pista: con n_capas={n_capas}, dim_embedding={d}, n_tokens={tokens}, "
                f"long_secuencia={contexto} e incluir_atencion={atencion} se esperaban "
                f"{esperado:.6g} FLOPs y diste {float(obtenido):.6g}."
            )


def test_escala_de_gpt3(funcion):
    # 96 capas de anchura 12288 (≈ 175 000 millones de parámetros), 300 000 millones de tokens.
    obtenido = funcion(96, 12288, 300 * 10**9, 2048)
    esperado = referencia(96, 12288, 300 * 10**9, 2048)
    assert _cerca(obtenido, esperado), (
        f"Pista: para un modelo del tamaño de GPT-3 se esperaban {esperado:.4g} FLOPs (unos "
        f"3e23) y diste {float(obtenido):.4g}. Si con modelos pequeños aciertas y aquí no, ¿usas "
        "enteros de NumPy de 64 bits? Desbordan pasado 9.2e18: usa enteros de Python o float."
    )
