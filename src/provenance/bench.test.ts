import { describe, expect, it } from 'vitest';
import { runReuseBenchmark } from './bench.js';
import { prepareText } from './prepare.js';
import { SyntheticCorpus } from './synthetic.js';

describe('SyntheticCorpus', () => {
  it('regenerates the same text for the same document and seed', () => {
    const a = new SyntheticCorpus({ documents: 100, seed: 3 });
    const b = new SyntheticCorpus({ documents: 100, seed: 3 });
    expect(a.text(17)).toBe(b.text(17));
    expect(a.plantedPairs).toEqual(b.plantedPairs);
    expect(new SyntheticCorpus({ documents: 100, seed: 4 }).text(17)).not.toBe(a.text(17));
  });

  it('plants passages whose reprints differ in brackets and punctuation', () => {
    const corpus = new SyntheticCorpus({ documents: 400, seed: 8, passageGroupRate: 0.05 });
    expect(corpus.plantedPairs.length).toBeGreaterThan(10);
    const reprinted = corpus.plantedPairs.some(([a, b]) =>
      /\[/.test(corpus.text(a) + corpus.text(b)),
    );
    expect(reprinted).toBe(true);
    const words = corpus.text(0).split(' ').length;
    expect(words).toBeGreaterThan(200);
    expect(prepareText(corpus.text(0), 5).tokens.words.length).toBeLessThan(600);
  });
});

describe('runReuseBenchmark', () => {
  it('finds the planted pairs of a small corpus and reports its figures', () => {
    const result = runReuseBenchmark({ docs: 2000, seed: 1, sampleForExact: 300 });
    expect(result.docs).toBe(2000);
    expect(result.plantedPairs).toBeGreaterThan(20);
    expect(result.recall).toBeGreaterThanOrEqual(0.95);
    expect(result.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.exactRecall).toBeGreaterThanOrEqual(0.95);
    expect(result.exactSampleDocs).toBe(300);
    for (const figure of [
      result.seconds,
      result.docsPerSecond,
      result.peakRssMB,
      result.speedupVsExact,
    ]) {
      expect(Number.isFinite(figure) && figure > 0).toBe(true);
    }
  });
});
