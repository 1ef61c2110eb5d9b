import type { Mention } from '../../extract/index.js';
import type { ClaimCluster, ReuseReport } from '../../provenance/index.js';
import type { Resolution } from '../../resolve/index.js';
import type { ExtractionRecord } from '../types.js';
import { makeDocument, NOTHING_FOUND } from './fixtures.js';

/*
 * A small case with one document per marking that matters: a public article (CLEAR), a desk
 * e-mail (AMBER+STRICT) and a source debrief (RED). Only the debrief names Teodoro Valdivieso
 * Ochoa, quotes him on the "tlacuache" shipment, mentions Manzanillo and 9 September 2011, and
 * calls the cartel "La Empresa": none of that may reach a reader cleared below RED.
 */

const SHARED = 'The Juárez cartel still controls the plaza';
const MEETING = 'Meeting set for 9 September 2011.';
const QUOTE = 'The tlacuache shipment leaves Manzanillo on the ninth.';

export const PUBLIC = makeDocument(
  `Agents met in Ciudad Juárez\nFederal agents met prosecutors in Ciudad Juárez on Tuesday. ${SHARED}, a spokesman said.`,
  { publishedAt: '2011-04-19', title: 'Agents met in Ciudad Juárez' },
);

export const DESK = makeDocument(
  `Desk note: plaza talks\n${SHARED}, according to a consular contact in Juárez. ${MEETING}`,
  { kind: 'email', publishedAt: '2011-08-30', title: 'Desk note: plaza talks' },
);

export const DEBRIEF = makeDocument(
  `Source MX9 debrief\nTeodoro Valdivieso Ochoa said: "${QUOTE}" ${SHARED}, known inside as La Empresa. ${MEETING}`,
  { publishedAt: '2011-09-02', title: 'Source MX9 debrief' },
);

/** Strings that only the RED debrief holds: none may appear in anything a restricted view returns. */
export const RED_ONLY = [
  'tlacuache',
  'Teodoro',
  'Valdivieso',
  'Manzanillo',
  'Empresa',
  '2011-09-09',
];

const span = (text: string, needle: string) => {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`fixture text lacks ${needle}`);
  return { start, end: start + needle.length, text: needle };
};

const place = (text: string, needle: string, name: string, lat: number, lon: number, id: string) =>
  ({
    ...span(text, needle),
    type: 'place',
    normalized: name,
    confidence: 0.95,
    source: 'gazetteer',
    geo: { lat, lon, country: 'MX', gazetteerId: `geonames:${id}` },
  }) as Mention;

const named = (text: string, needle: string, type: Mention['type'], normalized: string) =>
  ({ ...span(text, needle), type, normalized, confidence: 0.9, source: 'lexicon' }) as Mention;

export const EXTRACTIONS: ExtractionRecord[] = [
  {
    documentId: PUBLIC.id,
    extractorVersion: 'v1',
    extraction: {
      ...NOTHING_FOUND,
      mentions: [
        place(PUBLIC.text, 'Ciudad Juárez', 'Ciudad Juárez', 31.72, -106.46, '4013708'),
        named(PUBLIC.text, 'Juárez cartel', 'organization', 'Juárez Cartel'),
      ],
      dates: [
        { ...span(PUBLIC.text, 'Tuesday'), value: '2011-04-19', precision: 'day', relative: true },
      ],
    },
  },
  {
    documentId: DESK.id,
    extractorVersion: 'v1',
    extraction: {
      ...NOTHING_FOUND,
      mentions: [
        named(DESK.text, 'Juárez cartel', 'organization', 'Juárez Cartel'),
        place(DESK.text, 'Juárez.', 'Ciudad Juárez', 31.72, -106.46, '4013708'),
      ],
    },
  },
  {
    documentId: DEBRIEF.id,
    extractorVersion: 'v1',
    extraction: {
      ...NOTHING_FOUND,
      mentions: [
        named(DEBRIEF.text, 'Teodoro Valdivieso Ochoa', 'person', 'Teodoro Valdivieso Ochoa'),
        place(DEBRIEF.text, 'Manzanillo', 'Manzanillo', 19.05, -104.32, '3996426'),
        named(DEBRIEF.text, 'Juárez cartel', 'organization', 'Juárez Cartel'),
        named(DEBRIEF.text, 'La Empresa', 'organization', 'Juárez Cartel'),
      ],
      dates: [
        {
          ...span(DEBRIEF.text, '9 September 2011'),
          value: '2011-09-09',
          precision: 'day',
          relative: false,
        },
      ],
      quotes: [
        {
          ...span(DEBRIEF.text, QUOTE),
          speaker: 'Teodoro Valdivieso Ochoa',
          verb: 'said',
          saidOn: null,
        },
      ],
    },
  },
];

const empresa = span(DEBRIEF.text, 'known inside as La Empresa');

