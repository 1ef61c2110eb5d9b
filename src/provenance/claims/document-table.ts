import { documentInfo, type DocumentInfo } from './documents.js';
import { StringPool } from './string-pool.js';
import { TextColumn } from './text-column.js';
import type { ProvenanceDocument } from './types.js';

/**
 * What tracing keeps of every document it read, numbered in reading order: the id as a string
 * (statements are ordered by it), titles and file names in a UTF-8 arena, dates, kinds and
 * intelligence codes pooled. A `DocumentInfo` each, with the set of its name words, was a few
 * hundred bytes of V8 heap a document; it is made again only for a cluster's carriers.
 */
export class DocumentTable {
  private readonly ids: string[] = [];
  private readonly titles = new TextColumn();
  private readonly origins = new TextColumn();
  private readonly pool = new StringPool();
  /** Pooled date, kind and intelligence code of each document, three numbers a document. */
  private readonly pooled: number[] = [];

  /** Records a document and returns its number. */
  add(document: ProvenanceDocument): number {
    this.ids.push(document.id);
    this.titles.add(document.title);
    this.origins.add(document.origin ?? null);
    this.pooled.push(
      this.pool.id(document.date),
      this.pool.id(document.kind),
      this.pool.id(document.intel?.code ?? null),
    );
    return this.ids.length - 1;
  }

  /** Gives back the room kept for growth, once every document is added (see KeyTable.trim). */
  trim(): void {
    this.titles.trim();
    this.origins.trim();
  }

  id(document: number): string {
    return this.ids[document]!;
  }

  /** Each document's rank in id order, by its number: ids compared once, not at every look. */
  idRanks(): Uint32Array {
    const byId = Uint32Array.from(this.ids.keys()).sort((a, b) =>
      this.ids[a]! < this.ids[b]! ? -1 : this.ids[a]! > this.ids[b]! ? 1 : 0,
    );
    const ranks = new Uint32Array(this.ids.length);
    byId.forEach((document, rank) => {
      ranks[document] = rank;
    });
    return ranks;
  }

  info(document: number): DocumentInfo {
    const at = document * 3;
    const code = this.pool.value(this.pooled[at + 2]!);
    return documentInfo({
      id: this.ids[document]!,
      title: this.titles.get(document),
      date: this.pool.value(this.pooled[at]!),
      kind: this.pool.value(this.pooled[at + 1]!)!,
      origin: this.origins.get(document) ?? undefined,
      intel: code === null ? null : { code },
    });
  }
}
