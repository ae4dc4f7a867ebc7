"""cargar_dataset_propio: cada mala entrada recibe un error o una omisión con su archivo, su
línea y el arreglo, y nada se pierde en silencio (leídas = cargadas + omitidas)."""

import json
import time

import pytest

from curso_llm.datos import ErrorDatos, InformeCarga, cargar_dataset_propio
from curso_llm.formatos import ErrorFormato, a_mensajes


def escribir(ruta, texto, codificacion="utf-8"):
    ruta.write_bytes(texto.encode(codificacion))
    return ruta


def jsonl(ruta, filas):
    return escribir(ruta, "\n".join(json.dumps(f, ensure_ascii=False) for f in filas) + "\n")


def cuadra(informe: InformeCarga):
    assert informe.filas_leidas == informe.filas_cargadas + len(informe.omisiones)
    # Cada fila leída o tiene formato reconocido o se saltó antes de reconocerlo.
    assert (sum(informe.formatos.values()) + sum(informe.sin_formato.values())
            == informe.filas_leidas), (informe.formatos, informe.sin_formato)


def omision(informe, linea):
    encontradas = [o for o in informe.omisiones if o.linea == linea]
    assert len(encontradas) == 1, f"línea {linea}: {informe.omisiones}"
    return encontradas[0]


CSV_BUENO = ("instruction,input,output\n"
             "Resume la nota,El paciente tose,Tos\n"
             "¿Qué es el corazón?,,Un órgano\n")


# ----------------------------------------------------------------- entradas buenas y salidas


def test_csv_alpaca_a_mensajes(tmp_path):
    ds, informe = cargar_dataset_propio(escribir(tmp_path / "d.csv", CSV_BUENO))
    assert ds.column_names == ["messages"]
    assert ds[0]["messages"] == a_mensajes({"instruction": "Resume la nota",
                                            "input": "El paciente tose", "output": "Tos"})["messages"]
    assert ds[1]["messages"][0]["content"] == "¿Qué es el corazón?"
    assert informe.tipo == "csv" and informe.formato == "alpaca"
    assert informe.codificacion == "utf-8" and not informe.avisos and not informe.omisiones
    assert informe.origenes == [("d.csv", 2), ("d.csv", 3)]
    assert "Sin problemas" in str(informe)
    cuadra(informe)


def test_salida_prompt_completion_y_texto_y_sistema(tmp_path):
    ruta = escribir(tmp_path / "d.csv", CSV_BUENO)
    ds, _ = cargar_dataset_propio(ruta, formato_salida="prompt_completion", sistema="Sé breve.")
    assert ds.column_names == ["prompt", "completion"]
    assert ds[0]["prompt"][0] == {"role": "system", "content": "Sé breve."}
    assert ds[0]["completion"] == [{"role": "assistant", "content": "Tos"}]
    ds, _ = cargar_dataset_propio(ruta, formato_salida="texto")
    assert ds[1]["text"] == ("<|im_start|>user\n¿Qué es el corazón?<|im_end|>\n"
                             "<|im_start|>assistant\nUn órgano<|im_end|>\n")
    with pytest.raises(ErrorDatos, match="formato_salida='chat'"):
        cargar_dataset_propio(ruta, formato_salida="chat")


def test_columnas_propias_con_mapeo(tmp_path):
    ruta = escribir(tmp_path / "mio.csv", "consulta,contestacion,fecha\nhola,adiós,2024\n")
    with pytest.raises(ErrorDatos) as error:
        cargar_dataset_propio(ruta)
    mensaje = str(error.value)
    assert "mio.csv" in mensaje and "['consulta', 'contestacion', 'fecha']" in mensaje
    assert "columnas=" in mensaje
    ds, informe = cargar_dataset_propio(ruta, columnas={"consulta": "instruction",
                                                        "contestacion": "output"})
    assert ds[0]["messages"][1]["content"] == "adiós"
    assert any("['fecha']" in a for a in informe.avisos), "las columnas sin usar se avisan"


