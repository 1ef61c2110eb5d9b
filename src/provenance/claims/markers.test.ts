import { describe, expect, it } from 'vitest';
import { isSubset, markerKeys } from './markers.js';

const subset = (a: string, b: string) => {
  const x = markerKeys(a);
  const y = markerKeys(b);
  const keys = Float64Array.from([...x, ...y]);
  return isSubset(keys, 0, x.length, x.length, keys.length);
};

describe('markerKeys', () => {
  it('keeps figures and names, not the capital that opens a sentence or a trimmed copy', () => {
    const full = 'There are close to 600 federal agents in Ojinaga. Most never leave the compound.';
    expect(markerKeys(full)).toEqual(markerKeys('close to 600 federal agents in Ojinaga'));
    expect(markerKeys('Close to 600 federal agents — in Ojinaga')).toEqual(
      markerKeys('close to 600 agents in Ojinaga'),
    );
    expect(markerKeys('the navy let it through')).toHaveLength(0);
  });

  it('tells a changed figure or place apart, but not a bracketed insertion or accents', () => {
    expect(
      subset(
        'At least 12 people were killed in Juárez',
        'At least 15 people were killed in Juárez',
      ),
    ).toBe(false);
    expect(
      subset(
        'the task force in Laredo never got the order',
        'the task force in Dallas never got the order',
      ),
    ).toBe(false);
    expect(subset('CDJ [Juarez] is not ripe', 'CDJ is not ripe for this')).toBe(true);
    expect(subset('moved to Culiacan', 'he moved his family to Culiacán')).toBe(true);
  });
});
