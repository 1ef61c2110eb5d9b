import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR, runCli, tempDir } from './cli-helpers.js';

const ARTICLE_001 = '001_c5803ee4dab3995c.txt';
const ARTICLE_003 = '003_67819fe1bd6548a7.txt';

interface Trace {
  cluster: {
    id: string;
    speaker: string | null;
    documents: Array<{ id: string }>;
    origin: { speaker: string | null; date?: string | null };
    independentOrigins: number;
    circular: boolean;
  };
  assessment: { code: string; credibility: { value: number } };
}

/** The fusion journey on the real seed articles, through the CLI as a user runs it. */
describe('crosscheck analyze, trace, entities and hypotheses (CLI, real process)', () => {
  const store = join(tempDir(), 'store.sqlite');
  const cli = (...args: string[]) => runCli(['--store', store, ...args]);
  const idOf = new Map<string, string>();

  beforeAll(() => {
    const ingest = cli('ingest', SEEDS_DIR, '--json');
    expect(ingest.code, ingest.stderr).toBe(0);
    // Map file names to document ids through the search hits' origins.
    const hits = JSON.parse(cli('search', 'the', '--limit', '50', '--json').stdout) as {
      hits: Array<{ id: string; origin: string }>;
    };
    for (const hit of hits.hits) idOf.set(hit.origin.split('/').pop()!, hit.id);
  });

  it("traces MX1's quote to one origin carried by two articles: circular, not corroborated", () => {
    const result = cli('trace', 'I think the US sent a signal', '--json');
    expect(result.code, result.stderr).toBe(0);
    const trace = JSON.parse(result.stdout) as Trace;
    expect(trace.cluster.speaker).toBe('MX1');
    expect(trace.cluster.documents.map((d) => d.id).sort()).toEqual(
      [idOf.get(ARTICLE_001), idOf.get(ARTICLE_003)].sort(),
    );
    expect(trace.cluster.origin.speaker).toBe('MX1');
    expect(trace.cluster.origin.date).toBe('2010-04-19');
    expect(trace.cluster.independentOrigins).toBe(1);
    expect(trace.cluster.circular).toBe(true);
    // Repetition is not corroboration: one anonymous origin cannot be judged.
    expect(trace.assessment.credibility.value).toBe(6);
    const text = cli('trace', trace.cluster.id);
    expect(text.stdout).toMatch(/independent origins: 1 of 2 documents — CIRCULAR/);
  });

  it('lets an analyst grade the source and keeps the derived grade beside it', () => {
    const graded = cli(
      'grade',
      'source',
      'MX1',
      '--reliability',
      'C',
      '--reason',
      'diplomat; second-hand',
    );
    expect(graded.code, graded.stderr).toBe(0);
    const trace = JSON.parse(
      cli('trace', 'I think the US sent a signal', '--json').stdout,
    ) as Trace;
    expect(trace.assessment.code).toBe('C6');
  });

  it('resolves aliases into one entity and honours merge, split and rename', () => {
    const chapo = JSON.parse(cli('entity', 'El Chapo', '--json').stdout) as {
      entity: { id: string; name: string; aliases: Array<{ name: string }> };
    };
    expect(chapo.entity.aliases.map((a) => a.name)).toEqual(
      expect.arrayContaining(['El Chapo', 'Joaquín “El Chapo” Guzmán']),
    );
    const mx1 = JSON.parse(cli('entity', 'MX1', '--json').stdout) as {
      entity: { aliases: Array<{ name: string }> };
    };
    expect(mx1.entity.aliases.map((a) => a.name)).toContain('Fernando de la Mora Salcedo');
    const vcf = JSON.parse(cli('entity', 'VCF', '--json').stdout) as {
      entity: { type: string; id: string };
    };
    const cdj = JSON.parse(cli('entity', 'CDJ', '--json').stdout) as {
      entity: { type: string; id: string };
    };
    expect(vcf.entity.type).toBe('organization');
    expect(cdj.entity.type).toBe('place');

    expect(
      cli(
        'entity',
        'rename',
        'El Chapo',
        'Joaquín Archivaldo Guzmán Loera',
        '--reason',
        'full legal name',
      ).code,
    ).toBe(0);
    expect(
      (JSON.parse(cli('entity', 'El Chapo', '--json').stdout) as { entity: { name: string } })
        .entity.name,
    ).toBe('Joaquín Archivaldo Guzmán Loera');
    expect(cli('entity', 'split', 'El Chapo', 'Chapo', '--reason', 'test split').code).toBe(0);
    const after = JSON.parse(cli('entity', 'El Chapo', '--json').stdout) as {
      entity: { aliases: Array<{ name: string }> };
    };
    expect(after.entity.aliases.map((a) => a.name)).not.toContain('Chapo');
    // Decisions survive re-analysis, which tells each step as it ends, on stderr.
    const analyzed = cli('analyze');
    expect(analyzed.code, analyzed.stderr).toBe(0);
    expect(analyzed.stderr).toMatch(
      /^analyze +[\d.]+ s +\d+ MB {2}resolution: entities recorded \(\d+\)$/m,
    );
    expect(analyzed.stderr).toMatch(/^analyze .* reuse: pairs verified \(\d+\)$/m);
    expect(analyzed.stderr).toMatch(/^analyze .* claims: clusters recorded \(\d+\)$/m);
    expect(cli('analyze', '--quiet').stderr).toBe('');
    expect(
      (JSON.parse(cli('entity', 'El Chapo', '--json').stdout) as { entity: { name: string } })
        .entity.name,
    ).toBe('Joaquín Archivaldo Guzmán Loera');
    const unknown = cli('entity', 'Nobody At All');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No entity is called "Nobody At All"/);
  });

  it('ranks competing hypotheses by weighted inconsistent evidence', () => {
    const claims = JSON.parse(cli('claims', '--shared', '--json').stdout) as {
      claims: Array<{ cluster: { id: string } }>;
    };
    const claim = claims.claims[0]!.cluster.id;
    cli('hypotheses', 'add', 'The US arranged a truce between the cartels');
    cli('hypotheses', 'add', 'The cartels negotiated without US involvement');
    const workspace = JSON.parse(cli('hypotheses', '--json').stdout) as {
      hypotheses: Array<{ id: string }>;
      matrix: { scores: Array<{ hypothesisId: string; rank: number; inconsistency: number }> };
    };
    const [truce, alone] = workspace.hypotheses.map((h) => h.id);
    expect(
      cli(
        'hypotheses',
        'mark',
        alone!,
        claim,
        'inconsistent',
        '--reason',
        'MX1 says the US signalled',
      ).code,
    ).toBe(0);
    const ranked = JSON.parse(cli('hypotheses', '--json').stdout) as typeof workspace;
    expect(ranked.matrix.scores[0]!.hypothesisId).toBe(truce);
    expect(
      ranked.matrix.scores.find((s) => s.hypothesisId === alone)!.inconsistency,
    ).toBeGreaterThan(0);
  });
});
