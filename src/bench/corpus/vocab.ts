/**
 * Word lists for the benchmark corpus. Everything personal here is invented: the people, the
 * outlets, the firm and the source codes. Places, agencies and cartels are real, because the
 * extractors must meet the names they will meet in real reporting (with and without accents).
 */

export const FIRST_NAMES_EN = [
  'James',
  'Robert',
  'Michael',
  'William',
  'David',
  'Richard',
  'Thomas',
  'Daniel',
  'Matthew',
  'Andrew',
  'Brian',
  'Kevin',
  'Jason',
  'Scott',
  'Gregory',
  'Patrick',
  'Sarah',
  'Jennifer',
  'Emily',
  'Rebecca',
  'Laura',
  'Megan',
  'Rachel',
  'Katherine',
  'Allison',
  'Deborah',
  'Karen',
  'Lindsay',
  'Colleen',
  'Heather',
] as const;

export const SURNAMES_EN = [
  'Whitfield',
  'Carver',
  'Donnelly',
  'Harlan',
  'McAllister',
  'Pruitt',
  'Stanton',
  'Kessler',
  'Lindqvist',
  'Okafor',
  'Brennan',
  'Haskins',
  'Delaney',
  'Fairbanks',
  'Gallagher',
  'Holloway',
  'Iverson',
  'Kowalski',
  'Langford',
  'Mercer',
  'Novak',
  'Petrakis',
  'Quinlan',
  'Radcliffe',
  'Sorensen',
  'Thibodeaux',
  'Vance',
  'Winslow',
  'Yarbrough',
  'Ziegler',
] as const;

export const FIRST_NAMES_ES = [
  'José',
  'Jesús',
  'Juan',
  'Luis',
  'Carlos',
  'Jorge',
  'Raúl',
  'Ramón',
  'Héctor',
  'Andrés',
  'Joaquín',
  'Rubén',
  'Efraín',
  'Germán',
  'Sebastián',
  'Ismael',
  'Óscar',
  'Rogelio',
  'Víctor',
  'Martín',
  'María',
  'Lucía',
  'Verónica',
  'Mónica',
  'Beatriz',
  'Inés',
  'Sofía',
  'Ángela',
  'Guadalupe',
  'Araceli',
  'Noemí',
  'Itzel',
  'Maricela',
  'Rocío',
] as const;

export const SURNAMES_ES = [
  'Salas',
  'Ordóñez',
  'Treviño',
  'Gutiérrez',
  'Hernández',
  'Domínguez',
  'Rodríguez',
  'Ibarra',
  'Peña',
  'Núñez',
  'Zúñiga',
  'Villaseñor',
  'Beltrán',
  'Carrillo',
  'Quintero',
  'Montaño',
  'Escobedo',
  'Báez',
  'Lozano',
  'Arámbula',
  'Cázares',
  'Olguín',
  'Padilla',
  'Ríos',
  'Saldívar',
  'Téllez',
  'Urías',
  'Valdés',
  'Yáñez',
  'Zamudio',
  'Acuña',
  'Bermúdez',
  'Chávez',
  'Durán',
  'Félix',
  'Galindo',
  'Jáuregui',
  'Leyva',
  'Márquez',
  'Orozco',
] as const;

/** Cartel figures: a full name (double surname), a short form and the aliases used for them. */
export interface Figure {
  name: string;
  short: string;
  aliases: readonly string[];
  cartel: string;
}

export const FIGURES: readonly Figure[] = [
  {
    name: 'Rogelio Salas Ordóñez',
    short: 'Salas',
    aliases: ['El Güero', 'Güero Salas'],
    cartel: 'Sinaloa',
  },
  { name: 'Efraín Montaño Cázares', short: 'Montaño', aliases: ['El Contador'], cartel: 'VCF' },
  {
    name: 'Germán Urías Beltrán',
    short: 'Urías',
    aliases: ['El Tilico', 'Tilico'],
    cartel: 'Beltrán Leyva',
  },
  {
    name: 'Ismael Jáuregui Padilla',
    short: 'Jáuregui',
    aliases: ['El Mecánico'],
    cartel: 'La Línea',
  },
  {
    name: 'Rubén Olguín Treviño',
    short: 'Olguín',
    aliases: ['Comandante Ocho', 'El Ocho'],
    cartel: 'Los Zetas',
  },
  { name: 'Noemí Arámbula Ríos', short: 'Arámbula', aliases: ['La Jefa'], cartel: 'Gulf cartel' },
  {
    name: 'Héctor Saldívar Yáñez',
    short: 'Saldívar',
    aliases: ['El Flaco', 'Flaco Saldívar'],
    cartel: 'Sinaloa',
  },
  {
    name: 'Joaquín Zamudio Félix',
    short: 'Zamudio',
    aliases: ['El Chato'],
    cartel: 'La Familia Michoacana',
  },
];

