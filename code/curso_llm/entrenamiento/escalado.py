"""Leyes de escalado: cuánto cómputo cuesta entrenar y cómo se ajusta una ley de potencia.

- :func:`estimar_flops`: operaciones de coma flotante (FLOPs) de un entrenamiento con la
  convención de Kaplan et al. (2020), ``C ≈ 6·N·D`` más el término de la atención.
- :func:`ajustar_ley_potencia`: ajuste de ``y = a·x^(-b)`` por mínimos cuadrados en escala
  log-log, con su R².
"""

from __future__ import annotations

import numpy as np

from ..comprobaciones import comprobar_arreglo, comprobar_entero, comprobar_entero_positivo

__all__ = ["ajustar_ley_potencia", "estimar_flops"]


def estimar_flops(n_capas: int, dim_embedding: int, n_tokens: int, long_secuencia: int,
                  incluir_atencion: bool = True) -> float:
    """FLOPs de entrenar un transformer de ``n_capas`` capas y anchura ``dim_embedding`` con
    ``n_tokens`` tokens de contexto ``long_secuencia`` (convención de Kaplan et al., 2020).

    - Parámetros sin embeddings: ``N = 12 · n_capas · dim_embedding²`` (por capa, 4·d² de la
      atención y 8·d² del MLP con dimensión interna 4·d).
    - Pasada hacia delante, por token: ``2·N`` (una multiplicación y una suma por parámetro)
      más ``2 · n_capas · long_secuencia · dim_embedding`` de la atención (las puntuaciones y
      la suma ponderada, con máscara causal: de media cada token mira medio contexto).
    - Entrenar cuesta 3 veces la pasada hacia delante (la hacia atrás cuesta el doble):
      ``C = 6·N·D + 6 · n_capas · long_secuencia · dim_embedding · D``, con ``D = n_tokens``.

    Con ``incluir_atencion=False`` devuelve solo ``6·N·D``. No cuenta los embeddings ni la
    capa de salida. Es el ejercicio 5.4.

    Capítulo 5 (Preentrenamiento).
    """
    comprobar_entero_positivo(n_capas, "n_capas")
    comprobar_entero_positivo(dim_embedding, "dim_embedding")
    comprobar_entero(n_tokens, "n_tokens")
    comprobar_entero_positivo(long_secuencia, "long_secuencia")
    if not isinstance(incluir_atencion, bool):
        raise TypeError(
            f"El argumento 'incluir_atencion' debe ser True o False; recibiste {incluir_atencion!r}."
        )
    parametros = 12 * n_capas * dim_embedding**2
    flops = 6 * parametros * n_tokens
    if incluir_atencion:
        flops += 6 * n_capas * long_secuencia * dim_embedding * n_tokens
    return float(flops)


def ajustar_ley_potencia(x, y) -> tuple[float, float, float]:
    """Ajusta ``y = a · x^(-b)`` por mínimos cuadrados en escala log-log.

    Como ``ln y = ln a - b · ln x`` es una recta en ``(ln x, ln y)``, se ajusta esa recta y se
    devuelve ``(a, b, r2)``: el prefactor ``a`` (en las unidades de ``y``), el exponente ``b``
    (positivo si ``y`` baja al crecer ``x``) y el R² de la recta en escala logarítmica.
    ``x`` e ``y`` son listas o arreglos de números positivos, de la misma longitud, con al
    menos dos valores distintos de ``x``; no se modifican. Es el ejercicio 5.5.

    Capítulo 5 (Preentrenamiento).
    """
    x = comprobar_arreglo(x, "x")
    y = comprobar_arreglo(y, "y")
    if x.ndim != 1 or x.shape != y.shape:
        raise ValueError(
            "'x' e 'y' deben ser dos listas (1-D) de la misma longitud, un valor de y por cada x; "
            f"recibí formas {x.shape} y {y.shape}."
        )
    if np.any(x <= 0) or np.any(y <= 0):
        raise ValueError(
            "'x' e 'y' deben ser positivos: una ley de potencia se ajusta con sus logaritmos."
        )
    if np.unique(x).size < 2 or np.unique(y).size < 2:
        raise ValueError(
            "Hacen falta al menos dos valores distintos de 'x' y de 'y' para ajustar una recta "
            "en escala log-log (y para que R² tenga sentido)."
        )
    log_x, log_y = np.log(x), np.log(y)
    pendiente, ordenada = np.polyfit(log_x, log_y, 1)
    residuos = log_y - (ordenada + pendiente * log_x)
    r2 = 1.0 - np.sum(residuos**2) / np.sum((log_y - log_y.mean()) ** 2)
    return float(np.exp(ordenada)), float(-pendiente), float(r2)


