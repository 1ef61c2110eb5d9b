import { describe, expect, it } from 'vitest';
import { ownCopy } from './own-copy.js';

describe('ownCopy', () => {
  it('copies a slice exactly, lone surrogates, quotes and control characters included', () => {
    const parent = `He said “ya” \\ "no"\n\t${'\uD800'} and ${'\uDFFF'} ${'x'.repeat(200)} é🙂`;
    for (const [start, end] of [
      [0, parent.length],
      [3, 40],
      [10, parent.length - 3],
      [0, 5],
      [0, 0],
    ] as const) {
      expect(ownCopy(parent.slice(start, end))).toBe(parent.slice(start, end));
    }
  });
});
