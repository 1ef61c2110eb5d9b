import { describe, expect, it } from 'vitest';
import { alignPassages } from './align.js';
import { prepareText } from './prepare.js';

// Fictional sentences, written for these tests.
const options = { shingleWords: 5, minWords: 20, maxGapWords: 3 };
const align = (a: string, b: string) =>
  alignPassages(prepareText(a, 5), prepareText(b, 5), options);

const ORIGINAL =
  'The minister wrote: "We will not negotiate with the [Juárez] cartel, whatever the press says, ' +
  'because the law is the law and the border is everyone\'s business, today and tomorrow." ' +
  'Nobody in the room believed him.';
const REPRINT =
  'Filler words open this story about harbours. As the minister put it, ‘We will not negotiate ' +
  'with the cartel — whatever the press says — because the law is the law and the border is ' +
  'everyone’s business, today and tomorrow.’ Then the harbour closed.';

describe('alignPassages', () => {
  it('aligns a passage across a bracketed insertion and changed quotation marks and dashes', () => {
    const [passage, ...rest] = align(ORIGINAL, REPRINT);
    expect(rest).toEqual([]);
    expect(passage!.words).toBe(26);
    expect(passage!.text).toBe(ORIGINAL.slice(passage!.aStart, passage!.aEnd));
    expect(passage!.text).toMatch(
      /^We will not negotiate with the \[Juárez\] cartel,[^]*tomorrow$/,
    );
    expect(REPRINT.slice(passage!.bStart, passage!.bEnd)).toMatch(
      /^We will not negotiate with the cartel — [^]*everyone’s business, today and tomorrow$/,
    );
  });

  it('is symmetric in what it finds', () => {
    const [forward] = align(ORIGINAL, REPRINT);
    const [backward] = align(REPRINT, ORIGINAL);
    expect([backward!.bStart, backward!.bEnd, backward!.aStart, backward!.aEnd]).toEqual([
      forward!.aStart,
      forward!.aEnd,
      forward!.bStart,
      forward!.bEnd,
    ]);
  });

  it('bridges a short editorial substitution inside one passage', () => {
    const a =
      'It was never a message for the harbour police as much as for the Gulf cartel and GC [the ' +
      'Gulf people] themselves, who want every boat counted twice and every crate weighed at night.';
    const b =
      'Intro. It was never a message for the harbour police as much as for the Gulf cartel and [the ' +
      'Gulf cartel] themselves, who want every boat counted twice and every crate weighed at night.';
    const passages = align(a, b);
    expect(passages).toHaveLength(1);
    expect(passages[0]!.text).toContain('GC [the Gulf people] themselves');
    expect(passages[0]!.words).toBe(30); // 17 + 13: "GC" is bridged, not counted
  });

  it('does not report shared runs shorter than the minimum', () => {
    const shared =
      'one two three four five six seven eight nine ten eleven twelve thirteen fourteen';
    expect(align(`alpha beta ${shared} gamma`, `delta ${shared} epsilon zeta`)).toEqual([]);
  });

  it('does not chain runs separated by more than the allowed gap', () => {
    const first = 'the quick brown fox jumps over the lazy dog near the river bank';
    const second = 'while seven tired sailors sing songs about distant northern islands again';
    const a = `${first} and then something quite different happened there ${second}`;
    const b = `${first} whereas in the other version nothing at all happened ${second}`;
    expect(align(a, b)).toEqual([]);
  });

  it('reports each repetition of a passage', () => {
    const passage =
      'every harbour master signs the ledger before the tide turns and the grey ships leave ' +
      'the northern quay for the open sea';
    const passages = align(`${passage}.`, `${passage}. Meanwhile, unrelated text. ${passage}.`);
    expect(passages).toHaveLength(2);
    expect(passages.map((p) => p.words)).toEqual([22, 22]);
  });

  it('finds nothing in empty or too-short texts', () => {
    expect(align('', REPRINT)).toEqual([]);
    expect(align('Short.', 'Short.')).toEqual([]);
  });
});
