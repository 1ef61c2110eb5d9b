import { describe, expect, it } from 'vitest';
import { TextColumn } from './text-column.js';

describe('TextColumn', () => {
  it('gives back every string as added, nulls and empty strings included, past its first arena', () => {
    const column = new TextColumn();
    const added: Array<string | null> = [];
    const samples = [
      '“Ellos no respetan a nadie”, dijo el funcionario de Ciudad Juárez.',
      null,
      '',
      'MX1 says La Jefa is not as secure as she thinks — 武器 🚚',
    ];
    // Enough text to outgrow the initial 64 KB arena and 1,024 slots several times.
    for (let i = 0; i < 5_000; i += 1) {
      const text = samples[i % samples.length]!;
      added.push(text === null ? null : `${text} #${i}`.repeat(i % 7));
      column.add(added.at(-1)!);
    }
    expect(column.size).toBe(added.length);
    added.forEach((text, i) => expect(column.get(i)).toBe(text));
    // Trimmed to its size, it gives back the same strings and takes more.
    column.trim();
    column.add('after the trim');
    column.add(null);
    added.push('after the trim', null);
    added.forEach((text, i) => expect(column.get(i)).toBe(text));
  });

  it('keeps a string’s length when it holds an unpaired surrogate, so offsets into it still hold', () => {
    const column = new TextColumn();
    const text = `before \ud800 after`;
    column.add(text);
    expect(column.get(0)).toBe('before \ufffd after');
    expect(column.get(0)!.length).toBe(text.length);
  });
});
