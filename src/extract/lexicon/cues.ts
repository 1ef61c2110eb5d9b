/**
 * Cue words that type a capitalised name by its head, by what comes before it, or by what follows.
 * All compared accent-folded and lower-cased.
 */

/** Last words of news outlets' names ("The Border Ledger", "Frontera Wire"). */
const OUTLET_HEADS =
  'ledger courier wire monitor dispatch observer reporter bulletin review examiner sentinel ' +
  'inquirer insider beat chronicle dispatches';

/** Head words of organisation names, English and Spanish ("Department", "Secretaría", "Cartel"). */
export const ORGANIZATION_HEADS = new Set(
  (
    'department agency administration bureau office service services command commands division section ' +
    'council center centre group force forces corps army navy guard police patrol court congress senate ' +
    'committee commission secretariat ministry embassy consulate institute university college party ' +
    'cartel cartels organization organisation network corporation corp inc company co llc ltd bank news ' +
    'press times post journal herald tribune chronicle gazette magazine radio television tv foundation ' +
    'institution association union coalition alliance team unit brigade battalion regiment squadron squad airlines ' +
    'industries systems technologies holdings partners associates fund authority board directorate ' +
    'intelligence-center agencies ' +
    'fiscalia secretaria procuraduria policia ejercito armada guardia marina cartel partido instituto ' +
    'universidad comision consejo tribunal corte camara senado congreso banco grupo fuerza fuerzas agencia ' +
    'oficina unidad direccion departamento servicio comando batallon brigada compania noticias diario ' +
    'periodico semanario revista sindicato asociacion fundacion empresa ministerio seccion ' +
    'subcommittee subcomision ' +
    // news outlets ("The Border Ledger", "Frontera Wire", "Sonoran Dispatch")
    OUTLET_HEADS +
    // firms ("Control Risks", "Meridian Risk", "Kroll Consulting")
    ' risk risks consulting consultancy consultants solutions strategies analytics communications ventures'
  ).split(' '),
);

/** First words of Spanish outlets' names: "Diario del Norte", "Semanario Contrapeso", "El Heraldo de Chihuahua". */
export const LEADING_OUTLET_HEADS = new Set(
  'diario semanario periodico revista heraldo noticiero radio canal agencia'.split(' '),
);

/**
 * Nouns that, just before a capitalised name, say it is an organisation: "the security firm
 * Meridian Risk", "the newspaper Diario del Norte", "el colectivo Archivo Abierto", "la empresa
 * texana Meridian Risk" (one adjective may stand between).
 */
export const ORGANIZATION_APPOSITIVES = new Set(
  (
    'firm company consultancy collective newspaper weekly daily outlet magazine website broadcaster ' +
    'network nonprofit ngo group organization organisation contractor publication tabloid ' +
    'empresa firma compania consultora colectivo diario semanario periodico medio revista portal ' +
    'televisora radiodifusora organizacion asociacion agrupacion'
  ).split(' '),
);

/** Outlet heads, for keeping a leading "The"/"El"/"La" in the name ("The Border Ledger"). */
export const NEWS_OUTLET_HEADS = new Set(
  (
    OUTLET_HEADS +
    ' news press times post journal herald tribune chronicle gazette magazine radio television'
  ).split(' '),
);

/** Organisation heads that lead the name in Spanish ("Secretaría de …") and in "Office of …". */
export const LEADING_ORGANIZATION_HEADS = new Set(
  (
    'department office bureau ministry secretariat agency embassy council commission court university ' +
    'institute fiscalia secretaria procuraduria policia ejercito guardia partido instituto universidad ' +
    'comision consejo tribunal corte camara banco grupo agencia oficina unidad direccion departamento ' +
    'servicio comando batallon brigada cartel fuerza fuerzas ministerio seccion diario semanario ' +
    'periodico revista heraldo'
  ).split(' '),
);