export const CARTELS_EN = [
  'the Sinaloa cartel',
  'the Juárez cartel',
  'the VCF',
  'La Línea',
  'Los Zetas',
  'the Gulf cartel',
  'the Beltrán Leyva organization',
  'La Familia Michoacana',
  'the Knights Templar',
  'Barrio Azteca',
] as const;

export const CARTELS_ES = [
  'el cártel de Sinaloa',
  'el cártel de Juárez',
  'el VCF',
  'La Línea',
  'Los Zetas',
  'el cártel del Golfo',
  'la organización de los Beltrán Leyva',
  'La Familia Michoacana',
  'Los Caballeros Templarios',
  'Barrio Azteca',
] as const;

export const AGENCIES_EN = [
  'the DEA',
  'the ATF',
  'the FBI',
  'ICE',
  'the CIA',
  'CBP',
  'the State Department',
  'DHS',
  'SEDENA',
  'SEMAR',
  'the PGR',
  'the FGR',
  'the Federal Police',
  'the Chihuahua state police',
  'the Mexican Army',
  'the Mexican Navy',
  'the Secretaría de Seguridad Pública',
  'CISEN',
] as const;

export const AGENCIES_ES = [
  'la DEA',
  'la ATF',
  'el FBI',
  'el ICE',
  'la CIA',
  'la CBP',
  'el Departamento de Estado',
  'la Sedena',
  'la Semar',
  'la PGR',
  'la FGR',
  'la Policía Federal',
  'la Fiscalía de Chihuahua',
  'el Ejército Mexicano',
  'la Marina',
  'la Secretaría de Seguridad Pública',
  'el Cisen',
  'la Secretaría de la Defensa Nacional',
] as const;

export const PLACES_MX = [
  'Ciudad Juárez',
  'Chihuahua',
  'Culiacán',
  'Tijuana',
  'Nuevo Laredo',
  'Reynosa',
  'Matamoros',
  'Monterrey',
  'Hermosillo',
  'Nogales',
  'Mazatlán',
  'Durango',
  'Torreón',
  'Ojinaga',
  'Nuevo Casas Grandes',
  'Parral',
  'Guadalajara',
  'Morelia',
  'Apatzingán',
  'Zacatecas',
  'Ciudad de México',
  'Valle de Juárez',
  'Guadalupe y Calvo',
  'Los Mochis',
] as const;

/** The state of each Mexican place, for datelines. */
export const STATE_OF: Readonly<Record<string, string>> = {
  'Ciudad Juárez': 'Chihuahua',
  Chihuahua: 'Chihuahua',
  Culiacán: 'Sinaloa',
  Tijuana: 'Baja California',
  'Nuevo Laredo': 'Tamaulipas',
  Reynosa: 'Tamaulipas',
  Matamoros: 'Tamaulipas',
  Monterrey: 'Nuevo León',
  Hermosillo: 'Sonora',
  Nogales: 'Sonora',
  Mazatlán: 'Sinaloa',
  Durango: 'Durango',
  Torreón: 'Coahuila',
  Ojinaga: 'Chihuahua',
  'Nuevo Casas Grandes': 'Chihuahua',
  Parral: 'Chihuahua',
  Guadalajara: 'Jalisco',
  Morelia: 'Michoacán',
  Apatzingán: 'Michoacán',
  Zacatecas: 'Zacatecas',
  'Ciudad de México': 'CDMX',
  'Valle de Juárez': 'Chihuahua',
  'Guadalupe y Calvo': 'Chihuahua',
  'Los Mochis': 'Sinaloa',
};

/** The state of each U.S. place, for datelines. */
export const US_STATE_OF: Readonly<Record<string, string>> = {
  'El Paso': 'Texas',
  'San Antonio': 'Texas',
  Houston: 'Texas',
  Phoenix: 'Arizona',
  Tucson: 'Arizona',
  Laredo: 'Texas',
  McAllen: 'Texas',
  'San Diego': 'California',
  Albuquerque: 'New Mexico',
  'Las Cruces': 'New Mexico',
  Dallas: 'Texas',
  Washington: 'D.C.',
  Brownsville: 'Texas',
  'Del Rio': 'Texas',
  Yuma: 'Arizona',
};

