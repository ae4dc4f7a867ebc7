"""Calificador del ejercicio 7.4: recortar el historial del chat."""

import copy
import random

import pytest

from curso_llm.chatbot.logica import recortar_historial as referencia


def _m(rol, texto):
    return {"role": rol, "content": texto}


S = _m("system", "Responde breve.")


def _conversacion(n_turnos, con_sistema=True):
    mensajes = [S] if con_sistema else []
    for i in range(n_turnos):
        mensajes += [_m("user", f"pregunta {i}"), _m("assistant", f"respuesta {i}")]
    return mensajes + [_m("user", "¿Y ahora?")]


def _roles(mensajes):
    return "/".join(m["role"] for m in mensajes)


def _comprobar(funcion, mensajes, tokens, presupuesto, que):
    esperado = referencia(mensajes, tokens, presupuesto)
    obtenido = funcion(mensajes, list(tokens), presupuesto)
    assert isinstance(obtenido, list), (
        f"Pista: devuelve una lista de mensajes; diste {type(obtenido).__name__}."
    )
    if obtenido == esperado:
        return
    if mensajes and mensajes[0]["role"] == "system" and len(mensajes) > 1:
        assert obtenido and obtenido[0] == mensajes[0], (
            f"Pista: {que}: tu resultado no empieza por el mensaje de sistema. El sistema se "
            "conserva siempre: nunca lo quites, ni siquiera cuando no cabe nada más."
        )
    assert obtenido and obtenido[-1] == mensajes[-1], (
        f"Pista: {que}: tu resultado no acaba en el último mensaje (la pregunta que hay que "
        "responder). Se quitan los mensajes más antiguos, no los más recientes."
    )
    n_sistema = 1 if mensajes[0]["role"] == "system" and len(mensajes) > 1 else 0
    medio, conservados = mensajes[n_sistema:-1], obtenido[n_sistema:-1]
    assert not conservados or medio[len(medio) - len(conservados):] == conservados, (
        f"Pista: {que}: conservas mensajes antiguos y quitas otros más recientes. Se quitan "
        "los más antiguos (los primeros tras el sistema): lo reciente es lo que el modelo "
        "necesita para responder."
    )
    assert not (len(obtenido) < len(esperado) and sum(
        t for m, t in zip(mensajes, tokens) if any(m is e for e in esperado)) == presupuesto), (
        f"Pista: {que}: los mensajes que se esperaban suman EXACTAMENTE el presupuesto "
        f"({presupuesto}) y tú quitaste más. Caber justo es caber: la condición es ≤, no <."
    )
    cuerpo = obtenido[1:] if obtenido and obtenido[0]["role"] == "system" else obtenido
    assert not (len(cuerpo) > 1 and cuerpo[0]["role"] == "assistant"
                and len(obtenido) != len(mensajes)), (
        f"Pista: {que}: tras recortar, tu conversación empieza (tras el sistema) por un mensaje "
        "del asistente, una respuesta sin su pregunta. Si el primero que queda no es del "
        "usuario, quítalo también."
    )
    assert len(obtenido) <= len(esperado), (
        f"Pista: {que}: te quedaste con {len(obtenido)} mensajes ({_roles(obtenido)}) y se "
        f"esperaban {len(esperado)} ({_roles(esperado)}). ¿Sumas el coste de TODOS los "
        "conservados, incluidos el sistema y el último? Sigue quitando mientras la suma pase "
        "del presupuesto."
    )
    raise AssertionError(
        f"Pista: {que}: te quedaste con {len(obtenido)} mensajes ({_roles(obtenido)}) y se "
        f"esperaban {len(esperado)} ({_roles(esperado)}). Quita de uno en uno desde el más "
        "antiguo y para en cuanto la suma sea ≤ presupuesto; cuenta una vez cada mensaje. Si "
        "quitas de dos en dos, fíjate en las conversaciones con dos preguntas seguidas."
    )


def test_ejemplo_del_enunciado(funcion):
    u1, a1 = _m("user", "Hola"), _m("assistant", "Hola, ¿en qué te ayudo?")
    u2, a2 = _m("user", "¿Qué es la fiebre de Quelmar?"), _m("assistant", "Una fiebre ficticia.")
    u3 = _m("user", "¿Es contagiosa?")
    _comprobar(funcion, [S, u1, a1, u2, a2, u3], [5, 3, 8, 9, 6, 7], 30, "en el ejemplo")


def test_si_cabe_no_quita_nada(funcion):
    mensajes = _conversacion(3)
    tokens = [4, 5, 6, 7, 8, 9, 10, 11]
    for presupuesto in (sum(tokens), sum(tokens) + 50):
        obtenido = funcion(mensajes, list(tokens), presupuesto)
        assert obtenido == mensajes, (
            f"Pista: la conversación cuesta {sum(tokens)} y el presupuesto es {presupuesto}: ya "
            "cabe (caber justo es caber: ≤, no <) y no hay que quitar nada. Si quitaste algo, "
            "¿sumas bien los costes, del sistema y del último incluidos?"
        )


