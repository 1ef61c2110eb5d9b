import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findReuse, type ReuseDocument, type ReuseReport } from '../provenance/index.js';
import { ReuseReportAssembler, sendReportInParts, type ReuseReportPart } from './reuse-parts.js';

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

const copyOf = (report: ReuseReport): ReuseReport => structuredClone(report);

describe('handing a reuse report over in parts', () => {
  const report = findReuse(seedsAndReprints());

  it('puts the report back together in its order, from parts no larger than asked', () => {
    // Enough to need several parts of each list, or this would test one message.
    expect(report.pairs.length).toBeGreaterThanOrEqual(5);
    expect(report.passages.length).toBeGreaterThanOrEqual(3);
    const sent = copyOf(report);
    const parts: ReuseReportPart[] = [];
    const assembler = new ReuseReportAssembler();
    sendReportInParts(
      sent,
      (part) => {
        parts.push(part);
        assembler.add(structuredClone(part));
      },
      2,
    );
    expect(parts.length).toBe(
      Math.ceil(report.pairs.length / 2) + Math.ceil(report.passages.length / 2),
    );
    expect(parts.every((part) => part.items.length >= 1 && part.items.length <= 2)).toBe(true);
    expect(assembler.assemble()).toEqual(report);
  });

  it("empties the sender's report as it goes, so the two copies never both hold it all", () => {
    const sent = copyOf(report);
    const heldWhenSent: number[] = [];
    sendReportInParts(sent, () => heldWhenSent.push(sent.pairs.length + sent.passages.length), 3);
    expect(sent).toEqual({ pairs: [], passages: [] });
    // Each part is sent before it is dropped, and what the sender holds only shrinks.
    expect(heldWhenSent[0]).toBe(report.pairs.length + report.passages.length);
    expect([...heldWhenSent].sort((a, b) => b - a)).toEqual(heldWhenSent);
    expect(new Set(heldWhenSent).size).toBe(heldWhenSent.length);
  });

  it('hands over an empty report as an empty report', () => {
    const assembler = new ReuseReportAssembler();
    const parts: ReuseReportPart[] = [];
    sendReportInParts({ pairs: [], passages: [] }, (part) => parts.push(part));
    expect(parts).toEqual([]);
    expect(assembler.assemble()).toEqual({ pairs: [], passages: [] });
  });
});
