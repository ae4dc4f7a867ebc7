"""Arquitectura de un LLM escrita para aprender: atención, máscara causal, RoPE, RMSNorm,
bloque transformer y un mini GPT con la misma estructura que Llama.

Todo está escrito con operaciones básicas de PyTorch para que se vea cada paso; las pruebas
(``tests/test_arquitectura.py``) comparan cada pieza con su equivalente en PyTorch
(``scaled_dot_product_attention``) y en transformers (capas de Llama).

Convenciones de formas:

- ``B``: tamaño del lote, ``T``: longitud de la secuencia, ``D``: dimensión del modelo,
  ``H``: número de cabezas, ``Dh = D / H``: dimensión de cada cabeza, ``V``: vocabulario.
- Las máscaras son booleanas: ``True`` significa «esta consulta puede atender a esta clave».
"""

from __future__ import annotations

import math

import torch
from torch import nn
from torch.nn import functional as F

from .comprobaciones import comprobar_entero_positivo, comprobar_tensor

# ---------------------------------------------------------------------------
# Atención
# ---------------------------------------------------------------------------


def mascara_causal(n: int, dispositivo: torch.device | str | None = None) -> torch.Tensor:
    """Máscara causal booleana de forma ``(n, n)``: ``True`` donde la posición ``i`` puede
    atender a la posición ``j``, es decir, cuando ``j <= i`` (incluida la diagonal).

    Capítulo 4 (Arquitectura).
    """
    comprobar_entero_positivo(n, "n")
    return torch.ones(n, n, dtype=torch.bool, device=dispositivo).tril()


def atencion_escalada(
    q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, mascara: torch.Tensor | None = None
) -> tuple[torch.Tensor, torch.Tensor]:
    """Atención de producto escalar escalada (Vaswani et al., 2017):

    .. math:: \\mathrm{Atención}(Q, K, V) = \\mathrm{softmax}\\left(\\frac{Q K^\\top}{\\sqrt{d}}\\right) V

    - ``q``: ``(..., Tq, d)``, ``k``: ``(..., Tk, d)``, ``v``: ``(..., Tk, dv)``; las
      dimensiones iniciales (lote, cabezas...) pueden ser cualesquiera compatibles.
    - ``mascara``: booleana, difundible a ``(..., Tq, Tk)``; ``True`` = se puede atender.
      Las posiciones con ``False`` reciben peso 0.

    Devuelve ``(salida, pesos)``: ``salida`` de forma ``(..., Tq, dv)`` y ``pesos`` de forma
    ``(..., Tq, Tk)`` (cada fila suma 1).

    Capítulo 4 (Arquitectura).
    """
    comprobar_tensor(q, "q", dims_min=2)
    comprobar_tensor(k, "k", dims_min=2)
    comprobar_tensor(v, "v", dims_min=2)
    comprobar_tensor(mascara, "mascara", booleano=True, opcional=True)
    if q.shape[-1] != k.shape[-1]:
        raise ValueError(
            f"q y k deben tener la misma última dimensión d; q tiene {q.shape[-1]} y k {k.shape[-1]}."
        )
    if k.shape[-2] != v.shape[-2]:
        raise ValueError(
            f"k y v deben tener el mismo número de posiciones; k tiene {k.shape[-2]} y v {v.shape[-2]}."
        )
    d = q.shape[-1]
    puntuaciones = q @ k.transpose(-2, -1) / math.sqrt(d)  # (..., Tq, Tk)
    if mascara is not None:  # True = se puede atender
        puntuaciones = puntuaciones.masked_fill(~mascara, float("-inf"))
    pesos = torch.softmax(puntuaciones, dim=-1)  # cada fila (una consulta) suma 1
    return pesos @ v, pesos