# ---------------------------------------------------------------------------------------
# La rejilla de entrenamientos del laboratorio (sección 5.3) y la ley de Hoffmann et al.
#
# - config_escalado: un miembro de la familia diminuta (anchura variable, el resto fijo).
# - parametros_sin_embeddings, flops_medidos: el N de Kaplan et al. (2020) y el cómputo real
#   de un paso, contado por torch.
# - entrenar_rejilla: entrena cada pareja (anchura, tokens) con preentrenar y mide su pérdida
#   de validación.
# - ajustar_chinchilla, optimo_chinchilla, frontera_optima: L(N, D) = E + A/N^α + B/D^β de
#   Hoffmann et al. (2022) y la frontera de cómputo óptimo.
# ---------------------------------------------------------------------------------------
import contextlib  # noqa: E402
import hashlib  # noqa: E402
import math  # noqa: E402
import time  # noqa: E402

import torch  # noqa: E402

from ..comprobaciones import comprobar_positivo, comprobar_probabilidad  # noqa: E402

__all__ += [
    "ajustar_chinchilla",
    "config_escalado",
    "entrenar_rejilla",
    "flops_medidos",
    "frontera_optima",
    "huella_bloques",
    "optimo_chinchilla",
    "parametros_sin_embeddings",
    "perdida_validacion",
]


def config_escalado(dim_embedding: int, n_capas: int = 2, tamano_vocabulario: int = 4096,
                    long_max: int = 128, dim_cabeza: int = 16):
    """``LlamaConfig`` de un miembro de la familia diminuta de las leyes de escalado.

    Solo cambia la anchura ``dim_embedding``; lo demás sigue reglas fijas, como en las
    familias de Kaplan et al. (2020) y Hoffmann et al. (2022): cabezas de ``dim_cabeza``
    dimensiones (``dim_embedding / dim_cabeza`` cabezas), red SwiGLU con dimensión intermedia
    ≈ 8/3 · ``dim_embedding`` (redondeada a un múltiplo de 8, como en Llama) y embeddings
    atados a la capa de salida.

    Capítulo 5 (Preentrenamiento).
    """
    from ..modelos import config_a_medida

    comprobar_entero_positivo(dim_embedding, "dim_embedding")
    comprobar_entero_positivo(n_capas, "n_capas")
    comprobar_entero_positivo(tamano_vocabulario, "tamano_vocabulario")
    comprobar_entero_positivo(long_max, "long_max")
    comprobar_entero_positivo(dim_cabeza, "dim_cabeza")
    if dim_embedding % dim_cabeza:
        raise ValueError(
            f"'dim_embedding' ({dim_embedding}) debe ser múltiplo de 'dim_cabeza' ({dim_cabeza}): "
            f"usa p. ej. {max(dim_cabeza, dim_embedding // dim_cabeza * dim_cabeza)}."
        )
    cabezas = dim_embedding // dim_cabeza
    intermedia = max(8, int(round(8 * dim_embedding / 3 / 8)) * 8)
    return config_a_medida(dim_embedding, intermedia, n_capas, cabezas, tamano_vocabulario,
                           long_max)


def parametros_sin_embeddings(modelo: torch.nn.Module) -> int:
    """Parámetros del modelo sin contar los embeddings de entrada (ni la capa de salida si no
    está atada a ellos): el ``N`` de Kaplan et al. (2020).

    Capítulo 5 (Preentrenamiento).
    """
    excluidos = set()
    for capa in (modelo.get_input_embeddings(), modelo.get_output_embeddings()):
        if capa is not None:
            excluidos.update(id(p) for p in capa.parameters())
    vistos = set()
    total = 0
    for p in modelo.parameters():  # .parameters() ya da una sola vez los pesos atados
        if id(p) not in excluidos and id(p) not in vistos:
            vistos.add(id(p))
            total += p.numel()
    return total