def test_frontera_exacta(funcion):
    mensajes = _conversacion(3)
    tokens = [4, 5, 6, 7, 8, 9, 10, 11]
    for presupuesto in range(sum(tokens) - 1, 10, -1):
        _comprobar(funcion, mensajes, tokens, presupuesto, f"con presupuesto {presupuesto}")


def test_no_cabe_ni_lo_minimo(funcion):
    mensajes = _conversacion(2)
    _comprobar(funcion, mensajes, [20, 3, 3, 3, 3, 30], 10,
               "cuando ni el sistema y el último caben")
    sin_sistema = _conversacion(2, con_sistema=False)
    _comprobar(funcion, sin_sistema, [3, 3, 3, 3, 30], 10, "sin sistema y sin sitio")


def test_no_modifica_la_entrada_y_devuelve_una_lista_nueva(funcion):
    mensajes = _conversacion(3)
    tokens = [4, 5, 6, 7, 8, 9, 10, 11]
    copia_m, copia_t = copy.deepcopy(mensajes), list(tokens)
    recortado = funcion(mensajes, tokens, 30)
    assert mensajes == copia_m and tokens == copia_t, (
        "Pista: tu función modificó la lista de mensajes o la de costes (¿quitas con pop o del "
        "sobre la lista que recibes?). Quien llama la sigue usando: construye una lista nueva."
    )
    entera = funcion(mensajes, tokens, 1000)
    assert entera is not mensajes and recortado is not mensajes, (
        "Pista: devolviste la misma lista que recibiste: si quien llama añade el mensaje "
        "siguiente a tu resultado, cambiaría también su historial. Devuelve una lista nueva."
    )


def test_preguntas_seguidas_y_mensaje_unico(funcion):
    u = [_m("user", f"p{i}") for i in range(4)]
    a = _m("assistant", "r")
    _comprobar(funcion, [S, u[0], u[1], a, u[2], u[3]], [2, 5, 5, 5, 5, 5], 17,
               "con dos preguntas seguidas")
    _comprobar(funcion, [S, a, u[0], a, u[1]], [2, 5, 5, 5, 5], 100,
               "con una conversación que ya cabe aunque empiece por el asistente")
    _comprobar(funcion, [S, u[0]], [50, 50], 10, "con solo sistema y pregunta")
    _comprobar(funcion, [u[0]], [50], 10, "con un solo mensaje")
    assert funcion([], [], 10) == [], "Pista: sin mensajes, devuelve la lista vacía."


def test_costes_que_no_cuadran(funcion):
    with pytest.raises(ValueError):
        funcion(_conversacion(1), [1, 2], 10)
        raise AssertionError(
            "Pista: hay 4 mensajes y 2 costes y tu función no se quejó: comprueba que hay un "
            "coste por mensaje y lanza ValueError si no."
        )


def test_coincide_con_la_referencia(funcion):
    rng = random.Random(74)
    for _ in range(200):
        mensajes = _conversacion(rng.randint(0, 6), con_sistema=rng.random() < 0.7)
        if rng.random() < 0.3:  # a veces, dos preguntas seguidas
            i = rng.randrange(len(mensajes))
            mensajes.insert(i, _m("user", "otra"))
        tokens = [rng.randint(1, 12) for _ in mensajes]
        presupuesto = rng.randint(0, sum(tokens) + 5)
        _comprobar(funcion, mensajes, tokens, presupuesto,
                   f"con {_roles(mensajes)}, costes {tokens} y presupuesto {presupuesto}")


def test_casos_limite_del_contrato(funcion):
    solo_sistema = [{"role": "system", "content": "Eres un asistente."}]
    obtenido = funcion(copy.deepcopy(solo_sistema), [3], 1)
    assert obtenido == referencia(copy.deepcopy(solo_sistema), [3], 1), (
        f"Pista: con un único mensaje (aunque sea de sistema), ese mensaje es el último y se "
        f"conserva siempre; diste {obtenido!r}."
    )
    mensajes = [{"role": "system", "content": "S"}, {"role": "user", "content": "u1"},
                {"role": "assistant", "content": "a1"}, {"role": "assistant", "content": "a2"},
                {"role": "user", "content": "u2"}]
    esperado = referencia(copy.deepcopy(mensajes), [1, 5, 1, 1, 1], 4)
    obtenido = funcion(copy.deepcopy(mensajes), [1, 5, 1, 1, 1], 4)
    assert obtenido == esperado, (
        f"Pista: tras quitar un mensaje, si el primero que queda (después del sistema) no es del "
        f"usuario, también se quita, y así mientras haga falta (puede haber dos seguidos). Se "
        f"esperaba {[m['content'] for m in esperado]} y diste "
        f"{[m.get('content') for m in obtenido] if isinstance(obtenido, list) else obtenido!r}."
    )
    try:
        funcion(copy.deepcopy(mensajes), [1, 1, 1, 1, 1, 1], 10)
        lanzo = False
    except ValueError:
        lanzo = True
    assert lanzo, (
        "Pista: con 5 mensajes y 6 costes tu función no lanzó ValueError: tokens debe tener "
        "exactamente un coste por mensaje (ni menos ni más)."
    )
