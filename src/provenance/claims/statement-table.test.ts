import { describe, expect, it } from 'vitest';
import { StatementTable, type StatementFields } from './statement-table.js';

const MX1 = 'La Jefa is not as secure as she thinks; the Sinaloa people want her out.';

function fields(i: number): StatementFields {
  return {
    document: i % 3,
    start: i * 100,
    end: i * 100 + MX1.length,
    text: `${MX1} (${i})`,
    kind: (['quote', 'claim', 'reprint'] as const)[i % 3]!,
    speaker: i % 2 === 0 ? 'MX1' : null,
    saidOn: i % 4 === 0 ? '2010-04-19' : null,
    citedVia:
      i % 5 === 0
        ? []
        : [
            { name: 'Business Insider', cue: 'according to', scope: 'attribution' },
            { name: `Stratfor ${i % 2}`, cue: 'leaked e-mails from', scope: 'nearby' },
          ].slice(0, 1 + (i % 2)),
  } as StatementFields;
}

describe('StatementTable', () => {
  it('makes back each statement as it was added, its citations in order, past its first columns and a trim', () => {
    const table = new StatementTable();
    const count = 3_000;
    for (let i = 0; i < count - 1; i += 1) expect(table.add(fields(i))).toBe(i);
    // Trimmed to its size before the last statement, it keeps the others and grows again.
    table.trim();
    expect(table.add(fields(count - 1))).toBe(count - 1);
    expect(table.size).toBe(count);
    for (let i = 0; i < count; i += 1) {
      const { document, citedVia, ...rest } = fields(i);
      expect(table.document(i)).toBe(document);
      expect(table.kind(i)).toBe(rest.kind);
      expect(table.start(i)).toBe(rest.start);
      expect(table.statement(i, `doc-${document}`)).toEqual({
        index: i,
        documentId: `doc-${document}`,
        ...rest,
        citedVia,
      });
    }
  });
});