export const PLACES_US = [
  'El Paso',
  'San Antonio',
  'Houston',
  'Phoenix',
  'Tucson',
  'Laredo',
  'McAllen',
  'San Diego',
  'Albuquerque',
  'Las Cruces',
  'Dallas',
  'Washington',
  'Brownsville',
  'Del Rio',
  'Yuma',
] as const;

export const OUTLETS_EN = [
  'The Border Ledger',
  'Rio Grande Courier',
  'Sonoran Dispatch',
  'The Gulf Coast Sentinel',
  'Frontera Wire',
  'The Capitol Monitor',
  'Southwest Public Radio',
  'The Mesa Tribune',
] as const;

export const OUTLETS_ES = [
  'Diario del Norte',
  'El Heraldo Fronterizo',
  'Noticias de la Sierra',
  'La Voz de Chihuahua',
  'Semanario Contrapeso',
  'El Observador de Sinaloa',
  'Revista Frontera Sur',
  'Radio Bravo',
] as const;

/** Invented coded sources, in the style of the Stratfor leak. */
export const SOURCE_CODES = [
  'MX7',
  'MX12',
  'MX19',
  'MX23',
  'MX31',
  'MX40',
  'US902',
  'US415',
  'US77',
  'US238',
  'LA5',
  'CR3',
] as const;

export const SOURCE_DESCRIPTIONS = [
  'Mexican consular official posted in the US',
  'Former Chihuahua state police commander',
  'US federal law enforcement officer with direct oversight of border investigations',
  'Journalist in Culiacán with cartel contacts',
  'Mexican military intelligence officer',
  'Businessman in Monterrey who pays protection',
  'Retired DEA supervisor now consulting',
  'Staffer on a congressional oversight committee',
  'Defense lawyer in El Paso who represents cartel clients',
  'Official at the Secretaría de Gobernación',
] as const;

export const SPECIAL_HANDLING = [
  'None',
  'Do not forward',
  'Analysts only',
  'Protect source identity',
  'Secure list only',
] as const;

export const TOPICS_EN = [
  'Juárez violence',
  'US agents in Chihuahua',
  'gun-walking probe',
  'Sinaloa succession',
  'arms trafficking',
  'prison break',
  'police purge',
  'plaza dispute',
  'extradition talks',
  'drone flights',
  'money laundering',
  'army checkpoints',
] as const;

export const TOPICS_ES = [
  'violencia en Juárez',
  'agentes de EU en Chihuahua',
  'tráfico de armas',
  'sucesión en Sinaloa',
  'fuga de reos',
  'depuración policiaca',
  'disputa por la plaza',
  'extradiciones',
] as const;

/** Relative dates, the way reporters write them. */
export const RELATIVE_EN = [
  'last week',
  'on Tuesday',
  'late Friday',
  'earlier this month',
  'two weeks ago',
  'yesterday',
  'over the weekend',
  'last month',
  'on Monday night',
] as const;

export const RELATIVE_ES = [
  'la semana pasada',
  'el martes pasado',
  'el viernes por la noche',
  'a principios de mes',
  'hace dos semanas',
  'ayer',
  'el fin de semana',
  'el mes pasado',
  'el lunes',
] as const;

export const SAY_EN = [
  'said',
  'told reporters',
  'said in a statement',
  'wrote',
  'added',
  'warned',
] as const;
export const SAY_ES = ['dijo', 'afirmó', 'declaró', 'señaló', 'aseguró', 'advirtió'] as const;

export const ROLES_EN = [
  'a spokesman for',
  'a senior official at',
  'a former agent of',
  'an analyst who advised',
  'a prosecutor working with',
  'a commander of',
] as const;

export const ROLES_ES = [
  'vocero de',
  'funcionario de',
  'exagente de',
  'fiscal adscrito a',
  'comandante de',
  'analista que asesoró a',
] as const;

/** Words a re-printing outlet swaps for another, keeping the sense. */
export const SUBSTITUTIONS: Readonly<Record<string, string>> = {
  government: 'administration',
  officials: 'authorities',
  weapons: 'guns',
  agents: 'officers',
  killed: 'murdered',
  operation: 'mission',
  gobierno: 'Ejecutivo',
  funcionarios: 'autoridades',
  armas: 'armamento',
  agentes: 'elementos',
  asesinados: 'ejecutados',
  operativo: 'despliegue',
};

