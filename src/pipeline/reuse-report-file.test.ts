import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  findReuse,
  type PassageGroup,
  type ReuseDocument,
  type ReusePair,
} from '../provenance/index.js';
import { ReportFileWriter, readReportFiles, reportFilesIn } from './reuse-report-file.js';

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

describe('handing a reuse report over through files', () => {
  const root = mkdtempSync(join(tmpdir(), 'crosscheck-report-file-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  let made = 0;
  const folder = (): string => {
    made += 1;
    const dir = join(root, String(made));
    mkdirSync(dir);
    return dir;
  };

  function handOver(pairs: ReusePair[], passages: PassageGroup[]) {
    const files = reportFilesIn(folder());
    const writer = new ReportFileWriter(files);
    try {
      for (const pair of pairs) writer.pair(pair);
      writer.finish(passages);
    } finally {
      writer.close();
    }
    return { files, report: readReportFiles(files) };
  }

  it('reads back the pairs, in order, each time they are iterated, and the passage groups', () => {
    const report = findReuse(seedsAndReprints());
    // Several pairs and groups, with passages whose texts carry quotes, accents and newlines.
    expect(report.pairs.length).toBeGreaterThanOrEqual(5);
    expect(report.passages.length).toBeGreaterThanOrEqual(3);
    const { files, report: read } = handOver(report.pairs, report.passages);
    expect(readFileSync(files.pairs, 'utf8').trimEnd().split('\n')).toHaveLength(
      report.pairs.length,
    );
    expect(read.passages).toEqual(report.passages);
    expect([...read.pairs]).toEqual(report.pairs);
    expect([...read.pairs]).toEqual(report.pairs);
  });

  it('reads lines longer than its read buffer, and accents cut across its reads', () => {
    // Passages of 1.5 MB of two-byte characters: reads of a megabyte end inside both lines and,
    // at some point, inside a character.
    const long = (n: number): ReusePair => ({
      a: `a${n}`,
      b: `b${n}`,
      similarity: 0.5,
      nearDuplicate: false,
      passages: [
        {
          text: `${n}${'Ciudad Juárez, “plaza” — '.repeat(60_000)}`,
          aStart: 0,
          aEnd: 10,
          bStart: 0,
          bEnd: 10,
          words: 20,
        },
      ],
    });
    const pairs = [long(1), long(2), long(3)];
    expect([...handOver(pairs, []).report.pairs]).toEqual(pairs);
  });

  it('writes thousands of pairs and groups in several writes, and reads them back in order', () => {
    const pairs: ReusePair[] = [];
    const passages: PassageGroup[] = [];
    for (let n = 0; n < 4_500; n += 1) {
      const text = `«Ciudad Juárez», passage ${n}`;
      pairs.push({
        a: `a${n}`,
        b: `b${n}`,
        similarity: n / 4_500,
        nearDuplicate: n % 7 === 0,
        passages: [
          { text, aStart: n, aEnd: n + text.length, bStart: 0, bEnd: text.length, words: 20 },
        ],
      });
      passages.push({
        text,
        words: 20,
        occurrences: [
          {
            documentId: `a${n}`,
            start: n,
            end: n + text.length,
            date: n % 2 === 0 ? '2011-03-14' : null,
          },
        ],
      });
    }
    const { report } = handOver(pairs, passages);
    expect(report.passages).toEqual(passages);
    expect([...report.pairs]).toEqual(pairs);
  });

  it('hands over an empty report as an empty report', () => {
    const { files, report } = handOver([], []);
    expect(readFileSync(files.pairs, 'utf8')).toBe('');
    expect([...report.pairs]).toEqual([]);
    expect(report.passages).toEqual([]);
  });

  it('names the file it cannot write, and the file it cannot read', () => {
    const missing = reportFilesIn(join(root, 'missing'));
    expect(() => new ReportFileWriter(missing)).toThrow(/missing\/pairs\.jsonl/);
    const { files, report } = handOver([], []);
    rmSync(files.pairs);
    expect(() => [...report.pairs]).toThrow(/pairs\.jsonl/);
  });
});
