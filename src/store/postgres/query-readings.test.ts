import { describe, expect, it } from 'vitest';
import { QueryReadings } from './query-readings.js';

describe('QueryReadings', () => {
  it('asks once per text, remembers the reading, and leaves unreadable texts unknown', async () => {
    const asked: string[] = [];
    const readings = new QueryReadings(async (text) => {
      asked.push(text);
      if (text.includes('(')) throw new Error('unbalanced');
      return text
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '');
    });
    await readings.learn('Juárez');
    await readings.learn('Juárez');
    await readings.learn('juarez');
    await readings.learn('cartel (');
    expect(asked).toEqual(['Juárez', 'juarez', 'cartel (']);
    expect(readings.of('Juárez')).toBe('juarez');
    expect(readings.of('juarez')).toBe(readings.of('Juárez'));
    expect(readings.of('cartel (')).toBeUndefined();
  });

  it('stays within its bound', async () => {
    const readings = new QueryReadings(async (text) => text, 2);
    for (const text of ['a', 'b', 'c']) await readings.learn(text);
    expect(readings.of('c')).toBe('c');
    expect([readings.of('a'), readings.of('b')].filter(Boolean).length).toBeLessThanOrEqual(1);
  });
});
