import { Model, defaultModel } from '@alephdata/followthemoney';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/index.js';
import { readSnapshot, type ExportSnapshot } from '../snapshot.js';
import { captureOutput } from '../test-output.js';
import { buildTestStore, HOSTILE_TITLE } from '../test-store.js';
import { writeFtm, type FtmEntity } from './ftm-entities.js';

/** The official FollowTheMoney model, as the `@alephdata/followthemoney` package ships it. */
const model = new Model(defaultModel);

describe('FollowTheMoney export', () => {
  let store: Store;
  let snapshot: ExportSnapshot;
  let text: string;
  let entities: FtmEntity[];

  beforeAll(async () => {
    store = await buildTestStore();
    snapshot = await readSnapshot(store);
    text = await captureOutput((out) => writeFtm(store, snapshot, out));
    entities = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as FtmEntity);
  }, 120_000);
  afterAll(() => store.close());

  it('uses only schemata and properties of the FtM model, with valid values', () => {
    const ids = new Set(entities.map((e) => e.id));
    expect(ids.size).toBe(entities.length);
    for (const entity of entities) {
      const schema = model.getSchema(entity.schema);
      expect(schema.abstract, entity.schema).toBe(false);
      for (const [name, values] of Object.entries(entity.properties)) {
        expect(schema.hasProperty(name), `${entity.schema}.${name}`).toBe(true);
        const type = schema.getProperty(name).type.name;
        for (const value of values) {
          expect(typeof value).toBe('string');
          if (type === 'entity')
            expect(ids.has(value), `${entity.schema}.${name} → ${value}`).toBe(true);
          if (type === 'date') expect(value).toMatch(/^\d{4}(-\d{2}(-\d{2}(T[\d:.]+Z?)?)?)?$/);
          if (type === 'number') expect(Number.isFinite(Number(value))).toBe(true);
          if (type === 'country') expect(value).toMatch(/^[a-z]{2}$/);
        }
      }
    }
  });

  it('exports every entity, document, mention and event', () => {
    const count = (schema: string) => entities.filter((e) => e.schema === schema).length;
    const mentions = snapshot.entities.reduce((n, e) => n + e.mentionsByDocument.size, 0);
    expect(count('Person') + count('Organization') + count('Address')).toBe(
      snapshot.entities.length,
    );
    expect(count('Email') + count('Article') + count('Document')).toBe(snapshot.documents.length);
    expect(count('Mention')).toBe(mentions);
    expect(count('Event')).toBe(snapshot.events.length);
    expect(count('Note')).toBe(snapshot.claims.length);
    expect(count('Email')).toBeGreaterThan(0);
  });

  it('keeps aliases and hostile titles as data', () => {
    const juarez = entities.find((e) => e.properties.name?.[0] === 'Ciudad Juárez');
    expect(juarez?.schema).toBe('Address');
    expect(juarez?.properties.alias).toEqual(expect.arrayContaining(['CDJ', 'Juárez']));
    expect(juarez?.properties.country).toEqual(['mx']);
    expect(entities.some((e) => e.properties.title?.[0] === HOSTILE_TITLE)).toBe(true);
  });

  it('is the same on a second export', async () => {
    expect(
      await captureOutput(async (out) => writeFtm(store, await readSnapshot(store), out)),
    ).toBe(text);
  });
});
