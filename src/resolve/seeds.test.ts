import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument, type Extraction } from '../extract/index.js';
import {
  formatResolutionScore,
  resolveEntities,
  scoreResolutionAgainstGold,
  toResolveDocument,
  type Resolution,
  type ResolveDocument,
} from './index.js';

/** The seed articles are third-party text: read in place, never copied into the repository. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seedsDir = path.resolve(repoRoot, '../shared/corpus/seeds');
const goldDir = path.resolve(repoRoot, '../shared/corpus/gold');

const PUBLISHED: Record<string, string> = { '001': '2012-10-05' };

let documents: ResolveDocument[];
let resolution: Resolution;

beforeAll(() => {
  documents = readdirSync(seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const text = readFileSync(path.join(seedsDir, name), 'utf8');
      const extraction: Extraction = extractDocument({
        id: name,
        text,
        language: 'en',
        publishedAt: PUBLISHED[name.slice(0, 3)] ?? null,
      });
      return toResolveDocument({ id: name, text }, extraction.mentions);
    });
  resolution = resolveEntities(documents);
});

/** The entity of the first mention in seed `prefix` written exactly `surface`. */
function entityAt(prefix: string, surface: string) {
  const document = documents.find((d) => d.id.startsWith(prefix))!;
  const mention = document.mentions.find((m) => m.text === surface);
  if (!mention) throw new Error(`extraction found no "${surface}" in seed ${prefix}`);
  const assignment = resolution.assignments.find(
    (a) => a.documentId === document.id && a.seq === mention.seq,
  )!;
  return resolution.entities.find((e) => e.id === assignment.entityId)!;
}

describe('resolution of the seed articles', () => {
  it('makes El Chapo and Joaquín “El Chapo” Guzmán one person', () => {
    const chapo = entityAt('003', 'El Chapo');
    expect(chapo.type).toBe('person');
    expect(entityAt('003', 'Joaquín “El Chapo” Guzmán').id).toBe(chapo.id);
    expect(entityAt('003', 'Chapo').id).toBe(chapo.id);
    expect(chapo.name).toBe('Joaquín Guzmán Loera');
  });

  it('makes MX1 and Fernando de la Mora Salcedo one person, in both articles about MX1', () => {
    const mx1 = entityAt('001', 'MX1');
    expect(entityAt('001', 'Fernando de la Mora Salcedo').id).toBe(mx1.id);
    expect(entityAt('003', 'MX1').id).toBe(mx1.id);
    expect(mx1.documentCount).toBe(2);
  });

  it('makes VCF and the Juárez cartel one organisation, apart from the city (Ciudad Juárez, CDJ)', () => {
    const cartel = entityAt('001', 'VCF');
    const city = entityAt('001', 'CDJ');
    expect(cartel.type).toBe('organization');
    expect(city.type).toBe('place');
    expect(entityAt('001', 'Juarez Cartel').id).toBe(cartel.id);
    expect(entityAt('003', 'Juárez cartel').id).toBe(cartel.id);
    expect(entityAt('001', 'Ciudad Juárez').id).toBe(city.id);
    expect(entityAt('004', 'Ciudad Juárez').id).toBe(city.id);
    expect(city.id).not.toBe(cartel.id);
  });

  it('makes ATF one organisation across the three articles that name it', () => {
    const atf = entityAt('000', 'ATF');
    expect(entityAt('001', 'ATF').id).toBe(atf.id);
    expect(entityAt('002', 'Alcohol, Tobacco and Firearms').id).toBe(atf.id);
    expect(atf.name).toBe('Bureau of Alcohol, Tobacco, Firearms and Explosives');
    expect(atf.documentCount).toBe(3);
  });

  it('reads Nieto Pena as Enrique Peña Nieto, and Abbott as Greg Abbott', () => {
    expect(entityAt('000', 'Nieto Pena').name).toBe('Enrique Peña Nieto');
    expect(entityAt('004', 'Abbott').id).toBe(entityAt('004', 'Greg Abbott').id);
  });

  it('ends nearly every gold entity as exactly one entity', async () => {
    const score = await scoreResolutionAgainstGold(resolution, goldDir);
    console.log(formatResolutionScore(score));
    // Guards against regressions; the failures left are extraction misses (see the report).
    expect(score.perDocument.fractionGivenExtraction).toBeGreaterThanOrEqual(0.95);
    expect(score.acrossDocuments.fractionGivenExtraction).toBeGreaterThanOrEqual(0.95);
    expect(score.failures.filter((f) => f.kind === 'conflated')).toEqual([]);
  });

  it('does most of the work itself when extraction gives no canonical names', async () => {
    // Each mention keeps only its surface: what is joined now is joined by resolution's rules.
    const bare = documents.map((d) => ({
      ...d,
      mentions: d.mentions.map((m) => ({ ...m, normalized: m.text })),
    }));
    const score = await scoreResolutionAgainstGold(resolveEntities(bare), goldDir);
    console.log(formatResolutionScore(score));
    expect(score.perDocument.fractionGivenExtraction).toBeGreaterThanOrEqual(0.9);
    expect(score.acrossDocuments.fractionGivenExtraction).toBeGreaterThanOrEqual(0.88);
  });
});
