r"""LoRA (adaptación de rango bajo) escrito desde cero y comparado con peft.

En lugar de ajustar una matriz de pesos :math:`W \in \mathbb{R}^{d_{sal} \times d_{ent}}`,
LoRA la congela y aprende una corrección de rango ``r`` (Hu et al., 2021):

.. math::  h = W x + \frac{\alpha}{r} B A x,
   \quad A \in \mathbb{R}^{r \times d_{ent}},\; B \in \mathbb{R}^{d_{sal} \times r}.

``A`` empieza aleatoria y ``B`` a ceros, así que al principio el modelo es exactamente el
original. Solo ``A`` y ``B`` se entrenan: :math:`r (d_{ent} + d_{sal})` parámetros por capa en
lugar de :math:`d_{ent} d_{sal}`. Al terminar, la corrección se suma a ``W`` y el modelo vuelve
a tener la forma y la velocidad del original.

:func:`comparar_con_peft` comprueba que esta implementación da los mismos logits, el mismo
número de parámetros entrenables y los mismos gradientes que la de peft con los mismos pesos.
"""

from __future__ import annotations

import copy
import math
import warnings

import torch
from torch import nn
from torch.nn import functional as F

from .comprobaciones import (
    comprobar_entero_positivo,
    comprobar_positivo,
    comprobar_probabilidad,
    comprobar_tensor,
)

# Los módulos que peft adapta por defecto en los modelos Llama (y el modelo base del curso).
MODULOS_POR_DEFECTO = ("q_proj", "v_proj")


class CapaLoRA(nn.Module):
    r"""Una capa ``nn.Linear`` congelada más una corrección de rango bajo entrenable.

    .. math::  y = W x + b + \frac{\alpha}{r} B A\, \mathrm{dropout}(x)

    ``A`` (forma ``(rango, d_ent)``) se inicializa como en peft y en ``nn.Linear``
    (Kaiming uniforme con ``a = √5``) y ``B`` (forma ``(d_sal, rango)``) a ceros, de modo que
    la capa recién creada calcula exactamente lo mismo que ``base``. ``dropout`` (entre 0 y 1)
    se aplica solo a la entrada de la rama LoRA, como en peft.

    Args:
        base: la capa lineal que se adapta; sus parámetros quedan congelados.
        rango: el rango ``r`` de la corrección (p. ej. 8).
        alfa: ``α``; la corrección se multiplica por ``escala = alfa / rango``.
        dropout: probabilidad de dropout en la rama LoRA (0 la desactiva).

    Capítulo 7 (SFT).
    """

    def __init__(self, base: nn.Linear, rango: int, alfa: float, dropout: float = 0.0):
        super().__init__()
        if not isinstance(base, nn.Linear):
            raise TypeError(
                f"CapaLoRA envuelve una capa nn.Linear; recibiste {type(base).__name__}. "
                "Elige en 'modulos' solo capas lineales (p. ej. 'q_proj', 'v_proj')."
            )
        self.rango = comprobar_entero_positivo(rango, "rango")
        self.alfa = comprobar_positivo(alfa, "alfa", ejemplo="16")
        self.escala = self.alfa / self.rango
        self.base = base
        for parametro in base.parameters():
            parametro.requires_grad_(False)
        opciones = {"device": base.weight.device, "dtype": base.weight.dtype}
        self.A = nn.Parameter(torch.empty(self.rango, base.in_features, **opciones))
        self.B = nn.Parameter(torch.zeros(base.out_features, self.rango, **opciones))
        nn.init.kaiming_uniform_(self.A, a=math.sqrt(5))
        dropout = comprobar_probabilidad(dropout, "dropout")
        self.dropout = nn.Dropout(dropout) if dropout > 0 else nn.Identity()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # Mismo orden de operaciones que peft: B(A(dropout(x))) * escala.
        return self.base(x) + F.linear(F.linear(self.dropout(x), self.A), self.B) * self.escala

    def extra_repr(self) -> str:
        return f"rango={self.rango}, alfa={self.alfa:g}, escala={self.escala:g}"


