"""Corpus narrativo sintético en español para preentrenar modelos diminutos.

Los párrafos salen de más de 80 plantillas con vocabulario variado (personas, oficios, lugares,
animales, clima, comida, objetos, herramientas, prendas, plantas, verbos conjugados con reglas,
adverbios y meses; más de 3000 palabras distintas en ``train``) y respetan la concordancia de género y número: «la panadera
cansada», «los perros viejos», «las compró». Así un modelo pequeño tiene una gramática que
aprender. Todo es ficticio y determinista: la misma semilla da el mismo corpus.
"""

from __future__ import annotations

import random

from ._comun import mayuscula_inicial, particion_de, unir_lista, validar_particion

# Tamaño aproximado (en caracteres) de cada partición.
TAMANOS = {"train": 1_150_000, "validation": 60_000, "test": 60_000}

MUJERES = [
    "Ana", "Lucía", "Marta", "Elena", "Carmen", "Rosa", "Inés", "Julia", "Teresa", "Sofía",
    "Laura", "Pilar", "Clara", "Irene", "Nuria", "Alba", "Celia", "Lola", "Marina", "Paula",
    "Raquel", "Sara", "Valeria", "Ximena", "Camila", "Daniela", "Gabriela", "Noelia", "Olga",
    "Beatriz", "Manuela", "Adela", "Alicia", "Amparo", "Andrea", "Antonia", "Aurora", "Blanca",
    "Candela", "Carla", "Carolina", "Cecilia", "Concha", "Consuelo", "Cristina", "Dolores",
    "Emma", "Encarna", "Esther", "Eva", "Fátima", "Gloria", "Graciela", "Isabel", "Jimena",
    "Josefa", "Leonor", "Lidia", "Lorena", "Luisa", "Magdalena", "Mercedes", "Miriam", "Natalia",
    "Nieves", "Paloma", "Patricia", "Remedios", "Rocío", "Salomé", "Silvia", "Soledad", "Susana",
    "Tamara", "Vanesa", "Verónica", "Victoria", "Virginia", "Yolanda", "Zoe",
]
HOMBRES = [
    "Luis", "Pedro", "Juan", "Miguel", "Carlos", "Jorge", "Pablo", "Andrés", "Tomás", "Diego",
    "Mateo", "Hugo", "Álvaro", "Ramón", "Emilio", "Rafael", "Sergio", "Iván", "Óscar", "Bruno",
    "Felipe", "Gonzalo", "Martín", "Nicolás", "Samuel", "Víctor", "Joaquín", "Esteban",
    "Rodrigo", "Ignacio", "Julián", "Marcos", "Adrián", "Agustín", "Alberto", "Alejandro",
    "Alfonso", "Alonso", "Antonio", "Arturo", "Benito", "Bernardo", "Blas", "César", "Cristóbal",
    "Daniel", "David", "Eduardo", "Enrique", "Ernesto", "Eugenio", "Fabián", "Federico",
    "Fermín", "Fernando", "Francisco", "Gabriel", "Germán", "Gregorio", "Guillermo", "Héctor",
    "Jacinto", "Jaime", "Javier", "Jesús", "Leandro", "Lorenzo", "Manuel", "Mariano", "Nacho",
    "Octavio", "Patricio", "Ricardo", "Roberto", "Salvador", "Santiago", "Simón", "Teodoro",
    "Valentín", "Vicente",
]
# (masculino, femenino)
OFICIOS = [
    ("panadero", "panadera"), ("pescador", "pescadora"), ("maestro", "maestra"),
    ("carpintero", "carpintera"), ("médico", "médica"), ("enfermero", "enfermera"),
    ("agricultor", "agricultora"), ("cocinero", "cocinera"), ("pastor", "pastora"),
    ("alfarero", "alfarera"), ("herrero", "herrera"), ("pintor", "pintora"),
    ("cartero", "cartera"), ("jardinero", "jardinera"), ("bibliotecario", "bibliotecaria"),
    ("veterinario", "veterinaria"), ("conductor", "conductora"), ("tendero", "tendera"),
    ("molinero", "molinera"), ("apicultor", "apicultora"), ("escritor", "escritora"),
    ("fotógrafo", "fotógrafa"), ("relojero", "relojera"), ("zapatero", "zapatera"),
    ("abogado", "abogada"), ("arquitecto", "arquitecta"), ("bombero", "bombera"),
    ("camarero", "camarera"), ("carnicero", "carnicera"), ("costurero", "costurera"),
    ("frutero", "frutera"), ("granjero", "granjera"), ("ingeniero", "ingeniera"),
    ("leñador", "leñadora"), ("librero", "librera"), ("marinero", "marinera"),
    ("mecánico", "mecánica"), ("minero", "minera"), ("músico", "música"),
    ("peluquero", "peluquera"), ("pescadero", "pescadera"), ("profesor", "profesora"),
    ("químico", "química"), ("cerrajero", "cerrajera"), ("fontanero", "fontanera"),
    ("alcalde", "alcaldesa"), ("actor", "actriz"), ("poeta", "poetisa"), ("lechero", "lechera"),
    ("vaquero", "vaquera"), ("quesero", "quesera"), ("tejedor", "tejedora"),
    ("vendedor", "vendedora"), ("traductor", "traductora"), ("bailarín", "bailarina"),
    ("barquero", "barquera"), ("sombrerero", "sombrerera"), ("posadero", "posadera"),
    ("astrónomo", "astrónoma"), ("biólogo", "bióloga"), ("farmacéutico", "farmacéutica"),
    ("escultor", "escultora"), ("ganadero", "ganadera"), ("campesino", "campesina"),
]
# (género, nombre)
LUGARES = [
    ("m", "mercado"), ("f", "plaza"), ("m", "puerto"), ("f", "biblioteca"), ("m", "bosque"),
    ("f", "playa"), ("m", "río"), ("f", "montaña"), ("m", "huerto"), ("f", "escuela"),
    ("m", "molino"), ("f", "panadería"), ("m", "taller"), ("f", "estación"), ("m", "parque"),
    ("m", "hospital"), ("f", "granja"), ("m", "puente"), ("f", "feria"), ("m", "lago"),
    ("f", "cueva"), ("m", "campo"), ("f", "cocina"), ("m", "jardín"), ("f", "colina"),
    ("m", "faro"), ("f", "huerta"), ("m", "establo"), ("f", "posada"), ("m", "camino"),
    ("m", "ayuntamiento"), ("f", "fuente"), ("f", "carpintería"), ("f", "herrería"),
    ("m", "castillo"), ("f", "torre"), ("m", "muelle"), ("m", "valle"), ("f", "pradera"),
    ("m", "prado"), ("m", "pinar"), ("m", "olivar"), ("m", "viñedo"), ("f", "bodega"),
    ("m", "granero"), ("m", "corral"), ("f", "dehesa"), ("m", "monasterio"), ("f", "ermita"),
    ("f", "iglesia"), ("m", "museo"), ("m", "teatro"), ("m", "mirador"), ("f", "ladera"),
    ("m", "arroyo"), ("f", "cascada"), ("f", "laguna"), ("m", "acantilado"), ("m", "barrio"),
    ("m", "patio"), ("m", "desván"), ("f", "farmacia"), ("f", "librería"), ("f", "pastelería"),
    ("f", "frutería"), ("m", "almacén"), ("m", "quiosco"), ("f", "tienda"),
    ("m", "invernadero"), ("f", "alameda"), ("f", "muralla"), ("m", "cerro"), ("f", "sierra"),
    ("m", "manantial"), ("m", "estanque"), ("m", "sendero"), ("m", "albergue"), ("m", "mesón"),
    ("f", "taberna"), ("m", "lavadero"), ("f", "fragua"), ("m", "palomar"),
]
PUEBLOS = [
    "Villanueva", "Robledo", "Peñaflor", "Valdemora", "Almenara", "Fuentesol", "Castrillo",
    "Miraflores", "Torrealba", "Olmedilla", "Riofrío", "Montegrande", "Aguaclara", "Pinares",
    "Sotoverde", "Navalcruz", "Losares", "Campoalto", "Berrocal", "Encinar", "Vallehondo",
    "Puertollano del Sur", "Mirabel", "Solana", "Valdeolivos", "Peñarroja", "Fuentelsaz",
    "Villarejo", "Castronuevo", "Almedina", "Robleda", "Navaluenga", "Torremocha", "Valverde",
    "Cañaveral", "Alcornocal", "Pozoblanco", "Villaseca", "Fresnedilla", "Carrascal",
    "Monteagudo", "Ribafría", "Salinas", "Cerezal", "Castañar", "Brañosera", "Lagunilla",
    "Piedrahíta", "Matalobos", "Pradollano", "Espinosa", "Quintanilla", "Arroyomolinos",
    "Villaflores", "Tejares", "Rocamora", "Hontanar", "Valdecañas", "Nogaledo", "Albarrán",
]
# (singular, plural, género)
ANIMALES = [
    ("perro", "perros", "m"), ("gata", "gatas", "f"), ("caballo", "caballos", "m"),
    ("oveja", "ovejas", "f"), ("vaca", "vacas", "f"), ("gallo", "gallos", "m"),
    ("gallina", "gallinas", "f"), ("burro", "burros", "m"), ("cabra", "cabras", "f"),
    ("pato", "patos", "m"), ("paloma", "palomas", "f"), ("zorro", "zorros", "m"),
    ("ardilla", "ardillas", "f"), ("conejo", "conejos", "m"), ("tortuga", "tortugas", "f"),
    ("loro", "loros", "m"), ("lechuza", "lechuzas", "f"), ("ciervo", "ciervos", "m"),
    ("rana", "ranas", "f"), ("cerdo", "cerdos", "m"), ("yegua", "yeguas", "f"),
    ("gato", "gatos", "m"), ("perra", "perras", "f"), ("ganso", "gansos", "m"),
    ("mula", "mulas", "f"), ("cordero", "corderos", "m"), ("ternero", "terneros", "m"),
    ("toro", "toros", "m"), ("jabalí", "jabalíes", "m"), ("lobo", "lobos", "m"),
    ("oso", "osos", "m"), ("liebre", "liebres", "f"), ("erizo", "erizos", "m"),
    ("topo", "topos", "m"), ("ratón", "ratones", "m"), ("golondrina", "golondrinas", "f"),
    ("gorrión", "gorriones", "m"), ("cigüeña", "cigüeñas", "f"), ("mirlo", "mirlos", "m"),
    ("búho", "búhos", "m"), ("halcón", "halcones", "m"), ("cuervo", "cuervos", "m"),
    ("urraca", "urracas", "f"), ("garza", "garzas", "f"), ("pavo", "pavos", "m"),
    ("codorniz", "codornices", "f"), ("abeja", "abejas", "f"), ("mariposa", "mariposas", "f"),
    ("hormiga", "hormigas", "f"), ("grillo", "grillos", "m"), ("caracol", "caracoles", "m"),
    ("lagartija", "lagartijas", "f"), ("culebra", "culebras", "f"), ("trucha", "truchas", "f"),
    ("cangrejo", "cangrejos", "m"), ("delfín", "delfines", "m"), ("gaviota", "gaviotas", "f"),
    ("foca", "focas", "f"), ("nutria", "nutrias", "f"), ("castor", "castores", "m"),
    ("tejón", "tejones", "m"), ("comadreja", "comadrejas", "f"), ("potro", "potros", "m"),
    ("perdiz", "perdices", "f"), ("jilguero", "jilgueros", "m"), ("luciérnaga", "luciérnagas", "f"),
]
ADJ_ANIMAL = [
    "pequeño", "grande", "viejo", "joven", "blanco", "negro", "gris", "marrón", "tranquilo",
    "inquieto", "hambriento", "cansado", "alegre", "dormido", "asustado", "curioso", "flaco",
    "gordo", "veloz", "manchado", "pardo", "rojizo", "juguetón", "dormilón", "glotón", "salvaje",
    "manso", "feroz", "lento", "ágil", "fuerte", "débil", "herido", "enfermo", "sano",
    "hermoso", "elegante", "listo", "travieso", "obediente", "fiel", "mojado", "peludo",
    "moteado", "rayado", "ruidoso", "silencioso", "robusto", "delgado", "tímido",
]
# (sustantivo, género, número)
COMIDAS = [
    ("pan", "m", "s"), ("sopa", "f", "s"), ("manzanas", "f", "p"), ("queso", "m", "s"),
    ("tortilla", "f", "s"), ("naranjas", "f", "p"), ("castañas", "f", "p"), ("arroz", "m", "s"),
    ("lentejas", "f", "p"), ("pescado", "m", "s"), ("uvas", "f", "p"), ("galletas", "f", "p"),
    ("miel", "f", "s"), ("tomates", "m", "p"), ("empanada", "f", "s"), ("higos", "m", "p"),
    ("bizcocho", "m", "s"), ("peras", "f", "p"), ("almendras", "f", "p"), ("guiso", "m", "s"),
    ("ciruelas", "f", "p"), ("pimientos", "m", "p"), ("tarta", "f", "s"), ("melón", "m", "s"),
    ("cerezas", "f", "p"), ("fresas", "f", "p"), ("melocotones", "m", "p"),
    ("albaricoques", "m", "p"), ("nueces", "f", "p"), ("avellanas", "f", "p"),
    ("patatas", "f", "p"), ("zanahorias", "f", "p"), ("calabaza", "f", "s"),
    ("berenjenas", "f", "p"), ("garbanzos", "m", "p"), ("espinacas", "f", "p"),
    ("ensalada", "f", "s"), ("chorizo", "m", "s"), ("jamón", "m", "s"), ("pollo", "m", "s"),
    ("bacalao", "m", "s"), ("merluza", "f", "s"), ("caldo", "m", "s"), ("cocido", "m", "s"),
    ("gazpacho", "m", "s"), ("paella", "f", "s"), ("migas", "f", "p"), ("torrijas", "f", "p"),
    ("buñuelos", "m", "p"), ("churros", "m", "p"), ("rosquillas", "f", "p"),
    ("magdalenas", "f", "p"), ("flan", "m", "s"), ("mermelada", "f", "s"),
    ("chocolate", "m", "s"), ("turrón", "m", "s"), ("huevos", "m", "p"), ("aceitunas", "f", "p"),
    ("sandía", "f", "s"), ("croquetas", "f", "p"), ("albóndigas", "f", "p"), ("pastel", "m", "s"),
    ("compota", "f", "s"), ("puré", "m", "s"),
]
ADJ_COMIDA = ["caliente", "fresco", "dulce", "sabroso", "recién hecho", "maduro", "salado",
              "crujiente", "tierno", "casero", "jugoso", "delicioso", "picante", "templado",
              "frío", "amargo", "exquisito", "humeante", "tostado", "asado", "ahumado", "blando",
              "apetitoso", "rico", "aromático", "cremoso", "esponjoso", "dorado"]
