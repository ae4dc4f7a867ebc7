"""Eficiencia del entrenamiento: cuánto cómputo hace un paso, a qué velocidad y con cuánta memoria.

- :func:`pico_matmul`: el pico de multiplicación de matrices de ESTE equipo, medido.
- :func:`flops_por_token`: FLOPs por token de un Llama (``6·N`` de las matrices de pesos más la
  atención), contados desde su configuración.
- :func:`contar_flops`: FLOPs que PyTorch ejecuta de verdad, con ``FlopCounterMode``.
- :func:`utilizacion_flops`: utilización de FLOPs del modelo (MFU) frente a un pico.
- :func:`memoria_activaciones`: bytes de los tensores que autograd guarda para la pasada hacia
  atrás (las activaciones), medidos con ``saved_tensors_hooks``.
- :func:`medir_pasos`: segundos por paso de una función de entrenamiento, sin el calentamiento.
"""

from __future__ import annotations

import statistics
import time

import torch

from ..comprobaciones import (
    comprobar_entero,
    comprobar_entero_positivo,
    comprobar_funcion,
    comprobar_opcion,
    comprobar_positivo,
)

__all__ = ["contar_flops", "flops_por_token", "medir_pasos", "memoria_activaciones",
           "parametros_matmul", "pico_matmul", "utilizacion_flops"]


def pico_matmul(tamano: int = 1024, repeticiones: int = 5, dtype: torch.dtype = torch.float32,
                dispositivo: str | torch.device = "cpu") -> dict:
    """Mide los FLOP/s de multiplicar dos matrices ``tamano × tamano`` (el «pico» práctico).

    Cada producto cuesta ``2·tamano³`` FLOPs (una multiplicación y una suma por término). Hace
    un producto de calentamiento, cronometra ``repeticiones`` y devuelve
    ``{"flops_por_segundo": mejor, "mediana": ..., "segundos": [...], "flops": por producto}``.
    Se usa el MEJOR tiempo como pico: es lo más cerca que llega esta máquina de su límite (los
    demás tiempos solo añaden interferencias de otros procesos).

    Capítulo 5 (Preentrenamiento).
    """
    comprobar_entero_positivo(tamano, "tamano")
    comprobar_entero_positivo(repeticiones, "repeticiones")
    dispositivo = torch.device(dispositivo)
    generador = torch.Generator().manual_seed(0)
    a = torch.randn(tamano, tamano, generator=generador).to(dispositivo, dtype)
    b = torch.randn(tamano, tamano, generator=generador).to(dispositivo, dtype)
    flops = 2.0 * tamano**3

    def sincronizar():
        if dispositivo.type == "cuda":
            torch.cuda.synchronize(dispositivo)

    a @ b  # calentamiento: reserva memoria y elige el algoritmo
    sincronizar()
    segundos = []
    for _ in range(repeticiones):
        inicio = time.perf_counter()
        a @ b
        sincronizar()
        segundos.append(time.perf_counter() - inicio)
    return {"flops_por_segundo": flops / min(segundos),
            "mediana": flops / statistics.median(segundos),
            "segundos": segundos, "flops": flops}


def parametros_matmul(config) -> int:
    """Pesos que intervienen en multiplicaciones de matrices en cada token de un Llama.

    Por capa: las proyecciones de consultas y salida (``d·d`` cada una), las de claves y valores
    (``d·d_kv`` cada una, menores con atención de consultas agrupadas) y las tres de la red
    SwiGLU (``3·d·F``); al final, la cabeza de salida (``d·V``), que hace su producto aunque
    comparta pesos con los embeddings. La tabla de embeddings de entrada no multiplica nada (se
    indexa) y las normalizaciones son vectores.

    Capítulo 5 (Preentrenamiento).
    """
    d = config.hidden_size
    cabezas_kv = getattr(config, "num_key_value_heads", None) or config.num_attention_heads
    d_cabeza = getattr(config, "head_dim", None) or d // config.num_attention_heads
    d_q = config.num_attention_heads * d_cabeza
    d_kv = cabezas_kv * d_cabeza
    por_capa = d * d_q + 2 * d * d_kv + d_q * d + 3 * d * config.intermediate_size
    return config.num_hidden_layers * por_capa + d * config.vocab_size


