"""Pruebas de humo en GPU (``make gpu``): cada prueba de esta carpeta lleva la marca ``gpu``
y, si PyTorch no ve ninguna GPU con CUDA, se salta (en ``make test`` aparecen como saltadas).
"""

from pathlib import Path

import pytest
import torch

CARPETA = Path(__file__).resolve().parent
MOTIVO = (
    "No hay ninguna GPU con CUDA: las pruebas de tests/gpu solo se ejecutan en un equipo con "
    "GPU (make gpu)."
)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    hay_cuda = torch.cuda.is_available()
    for item in items:
        if CARPETA in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.gpu)
            if not hay_cuda:
                item.add_marker(pytest.mark.skip(reason=MOTIVO))


@pytest.fixture(scope="module")
def carpeta_modelo(tmp_path_factory):
    """Un Llama «micro» y el tokenizador del curso guardados en una carpeta, como los de un
    repositorio del Hub: los caminos ``gpu`` lo cargan por su ruta sin descargar nada."""
    from curso_llm import modelos

    carpeta = tmp_path_factory.mktemp("modelo_hub")
    tokenizador = modelos.tokenizador_base()
    config = modelos.config_llama("micro", tamano_vocabulario=len(tokenizador), long_max=256)
    modelos.crear_modelo(config, semilla=0).save_pretrained(carpeta)
    tokenizador.save_pretrained(carpeta)
    return carpeta