ADJ_ESTADO = ["cansado", "contento", "feliz", "satisfecho", "empapado", "tranquilo",
              "preocupado", "hambriento", "orgulloso", "sorprendido", "agotado", "aburrido",
              "animado", "emocionado", "nervioso", "relajado", "sediento", "helado", "triste",
              "pensativo", "ilusionado", "aliviado", "agradecido", "confundido", "enfadado",
              "inquieto", "acalorado", "entusiasmado", "asombrado", "impaciente", "sereno",
              "descansado", "encantado", "distraído", "pálido"]
ADJ_CARACTER = ["amable", "generoso", "tímido", "valiente", "trabajador", "paciente",
                "despistado", "alegre", "callado", "curioso", "honrado", "testarudo",
                "bondadoso", "cariñoso", "sincero", "prudente", "astuto", "sabio", "charlatán",
                "hablador", "madrugador", "soñador", "ordenado", "risueño", "serio", "simpático",
                "educado", "atento", "puntual", "humilde", "sensato", "ingenioso", "habilidoso",
                "gruñón", "perezoso", "responsable", "cuidadoso", "discreto", "servicial",
                "optimista"]
# Objetos, herramientas, prendas y plantas: (singular, plural, género)
OBJETOS = [
    ("llave", "llaves", "f"), ("cesta", "cestas", "f"), ("caja", "cajas", "f"),
    ("lámpara", "lámparas", "f"), ("vela", "velas", "f"), ("espejo", "espejos", "m"),
    ("reloj", "relojes", "m"), ("cuaderno", "cuadernos", "m"), ("libro", "libros", "m"),
    ("carta", "cartas", "f"), ("mapa", "mapas", "m"), ("bolsa", "bolsas", "f"),
    ("botella", "botellas", "f"), ("jarra", "jarras", "f"), ("taza", "tazas", "f"),
    ("plato", "platos", "m"), ("cuchara", "cucharas", "f"), ("tenedor", "tenedores", "m"),
    ("cuchillo", "cuchillos", "m"), ("olla", "ollas", "f"), ("sartén", "sartenes", "f"),
    ("cazuela", "cazuelas", "f"), ("manta", "mantas", "f"), ("almohada", "almohadas", "f"),
    ("silla", "sillas", "f"), ("mesa", "mesas", "f"), ("banco", "bancos", "m"),
    ("baúl", "baúles", "m"), ("cofre", "cofres", "m"), ("maleta", "maletas", "f"),
    ("moneda", "monedas", "f"), ("anillo", "anillos", "m"), ("collar", "collares", "m"),
    ("pulsera", "pulseras", "f"), ("peine", "peines", "m"), ("jabón", "jabones", "m"),
    ("toalla", "toallas", "f"), ("cuerda", "cuerdas", "f"), ("farol", "faroles", "m"),
    ("linterna", "linternas", "f"), ("brújula", "brújulas", "f"), ("cometa", "cometas", "f"),
    ("pelota", "pelotas", "f"), ("muñeca", "muñecas", "f"), ("tambor", "tambores", "m"),
    ("flauta", "flautas", "f"), ("guitarra", "guitarras", "f"), ("violín", "violines", "m"),
    ("acordeón", "acordeones", "m"), ("bicicleta", "bicicletas", "f"),
    ("campana", "campanas", "f"), ("jaula", "jaulas", "f"), ("cántaro", "cántaros", "m"),
    ("botijo", "botijos", "m"), ("cubo", "cubos", "m"), ("periódico", "periódicos", "m"),
    ("fotografía", "fotografías", "f"), ("cuadro", "cuadros", "m"), ("postal", "postales", "f"),
    ("lápiz", "lápices", "m"), ("mochila", "mochilas", "f"), ("abanico", "abanicos", "m"),
    ("tintero", "tinteros", "m"), ("pergamino", "pergaminos", "m"), ("candado", "candados", "m"),
    ("cajón", "cajones", "m"), ("cesto", "cestos", "m"), ("bandeja", "bandejas", "f"),
    ("florero", "floreros", "m"), ("jarrón", "jarrones", "m"), ("cazo", "cazos", "m"),
    ("tetera", "teteras", "f"), ("cafetera", "cafeteras", "f"), ("sábana", "sábanas", "f"),
    ("alfombra", "alfombras", "f"), ("cortina", "cortinas", "f"), ("cuna", "cunas", "f"),
    ("tapiz", "tapices", "m"), ("trompeta", "trompetas", "f"), ("armónica", "armónicas", "f"),
    ("pandereta", "panderetas", "f"), ("balón", "balones", "m"), ("globo", "globos", "m"),
]
HERRAMIENTAS = [
    ("martillo", "martillos", "m"), ("sierra", "sierras", "f"), ("azada", "azadas", "f"),
    ("pala", "palas", "f"), ("rastrillo", "rastrillos", "m"), ("hoz", "hoces", "f"),
    ("destornillador", "destornilladores", "m"), ("tenaza", "tenazas", "f"),
    ("lima", "limas", "f"), ("cincel", "cinceles", "m"), ("serrucho", "serruchos", "m"),
    ("escoba", "escobas", "f"), ("escalera", "escaleras", "f"), ("carretilla", "carretillas", "f"),
    ("horca", "horcas", "f"), ("guadaña", "guadañas", "f"), ("pico", "picos", "m"),
    ("aguja", "agujas", "f"), ("dedal", "dedales", "m"), ("brocha", "brochas", "f"),
    ("pincel", "pinceles", "m"), ("taladro", "taladros", "m"), ("red", "redes", "f"),
    ("caña", "cañas", "f"), ("regadera", "regaderas", "f"), ("navaja", "navajas", "f"),
    ("yunque", "yunques", "m"), ("tijera", "tijeras", "f"), ("lupa", "lupas", "f"),
    ("mazo", "mazos", "m"),
]
PRENDAS = [
    ("camisa", "camisas", "f"), ("abrigo", "abrigos", "m"), ("bufanda", "bufandas", "f"),
    ("sombrero", "sombreros", "m"), ("gorra", "gorras", "f"), ("chaqueta", "chaquetas", "f"),
    ("falda", "faldas", "f"), ("pantalón", "pantalones", "m"), ("vestido", "vestidos", "m"),
    ("jersey", "jerséis", "m"), ("chaleco", "chalecos", "m"), ("capa", "capas", "f"),
    ("guante", "guantes", "m"), ("bota", "botas", "f"), ("zapato", "zapatos", "m"),
    ("sandalia", "sandalias", "f"), ("calcetín", "calcetines", "m"),
    ("delantal", "delantales", "m"), ("pañuelo", "pañuelos", "m"), ("boina", "boinas", "f"),
    ("cinturón", "cinturones", "m"), ("chal", "chales", "m"), ("blusa", "blusas", "f"),
    ("corbata", "corbatas", "f"), ("poncho", "ponchos", "m"), ("zapatilla", "zapatillas", "f"),
    ("camiseta", "camisetas", "f"), ("gabardina", "gabardinas", "f"),
    ("impermeable", "impermeables", "m"), ("chubasquero", "chubasqueros", "m"),
]
PLANTAS = [
    ("rosal", "rosales", "m"), ("clavel", "claveles", "m"), ("girasol", "girasoles", "m"),
    ("margarita", "margaritas", "f"), ("amapola", "amapolas", "f"), ("lirio", "lirios", "m"),
    ("tulipán", "tulipanes", "m"), ("violeta", "violetas", "f"), ("azucena", "azucenas", "f"),
    ("jazmín", "jazmines", "m"), ("geranio", "geranios", "m"), ("hortensia", "hortensias", "f"),
    ("romero", "romeros", "m"), ("tomillo", "tomillos", "m"), ("lavanda", "lavandas", "f"),
    ("helecho", "helechos", "m"), ("roble", "robles", "m"), ("encina", "encinas", "f"),
    ("pino", "pinos", "m"), ("olivo", "olivos", "m"), ("almendro", "almendros", "m"),
    ("cerezo", "cerezos", "m"), ("manzano", "manzanos", "m"), ("naranjo", "naranjos", "m"),
    ("limonero", "limoneros", "m"), ("castaño", "castaños", "m"), ("nogal", "nogales", "m"),
    ("sauce", "sauces", "m"), ("chopo", "chopos", "m"), ("álamo", "álamos", "m"),
    ("abeto", "abetos", "m"), ("higuera", "higueras", "f"), ("parra", "parras", "f"),
    ("hiedra", "hiedras", "f"), ("ortiga", "ortigas", "f"), ("trébol", "tréboles", "m"),
    ("olmo", "olmos", "m"), ("fresno", "fresnos", "m"), ("madroño", "madroños", "m"),
    ("laurel", "laureles", "m"), ("tomatera", "tomateras", "f"), ("zarza", "zarzas", "f"),
]
ADJ_OBJETO = ["nuevo", "viejo", "antiguo", "roto", "oxidado", "brillante", "pesado", "ligero",
              "rojo", "azul", "verde", "amarillo", "morado", "blanco", "negro", "gris", "marrón",
              "dorado", "plateado", "pequeño", "enorme", "precioso", "limpio", "sucio",
              "gastado", "reluciente", "útil", "raro", "extraño", "valioso", "barato", "caro",
              "frágil", "resistente", "abollado", "torcido", "heredado", "olvidado"]
