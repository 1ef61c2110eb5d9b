import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findReuse, type ReuseDocument } from './index.js';

// The seed articles are third-party text: read in place, never copied into the repository.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const seedFiles = readdirSync(path.join(corpus, 'seeds'))
  .filter((f) => f.endsWith('.txt'))
  .sort();
const gold = JSON.parse(readFileSync(path.join(corpus, 'gold/reuse.json'), 'utf8')) as Array<{
  a: string;
  b: string;
  passage: string;
}>;

function seedDocuments(): ReuseDocument[] {
  return seedFiles.map((file) => {
    const published = JSON.parse(
      readFileSync(path.join(corpus, 'gold', `${file}.gold.json`), 'utf8'),
    ) as { published: string | null };
    return {
      id: file,
      text: readFileSync(path.join(corpus, 'seeds', file), 'utf8'),
      date: published.published,
    };
  });
}

describe('reuse on the seed articles', () => {
  const report = findReuse(seedDocuments());

  it('finds exactly the gold pairs sharing a 20-word passage, and no others', () => {
    expect(seedFiles).toHaveLength(5);
    const found = report.pairs.map((p) => [p.a, p.b].sort().join(' ~ ')).sort();
    const expected = gold.map((g) => [g.a, g.b].sort().join(' ~ ')).sort();
    expect(found).toEqual(expected);
    expect(report.pairs.every((p) => !p.nearDuplicate)).toBe(true);
  });

  it("aligns both of MX1's leaked e-mail passages across 001 and 003", () => {
    const pair = report.pairs[0]!;
    const texts = new Map(seedDocuments().map((d) => [d.id, d.text]));
    const starts = pair.passages.map((p) => p.text.slice(0, 40));
    expect(starts).toEqual(
      expect.arrayContaining([
        expect.stringContaining('I think the US sent a signal that could'),
        expect.stringContaining('It is not so much a message for the Mexi'),
      ]),
    );
    for (const p of pair.passages) {
      expect(p.words).toBeGreaterThanOrEqual(20);
      expect(texts.get(pair.a)!.slice(p.aStart, p.aEnd)).toBe(p.text);
    }
    const signal = pair.passages.find((p) => p.text.startsWith('I think the US sent a signal'))!;
    // The whole open letter survives the switch from ‘…’ to “…” and ends at "mess you up".
    expect(signal.text.endsWith('mess you up')).toBe(true);
    expect(texts.get(pair.b)!.slice(signal.bStart, signal.bEnd)).toMatch(
      /^I think the US sent a signal[^]*“To the \[Juárez\] and Sinaloa cartels[^]*mess you up$/,
    );
    // Bridged: 001 prints "VCF [the Juarez Cartel] themselves", 003 "[the Juárez cartel] themselves".
    const message = pair.passages.find((p) => p.text.startsWith('It is not so much'))!;
    expect(message.text).toContain('VCF [the Juarez Cartel] themselves');
    expect(message.text.endsWith('controlled drug trades')).toBe(true);
  });

  it('groups each passage with its documents, the dated 001 first', () => {
    expect(report.passages.length).toBe(report.pairs[0]!.passages.length);
    for (const group of report.passages) {
      expect(group.occurrences.map((o) => o.documentId)).toEqual([
        '001_c5803ee4dab3995c.txt',
        '003_67819fe1bd6548a7.txt',
      ]);
      expect(group.occurrences[0]!.date).toBe('2012-10-05');
      expect(group.occurrences[1]!.date).toBeNull();
    }
  });
});
