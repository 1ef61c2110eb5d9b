import { describe, expect, it } from 'vitest';
import { memoize } from './memo.js';

describe('memoize', () => {
  it('answers a repeated question from memory, null and false included', () => {
    const asked: string[] = [];
    const ask = memoize((key) => {
      asked.push(key);
      return key === 'none' ? null : key.length > 3;
    });
    expect([ask('said'), ask('de'), ask('none'), ask('said'), ask('de'), ask('none')]).toEqual([
      true,
      false,
      null,
      true,
      false,
      null,
    ]);
    expect(asked).toEqual(['said', 'de', 'none']);
  });

  it('starts again empty when full, so memory stays bounded', () => {
    const asked: string[] = [];
    const ask = memoize((key) => asked.push(key), 2);
    for (const key of ['a', 'b', 'c', 'a']) ask(key);
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});