def dividir_cabezas(x: torch.Tensor, n_cabezas: int) -> torch.Tensor:
    """``(B, T, D)`` → ``(B, H, T, D/H)``: cada cabeza recibe un trozo contiguo de ``D``.

    Capítulo 4 (Arquitectura).
    """
    comprobar_tensor(x, "x", dims=3)
    comprobar_entero_positivo(n_cabezas, "n_cabezas")
    b, t, d = x.shape
    if d % n_cabezas:
        raise ValueError(
            f"La dimensión D={d} no es divisible entre n_cabezas={n_cabezas}: elige un número de "
            "cabezas que divida a D."
        )
    return x.view(b, t, n_cabezas, d // n_cabezas).transpose(1, 2)


def unir_cabezas(x: torch.Tensor) -> torch.Tensor:
    """``(B, H, T, Dh)`` → ``(B, T, H·Dh)``: la operación inversa de :func:`dividir_cabezas`.

    Capítulo 4 (Arquitectura).
    """
    comprobar_tensor(x, "x", dims=4)
    b, h, t, dh = x.shape
    return x.transpose(1, 2).reshape(b, t, h * dh)


# ---------------------------------------------------------------------------
# RoPE: codificación posicional rotatoria (Su et al., 2021)
# ---------------------------------------------------------------------------


def frecuencias_rope(
    dim_cabeza: int, long_max: int, base: float = 10000.0
) -> tuple[torch.Tensor, torch.Tensor]:
    """Tablas ``(cos, sin)`` de RoPE, cada una de forma ``(long_max, dim_cabeza)``.

    Cada par de dimensiones ``(i, i + dim_cabeza/2)`` gira con la frecuencia
    ``θ_i = base^(-2i/dim_cabeza)``; en la posición ``m`` el ángulo es ``m·θ_i``. Es la
    convención «rotate_half» de Llama en transformers.

    Capítulo 4 (Arquitectura).
    """
    if isinstance(dim_cabeza, bool) or not isinstance(dim_cabeza, int) or dim_cabeza < 2 or dim_cabeza % 2:
        raise ValueError(f"dim_cabeza debe ser un entero par ≥ 2; recibí {dim_cabeza!r}.")
    comprobar_entero_positivo(long_max, "long_max")
    if base <= 1:
        raise ValueError(f"base debe ser mayor que 1 (lo habitual es 10000.0); recibí {base!r}.")
    inv_freq = 1.0 / (base ** (torch.arange(0, dim_cabeza, 2, dtype=torch.float32) / dim_cabeza))
    posiciones = torch.arange(long_max, dtype=torch.float32)
    angulos = torch.outer(posiciones, inv_freq)  # (long_max, dim_cabeza/2)
    angulos = torch.cat((angulos, angulos), dim=-1)  # (long_max, dim_cabeza)
    return angulos.cos(), angulos.sin()


def rotar_mitad(x: torch.Tensor) -> torch.Tensor:
    """``[x1, x2]`` → ``[-x2, x1]`` sobre la última dimensión (dividida en dos mitades).

    Capítulo 4 (Arquitectura).
    """
    mitad = x.shape[-1] // 2
    return torch.cat((-x[..., mitad:], x[..., :mitad]), dim=-1)


def aplicar_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    """Gira ``x`` de forma ``(..., T, Dh)`` según su posición: ``x·cos + rotar_mitad(x)·sin``.

    ``cos`` y ``sin`` deben ser difundibles a ``x``: normalmente ``(T, Dh)``, las primeras
    ``T`` filas de :func:`frecuencias_rope`.

    Capítulo 4 (Arquitectura).
    """
    comprobar_tensor(x, "x", dims_min=2)
    if x.shape[-1] % 2:
        raise ValueError(f"La última dimensión de x debe ser par para RoPE; es {x.shape[-1]}.")
    if cos.shape[-1] != x.shape[-1] or cos.shape[-2] != x.shape[-2]:
        raise ValueError(
            f"cos/sin tienen forma {tuple(cos.shape)} y x {tuple(x.shape)}: usa cos[:T], sin[:T] "
            "con T la longitud de x y la misma dimensión de cabeza."
        )
    return x * cos + rotar_mitad(x) * sin


# ---------------------------------------------------------------------------
# Módulos
# ---------------------------------------------------------------------------


class RMSNorm(nn.Module):
    """Normalización por la raíz de la media de los cuadrados (Zhang y Sennrich, 2019):
    ``y = x / sqrt(mean(x²) + eps) · peso``. No resta la media ni tiene sesgo.

    Capítulo 4 (Arquitectura).
    """

    def __init__(self, dim: int, eps: float = 1e-6):
        super().__init__()
        self.peso = nn.Parameter(torch.ones(dim))
        self.eps = eps

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        tipo = x.dtype
        x32 = x.float()
        x32 = x32 * torch.rsqrt(x32.pow(2).mean(-1, keepdim=True) + self.eps)
        return self.peso * x32.to(tipo)


class AtencionMultiCabeza(nn.Module):
    """Autoatención multicabeza causal con RoPE opcional, sin sesgos (como Llama).

    ``n_cabezas_kv`` < ``n_cabezas`` da atención de consultas agrupadas (GQA): cada cabeza de
    claves y valores la comparten ``n_cabezas / n_cabezas_kv`` cabezas de consultas.

    Capítulo 4 (Arquitectura).
    """

    def __init__(self, dim: int, n_cabezas: int, n_cabezas_kv: int | None = None):
        super().__init__()
        n_cabezas_kv = n_cabezas_kv or n_cabezas
        if dim % n_cabezas:
            raise ValueError(f"dim={dim} debe ser divisible entre n_cabezas={n_cabezas}.")
        if n_cabezas % n_cabezas_kv:
            raise ValueError(
                f"n_cabezas={n_cabezas} debe ser múltiplo de n_cabezas_kv={n_cabezas_kv}."
            )
        self.n_cabezas = n_cabezas
        self.n_cabezas_kv = n_cabezas_kv
        self.dim_cabeza = dim // n_cabezas
        self.proy_q = nn.Linear(dim, dim, bias=False)
        self.proy_k = nn.Linear(dim, n_cabezas_kv * self.dim_cabeza, bias=False)
        self.proy_v = nn.Linear(dim, n_cabezas_kv * self.dim_cabeza, bias=False)
        self.proy_salida = nn.Linear(dim, dim, bias=False)

    def forward(
        self,
        x: torch.Tensor,
        cos: torch.Tensor | None = None,
        sin: torch.Tensor | None = None,
        causal: bool = True,
        devolver_pesos: bool = False,
    ):
        """``x``: ``(B, T, D)`` → ``(B, T, D)`` (y los pesos ``(B, H, T, T)`` si se piden)."""
        _, t, _ = x.shape
        q = dividir_cabezas(self.proy_q(x), self.n_cabezas)
        k = dividir_cabezas(self.proy_k(x), self.n_cabezas_kv)
        v = dividir_cabezas(self.proy_v(x), self.n_cabezas_kv)
        if cos is not None:
            q, k = aplicar_rope(q, cos[:t], sin[:t]), aplicar_rope(k, cos[:t], sin[:t])
        if self.n_cabezas_kv != self.n_cabezas:
            repeticiones = self.n_cabezas // self.n_cabezas_kv
            k = k.repeat_interleave(repeticiones, dim=1)
            v = v.repeat_interleave(repeticiones, dim=1)
        mascara = mascara_causal(t, x.device) if causal else None
        salida, pesos = atencion_escalada(q, k, v, mascara)
        salida = self.proy_salida(unir_cabezas(salida))
        return (salida, pesos) if devolver_pesos else salida


class MLPSwiGLU(nn.Module):
    """Red feed-forward SwiGLU (Shazeer, 2020): ``bajada(silu(compuerta(x)) * subida(x))``.

    Capítulo 4 (Arquitectura).
    """

    def __init__(self, dim: int, dim_oculta: int):
        super().__init__()
        self.compuerta = nn.Linear(dim, dim_oculta, bias=False)
        self.subida = nn.Linear(dim, dim_oculta, bias=False)
        self.bajada = nn.Linear(dim_oculta, dim, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.bajada(F.silu(self.compuerta(x)) * self.subida(x))


class BloqueTransformer(nn.Module):
    """Bloque pre-norma de Llama: ``x + Atención(RMSNorm(x))`` y luego ``x + MLP(RMSNorm(x))``.

    Capítulo 4 (Arquitectura).
    """

    def __init__(
        self, dim: int, n_cabezas: int, dim_oculta: int, eps: float = 1e-6,
        n_cabezas_kv: int | None = None,
    ):
        super().__init__()
        self.norma_atencion = RMSNorm(dim, eps)
        self.atencion = AtencionMultiCabeza(dim, n_cabezas, n_cabezas_kv)
        self.norma_mlp = RMSNorm(dim, eps)
        self.mlp = MLPSwiGLU(dim, dim_oculta)

    def forward(self, x, cos=None, sin=None):
        x = x + self.atencion(self.norma_atencion(x), cos, sin)  # conexión residual 1
        return x + self.mlp(self.norma_mlp(x))  # conexión residual 2


class MiniGPT(nn.Module):
    """Un modelo de lenguaje causal completo con la arquitectura de Llama:

    embeddings → ``n_capas`` × :class:`BloqueTransformer` → :class:`RMSNorm` → cabeza lineal
    cuyos pesos son los mismos que los de los embeddings (pesos atados).

    ``forward(ids)`` recibe ``(B, T)`` enteros y devuelve los logits ``(B, T, V)``.

    Capítulo 4 (Arquitectura).
    """

    def __init__(
        self,
        tamano_vocabulario: int,
        dim: int = 64,
        n_capas: int = 2,
        n_cabezas: int = 4,
        dim_oculta: int = 172,
        long_max: int = 256,
        base_rope: float = 10000.0,
        eps: float = 1e-6,
        n_cabezas_kv: int | None = None,
    ):
        super().__init__()
        for nombre, valor in (("tamano_vocabulario", tamano_vocabulario), ("dim", dim), ("n_capas", n_capas),
                              ("n_cabezas", n_cabezas), ("dim_oculta", dim_oculta),
                              ("long_max", long_max)):
            comprobar_entero_positivo(valor, nombre)
        if dim % n_cabezas or (dim // n_cabezas) % 2:
            raise ValueError(
                f"dim={dim} debe ser divisible entre n_cabezas={n_cabezas} y dar una dimensión "
                "de cabeza par (RoPE gira pares de dimensiones)."
            )
        self.tamano_vocabulario, self.dim, self.long_max = tamano_vocabulario, dim, long_max
        self.embeddings = nn.Embedding(tamano_vocabulario, dim)
        self.bloques = nn.ModuleList(
            BloqueTransformer(dim, n_cabezas, dim_oculta, eps, n_cabezas_kv) for _ in range(n_capas)
        )
        self.norma_final = RMSNorm(dim, eps)
        self.cabeza = nn.Linear(dim, tamano_vocabulario, bias=False)
        self.cabeza.weight = self.embeddings.weight  # pesos atados
        cos, sin = frecuencias_rope(dim // n_cabezas, long_max, base_rope)
        self.register_buffer("cos", cos, persistent=False)
        self.register_buffer("sin", sin, persistent=False)
        nn.init.normal_(self.embeddings.weight, std=0.02)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        if not isinstance(ids, torch.Tensor) or ids.dtype not in (torch.long, torch.int32, torch.int64):
            raise TypeError("ids debe ser un tensor de enteros (torch.long) de forma (B, T).")
        if ids.dim() == 1:
            ids = ids.unsqueeze(0)
        if ids.shape[1] > self.long_max:
            raise ValueError(
                f"La secuencia tiene {ids.shape[1]} tokens y el modelo admite como mucho "
                f"long_max={self.long_max}: recórtala o crea el modelo con un long_max mayor."
            )
        x = self.embeddings(ids)
        for bloque in self.bloques:
            x = bloque(x, self.cos, self.sin)
        return self.cabeza(self.norma_final(x))


# ---------------------------------------------------------------------------
# Parámetros y equivalencia con Llama
# ---------------------------------------------------------------------------


def desglose_parametros(
    tamano_vocabulario: int, dim: int, n_capas: int, dim_oculta: int,
    n_cabezas: int = 1, n_cabezas_kv: int | None = None, pesos_atados: bool = True,
) -> dict[str, int]:
    """Número de parámetros por componente de un modelo tipo Llama (sin sesgos):

    - embeddings: ``V·D``
    - atención: ``n_capas · (2·D² + 2·D·D_kv)`` con ``D_kv = D·n_cabezas_kv/n_cabezas``
    - MLP SwiGLU: ``n_capas · 3·D·F``
    - normas: ``(2·n_capas + 1)·D``
    - cabeza: ``0`` si está atada a los embeddings; si no, ``V·D``.

    Devuelve un diccionario con esas claves y ``"total"``.

    Capítulo 4 (Arquitectura).
    """
    n_cabezas_kv = n_cabezas_kv or n_cabezas
    dim_kv = dim * n_cabezas_kv // n_cabezas
    partes = {
        "embeddings": tamano_vocabulario * dim,
        "atención": n_capas * (2 * dim * dim + 2 * dim * dim_kv),
        "MLP": n_capas * 3 * dim * dim_oculta,
        "normas": (2 * n_capas + 1) * dim,
        "cabeza": 0 if pesos_atados else tamano_vocabulario * dim,
    }
    partes["total"] = sum(partes.values())
    return partes


def desde_llama(modelo_llama) -> MiniGPT:
    """Crea un :class:`MiniGPT` con la configuración y los pesos de un ``LlamaForCausalLM``.

    Sirve para comprobar que nuestro modelo, escrito desde cero, calcula exactamente lo mismo
    que la implementación de transformers. Exige pesos atados, sin sesgos y RoPE estándar.

    Capítulo 4 (Arquitectura).
    """
    config = modelo_llama.config
    if not getattr(config, "tie_word_embeddings", False):
        raise ValueError("desde_llama necesita un modelo con pesos atados (tie_word_embeddings=True).")
    if getattr(config, "attention_bias", False) or getattr(config, "mlp_bias", False):
        raise ValueError("desde_llama no admite sesgos en atención ni en el MLP (como Llama).")
    parametros_rope = getattr(config, "rope_parameters", None) or {}
    if parametros_rope.get("rope_type", "default") != "default":
        raise ValueError("desde_llama solo admite RoPE estándar (rope_type='default').")
    dim_cabeza = getattr(config, "head_dim", None) or config.hidden_size // config.num_attention_heads
    if dim_cabeza * config.num_attention_heads != config.hidden_size:
        raise ValueError("desde_llama exige head_dim · num_attention_heads == hidden_size.")
    mini = MiniGPT(
        tamano_vocabulario=config.vocab_size,
        dim=config.hidden_size,
        n_capas=config.num_hidden_layers,
        n_cabezas=config.num_attention_heads,
        dim_oculta=config.intermediate_size,
        long_max=config.max_position_embeddings,
        base_rope=float(parametros_rope.get("rope_theta", 10000.0)),
        eps=config.rms_norm_eps,
        n_cabezas_kv=config.num_key_value_heads,
    )
    fuente = modelo_llama.model
    with torch.no_grad():
        mini.embeddings.weight.copy_(fuente.embed_tokens.weight)
        for nuestro, suyo in zip(mini.bloques, fuente.layers):
            nuestro.norma_atencion.peso.copy_(suyo.input_layernorm.weight)
            nuestro.norma_mlp.peso.copy_(suyo.post_attention_layernorm.weight)
            nuestro.atencion.proy_q.weight.copy_(suyo.self_attn.q_proj.weight)
            nuestro.atencion.proy_k.weight.copy_(suyo.self_attn.k_proj.weight)
            nuestro.atencion.proy_v.weight.copy_(suyo.self_attn.v_proj.weight)
            nuestro.atencion.proy_salida.weight.copy_(suyo.self_attn.o_proj.weight)
            nuestro.mlp.compuerta.weight.copy_(suyo.mlp.gate_proj.weight)
            nuestro.mlp.subida.weight.copy_(suyo.mlp.up_proj.weight)
            nuestro.mlp.bajada.weight.copy_(suyo.mlp.down_proj.weight)
        mini.norma_final.peso.copy_(fuente.norm.weight)
    return mini.to(next(modelo_llama.parameters()).device).eval()
