import { describe, expect, it } from 'vitest';
import { lifetime, stixTimestamp } from './timestamps.js';

describe('STIX timestamps', () => {
  it('turns Crosscheck dates into millisecond UTC timestamps', () => {
    expect(stixTimestamp('2010')).toBe('2010-01-01T00:00:00.000Z');
    expect(stixTimestamp('2010-03')).toBe('2010-03-01T00:00:00.000Z');
    expect(stixTimestamp('2010-03-22')).toBe('2010-03-22T00:00:00.000Z');
    expect(stixTimestamp('2010-03-22T18:05:52-05:00')).toBe('2010-03-22T23:05:52.000Z');
    expect(stixTimestamp('not a date')).toBeNull();
    expect(stixTimestamp(null)).toBeNull();
  });

  it('spans the first and last time the evidence arrived', () => {
    expect(lifetime(['2020-05-02T00:00:00Z', '2020-01-01T00:00:00Z'], 'x')).toEqual({
      created: '2020-01-01T00:00:00.000Z',
      modified: '2020-05-02T00:00:00.000Z',
    });
    expect(lifetime([], '2024-01-01T00:00:00.000Z').created).toBe('2024-01-01T00:00:00.000Z');
  });
});