def aplicar_lora(modelo: nn.Module, rango: int = 8, alfa: float = 16,
                 modulos=MODULOS_POR_DEFECTO, dropout: float = 0.0) -> nn.Module:
    r"""Congela todo ``modelo`` y sustituye sus capas lineales ``modulos`` por :class:`CapaLoRA`.

    Una capa se elige si la última parte de su nombre está en ``modulos`` (como
    ``target_modules`` en peft: ``"q_proj"`` elige ``model.layers.0.self_attn.q_proj``).
    Cada capa elegida pasa a calcular :math:`W x + \frac{\alpha}{r} B A x` con solo ``A`` y
    ``B`` entrenables. Modifica ``modelo`` en su sitio y lo devuelve.

    Raises:
        ValueError: si ``modulos`` no elige ninguna capa o el modelo ya tiene LoRA.
        TypeError: si una capa elegida no es ``nn.Linear``.

    Capítulo 7 (SFT).
    """
    if isinstance(modulos, str):
        modulos = (modulos,)
    modulos = tuple(modulos)
    if not modulos or not all(isinstance(m, str) and m for m in modulos):
        raise ValueError(
            "'modulos' debe ser una lista de nombres de capas, p. ej. ('q_proj', 'v_proj'); "
            f"recibiste {modulos!r}."
        )
    if any(isinstance(m, CapaLoRA) for m in modelo.modules()):
        raise ValueError(
            "El modelo ya tiene capas LoRA: fusiónalas con fusionar_lora(modelo) o parte de "
            "una copia del modelo original antes de volver a llamar a aplicar_lora."
        )
    elegidas = [(nombre, capa) for nombre, capa in modelo.named_modules()
                if nombre and nombre.rsplit(".", 1)[-1] in modulos]
    if not elegidas:
        lineales = sorted({n.rsplit(".", 1)[-1] for n, c in modelo.named_modules()
                           if isinstance(c, nn.Linear)})
        raise ValueError(
            f"Ninguna capa del modelo se llama {', '.join(modulos)}. Las capas lineales del "
            f"modelo se llaman: {', '.join(lineales) or '(ninguna)'}."
        )
    for parametro in modelo.parameters():
        parametro.requires_grad_(False)
    for nombre, capa in elegidas:
        if not isinstance(capa, nn.Linear):
            raise TypeError(
                f"La capa '{nombre}' es {type(capa).__name__}, no nn.Linear: quítala de "
                "'modulos' (LoRA de este módulo solo adapta capas lineales)."
            )
        padre_nombre, _, hijo = nombre.rpartition(".")
        padre = modelo.get_submodule(padre_nombre) if padre_nombre else modelo
        setattr(padre, hijo, CapaLoRA(capa, rango, alfa, dropout))
    return modelo


@torch.no_grad()
def fusionar_lora(modelo: nn.Module) -> nn.Module:
    r"""Suma cada corrección a su matriz, :math:`W \leftarrow W + \frac{\alpha}{r} B A`, y
    devuelve cada :class:`CapaLoRA` a su ``nn.Linear`` original.

    El modelo fusionado calcula lo mismo (salvo redondeo de float32) sin el coste de la rama
    LoRA. Modifica ``modelo`` en su sitio y lo devuelve; los pesos siguen congelados, como los
    dejó :func:`aplicar_lora`.

    Raises:
        ValueError: si el modelo no tiene ninguna capa LoRA.

    Capítulo 7 (SFT).
    """
    capas = [(n, c) for n, c in modelo.named_modules() if isinstance(c, CapaLoRA)]
    if not capas:
        raise ValueError("El modelo no tiene capas LoRA que fusionar: aplica antes aplicar_lora.")
    for nombre, capa in capas:
        capa.base.weight += (capa.B @ capa.A) * capa.escala
        padre_nombre, _, hijo = nombre.rpartition(".")
        padre = modelo.get_submodule(padre_nombre) if padre_nombre else modelo
        setattr(padre, hijo, capa.base)
    return modelo


