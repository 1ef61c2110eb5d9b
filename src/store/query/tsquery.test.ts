import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse.js';
import { TS_CANDIDATE_CONFIG, toTsQuery } from './tsquery.js';

describe('toTsQuery', () => {
  it('binds every word and reads phrases in the folding configuration', () => {
    const params: unknown[] = [];
    const sql = toTsQuery(parseQuery('"Ciudad de México" AND cartel*'), params);
    expect(sql).toBe(
      "(phraseto_tsquery('crosscheck_fold', $1) && to_tsquery('crosscheck_fold', $2))",
    );
    expect(params).toEqual(['Ciudad de México', "'cartel':*"]);
  });

  it('loosens what it matches, never what it excludes, for candidates', () => {
    const params: unknown[] = [];
    const sql = toTsQuery(parseQuery('"Valle de Juárez" NOT "de la plaza"'), params, true);
    const [include, exclude] = sql.split('&& !!');
    expect(include).toContain(TS_CANDIDATE_CONFIG);
    expect(exclude).not.toContain(TS_CANDIDATE_CONFIG);
    expect(params).toEqual(['Valle de Juárez', 'de la plaza']);
  });
});