ADJ_PLANTA = ["florido", "alto", "bajo", "seco", "frondoso", "viejo", "torcido",
              "verde", "amarillento", "marchito", "lozano", "hermoso", "perfumado", "silvestre",
              "espinoso", "enorme", "delicado", "robusto", "centenario", "solitario", "mojado",
              "podado"]
# Adjetivos de un lugar (concuerdan con su género): «la plaza estaba desierta».
ADJ_LUGAR = ["lleno de gente", "vacío", "desierto", "silencioso", "animado", "adornado",
             "iluminado", "limpio", "tranquilo", "abarrotado", "cerrado", "abierto", "oscuro",
             "ruidoso", "fresco", "soleado", "nevado", "encharcado", "decorado", "precioso"]
ADVERBIOS = ["despacio", "deprisa", "tranquilamente", "alegremente", "cuidadosamente",
             "lentamente", "rápidamente", "pacientemente", "silenciosamente", "atentamente",
             "tímidamente", "torpemente", "hábilmente", "animadamente", "distraídamente",
             "sigilosamente", "cómodamente", "ruidosamente", "amablemente", "tristemente",
             "orgullosamente", "nerviosamente", "serenamente", "suavemente", "felizmente",
             "concienzudamente", "perezosamente", "enérgicamente",
             "discretamente", "cariñosamente", "ágilmente", "firmemente", "dulcemente",
             "sencillamente", "puntualmente", "misteriosamente"]
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
         "septiembre", "octubre", "noviembre", "diciembre"]
# (singular, plural): «el lunes», «los sábados».
DIAS = [("lunes", "lunes"), ("martes", "martes"), ("miércoles", "miércoles"),
        ("jueves", "jueves"), ("viernes", "viernes"), ("sábado", "sábados"),
        ("domingo", "domingos")]
FAMILIARES = ["su hermana", "su hermano", "sus hijos", "un amigo", "una vecina", "su abuelo",
              "su abuela", "su tía", "su tío", "su prima", "su primo", "sus padres",
              "su sobrina", "su sobrino", "su madrina", "su padrino", "sus nietos"]
CLIMA = [
    "Aquella mañana llovía sin parar.", "Hacía un sol radiante.",
    "Soplaba un viento frío del norte.", "La niebla cubría todo el valle.",
    "Nevaba desde la noche anterior.", "El cielo estaba completamente despejado.",
    "Amenazaba tormenta y los truenos sonaban a lo lejos.", "El calor apretaba desde temprano.",
    "Una llovizna fina mojaba los tejados.", "Las nubes grises tapaban el sol.",
    "El aire olía a tierra mojada.", "Hacía tanto frío que el agua de las fuentes se heló.",
    "Granizaba con fuerza sobre los campos.", "Un arcoíris enorme apareció detrás de la sierra.",
    "La escarcha cubría la hierba del prado.", "El bochorno no dejaba respirar.",
    "Caía una nevada suave y silenciosa.", "Los relámpagos iluminaban el horizonte.",
    "El viento del sur traía olor a mar.", "Una brisa templada movía las hojas.",
    "La luna llena brillaba sobre los tejados.", "Las primeras hojas del otoño caían al suelo.",
    "El rocío de la mañana mojaba los caminos.", "Un aguacero repentino sorprendió a todos.",
    "La sequía había dejado los arroyos casi vacíos.", "Las golondrinas volaban muy bajo.",
]
TIEMPOS = [
    "Un lunes de otoño", "Una tarde de verano", "Al amanecer", "El sábado por la mañana",
    "Una noche de invierno", "Aquella primavera", "El domingo temprano", "Al caer la tarde",
    "Un martes cualquiera", "A mediodía", "Durante las fiestas del pueblo", "Una mañana de abril",
    "Un jueves de niebla", "El viernes por la tarde", "Una madrugada de enero",
    "A principios de mayo", "A finales de septiembre", "La víspera de Navidad",
    "Durante la vendimia", "Una semana después", "Al día siguiente de la feria",
    "Un miércoles lluvioso", "Poco antes del anochecer", "En plena cosecha",
]
TEMAS = ["los barcos antiguos", "las estrellas", "los volcanes", "la historia del pueblo",
         "las plantas medicinales", "los pájaros del bosque", "la cocina de otros países",
         "los viajes por el mar", "las abejas", "los relojes de arena", "los ríos del norte",
         "los castillos medievales", "las mariposas nocturnas", "la vida de los faros",
         "los inventos sencillos", "las setas del otoño", "los mapas antiguos",
         "la música popular", "las costumbres de los abuelos", "los caminos de montaña",
         "las leyendas de la comarca", "los molinos de viento", "la pesca en el río",
         "el cultivo del olivo", "las tormentas de verano", "los trenes de vapor",
         "las mareas", "la astronomía", "los dinosaurios", "las recetas tradicionales"]