/**
 * Sentence templates. Slots: {person} {figure} {alias} {cartel} {agency} {agency2} {place}
 * {usplace} {n} {m} {k} {rel} {rel_abs} {outlet} {say} {role} {code}. `[a|b|c]` picks one
 * alternative. The alternatives are there for a reason: with fixed wording, two unrelated
 * documents would share long verbatim runs and swamp the planted reuse with accidental reuse.
 */
export const SENTENCES_EN = [
  '[Agents|Investigators|Analysts|Teams|At least {n} agents] from {agency} have been [operating|working|embedded] in {place} [for months|since {rel_abs}|for most of the year|since {date}], according to [two officials|a person|three people|a former official|{person} and others] [familiar with|briefed on|involved in] the [operation|program|effort].',
  '{figure}, [known as|also known as|nicknamed|better known as] "{alias}", has [controlled|run|dominated] the [smuggling|trafficking] [corridor|route] [south of|across from|west of] {usplace} since [the arrest of his predecessor|{rel_abs}|the army arrived|{date}], [{person} said|according to {agency}].',
  'At least {n} people were [killed|shot dead|murdered] in {place} {rel}, [the highest toll|the worst stretch|more than in any month|{m} more than in {rel_abs}] since [the army took over patrols|the federal police arrived|{rel_abs}|{date}], [according to {outlet}|{person} said|a tally by {agency} shows].',
  'The [weapons|rifles|guns|{n} rifles] were [bought|purchased] by [straw purchasers|straw buyers|{person} and others] in {usplace} [between {rel_abs} and {date}|in {rel_abs}|] and [crossed the bridge|were driven south|crossed at {usplace}] [in the trunks of private cars|hidden in spare tires|inside a produce truck|in batches of {n}].',
  '[Officials|Spokesmen|Press officers|{person} and other officials] at {agency} [declined|refused] [{rel}|on {date}|] to say how many [agents|officers|analysts] were [involved|deployed|assigned] [in {place}|], but [one|a second official|a congressional aide|{person}] put the figure at {n}.',
  'The [government|Interior Ministry|foreign ministry|{person}] [says|said {rel}|said on {date}] the number is [closer to|nearer|no more than] {m}, and [insists|maintains] that no [foreign|American|U.S.] agent [carries a weapon|is armed|takes part in raids] [in {place}].',
  '{person}, {role} {agency}, {say} [{rel}|on {date}|in {place}|] [that the task force|that agents|that his team|that the {n} agents] had "[never|not once] been [told|asked|ordered] to let the guns [go|walk|cross]."',
  '[Residents|Shopkeepers|Taxi drivers|{person} and neighbors] [of|in] {place} described [convoys|columns] of [unmarked|dark|armored|{n}] [trucks|pickups|SUVs] [moving through|circling|crossing] the [city|town|center] [after midnight|before dawn|on {n} nights in a row|{time}].',
  'The [operation|deployment|program] [began|started] [{rel}|on {date}|{time} on {date}], when {agency} and {agency2} [set up|opened|shared] a [joint command post|coordination office|listening post] [near|outside|in] {place}, [{person} said|with {n} people|according to {outlet}].',
  'According to {outlet}, the [shipment|load|seizure] [found {rel}|found on {date}|in {place}|] [included|contained] {n} [rifles|AK-47s|pistols|.50-caliber rifles] and [several thousand|about {m}|dozens of boxes of] [rounds of ammunition|cartridges].',
  'The [plaza|territory|route] [in {place}|] has been [disputed by|contested by|fought over by] {cartel} and [its rivals|{cartel}] since [early 2008|{rel_abs}|the truce collapsed], [leaving {n} dead|according to {outlet}|{person} said].',
  '[Investigators|Agents|Analysts] traced {n} of the [rifles|weapons|guns] [recovered|seized|found] in {place} to [gun shops|dealers|stores] in {usplace}, [records show|according to {outlet}|{person} said].',
  '"We are not going to [negotiate|make deals|talk] with [anyone|criminals|{cartel}]," {person} {say} [{rel}|on {date}|], [standing outside|speaking at|leaving] [the prosecutor\'s office|a news conference in {place}|the state congress].',
  'A [source|person|lawyer|{person}, a lawyer] [close to|familiar with|involved in] the [investigation|case|talks] said {alias} had [moved|sent] his [family|wife and children|accountant] to {place} [{rel}|on {date}|] [to avoid|to hide from|after a tip about] the [army|navy|federal police].',
  '[Congressional investigators|Senate staff|House Republicans|Two senators|{person}] [have asked|asked {rel}|asked on {date}] {agency} for [every cable|all e-mails|the internal reports|{n} pages of documents] that [mention|describe|refer to] the [case|operation|gun-walking probe].',
  'The [killings|murders|attacks|{n} killings] in {place} [since {date}|this year|] [follow|fit] a pattern: [young men|police officers|bus drivers], [shot|killed] at close range, [left|dumped|found] [near a main road|outside a school|on the bridge to {usplace}|on {road}].',
  '[In private|Privately|Off the record|Since {date}], [officials|diplomats|commanders|{person} and other officials] [concede|admit|acknowledge] that the [figures|{n} cases|counts] published by {outlet} are [probably|almost certainly|likely] [too low|an undercount|out of date].',
  '[Local|Municipal|Transit] police [in {place}|officers] were [disarmed|suspended|sent home] {rel} after the [state government|army|governor|{person}] accused [them|{n} of them] of [working for|taking money from|tipping off] {cartel}.',
  'The cartel pays [lookouts|halcones|informants|its {n} lookouts] in {place} [around|about|up to] {n} dollars a week, according to [court records|{outlet}|a witness in {usplace}|{person}].',
  '{person} {say} [{rel}|on {date}|] that the [agents|Americans|advisers|{n} agents] "[are advising, not operating|only share intelligence|never carry guns]," a distinction [critics|{person}|opponents] [call|consider] [meaningless|hollow|a fiction].',
  'The [figure|count|estimate] of {n} [agents|officers] [comes from|was given by|appears in] [a briefing by {agency}|a leaked cable|a report to Congress], [dated|written] {rel_abs}.',
  '{alias} was [last seen|reportedly spotted|photographed] in {place} {rel}, [driving|riding|traveling] with [{k} bodyguards|two of his sons|a local commander].',
] as const;

