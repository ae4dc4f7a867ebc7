"""``python -m curso_llm.chatbot [--modelo CARPETA] [--puerto 7860] [--compartir]``: arranca el
chatbot del capítulo 7 en http://127.0.0.1:7860.

Sin ``--modelo`` usa el ajuste del capítulo 7 (se entrena la primera vez, ≈ 30 s en CPU, y
luego sale de la caché). En Colab, ``!python -m curso_llm.chatbot --compartir`` imprime un
enlace público ``*.gradio.live`` que abres en otra pestaña (la celda queda ocupada hasta que la
paras); o, en una celda de Python::

    from curso_llm.chatbot import crear_app, modelo_chatbot
    crear_app(*modelo_chatbot()).launch(share=True)
"""

from __future__ import annotations

import argparse


def main(argumentos=None) -> None:
    """Lee las opciones de la línea de órdenes, carga el modelo y lanza la app.

    Capítulo 7 (SFT).
    """
    parser = argparse.ArgumentParser(
        prog="python -m curso_llm.chatbot",
        description="Chatbot local del mundo clínico ficticio del curso (capítulo 7).")
    parser.add_argument("--modelo", metavar="CARPETA", default=None,
                        help="carpeta de un modelo guardado con save_pretrained o de un adaptador "
                             "LoRA (por defecto, el ajuste del capítulo 7)")
    parser.add_argument("--puerto", type=int, default=7860, help="puerto local (7860)")
    parser.add_argument("--servidor", default="127.0.0.1",
                        help="dirección en la que escucha (127.0.0.1: solo este equipo)")
    parser.add_argument("--compartir", action="store_true",
                        help="crea un enlace público temporal de Gradio (para Colab)")
    args = parser.parse_args(argumentos)

    from .app import crear_app
    from .logica import AVISO_CHATBOT, modelo_chatbot

    modelo, tokenizador = modelo_chatbot(args.modelo)
    print(AVISO_CHATBOT)
    crear_app(modelo, tokenizador).launch(server_name=args.servidor, server_port=args.puerto,
                                          share=args.compartir)


if __name__ == "__main__":
    main()
