"""Métricas de resumen de curso_llm.evaluacion: ROUGE (rouge-score con tildes), ROUGE-L a
mano y la comprobación de fidelidad y longitud."""

import random

import pytest
from rouge_score import rouge_scorer

from curso_llm.evaluacion import comprobar_resumen, rouge, rouge_l, tokenizar_rouge

VOCABULARIO = ["corazón", "corazon", "más", "mes", "año", "niño", "pingüino", "el", "la", "de",
               "dolor", "fiebre", "Fiebre", "150", "mg", "acción", "accion", "sí", "si"]


def test_tokenizador_conserva_tildes_y_ene():
    assert tokenizar_rouge("¡El Corazón del niño, pingüino!") == [
        "el", "corazón", "del", "niño", "pingüino"]
    # «ó» compuesta (NFC) y descompuesta (o + tilde combinante, NFD) son la misma palabra.
    assert tokenizar_rouge("corazo\u0301n") == ["corazón"]
    assert tokenizar_rouge("") == []


def test_corazon_con_y_sin_tilde_no_se_confunden():
    assert rouge(["corazón"], ["corazon"]) == {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
    assert rouge(["más"], ["mas"])["rouge1"] == 0.0
    assert rouge(["Corazón"], ["corazón"])["rouge1"] == 1.0


def test_el_tokenizador_por_defecto_pierde_las_tildes():
    # Por qué rouge() no usa el tokenizador por defecto de rouge-score: borra lo que no es
    # [a-z0-9], así que parte «corazón» en «coraz» y «n», y «camión» y «canción» comparten
    # el trozo «n» aunque son palabras distintas.
    por_defecto = rouge_scorer.RougeScorer(["rouge1"])
    assert por_defecto._tokenizer.tokenize("corazón") == ["coraz", "n"]
    assert por_defecto.score("canción", "camión")["rouge1"].fmeasure == 0.5
    assert rouge(["camión"], ["canción"])["rouge1"] == 0.0
    assert por_defecto._tokenizer.tokenize("año niño") == ["a", "o", "ni", "o"]


def test_rouge_valores_conocidos():
    resultado = rouge(["el paciente tiene fiebre alta", "dolor de cabeza"],
                      ["el paciente tiene fiebre", "dolor de cabeza"])
    # Par 1: P = 4/5, R = 4/4 → F1 = 8/9 en ROUGE-1 y ROUGE-L; bigramas P = 3/4, R = 3/3 → 6/7.
    assert resultado["rouge1"] == pytest.approx((8 / 9 + 1) / 2)
    assert resultado["rouge2"] == pytest.approx((6 / 7 + 1) / 2)
    assert resultado["rougeL"] == pytest.approx((8 / 9 + 1) / 2)


def test_rouge_l_a_mano_coincide_con_rouge_score_en_textos_aleatorios():
    generador = random.Random(0)
    for _ in range(300):
        pred = " ".join(generador.choices(VOCABULARIO, k=generador.randint(0, 12)))
        ref = " ".join(generador.choices(VOCABULARIO, k=generador.randint(0, 12)))
        assert rouge_l(pred, ref) == pytest.approx(rouge([pred], [ref])["rougeL"], abs=1e-12), (
            pred, ref)


def test_rouge_l_casos_limite():
    assert rouge_l("", "algo") == 0.0 and rouge_l("algo", "") == 0.0
    assert rouge_l("a b c", "x y z") == 0.0
    assert rouge_l("la fiebre baja", "la fiebre baja") == 1.0
    # LCS de «a b c d» y «b a d c» tiene longitud 2 → P = R = 1/2.
    assert rouge_l("a b c d", "b a d c") == pytest.approx(0.5)
    # El orden cuenta en ROUGE-L y no en ROUGE-1.
    assert rouge(["c b a"], ["a b c"])["rouge1"] == 1.0 and rouge_l("c b a", "a b c") < 1.0


@pytest.mark.parametrize(("predicciones", "referencias", "error", "texto"), [
    ("un texto", ["otro"], TypeError, "lista de textos"),
    (["a", "b"], ["a"], ValueError, "misma longitud"),
    ([], [], ValueError, "no vacías"),
    ([1], ["a"], TypeError, r"predicciones\[0\]"),
])
def test_rouge_errores_en_espanol(predicciones, referencias, error, texto):
    with pytest.raises(error, match=texto):
        rouge(predicciones, referencias)


NOTA = ("Paciente ficticia de 54 años. Acude por dolor torácico de 2 horas. Se pauta "
        "ácido acetilsalicílico 150 mg y se deriva a cardiología. Temperatura 37,5 grados.")


def test_resumen_fiel():
    r = comprobar_resumen("Paciente de 54 años con dolor torácico; derivada a cardiología.", NOTA)
    # «derivada» no está en la nota (la nota dice «deriva»): 5 de 6 palabras de contenido.
    assert r["palabras_ausentes"] == ["derivada"]
    assert r["fidelidad"] == pytest.approx(5 / 6)
    assert r["numeros_alucinados"] == []
    assert r["palabras_resumen"] == 10 and r["palabras_nota"] == len(tokenizar_rouge(NOTA))
    assert r["compresion"] == pytest.approx(r["palabras_nota"] / 10)


def test_numeros_alucinados():
    r = comprobar_resumen("Dolor de 3 horas; se pauta 50 mg; temperatura 37.5 y 54 años.", NOTA)
    # «50» no está aunque la nota diga «150»; «37.5» sí está (la nota escribe «37,5»).
    assert r["numeros_alucinados"] == ["3", "50"]


def test_resumen_sin_contenido_y_errores():
    assert comprobar_resumen("de la", NOTA)["fidelidad"] == 1.0
    assert comprobar_resumen("Fiebre alta.", NOTA)["fidelidad"] == 0.0
    with pytest.raises(ValueError, match="resumen no tiene ninguna palabra"):
        comprobar_resumen(" ¿? ", NOTA)
    with pytest.raises(ValueError, match="nota no tiene ninguna palabra"):
        comprobar_resumen("algo", "")
    with pytest.raises(TypeError, match="'nota'"):
        comprobar_resumen("algo", None)
