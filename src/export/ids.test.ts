import { describe, expect, it } from 'vitest';
import { ftmId, stixId, uuid5 } from './ids.js';

describe('uuid5', () => {
  it('matches the RFC test vector (DNS namespace, "python.org")', () => {
    expect(uuid5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });

  it('is stable and key-specific', () => {
    expect(stixId('identity', 'entity', 'person:mx7')).toBe(
      stixId('identity', 'entity', 'person:mx7'),
    );
    expect(stixId('identity', 'entity', 'person:mx7')).not.toBe(
      stixId('identity', 'source', 'person:mx7'),
    );
    expect(stixId('report', 'document', 'abc')).toMatch(
      /^report--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(ftmId('entity', 'x')).toMatch(/^cc-[0-9a-f]{40}$/);
  });
});