DESTINATARIOS = ["toda la familia", "sus vecinos", "los niños de la escuela", "sus amigos",
                 "los viajeros de la posada", "su abuela", "los trabajadores del campo",
                 "los músicos de la banda", "sus compañeros", "los invitados de la boda",
                 "los ancianos del barrio", "los pastores de la sierra", "sus nietos"]
NUMEROS = ["dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "diez", "doce", "veinte",
           "nueve", "once", "quince", "treinta", "cuarenta"]
# Frases breves para «Aunque …,»
CONCESIONES = ["hacía frío", "llovía un poco", "era muy tarde", "el camino era largo",
               "soplaba el viento", "había niebla", "el sol quemaba", "estaba nevando"]

# Verbos: infinitivo -> (3.ª singular, 3.ª plural)
VERBOS = {
    "vivir": ("vivía", "vivían"), "ser": ("era", "eran"), "trabajar": ("trabajaba", "trabajaban"),
    "ir": ("fue", "fueron"), "ver": ("vio", "vieron"), "encontrar": ("encontró", "encontraron"),
    "dar": ("dio", "dieron"), "volver": ("volvió", "volvieron"), "tener": ("tenía", "tenían"),
    "preparar": ("preparó", "prepararon"), "leer": ("leyó", "leyeron"),
    "correr": ("corrió", "corrieron"), "llevar": ("llevó", "llevaron"),
    "vender": ("vendió", "vendieron"), "ayudar": ("ayudaba", "ayudaban"),
    "esperar": ("esperaba", "esperaban"), "comprar": ("compró", "compraron"),
    "cocinar": ("cocinó", "cocinaron"), "decidir": ("decidió", "decidieron"),
    "sonreír": ("sonrió", "sonrieron"), "cantar": ("cantaba", "cantaban"),
    "pasear": ("paseó", "pasearon"), "regalar": ("regaló", "regalaron"),
    "buscar": ("buscó", "buscaron"), "cuidar": ("cuidaba", "cuidaban"),
    "estar": ("estaba", "estaban"), "comer": ("comió", "comieron"),
    "descansar": ("descansó", "descansaron"), "hacer": ("hizo", "hicieron"),
}
# Verbos irregulares: infinitivo -> {tiempo: (3.ª singular, 3.ª plural)}
IRREGULARES = {
    "ser": {"preterito": ("fue", "fueron"), "imperfecto": ("era", "eran")},
    "ir": {"preterito": ("fue", "fueron"), "imperfecto": ("iba", "iban")},
    "ver": {"preterito": ("vio", "vieron"), "imperfecto": ("veía", "veían")},
    "dar": {"preterito": ("dio", "dieron"), "imperfecto": ("daba", "daban")},
    "estar": {"preterito": ("estuvo", "estuvieron"), "imperfecto": ("estaba", "estaban")},
    "tener": {"preterito": ("tuvo", "tuvieron"), "imperfecto": ("tenía", "tenían")},
    "hacer": {"preterito": ("hizo", "hicieron"), "imperfecto": ("hacía", "hacían")},
    "poner": {"preterito": ("puso", "pusieron"), "imperfecto": ("ponía", "ponían")},
    "querer": {"preterito": ("quiso", "quisieron"), "imperfecto": ("quería", "querían")},
    "poder": {"preterito": ("pudo", "pudieron"), "imperfecto": ("podía", "podían")},
    "saber": {"preterito": ("supo", "supieron"), "imperfecto": ("sabía", "sabían")},
    "traer": {"preterito": ("trajo", "trajeron"), "imperfecto": ("traía", "traían")},
    "decir": {"preterito": ("dijo", "dijeron"), "imperfecto": ("decía", "decían")},
    "venir": {"preterito": ("vino", "vinieron"), "imperfecto": ("venía", "venían")},
    "leer": {"preterito": ("leyó", "leyeron"), "imperfecto": ("leía", "leían")},
    "pedir": {"preterito": ("pidió", "pidieron"), "imperfecto": ("pedía", "pedían")},
    "dormir": {"preterito": ("durmió", "durmieron"), "imperfecto": ("dormía", "dormían")},
    "servir": {"preterito": ("sirvió", "sirvieron"), "imperfecto": ("servía", "servían")},
    "seguir": {"preterito": ("siguió", "siguieron"), "imperfecto": ("seguía", "seguían")},
    "sonreír": {"preterito": ("sonrió", "sonrieron"), "imperfecto": ("sonreía", "sonreían")},
    "construir": {"preterito": ("construyó", "construyeron"),
                  "imperfecto": ("construía", "construían")},
    "oír": {"preterito": ("oyó", "oyeron"), "imperfecto": ("oía", "oían")},
}
# Verbos regulares (se conjugan con reglas, ver ``conjugar``), agrupados por el hueco que ocupan.
VERBOS_ACTIVIDAD = [  # sin complemento: «Ana caminaba despacio»
    "caminar", "pasear", "descansar", "trabajar", "cantar", "bailar", "nadar", "saltar",
    "viajar", "charlar", "madrugar", "cenar", "almorzar", "desayunar", "merendar", "estudiar",
    "ensayar", "escribir", "correr", "dibujar", "pescar", "navegar", "jugar", "trepar", "remar",
    "silbar", "meditar", "practicar", "entrenar", "esperar", "aprender", "leer", "dormir",
    "pintar", "cocinar", "coser", "tejer", "barrer", "sonreír", "conversar", "rezar", "cavar",
    "esquiar", "patinar", "escalar", "acampar", "bucear", "amasar", "vendimiar", "segar",
    "cosechar", "recitar", "bostezar", "suspirar", "llorar", "gritar", "susurrar", "tararear",
    "discutir", "insistir", "subir", "bajar", "partir", "pensar", "soñar", "reflexionar",
    "callar", "vagar", "tocar",
]
VERBOS_OBJETO = [  # con un objeto: «Ana limpió la lámpara»
    "limpiar", "arreglar", "pintar", "guardar", "lavar", "revisar", "esconder", "perder",
    "recoger", "devolver", "vender", "comprar", "prestar", "regalar", "envolver", "colgar",
    "secar", "ordenar", "cargar", "mirar", "examinar", "probar", "usar", "heredar", "dibujar",
    "romper", "sacudir", "cubrir", "descubrir", "compartir", "recibir", "subir", "buscar",
    "encontrar", "llevar", "traer", "pedir", "afilar", "pulir", "barnizar", "pesar", "contar",
    "vaciar", "llenar", "tapar", "atar", "cerrar", "empaquetar", "reparar", "sujetar",
    "levantar", "arrastrar", "empujar", "olvidar", "decorar", "adornar", "ocultar",
    "coleccionar", "enseñar", "mostrar", "entregar", "enviar", "quitar",
]
VERBOS_ANIMAL = [  # con un animal: «Ana acarició a la gata»
    "cuidar", "alimentar", "acariciar", "bañar", "cepillar", "observar", "asustar", "llamar",
    "buscar", "encontrar", "espantar", "vigilar", "curar", "dibujar", "fotografiar", "peinar",
    "despertar", "soltar", "encerrar", "seguir", "oír", "ver",
]
VERBOS_DE_ANIMAL = [  # lo que hace un animal: «el perro saltó»
    "saltar", "escapar", "aparecer", "desaparecer", "descansar", "correr", "dormir",
    "pasear", "huir", "volar", "nadar", "comer", "beber", "temblar", "jugar",
]
VERBOS_PLANTA = ["regar", "plantar", "podar", "cortar", "cuidar", "observar", "dibujar",
                 "trasplantar", "abonar", "sembrar", "arrancar", "oler", "proteger", "admirar"]
VERBOS_COMIDA = ["preparar", "cocinar", "probar", "repartir", "compartir", "comer", "vender",
                 "comprar", "guardar", "hornear", "calentar", "cortar", "saborear", "llevar",
                 "envolver", "servir", "traer", "pedir"]
VERBOS_PRENDA = ["coser", "lavar", "planchar", "tender", "remendar", "doblar", "secar", "tejer",
                 "guardar", "bordar", "estrenar", "lucir"]
PLURALES_IRREGULARES = {"marrón": "marrones", "joven": "jóvenes", "feliz": "felices",
                        "gris": "grises", "veloz": "veloces", "trabajador": "trabajadores",
                        "melón": "melones", "jersey": "jerséis", "lunes": "lunes",
                        "martes": "martes", "miércoles": "miércoles", "jueves": "jueves",
                        "viernes": "viernes"}
