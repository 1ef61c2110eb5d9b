import { contentId, type Language } from '../../core/index.js';
import { emptyExtraction, type Extraction } from '../../extract/index.js';
import type { DocumentKind, IngestItem, ParsedDocument } from '../../ingest/index.js';
import type { Store } from '../store.js';

/** A small, hand-written document for store tests. */
export function makeDocument(
  text: string,
  overrides: Partial<ParsedDocument> & { kind?: DocumentKind; language?: Language } = {},
): ParsedDocument {
  return {
    id: contentId(text),
    kind: 'text',
    title: text.split('\n')[0]!.slice(0, 80),
    text,
    language: 'en',
    publishedAt: null,
    byline: null,
    mimeType: 'text/plain',
    sizeBytes: Buffer.byteLength(text),
    origin: `fixtures/${contentId(text).slice(0, 8)}.txt`,
    email: null,
    intel: null,
    metadata: {},
    ...overrides,
  };
}

export const item = (
  document: ParsedDocument,
  parent: IngestItem['parent'] = null,
): IngestItem => ({
  document,
  parent,
});

/** Writes `documents` in one ingest run, as an ingest of them would. */
export async function writeDocuments(store: Store, documents: ParsedDocument[]): Promise<void> {
  const run = await store.startRun(['fixtures']);
  await store.writeBatch({
    runId: run.id,
    items: documents.map((d) => item(d)),
    failures: [],
    completedFiles: [],
  });
}

/**
 * `count` bulletins that all say "checkpoint", 1 to 7 times over (n % 7 extra), so that very many
 * matches share seven scores and pages cut through ties; written in one run, oldest first.
 */
export async function writeTiedBulletins(
  store: { startRun: Store['startRun']; writeBatch: Store['writeBatch'] },
  count: number,
): Promise<ParsedDocument[]> {
  const run = await store.startRun(['bulletins']);
  const bulletins = Array.from({ length: count }, (_, n) =>
    makeDocument(`Bulletin ${n}\nRoutine checkpoint report. ${'checkpoint '.repeat(n % 7)}`),
  );
  await store.writeBatch({
    runId: run.id,
    items: bulletins.map((d) => item(d)),
    failures: [],
    completedFiles: [],
  });
  return bulletins;
}

export const ARTICLE_EN = makeDocument(
  'Agents met in Ciudad Juárez\nFederal agents met prosecutors in Ciudad Juárez on Tuesday, ' +
    'according to two officials. The Juárez cartel, known as VCF in the leaked e-mails, was discussed.',
  { publishedAt: '2011-04-19', title: 'Agents met in Ciudad Juárez' },
);

export const ARTICLE_ES = makeDocument(
  'Reunión en la Secretaría\nLa Secretaría de la Defensa Nacional confirmó la detención de ' +
    '"El Güero" en Culiacán, dijo el vocero. La operación duró nueve meses.',
  { language: 'es', publishedAt: '2012-03-02', title: 'Reunión en la Secretaría' },
);

export const EMAIL = makeDocument(
  'CODE: MX7\nSOURCE RELIABILITY: B\nITEM CREDIBILITY: 3\n\nThe plaza in Juarez is being negotiated.',
  {
    kind: 'email',
    title: 'INSIGHT - MEXICO - Plaza talks - MX7',
    mimeType: 'message/rfc822',
    publishedAt: '2010-04-19T14:02:00.000Z',
    email: {
      messageId: '<a1@meridian.example>',
      inReplyTo: null,
      references: [],
      threadId: '<a1@meridian.example>',
      from: 'Analyst <analyst@meridian.example>',
      to: ['desk@meridian.example'],
      cc: [],
      subject: 'INSIGHT - MEXICO - Plaza talks - MX7',
      sentAt: '2010-04-19T14:02:00.000Z',
    },
    intel: {
      code: 'MX7',
      publication: null,
      attribution: null,
      sourceDescription: 'Mexican diplomat',
      sourceReliability: 'B',
      itemCredibility: '3',
      specialHandling: null,
      sourceHandler: null,
      subjectType: 'INSIGHT',
      subjectCountry: 'MEXICO',
      subjectTopic: 'Plaza talks',
      fields: { CODE: 'MX7', 'SOURCE RELIABILITY': 'B', 'ITEM CREDIBILITY': '3' },
    },
  },
);

export const ATTACHMENT = makeDocument('seizure,date\n337 kilos,2012-06-01\n', {
  kind: 'table-row',
  mimeType: 'text/csv',
});

/** An extraction that found nothing: still a record, unlike a document never extracted. */
export const NOTHING_FOUND: Extraction = emptyExtraction();