/** Head words that make a name a place ("Fort Bliss", "Gulf of California", "Ciudad Juárez"). */
export const PLACE_LEADING_HEADS = new Set(
  'fort lake mount mt gulf sea bay port ciudad isla islas cerro rio lago bahia golfo sierra valle puerto'.split(
    ' ',
  ),
);
export const PLACE_TRAILING_HEADS = new Set(
  (
    'river sea gulf bay ocean lake mountains mountain valley island islands county airfield airport ' +
    'base desert peninsula canyon strait channel province state hemisphere field'
  ).split(' '),
);

/** Titles and roles before a person's name, English and Spanish. */
export const PERSON_TITLES = new Set(
  (
    'president president-elect vice vice-president governor gov secretary undersecretary director deputy ' +
    'agent attorney general ag senator sen representative rep congressman congresswoman mayor judge ' +
    'justice sheriff commander chief minister ambassador spokesman spokeswoman spokesperson officer ' +
    'lieutenant lt colonel col captain capt sergeant sgt admiral adm gen major maj prosecutor detective ' +
    'inspector commissioner analyst reporter journalist author editor founder ceo chairman chairwoman ' +
    'head leader boss kingpin capo honcho lawyer professor prof dr mr mrs ms miss sir pope king queen ' +
    'prince princess elect supervisor presidente presidenta gobernador gobernadora secretario ' +
    'secretaria subsecretario directora agente fiscal senador senadora diputado diputada alcalde alcaldesa ' +
    'juez jueza coronel capitan teniente sargento almirante comandante jefe jefa lider vocero portavoz ' +
    'periodista reportero reportera abogado abogada licenciado lic don dona senor senora sr sra embajador ' +
    'embajadora canciller ministro ministra activist trafficker operative informant witness defendant ' +
    'hitman sicario alias apodado'
  ).split(' '),
);

/** Verbs of saying that follow a speaker ("Dodson told", "dijo García"). */
export const SPEECH_VERBS = new Set(
  (
    'said says say told tells wrote writes declared declares added adds explained explains claimed claims ' +
    'stated states noted notes argued argues insisted insists warned warns announced announces testified ' +
    'testifies acknowledged acknowledges admitted admits denied denies asked asks replied replies recalled ' +
    'recalls alleged alleges suggested suggests concluded concludes revealed reveals reported reports ' +
    'confirmed confirms described describes continued continues went ' +
    'dijo dice afirmo afirma senalo senala declaro declara aseguro asegura explico explica indico indica ' +
    'comento comenta expreso expresa agrego agrega anadio anade sostuvo sostiene advirtio advierte ' +
    'reconocio reconoce denuncio denuncia preciso precisa destaco destaca manifesto manifiesta informo ' +
    'informa escribio escribe relato relata narro narra conto cuenta respondio responde'
  ).split(' '),
);

/** Words before a name that say it is a place ("in Tijuana", "cerca de Culiacán"). */
export const LOCATIVE_PREPOSITIONS = new Set(
  'in near from across outside inside into toward towards through throughout en cerca desde hacia hasta'.split(
    ' ',
  ),
);

/** Nouns that, followed by "of"/"de", introduce a place ("the mayor of Uruapan", "estado de Sinaloa"). */
export const PLACE_OF_NOUNS = new Set(
  (
    'mayor governor city state town village municipality outskirts capital streets residents region ' +
    'province county port border alcalde gobernador ciudad estado municipio pueblo capital calles ' +
    'habitantes region provincia puerto frontera'
  ).split(' '),
);

/** Lower-case words inside a name: "Secretaría de la Defensa", "Office of the Director". */
/** Capitalised words after a place that make the whole a named programme or law, not a place ("Mérida Initiative"). */
export const NAMED_THING_HEADS = new Set(
  'initiative plan act operation agreement accord treaty law program programme summit conference declaration protocol doctrine strategy cup'.split(
    ' ',
  ),
);

export const NAME_CONNECTORS = new Set([
  'of',
  'de',
  'del',
  'la',
  'las',
  'los',
  'the',
  'for',
  'on',
  'da',
  'do',
  'dos',
  'van',
  'von',
  'der',
  'y',
  'e',
  'and',
  '&',
]);
