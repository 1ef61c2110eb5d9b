import type { PassageGroup, ReusePair, ReuseReport } from '../provenance/index.js';

/** A slice of a reuse report's pairs or passage groups, as posted between threads. */
export type ReuseReportPart =
  { list: 'pairs'; items: ReusePair[] } | { list: 'passages'; items: PassageGroup[] };

/** Pairs or passage groups per part: a few MB of message each. */
export const ITEMS_PER_PART = 10_000;

/**
 * Hands `report` over in slices, emptying it as it goes, so that the sender's copy shrinks while
 * the receiver's grows and only one slice is ever held twice. Slices are taken from the end
 * (truncating an array is free; shifting its head is not), so they arrive last first.
 */
export function sendReportInParts(
  report: ReuseReport,
  send: (part: ReuseReportPart) => void,
  itemsPerPart: number = ITEMS_PER_PART,
): void {
  for (let end = report.pairs.length; end > 0; end -= itemsPerPart) {
    const start = Math.max(0, end - itemsPerPart);
    send({ list: 'pairs', items: report.pairs.slice(start, end) });
    report.pairs.length = start;
  }
  for (let end = report.passages.length; end > 0; end -= itemsPerPart) {
    const start = Math.max(0, end - itemsPerPart);
    send({ list: 'passages', items: report.passages.slice(start, end) });
    report.passages.length = start;
  }
}

/** Puts a report sent by `sendReportInParts` back together, in its original order. */
export class ReuseReportAssembler {
  private readonly pairParts: ReusePair[][] = [];
  private readonly passageParts: PassageGroup[][] = [];

  add(part: ReuseReportPart): void {
    if (part.list === 'pairs') this.pairParts.push(part.items);
    else this.passageParts.push(part.items);
  }

  /** The whole report; the parts are let go. */
  assemble(): ReuseReport {
    const report = {
      pairs: this.pairParts.reverse().flat(),
      passages: this.passageParts.reverse().flat(),
    };
    this.pairParts.length = 0;
    this.passageParts.length = 0;
    return report;
  }
}
