"""Un ajuste fino breve sobre ejemplos ya tokenizados (``input_ids``/``labels``) con
``transformers.Trainer``: lo usa el capítulo 6 para medir qué pasa cuando las etiquetas están
mal hechas (sin token de fin, o con el fin borrado por el relleno). El ajuste fino completo,
con TRL, LoRA y QLoRA, es el del capítulo 7.
"""

from __future__ import annotations

import tempfile
import time
from functools import partial

from .. import entorno
from ..comprobaciones import comprobar_entero_positivo, comprobar_positivo
from ..formatos import rellenar_lote
from .preentrenamiento import argumentos_entrenamiento


def ajustar_con_etiquetas(modelo, tokenizador, ejemplos: list[dict], *, pasos: int,
                          tamano_lote: int = 16, tasa_aprendizaje: float = 5e-4,
                          colador=None, perfil: str = "auto", semilla: int = 0,
                          mostrar_progreso: bool = False) -> dict:
    """Ajusta ``modelo`` con ``Trainer`` sobre ``ejemplos`` (diccionarios con ``input_ids``,
    ``attention_mask`` y ``labels``, p. ej. de :func:`curso_llm.formatos.tokenizar_conversacion`).

    ``colador`` forma cada lote; por defecto :func:`curso_llm.formatos.rellenar_lote`, que
    respeta las etiquetas de cada ejemplo. Es un ajuste breve (segundos): en vez de la barra y
    la tabla del ``Trainer`` (en inglés) imprime una línea en español al terminar; con
    ``mostrar_progreso=True`` vuelve la barra. Devuelve ``{"historial": [(paso, pérdida)],
    "segundos", "pasos"}`` y deja el modelo en modo evaluación.

    Capítulo 6 (Datos para ajuste fino).
    """
    from transformers import Trainer

    comprobar_entero_positivo(pasos, "pasos")
    comprobar_entero_positivo(tamano_lote, "tamano_lote")
    comprobar_positivo(tasa_aprendizaje, "tasa_aprendizaje")
    if not ejemplos:
        raise ValueError("No hay ejemplos para ajustar: la lista está vacía.")
    perfil = entorno.elegir_perfil(perfil)
    colador = colador or partial(rellenar_lote, id_relleno=tokenizador.pad_token_id)
    with tempfile.TemporaryDirectory(prefix="curso_llm_ajuste_") as carpeta:
        args = argumentos_entrenamiento(
            pasos=pasos, tamano_lote=tamano_lote, tasa_aprendizaje=tasa_aprendizaje,
            perfil=perfil, directorio_salida=carpeta, semilla=semilla,
            registro_cada=max(1, pasos // 20), calentamiento=max(1, pasos // 10),
        )
        args.disable_tqdm = not mostrar_progreso
        modelo.train()
        entrenador = Trainer(model=modelo, args=args, train_dataset=list(ejemplos),
                             data_collator=colador)
        if not mostrar_progreso:
            # Sin barra, el Trainer imprime cada registro como un diccionario en inglés.
            from transformers.trainer_callback import PrinterCallback

            entrenador.remove_callback(PrinterCallback)
        inicio = time.perf_counter()
        entrenador.train()
        segundos = time.perf_counter() - inicio
    modelo.eval()
    historial = [(r["step"], r["loss"]) for r in entrenador.state.log_history if "loss" in r]
    print(f"Ajuste: {pasos} pasos en {segundos:.1f} s; pérdida {historial[0][1]:.3f} → "
          f"{historial[-1][1]:.3f}.")
    return {"historial": historial, "segundos": segundos, "pasos": pasos}