export const SENTENCES_ES = [
  '[Agentes|Investigadores|Analistas|Equipos|Al menos {n} agentes] de {agency} [operan|trabajan|están infiltrados] [desde hace meses|desde {rel_abs}|desde principios de año|desde el {date}] en {place}, de acuerdo con [dos funcionarios|una fuente|tres personas|un exfuncionario|{person}] que [conocen|siguen|participan en] el [operativo|programa|despliegue].',
  '{figure}, [conocido como|alias|apodado] "{alias}", [controla|domina|maneja] el [corredor|trasiego|paso] [al sur de|frente a|al oeste de] {usplace} desde [la detención de su antecesor|{rel_abs}|la llegada del Ejército|el {date}], [dijo {person}|según {agency}].',
  'Al menos {n} personas fueron [asesinadas|ejecutadas|ultimadas] en {place} {rel}, [la cifra más alta|el peor periodo|más que en cualquier otro mes|{m} más que en {rel_abs}] desde [que el Ejército asumió los patrullajes|la llegada de la Policía Federal|{rel_abs}|el {date}], [según {outlet}|dijo {person}|de acuerdo con un conteo de {agency}].',
  'Las [armas|pistolas|rifles|{n} armas] fueron [compradas|adquiridas] por [prestanombres|{person} y otros prestanombres] en {usplace} [entre {rel_abs} y el {date}|en {rel_abs}|] y [cruzaron el puente|llegaron a {place}|entraron por {usplace}] [en la cajuela de autos particulares|ocultas en llantas de refacción|en lotes de {n}].',
  '[Funcionarios|Voceros|{person} y otros funcionarios] de {agency} se [negaron|rehusaron] [{rel}|el {date}|] a precisar cuántos [agentes|elementos|analistas] [participan|están desplegados] [en {place}|], aunque [uno|un asesor legislativo|una fuente|{person}] habló de {n}.',
  '[El gobierno|El gobierno federal|El canciller|{person}] [sostiene|dijo {rel}|afirmó el {date}] que son [cerca de|no más de|alrededor de] {m} y [asegura|insiste] que ningún agente [extranjero|estadounidense] [porta armas|está armado|participa en operativos] [en {place}].',
  '{person}, {role} {agency}, {say} [{rel}|el {date}|en {place}|] que el [grupo de trabajo|equipo|personal] [en {usplace}|de {place}|] "[nunca|jamás] recibió la orden de dejar [pasar|cruzar|ir] las armas".',
  '[Vecinos|Comerciantes|Taxistas|{person} y sus vecinos] de {place} describieron [convoyes|columnas] de [camionetas|vehículos|{n} camionetas] [sin placas|blindados|oscuros] que [recorren|cruzan] la [ciudad|colonia|zona centro] [de madrugada|después de la medianoche|desde hace {n} noches|{time}].',
  'El [operativo|despliegue] comenzó [{rel}|el {date}|{time} del {date}], cuando {agency} y {agency2} [instalaron|abrieron] un [puesto de mando conjunto|centro de coordinación] [cerca de|en las afueras de|en] {place}, [dijo {person}|con {n} elementos|según {outlet}].',
  'Según {outlet}, el [cargamento|decomiso|aseguramiento] [hallado {rel}|del {date}|en {place}|] incluía {n} [fusiles|cuernos de chivo|pistolas|rifles Barrett] y [varios miles de|unos {m}|decenas de cajas de] cartuchos.',
  'La plaza [de {place}|] es [disputada|peleada] por {cartel} y [sus rivales|{cartel}] desde [principios de 2008|{rel_abs}|que se rompió la tregua], [con {n} muertos|según {outlet}|dijo {person}].',
  'Los [investigadores|peritos|agentes] rastrearon {n} de los [fusiles|rifles|armas] [asegurados|decomisados] en {place} hasta [armerías|tiendas] de {usplace}, [según los registros|de acuerdo con {outlet}|dijo {person}].',
  '"No vamos a [negociar|pactar] con [nadie|criminales|{cartel}]", {say} {person} [{rel}|el {date}|] [a las puertas de la Fiscalía|en conferencia de prensa en {place}|al salir del Congreso estatal].',
  'Una [fuente|persona|abogada|abogada, {person},] [cercana a|que conoce] la [investigación|causa] dijo que {alias} [trasladó|mandó] [{rel}|el {date}|] a su [familia|esposa e hijos|contador] a {place} para [evitar al Ejército|esconderse de la Marina|no ser detenido].',
  'Los [homicidios|asesinatos|ataques|{n} homicidios] en {place} [desde el {date}|este año|] siguen un patrón: [hombres jóvenes|policías|choferes], [disparos|balazos] a corta distancia, [cuerpos|víctimas] [junto a la carretera|frente a una escuela|en el puente hacia {usplace}|sobre {road}].',
  '[En privado|Fuera de micrófono|Extraoficialmente|Desde el {date}], [funcionarios|diplomáticos|mandos|{person} y otros funcionarios] [reconocen|admiten] que [las cifras|los {n} casos|los conteos] publicados por {outlet} [probablemente|seguramente] se quedan [cortos|atrás].',
  'La policía [municipal|de tránsito|estatal] [de {place}|] fue [desarmada|suspendida|acuartelada] {rel}, luego de que [el gobierno estatal|el Ejército|el gobernador|{person}] [la acusara|acusara a {n} agentes] de [trabajar para|recibir dinero de|avisar a] {cartel}.',
  'El cártel paga a sus [halcones|informantes|vigías|{n} halcones] en {place} [unos|alrededor de|hasta] {n} pesos a la semana, de acuerdo con [expedientes judiciales|{outlet}|un testigo protegido|{person}].',
  '{person} {say} [{rel}|el {date}|] que los [agentes|estadounidenses|asesores|{n} agentes] "[asesoran, no operan|solo comparten información|nunca portan armas]", una distinción que [sus críticos|{person}|la oposición] [consideran|califican de] [vacía|falsa|engañosa].',
  'La [cifra|estimación] de {n} agentes [proviene de|aparece en] [un informe de {agency}|un cable filtrado|un reporte al Congreso] [fechado en|redactado en] {rel_abs}.',
] as const;

