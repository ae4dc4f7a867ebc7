"""Versiones: requirements.txt (tu equipo y CI), requisitos-colab.txt (la celda de
instalación en Colab) y .binder/ (Binder) instalan las mismas bibliotecas probadas."""

import re
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[1]

# Lo que Colab recibe con las versiones probadas; torch no: se queda el de Colab (con CUDA).
BIBLIOTECAS_COLAB = {
    "transformers", "tokenizers", "datasets", "accelerate", "peft", "trl", "bitsandbytes",
    "safetensors", "datasketch", "gradio", "gradio-client", "rouge-score",
}


def _nombre(paquete: str) -> str:
    return re.sub(r"[-_.]+", "-", paquete).lower()


def fijadas(ruta: Path) -> dict[str, str]:
    """``{paquete: versión}`` de un archivo de requisitos; falla si un paquete no fija versión."""
    versiones = {}
    for linea in ruta.read_text(encoding="utf-8").splitlines():
        linea = linea.split("#", 1)[0].strip()
        if not linea or linea.startswith("-"):
            continue  # comentarios y opciones (-r, --extra-index-url)
        m = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)", linea)
        assert m, f"{ruta.name}: «{linea}» debe fijar una versión exacta (paquete==versión)"
        assert _nombre(m.group(1)) not in versiones, f"{ruta.name}: {m.group(1)} está dos veces"
        versiones[_nombre(m.group(1))] = m.group(2)
    return versiones


REQUISITOS = fijadas(RAIZ / "requirements.txt")
COLAB = fijadas(RAIZ / "requisitos-colab.txt")


def test_requirements_instala_jupyterlab():
    # El capítulo de preparación y el aviso de la celda de instalación dicen `jupyter lab`.
    assert "jupyterlab" in REQUISITOS
    assert "ipykernel" in REQUISITOS


def test_colab_lista_las_bibliotecas_probadas_y_no_torch():
    assert "torch" not in COLAB, "requisitos-colab.txt no debe tocar el torch de Colab"
    assert set(COLAB) == BIBLIOTECAS_COLAB, (
        f"requisitos-colab.txt debe fijar exactamente {sorted(BIBLIOTECAS_COLAB)}; "
        f"fija {sorted(COLAB)}"
    )


def test_colab_usa_las_versiones_de_requirements():
    distintas = {p: (v, REQUISITOS.get(p)) for p, v in COLAB.items() if REQUISITOS.get(p) != v}
    assert not distintas, (
        f"requisitos-colab.txt y requirements.txt no coinciden (colab, requirements): {distintas}"
    )


def test_binder_instala_requirements():
    binder = RAIZ / ".binder"
    texto = (binder / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^-r \.\./requirements\.txt$", texto, flags=re.M), (
        ".binder/requirements.txt debe incluir ../requirements.txt (las versiones probadas)"
    )
    propias = fijadas(binder / "requirements.txt")
    assert not propias, f".binder/requirements.txt no debe fijar otras versiones: {propias}"
    assert (binder / "runtime.txt").read_text(encoding="utf-8").strip() == "python-3.11"
    assert "pip install --no-deps -e ." in (binder / "postBuild").read_text(encoding="utf-8")