def flops_por_token(config, long_secuencia: int, entrenamiento: bool = True,
                    atencion: str = "completa") -> float:
    """FLOPs por token de un Llama descrito por ``config`` con contexto ``long_secuencia``.

    - Matrices de pesos: ``2·N`` en la pasada hacia delante, con ``N`` =
      :func:`parametros_matmul` (una multiplicación y una suma por peso).
    - Atención: las puntuaciones ``Q·Kᵀ`` y la suma ponderada de los valores cuestan
      ``2·T·d_q`` cada una por token y capa: ``4·L·T·d_q`` hacia delante si se calcula la
      matriz ``T × T`` **completa** (lo que hace PyTorch aunque la máscara causal anule la mitad)
      o la mitad con ``atencion="causal"`` (solo lo útil, la convención de Kaplan et al.);
      ``atencion=None`` la omite.
    - ``entrenamiento=True`` multiplica por 3: la pasada hacia atrás cuesta el doble que la de
      delante (un gradiente para las entradas y otro para los pesos). Así sale ``6·N`` por token.

    Capítulo 5 (Preentrenamiento).
    """
    comprobar_entero_positivo(long_secuencia, "long_secuencia")
    comprobar_opcion(atencion, "atencion", ["completa", "causal", None])
    if not isinstance(entrenamiento, bool):
        raise TypeError(f"El argumento 'entrenamiento' debe ser True o False; recibiste "
                        f"{entrenamiento!r}.")
    d_cabeza = getattr(config, "head_dim", None) or config.hidden_size // config.num_attention_heads
    d_q = config.num_attention_heads * d_cabeza
    adelante = 2.0 * parametros_matmul(config)
    if atencion is not None:
        termino = 4.0 * config.num_hidden_layers * long_secuencia * d_q
        adelante += termino if atencion == "completa" else termino / 2
    return 3 * adelante if entrenamiento else adelante


def _atencion_cpu(query, key, value, *args, out_shape=None, **kwargs) -> int:
    from torch.utils.flop_counter import sdpa_flop_count

    return sdpa_flop_count(query, key, value)


def _atencion_cpu_atras(grad_out, query, key, value, *args, out_shape=None, **kwargs) -> int:
    from torch.utils.flop_counter import sdpa_backward_flop_count

    return sdpa_backward_flop_count(grad_out, query, key, value)


def contar_flops(funcion) -> int:
    """Ejecuta ``funcion()`` y devuelve los FLOPs que contó ``torch.utils.flop_counter``.

    ``FlopCounterMode`` suma las operaciones de las multiplicaciones de matrices (``mm``,
    ``addmm``, ``bmm``, la atención ``scaled_dot_product_attention``...) también en la pasada
    hacia atrás si ``funcion`` llama a ``backward()``. No cuenta las operaciones elemento a
    elemento (activaciones, normalizaciones, softmax), que son pocas en comparación. El
    contador de PyTorch no conoce el núcleo de atención de la CPU
    (``_scaled_dot_product_flash_attention_for_cpu``): aquí se le añade con las mismas
    fórmulas que usa para los núcleos de la GPU. Como esos núcleos, su pasada hacia atrás
    **recalcula** la matriz de puntuaciones: cuenta 2.5 veces la atención de delante, no 2.

    Capítulo 5 (Preentrenamiento).
    """
    from torch.utils.flop_counter import FlopCounterMode

    comprobar_funcion(funcion, "funcion")
    aten = torch.ops.aten
    propias = {}
    if hasattr(aten, "_scaled_dot_product_flash_attention_for_cpu"):
        propias[aten._scaled_dot_product_flash_attention_for_cpu] = _atencion_cpu
        propias[aten._scaled_dot_product_flash_attention_for_cpu_backward] = _atencion_cpu_atras
    with FlopCounterMode(display=False, custom_mapping=propias) as contador:
        funcion()
    return int(contador.get_total_flops())