def contar_entrenables(modelo: nn.Module) -> int:
    r"""Número de parámetros con ``requires_grad`` (cada tensor compartido, una sola vez).

    Con LoRA en ``n`` capas de :math:`d_{ent} \to d_{sal}` son :math:`n\, r (d_{ent} + d_{sal})`.

    Capítulo 7 (SFT).
    """
    return sum(p.numel() for p in modelo.parameters() if p.requires_grad)


def _comprobar_adaptador(W, A, B) -> None:
    """Formas compatibles de ``W (salida, entrada)``, ``A (r, entrada)`` y ``B (salida, r)``."""
    comprobar_tensor(W, "W", dims=2, real=True)
    comprobar_tensor(A, "A", dims=2, real=True)
    comprobar_tensor(B, "B", dims=2, real=True)
    salida, entrada = W.shape
    if A.shape[1] != entrada or B.shape[0] != salida or B.shape[1] != A.shape[0]:
        raise ValueError(
            f"Formas incompatibles: W {tuple(W.shape)} es (salida, entrada), así que A debe ser "
            f"(r, {entrada}) y B ({salida}, r) con el mismo r; recibiste A {tuple(A.shape)} y "
            f"B {tuple(B.shape)}. ¿Intercambiaste A y B?"
        )
    if A.shape[0] < 1:
        raise ValueError("El rango r (filas de A) debe ser al menos 1; A no tiene filas.")


def salida_lora(x: torch.Tensor, W: torch.Tensor, b: torch.Tensor | None, A: torch.Tensor,
                B: torch.Tensor, alfa: float) -> torch.Tensor:
    r"""La salida de una capa lineal con LoRA: :math:`y = x W^\top + b + \frac{\alpha}{r}\,
    x A^\top B^\top`.

    ``W`` tiene forma ``(salida, entrada)``, ``b`` ``(salida,)`` o es ``None`` (sin sesgo),
    ``A`` ``(r, entrada)`` y ``B`` ``(salida, r)``; el rango ``r`` es el número de filas de
    ``A``. ``x`` tiene forma ``(..., entrada)``, con cualquier número de dimensiones de lote, y
    la salida ``(..., salida)`` en el tipo de ``x``. No modifica ninguna entrada. Es lo que
    calcula :class:`CapaLoRA` (sin dropout), escrito con los tensores sueltos.

    Raises:
        ValueError: si las formas no encajan o ``alfa`` no es positivo.

    Capítulo 7 (SFT).
    """
    _comprobar_adaptador(W, A, B)
    comprobar_tensor(x, "x", dims_min=1, real=True)
    comprobar_tensor(b, "b", dims=1, real=True, opcional=True)
    alfa = comprobar_positivo(alfa, "alfa", ejemplo="16")
    if x.shape[-1] != W.shape[1]:
        raise ValueError(
            f"La última dimensión de x ({x.shape[-1]}) debe ser la entrada de W "
            f"({W.shape[1]}): W tiene forma (salida, entrada) = {tuple(W.shape)}."
        )
    if b is not None and b.shape[0] != W.shape[0]:
        raise ValueError(
            f"El sesgo b debe tener forma ({W.shape[0]},), la salida de W; tiene {tuple(b.shape)}."
        )
    escala = alfa / A.shape[0]
    # Mismo orden de operaciones que CapaLoRA: primero A (baja a r), luego B (sube a salida).
    return F.linear(x, W, b) + F.linear(F.linear(x, A), B) * escala


