"""Las notas clínicas ficticias como bolsas de palabras: los datos del laboratorio del
capítulo 2 (un MLP que clasifica notas por especialidad).

``torch`` y ``scikit-learn`` se importan al llamar a :func:`preparar_notas`: importar
``curso_llm.datos`` sigue siendo ligero.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..comprobaciones import comprobar_entero_positivo, comprobar_opcion
from .clinico import notas_clinicas

if TYPE_CHECKING:
    import torch

# Lo que se puede predecir de cada nota.
ETIQUETAS_NOTAS = ("especialidad", "organo", "enfermedad")


@dataclass
class NotasVectorizadas:
    """Notas clínicas ficticias convertidas en bolsas de palabras (tensores de PyTorch).

    ``X_*`` son matrices ``(notas, vocabulario)`` de recuentos (float32), ``y_*`` los índices
    de la especialidad (int64); ``vocabulario[j]`` es la palabra de la columna ``j`` y
    ``clases[k]`` la especialidad de la etiqueta ``k``.

    Capítulo 2 (Redes neuronales).
    """

    X_train: torch.Tensor
    y_train: torch.Tensor
    X_val: torch.Tensor
    y_val: torch.Tensor
    X_test: torch.Tensor
    y_test: torch.Tensor
    vocabulario: list[str]
    clases: list[str]
    textos_train: list[str]

    @property
    def train(self) -> tuple[torch.Tensor, torch.Tensor]:
        return self.X_train, self.y_train

    @property
    def val(self) -> tuple[torch.Tensor, torch.Tensor]:
        return self.X_val, self.y_val

    @property
    def test(self) -> tuple[torch.Tensor, torch.Tensor]:
        return self.X_test, self.y_test


def preparar_notas(
    n_train: int = 200,
    n_val: int = 400,
    n_test: int = 400,
    etiqueta: str = "especialidad",
    min_df: int = 1,
    semilla: int = 0,
) -> NotasVectorizadas:
    """Notas clínicas ficticias (:func:`curso_llm.datos.notas_clinicas`) como bolsas de palabras.

    El vocabulario se aprende **solo** con las notas de entrenamiento (``CountVectorizer`` de
    scikit-learn); las palabras que no aparecen en él se ignoran en validación y prueba, así
    no se filtra información de esas particiones. Las clases se ordenan alfabéticamente.

    Args:
        n_train, n_val, n_test: número de notas de cada partición.
        etiqueta: ``"especialidad"`` (8 clases), ``"organo"`` o ``"enfermedad"``.
        min_df: una palabra entra en el vocabulario si aparece en al menos ``min_df`` notas.
        semilla: semilla de :func:`notas_clinicas`.

    Capítulo 2 (Redes neuronales).
    """
    comprobar_entero_positivo(n_train, "n_train")
    comprobar_entero_positivo(n_val, "n_val")
    comprobar_entero_positivo(n_test, "n_test")
    comprobar_opcion(etiqueta, "etiqueta", ETIQUETAS_NOTAS)
    import torch
    from sklearn.feature_extraction.text import CountVectorizer

    train = notas_clinicas(n=n_train, particion="train", semilla=semilla)
    val = notas_clinicas(n=n_val, particion="validation", semilla=semilla)
    test = notas_clinicas(n=n_test, particion="test", semilla=semilla)
    vectorizador = CountVectorizer(min_df=min_df)
    X_train = vectorizador.fit_transform([n["texto"] for n in train])
    clases = sorted({n[etiqueta] for n in train + val + test})
    indice = {c: i for i, c in enumerate(clases)}

    def _a_tensores(notas, X):
        return (torch.tensor(X.toarray(), dtype=torch.float32),
                torch.tensor([indice[n[etiqueta]] for n in notas], dtype=torch.long))

    X_tr, y_tr = _a_tensores(train, X_train)
    X_va, y_va = _a_tensores(val, vectorizador.transform([n["texto"] for n in val]))
    X_te, y_te = _a_tensores(test, vectorizador.transform([n["texto"] for n in test]))
    return NotasVectorizadas(X_tr, y_tr, X_va, y_va, X_te, y_te,
                             list(vectorizador.get_feature_names_out()), clases,
                             [n["texto"] for n in train])
