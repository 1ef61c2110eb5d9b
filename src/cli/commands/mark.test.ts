import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Output } from '../context.js';
import { main } from '../index.js';

const dir = mkdtempSync(join(tmpdir(), 'crosscheck-mark-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process, capturing what it prints. */
async function run(...args: string[]) {
  const lines: string[] = [];
  const json: unknown[] = [];
  const output: Output = {
    out: (line) => lines.push(line),
    err: (line) => lines.push(line),
    json: (value) => json.push(value),
    isTTY: false,
  };
  const code = await main(
    ['node', 'crosscheck', '--store', join(dir, 'case.sqlite'), ...args],
    output,
  );
  return { code, lines, json };
}

describe('crosscheck ingest --tlp and crosscheck mark', () => {
  const file = join(dir, 'debrief.txt');
  writeFileSync(
    file,
    'Source MX9 debrief\nThe shipment leaves Manzanillo on the ninth, the source said.\n',
  );
  const ingest = (...flags: string[]) =>
    run('ingest', file, '--no-extract', '--no-analyze', '--parse-workers', '0', '-q', ...flags);
  const show = async (id: string) =>
    ((await run('show', id, '--json')).json[0] as { id: string; tlp: string }).tlp;

  it('marks what it ingests, keeps the stricter marking, and lets an analyst re-mark', async () => {
    expect((await ingest('--tlp', 'purple')).code).toBe(64);
    expect((await ingest('--tlp', 'amber', '--json')).code).toBe(0);
    const search = await run('search', 'Manzanillo', '--json');
    const id = (search.json[0] as { hits: Array<{ id: string }> }).hits[0]!.id;
    expect(await show(id)).toBe('AMBER');

    const marked = await run('mark', id.slice(0, 8), 'tlp:red');
    expect(marked.code).toBe(0);
    expect(marked.lines.join('\n')).toContain('TLP:AMBER → TLP:RED');
    expect(await show(id)).toBe('RED');

    // Re-ingesting under a weaker marking leaves the stricter one; a stricter one raises it,
    // even though the file was read before.
    expect((await ingest('--tlp', 'GREEN')).code).toBe(0);
    expect(await show(id)).toBe('RED');
    await run('mark', id, 'GREEN');
    expect((await ingest('--tlp', 'AMBER+STRICT')).code).toBe(0);
    expect(await show(id)).toBe('AMBER+STRICT');
    expect((await ingest()).code).toBe(0);
    expect(await show(id)).toBe('AMBER+STRICT');

    expect((await run('mark', id, 'PURPLE')).code).toBe(64);
    expect((await run('mark', 'abcdef123456', 'RED')).code).toBe(1);
    expect((await run('mark', id, 'CLEAR')).code).toBe(0);
    expect(await show(id)).toBe('CLEAR');
    expect((await run('show', id)).lines).toContain('TLP:CLEAR');
  });
});
