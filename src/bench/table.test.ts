import { describe, expect, it } from 'vitest';
import { formatCell, formatTable } from './table.js';

describe('formatCell', () => {
  it('groups thousands and keeps at most the given decimals', () => {
    expect(formatCell(1288.345)).toBe('1,288.3');
    expect(formatCell(0.456, 2)).toBe('0.46');
    expect(formatCell(3)).toBe('3');
  });

  it('shows a dash for missing or non-finite figures and strings as they are', () => {
    expect(formatCell(null)).toBe('—');
    expect(formatCell(NaN)).toBe('—');
    expect(formatCell(Infinity)).toBe('—');
    expect(formatCell('0 failures')).toBe('0 failures');
  });
});

describe('formatTable', () => {
  it('aligns words left and figures right under a ruled header', () => {
    const table = formatTable(
      ['stage', 'docs/s', 'notes'],
      [
        ['ingest', 1288.3, 'ok'],
        ['search', null, 'many queries'],
      ],
    );
    expect(table.split('\n')).toEqual([
      'stage    docs/s  notes',
      '------  -------  ------------',
      'ingest  1,288.3  ok',
      'search        —  many queries',
    ]);
  });

  it('widens a column to its longest cell', () => {
    const [header, rule, row] = formatTable(['n'], [[123456]]).split('\n');
    expect(header).toBe('      n');
    expect(rule).toBe('-------');
    expect(row).toBe('123,456');
  });
});
