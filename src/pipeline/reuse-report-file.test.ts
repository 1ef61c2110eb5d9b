import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findReuse, type ReuseDocument } from '../provenance/index.js';
import { readReportFile, writeReportFile } from './reuse-report-file.js';

// Third-party articles, read in place.
const SEEDS = resolve(import.meta.dirname, '../../../shared/corpus/seeds');

/** The seed articles, each also reprinted under another name: pairs and passages to hand over. */
function seedsAndReprints(): ReuseDocument[] {
  const seeds = readdirSync(SEEDS)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => ({ id: file, text: readFileSync(join(SEEDS, file), 'utf8'), date: null }));
  return [...seeds, ...seeds.map((seed) => ({ ...seed, id: `reprint of ${seed.id}` }))];
}

describe('handing a reuse report over through a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-report-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back the report it wrote, in order, and empties the one it wrote from', async () => {
    const report = findReuse(seedsAndReprints());
    // Several pairs and groups, with passages whose texts carry quotes, accents and newlines.
    expect(report.pairs.length).toBeGreaterThanOrEqual(5);
    expect(report.passages.length).toBeGreaterThanOrEqual(3);
    const sent = structuredClone(report);
    const file = join(dir, 'seeds.jsonl');
    writeReportFile(sent, file);
    expect(sent).toEqual({ pairs: [], passages: [] });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(report.pairs.length + report.passages.length);
    expect(await readReportFile(file)).toEqual(report);
  });

  it('hands over an empty report as an empty report', async () => {
    const file = join(dir, 'empty.jsonl');
    writeReportFile({ pairs: [], passages: [] }, file);
    expect(readFileSync(file, 'utf8')).toBe('');
    expect(await readReportFile(file)).toEqual({ pairs: [], passages: [] });
  });

  it('names the file it cannot write', () => {
    expect(() =>
      writeReportFile({ pairs: [], passages: [] }, join(dir, 'missing', 'report.jsonl')),
    ).toThrow(/missing\/report\.jsonl/);
  });
});
