import type { Citation } from './citations.js';
import { grownTo } from '../../core/index.js';
import { StringPool } from './string-pool.js';
import { TextColumn } from './text-column.js';
import type { CitationScope, MemberKind } from './types.js';

/**
 * A quote, claim or unmarked reprinted passage of one document: a candidate cluster member, as
 * the cluster builder reads it (`StatementTable.statement`). Its shingle keys are in the tracer's
 * key table, at its index.
 */
export interface Statement {
  /** Position in the key table: statements are numbered densely from 0. */
  index: number;
  documentId: string;
  start: number;
  end: number;
  text: string;
  kind: MemberKind;
  speaker: string | null;
  saidOn: string | null;
  /** Who the document may name as where it got the words, best first (citations.ts). */
  citedVia: Citation[];
}

/** What a document's reading hands the table: a statement but for its index, its document by number. */
export type StatementFields = Omit<Statement, 'index' | 'documentId' | 'citedVia'> & {
  document: number;
  citedVia: readonly Citation[];
};

const KINDS: readonly MemberKind[] = ['quote', 'claim', 'reprint'];
const SCOPES: readonly CitationScope[] = ['attribution', 'nearby', 'document'];

/**
 * Every statement of a trace in columns: numbers in typed arrays, recurring strings (speakers,
 * dates, cited names, cues) pooled, the words in a UTF-8 arena. A statement as an object, with its
 * citations as objects and its strings as strings, cost ~1 KB of V8 heap: a million e-mails' three
 * million statements did not fit in the 4 GB heap. Only the members of a cluster being built are
 * made objects again (`statement`), and let go with it.
 */
export class StatementTable {
  private readonly strings = new StringPool();
  private readonly texts = new TextColumn();
  private documents = new Int32Array(1 << 10);
  private starts = new Uint32Array(1 << 10);
  private ends = new Uint32Array(1 << 10);
  private kinds = new Uint8Array(1 << 10);
  private speakers = new Int32Array(1 << 10);
  private saidOns = new Int32Array(1 << 10);
  /** Statement i's citations are `citation…[citedEnds[i-1] … citedEnds[i])`. */
  private citedEnds = new Uint32Array(1 << 10);
  private citationNames = new Int32Array(1 << 10);
  private citationCues = new Int32Array(1 << 10);
  private citationScopes = new Uint8Array(1 << 10);
  private citations = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Appends a statement; its index is the next one (the caller keeps the key tables in step). */
  add(fields: StatementFields): number {
    const i = this.count;
    if (i === this.documents.length) this.growStatements(i + 1);
    if (this.citations + fields.citedVia.length > this.citationNames.length) {
      this.growCitations(this.citations + fields.citedVia.length);
    }
    this.documents[i] = fields.document;
    this.starts[i] = fields.start;
    this.ends[i] = fields.end;
    this.kinds[i] = KINDS.indexOf(fields.kind);
    this.speakers[i] = this.strings.id(fields.speaker);
    this.saidOns[i] = this.strings.id(fields.saidOn);
    for (const citation of fields.citedVia) {
      this.citationNames[this.citations] = this.strings.id(citation.name);
      this.citationCues[this.citations] = this.strings.id(citation.cue);
      this.citationScopes[this.citations] = SCOPES.indexOf(citation.scope);
      this.citations += 1;
    }
    this.citedEnds[i] = this.citations;
    this.texts.add(fields.text);
    this.count += 1;
    return i;
  }

  kind(statement: number): MemberKind {
    return KINDS[this.kinds[statement]!]!;
  }

  /** The number of the statement's document, as the tracer's document table gave it. */
  document(statement: number): number {
    return this.documents[statement]!;
  }

  start(statement: number): number {
    return this.starts[statement]!;
  }

  /** The statement as an object, for building its cluster; `documentId` is its document's id. */
  statement(index: number, documentId: string): Statement {
    const citedVia: Citation[] = [];
    const to = this.citedEnds[index]!;
    for (let c = index === 0 ? 0 : this.citedEnds[index - 1]!; c < to; c += 1) {
      citedVia.push({
        name: this.strings.value(this.citationNames[c]!)!,
        cue: this.strings.value(this.citationCues[c]!)!,
        scope: SCOPES[this.citationScopes[c]!]!,
      });
    }
    return {
      index,
      documentId,
      start: this.starts[index]!,
      end: this.ends[index]!,
      text: this.texts.get(index)!,
      kind: this.kind(index),
      speaker: this.strings.value(this.speakers[index]!),
      saidOn: this.strings.value(this.saidOns[index]!),
      citedVia,
    };
  }

  /** Gives back the room kept for growth, once every statement is added (see KeyTable.trim). */
  trim(): void {
    this.texts.trim();
    const n = this.count;
    this.documents = this.documents.slice(0, n);
    this.starts = this.starts.slice(0, n);
    this.ends = this.ends.slice(0, n);
    this.kinds = this.kinds.slice(0, n);
    this.speakers = this.speakers.slice(0, n);
    this.saidOns = this.saidOns.slice(0, n);
    this.citedEnds = this.citedEnds.slice(0, n);
    this.citationNames = this.citationNames.slice(0, this.citations);
    this.citationCues = this.citationCues.slice(0, this.citations);
    this.citationScopes = this.citationScopes.slice(0, this.citations);
  }

  private growStatements(needed: number): void {
    this.documents = grownTo(this.documents, needed);
    this.starts = grownTo(this.starts, needed);
    this.ends = grownTo(this.ends, needed);
    this.kinds = grownTo(this.kinds, needed);
    this.speakers = grownTo(this.speakers, needed);
    this.saidOns = grownTo(this.saidOns, needed);
    this.citedEnds = grownTo(this.citedEnds, needed);
  }

  private growCitations(needed: number): void {
    this.citationNames = grownTo(this.citationNames, needed);
    this.citationCues = grownTo(this.citationCues, needed);
    this.citationScopes = grownTo(this.citationScopes, needed);
  }
}