def utilizacion_flops(tokens_por_segundo: float, flops_por_token: float,
                      pico_flops_por_segundo: float) -> float:
    """Utilización de FLOPs del modelo (MFU, *model FLOPs utilization*), entre 0 y 1.

    ``MFU = (tokens/s · FLOPs por token) / pico``: la fracción del pico de la máquina que se
    dedica a la cuenta que el modelo necesita (Chowdhery et al., 2022). Si ``flops_por_token``
    no incluye recálculos (p. ej. los del *gradient checkpointing*), recalcular BAJA la MFU.

    Capítulo 5 (Preentrenamiento).
    """
    comprobar_positivo(tokens_por_segundo, "tokens_por_segundo")
    comprobar_positivo(flops_por_token, "flops_por_token")
    comprobar_positivo(pico_flops_por_segundo, "pico_flops_por_segundo")
    return tokens_por_segundo * flops_por_token / pico_flops_por_segundo


def memoria_activaciones(funcion, excluir=()) -> int:
    """Bytes de los tensores que autograd guarda al ejecutar ``funcion()`` (las activaciones).

    Registra ``torch.autograd.graph.saved_tensors_hooks``: cada vez que una operación guarda un
    tensor para la pasada hacia atrás, se anota su almacenamiento. Cada almacenamiento se cuenta
    una vez (varias capas pueden guardar el mismo tensor, p. ej. la entrada de las proyecciones
    q, k y v) y se omiten los de ``excluir`` (pasa ``modelo.parameters()``: los pesos también se
    «guardan», pero ya ocupan memoria de todos modos). ``funcion`` debe hacer la pasada hacia
    delante y devolver lo que haga falta; la memoria se libera cuando se suelta el grafo.

    Capítulo 5 (Preentrenamiento).
    """
    comprobar_funcion(funcion, "funcion")
    excluidos = {t.untyped_storage().data_ptr() for t in excluir if isinstance(t, torch.Tensor)}
    vistos: dict[int, int] = {}

    def empaquetar(tensor):
        almacenamiento = tensor.untyped_storage()
        puntero = almacenamiento.data_ptr()
        if puntero not in excluidos and puntero != 0:
            vistos[puntero] = max(vistos.get(puntero, 0), almacenamiento.nbytes())
        return tensor

    with torch.autograd.graph.saved_tensors_hooks(empaquetar, lambda tensor: tensor):
        resultado = funcion()
    del resultado
    return sum(vistos.values())


def medir_pasos(funcion, pasos: int = 3, calentamiento: int = 1) -> dict:
    """Cronometra ``pasos`` llamadas a ``funcion()`` tras ``calentamiento`` llamadas sin medir.

    Las primeras llamadas pagan costes únicos (reservar memoria, elegir algoritmos, crear el
    estado del optimizador): por eso se descartan. Devuelve ``{"segundos_por_paso": mediana,
    "minimo": ..., "segundos": [...]}``; la mediana resiste mejor a otros procesos del equipo.

    Capítulo 5 (Preentrenamiento).
    """
    comprobar_funcion(funcion, "funcion")
    comprobar_entero_positivo(pasos, "pasos")
    comprobar_entero(calentamiento, "calentamiento")
    for _ in range(calentamiento):
        funcion()
    segundos = []
    for _ in range(pasos):
        inicio = time.perf_counter()
        funcion()
        segundos.append(time.perf_counter() - inicio)
    return {"segundos_por_paso": statistics.median(segundos), "minimo": min(segundos),
            "segundos": segundos}
