import type { DateMention } from '../../extract/index.js';
import { hashShingles, hashWords } from '../hash.js';
import { tokenizeForReuse } from '../normalize.js';
import { DocumentCitations, isAttributionVerb, type Citation } from './citations.js';
import type { KeyTable } from './key-table.js';
import { markerKeys } from './markers.js';
import type { ResolvedTraceOptions } from './options.js';
import type { StatementTable } from './statement-table.js';
import type { MemberKind, ProvenanceDocument } from './types.js';

export type { Statement } from './statement-table.js';

/** A reuse passage occurrence, by group, inside one document. */
export interface Occurrence {
  group: number;
  start: number;
  end: number;
}

/** A statement's place inside a passage occurrence, as a fraction of the occurrence's length. */
export interface PassageLink {
  group: number;
  statement: number;
  documentId: string;
  lo: number;
  hi: number;
}

/** Where a statement's reading puts it: its row, its shingle keys and its markers, one index. */
export interface StatementSink {
  table: StatementTable;
  keys: KeyTable;
  /** Each statement's figures and names (markers.ts). */
  markers: KeyTable;
}

/**
 * Reads one document's quotes and claims into statements, adds a `reprint` statement for every
 * reuse occurrence of which they say no more than a scrap (003's unmarked block quotation of MX1;
 * a leaked paragraph the extractor read one clause of), and places each statement inside the
 * occurrences it overlaps. Each statement goes into the sink's table, its shingle keys and
 * markers into the sink's key tables, all at one index. Returns the statements' places in the
 * occurrences.
 */
export function readStatements(
  document: ProvenanceDocument,
  /** The document's number in the tracer's document table. */
  documentNumber: number,
  occurrences: readonly Occurrence[],
  sink: StatementSink,
  options: ResolvedTraceOptions,
): PassageLink[] {
  const { extraction, text } = document;
  const citations = new DocumentCitations(extraction.sourcesCited, text);
  const window = { before: options.citeWindowBefore, after: options.citeWindowAfter };
  const intelCode = document.intel?.code ?? null;
  /** This document's statements, for placing them in its occurrences. */
  const statements: Array<{ index: number; start: number; end: number; kind: MemberKind }> = [];
  const add = (
    span: { start: number; end: number; text: string },
    kind: MemberKind,
    speaker: string | null,
    saidOn: string | null,
    attributedTo: string | null,
  ) => {
    const citedVia: Citation[] = attributedTo
      ? [{ name: attributedTo, cue: 'according to', scope: 'attribution' }]
      : citations.candidates(span.start, span.end, window);
    sink.markers.add(markerKeys(span.text));
    const index = sink.keys.add(shingleKeys(span.text, options));
    sink.table.add({
      document: documentNumber,
      start: span.start,
      end: span.end,
      text: span.text,
      kind,
      speaker,
      saidOn: bestDate(saidOn, extraction.dates, span.start, options.citeWindowBefore),
      citedVia,
    });
    statements.push({ index, start: span.start, end: span.end, kind });
  };

  for (const quote of extraction.quotes) {
    // «…», according to Business Insider: the outlet is where the words came from, not who said them.
    const viaIntermediary = isAttributionVerb(quote.verb);
    const speaker = viaIntermediary ? null : quote.speaker;
    add(quote, 'quote', speaker, quote.saidOn, viaIntermediary ? quote.speaker : null);
  }
  for (const claim of extraction.claims) {
    const viaIntermediary = isAttributionVerb(claim.verb);
    add(
      claim,
      'claim',
      viaIntermediary ? null : claim.speaker,
      null,
      viaIntermediary ? claim.speaker : null,
    );
  }

  const links: PassageLink[] = [];
  for (const occurrence of occurrences) {
    const length = Math.max(1, occurrence.end - occurrence.start);
    const inside: Array<[number, number]> = [];
    for (const statement of statements) {
      if (statement.end <= occurrence.start || statement.start >= occurrence.end) continue;
      if (statement.kind === 'reprint') continue;
      inside.push([
        Math.max(statement.start, occurrence.start),
        Math.min(statement.end, occurrence.end),
      ]);
      links.push({
        group: occurrence.group,
        statement: statement.index,
        documentId: document.id,
        lo: Math.max(0, (statement.start - occurrence.start) / length),
        hi: Math.min(1, (statement.end - occurrence.start) / length),
      });
    }
    // The quotes and claims stand for the passage's words unless they say only a scrap of them: a
    // scrap of reported speech inside a reprinted paragraph left the rest unread, and the outlet's
    // quote of its first line never met the e-mail it came from. A scrap is under 1/partLengthRatio
    // of the passage, so that the reprint only carries it (matcher.ts): any longer, it would be a
    // trimmed copy of the reprint, and join its cluster with every other claim the passage holds.
    if (coveredLength(inside) * options.partLengthRatio >= length) continue;
    // An intel e-mail's own text is its source's words; elsewhere, whoever is named just before.
    const speaker =
      intelCode ?? citations.speakerBefore(occurrence.start, options.citeWindowBefore);
    add(
      {
        start: occurrence.start,
        end: occurrence.end,
        text: text.slice(occurrence.start, occurrence.end),
      },
      'reprint',
      speaker,
      null,
      null,
    );
    links.push({
      group: occurrence.group,
      statement: statements.at(-1)!.index,
      documentId: document.id,
      lo: 0,
      hi: 1,
    });
  }
  return links;
}

