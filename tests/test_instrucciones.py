"""datos.instrucciones: de tabla y notas a pares, evolución verificable y filtros medidos."""

import collections

import pytest

from curso_llm.datos import instrucciones as inst
from curso_llm.datos import mundo_clinico, notas_clinicas
from curso_llm.modelos import tokenizador_base


@pytest.fixture(scope="module")
def tok():
    return tokenizador_base()


def test_tabla_determinista_y_coherente_con_el_mundo():
    a, b = inst.tabla_tratamientos(120, semilla=3), inst.tabla_tratamientos(120, semilla=3)
    assert a.equals(b) and len(a) == 120
    assert not a.equals(inst.tabla_tratamientos(120, semilla=4))
    mundo = {e.nombre: e for e in mundo_clinico()}
    for fila in a.to_dict("records"):
        assert fila["farmaco"] == mundo[fila["enfermedad"]].tratamientos[0]
    # un paciente tiene siempre la misma enfermedad
    assert (a.groupby("id_paciente")["enfermedad"].nunique() == 1).all()


def test_pares_desde_tabla_deciden_bien_la_contraindicacion():
    tabla = inst.tabla_tratamientos(300, semilla=0)
    pares = inst.pares_desde_tabla(tabla)
    assert len(pares) == 2 * len(tabla)
    # el identificador queda como metadato, nunca en el texto que se entrena
    assert all("P-" not in p["input"] and p["id_paciente"].startswith("P-") for p in pares)
    mundo = {e.nombre: e for e in mundo_clinico()}
    vistos = collections.Counter()
    for fila, par in zip(tabla.to_dict("records"), pares[1::2]):
        contra = fila["condicion"] in mundo[fila["enfermedad"]].contraindicaciones
        vistos[contra] += 1
        assert par["output"].startswith("Sí:" if contra else "No:"), (fila, par["output"])
    assert vistos[True] and vistos[False]


def test_notas_se_analizan_y_lo_raro_se_informa():
    notas = notas_clinicas(200, "train", semilla=1)
    assert all(inst.campos_de_nota(n["texto"]) for n in notas)
    pares, no_usadas = inst.pares_desde_notas(notas + [{"texto": "Ver informe.",
                                                        "enfermedad": "", "especialidad": ""}])
    assert len(pares) == 3 * len(notas)
    assert no_usadas == [{"indice": len(notas), "motivo": "la nota no sigue el esquema esperado"}]
    campos = inst.campos_de_nota(notas[0]["texto"])
    assert campos["pruebas"].lower() in pares[0]["output"].lower()


def test_evolucion_sube_la_complejidad_y_es_verificable():
    rondas = inst.evolucionar_rondas(inst.instrucciones_semilla(), rondas=2, semilla=0)
    medias = [sum(i.saltos for i in r) / len(r) for r in rondas]
    assert medias[0] == 1 and medias[0] < medias[1] < medias[2]
    for anterior, siguiente in zip(rondas, rondas[1:]):
        for a, b in zip(anterior, siguiente):
            esperado = {"caso": 0, "sin_cambio": 0, "dos_saltos": 1,
                        "contraindicacion": 1 if a.pide_farmaco else 2}[b.operacion]
            assert b.saltos == a.saltos + esperado, (a, b)
            assert b.enfermedad == a.enfermedad
    assert rondas == inst.evolucionar_rondas(inst.instrucciones_semilla(), rondas=2, semilla=0)


@pytest.mark.parametrize("semilla", range(4))
def test_evolucion_coherente_con_el_paciente(semilla):
    """Ni embarazos en hombres o a los 70, ni «niños» adultos, ni la pista regalada."""
    import re

    rondas = inst.evolucionar_rondas(inst.instrucciones_semilla(), rondas=4, semilla=semilla)
    assert [i.operacion for i in rondas[-1]].count("sin_cambio") > 0  # se agotan sin fallar
    nombres = [e.nombre for e in mundo_clinico()]
    for r in rondas:
        for i in r:
            p = i.pregunta
            assert inst.verificar_respuesta(i.a_alpaca()), i
            assert p.count("(caso ficticio)") <= 1 and p.count("Además") <= 1, p
            edad = re.search(r"de (\d+) años? con", p)
            edad = int(edad.group(1)) if edad else None
            hombre = p.startswith(("Un hombre", "Un niño"))
            if "embarazada" in p:
                assert not hombre and (edad is None or edad <= 45), p
            if "menor de dos años" in p:
                assert edad is None or edad < 2, p
            if "más de ochenta años" in p:
                assert edad is None or edad > 80, p
            assert not (hombre and "la paciente" in p), p
            assert not (p.startswith(("Una mujer", "Una niña")) and "el paciente" in p), p
            if "cuyo signo característico" in p:  # dos saltos: la enfermedad no se nombra
                assert not any(n in p for n in nombres), p


def test_verificar_detecta_el_farmaco_de_otra_enfermedad():
    a, b = mundo_clinico()[:2]
    bien = {"instruction": f"¿Qué fármaco se usa contra {a.nombre}?",
            "output": f"{a.tratamientos[0]}.", "enfermedad": a.nombre}
    assert inst.verificar_respuesta(bien)
    assert not inst.verificar_respuesta(dict(bien, output=f"{b.tratamientos[0]}."))
    assert not inst.verificar_respuesta(dict(bien, enfermedad="gripe inventada"))


def test_filtros_no_quitan_pares_limpios_y_encuentran_cada_defecto(tok):
    pares = (inst.pares_desde_tabla(inst.tabla_tratamientos(100))
             + inst.pares_desde_notas(notas_clinicas(60))[0]
             + [i.a_alpaca() for r in inst.evolucionar_rondas(inst.instrucciones_semilla())
                for i in r])
    conservados, informe = inst.filtrar_instrucciones(pares, tok)
    assert len(conservados) == len(pares) and informe.empty
    estropeados, defectos = inst.estropear(pares, fraccion=0.3, semilla=2)
    conservados, informe = inst.filtrar_instrucciones(estropeados, tok)
    motivo = dict(zip(informe["indice"], informe["motivo"]))
    assert len(conservados) + len(informe) == len(pares)
    for i, defecto in enumerate(defectos):
        assert (i in motivo) == (defecto is not None), (i, defecto)
    correctos = sum(motivo[i] == d for i, d in enumerate(defectos) if d)
    assert correctos / sum(d is not None for d in defectos) > 0.95
    assert set(d for d in defectos if d) == set(inst.DEFECTOS)


def test_filtro_de_longitud_solo_con_tokenizador(tok):
    par = {"instruction": "Resume.", "output": "Tos seca y fiebre desde ayer. " * 60}
    assert inst.motivo_descarte(par) is None
    assert inst.motivo_descarte(par, tok, max_tokens=64) == "demasiado larga"
    assert inst.motivo_descarte({"instruction": None, "output": "x."}) == "vacío"
