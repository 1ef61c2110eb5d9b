import { describe, expect, it } from 'vitest';
import { fixture, ingest } from '../test-helpers.js';

describe('JSON Lines parser', () => {
  it('makes one document per object and reports bad lines with their numbers', async () => {
    const path = fixture('leak-index.jsonl');
    const { items, failures } = await ingest([path]);
    expect(items.map((item) => item.document.origin)).toEqual([
      `${path}#row=1`,
      `${path}#row=2`,
      `${path}#row=6`,
    ]);
    expect(failures.map((failure) => [failure.code, failure.line, failure.path])).toEqual([
      ['MALFORMED_INPUT', 3, `${path}#row=3`],
      ['MALFORMED_INPUT', 4, `${path}#row=4`],
    ]);
    expect(items[0]!.document).toMatchObject({
      kind: 'json-record',
      title: 'Cable on Laguna Seca finances',
      publishedAt: '2011-05-02',
      language: 'en',
      text: 'The cable says the Laguna Seca cartel launders money through two currency exchanges in Juárez.',
    });
    expect(items[1]!.document.language).toBe('es');
  });

  it('joins the fields of a record without a text key, nested values as JSON', async () => {
    const { items } = await ingest([fixture('leak-index.jsonl')]);
    expect(items[2]!.document).toMatchObject({
      title: 'No text key here',
      text: 'id: doc-004\nheadline: No text key here\nauthor: Desk\ntags: ["port","customs"]\npages: 3',
    });
  });
});