/** What a coded source writes: first person, informal, analytic, full of specifics. */
export const INTEL_SENTENCES_EN = [
  'My [contacts|people|guys|sources] in {place} [tell me|say|swear] {agency} has had [people|a team|{n} agents|{m} analysts] on the ground [there|in {place}] since {date}.',
  'I think the [government|Calderón government|federal government|PGR] [has been|is] letting {cartel} [consolidate|take] the [plaza|corridor] [in {place}|south of {usplace}|around {place}] [since {date}|for {n} days|] because [a single owner means fewer bodies in the street|one owner is easier to deal with|the alternative is worse|{person} told them so].',
  'The number I keep hearing [from {person}|in {place}|from the consulate|since {date}] is {n} agents, not the {m} [the press has been reporting|that {outlet} ran|the government admits].',
  '{alias} is not as [strong|secure|well protected] as people [in {place}|in {usplace}|at {agency}] think, [his own lieutenants|{k} of his plaza bosses|his accountant {person}] [are talking to|have been approached by|met {rel} with] {agency} [in {usplace}|on {date}].',
  'Nobody in {place} believes the [army|navy|federal police] is neutral, [they have seen|{person} has seen|people saw] the [checkpoints|patrols] [on {road}|near {place}] wave through [the same trucks|{n} trucks|a convoy] [every night|for {n} nights|since {date}].',
  'The guns from the {usplace} [stores|dealers|shops] are turning up at [crime scenes|shootouts|checkpoints] [faster than anyone in Washington expected|in {place} and {place}|by the dozen, {n} so far].',
  "If {figure} falls [before {date}|this year|in {place}|{rel}], [{person} expects|expect|{agency} expects|I would bet on] a [fight|war|split] between [his sons|his brothers|{alias}'s lieutenants|{person}] and the old guard [in {place}|in {usplace}|] for at least [six months|a year|{n} days].",
  'My read [on {place}|after talking to {person}|as of {date}] is that the [deal|arrangement|understanding] [with {cartel}|with {alias}|] is informal: [information in exchange for being left alone|tips on rivals in exchange for time|intelligence for protection] [in {place}|until {date}].',
  'There is real [anger|frustration|resentment] inside {agency2} [about being kept in the dark|that nobody told them about {place}|since the meeting on {date}], [{person} says|according to {person}|I hear].',
  'Watch {place}, [that is where|I am told] the next round of [killings|fighting|arrests] will start [this summer|before {date}|within {n} days].',
  'I was told {rel} that [a senior man|a commander|an accountant|{person}] for {cartel} [met|had dinner|spoke] with people from {agency} in {usplace} [on {date}|{time}|twice].',
  '{person} [paid|moved|laundered] [{money}|about {money}] [through|via] [a currency exchange in {place}|two car lots in {usplace}|a cattle ranch near {place}] [last year|since {date}|{rel}].',
] as const;