# Femeninos que no salen de las reglas de ``concordar``.
FEMENINOS_IRREGULARES = {"trabajador": "trabajadora", "hablador": "habladora",
                         "madrugador": "madrugadora", "soñador": "soñadora"}
_SIN_TILDE = str.maketrans("áéíóú", "aeiou")


def plural(palabra: str) -> str:
    """Plural regular de una palabra (con algunas excepciones frecuentes).

    Las agudas en -n o -s pierden la tilde («ratón» → «ratones», «jardín» → «jardines»).

    Capítulo 3 (PLN clásico).
    """
    if palabra in PLURALES_IRREGULARES:
        return PLURALES_IRREGULARES[palabra]
    if palabra[-1] in "aeiouáéó":
        return palabra + "s"
    if palabra.endswith("z"):
        return palabra[:-1] + "ces"
    if len(palabra) > 2 and palabra[-1] in "ns" and palabra[-2] in "áéíóú":
        return palabra[:-2] + palabra[-2].translate(_SIN_TILDE) + palabra[-1] + "es"
    return palabra + "es"


def concordar(adjetivo: str, genero: str, numero: str) -> str:
    """Concuerda un adjetivo (dado en masculino singular) en género y número.

    «tranquilo» → «tranquilas», «juguetón» → «juguetona», «hablador» → «habladora»;
    «alegre», «feliz» u «optimista» no cambian de género.

    Capítulo 3 (PLN clásico).
    """
    partes = adjetivo.split(" ")
    # «lleno de gente»: concuerda la primera palabra; «recién hecho»: la última.
    i = 0 if len(partes) > 1 and partes[1] == "de" else len(partes) - 1
    palabra = partes[i]
    if genero == "f":
        if palabra in FEMENINOS_IRREGULARES:
            palabra = FEMENINOS_IRREGULARES[palabra]
        elif palabra.endswith("o"):
            palabra = palabra[:-1] + "a"
        elif palabra.endswith(("ón", "án", "ín")):
            palabra = palabra[:-2] + palabra[-2].translate(_SIN_TILDE) + "na"
    if numero == "p":
        palabra = plural(palabra)
    return " ".join(partes[:i] + [palabra] + partes[i + 1:])


def articulo(genero: str, numero: str = "s", definido: bool = True) -> str:
    """Artículo concordado: el/la/los/las o un/una/unos/unas.

    Capítulo 3 (PLN clásico).
    """
    if definido:
        return {"ms": "el", "fs": "la", "mp": "los", "fp": "las"}[genero + numero]
    return {"ms": "un", "fs": "una", "mp": "unos", "fp": "unas"}[genero + numero]


def con_preposicion(prep: str, genero: str, nombre: str, numero: str = "s") -> str:
    """«a» + «el» = «al», «de» + «el» = «del»; en femenino y en plural no hay contracción.

    Capítulo 3 (PLN clásico).
    """
    if genero == "m" and numero == "s" and prep in ("a", "de"):
        return f"{prep}l {nombre}"
    return f"{prep} {articulo(genero, numero)} {nombre}"


def pronombre_objeto(genero: str, numero: str) -> str:
    """lo/la/los/las.

    Capítulo 3 (PLN clásico).
    """
    return {"ms": "lo", "fs": "la", "mp": "los", "fp": "las"}[genero + numero]


def conjugar(infinitivo: str, tiempo: str = "preterito", numero: str = "s") -> str:
    """3.ª persona de un verbo en pretérito («cantó», «comieron») o imperfecto («vivía»).

    Los regulares en -ar, -er e -ir salen de reglas; los irregulares, de ``IRREGULARES``.

    Capítulo 3 (PLN clásico).
    """
    if tiempo not in ("preterito", "imperfecto"):
        raise ValueError(f"tiempo debe ser 'preterito' o 'imperfecto'; recibí {tiempo!r}.")
    if numero not in ("s", "p"):
        raise ValueError(f"numero debe ser 's' o 'p'; recibí {numero!r}.")
    if infinitivo in IRREGULARES:
        return IRREGULARES[infinitivo][tiempo][numero == "p"]
    raiz, final = infinitivo[:-2], infinitivo[-2:]
    if final == "ar":
        formas = ("ó", "aron") if tiempo == "preterito" else ("aba", "aban")
    elif final in ("er", "ir"):
        if tiempo == "preterito":
            formas = ("yó", "yeron") if raiz.endswith(("a", "e", "o", "u")) else ("ió", "ieron")
        else:
            formas = ("ía", "ían")
    else:
        raise ValueError(f"{infinitivo!r} no es un infinitivo en -ar, -er o -ir.")
    return raiz + formas[numero == "p"]


def formas_verbales(infinitivo: str) -> list[str]:
    """Infinitivo y 3.ª persona (singular y plural) del pretérito y del imperfecto.

    Capítulo 3 (PLN clásico).
    """
    return [infinitivo] + [conjugar(infinitivo, t, n)
                           for t in ("preterito", "imperfecto") for n in "sp"]


class _Sujeto:
    """Protagonista de un párrafo: una persona o una pareja, con su género y número."""

    def __init__(self, rng: random.Random):
        self.numero = "p" if rng.random() < 0.3 else "s"
        if self.numero == "s":
            self.genero = rng.choice("mf")
            self.nombres = [rng.choice(MUJERES if self.genero == "f" else HOMBRES)]
        else:
            g1, g2 = rng.choice("mf"), rng.choice("mf")
            n1 = rng.choice(MUJERES if g1 == "f" else HOMBRES)
            n2 = rng.choice([n for n in (MUJERES if g2 == "f" else HOMBRES) if n != n1])
            self.genero = "f" if g1 == g2 == "f" else "m"
            self.nombres = [n1, n2]
        self.oficio = rng.choice(OFICIOS)
        self.pueblo = rng.choice(PUEBLOS)
        self.lugar = rng.choice(LUGARES)

    @property
    def texto(self) -> str:
        return unir_lista(self.nombres)

    @property
    def pronombre(self) -> str:
        return {"ms": "él", "fs": "ella", "mp": "ellos", "fp": "ellas"}[self.genero + self.numero]

    def verbo(self, infinitivo: str) -> str:
        sg, pl = VERBOS[infinitivo]
        return pl if self.numero == "p" else sg

    def conj(self, infinitivo: str, tiempo: str = "preterito") -> str:
        return conjugar(infinitivo, tiempo, self.numero)

    def oficio_concordado(self) -> str:
        palabra = self.oficio[1] if self.genero == "f" else self.oficio[0]
        return plural(palabra) if self.numero == "p" else palabra

    def adj(self, adjetivo: str) -> str:
        return concordar(adjetivo, self.genero, self.numero)


def _animal(rng: random.Random, numero: str = "s", definido: bool = False) -> str:
    sing, plur, gen = rng.choice(ANIMALES)
    nombre = plur if numero == "p" else sing
    return f"{articulo(gen, numero, definido)} {nombre} {concordar(rng.choice(ADJ_ANIMAL), gen, numero)}"


def _comida(rng: random.Random) -> tuple[str, str, str]:
    return rng.choice(COMIDAS)


class _SN:
    """Sintagma nominal elegido al azar de una lista (singular, plural, género)."""

    def __init__(self, rng, lista, numero=None, definido=True, adjetivos=None):
        sing, plur, self.g = rng.choice(lista)
        self.n = numero or ("p" if rng.random() < 0.35 else "s")
        self.nombre = plur if self.n == "p" else sing
        self.adj = concordar(rng.choice(adjetivos), self.g, self.n) if adjetivos else ""
        self.definido = definido

    def __str__(self) -> str:
        texto = f"{articulo(self.g, self.n, self.definido)} {self.nombre}"
        return f"{texto} {self.adj}" if self.adj else texto

    @property
    def pron(self) -> str:
        return pronombre_objeto(self.g, self.n)

    def v(self, infinitivo: str, tiempo: str = "preterito") -> str:
        return conjugar(infinitivo, tiempo, self.n)

    def a(self) -> str:
        """Con «a» personal (o de dirección): «al perro», «a las gatas»."""
        return con_preposicion("a", self.g, f"{self.nombre} {self.adj}".strip(), self.n)


class _Ctx:
    def __init__(self, s: _Sujeto, otro: str, otro_g: str, rng: random.Random):
        self.s, self.otro, self.otro_g, self.rng = s, otro, otro_g, rng
        self.suj = s.texto
        self.Pron = mayuscula_inicial(s.pronombre)
        self.nom = s.nombres[0]

    def c(self, lista):
        return self.rng.choice(lista)

    def lugar(self, prep: str) -> str:
        g, nombre = self.rng.choice(LUGARES)
        return con_preposicion(prep, g, nombre)

    def lugar_art(self) -> str:
        g, nombre = self.rng.choice(LUGARES)
        return f"{articulo(g)} {nombre}"

    def sn(self, lista, numero=None, definido=True, adjetivos=None) -> _SN:
        return _SN(self.rng, lista, numero, definido, adjetivos)

    def v(self, infinitivo: str, tiempo: str = "preterito") -> str:
        return self.s.conj(infinitivo, tiempo)


