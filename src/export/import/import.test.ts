import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis, runExtraction } from '../../pipeline/index.js';
import { openStore, type Store } from '../../store/index.js';
import { writeFtm } from '../ftm/ftm-entities.js';
import { readSnapshot } from '../snapshot.js';
import { writeStixBundle } from '../stix/bundle.js';
import { captureOutput } from '../test-output.js';
import { buildTestStore } from '../test-store.js';
import { importFile } from './import-file.js';

type StixObject = Record<string, unknown> & { type: string; id: string };

async function stixOf(store: Store): Promise<StixObject[]> {
  const snapshot = await readSnapshot(store);
  const text = await captureOutput((out) => writeStixBundle(store, snapshot, out));
  return (JSON.parse(text) as { objects: StixObject[] }).objects;
}

/**
 * The parts of a report an import must keep: id, title, text, date, language and what it names.
 * Not its origins (the import file is where the new store found it), nor, for an undated
 * document, the fallback `published` (when the new store took it in).
 */
function reportCore(report: StixObject) {
  const refs = (report.object_refs as string[]).filter((r) => /^(identity|location)--/.test(r));
  const undated = report.x_crosscheck_published_unknown === true;
  return {
    id: report.id,
    title: report.x_crosscheck_title,
    description: report.description,
    published: undated ? 'unknown' : report.published,
    lang: report.lang,
    refs,
  };
}

describe('import', () => {
  let original: Store;
  let dir: string;

  beforeAll(async () => {
    original = await buildTestStore();
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-import-'));
  }, 120_000);
  afterAll(() => original.close());

  async function importInto(format: 'stix' | 'ftm', file: string) {
    const store = await openStore(':memory:');
    const summary = await importFile(store, format, file, 'test');
    await runExtraction(store, { workers: 0 });
    await runAnalysis(store);
    return { store, summary };
  }

  it('round-trips a STIX bundle: same reports, same entities, same ids', async () => {
    const before = await stixOf(original);
    const file = join(dir, 'bundle.json');
    writeFileSync(
      file,
      await captureOutput(async (out) =>
        writeStixBundle(original, await readSnapshot(original), out),
      ),
    );
    const { store, summary } = await importInto('stix', file);
    try {
      const after = await stixOf(store);
      const reports = (objects: StixObject[]) =>
        objects.filter((o) => o.type === 'report').map(reportCore);
      expect(summary.documents).toBe(reports(before).length);
      expect(reports(after)).toEqual(reports(before));
      const named = (objects: StixObject[]) =>
        objects
          .filter(
            (o) => o.type === 'location' || (o.type === 'identity' && o.x_crosscheck_entity_id),
          )
          .map((o) => ({ id: o.id, name: o.name }));
      expect(named(after)).toEqual(named(before));
    } finally {
      await store.close();
    }
  });

  it('keeps each document’s TLP marking through export and import', async () => {
    const [first] = (await readSnapshot(original)).documents;
    await original.setDocumentTlp(first!.id, 'RED');
    try {
      const file = join(dir, 'marked.json');
      writeFileSync(
        file,
        await captureOutput(async (out) =>
          writeStixBundle(original, await readSnapshot(original), out),
        ),
      );
      const store = await openStore(':memory:');
      try {
        await importFile(store, 'stix', file, 'test');
        expect((await store.getDocument(first!.id))?.tlp).toBe('RED');
        const reread = (await readSnapshot(store)).documents;
        expect(reread.filter((d) => d.tlp === 'RED').map((d) => d.id)).toEqual([first!.id]);
        expect(await store.restrictedTo('AMBER+STRICT').getDocument(first!.id)).toBeNull();
      } finally {
        await store.close();
      }
    } finally {
      await original.setDocumentTlp(first!.id, 'CLEAR');
    }
  });

  it('records imported aliases as merge decisions, once', async () => {
    const file = join(dir, 'aliases.json');
    const identity = {
      type: 'identity',
      spec_version: '2.1',
      id: 'identity--0b6ad3c5-5f4e-4d38-8e8c-6f4b8d3f4a11',
      created: '2020-01-01T00:00:00.000Z',
      modified: '2020-01-01T00:00:00.000Z',
      name: 'Joaquín Guzmán',
      identity_class: 'individual',
      x_crosscheck_aliases: ['El Chapo'],
    };
    writeFileSync(file, JSON.stringify({ type: 'bundle', id: 'bundle--x', objects: [identity] }));
    const store = await openStore(':memory:');
    try {
      expect((await importFile(store, 'stix', file)).merges).toBe(1);
      expect((await importFile(store, 'stix', file)).merges).toBe(0);
      const [decision] = await store.listEntityDecisions();
      expect(decision).toMatchObject({
        kind: 'merge',
        decision: { keys: ['person:Joaquín Guzmán', 'person:El Chapo'] },
      });
    } finally {
      await store.close();
    }
  });

  it('imports FtM JSON Lines: documents keep their ids, aliases become decisions', async () => {
    const file = join(dir, 'entities.ftm.json');
    writeFileSync(
      file,
      await captureOutput(async (out) => writeFtm(original, await readSnapshot(original), out)),
    );
    const { store, summary } = await importInto('ftm', file);
    try {
      const originalIds = (await readSnapshot(original)).documents.map((d) => d.id);
      expect((await readSnapshot(store)).documents.map((d) => d.id)).toEqual(originalIds);
      expect(summary.merges).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});