export const INTEL_SENTENCES_ES = [
  'Mis [contactos|fuentes|conocidos] en {place} [me dicen|me juran|aseguran] que {agency} tiene [gente|un equipo|{n} agentes|{m} analistas] operando [ahí|en {place}] desde el {date}.',
  'Creo que [el gobierno|el gobierno de Calderón|el gobierno federal|la PGR] deja que {cartel} [consolide|se quede con] la plaza [en {place}|al sur de {usplace}|de {place}] [desde el {date}|desde hace {n} días|] porque [un solo dueño significa menos muertos en la calle|con uno solo es más fácil negociar|lo demás es peor|así se lo pidió {person}].',
  'La cifra que escucho [de {person}|en {place}|en el consulado|desde {date}] es de {n} agentes, no los {m} que [reporta la prensa|publicó {outlet}|admite el gobierno].',
  '{alias} no es tan [fuerte|intocable|poderoso] como se cree [en {place}|en {usplace}|en {agency}], [sus propios lugartenientes|{k} de sus jefes de plaza|su contador {person}] ya [hablan con|fueron contactados por|se reunieron {rel} con] {agency} [en {usplace}|el {date}].',
  'Nadie en {place} cree que [el Ejército|la Marina|la Policía Federal] sea neutral, [ven pasar|{person} vio pasar|la gente ve pasar] [los mismos camiones|{n} camiones|un convoy] por los retenes [de {road}|cerca de {place}] [cada noche|desde {date}|desde hace {n} noches].',
  'Si cae {figure} [antes de {date}|este año|en {place}|{rel}], [{person} espera|habrá|{agency} prevé|apuesto a] [pleito|guerra|una división] entre [sus hijos|sus hermanos|los lugartenientes de {alias}|{person}] y la vieja guardia [en {place}|en {usplace}|] por lo menos [seis meses|un año|{n} días].',
  'Mi lectura [sobre {place}|después de hablar con {person}|al {date}] es que el [arreglo|acuerdo|entendimiento] [con {cartel}|con {alias}|] es informal: [información a cambio de que los dejen en paz|datos sobre rivales a cambio de tiempo|inteligencia a cambio de protección] [en {place}|hasta {date}].',
  'Hay mucho [enojo|malestar] dentro de {agency2} [porque no les avisaron de nada|porque nadie les habló de {place}|desde la reunión del {date}], [dice {person}|según {person}|me cuentan].',
  'Me dijeron {rel} que [un mando|un contador|un operador|{person}] de {cartel} se [reunió|vio] con gente de {agency} en {usplace} [el {date}|{time}|dos veces].',
  '{person} [movió|lavó|pagó] [{money}|cerca de {money}] a través de [una casa de cambio en {place}|dos lotes de autos en {usplace}|un rancho ganadero cerca de {place}] [el año pasado|desde {date}|{rel}].',
] as const;