export const RESOLUTION: Resolution = {
  entities: [
    {
      id: 'organization:juarez cartel',
      type: 'organization',
      name: 'Juárez Cartel',
      aliases: [
        {
          name: 'Juárez Cartel',
          documents: [PUBLIC.id, DESK.id, DEBRIEF.id].sort(),
          rule: 'canonical',
        },
        {
          name: 'La Empresa',
          documents: [DEBRIEF.id],
          rule: 'alias-evidence:known as',
          evidence: { documentId: DEBRIEF.id, start: empresa.start, end: empresa.end },
        },
      ],
      mentionCount: 4,
      documentCount: 3,
    },
    {
      id: 'place:ciudad juarez',
      type: 'place',
      name: 'Ciudad Juárez',
      aliases: [
        { name: 'Ciudad Juárez', documents: [PUBLIC.id, DESK.id].sort(), rule: 'canonical' },
      ],
      mentionCount: 2,
      documentCount: 2,
    },
    {
      id: 'person:teodoro valdivieso ochoa',
      type: 'person',
      name: 'Teodoro Valdivieso Ochoa',
      aliases: [{ name: 'Teodoro Valdivieso Ochoa', documents: [DEBRIEF.id], rule: 'canonical' }],
      mentionCount: 1,
      documentCount: 1,
    },
    {
      id: 'place:manzanillo',
      type: 'place',
      name: 'Manzanillo',
      aliases: [{ name: 'Manzanillo', documents: [DEBRIEF.id], rule: 'canonical' }],
      mentionCount: 1,
      documentCount: 1,
    },
  ],
  assignments: [
    { documentId: PUBLIC.id, seq: 0, entityId: 'place:ciudad juarez' },
    { documentId: PUBLIC.id, seq: 1, entityId: 'organization:juarez cartel' },
    { documentId: DESK.id, seq: 0, entityId: 'organization:juarez cartel' },
    { documentId: DESK.id, seq: 1, entityId: 'place:ciudad juarez' },
    { documentId: DEBRIEF.id, seq: 0, entityId: 'person:teodoro valdivieso ochoa' },
    { documentId: DEBRIEF.id, seq: 1, entityId: 'place:manzanillo' },
    { documentId: DEBRIEF.id, seq: 2, entityId: 'organization:juarez cartel' },
    { documentId: DEBRIEF.id, seq: 3, entityId: 'organization:juarez cartel' },
  ],
  merges: [
    {
      entityId: 'organization:juarez cartel',
      from: 'organization:la empresa',
      into: 'organization:juarez cartel',
      rule: 'alias-evidence:known as',
      evidence: { documentId: DEBRIEF.id, start: empresa.start, end: empresa.end },
    },
  ],
  unappliedDecisions: [],
};

const occurrence = (document: typeof PUBLIC, text: string) => ({
  documentId: document.id,
  ...span(document.text, text),
  date: document.publishedAt,
});

const pair = (x: typeof PUBLIC, y: typeof PUBLIC, text: string) => {
  const [a, b] = x.id < y.id ? [x, y] : [y, x];
  const sa = span(a.text, text);
  const sb = span(b.text, text);
  return {
    a: a.id,
    b: b.id,
    similarity: 0.4,
    nearDuplicate: false,
    passages: [{ text, aStart: sa.start, aEnd: sa.end, bStart: sb.start, bEnd: sb.end, words: 7 }],
  };
};

export const REUSE: ReuseReport = {
  pairs: [pair(PUBLIC, DESK, SHARED), pair(PUBLIC, DEBRIEF, SHARED), pair(DESK, DEBRIEF, MEETING)],
  passages: [
    {
      text: SHARED,
      words: 7,
      occurrences: [PUBLIC, DESK, DEBRIEF].map((d) => {
        const { text: _text, ...o } = occurrence(d, SHARED);
        return o;
      }),
    },
    {
      text: MEETING,
      words: 5,
      occurrences: [DESK, DEBRIEF].map((d) => {
        const { text: _text, ...o } = occurrence(d, MEETING);
        return o;
      }),
    },
  ],
};

function cluster(
  id: string,
  kind: 'quote' | 'claim',
  text: string,
  speaker: string | null,
  documents: Array<typeof PUBLIC>,
): ClaimCluster {
  return {
    id,
    kind,
    text,
    speaker,
    members: documents.map((d) => ({
      documentId: d.id,
      ...span(d.text, text),
      speaker,
      kind,
      date: d.publishedAt,
      saidOn: null,
      citedSource: null,
      citedCue: null,
      citedScope: null,
    })) as unknown as ClaimCluster['members'],
    documents: documents.map((d) => ({
      id: d.id,
      title: d.title,
      date: d.publishedAt,
      kind: d.kind,
    })) as ClaimCluster['documents'],
    earliest: { documentId: documents[0]!.id, date: documents[0]!.publishedAt },
    origin: {
      speaker,
      documentId: documents[0]!.id,
      description: 'the earliest document',
    } as ClaimCluster['origin'],
    chain: [],
    originGroups: [],
    independentOrigins: 1,
    circular: false,
    reasoning: [],
    summary: `${documents.length} document(s), 1 origin`,
  };
}

/** Visible below RED: both members are. */
export const PLAZA = cluster('aaaa0000000000000000000000000001', 'claim', SHARED, null, [
  PUBLIC,
  DESK,
]);
/** Hidden: its only member is RED. */
export const SHIPMENT = cluster(
  'bbbb0000000000000000000000000002',
  'quote',
  QUOTE,
  'Teodoro Valdivieso Ochoa',
  [DEBRIEF],
);
/** Hidden below RED too: one of its two members is the RED debrief. */
export const MEETING_CLAIM = cluster('cccc0000000000000000000000000003', 'claim', MEETING, null, [
  DESK,
  DEBRIEF,
]);