def _comida_sn(c: _Ctx, definido=True, adjetivo=True):
    com, g, n = c.c(COMIDAS)
    adj = " " + concordar(c.c(ADJ_COMIDA), g, n) if adjetivo else ""
    return f"{articulo(g, n, definido)} {com}{adj}", g, n


def _mes(c: _Ctx) -> str:
    return c.c(MESES)


# Plantillas de frases intermedias: cada una recibe el contexto y devuelve una frase.
_PLANTILLAS = [
    lambda c: (f"{c.Pron} {c.s.verbo('ser')} {c.s.oficio_concordado()} y "
               f"{c.s.verbo('trabajar')} {con_preposicion('en', *c.s.lugar)} desde hacía "
               f"{c.c(NUMEROS)} años."),
    lambda c: (f"{c.c(TIEMPOS)}, {c.suj} {c.s.verbo('ir')} {c.lugar('a')} a comprar "
               f"{_comida_sn(c)[0]}."),
    lambda c: (f"Allí {c.s.verbo('encontrar')} {c.sn(ANIMALES, 's', False, ADJ_ANIMAL)} que "
               f"dormía junto a la puerta."),
    lambda c: (lambda a: f"{c.Pron} le {c.s.verbo('dar')} un poco de {c.c(COMIDAS)[0]} "
               f"{con_preposicion('a', a.g, a.nombre)}, que movió la cabeza con alegría.")(
        c.sn(ANIMALES, "s")),
    lambda c: c.c(CLIMA),
    lambda c: (f"Por la tarde, {c.suj} {c.s.verbo('volver')} a casa "
               f"{c.s.adj(c.c(ADJ_ESTADO))}."),
    lambda c: (f"{c.otro} {VERBOS['esperar'][0]} {c.lugar('en')} con "
               f"{_comida_sn(c, definido=False)[0]}."),
    lambda c: (f"—¿Has visto {c.sn(ANIMALES, 's')}? —preguntó {c.otro}. —Sí, estaba "
               f"{c.lugar('en')} —respondió {c.nom}."),
    lambda c: (lambda a: f"{c.suj} {c.s.verbo('tener')} {c.c(NUMEROS)} {a.nombre} {a.adj} y "
               f"{_animal(c.rng)}.")(c.sn(ANIMALES, "p", adjetivos=ADJ_ANIMAL)),
    lambda c: (f"Al día siguiente, {c.suj} {c.s.verbo('preparar')} {_comida_sn(c, True, False)[0]} "
               f"para {c.c(DESTINATARIOS)}."),
    lambda c: (f"{c.Pron} {c.s.verbo('leer')} un libro sobre {c.c(TEMAS)} {c.lugar('en')}."),
    lambda c: (f"Cuando empezó a llover, {c.suj} {c.s.verbo('correr')} hacia "
               f"{c.lugar_art()} "
               f"para refugiarse."),
    lambda c: (lambda t: f"{c.suj} {c.s.verbo('llevar')} {t[0]} al mercado y "
               f"{pronombre_objeto(t[1], t[2])} {c.s.verbo('vender')} a buen precio.")(
        _comida_sn(c, True, False)),
    lambda c: (f"{c.suj} {c.s.verbo('ser')} muy {c.s.adj(c.c(ADJ_CARACTER))}: siempre "
               f"{c.s.verbo('ayudar')} a sus vecinos."),
    lambda c: (lambda a: f"En {c.s.pueblo} todos conocían {a.a()} de {c.nom}.")(
        c.sn(ANIMALES, "s", adjetivos=ADJ_ANIMAL)),
    lambda c: (lambda t: f"{c.otro} le regaló {t[0]} a {c.nom}, y {c.nom} "
               f"{pronombre_objeto(t[1], t[2])} guardó para la cena.")(
        _comida_sn(c, definido=False)),
    lambda c: (f"Mientras {c.s.verbo('cuidar')} {c.sn(ANIMALES, 'p')}, {c.suj} "
               f"{c.s.verbo('cantar')} canciones antiguas."),
    lambda c: (f"{c.suj} {c.s.verbo('decidir')} pasear hasta "
               f"{c.lugar_art()} con {c.c(FAMILIARES)}."),
    lambda c: (lambda g: f"{mayuscula_inicial(articulo(g, 'p'))} {plural(c.c(OFICIOS)[g == 'f'])} "
               f"del pueblo decían que "
               f"{c.sn(ANIMALES, 'p', adjetivos=ADJ_ANIMAL)} traían buena suerte.")(c.c("mf")),
    lambda c: (f"Aquel día {c.suj} {c.s.verbo('comer')} {_comida_sn(c)[0].split(' ', 1)[1]} y "
               f"{c.s.verbo('descansar')} a la sombra de un árbol."),
    # --- Actividades, adverbios y tiempos ---
    lambda c: (f"{c.Pron} {c.v(c.c(VERBOS_ACTIVIDAD), 'imperfecto')} {c.c(ADVERBIOS)} todas "
               f"las mañanas."),
    lambda c: (f"Todos los {c.c(DIAS)[1]}, {c.suj} {c.v('ir', 'imperfecto')} {c.lugar('a')} a "
               f"{c.c(VERBOS_ACTIVIDAD)}."),
    lambda c: (f"Aunque {c.c(CONCESIONES)}, {c.suj} {c.v('decidir')} salir a "
               f"{c.c(VERBOS_ACTIVIDAD)} {c.lugar('por')}."),
    lambda c: (f"{c.suj} {c.v(c.c(VERBOS_ACTIVIDAD), 'imperfecto')} mientras {c.otro} "
               f"{conjugar(c.c(VERBOS_ACTIVIDAD), 'imperfecto')} {c.lugar('en')}."),
    lambda c: (f"{c.Pron} {c.v('saber', 'imperfecto')} {c.c(VERBOS_ACTIVIDAD)} "
               f"{c.c(ADVERBIOS)}, mejor que nadie en {c.s.pueblo}."),
    lambda c: (f"A principios de {_mes(c)}, {c.suj} {c.v('soler', 'imperfecto')} "
               f"{c.c(VERBOS_ACTIVIDAD)} {c.lugar('en')}."),
    lambda c: (f"Después de {c.c(VERBOS_ACTIVIDAD)}, {c.suj} se {c.v('sentar')} junto "
               f"{c.lugar('a')} a {c.c(VERBOS_ACTIVIDAD)} un rato."),
    lambda c: (f"El {c.c(NUMEROS)} de {_mes(c)}, {c.suj} {c.v(c.c(VERBOS_ACTIVIDAD))} "
               f"{c.c(ADVERBIOS)} hasta el anochecer."),
    # --- Objetos, herramientas y prendas ---
    lambda c: (f"{c.suj} {c.v(c.c(VERBOS_OBJETO))} {c.sn(OBJETOS, adjetivos=ADJ_OBJETO)} que "
               f"{c.v('haber', 'imperfecto')} encontrado {c.lugar('en')}."),
    lambda c: (lambda o: f"—¿Dónde {'están' if o.n == 'p' else 'está'} {o}? —preguntó {c.otro}. "
               f"—{mayuscula_inicial(o.pron)} dejé {c.lugar('en')} —contestó {c.nom}.")(
        c.sn(OBJETOS)),
    lambda c: (lambda h, o: f"{c.otro} le prestó {h} a {c.nom} para {c.c(VERBOS_OBJETO)} {o}.")(
        c.sn(HERRAMIENTAS, definido=False, adjetivos=ADJ_OBJETO), c.sn(OBJETOS)),
    lambda c: (f"{c.suj} {c.v(c.c(VERBOS_OBJETO))} {c.sn(OBJETOS)} con "
               f"{c.sn(HERRAMIENTAS, definido=False)}."),
    lambda c: (lambda o: f"{mayuscula_inicial(str(o))} {o.v('colgar', 'imperfecto')} de la "
               f"pared {c.lugar('de')}.")(c.sn(OBJETOS, definido=False, adjetivos=ADJ_OBJETO)),
    lambda c: (lambda o: f"{c.otro} encontró {o} entre {c.sn(PLANTAS, 'p')} y se {o.pron} "
               f"devolvió a {c.nom}.")(c.sn(OBJETOS, definido=False, adjetivos=ADJ_OBJETO)),
    lambda c: (lambda o: f"{c.suj} {c.v(c.c(VERBOS_OBJETO))} {c.c(NUMEROS)} {o.nombre} "
               f"{o.adj} {c.lugar('en')}.")(c.sn(OBJETOS, "p", adjetivos=ADJ_OBJETO)),
    lambda c: (lambda h: f"—¿Me prestas {h}? —pidió {c.otro}. —Claro, te {h.pron} dejo hasta "
               f"mañana —contestó {c.nom}.")(c.sn(HERRAMIENTAS)),
    lambda c: (f"Cada noche, {c.suj} {c.v('guardar', 'imperfecto')} {c.sn(HERRAMIENTAS)} en "
               f"{c.sn(OBJETOS, 's', False, ADJ_OBJETO)}."),
    lambda c: (f"Como {c.c(CONCESIONES)}, {c.suj} se {c.v('poner')} "
               f"{c.sn(PRENDAS, definido=False, adjetivos=ADJ_OBJETO)}."),
    lambda c: (lambda p: f"{mayuscula_inicial(str(p))} que {c.v('llevar', 'imperfecto')} "
               f"{c.suj} {p.v('ser', 'imperfecto')} de {c.c(FAMILIARES)}.")(
        c.sn(PRENDAS, adjetivos=ADJ_OBJETO)),
    lambda c: (f"{c.suj} {c.v(c.c(VERBOS_PRENDA))} {c.sn(PRENDAS, adjetivos=ADJ_OBJETO)} para "
               f"{c.c(DESTINATARIOS)}."),
    lambda c: (f"{mayuscula_inicial(c.c(FAMILIARES))} le había regalado "
               f"{c.sn(PRENDAS, definido=False, adjetivos=ADJ_OBJETO)} por su cumpleaños."),
    # --- Animales ---
    lambda c: (lambda a: f"{c.suj} {c.v(c.c(VERBOS_ANIMAL))} {a.a()} {c.c(ADVERBIOS)}.")(
        c.sn(ANIMALES, adjetivos=ADJ_ANIMAL)),
    lambda c: (lambda a: f"Cuando {c.suj} {c.v('llegar')} {c.lugar('a')}, {a} ya "
               f"{a.v('estar', 'imperfecto')} {concordar(c.c(ADJ_ESTADO), a.g, a.n)}.")(
        c.sn(ANIMALES)),
    lambda c: (lambda a: f"{mayuscula_inicial(str(a))} {a.v(c.c(VERBOS_DE_ANIMAL))} "
               f"{c.c(ADVERBIOS)} cerca {c.lugar('de')}.")(c.sn(ANIMALES, adjetivos=ADJ_ANIMAL)),
    lambda c: (lambda a: f"Nadie sabía por qué {a} {a.v('dormir', 'imperfecto')} siempre "
               f"{c.lugar('en')}.")(c.sn(ANIMALES, adjetivos=ADJ_ANIMAL)),
    lambda c: (lambda a: f"Al volver, {c.suj} {c.v('encontrar')} {a} "
               f"{concordar('escondido', a.g, a.n)} entre {c.sn(PLANTAS, 'p')}.")(
        c.sn(ANIMALES, definido=False, adjetivos=ADJ_ANIMAL)),
    lambda c: (lambda a: f"{c.Pron} {c.v('pensar', 'imperfecto')} que {a} "
               f"{a.v('ser', 'imperfecto')} {articulo(a.g, a.n)} más "
               f"{concordar(c.c(ADJ_ANIMAL), a.g, a.n)} de {c.s.pueblo}.")(c.sn(ANIMALES)),
    lambda c: (lambda a: f"{c.suj} {c.v(c.c(VERBOS_ANIMAL))} {a.a()} y luego "
               f"{c.v(c.c(VERBOS_OBJETO))} {c.sn(HERRAMIENTAS)}.")(c.sn(ANIMALES, "p")),
    lambda c: (f"Por el camino, {c.suj} {c.v('ver')} {c.sn(PLANTAS, 'p', False, ADJ_PLANTA)} y "
               f"{c.sn(ANIMALES, None, False, ADJ_ANIMAL)}."),
    # --- Plantas ---
    lambda c: (f"En {_mes(c)}, {c.suj} {c.v(c.c(VERBOS_PLANTA))} "
               f"{c.sn(PLANTAS, None, c.rng.random() < 0.5, ADJ_PLANTA)} junto {c.lugar('a')}."),
    lambda c: (lambda p: f"{mayuscula_inicial(articulo(p.g, 'p'))} {p.nombre} "
               f"{c.lugar('de')} {p.v('estar', 'imperfecto')} {p.adj}.")(
        c.sn(PLANTAS, "p", adjetivos=ADJ_PLANTA)),
    lambda c: (lambda p: f"Un día de {_mes(c)}, {c.suj} {c.v(c.c(VERBOS_PLANTA))} "
               f"{c.c(NUMEROS)} {p.nombre} {p.adj} {c.lugar('en')}.")(
        c.sn(PLANTAS, "p", adjetivos=ADJ_PLANTA)),
    lambda c: (lambda p: f"{c.Pron} {c.v('cuidar', 'imperfecto')} {p} con {c.sn(HERRAMIENTAS, 's', False)} "
               f"y {p.pron} {c.v('regar', 'imperfecto')} cada tarde.")(
        c.sn(PLANTAS, adjetivos=ADJ_PLANTA)),
    # --- Comida ---
    lambda c: (lambda t: f"A {c.nom} le {'gustaban' if t[2] == 'p' else 'gustaba'} {t[0]}, "
               f"pero no {pronombre_objeto(t[1], t[2])} {conjugar('comer', 'imperfecto')} "
               f"a menudo.")(_comida_sn(c, True, False)),
    lambda c: (lambda t: f"{c.suj} {c.v(c.c(VERBOS_COMIDA))} {t[0]} y "
               f"{pronombre_objeto(t[1], t[2])} {c.v('repartir')} entre "
               f"{c.c(DESTINATARIOS)}.")(_comida_sn(c)),
    lambda c: (lambda com, g, n: f"—¡Qué {concordar(c.c(ADJ_COMIDA), g, n)} "
               f"{'están' if n == 'p' else 'está'} {articulo(g, n)} {com}! —exclamó "
               f"{c.otro}.")(*c.c(COMIDAS)),
    lambda c: (lambda com, g, n: f"{mayuscula_inicial(articulo(g, n))} {com} de {c.s.pueblo} "
               f"{conjugar('tener', 'imperfecto', n)} fama de ser muy "
               f"{concordar(c.c(ADJ_COMIDA), g, n)}.")(*c.c(COMIDAS)),
    # --- Lugares y grupos ---
    lambda c: (lambda g, lug: f"Aquel {_mes(c)}, {articulo(g)} {lug} de {c.s.pueblo} estaba "
               f"{concordar(c.c(ADJ_LUGAR), g, 's')}.")(*c.c(LUGARES)),
    lambda c: (lambda g, n: f"{mayuscula_inicial(articulo(g, 'p'))} "
               f"{plural(c.c(OFICIOS)[g == 'f'])} de {c.c(PUEBLOS)} estaban muy "
               f"{concordar(c.c(ADJ_ESTADO + ADJ_CARACTER), g, 'p')} aquel día.")(
        c.c("mf"), "p"),
    lambda c: (f"{c.Pron} {c.s.verbo('ser')} tan {c.s.adj(c.c(ADJ_CARACTER))} que todo el "
               f"pueblo {pronombre_objeto(c.s.genero, c.s.numero)} quería."),
    lambda c: (f"{c.otro} y {c.nom} charlaron sobre {c.c(TEMAS)} hasta muy tarde."),
    lambda c: (f"Los niños de {c.c(PUEBLOS)} {conjugar(c.c(VERBOS_ACTIVIDAD), 'imperfecto', 'p')} "
               f"{c.lugar('en')} mientras {c.otro} {conjugar('vigilar', 'imperfecto')}."),
    lambda c: (f"—No encuentro {c.sn(OBJETOS)} —dijo {c.nom}. —Mira {c.lugar('en')} "
               f"—respondió {c.otro}, {concordar(c.c(ADJ_ESTADO), c.otro_g, 's')}."),
    lambda c: (f"Si {c.nom} {conjugar('terminar', 'imperfecto')} pronto, iría {c.lugar('a')} a "
               f"{c.c(VERBOS_ACTIVIDAD)} con {c.c(FAMILIARES)}."),
    lambda c: (lambda g, lug: f"En {c.c(PUEBLOS)} había {c.c(NUMEROS)} {plural(lug)}, y casi "
               f"siempre estaban {concordar(c.c(ADJ_LUGAR), g, 'p')}.")(*c.c(LUGARES)),
    lambda c: (lambda g, lug: f"{c.otro} decía que {articulo(g, 'p')} {plural(lug)} de "
               f"{c.c(PUEBLOS)} eran {articulo(g, 'p')} más {concordar(c.c(ADJ_LUGAR), g, 'p')} "
               f"de la comarca.")(*c.c(LUGARES)),
    # --- Más huecos para que cada forma (infinitivo, pretérito, imperfecto) aparezca ---
    lambda c: (lambda o: f"{c.otro}, {articulo(c.otro_g)} {o[c.otro_g == 'f']} de "
               f"{c.c(PUEBLOS)}, {conjugar(c.c(VERBOS_COMIDA))} {_comida_sn(c)[0]} para "
               f"{c.c(DESTINATARIOS)}.")(c.c(OFICIOS)),
    lambda c: (f"Cada semana, {c.suj} {c.v(c.c(VERBOS_OBJETO), 'imperfecto')} "
               f"{c.sn(OBJETOS, adjetivos=ADJ_OBJETO)} {c.lugar('en')}."),
    lambda c: (f"{c.suj} {c.v('querer')} {c.c(VERBOS_ANIMAL)} "
               f"{c.sn(ANIMALES, adjetivos=ADJ_ANIMAL).a()}, pero no {c.v('poder')}."),
    lambda c: (f"Mientras {c.suj} {c.v(c.c(VERBOS_ANIMAL), 'imperfecto')} "
               f"{c.sn(ANIMALES).a()}, {c.otro} {conjugar(c.c(VERBOS_PLANTA), 'imperfecto')} "
               f"{c.sn(PLANTAS, adjetivos=ADJ_PLANTA)}."),
    lambda c: (lambda a: f"Todas las tardes, {a} {a.v(c.c(VERBOS_DE_ANIMAL), 'imperfecto')} "
               f"{c.lugar('en')}.")(c.sn(ANIMALES, adjetivos=ADJ_ANIMAL)),
    lambda c: (lambda a: f"{mayuscula_inicial(str(a))} no {a.v('poder', 'imperfecto')} "
               f"{c.c(VERBOS_DE_ANIMAL)} porque {a.v('estar', 'imperfecto')} "
               f"{concordar(c.c(ADJ_ANIMAL), a.g, a.n)}.")(c.sn(ANIMALES)),
    lambda c: (f"{c.suj} {c.v('ir', 'imperfecto')} {c.lugar('a')} a {c.c(VERBOS_PLANTA)} "
               f"{c.sn(PLANTAS, 'p', adjetivos=ADJ_PLANTA)}."),
    lambda c: (f"Los domingos, {c.suj} {c.v(c.c(VERBOS_COMIDA), 'imperfecto')} "
               f"{_comida_sn(c)[0]} para {c.c(DESTINATARIOS)}."),
    lambda c: (f"{c.otro} le enseñó a {c.nom} a {c.c(VERBOS_COMIDA)} "
               f"{_comida_sn(c, True, False)[0]} {c.c(ADVERBIOS)}."),
    lambda c: (f"{c.Pron} {c.v(c.c(VERBOS_PRENDA), 'imperfecto')} "
               f"{c.sn(PRENDAS, adjetivos=ADJ_OBJETO)} mientras {c.otro} "
               f"{conjugar(c.c(VERBOS_PRENDA), 'imperfecto')} {c.sn(PRENDAS)}."),
    lambda c: (f"{c.nom} aprendió a {c.c(VERBOS_PRENDA)} {c.sn(PRENDAS, definido=False)} con "
               f"{c.c(FAMILIARES)}."),
    lambda c: (f"De {c.s.adj('pequeño')}, {c.suj} {c.v(c.c(VERBOS_ANIMAL), 'imperfecto')} "
               f"{c.sn(ANIMALES, 'p').a()} de {c.c(FAMILIARES)}."),
    lambda c: (f"Para {c.c(VERBOS_OBJETO)} {c.sn(OBJETOS)}, {c.suj} {c.v('necesitar')} "
               f"{c.sn(HERRAMIENTAS, definido=False, adjetivos=ADJ_OBJETO)}."),
    lambda c: (f"—Hay que {c.c(VERBOS_PLANTA)} {c.sn(PLANTAS, 'p')} antes de {_mes(c)} —dijo "
               f"{c.otro}."),
    lambda c: (f"{c.Pron} {c.v(c.c(VERBOS_PLANTA), 'imperfecto')} "
               f"{c.sn(PLANTAS, adjetivos=ADJ_PLANTA)} {c.c(ADVERBIOS)}."),
    lambda c: (lambda a: f"{mayuscula_inicial(str(a))} {a.v(c.c(VERBOS_DE_ANIMAL))} en cuanto "
               f"{c.suj} {c.v('abrir')} la puerta {c.lugar('de')}.")(
        c.sn(ANIMALES, adjetivos=ADJ_ANIMAL)),
]


