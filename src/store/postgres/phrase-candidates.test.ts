import { beforeAll, describe, expect, it } from 'vitest';
import { TS_CANDIDATE_CONFIG, TS_CONFIG } from '../query/tsquery.js';
import { PostgresStore } from './postgres-store.js';
import { postgresAvailable, useTestDatabase } from './test-database.js';

const available = await postgresAvailable();

describe.runIf(available)('the phrase candidates configuration (real PostgreSQL)', () => {
  const pgTest = useTestDatabase();
  beforeAll(async () => {
    // Opening a store sets the database up, the candidates configuration included.
    await (await PostgresStore.open(pgTest.database.url)).close();
  });

  const phrase = async (config: string, text: string) =>
    (
      await pgTest.client.query<{ q: string }>(
        'SELECT phraseto_tsquery($1::regconfig, $2)::text AS q',
        [config, text],
      )
    ).rows[0]!.q;

  it('drops English and Spanish stopwords, accented or not, and keeps the distances', async () => {
    expect(await phrase(TS_CANDIDATE_CONFIG, 'Ciudad de México')).toBe("'ciudad' <2> 'mexico'");
    expect(await phrase(TS_CANDIDATE_CONFIG, 'disputa por la plaza')).toBe("'disputa' <3> 'plaza'");
    expect(await phrase(TS_CANDIDATE_CONFIG, 'The State of the Union')).toBe("'state' <3> 'union'");
    expect(await phrase(TS_CANDIDATE_CONFIG, 'Está en Juárez')).toBe("'juarez'");
    // Nothing left: the search falls back to the phrase itself (toTsQuery).
    expect(await phrase(TS_CANDIDATE_CONFIG, 'de la')).toBe('');
  });

  it('leaves the indexed configuration whole', async () => {
    expect(await phrase(TS_CONFIG, 'Ciudad de México')).toBe("'ciudad' <-> 'de' <-> 'mexico'");
  });
});
