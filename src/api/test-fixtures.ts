import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentId } from '../core/index.js';
import type { IngestItem, ParsedDocument } from '../ingest/index.js';
import { openStore, type Store } from '../store/index.js';

/** A small document written for these tests; its id is the hash of its text, like the reader's. */
export function testDocument(
  text: string,
  overrides: Partial<ParsedDocument> = {},
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

export const ARTICLE_EN = testDocument(
  'Agents met in Ciudad Juárez\nFederal agents met prosecutors in Ciudad Juárez on Tuesday, ' +
    'according to two officials.',
  { publishedAt: '2011-04-19', byline: 'A. Reporter' },
);

export const ARTICLE_ES = testDocument(
  'Reunión en Juárez\nLa Secretaría de la Defensa Nacional confirmó la detención en Juárez, ' +
    'dijo el vocero.',
  { language: 'es', publishedAt: '2012-03-02' },
);

export const EMAIL = testDocument(
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

export const ATTACHMENT = testDocument('seizure,date\n337 kilos in Juarez,2012-06-01\n', {
  kind: 'attachment',
  title: 'seizures.csv',
  mimeType: 'text/csv',
  origin: 'fixtures/mail.eml#attachment/seizures.csv',
});

export const FAILURE = {
  path: 'fixtures/broken.pdf',
  parser: 'pdf',
  code: 'MALFORMED_INPUT',
  reason: 'The PDF ends before its cross-reference table',
  hint: 'Re-download the file; it looks truncated.',
  byteOffset: 1024,
  line: null,
};

export interface TestStore {
  store: Store;
  dir: string;
  runId: string;
  cleanup(): Promise<void>;
}

/** A real SQLite store in a temp folder holding the documents above and one failure. */
export async function createTestStore(extra: ParsedDocument[] = []): Promise<TestStore> {
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-api-'));
  const store = await openStore(join(dir, 'store.sqlite'));
  const run = await store.startRun(['fixtures']);
  const items: IngestItem[] = [ARTICLE_EN, ARTICLE_ES, EMAIL, ...extra].map((document) => ({
    document,
    parent: null,
  }));
  items.push({
    document: ATTACHMENT,
    parent: { parentId: EMAIL.id, relation: 'attachment', name: 'seizures.csv' },
  });
  await store.writeBatch({ runId: run.id, items, failures: [FAILURE], completedFiles: [] });
  await store.finishRun(run.id, { succeeded: items.length, failed: 1, duplicates: 0 });
  return {
    store,
    dir,
    runId: run.id,
    async cleanup() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
