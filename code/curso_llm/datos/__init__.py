"""Datos sintéticos, deterministas y en español para todo el curso.

- ``corpus_narrativo``: párrafos narrativos para preentrenar.
- ``mundo_clinico``, ``notas_clinicas``, ``preguntas_clinicas``: el mundo clínico
  **ficticio** (véase ``AVISO_FICTICIO``).
- ``lectura_comprensiva`` y ``formatear_lectura``: comprensión lectora a libro abierto
  sobre entidades inventadas.
- ``empaquetar`` (y ``empaquetar_documentos``, con documentos ya tokenizados): textos en
  bloques de longitud fija (modelado causal).
- ``preparar_notas`` y ``NotasVectorizadas``: las notas clínicas como bolsas de palabras en
  tensores de PyTorch (el laboratorio del capítulo 2).
- ``cargar_dataset_propio``: tus propios datos (CSV, JSON, JSONL o una carpeta de .txt) como
  ``datasets.Dataset`` para el ajuste fino, con un ``InformeCarga`` de cada fila saltada.

Submódulos del capítulo 6 (se importan por su nombre): ``instrucciones`` (de tablas y notas a
pares instrucción-respuesta, evolución al estilo Evol-Instruct y filtros), ``personales``
(notas con datos personales plantados para medir la anonimización) y ``particiones``
(divisiones por grupo sin fuga).
"""

from .clinico import (
    AVISO_FICTICIO,
    Enfermedad,
    mundo_clinico,
    notas_clinicas,
    preguntas_clinicas,
    textos_mundo_clinico,
)
from .empaquetado import BloquesEmpaquetados, empaquetar, empaquetar_documentos
from .lectura import (
    formatear_copia,
    formatear_lectura,
    formatear_lectura_multiple,
    lectura_comprensiva,
)
from .narrativo import corpus_narrativo
from .notas import ETIQUETAS_NOTAS, NotasVectorizadas, preparar_notas
from .propios import ErrorDatos, InformeCarga, Omision, cargar_dataset_propio

__all__ = [
    "AVISO_FICTICIO",
    "BloquesEmpaquetados",
    "ETIQUETAS_NOTAS",
    "Enfermedad",
    "ErrorDatos",
    "InformeCarga",
    "NotasVectorizadas",
    "Omision",
    "cargar_dataset_propio",
    "corpus_narrativo",
    "empaquetar",
    "empaquetar_documentos",
    "formatear_copia",
    "formatear_lectura",
    "formatear_lectura_multiple",
    "lectura_comprensiva",
    "mundo_clinico",
    "notas_clinicas",
    "preguntas_clinicas",
    "preparar_notas",
    "textos_mundo_clinico",
]