def parametros_lora(formas, rango: int) -> int:
    r"""Parámetros entrenables de LoRA de rango ``rango`` sobre capas lineales de ``formas``.

    ``formas`` es un iterable (lista, tupla, generador...) de pares ``(salida, entrada)``, la
    forma de cada ``W``. Cada capa añade ``A (rango, entrada)`` y ``B (salida, rango)``:
    :math:`\sum r\,(d_{ent} + d_{sal})`. El sesgo queda congelado y no cuenta. Sin capas,
    0. Coincide con :func:`contar_entrenables` tras :func:`aplicar_lora`.

    Raises:
        ValueError: si ``rango`` no es un entero positivo o una forma no es un par de enteros
            positivos.

    Capítulo 7 (SFT).
    """
    rango = comprobar_entero_positivo(rango, "rango")
    formas = [tuple(f) for f in formas]
    for forma in formas:
        if len(forma) != 2:
            raise ValueError(
                f"Cada forma debe ser un par (salida, entrada); recibiste {forma!r}."
            )
        for d in forma:
            comprobar_entero_positivo(d, "formas")
    return sum(rango * (int(entrada) + int(salida)) for salida, entrada in formas)


def fusionar_pesos(W: torch.Tensor, A: torch.Tensor, B: torch.Tensor,
                   alfa: float) -> torch.Tensor:
    r"""El peso fusionado :math:`W' = W + \frac{\alpha}{r} B A`, un tensor nuevo.

    ``W`` tiene forma ``(salida, entrada)``, ``A`` ``(r, entrada)`` y ``B`` ``(salida, r)``;
    ``r`` es el número de filas de ``A``. El resultado tiene la forma y el tipo de ``W``, y
    una lineal con ese peso calcula lo mismo que :func:`salida_lora`. No modifica ``W`` (a
    diferencia de :func:`fusionar_lora`, que fusiona el modelo en su sitio).

    Raises:
        ValueError: si las formas no encajan o ``alfa`` no es positivo.

    Capítulo 7 (SFT).
    """
    _comprobar_adaptador(W, A, B)
    alfa = comprobar_positivo(alfa, "alfa", ejemplo="16")
    return W + (B @ A) * (alfa / A.shape[0])


def _capas_peft(modelo_peft) -> dict[str, nn.Module]:
    """``{nombre sin prefijos de peft: capa lora.Linear}``."""
    from peft.tuners.lora import Linear as LinealPeft

    return {n.removeprefix("base_model.model."): c for n, c in modelo_peft.named_modules()
            if isinstance(c, LinealPeft)}