/** Characters of the union of `spans` ([start, end) pairs; sorted here). */
function coveredLength(spans: Array<[number, number]>): number {
  spans.sort((x, y) => x[0] - y[0]);
  let total = 0;
  let reached = -Infinity;
  for (const [start, end] of spans) {
    const from = Math.max(start, reached);
    if (end > from) total += end - from;
    reached = Math.max(reached, end);
  }
  return total;
}

/**
 * Shingle keys of a statement's folded words, brackets dropped ("CDJ [Juarez]" = "CDJ"), so that
 * re-punctuated and re-bracketed copies of one quotation share them: ascending and distinct
 * (a statement's bottom-k is its first k). Each key packs the primary hash and 21 bits of the
 * check hash into one safe integer (53 bits), exact in a double: collisions stay negligible.
 */
export function shingleKeys(text: string, options: ResolvedTraceOptions): Float64Array {
  const { words } = tokenizeForReuse(text);
  if (words.length < options.minWords) return new Float64Array(0);
  const size = Math.min(options.shingleWords, words.length);
  const { primary, check } = hashShingles(hashWords(words), size);
  const keys = new Float64Array(primary.length);
  for (let i = 0; i < primary.length; i += 1) {
    keys[i] = primary[i]! + (check[i]! & 0x1fffff) * 2 ** 32;
  }
  keys.sort();
  let distinct = 0;
  for (let i = 0; i < keys.length; i += 1) {
    if (i === 0 || keys[i] !== keys[distinct - 1]) keys[distinct++] = keys[i]!;
  }
  return keys.subarray(0, distinct);
}

/**
 * When the words were said: the extractor's own `saidOn`, sharpened by a more precise date written
 * just before the quote and consistent with it ("An April 19, 2010, email … bears reprint:").
 */
function bestDate(
  saidOn: string | null,
  dates: readonly DateMention[],
  start: number,
  before: number,
): string | null {
  let best = saidOn;
  // Nearest first: the date closest before the quote is the one most likely to be about it.
  for (let i = dates.length - 1; i >= 0; i -= 1) {
    const date = dates[i]!;
    if (date.end > start || date.end < start - before || date.relative) continue;
    if (best !== null && !date.value.startsWith(best)) continue;
    if (best === null || date.value.length > best.length) best = date.value;
  }
  return best;
}
