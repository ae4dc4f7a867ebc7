"""Pruebas del corpus narrativo sintético (capítulos 3 y 4): riqueza de vocabulario,
concordancia de género y número, y reglas de plural, femenino y conjugación."""

import re

import pytest

from curso_llm.datos import corpus_narrativo
from curso_llm.datos import narrativo as n

PALABRA = re.compile(r"[a-záéíóúüñ]+")
ARTICULOS = {"el": "ms", "la": "fs", "los": "mp", "las": "fp",
             "un": "ms", "una": "fs", "unos": "mp", "unas": "fp"}


@pytest.fixture(scope="module")
def train():
    return corpus_narrativo("train")


def _palabras(parrafos):
    return set(PALABRA.findall(" ".join(parrafos).lower()))


def _sustantivos() -> dict[str, str]:
    """{sustantivo: género + número} de todas las listas con género del generador."""
    formas: dict[str, set[str]] = {}

    def anadir(palabra, g, num):
        formas.setdefault(palabra, set()).add(g + num)

    for m, f in n.OFICIOS:
        anadir(m, "m", "s"), anadir(f, "f", "s")
        anadir(n.plural(m), "m", "p"), anadir(n.plural(f), "f", "p")
    for g, lugar in n.LUGARES:
        anadir(lugar, g, "s"), anadir(n.plural(lugar), g, "p")
    for lista in (n.ANIMALES, n.OBJETOS, n.HERRAMIENTAS, n.PRENDAS, n.PLANTAS):
        for sing, plur, g in lista:
            anadir(sing, g, "s"), anadir(plur, g, "p")
    for com, g, num in n.COMIDAS:
        anadir(com, g, num)
    ambiguos = {p: f for p, f in formas.items() if len(f) > 1}
    assert not ambiguos, f"sustantivos con dos géneros o números: {ambiguos}"
    return {p: f.pop() for p, f in formas.items()}


def _adjetivos() -> dict[str, set[str]]:
    """{forma de adjetivo: géneros + números con los que es correcta}."""
    formas: dict[str, set[str]] = {}
    for lista in (n.ADJ_ANIMAL, n.ADJ_COMIDA, n.ADJ_OBJETO, n.ADJ_PLANTA):
        for adj in lista:
            if " " in adj:
                continue
            for g in "mf":
                for num in "sp":
                    formas.setdefault(n.concordar(adj, g, num), set()).add(g + num)
    return formas


def test_vocabulario_rico(train):
    assert len(_palabras(train)) >= 3000
    assert len(_palabras(corpus_narrativo("validation"))) >= 1400
    assert len(n._PLANTILLAS) >= 40


def test_determinista_por_semilla():
    val = corpus_narrativo("validation", semilla=3)
    assert val == corpus_narrativo("validation", semilla=3)
    assert val != corpus_narrativo("validation", semilla=4)


def test_articulo_concuerda_con_el_sustantivo(train):
    sustantivos = _sustantivos()
    texto = " ".join(train).lower()
    revisados, errores = 0, []
    for art, sust in re.findall(r"\b(el|la|los|las|un|una|unos|unas) ([a-záéíóúüñ]+)", texto):
        if sust in sustantivos:
            revisados += 1
            if ARTICULOS[art] != sustantivos[sust]:
                errores.append(f"{art} {sust}")
    for prep, sust in re.findall(r"\b(al|del) ([a-záéíóúüñ]+)", texto):
        if sust in sustantivos:
            revisados += 1
            if sustantivos[sust] != "ms":
                errores.append(f"{prep} {sust}")
    assert revisados > 20_000
    assert not errores, sorted(set(errores))[:20]
    for error in (" a el ", " de el "):
        assert error not in texto


def test_adjetivo_concuerda_con_el_sustantivo(train):
    sustantivos, adjetivos = _sustantivos(), _adjetivos()
    texto = " ".join(train).lower()
    revisados, errores = 0, []
    patron = r"\b(?:el|la|los|las|un|una|unos|unas) ([a-záéíóúüñ]+) ([a-záéíóúüñ]+)"
    for sust, adj in re.findall(patron, texto):
        if sust in sustantivos and adj in adjetivos:
            revisados += 1
            if sustantivos[sust] not in adjetivos[adj]:
                errores.append(f"{sust} {adj}")
    assert revisados > 5_000
    assert not errores, sorted(set(errores))[:20]


def test_plural_femenino_y_conjugacion():
    assert [n.plural(p) for p in ("ratón", "jardín", "lápiz", "jersey", "joven", "mesa",
                                  "reloj", "jabalí")] == [
        "ratones", "jardines", "lápices", "jerséis", "jóvenes", "mesas", "relojes", "jabalíes"]
    assert n.concordar("juguetón", "f", "p") == "juguetonas"
    assert n.concordar("hablador", "f", "s") == "habladora"
    assert n.concordar("feliz", "f", "p") == "felices"
    assert n.concordar("lleno de gente", "f", "p") == "llenas de gente"
    assert n.concordar("recién hecho", "f", "s") == "recién hecha"
    assert n.con_preposicion("a", "m", "perros", "p") == "a los perros"
    assert n.conjugar("cantar") == "cantó" and n.conjugar("comer", "imperfecto", "p") == "comían"
    assert n.conjugar("huir", "preterito", "p") == "huyeron"
    assert n.conjugar("ir", "imperfecto") == "iba" and n.conjugar("poner", numero="p") == "pusieron"
    with pytest.raises(ValueError, match="tiempo debe ser"):
        n.conjugar("cantar", "futuro")


def test_categorias_lexicas_nuevas_clases():
    clases = n.categorias_lexicas()
    assert clases["martillo"] == {"herramienta"} and clases["rosales"] == {"planta"}
    assert clases["bufandas"] == {"prenda"} and clases["despacio"] == {"adverbio"}
    assert clases["limpiaban"] == {"verbo"} and clases["marzo"] == {"mes"}
    assert clases["desiertas"] == {"adjetivo de lugar"}
