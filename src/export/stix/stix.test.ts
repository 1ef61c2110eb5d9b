import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/index.js';
import { DEFAULT_EXPORT_OPTIONS } from '../options.js';
import { scopeFromQuery } from '../scope.js';
import { readSnapshot, type ExportSnapshot } from '../snapshot.js';
import { buildTestStore, HOSTILE_TITLE, REPO_ROOT } from '../test-store.js';
import { writeStixBundle } from './bundle.js';
import { loadStixSchemas } from './stix-schemas.js';

const schemas = loadStixSchemas(resolve(REPO_ROOT, '../shared/vendor/stix2-json-schemas'));

async function exportBundle(store: Store, snapshot: ExportSnapshot) {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  await writeStixBundle(store, snapshot, out, DEFAULT_EXPORT_OPTIONS);
  out.end();
  const text = chunks.join('');
  return {
    text,
    bundle: JSON.parse(text) as {
      id: string;
      objects: Array<Record<string, unknown> & { type: string; id: string }>;
    },
  };
}

describe('STIX 2.1 export', () => {
  let store: Store;
  let snapshot: ExportSnapshot;
  let exported: Awaited<ReturnType<typeof exportBundle>>;

  beforeAll(async () => {
    store = await buildTestStore();
    snapshot = await readSnapshot(store);
    exported = await exportBundle(store, snapshot);
  }, 120_000);
  afterAll(() => store.close());

  const ofType = (type: string) => exported.bundle.objects.filter((o) => o.type === type);

  it('validates, object by object and as a bundle, against the OASIS schemas', () => {
    const errors = exported.bundle.objects.flatMap((object) => schemas.checkObject(object));
    expect(errors).toEqual([]);
    expect(schemas.checkBundle(exported.bundle)).toEqual([]);
  });

  it('has one report per document, one note and opinion per claim, unique ids', () => {
    const stats = { documents: snapshot.documents.length, claims: snapshot.claims.length };
    expect(ofType('report')).toHaveLength(stats.documents);
    expect(ofType('note')).toHaveLength(stats.claims);
    expect(ofType('opinion')).toHaveLength(stats.claims);
    expect(ofType('sighting')).toHaveLength(stats.claims);
    const ids = exported.bundle.objects.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refers only to objects in the bundle', () => {
    const ids = new Set(exported.bundle.objects.map((o) => o.id));
    const refs = exported.bundle.objects.flatMap((o) => [
      ...((o.object_refs as string[] | undefined) ?? []),
      ...((o.object_marking_refs as string[] | undefined) ?? []),
      ...[o.created_by_ref, o.source_ref, o.target_ref].filter(
        (r): r is string => typeof r === 'string',
      ),
    ]);
    expect(refs.filter((ref) => !ids.has(ref))).toEqual([]);
  });

  it('marks everything TLP:CLEAR with the published TLP 2.0 marking-definition', () => {
    const [tlp] = ofType('marking-definition');
    expect(tlp?.id).toBe('marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487');
    expect(ofType('marking-definition')).toHaveLength(1);
    for (const object of exported.bundle.objects.filter((o) => o.type !== 'marking-definition')) {
      expect(object.object_marking_refs).toEqual([tlp!.id]);
    }
  });

  it('marks a document, and all that is derived from it, at its own TLP level', async () => {
    const [marked] = snapshot.claims
      .flatMap(({ cluster }) => cluster.documents.map((d) => d.id))
      .sort();
    expect(await store.setDocumentTlp(marked!, 'AMBER+STRICT')).toBe(true);
    try {
      const { bundle } = await exportBundle(store, await readSnapshot(store));
      expect(bundle.objects.flatMap((o) => schemas.checkObject(o))).toEqual([]);
      const strict = 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003';
      expect(bundle.objects.find((o) => o.id === strict)).toMatchObject({
        name: 'TLP:AMBER+STRICT',
      });
      const markingOf = (o: Record<string, unknown>) => o.object_marking_refs;
      const report = bundle.objects.find((o) => o.x_crosscheck_content_id === marked);
      expect(markingOf(report!)).toEqual([strict]);
      const carried = bundle.objects.filter(
        (o) => o.type === 'note' && (o.object_refs as string[]).includes(report!.id),
      );
      expect(carried.length).toBeGreaterThan(0);
      for (const note of carried) expect(markingOf(note)).toEqual([strict]);
      const others = bundle.objects.filter(
        (o) => o.type === 'report' && o.x_crosscheck_content_id !== marked,
      );
      for (const other of others) expect(markingOf(other)).not.toEqual([strict]);
    } finally {
      await store.setDocumentTlp(marked!, 'CLEAR');
    }
  });

  it('grades coded sources and maps credibility to the STIX confidence scale', () => {
    const mx7 = ofType('identity').find((o) => o.name === 'MX7');
    expect(mx7).toMatchObject({ x_crosscheck_reliability: 'C', x_crosscheck_coded_source: true });
    const circular = ofType('note').find(
      (o) => o.x_crosscheck_circular === true && o.x_crosscheck_speaker === 'MX7',
    );
    expect(circular).toMatchObject({ x_crosscheck_admiralty: 'C3', confidence: 50 });
    const opinion = ofType('opinion').find((o) => (o.object_refs as string[])[0] === circular!.id);
    expect(opinion?.opinion).toBe('disagree');
  });

  it('sights each claim as often and as early as its carriers say', () => {
    for (const { cluster } of snapshot.claims) {
      const sighting = ofType('sighting').find(
        (o) =>
          o.sighting_of_ref ===
          ofType('note').find((n) => n.x_crosscheck_claim_id === cluster.id)?.id,
      );
      expect(sighting?.count).toBe(cluster.documents.length);
      const dated = cluster.documents.flatMap((d) => (d.date ? [d.date] : [])).sort();
      if (dated.length > 0) {
        expect(String(sighting?.first_seen).slice(0, 10)).toBe(dated[0]!.slice(0, 10));
        expect(String(sighting?.last_seen).slice(0, 10)).toBe(dated.at(-1)!.slice(0, 10));
      } else {
        expect(sighting?.first_seen).toBeUndefined();
      }
    }
  });

  it('places geocoded locations and carries document origins', () => {
    const juarez = ofType('location').find((o) => o.name === 'Ciudad Juárez');
    expect(juarez).toMatchObject({ country: 'MX' });
    expect(juarez!.latitude).toBeCloseTo(31.7, 0);
    const report = ofType('report').find((o) => o.name === HOSTILE_TITLE);
    expect(report?.external_references).toEqual(
      expect.arrayContaining([expect.objectContaining({ source_name: 'origin' })]),
    );
  });

  it('gives the same bytes, hence the same ids, on a second export', async () => {
    const again = await exportBundle(store, await readSnapshot(store));
    expect(again.text).toBe(exported.text);
  });

  it('exports only the documents a query matches', async () => {
    const scoped = await readSnapshot(store, await scopeFromQuery(store, 'Chihuahua'));
    const { bundle } = await exportBundle(store, scoped);
    const reports = bundle.objects.filter((o) => o.type === 'report');
    expect(reports.length).toBe(scoped.documents.length);
    expect(reports.length).toBeLessThan(snapshot.documents.length);
    expect(bundle.objects.flatMap((o) => schemas.checkObject(o))).toEqual([]);
  });
});