FINALES = [
    "Fue un día tranquilo para todos.", "Nunca olvidaron aquel día.",
    "Y así terminó la semana en el pueblo.", "Al anochecer, las luces de las casas se encendieron.",
    "Desde entonces, cada año repiten el mismo paseo.", "Esa noche durmieron profundamente.",
    "Los vecinos todavía cuentan esta historia.", "Al final, todo salió bien.",
    "Aquella noche cenaron todos juntos en la plaza.", "El invierno llegó poco después.",
    "Con el tiempo, aquel día se convirtió en una leyenda del pueblo.",
    "Al día siguiente, nadie recordaba quién había empezado.",
    "Las campanas de la iglesia dieron las diez.", "Y el pueblo volvió a su calma de siempre.",
    "Años más tarde, todavía se reían al recordarlo.", "Fue la mejor semana del verano.",
    "Esa misma noche empezó a nevar.", "Todos se fueron a dormir muy contentos.",
]


def parrafo(rng: random.Random) -> str:
    """Genera un párrafo narrativo de 4 a 7 frases con un protagonista coherente.

    Capítulo 3 (PLN clásico).
    """
    s = _Sujeto(rng)
    otro_genero = rng.choice("mf")
    otro = rng.choice([n for n in (MUJERES if otro_genero == "f" else HOMBRES)
                       if n not in s.nombres])
    lg, lugar = s.lugar
    intro = (f"{s.texto} {s.verbo('vivir')} en {s.pueblo}, cerca "
             f"{con_preposicion('de', lg, lugar)}.")
    ctx = _Ctx(s, otro, otro_genero, rng)
    elegidas = [plantilla(ctx) for plantilla in rng.sample(_PLANTILLAS, rng.randint(3, 5))]
    partes = [intro] + elegidas
    if rng.random() < 0.5:
        partes.append(rng.choice(FINALES))
    return " ".join(partes)