def comparar_con_peft(rango: int = 8, alfa: float = 16, modulos=MODULOS_POR_DEFECTO,
                      semilla: int = 0, long_secuencia: int = 32, tamano_lote: int = 2,
                      modelo: nn.Module | None = None) -> dict:
    r"""Compara :func:`aplicar_lora` con peft sobre los mismos pesos y devuelve las diferencias.

    Parte del modelo base del curso (o de una copia de ``modelo``), le aplica nuestro LoRA y
    el de peft (``LoraConfig(r=rango, lora_alpha=alfa, target_modules=modulos,
    lora_dropout=0)``), copia en nuestras capas los ``A`` de peft y pone en ambas el mismo ``B``
    aleatorio (con ``B = 0`` la corrección sería nula y la comparación, trivial). Con un lote
    de ids aleatorios mide:

    - ``entrenables`` y ``entrenables_peft``: parámetros entrenables de cada versión;
    - ``dif_logits``: :math:`\max |\Delta \mathrm{logits}|` entre las dos versiones sin fusionar;
    - ``efecto_lora``: :math:`\max |\Delta \mathrm{logits}|` frente al modelo sin LoRA (que
      ``B`` no sea nulo);
    - ``dif_grad_A`` y ``dif_grad_B``: máximo de :math:`|\Delta \nabla|` de ``A`` y ``B`` en
      todas las capas tras ``loss.backward()`` con ``labels = input_ids``, y ``grad_max`` (el
      mayor :math:`|\nabla|`, para saber respecto a qué medir);
    - ``dif_fusion``: nuestro modelo fusionado (:func:`fusionar_lora`) frente al sin fusionar;
    - ``dif_fusion_peft``: nuestro modelo fusionado frente a ``merge_and_unload()`` de peft.

    Capítulo 7 (SFT).
    """
    from peft import LoraConfig, get_peft_model

    if modelo is None:
        from .modelos import modelo_base

        modelo = modelo_base()
    modulos = (modulos,) if isinstance(modulos, str) else tuple(modulos)
    generador = torch.Generator().manual_seed(semilla)
    original = copy.deepcopy(modelo).eval()
    vocabulario = original.get_input_embeddings().num_embeddings
    ids = torch.randint(0, vocabulario, (tamano_lote, long_secuencia), generator=generador)
    with torch.no_grad():
        logits_original = original(input_ids=ids).logits

    torch.manual_seed(semilla)
    nuestro = aplicar_lora(copy.deepcopy(original), rango, alfa, modulos).eval()
    config = LoraConfig(r=rango, lora_alpha=alfa, target_modules=list(modulos), lora_dropout=0.0)
    with warnings.catch_warnings():  # avisos internos de transformers sobre peft, no de tu código
        warnings.simplefilter("ignore", FutureWarning)
        con_peft = get_peft_model(copy.deepcopy(original), config).eval()

    capas_peft = _capas_peft(con_peft)
    capas_nuestras = {n: c for n, c in nuestro.named_modules() if isinstance(c, CapaLoRA)}
    if set(capas_peft) != set(capas_nuestras):
        raise RuntimeError(
            "peft y aplicar_lora eligieron capas distintas: "
            f"{sorted(set(capas_peft) ^ set(capas_nuestras))}."
        )
    with torch.no_grad():
        for nombre, capa in capas_nuestras.items():
            de_peft = capas_peft[nombre]
            capa.A.copy_(de_peft.lora_A["default"].weight)
            B = torch.randn(capa.B.shape, generator=generador) * 0.1
            capa.B.copy_(B)
            de_peft.lora_B["default"].weight.copy_(B)

    salida = nuestro(input_ids=ids, labels=ids)
    salida_peft = con_peft(input_ids=ids, labels=ids)
    salida.loss.backward()
    salida_peft.loss.backward()
    dif_grad_A = dif_grad_B = grad_max = 0.0
    for nombre, capa in capas_nuestras.items():
        de_peft = capas_peft[nombre]
        dif_grad_A = max(dif_grad_A, (capa.A.grad - de_peft.lora_A["default"].weight.grad)
                         .abs().max().item())
        dif_grad_B = max(dif_grad_B, (capa.B.grad - de_peft.lora_B["default"].weight.grad)
                         .abs().max().item())
        grad_max = max(grad_max, capa.A.grad.abs().max().item(), capa.B.grad.abs().max().item())

    logits = salida.logits.detach()
    entrenables = contar_entrenables(nuestro)
    entrenables_peft = con_peft.get_nb_trainable_parameters()[0]
    with torch.no_grad():
        fusionado = fusionar_lora(nuestro)
        logits_fusion = fusionado(input_ids=ids).logits
        logits_fusion_peft = con_peft.merge_and_unload()(input_ids=ids).logits
    return {
        "entrenables": entrenables,
        "entrenables_peft": entrenables_peft,
        "dif_logits": (logits - salida_peft.logits.detach()).abs().max().item(),
        "efecto_lora": (logits - logits_original).abs().max().item(),
        "dif_grad_A": dif_grad_A,
        "dif_grad_B": dif_grad_B,
        "grad_max": grad_max,
        "dif_fusion": (logits_fusion - logits).abs().max().item(),
        "dif_fusion_peft": (logits_fusion - logits_fusion_peft).abs().max().item(),
    }