def flops_medidos(modelo: torch.nn.Module, tamano_lote: int, long_secuencia: int,
                  semilla: int = 0) -> float:
    """FLOPs de una pasada hacia delante y otra hacia atrás sobre un lote aleatorio de
    ``tamano_lote`` × ``long_secuencia`` tokens, contados por
    ``torch.utils.flop_counter.FlopCounterMode``: las multiplicaciones de matrices, también
    las de la atención (que se calcula aquí sin fusionar, con la matriz ``T × T`` completa
    antes de aplicar la máscara causal); no cuenta el optimizador ni las operaciones elemento
    a elemento.

    Los gradientes se calculan y se borran: el modelo queda como estaba.

    Capítulo 5 (Preentrenamiento).
    """
    from torch.utils.flop_counter import FlopCounterMode

    comprobar_entero_positivo(tamano_lote, "tamano_lote")
    comprobar_entero_positivo(long_secuencia, "long_secuencia")
    generador = torch.Generator().manual_seed(semilla)
    vocabulario = modelo.get_input_embeddings().num_embeddings
    dispositivo = next(modelo.parameters()).device
    ids = torch.randint(0, vocabulario, (tamano_lote, long_secuencia), generator=generador)
    ids = ids.to(dispositivo)
    estaba_entrenando = modelo.training
    # El contador no ve el núcleo de atención fusionado de la CPU (SDPA): con la atención
    # «eager» las puntuaciones y la suma ponderada son multiplicaciones de matrices visibles.
    implementacion = getattr(modelo.config, "_attn_implementation", None)
    if implementacion is not None:
        modelo.config._attn_implementation = "eager"
    modelo.train()
    contador = FlopCounterMode(display=False)
    try:
        with contador:
            modelo(input_ids=ids, labels=ids).loss.backward()
    finally:
        if implementacion is not None:
            modelo.config._attn_implementation = implementacion
        modelo.zero_grad(set_to_none=True)
        modelo.train(estaba_entrenando)
    return float(contador.get_total_flops())


@torch.no_grad()
def perdida_validacion(modelo: torch.nn.Module, bloques: torch.Tensor, tamano_lote: int = 32) -> float:
    """Pérdida media por token predicho (entropía cruzada, en nats) sobre ``bloques``, un
    tensor ``(n_bloques, long_secuencia)`` de ids como ``empaquetar(...).bloques``.

    Capítulo 5 (Preentrenamiento).
    """
    from ..evaluacion import perdida_bloques

    return perdida_bloques(modelo, bloques, tamano_lote)


def huella_bloques(bloques: torch.Tensor) -> str:
    """Huella sha256 (16 dígitos hexadecimales) de un tensor de ids: identifica los datos de
    un experimento en la configuración de la caché (otro corpus u otro tokenizador dan otra
    huella).

    Capítulo 5 (Preentrenamiento).
    """
    if not isinstance(bloques, torch.Tensor):
        raise TypeError(
            f"'bloques' debe ser un tensor de ids (empaquetar(...).bloques), no {type(bloques).__name__}."
        )
    datos = bloques.detach().cpu().contiguous().to(torch.int64).numpy()
    h = hashlib.sha256(str(tuple(datos.shape)).encode())
    h.update(datos.tobytes())
    return h.hexdigest()[:16]


@contextlib.contextmanager
def _sin_barra_del_trainer():
    """Quita la barra de progreso (o la tabla de cuaderno) de cada ``Trainer`` del bloque: la
    rejilla muestra una sola barra con todos sus entrenamientos."""
    import transformers.trainer as modulo
    from transformers import TrainerCallback

    if not hasattr(modulo, "DEFAULT_PROGRESS_CALLBACK"):  # otra versión: se ven las barras
        yield
        return

    class _Silencio(TrainerCallback):
        pass

    anterior = modulo.DEFAULT_PROGRESS_CALLBACK
    modulo.DEFAULT_PROGRESS_CALLBACK = _Silencio
    try:
        yield
    finally:
        modulo.DEFAULT_PROGRESS_CALLBACK = anterior


