import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../extract/index.js';
import { defaultIngestOptions, readSources, type ParsedDocument } from '../../ingest/index.js';
import { findReuse } from '../index.js';
import { traceClaims, type ClaimCluster } from './index.js';

// The fictional sample corpus (sample/README.md): MX7's e-mail of 22 March 2010, re-quoted from
// outlet to outlet in April 2012 until it looked corroborated.
const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../sample/corpus');
const LEAK = 'leaks/mx7-insight.mbox#1';
const LEDGER = 'news/2012-04-03-border-ledger-meridian-files.html';
const COURIER = 'news/2012-04-05-rio-grande-courier-agents.txt';
const WIRE = 'news/2012-04-09-frontera-wire-agents.md';
const MONITOR = 'news/2012-04-12-capitol-monitor-hearing.md';

async function sampleDocuments() {
  const parsed: ParsedDocument[] = [];
  const hooks = { isFileCompleted: async () => false };
  for await (const event of readSources([corpus], defaultIngestOptions(), hooks)) {
    if (event.type === 'item') parsed.push(event.item.document);
  }
  return parsed.map((d) => {
    const id = path.relative(corpus, d.origin);
    const language = d.language === 'es' ? 'es' : 'en';
    const extraction = extractDocument({ id, text: d.text, language, publishedAt: d.publishedAt });
    return {
      id,
      title: d.title,
      date: d.publishedAt,
      kind: d.kind,
      origin: id,
      intel: d.intel,
      extraction,
      text: d.text,
    };
  });
}

describe('claim provenance on the sample corpus', () => {
  let agents: ClaimCluster;
  beforeAll(async () => {
    const documents = await sampleDocuments();
    const reuse = findReuse(
      documents.map(({ id, text, date }) => ({ id, text, date: date?.slice(0, 10) ?? null })),
    );
    const { clusters } = traceClaims(documents, reuse);
    agents = clusters.find((c) =>
      c.members.some((m) => m.documentId === COURIER && m.text.includes('close to 500 US agents')),
    )!;
  }, 120_000);

  it('finds one origin, the MX7 e-mail itself, behind every English copy of the passage', () => {
    expect(agents.origin).toMatchObject({
      speaker: 'MX7',
      documentId: LEAK,
      date: expect.stringMatching(/^2010-03-22/),
    });
    expect(agents.documents.map((d) => d.id)).toEqual(
      expect.arrayContaining([LEAK, 'leaks/mx7-insight.mbox#2', LEDGER, COURIER, WIRE, MONITOR]),
    );
    expect(agents.independentOrigins).toBe(1);
    expect(agents.circular).toBe(true);
  });

  it('follows the citations the articles print: Courier ← Border Ledger, Capitol Monitor ← Frontera Wire', () => {
    expect(agents.chain).toContainEqual({ from: LEDGER, to: COURIER, relation: 'quotes' });
    expect(agents.chain).toContainEqual({ from: WIRE, to: MONITOR, relation: 'quotes' });
  });
});
