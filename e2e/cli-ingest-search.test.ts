import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR, runCli, tempDir } from './cli-helpers.js';

/** The first user journey: ingest the seed articles and a folder of mixed files, then search. */
describe('crosscheck ingest + search (CLI, real process)', () => {
  const dir = tempDir();
  const store = join(dir, 'store.sqlite');
  const mixed = join(dir, 'mixed');

  beforeAll(() => {
    mkdirSync(mixed);
    writeFileSync(
      join(mixed, 'nota.txt'),
      'Detienen a operador en Ciudad Juárez\n\nLa Secretaría de Seguridad informó que el detenido, ' +
        'conocido como "El Flaco", trabajaba para el cártel.\n',
    );
    writeFileSync(join(mixed, 'empty.txt'), '');
    writeFileSync(
      join(mixed, 'junk.txt'),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    );
  });

  it('ingests the seeds and a mixed folder, reporting each failure and exiting non-zero', () => {
    const result = runCli(['--store', store, 'ingest', SEEDS_DIR, mixed, '--json']);
    expect(result.code).toBe(2);
    const summary = JSON.parse(result.stdout) as {
      stored: number;
      failures: Array<{ path: string; code: string; reason: string }>;
    };
    expect(summary.stored).toBe(readdirSync(SEEDS_DIR).length + 1);
    const failed = summary.failures.map((f) => [f.path.split('/').pop(), f.code]).sort();
    expect(failed).toEqual([
      ['empty.txt', 'FILE_EMPTY'],
      ['junk.txt', 'BINARY_CONTENT'],
    ]);
  });

  it('is a no-op the second time', () => {
    const result = runCli(['--store', store, 'ingest', SEEDS_DIR, '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { stored: number; skippedFiles: number };
    expect(summary.stored).toBe(0);
    expect(summary.skippedFiles).toBe(readdirSync(SEEDS_DIR).length);
  });

  it('lists the failures with reasons', () => {
    const result = runCli(['--store', store, 'failures']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/empty\.txt/);
    expect(result.stdout).toMatch(/junk\.txt/);
    expect(result.stdout).toMatch(/what to do:/);
  });

  it('finds Juárez written with and without the accent', () => {
    const plain = JSON.parse(runCli(['--store', store, 'search', 'Juarez', '--json']).stdout) as {
      total: number;
      hits: Array<{ origin: string }>;
    };
    const accented = JSON.parse(
      runCli(['--store', store, 'search', 'Juárez', '--json']).stdout,
    ) as {
      total: number;
    };
    // Seeds 001, 002, 003 and 004 mention Juárez/Juarez; so does the Spanish note.
    expect(plain.total).toBe(5);
    expect(accented.total).toBe(plain.total);
    const secretaria = JSON.parse(
      runCli(['--store', store, 'search', 'secretaria', '--json']).stdout,
    ) as {
      hits: Array<{ origin: string; language: string }>;
    };
    expect(secretaria.hits.map((h) => h.origin.split('/').pop())).toEqual(['nota.txt']);
    expect(secretaria.hits[0]!.language).toBe('es');
  });

  it('searches phrases, boolean operators and filters, and prints highlighted snippets', () => {
    const phrase = runCli(['--store', store, 'search', '"El Chapo"']);
    expect(phrase.code).toBe(0);
    expect(phrase.stdout).toMatch(/^1 document\(s\) match\./);
    const spanishOnly = JSON.parse(
      runCli(['--store', store, 'search', 'Juarez', '--lang', 'es', '--json']).stdout,
    ) as { total: number };
    expect(spanishOnly.total).toBe(1);
    const bad = runCli(['--store', store, 'search', '(Juarez OR']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/at character/);
  });

  it('prints stats', () => {
    const stats = JSON.parse(runCli(['--store', store, 'stats', '--json']).stdout) as {
      documents: number;
      byLanguage: Record<string, number>;
      failures: number;
    };
    expect(stats.documents).toBe(readdirSync(SEEDS_DIR).length + 1);
    expect(stats.byLanguage).toMatchObject({ en: readdirSync(SEEDS_DIR).length, es: 1 });
    expect(stats.failures).toBe(2);
  });

  it('compacts the store and still finds what it found', () => {
    const compacted = runCli(['--store', store, 'compact', '--json']);
    expect(compacted.code).toBe(0);
    const sizes = JSON.parse(compacted.stdout) as { beforeBytes: number; afterBytes: number };
    expect(sizes.afterBytes).toBeGreaterThan(0);
    expect(sizes.afterBytes).toBeLessThanOrEqual(sizes.beforeBytes);
    const told = runCli(['--store', store, 'compact']);
    expect(told.stdout).toMatch(/^Compacted the store: [\d.]+ [KMG]?B → [\d.]+ [KMG]?B \(/);
    expect(runCli(['--store', store, 'search', '"El Chapo"']).stdout).toMatch(
      /^1 document\(s\) match\./,
    );
  });
});