export const HEADLINES_EN = [
  'U.S. agents quietly expand role in {place}',
  'Guns traced to {usplace} stores turn up in {place}',
  '{alias} tightens grip on border corridor',
  'Officials dispute count of foreign agents in Mexico',
  'Killings surge in {place} as army pulls back',
  'Congress presses {agency} on gun-walking probe',
  'Inside the fight for the {place} plaza',
] as const;

export const HEADLINES_ES = [
  'Agentes de EU amplían su presencia en {place}',
  'Armas de {usplace} aparecen en escenas del crimen en {place}',
  '"{alias}" refuerza su control del corredor fronterizo',
  'Disputa por la cifra de agentes extranjeros en México',
  'Repunte de homicidios en {place} tras el repliegue militar',
  'Legisladores exigen cuentas a {agency} por el trasiego de armas',
] as const;

export const EMAIL_DOMAINS = [
  'meridian-risk.example',
  'mail.example.com',
  'correo.example.mx',
  'ledger.example.org',
] as const;

export const ANALYST_LISTS = [
  'secure@meridian-risk.example',
  'analysts@meridian-risk.example',
  'latam@meridian-risk.example',
] as const;

export const CHATTER_EN = [
  '[Can someone|Could somebody|Can you] pull together what we have on {place} before the [call|meeting|brief] [at {clock}|on {date}|with {person}]?',
  'Flagging this for the [weekly|monthly|{person}]. The figure of {n} does not match [what {outlet} ran|the {m} we used|what {person} told us].',
  '[Thanks|Thanks, {first}|Got it], this is useful. [Can you|Could you] go back to {code} on [the timing|the {n} figure|{place}]?',
  '[Agree|I agree|{first} agrees] with the assessment but we should not [put|use] the [number|{n} figure] in the piece [yet|before {date}|without {person}].',
  '[Reminder|Note] that anything from {code} is not for publication without checking with [me|{person}] first.',
  '[Here is|Attached is] the table I mentioned [to {first}|on {date}], it only goes through {rel_abs}.',
] as const;

export const CHATTER_ES = [
  '¿[Alguien puede|Puedes|Podrías] juntar lo que tenemos sobre {place} antes de la [llamada|junta] [de las {clock}|del {date}|con {person}]?',
  'Lo marco para [el semanal|{person}]. La cifra de {n} no cuadra con [lo que publicó {outlet}|los {m} que usamos|lo que nos dijo {person}].',
  '[Gracias|Gracias, {first}|Recibido], muy útil. ¿Puedes volver con {code} sobre [las fechas|la cifra de {n}|{place}]?',
  'Va la tabla que [mencioné|le pasé a {first}] [el {date}|], solo llega hasta {rel_abs}.',
] as const;

/** Roads and streets that show up in crime reporting. */
export const ROADS = [
  'the Pan-American highway',
  'Avenida Tecnológico',
  'the Juárez–Porvenir road',
  'Carretera 45',
  'the Chihuahua–Cuauhtémoc highway',
  'Boulevard Zaragoza',
  'Avenida de las Torres',
  'the Culiacán–Mazatlán toll road',
  'Carretera Federal 2',
  'Calzada Heroico Colegio Militar',
  'Avenida Insurgentes',
  'the Cordova bridge road',
  'Periférico Camino Real',
  'Boulevard Independencia',
] as const;

/** Attributions appended to plain sentences. */
export const ATTRIBUTIONS_EN = [
  '{person} said',
  '{person} said on {date}',
  'according to {person}',
  'according to {outlet} on {date}',
  '{person} told {outlet}',
  'a {n}-page report by {agency} says',
  'records dated {date} show',
] as const;

export const ATTRIBUTIONS_ES = [
  'dijo {person}',
  'afirmó {person} el {date}',
  'de acuerdo con {person}',
  'según publicó {outlet} el {date}',
  'declaró {person} a {outlet}',
  'según un informe de {n} páginas de {agency}',
  'de acuerdo con registros del {date}',
] as const;
