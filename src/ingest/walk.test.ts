import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countInputs } from './read-sources.js';
import { temporaryFolder } from './test-helpers.js';
import { walkInputs, type WalkEntry } from './walk.js';

async function walk(paths: string[]): Promise<WalkEntry[]> {
  const entries: WalkEntry[] = [];
  for await (const entry of walkInputs(paths)) entries.push(entry);
  return entries;
}

describe('walkInputs', () => {
  let folder: { path: string; remove: () => void };
  beforeEach(() => {
    folder = temporaryFolder();
    const root = folder.path;
    mkdirSync(join(root, 'b-dir/nested'), { recursive: true });
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, '.git/config'), 'x');
    writeFileSync(join(root, '.DS_Store'), 'x');
    writeFileSync(join(root, 'c.txt'), 'ccc');
    writeFileSync(join(root, 'a.txt'), 'a');
    writeFileSync(join(root, 'B.txt'), 'bb');
    writeFileSync(join(root, 'b-dir/nested/z.txt'), 'zzzz');
    symlinkSync(root, join(root, 'b-dir/loop'));
    symlinkSync(join(root, 'gone.txt'), join(root, 'd-broken-link.txt'));
  });
  afterEach(() => folder.remove());

  it('walks folders recursively in code-unit order, skipping hidden entries and link loops', async () => {
    const entries = await walk([folder.path]);
    const relative = entries.map((entry) => [entry.type, entry.path.slice(folder.path.length + 1)]);
    expect(relative).toEqual([
      ['file', 'B.txt'],
      ['file', 'a.txt'],
      ['file', 'b-dir/nested/z.txt'],
      ['file', 'c.txt'],
      ['missing', 'd-broken-link.txt'],
    ]);
  });

  it('reports a missing input and goes on with the next', async () => {
    const entries = await walk([join(folder.path, 'nope.txt'), join(folder.path, 'a.txt')]);
    expect(entries.map((entry) => entry.type)).toEqual(['missing', 'file']);
  });

  it('reads a hidden file when it is named explicitly', async () => {
    const entries = await walk([join(folder.path, '.DS_Store')]);
    expect(entries).toEqual([{ type: 'file', path: join(folder.path, '.DS_Store'), size: 1 }]);
  });

  it('countInputs counts the same files and their bytes without reading them', async () => {
    expect(await countInputs([folder.path, join(folder.path, 'missing')])).toEqual({
      files: 4,
      bytes: 1 + 2 + 4 + 3,
    });
  });
});