def test_columnas_en_espanol_y_separador_punto_y_coma(tmp_path):
    ruta = escribir(tmp_path / "es.csv", "Pregunta;Respuesta\n¿Uno?;Sí, uno\n")
    ds, informe = cargar_dataset_propio(ruta)
    assert ds[0]["messages"][1]["content"] == "Sí, uno"
    assert any("«Pregunta» como instruction" in a for a in informe.avisos)


def test_json_lista_y_objeto_con_lista_con_lineas(tmp_path):
    filas = [{"instruction": f"p{i}", "output": f"r{i}"} for i in range(3)]
    ruta = escribir(tmp_path / "d.json", json.dumps(filas, indent=2))
    ds, informe = cargar_dataset_propio(ruta)
    assert len(ds) == 3 and informe.tipo == "json"
    assert [li for _, li in informe.origenes] == [2, 6, 10]  # donde empieza cada objeto
    ruta = escribir(tmp_path / "o.json", json.dumps({"version": 1, "datos": filas}, indent=1))
    ds, informe = cargar_dataset_propio(ruta)
    assert len(ds) == 3 and any("«datos»" in a for a in informe.avisos)
    assert informe.origenes[0] == ("o.json", 4)


def test_jsonl_mensajes_y_sharegpt(tmp_path):
    ruta = jsonl(tmp_path / "d.jsonl", [
        {"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]},
        {"conversations": [{"from": "human", "value": "c"}, {"from": "gpt", "value": "d"}]},
    ])
    ds, informe = cargar_dataset_propio(ruta)
    assert [m["content"] for m in ds[1]["messages"]] == ["c", "d"]
    assert informe.formatos == {"mensajes": 1, "sharegpt": 1}


def test_carpeta_de_notas(tmp_path):
    carpeta = tmp_path / "notas"
    carpeta.mkdir()
    escribir(carpeta / "a.txt", "Paciente con tos.\n")
    escribir(carpeta / "b.txt", "Paciente  con tos.")  # duplicada tras normalizar espacios
    escribir(carpeta / "c.txt", "Dolor de cabeza, corazón y niño.", "latin-1")
    escribir(carpeta / "d.txt", "")
    escribir(carpeta / "foto.png", "x")
    (carpeta / "sub").mkdir()
    ds, informe = cargar_dataset_propio(carpeta, formato_salida="texto")
    assert ds["text"] == ["Paciente con tos.", "Dolor de cabeza, corazón y niño."]
    assert informe.filas_leidas == 4
    por_archivo = {o.archivo: o for o in informe.omisiones}
    assert sorted(por_archivo) == ["b.txt", "d.txt"]
    assert por_archivo["b.txt"].motivo == "duplicada de a.txt" and por_archivo["b.txt"].linea == 1
    assert por_archivo["d.txt"].motivo == "la nota está vacía"
    assert any("foto.png" in a and "sub/" in a for a in informe.avisos)
    assert any("c.txt" in a and "UTF-8" in a for a in informe.avisos)
    cuadra(informe)
    with pytest.raises(ErrorDatos, match="solo tiene texto sin turnos"):
        cargar_dataset_propio(carpeta)  # mensajes de algo que es solo texto


# ------------------------------------------------------------------------- malas entradas


def test_columna_que_falta(tmp_path):
    ruta = escribir(tmp_path / "d.csv", "instruction,notas\nhola,x\n")
    with pytest.raises(ErrorDatos) as error:
        cargar_dataset_propio(ruta)
    mensaje = str(error.value)
    assert "falta la columna 'output'" in mensaje and "['instruction', 'notas']" in mensaje
    assert "columnas=" in mensaje and "d.csv" in mensaje
    with pytest.raises(ErrorDatos, match=r"nombra \['respuesta'\].*instruction"):
        cargar_dataset_propio(ruta, columnas={"instruction": "instruction",
                                              "respuesta": "output"})


def test_filas_vacias_y_campos_vacios(tmp_path):
    ruta = escribir(tmp_path / "d.csv", "instruction,input,output\n"
                                        "a,,b\n"
                                        "\n"
                                        ",,\n"
                                        "c,,   \n"
                                        "   ,x,d\n"
                                        "e,,f\n\n\n")
    ds, informe = cargar_dataset_propio(ruta)
    assert len(ds) == 2
    assert [o.linea for o in informe.omisiones] == [3, 4, 5, 6]
    assert omision(informe, 3).motivo == "fila vacía"
    assert omision(informe, 5).motivo == "el campo 'output' está vacío"
    assert omision(informe, 6).motivo == "el campo 'instruction' está vacío"
    assert all(o.arreglo for o in informe.omisiones)
    assert informe.filas_leidas == 6  # las líneas vacías del final no son filas
    cuadra(informe)
    assert "d.csv, línea 5: el campo 'output' está vacío" in str(informe)
    # El informe dice qué filas no cuentan en el formato detectado, y por qué.
    assert informe.formatos == {"alpaca": 2}
    assert informe.sin_formato == {"vacía": 2, "campo vacío": 2}
    assert ("alpaca: 2 filas; 4 filas omitidas antes de ver su formato: vacía 2, campo vacío 2"
            in informe.resumen())
    tabla = informe.a_tabla()
    assert list(tabla.columns) == ["archivo", "línea", "motivo", "arreglo"]
    assert tabla["línea"].tolist() == [3, 4, 5, 6]


@pytest.mark.parametrize("codificacion", ["latin-1", "cp1252"])
def test_archivo_latin1(tmp_path, codificacion):
    texto = ("instruction,output\n"
             "hola,adios\n"
             "¿Qué le pasa al corazón?,El niño tiene fiebre\n")
    ruta = escribir(tmp_path / "d.csv", texto, codificacion)
    ds, informe = cargar_dataset_propio(ruta)
    assert ds[1]["messages"][0]["content"] == "¿Qué le pasa al corazón?"
    assert ds[1]["messages"][1]["content"] == "El niño tiene fiebre"
    assert informe.codificacion in ("cp1252", "latin-1")
    aviso = next(a for a in informe.avisos if "UTF-8" in a)
    assert "d.csv" in aviso and "línea 3" in aviso and "guárdalo como UTF-8" in aviso


def test_cp1252_con_comillas_tipograficas(tmp_path):
    ruta = escribir(tmp_path / "d.csv", "text\n“Cita” — 5 €\n", "cp1252")
    ds, informe = cargar_dataset_propio(ruta, formato_salida="texto")
    assert ds[0]["text"] == "“Cita” — 5 €" and informe.codificacion == "cp1252"


def test_utf8_con_bom_y_utf16(tmp_path):
    ds, informe = cargar_dataset_propio(escribir(tmp_path / "b.csv", "\ufeff" + CSV_BUENO))
    assert len(ds) == 2 and informe.codificacion == "utf-8" and not informe.avisos
    ds, informe = cargar_dataset_propio(escribir(tmp_path / "u.csv", CSV_BUENO, "utf-16"))
    assert ds[1]["messages"][1]["content"] == "Un órgano" and informe.codificacion == "utf-16"


@pytest.mark.parametrize("contenido, patron", [
    (b"PK\x03\x04\x14\x00\x06\x00", "Excel"),
    (b"%PDF-1.4\n", "PDF"),
    (bytes(range(256)) * 4, "bytes nulos"),
])
def test_binario(tmp_path, contenido, patron):
    ruta = tmp_path / "d.csv"
    ruta.write_bytes(contenido)
    with pytest.raises(ErrorDatos, match=patron) as error:
        cargar_dataset_propio(ruta)
    assert "d.csv" in str(error.value) and "Arreglo" in str(error.value)


def test_formatos_mezclados_se_convierten_con_aviso(tmp_path):
    ruta = jsonl(tmp_path / "mix.jsonl", [
        {"instruction": "a", "output": "b"},
        {"messages": [{"role": "user", "content": "c"}, {"role": "assistant", "content": "d"}]},
        {"instruction": "e", "input": "f", "output": "g"},
        {"text": "solo texto"},
    ])
    ds, informe = cargar_dataset_propio(ruta)
    assert len(ds) == 3 and informe.formato == "mezclado"
    assert informe.formatos == {"alpaca": 2, "mensajes": 1, "texto": 1}
    aviso = next(a for a in informe.avisos if "mezcla formatos" in a)
    assert "alpaca: 2 filas (la primera en la línea 1)" in aviso
    assert "mensajes: 1 filas (la primera en la línea 2)" in aviso
    assert "texto sin turnos" in omision(informe, 4).motivo
    cuadra(informe)


def test_duplicadas(tmp_path):
    ruta = jsonl(tmp_path / "d.jsonl", [
        {"instruction": "hola", "output": "adiós"},
        {"instruction": "otra", "output": "cosa"},
        {"instruction": " hola ", "output": "adiós  "},
        {"messages": [{"role": "user", "content": "hola"},
                      {"role": "assistant", "content": "adiós"}]},
    ])
    ds, informe = cargar_dataset_propio(ruta)
    assert len(ds) == 2
    assert omision(informe, 3).motivo == "duplicada de la línea 1"
    assert omision(informe, 4).motivo == "duplicada de la línea 1"
    assert "línea 3: duplicada de la línea 1" in str(informe)
    cuadra(informe)
    ds, informe = cargar_dataset_propio(ruta, quitar_duplicados=False)
    assert len(ds) == 4 and not informe.omisiones


def test_demasiado_largas(tmp_path):
    from curso_llm.formatos import tokenizar_conversacion
    from curso_llm.modelos import tokenizador_base

    tokenizador = tokenizador_base()
    largo = "palabra " * 300
    ruta = escribir(tmp_path / "d.csv", f"instruction,output\ncorta,sí\n{largo},no\n")
    ds, informe = cargar_dataset_propio(ruta, tokenizador=tokenizador, max_tokens=64)
    assert len(ds) == 1
    o = omision(informe, 3)
    n = len(tokenizar_conversacion(tokenizador, a_mensajes(
        {"instruction": largo, "output": "no"})["messages"])["input_ids"])
    assert o.motivo == f"tiene {n} tokens y el límite es 64 (max_tokens)"
    assert "sube max_tokens" in o.arreglo and "divídelo" in o.arreglo
    cuadra(informe)
    corta = len(tokenizar_conversacion(tokenizador, ds[0]["messages"])["input_ids"])
    ds, informe = cargar_dataset_propio(ruta, tokenizador=tokenizador, max_tokens=corta)
    assert len(ds) == 1, "una fila de exactamente max_tokens tokens cabe"
    with pytest.raises(ErrorDatos, match="ninguna fila") as error:
        cargar_dataset_propio(ruta, tokenizador=tokenizador, max_tokens=corta - 1)
    assert f"tiene {corta} tokens y el límite es {corta - 1}" in str(error.value)
    with pytest.raises(ErrorDatos, match="sin tokenizador"):
        cargar_dataset_propio(ruta, max_tokens=10)


def test_json_mal_formado(tmp_path):
    ruta = escribir(tmp_path / "d.json", '[\n  {"instruction": "a", "output": "b"},\n'
                                         '  {"instruction": "c" "output": "d"}\n]')
    with pytest.raises(ErrorDatos) as error:
        cargar_dataset_propio(ruta)
    mensaje = str(error.value)
    assert "d.json, línea 3, columna 23" in mensaje and "falta una coma" in mensaje
    assert "Arreglo" in mensaje


def test_jsonl_mal_formado_lista_todas_las_lineas(tmp_path):
    ruta = escribir(tmp_path / "d.jsonl", '{"text": "a"}\n{"text": "b",}\n{"text": "c"}\n'
                                          '{text: "d"}\n')
    with pytest.raises(ErrorDatos) as error:
        cargar_dataset_propio(ruta, formato_salida="texto")
    mensaje = str(error.value)
    assert "2 línea(s)" in mensaje and "línea 2, columna 14" in mensaje
    assert "línea 4, columna 2" in mensaje and "Arreglo" in mensaje


def test_json_con_un_objeto_por_linea_se_lee_como_jsonl(tmp_path):
    ruta = escribir(tmp_path / "d.json", '{"text": "a"}\n{"text": "b"}\n')
    ds, informe = cargar_dataset_propio(ruta, formato_salida="texto")
    assert ds["text"] == ["a", "b"] and informe.tipo == "jsonl"
    assert any(".jsonl" in a for a in informe.avisos)


def test_csv_con_campos_de_mas_o_de_menos(tmp_path):
    ruta = escribir(tmp_path / "d.csv", "instruction,output\n"
                                        "a,b\n"
                                        "Hola, ¿qué tal?,bien\n"
                                        "solo\n"
                                        '"Hola, ¿qué tal?",bien\n'
                                        '"varias\nlíneas",x\n'
                                        "z,y,\n")
    ds, informe = cargar_dataset_propio(ruta)
    assert len(ds) == 3
    assert omision(informe, 3).motivo == "tiene 3 campos y la cabecera 2"
    assert "comillas" in omision(informe, 3).arreglo
    assert omision(informe, 4).motivo == "tiene 1 campos y la cabecera 2"
    assert informe.origenes[-1] == ("d.csv", 6), "un campo de varias líneas empieza en la 6"
    assert omision(informe, 8).motivo == "tiene 3 campos y la cabecera 2"
    cuadra(informe)


@pytest.mark.parametrize("caso, patron", [
    ("no_existe", "No existe"),
    ("extension", "extensión '.xlsx'"),
    ("carpeta_vacia", "no tiene archivos .txt"),
    ("vacio", "está vacío"),
    ("solo_cabecera", "no tiene filas de datos"),
    ("lista_vacia", "no tiene filas de datos"),
])
def test_archivos_imposibles(tmp_path, caso, patron):
    rutas = {"no_existe": tmp_path / "nada.csv", "extension": tmp_path / "d.xlsx",
             "carpeta_vacia": tmp_path / "vacia", "vacio": tmp_path / "d.csv",
             "solo_cabecera": tmp_path / "c.csv", "lista_vacia": tmp_path / "l.json"}
    (tmp_path / "d.xlsx").write_bytes(b"x")
    (tmp_path / "vacia").mkdir()
    (tmp_path / "d.csv").write_bytes(b"  \n")
    escribir(tmp_path / "c.csv", "instruction,output\n")
    escribir(tmp_path / "l.json", "[]")
    with pytest.raises(ErrorDatos, match=patron) as error:
        cargar_dataset_propio(rutas[caso])
    assert rutas[caso].name in str(error.value) and "Arreglo" in str(error.value)


def test_valores_que_no_son_texto(tmp_path):
    ruta = jsonl(tmp_path / "d.jsonl", [
        {"instruction": "¿Cuánto?", "output": 42},
        {"instruction": "¿Nada?", "output": None},
        {"instruction": "¿Lista?", "output": ["a"]},
        {"instruction": "x", "input": None, "output": "y"},
        {"messages": [{"role": "user", "content": 7}, {"role": "assistant", "content": 8.5}]},
        {"messages": [{"role": "user", "content": "a"}, {"role": "assistant", "content": None}]},
        [1, 2],
    ])
    ds, informe = cargar_dataset_propio(ruta)
    assert ds[0]["messages"][1]["content"] == "42"
    assert ds[1]["messages"][0]["content"] == "x"
    assert [m["content"] for m in ds[2]["messages"]] == ["7", "8.5"]
    assert omision(informe, 2).motivo == "el campo 'output' está vacío"
    assert omision(informe, 3).motivo == "el campo 'output' no es texto (es list)"
    assert "contenido vacío o no es texto" in omision(informe, 6).motivo
    assert "no es un objeto JSON" in omision(informe, 7).motivo
    aviso = next(a for a in informe.avisos if "numérico" in a)
    assert "3 valor(es)" in aviso and "línea 1" in aviso
    cuadra(informe)


def test_ninguna_fila_valida_da_error_con_informe(tmp_path):
    ruta = escribir(tmp_path / "d.csv", "instruction,output\n,\n a , \n")
    with pytest.raises(ErrorDatos, match="ninguna fila") as error:
        cargar_dataset_propio(ruta)
    assert error.value.informe.filas_leidas == 2 and len(error.value.informe.omisiones) == 2


def test_fila_jsonl_sin_un_campo(tmp_path):
    ruta = jsonl(tmp_path / "d.jsonl", [{"instruction": "a", "output": "b"}, {"instruction": "c"}])
    ds, informe = cargar_dataset_propio(ruta)
    assert len(ds) == 1 and omision(informe, 2).motivo == "le falta el campo 'output'"


def test_error_datos_es_value_error_y_no_pisa_error_formato():
    assert issubclass(ErrorDatos, ValueError) and not issubclass(ErrorDatos, ErrorFormato)


def test_informe_html():
    informe = InformeCarga(archivo="x.csv", tipo="csv", formato="alpaca", filas_leidas=0)
    assert "x.csv" in informe._repr_html_()


def test_diez_mil_filas(tmp_path):
    """Mide (no exige) el tiempo de cargar 10 000 filas; el umbral solo detecta algo absurdo."""
    lineas = ["instruction,input,output"] + [
        f"Pregunta número {i},contexto {i % 7},Respuesta {i}" for i in range(10_000)]
    lineas[5001] = lineas[5000]  # un duplicado
    ruta = escribir(tmp_path / "grande.csv", "\n".join(lineas) + "\n")
    inicio = time.perf_counter()
    ds, informe = cargar_dataset_propio(ruta)
    segundos = time.perf_counter() - inicio
    print(f"10 000 filas cargadas en {segundos:.2f} s")
    assert len(ds) == 9_999 and omision(informe, 5002).motivo == "duplicada de la línea 5001"
    cuadra(informe)
    assert segundos < 60


def test_texto_ilegible_sin_bytes_nulos(tmp_path):
    ruta = tmp_path / "d.csv"
    ruta.write_bytes(bytes(range(1, 256)) * 8)
    with pytest.raises(ErrorDatos, match="no se puede leer como texto") as error:
        cargar_dataset_propio(ruta)
    assert "d.csv" in str(error.value) and "Arreglo" in str(error.value)


def test_tipo_por_contenido_jsonl_que_es_una_lista(tmp_path):
    ruta = escribir(tmp_path / "d.jsonl", json.dumps([{"text": "a"}, {"text": "b"}], indent=1))
    ds, informe = cargar_dataset_propio(ruta, formato_salida="texto")
    assert ds["text"] == ["a", "b"] and informe.tipo == "json"
    assert [li for _, li in informe.origenes] == [2, 5]
    assert any(".json" in a and "lista JSON" in a for a in informe.avisos)


def test_prompt_completion_de_texto_plano_en_un_csv(tmp_path):
    ruta = escribir(tmp_path / "d.csv", "prompt,completion\nHola,Adiós\n")
    ds, _ = cargar_dataset_propio(ruta, formato_salida="prompt_completion")
    assert ds[0] == {"prompt": [{"role": "user", "content": "Hola"}],
                     "completion": [{"role": "assistant", "content": "Adiós"}]}


def test_informe_impreso_partido_a_100_columnas(tmp_path):
    # Un CSV con fila vacía, campo vacío, columna que no se usa y codificación cp1252: las
    # omisiones y los avisos pasan de 100 caracteres y deben partirse sin cambiar el texto.
    ruta = escribir(tmp_path / "datos_con_un_nombre_de_archivo_bastante_largo.csv",
                    "instruction;output;revisado_por\n¿Corazón?;Un órgano;A\n;;\nc;;B\n",
                    codificacion="cp1252")
    _, informe = cargar_dataset_propio(ruta)
    largas = [f"  - {o}" for o in informe.omisiones] + [f"  - {a}" for a in informe.avisos]
    assert informe.omisiones and informe.avisos and max(map(len, largas)) > 100
    impreso = str(informe)
    # Solo puede pasarse la línea con la ruta completa (una palabra no se parte).
    assert all(len(linea) <= 100 or str(ruta) in linea for linea in impreso.splitlines()), impreso
    plano = " ".join(impreso.split())
    for texto in largas + informe.resumen().splitlines():
        assert " ".join(texto.split()) in plano, texto
    # Las líneas de continuación van sangradas bajo su viñeta.
    assert any(linea.startswith("    ") and not linea.startswith("    -")
               for linea in impreso.splitlines())
