"""Caché por usuario de los modelos entrenados y de los resultados de los laboratorios.

Un capítulo pide un artefacto por su nombre y su configuración; si ya está en la caché y
está intacto, se carga en segundos; si no, se entrena (con la barra de progreso del propio
entrenamiento) y se guarda para la próxima vez. Así un capítulo posterior reutiliza el modelo
que entrenó uno anterior, y volver a ejecutar un cuaderno no repite el entrenamiento.

- Cada entrada es una carpeta ``<nombre>-<huella>-v<versión>`` (véase :func:`clave`): la
  huella resume la configuración y la versión del paquete forma parte del nombre, así que
  cambiar un hiperparámetro o actualizar ``curso_llm`` nunca carga un artefacto viejo.
- Cada entrada lleva un ``manifiesto.json`` con el tamaño y la huella sha256 de cada archivo.
  Una entrada incompleta o dañada (un entrenamiento interrumpido, un archivo truncado o
  editado) se detecta, se borra y se reconstruye: nunca se carga.
- La entrada se escribe en una carpeta temporal y se mueve a su sitio de una vez al terminar;
  un bloqueo por entrada (``filelock``) evita que dos procesos entrenen lo mismo a la vez.
- La caché vive en ``~/.cache/curso_llm`` (o en ``$XDG_CACHE_HOME/curso_llm``); la variable
  ``CURSO_LLM_CACHE`` la mueve a otra carpeta (la compilación del libro usa una propia,
  dentro de ``_build``) y ``CURSO_LLM_SIN_CACHE=1`` obliga a recalcular sin leerla.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import math
import os
import re
import shutil
import time
import uuid
from collections.abc import Callable
from pathlib import Path, PurePath

import numpy as np

from .comprobaciones import comprobar_funcion, comprobar_texto

__all__ = [
    "MANIFIESTO",
    "VARIABLE_CACHE",
    "VARIABLE_SIN_CACHE",
    "clave",
    "directorio_cache",
    "limpiar",
    "listar",
    "obtener",
    "obtener_json",
    "obtener_modelo",
]

VARIABLE_CACHE = "CURSO_LLM_CACHE"
VARIABLE_SIN_CACHE = "CURSO_LLM_SIN_CACHE"
MANIFIESTO = "manifiesto.json"
RESULTADO = "resultado.json"

# Nombres de artefacto: letras y números ASCII, «_», «.» y «-» (van en el nombre de una carpeta).
_NOMBRE_VALIDO = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")
# Carpeta de una entrada: <nombre>-<12 hexadecimales>-v<versión>.
_ENTRADA = re.compile(r"(?P<nombre>[A-Za-z0-9][A-Za-z0-9_.-]*)-(?P<huella>[0-9a-f]{12})-v(?P<version>.+)")
_BLOQUEOS = ".bloqueos"
_TEMPORAL = ".tmp-"  # .<clave>.tmp-<azar>: una entrada a medio construir
_A_BORRAR = ".borrar-"  # .<clave>.borrar-<azar>: una entrada que se está borrando
_ESPERA_INICIAL_S = 0.2


# ---------------------------------------------------------------------------------------
# Dónde y con qué nombre
# ---------------------------------------------------------------------------------------
def directorio_cache() -> Path:
    """Carpeta de la caché de artefactos (no se crea hasta que hace falta).

    Por orden: la variable ``CURSO_LLM_CACHE``; ``$XDG_CACHE_HOME/curso_llm`` si
    ``XDG_CACHE_HOME`` está definida; si no, ``~/.cache/curso_llm``.

    Capítulo 5 (Preentrenamiento).
    """
    propia = os.environ.get(VARIABLE_CACHE, "").strip()
    if propia:
        return Path(propia).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    if xdg and Path(xdg).expanduser().is_absolute():  # la especificación XDG ignora rutas relativas
        return Path(xdg).expanduser() / "curso_llm"
    return Path.home() / ".cache" / "curso_llm"


def _version() -> str:
    import curso_llm  # se lee en cada llamada: una versión nueva cambia todas las claves

    return str(curso_llm.__version__)


def _comprobar_nombre(nombre) -> str:
    comprobar_texto(nombre, "nombre", vacio_permitido=False)
    if not _NOMBRE_VALIDO.fullmatch(nombre):
        raise ValueError(
            f"El argumento 'nombre' vale {nombre!r}: usa solo letras y números sin tildes, «_», «.» "
            "y «-» (hasta 100 caracteres, empezando por letra o número), p. ej. 'escalado-micro'."
        )
    return nombre


def _normalizar(valor, campo: str):
    """El valor como JSON canónico: dataclasses → dict, rutas → str, tuplas → listas."""
    if isinstance(valor, np.generic):  # np.int64(3) → 3, np.float32(0.5) → 0.5
        valor = valor.item()
    if valor is None or isinstance(valor, (bool, str, int)):
        return valor
    if isinstance(valor, float):
        if not math.isfinite(valor):
            raise ValueError(
                f"La configuración no se puede guardar como JSON: {campo} vale {valor!r}; usa un "
                "número finito."
            )
        return valor
    if isinstance(valor, PurePath):
        return str(valor)
    if dataclasses.is_dataclass(valor) and not isinstance(valor, type):
        return {f.name: _normalizar(getattr(valor, f.name), f"{campo}.{f.name}")
                for f in dataclasses.fields(valor)}
    if isinstance(valor, dict):
        normal = {}
        for k, v in valor.items():
            if not isinstance(k, str):
                raise ValueError(
                    f"La configuración no se puede guardar como JSON: {campo} tiene la clave {k!r} "
                    f"({type(k).__name__}); usa claves de texto (str)."
                )
            normal[k] = _normalizar(v, f"{campo}[{k!r}]")
        return normal
    if isinstance(valor, (list, tuple)):
        return [_normalizar(v, f"{campo}[{i}]") for i, v in enumerate(valor)]
    raise ValueError(
        f"La configuración no se puede guardar como JSON: {campo} es de tipo "
        f"{type(valor).__name__} ({valor!r:.60}); usa números, textos, booleanos, None, listas, "
        "diccionarios, rutas o dataclasses (p. ej. str(valor) o valor.tolist())."
    )


def _config_canonica(config) -> dict:
    if not isinstance(config, dict) and not (dataclasses.is_dataclass(config)
                                             and not isinstance(config, type)):
        raise TypeError(
            "El argumento 'config' debe ser un diccionario (o una dataclass) con los "
            f"hiperparámetros que definen el artefacto, no {type(config).__name__}."
        )
    return _normalizar(config, "config")


def _huella(config_canonica) -> str:
    texto = json.dumps(config_canonica, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(texto.encode("utf-8")).hexdigest()[:12]


def clave(nombre: str, config: dict) -> str:
    """Nombre de la entrada de la caché: ``<nombre>-<huella>-v<versión>``.

    La huella son los 12 primeros dígitos hexadecimales del sha256 del JSON canónico de
    ``config`` (claves ordenadas, sin espacios; dataclasses como diccionarios, rutas como
    texto, tuplas como listas); la versión es ``curso_llm.__version__``. Cambiar cualquier
    valor de la configuración, o la versión del paquete, da otra clave.

    Raises:
        ValueError: si ``nombre`` no sirve como nombre de carpeta o algún campo de
            ``config`` no se puede escribir como JSON (el mensaje dice cuál).

    Capítulo 5 (Preentrenamiento).
    """
    _comprobar_nombre(nombre)
    return f"{nombre}-{_huella(_config_canonica(config))}-v{_version()}"


# ---------------------------------------------------------------------------------------
# Manifiesto y comprobación de una entrada
# ---------------------------------------------------------------------------------------
def _sha256(archivo: Path) -> str:
    h = hashlib.sha256()
    with archivo.open("rb") as f:
        for bloque in iter(lambda: f.read(1 << 20), b""):
            h.update(bloque)
    return h.hexdigest()


def _archivos(carpeta: Path) -> dict[str, Path]:
    """Archivos de la carpeta (recursivo) salvo el manifiesto, por ruta relativa POSIX."""
    return {p.relative_to(carpeta).as_posix(): p for p in sorted(carpeta.rglob("*"))
            if p.is_file() and p.relative_to(carpeta).as_posix() != MANIFIESTO}


def _escribir_manifiesto(carpeta: Path, datos: dict) -> None:
    archivos = _archivos(carpeta)
    if (carpeta / MANIFIESTO).exists():
        raise ValueError(
            f"construir escribió un archivo {MANIFIESTO}, un nombre que la caché reserva para "
            "su manifiesto: dale otro nombre."
        )
    if not archivos:
        raise ValueError(
            f"construir no escribió ningún archivo en la carpeta que recibe ({carpeta}): guarda "
            "ahí el artefacto (p. ej. modelo.save_pretrained(ruta))."
        )
    datos = dict(datos, archivos={
        rel: {"bytes": p.stat().st_size, "sha256": _sha256(p)} for rel, p in archivos.items()})
    texto = json.dumps(datos, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (carpeta / MANIFIESTO).write_text(texto, encoding="utf-8")


def _leer_manifiesto(ruta: Path) -> dict | None:
    try:
        datos = json.loads((ruta / MANIFIESTO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return datos if isinstance(datos, dict) else None


def _motivo_dano(ruta: Path) -> str | None:
    """``None`` si la entrada existe, está completa e intacta; si no, el motivo en español."""
    if not ruta.is_dir():
        return "no es una carpeta"
    if not (ruta / MANIFIESTO).is_file():
        return f"falta {MANIFIESTO}"
    manifiesto = _leer_manifiesto(ruta)
    archivos = manifiesto.get("archivos") if manifiesto else None
    if not isinstance(archivos, dict) or not archivos or manifiesto.get("clave") != ruta.name:
        return f"{MANIFIESTO} ilegible o de otra entrada"
    presentes = _archivos(ruta)
    for rel, esperado in sorted(archivos.items()):
        if not isinstance(esperado, dict) or rel not in presentes:
            return f"falta el archivo {rel}"
        if presentes[rel].stat().st_size != esperado.get("bytes"):
            return (f"el archivo {rel} mide {presentes[rel].stat().st_size} bytes en lugar de "
                    f"{esperado.get('bytes')}")
        if _sha256(presentes[rel]) != esperado.get("sha256"):
            return f"el contenido de {rel} no coincide con su huella sha256"
    sobrantes = sorted(set(presentes) - set(archivos))
    if sobrantes:
        return f"sobra el archivo {sobrantes[0]}"
    return None


def _borrar(ruta: Path) -> None:
    """Borra una entrada: primero la aparta con otro nombre (de una vez) y luego la elimina."""
    if not ruta.exists() and not ruta.is_symlink():
        return
    if ruta.is_dir() and not ruta.is_symlink():
        apartada = ruta.with_name(f".{ruta.name}{_A_BORRAR}{uuid.uuid4().hex[:8]}")
        os.rename(ruta, apartada)
        shutil.rmtree(apartada, ignore_errors=True)
    else:
        ruta.unlink()


def _borrar_restos(raiz: Path, clave_: str) -> None:
    """Carpetas temporales de ``clave_`` que dejó un proceso interrumpido (con el bloqueo tomado)."""
    prefijos = (f".{clave_}{_TEMPORAL}", f".{clave_}{_A_BORRAR}")
    for resto in raiz.iterdir():
        if resto.name.startswith(prefijos):
            shutil.rmtree(resto, ignore_errors=True)


def _colocar(temporal: Path, ruta: Path, reemplazar: bool) -> None:
    """Mueve la carpeta temporal terminada a su sitio con un solo ``os.rename``."""
    if reemplazar:
        _borrar(ruta)
    try:
        os.rename(temporal, ruta)
        return
    except OSError:
        if not ruta.exists():
            raise
    # Otro proceso colocó la entrada antes (p. ej. en un disco donde el bloqueo no funciona):
    # si la suya está intacta se queda la suya; si no, se sustituye por la nuestra.
    if _motivo_dano(ruta) is None:
        shutil.rmtree(temporal, ignore_errors=True)
        return
    _borrar(ruta)
    os.rename(temporal, ruta)


def _mostrar(ruta: Path) -> str:
    """La ruta para la línea que se imprime, con ``~`` en lugar de la carpeta personal."""
    try:
        return str(Path("~") / ruta.relative_to(Path.home()))
    except ValueError:
        return str(ruta)


def _sin_cache() -> bool:
    valor = os.environ.get(VARIABLE_SIN_CACHE, "").strip().lower()
    if valor in ("", "0", "no", "false"):
        return False
    if valor in ("1", "si", "sí", "yes", "true"):
        return True
    raise ValueError(
        f"La variable {VARIABLE_SIN_CACHE} vale {valor!r}: usa 1 para recalcular sin leer la "
        "caché o 0 (o quítala) para usarla."
    )


class _Bloqueo:
    """Bloqueo de una entrada entre procesos; avisa en una línea si hay que esperar."""

    def __init__(self, raiz: Path, clave_: str, texto: str):
        from filelock import FileLock

        (raiz / _BLOQUEOS).mkdir(parents=True, exist_ok=True)
        self._bloqueo = FileLock(str(raiz / _BLOQUEOS / f"{clave_}.lock"))
        self._texto = texto

    def __enter__(self):
        from filelock import Timeout

        try:
            self._bloqueo.acquire(timeout=_ESPERA_INICIAL_S)
        except Timeout:
            print(f"Otro proceso está preparando {self._texto}; espero a que termine…", flush=True)
            self._bloqueo.acquire()
        return self

    def __exit__(self, *excepcion):
        self._bloqueo.release()


# ---------------------------------------------------------------------------------------
# Obtener un artefacto
# ---------------------------------------------------------------------------------------
def _obtener(nombre, config, construir, cargar, descripcion, verbo: str, participio: str):
    _comprobar_nombre(nombre)
    config_canonica = _config_canonica(config)
    comprobar_funcion(construir, "construir")
    comprobar_funcion(cargar, "cargar")
    if descripcion is not None:
        comprobar_texto(descripcion, "descripcion", vacio_permitido=False)
    texto = descripcion or nombre
    version = _version()
    clave_ = f"{nombre}-{_huella(config_canonica)}-v{version}"
    recalcular = _sin_cache()
    raiz = directorio_cache()
    raiz.mkdir(parents=True, exist_ok=True)
    ruta = raiz / clave_

    with _Bloqueo(raiz, clave_, texto):
        if not recalcular and (ruta.exists() or ruta.is_symlink()):
            motivo = _motivo_dano(ruta)
            if motivo is None:
                try:
                    valor = cargar(ruta)
                except Exception as error:  # cualquier fallo al cargar: se reconstruye
                    motivo = f"no se pudo cargar: {type(error).__name__}: {error}"
                else:
                    print(f"Cargado de la caché: {texto} ({_mostrar(ruta)}).", flush=True)
                    return valor
            print(f"La entrada {clave_} de la caché está incompleta o dañada ({motivo}); "
                  "se reconstruye.", flush=True)
            _borrar(ruta)
        _borrar_restos(raiz, clave_)

        print(f"{verbo} ahora: {texto}…", flush=True)
        temporal = raiz / f".{clave_}{_TEMPORAL}{uuid.uuid4().hex[:8]}"
        temporal.mkdir()
        inicio = time.perf_counter()
        try:
            construir(temporal)
            segundos = time.perf_counter() - inicio
            _escribir_manifiesto(temporal, {
                "nombre": nombre,
                "clave": clave_,
                "config": config_canonica,
                "version": version,
                "creado": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
                "segundos": round(segundos, 3),
            })
            _colocar(temporal, ruta, reemplazar=recalcular)
        finally:
            shutil.rmtree(temporal, ignore_errors=True)  # ya movida, o a medias tras un error
        print(f"{participio} ahora en {segundos:.1f} s y guardado en la caché: {texto} "
              f"({_mostrar(ruta)}).", flush=True)
        try:
            return cargar(ruta)
        except BaseException:
            _borrar(ruta)  # recién construida y no se puede cargar: que no se quede en la caché
            raise


def obtener(nombre: str, config: dict, construir: Callable, cargar: Callable, *,
            descripcion: str | None = None):
    """Carga un artefacto de la caché o, si no está (o está dañado), lo construye y lo guarda.

    Args:
        nombre: nombre del artefacto (letras y números ASCII, «_», «.», «-»).
        config: diccionario (o dataclass) con todo lo que define el artefacto: hiperparámetros,
            semilla, datos... Junto con ``nombre`` y la versión del paquete forma la clave.
        construir: ``construir(ruta)`` entrena o calcula el artefacto y escribe sus archivos
            en la carpeta ``ruta`` (ya creada y vacía); lo que devuelva se ignora.
        cargar: ``cargar(ruta)`` lee el artefacto de la carpeta y lo devuelve.
        descripcion: texto para la línea que se imprime (por defecto, ``nombre``).

    Imprime una línea: «Cargado de la caché: …» o «Entrenando ahora: …» seguida, al terminar,
    de «Entrenado ahora en N s y guardado en la caché: …». Una entrada incompleta o dañada, o
    que ``cargar`` no consigue leer, se anuncia, se borra y se reconstruye. Si ``construir``
    lanza una excepción, la caché queda como estaba y la excepción llega a quien llama.
    Devuelve siempre lo que devuelve ``cargar``: igual la primera vez que las siguientes.

    Capítulo 5 (Preentrenamiento).
    """
    return _obtener(nombre, config, construir, cargar, descripcion, "Entrenando", "Entrenado")


def obtener_json(nombre: str, config: dict, calcular: Callable, descripcion: str | None = None):
    """Resultado de un laboratorio (un diccionario o una lista) de la caché, o calculado ahora.

    ``calcular()`` no recibe argumentos y devuelve algo que se puede escribir como JSON; se
    guarda en ``resultado.json`` y se devuelve leído de ahí, así que la primera ejecución y
    las siguientes devuelven objetos iguales (las tuplas, por ejemplo, vuelven como listas).
    La línea que se imprime dice «Calculando ahora» / «Calculado ahora» o «Cargado de la caché».

    Capítulo 5 (Preentrenamiento).
    """
    comprobar_funcion(calcular, "calcular")

    def construir(ruta: Path) -> None:
        valor = calcular()
        if not isinstance(valor, (dict, list)):
            raise TypeError(
                f"calcular() debe devolver un diccionario o una lista, no {type(valor).__name__}."
            )
        try:
            texto = json.dumps(valor, ensure_ascii=False, indent=1)
        except (TypeError, ValueError) as error:
            raise ValueError(
                f"El resultado de calcular() no se puede guardar como JSON ({error}): convierte "
                "los tensores y arreglos con .tolist() y los números con float() o int()."
            ) from error
        (ruta / RESULTADO).write_text(texto + "\n", encoding="utf-8")

    def cargar(ruta: Path):
        return json.loads((ruta / RESULTADO).read_text(encoding="utf-8"))

    return _obtener(nombre, config, construir, cargar, descripcion, "Calculando", "Calculado")


def obtener_modelo(nombre: str, config: dict, entrenar: Callable, descripcion: str | None = None):
    """Un modelo causal de Hugging Face y su tokenizador, de la caché o entrenados ahora.

    ``entrenar()`` no recibe argumentos y devuelve ``(modelo, tokenizador)``; se guardan con
    ``save_pretrained`` (pesos en safetensors, en el tipo de datos del modelo) y se devuelven
    cargados de la caché con ``AutoModelForCausalLM`` en float32, en la CPU y en modo
    evaluación, y ``AutoTokenizer``. Un modelo LoRA de peft hay que fusionarlo antes de
    devolverlo (``modelo.merge_and_unload()``).

    Capítulo 5 (Preentrenamiento).
    """
    comprobar_funcion(entrenar, "entrenar")

    def construir(ruta: Path) -> None:
        resultado = entrenar()
        if not isinstance(resultado, (tuple, list)) or len(resultado) != 2:
            raise TypeError(
                "entrenar() debe devolver una pareja (modelo, tokenizador); devolvió "
                f"{type(resultado).__name__}."
            )
        modelo, tokenizador = resultado
        if type(modelo).__module__.startswith("peft"):
            raise TypeError(
                "entrenar() devolvió un modelo de peft (LoRA): fusiónalo antes con "
                "modelo.merge_and_unload() para guardarlo completo en la caché."
            )
        modelo.save_pretrained(str(ruta), safe_serialization=True)
        tokenizador.save_pretrained(str(ruta))

    def cargar(ruta: Path):
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        from .modelos import _sin_barra_de_progreso

        with _sin_barra_de_progreso():
            modelo = AutoModelForCausalLM.from_pretrained(str(ruta), dtype=torch.float32)
        tokenizador = AutoTokenizer.from_pretrained(str(ruta))
        return modelo.eval(), tokenizador

    return _obtener(nombre, config, construir, cargar, descripcion, "Entrenando", "Entrenado")


# ---------------------------------------------------------------------------------------
# Ver y vaciar la caché
# ---------------------------------------------------------------------------------------
def _entradas(raiz: Path) -> list[Path]:
    if not raiz.is_dir():
        return []
    return sorted(p for p in raiz.iterdir() if p.is_dir() and _ENTRADA.fullmatch(p.name))


def _bytes(carpeta: Path) -> int:
    return sum(p.stat().st_size for p in carpeta.rglob("*") if p.is_file())


def listar() -> list[dict]:
    """Las entradas de la caché, ordenadas por clave.

    Cada una es un diccionario con ``clave``, ``nombre``, ``version``, ``ruta``, ``bytes``
    (lo que ocupa en disco), ``creado`` (fecha UTC del manifiesto) y ``segundos`` (lo que
    tardó en construirse); las dos últimas valen ``None`` si la entrada no tiene manifiesto
    legible. No comprueba las huellas: eso se hace al obtenerla.

    Capítulo 5 (Preentrenamiento).
    """
    filas = []
    for ruta in _entradas(directorio_cache()):
        partes = _ENTRADA.fullmatch(ruta.name)
        manifiesto = _leer_manifiesto(ruta) or {}
        filas.append({
            "clave": ruta.name,
            "nombre": partes["nombre"],
            "version": partes["version"],
            "ruta": ruta,
            "bytes": _bytes(ruta),
            "creado": manifiesto.get("creado"),
            "segundos": manifiesto.get("segundos"),
        })
    return filas


def limpiar(nombre: str | None = None) -> list[Path]:
    """Borra de la caché todas las entradas (o solo las del artefacto ``nombre``, de cualquier
    configuración y versión) y los restos de construcciones interrumpidas.

    Una entrada que otro proceso está construyendo en ese momento no se toca (se avisa).
    Imprime una línea con lo borrado y devuelve las rutas borradas.

    Capítulo 5 (Preentrenamiento).
    """
    from filelock import FileLock, Timeout

    if nombre is not None:
        _comprobar_nombre(nombre)
    raiz = directorio_cache()
    if not raiz.is_dir():
        print(f"La caché está vacía ({raiz}).", flush=True)
        return []
    claves = {p.name for p in _entradas(raiz)}
    for resto in raiz.iterdir():  # restos sin entrada: .<clave>.tmp-xxxx / .<clave>.borrar-xxxx
        for marca in (_TEMPORAL, _A_BORRAR):
            if resto.name.startswith(".") and marca in resto.name:
                candidata = resto.name[1:resto.name.rindex(marca)]
                if _ENTRADA.fullmatch(candidata):
                    claves.add(candidata)
    borradas, liberados = [], 0
    for clave_ in sorted(claves):
        if nombre is not None and _ENTRADA.fullmatch(clave_)["nombre"] != nombre:
            continue
        (raiz / _BLOQUEOS).mkdir(exist_ok=True)
        bloqueo = FileLock(str(raiz / _BLOQUEOS / f"{clave_}.lock"))
        try:
            bloqueo.acquire(timeout=0)
        except Timeout:
            print(f"No borro {clave_}: otro proceso la está construyendo ahora.", flush=True)
            continue
        try:
            ruta = raiz / clave_
            if ruta.is_dir():
                liberados += _bytes(ruta)
                _borrar(ruta)
                borradas.append(ruta)
            _borrar_restos(raiz, clave_)
        finally:
            bloqueo.release()
    que = f" del artefacto {nombre!r}" if nombre is not None else ""
    cuantas = "1 entrada borrada" if len(borradas) == 1 else f"{len(borradas)} entradas borradas"
    print(f"Caché{que}: {cuantas} ({liberados / 2**20:.1f} MB liberados) en {raiz}.", flush=True)
    return borradas