def entrenar_rejilla(anchuras, presupuestos, tokenizador, bloques_entrenamiento: torch.Tensor,
                     bloques_validacion: torch.Tensor, *, n_capas: int = 2, dim_cabeza: int = 16,
                     tamano_lote: int = 8, tasa_aprendizaje: float = 1e-2,
                     tasa_minima: float = 0.1, fraccion_calentamiento: float = 0.1,
                     semilla: int = 0, perfil: str = "cpu", barra: bool = True) -> list[dict]:
    """Entrena un modelo nuevo por cada pareja (anchura, presupuesto de tokens) y mide su
    pérdida de validación final.

    Cada entrenamiento usa :func:`curso_llm.entrenamiento.preentrenar` con su propio
    programa de la tasa de aprendizaje, ajustado a su duración (calentamiento lineal de
    ``fraccion_calentamiento`` de los pasos y coseno hasta ``tasa_minima`` × la tasa máxima),
    como en Hoffmann et al. (2022): cortar un entrenamiento largo a medias no da la pérdida de
    uno corto bien planificado. Los bloques se recorren en orden aleatorio (con ``semilla``)
    sin repetirse mientras quepan en ``bloques_entrenamiento``.

    Args:
        anchuras: dimensiones ocultas de la familia (ver :func:`config_escalado`).
        presupuestos: tokens de entrenamiento de cada entrenamiento (se redondean hacia abajo a
            un número entero de lotes de ``tamano_lote`` × ``long_secuencia``).
        tokenizador: el tokenizador de los bloques.
        bloques_entrenamiento, bloques_validacion: tensores ``(n, long_secuencia)`` de
            ``empaquetar``.
        barra: una barra de progreso (``tqdm``) sobre toda la rejilla.

    Returns:
        Una lista con un diccionario por entrenamiento: ``dim_embedding``, ``parametros``
        (totales, con los embeddings atados contados una vez), ``parametros_sin_embeddings``,
        ``tokens``, ``pasos``, ``perdida_validacion``, ``perdida_entrenamiento`` (la última
        registrada), ``flops_6nd`` (``6 · parámetros · tokens``) y ``segundos``.

    Capítulo 5 (Preentrenamiento).
    """
    import logging
    import warnings

    with warnings.catch_warnings():  # sin ipywidgets, tqdm.auto avisa y usa la barra de texto
        warnings.simplefilter("ignore")
        from tqdm.auto import tqdm

    from ..modelos import contar_parametros, crear_modelo
    from .preentrenamiento import preentrenar

    anchuras = [comprobar_entero_positivo(a, "anchuras") for a in anchuras]
    presupuestos = [comprobar_entero_positivo(p, "presupuestos") for p in presupuestos]
    if not anchuras or not presupuestos:
        raise ValueError("'anchuras' y 'presupuestos' deben tener al menos un valor cada uno.")
    comprobar_entero_positivo(tamano_lote, "tamano_lote")
    comprobar_positivo(tasa_aprendizaje, "tasa_aprendizaje", ejemplo="1e-2")
    comprobar_probabilidad(tasa_minima, "tasa_minima")
    comprobar_probabilidad(fraccion_calentamiento, "fraccion_calentamiento")
    long_secuencia = int(bloques_entrenamiento.shape[1])
    tokens_por_paso = tamano_lote * long_secuencia
    disponibles = int(bloques_entrenamiento.numel())
    for presupuesto in presupuestos:
        if presupuesto < tokens_por_paso:
            raise ValueError(
                f"El presupuesto {presupuesto} no llega a un lote ({tamano_lote} × "
                f"{long_secuencia} = {tokens_por_paso} tokens): usa presupuestos mayores."
            )
    from ..datos.empaquetado import BloquesEmpaquetados

    # transformers carga bitsandbytes y este avisa de unos núcleos de 4 bits que aquí no se usan.
    logging.getLogger("bitsandbytes").setLevel(logging.ERROR)
    resultados = []
    trabajos = [(a, p) for a in anchuras for p in presupuestos]
    progreso = tqdm(trabajos, desc="Rejilla de escalado", unit="entrenamiento", disable=not barra)
    with _sin_barra_del_trainer():
        for anchura, presupuesto in progreso:
            progreso.set_postfix_str(f"d={anchura}, D={presupuesto}")
            pasos = presupuesto // tokens_por_paso
            tokens = pasos * tokens_por_paso
            # Datos: los bloques necesarios en un orden fijado por la semilla (una época si caben).
            generador = torch.Generator().manual_seed(semilla)
            orden = torch.randperm(len(bloques_entrenamiento), generator=generador)
            repeticiones = math.ceil(pasos * tamano_lote / len(orden))
            indices = orden.repeat(repeticiones)[: pasos * tamano_lote]
            datos = BloquesEmpaquetados(bloques_entrenamiento[indices])
            config = config_escalado(anchura, n_capas=n_capas,
                                     tamano_vocabulario=len(tokenizador),
                                     long_max=long_secuencia, dim_cabeza=dim_cabeza)
            modelo = crear_modelo(config, semilla=semilla)
            inicio = time.perf_counter()
            resultado = preentrenar(
                modelo, tokenizador, datos, pasos=pasos, tamano_lote=tamano_lote,
                long_secuencia=long_secuencia, tasa_aprendizaje=tasa_aprendizaje, perfil=perfil,
                semilla=semilla, registro_cada=max(1, pasos // 10),
                calentamiento=max(1, round(fraccion_calentamiento * pasos)),
                tasa_minima=tasa_minima)
            parametros = contar_parametros(modelo)
            resultados.append({
                "dim_embedding": anchura,
                "parametros": parametros,
                "parametros_sin_embeddings": parametros_sin_embeddings(modelo),
                "tokens": tokens,
                "pasos": pasos,
                "repite_datos": tokens > disponibles,
                "perdida_validacion": perdida_validacion(modelo, bloques_validacion),
                "perdida_entrenamiento": float(resultado["perdida_final"]),
                "flops_6nd": 6.0 * parametros * tokens,
                "segundos": time.perf_counter() - inicio,
            })
    return resultados


def _r2(y, prediccion) -> float:
    return float(1.0 - np.sum((y - prediccion) ** 2) / np.sum((y - y.mean()) ** 2))


def ajustar_chinchilla(parametros, tokens, perdidas, semilla: int = 0) -> dict:
    """Ajusta la ley paramétrica de Hoffmann et al. (2022), ``L(N, D) = E + A/N^α + B/D^β``.

    Como en el artículo, el ajuste es en escala logarítmica (minimiza la diferencia entre
    ``log L`` medido y predicho, con la pérdida de Huber, δ = 10⁻³) con
    ``scipy.optimize.minimize`` (L-BFGS-B) desde una rejilla de puntos de partida, y se queda
    con el mejor. Los exponentes se limitan a [0, 2] y ``E`` a ≥ 0.

    Returns:
        ``{"E", "A", "alfa", "B", "beta", "r2"}``; ``r2`` es el R² de ``log L``.

    Capítulo 5 (Preentrenamiento).
    """
    from scipy.optimize import minimize

    n = comprobar_arreglo(parametros, "parametros")
    d = comprobar_arreglo(tokens, "tokens")
    perdida = comprobar_arreglo(perdidas, "perdidas")
    if n.ndim != 1 or n.shape != d.shape or n.shape != perdida.shape:
        raise ValueError(
            "'parametros', 'tokens' y 'perdidas' deben ser listas (1-D) de la misma longitud, "
            f"una por entrenamiento; recibí formas {n.shape}, {d.shape} y {perdida.shape}."
        )
    if np.any(n <= 0) or np.any(d <= 0) or np.any(perdida <= 0):
        raise ValueError("'parametros', 'tokens' y 'perdidas' deben ser positivos.")
    if len(n) < 5 or np.unique(n).size < 2 or np.unique(d).size < 2:
        raise ValueError(
            "La ley tiene 5 parámetros: hacen falta al menos 5 entrenamientos, con al menos dos "
            "tamaños y dos presupuestos de tokens distintos."
        )
    log_n, log_d, log_l = np.log(n), np.log(d), np.log(perdida)

    def prediccion(theta):  # theta = (log A, log B, log E, α, β)
        a, b, e, alfa, beta = theta
        return np.logaddexp.reduce([a - alfa * log_n, b - beta * log_d,
                                    np.full_like(log_n, e)], axis=0)

    def objetivo(theta):
        r = prediccion(theta) - log_l
        delta = 1e-3
        return float(np.sum(np.where(np.abs(r) <= delta, 0.5 * r**2,
                                     delta * (np.abs(r) - 0.5 * delta))))

    mejor = None
    limites = [(-10, 40), (-10, 40), (-10, math.log(perdida.min())), (0, 2), (0, 2)]
    for alfa0 in (0.1, 0.5, 1.0):
        for beta0 in (0.1, 0.5, 1.0):
            for e0 in (-2.0, 0.0):
                for a0 in (0.0, 5.0, 10.0):
                    inicio = np.array([a0, a0, min(e0, limites[2][1] - 0.1), alfa0, beta0])
                    r = minimize(objetivo, inicio, method="L-BFGS-B", bounds=limites)
                    if mejor is None or r.fun < mejor.fun:
                        mejor = r
    a, b, e, alfa, beta = mejor.x
    return {"E": float(math.exp(e)), "A": float(math.exp(a)), "alfa": float(alfa),
            "B": float(math.exp(b)), "beta": float(beta),
            "r2": _r2(log_l, prediccion(mejor.x))}


def optimo_chinchilla(ajuste: dict, computo) -> tuple[np.ndarray, np.ndarray]:
    """Tamaño ``N`` y tokens ``D`` que minimizan ``L(N, D)`` del ``ajuste`` con el cómputo
    ``C = 6·N·D`` fijo (Hoffmann et al., 2022, ec. 4): ``N_opt = G · (C/6)^a`` y
    ``D_opt = (C/6) / N_opt``, con ``a = β/(α+β)`` y ``G = (αA/(βB))^(1/(α+β))``.

    Capítulo 5 (Preentrenamiento).
    """
    c = comprobar_arreglo(computo, "computo")
    if np.any(c <= 0):
        raise ValueError("'computo' debe ser positivo (FLOPs).")
    faltan = {"A", "alfa", "B", "beta"} - set(ajuste)
    if faltan:
        raise ValueError(f"'ajuste' debe ser el resultado de ajustar_chinchilla; le faltan {faltan}.")
    alfa, beta = ajuste["alfa"], ajuste["beta"]
    if alfa <= 0 or beta <= 0:
        raise ValueError(
            f"El ajuste tiene α = {alfa:.3g} y β = {beta:.3g}: con un exponente 0 no hay un "
            "óptimo finito (un término no baja al crecer N o D)."
        )
    g = (alfa * ajuste["A"] / (beta * ajuste["B"])) ** (1 / (alfa + beta))
    n_opt = g * (c / 6) ** (beta / (alfa + beta))
    return n_opt, (c / 6) / n_opt


def frontera_optima(computo, perdidas) -> list[int]:
    """Índices de los entrenamientos en la frontera de cómputo óptimo: ordenados por cómputo,
    los que bajan la mejor pérdida conseguida con ese cómputo o menos.

    Capítulo 5 (Preentrenamiento).
    """
    c = comprobar_arreglo(computo, "computo")
    perdida = comprobar_arreglo(perdidas, "perdidas")
    if c.ndim != 1 or c.shape != perdida.shape:
        raise ValueError(
            "'computo' y 'perdidas' deben ser listas (1-D) de la misma longitud; recibí formas "
            f"{c.shape} y {perdida.shape}."
        )
    frontera, mejor = [], math.inf
    for i in np.lexsort((perdida, c)):  # por cómputo y, a igual cómputo, por pérdida
        if perdida[i] < mejor:
            frontera.append(int(i))
            mejor = perdida[i]
    return frontera
