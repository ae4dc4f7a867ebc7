# Curso LLM en español. Dos órdenes lo hacen todo en un equipo nuevo:
#   make libro   -> crea .venv, instala, ejecuta cada capítulo y construye el sitio web
#   make test    -> crea .venv, instala y ejecuta las pruebas
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP_EXTRA ?=
INSTALADO := $(VENV)/.instalado
# Opciones de compilación: avisos como errores y referencias comprobadas.
OPCIONES_LIBRO ?= -W -n --keep-going

.PHONY: libro test servir tiempos benchmarks limpiar entorno chatbot

entorno: $(INSTALADO)

$(INSTALADO): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check $(PIP_EXTRA) -r requirements.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	@touch $@

libro: $(INSTALADO)
	$(VENV)/bin/jupyter-book build . $(OPCIONES_LIBRO)
	@echo ""
	@echo "Libro construido. Ábrelo en tu navegador:"
	@echo "  file://$(CURDIR)/_build/html/index.html"
	@echo "(o sírvelo con: make servir)"

test: $(INSTALADO)
	$(PY) -m pytest

servir:
	@test -f _build/html/index.html || (echo "Primero construye el libro con: make libro" && exit 1)
	@echo "Sirviendo el libro en http://localhost:8000 (Ctrl+C para parar)"
	$(PY) -m http.server 8000 --bind 127.0.0.1 --directory _build/html

tiempos: $(INSTALADO)
	$(PY) benchmarks/tiempos_capitulos.py

benchmarks: $(INSTALADO)
	$(PY) benchmarks/tiempos_capitulos.py
	$(PY) benchmarks/rendimiento_preentrenamiento.py
	$(PY) benchmarks/rendimiento_sft.py

limpiar:
	rm -rf _build

# El chatbot local del capítulo 7 en http://127.0.0.1:7860 (la primera vez entrena el ajuste,
# unos 30 s en CPU, y luego lo saca de la caché). Opciones: make chatbot OPCIONES_CHATBOT="--puerto 8000"
OPCIONES_CHATBOT ?=
chatbot: $(INSTALADO)
	$(PY) -m curso_llm.chatbot $(OPCIONES_CHATBOT)

# Pruebas de humo del camino `gpu` de cada laboratorio (tests/gpu) con modelos diminutos
# locales; sin una GPU con CUDA se saltan todas.
.PHONY: gpu
gpu: $(INSTALADO)
	$(PY) -m pytest tests/gpu -m gpu -v -rs