def corpus_narrativo(particion: str = "train", semilla: int = 0) -> list[str]:
    """Corpus de párrafos narrativos sintéticos (ficticios) en español.

    Args:
        particion: ``"train"`` (≥ 1 MB de texto), ``"validation"`` o ``"test"``. Un párrafo
            pertenece a una sola partición (se decide con un hash de su texto).
        semilla: cambia el orden y la elección de las plantillas; es determinista.

    Returns:
        Lista de párrafos (cadenas).

    Capítulo 3 (PLN clásico).
    """
    validar_particion(particion)
    rng = random.Random(f"narrativo-{semilla}")
    objetivo = TAMANOS[particion]
    vistos: set[str] = set()
    parrafos: list[str] = []
    total = 0
    while total < objetivo:
        texto = parrafo(rng)
        if texto in vistos or particion_de(texto) != particion:
            continue
        vistos.add(texto)
        parrafos.append(texto)
        total += len(texto.encode("utf-8"))
    return parrafos


def categorias_lexicas() -> dict[str, set[str]]:
    """Clase léxica de cada palabra que el generador pone en un hueco de sus plantillas.

    Devuelve ``{palabra en minúsculas: {clases}}`` con las clases «nombre», «oficio»,
    «lugar», «pueblo», «animal», «comida», «objeto», «herramienta», «prenda», «planta»,
    «número», «verbo», «adverbio», «mes», «momento» (días, partes del día, estaciones) y un
    tipo de adjetivo por hueco («adjetivo de animal», «adjetivo de comida», «adjetivo de
    estado», «adjetivo de carácter», «adjetivo de objeto», «adjetivo de planta», «adjetivo de
    lugar»), con todas sus formas de género y número. Una palabra puede tener varias clases
    («cansado» es de animal y de estado). Solo se incluyen las piezas de una palabra
    («Puertollano del Sur» o «recién hecho» no). Sirve para medir, con la estructura conocida
    del corpus, si dos palabras ocupan los mismos huecos (capítulo 3, word2vec).

    Capítulo 3 (PLN clásico).
    """
    clases: dict[str, set[str]] = {}

    def anadir(palabras, clase: str) -> None:
        for palabra in palabras:
            palabra = palabra.lower()
            if " " not in palabra:
                clases.setdefault(palabra, set()).add(clase)

    def formas(adjetivos):
        return [concordar(a, g, n) for a in adjetivos for g in "mf" for n in "sp"]

    def sustantivos(lista):
        return [f for sing, plur, _ in lista for f in (sing, plur)]

    anadir(MUJERES + HOMBRES, "nombre")
    anadir([f for par in OFICIOS for o in par for f in (o, plural(o))], "oficio")
    anadir([nombre for _, nombre in LUGARES], "lugar")
    anadir(PUEBLOS, "pueblo")
    anadir(sustantivos(ANIMALES), "animal")
    anadir([nombre for nombre, _, _ in COMIDAS], "comida")
    anadir(sustantivos(OBJETOS), "objeto")
    anadir(sustantivos(HERRAMIENTAS), "herramienta")
    anadir(sustantivos(PRENDAS), "prenda")
    anadir(sustantivos(PLANTAS), "planta")
    anadir(NUMEROS, "número")
    anadir([f for formas_verbo in VERBOS.values() for f in formas_verbo], "verbo")
    regulares = set(VERBOS_ACTIVIDAD + VERBOS_OBJETO + VERBOS_ANIMAL + VERBOS_DE_ANIMAL
                    + VERBOS_PLANTA + VERBOS_COMIDA + VERBOS_PRENDA)
    anadir([f for v in sorted(regulares) for f in formas_verbales(v)], "verbo")
    anadir(ADVERBIOS, "adverbio")
    anadir(MESES, "mes")
    anadir(["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
            "sábados", "domingos", "mañana", "tarde", "noche", "amanecer", "mediodía",
            "verano", "otoño", "invierno", "primavera", "madrugada"], "momento")
    anadir(formas(ADJ_ANIMAL), "adjetivo de animal")
    anadir(formas(ADJ_COMIDA), "adjetivo de comida")
    anadir(formas(ADJ_ESTADO), "adjetivo de estado")
    anadir(formas(ADJ_CARACTER), "adjetivo de carácter")
    anadir(formas(ADJ_OBJETO), "adjetivo de objeto")
    anadir(formas(ADJ_PLANTA), "adjetivo de planta")
    anadir(formas(ADJ_LUGAR[1:]), "adjetivo de lugar")
    return clases
