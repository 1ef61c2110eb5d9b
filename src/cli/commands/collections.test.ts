import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, collectionStores } from '../../api/index.js';
import { openAccountStore } from '../../store/index.js';
import type { Output } from '../context.js';
import { main } from '../index.js';

let dir: string;
let home: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-cli-multi-'));
  home = join(dir, 'home');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI in this process, capturing what it prints. */
async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    json: (value) => out.push(JSON.stringify(value)),
    isTTY: false,
  };
  const code = await main(['node', 'crosscheck', ...args], output);
  return { code, out, err };
}

describe('multi-user admin commands', () => {
  it('set up accounts, a collection, members and RED data that only the cleared member sees', async () => {
    expect((await run('user', 'add', 'ana', '--admin', '--home', home)).code).toBe(0);
    expect((await run('user', 'add', 'amy', '--home', home)).code).toBe(0);
    expect((await run('user', 'add', 'ana', '--home', home)).code).toBe(1);
    const anaToken = await run('token', 'create', 'ana', '--label', 'laptop', '--home', home);
    expect(anaToken.code).toBe(0);
    const secret = anaToken.out.at(-1)!;
    expect(secret).toMatch(/^cct_[0-9a-f]{16}_/);
    const amySecret = (await run('token', 'create', 'amy', '--home', home)).out.at(-1)!;

    expect(
      (
        await run(
          'collection',
          'create',
          'case-7',
          '--title',
          'Harbour',
          '--tlp',
          'GREEN',
          '--home',
          home,
        )
      ).code,
    ).toBe(0);
    expect((await run('collection', 'create', '../evil', '--home', home)).code).toBe(64);
    expect(
      (
        await run(
          'collection',
          'grant',
          'case-7',
          'ana',
          '--role',
          'admin',
          '--clearance',
          'RED',
          '--home',
          home,
        )
      ).code,
    ).toBe(0);
    expect(
      (await run('collection', 'grant', 'case-7', 'amy', '--role', 'reader', '--home', home)).code,
    ).toBe(0);

    const red = join(dir, 'red.txt');
    await writeFile(
      red,
      'Kestrel ledger\nThe Kestrel ledger lists payments to the harbour master.\n',
    );
    const green = join(dir, 'green.txt');
    await writeFile(green, 'Harbour notice\nThe harbour opens at six.\n');
    const ingestRed = await run(
      'collection',
      'ingest',
      'case-7',
      red,
      '--tlp',
      'RED',
      '--workers',
      '0',
      '-q',
      '--home',
      home,
    );
    expect(ingestRed.code).toBe(0);
    expect(ingestRed.out.join('\n')).toMatch(/TLP:RED/);
    const ingestGreen = await run(
      'collection',
      'ingest',
      'case-7',
      green,
      '--workers',
      '0',
      '-q',
      '--home',
      home,
    );
    expect(ingestGreen.out.join('\n')).toMatch(/TLP:GREEN/);

    // The server sees what the commands wrote.
    const accounts = await openAccountStore(home);
    const stores = collectionStores(home);
    const app = await buildServer({
      multiUser: { accounts, openCollection: (slug) => stores.open(slug) },
      webRoot: null,
    });
    try {
      const search = (token: string) =>
        app.inject({
          method: 'GET',
          url: '/api/search?q=Kestrel&collection=case-7',
          headers: { authorization: `Bearer ${token}` },
        });
      const anas = await search(secret);
      expect(anas.statusCode, anas.body).toBe(200);
      expect(anas.json().total).toBe(1);
      const amy = await search(amySecret);
      expect(amy.statusCode, amy.body).toBe(200);
      expect(amy.json().total).toBe(0);
    } finally {
      await app.close();
      await stores.closeAll();
      await accounts.close();
    }

    const audit = await run('audit', '--collection', 'case-7', '--json', '--home', home);
    const entries = JSON.parse(audit.out.join('\n')) as { username: string; action: string }[];
    expect(entries.map((e) => e.username).sort()).toEqual(['amy', 'ana']);
    expect(entries.every((e) => e.action === 'read')).toBe(true);

    // An export for partners cleared below RED: the RED ledger and all it gave stay out, and
    // everything carries at least the collection's own marking (GREEN).
    const exported = join(dir, 'case-7.stix.json');
    const partner = await run(
      'export',
      '--format',
      'stix',
      '--collection',
      'case-7',
      '--clearance',
      'AMBER+STRICT',
      '--out',
      exported,
      '--home',
      home,
    );
    expect(partner.code, partner.err.join('\n')).toBe(0);
    const text = await readFile(exported, 'utf8');
    expect(text).not.toMatch(/Kestrel/i);
    const objects = (JSON.parse(text) as { objects: Array<Record<string, unknown>> }).objects;
    expect(objects.filter((o) => o.type === 'report')).toHaveLength(1);
    const clearMarking = 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487';
    const greenMarking = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
    const marked = objects.filter((o) => Array.isArray(o.object_marking_refs));
    expect(marked.length).toBeGreaterThan(1);
    for (const o of marked) expect(o.object_marking_refs).not.toContain(clearMarking);
    expect(marked.filter((o) => o.type === 'report')[0]?.object_marking_refs).toEqual([
      greenMarking,
    ]);
    const exports = JSON.parse(
      (await run('audit', '--collection', 'case-7', '--json', '--home', home)).out.join('\n'),
    ) as { username: string; action: string }[];
    expect(exports.filter((e) => e.action === 'export')).toHaveLength(1);
    expect(exports.find((e) => e.action === 'export')?.username).toMatch(/^cli:/);

    const tokenId = secret.split('_')[1]!;
    expect((await run('token', 'revoke', tokenId, '--home', home)).code).toBe(0);
    expect((await run('token', 'revoke', tokenId, '--home', home)).code).toBe(1);
    const listed = await run('token', 'list', 'ana', '--home', home);
    expect(listed.out.join('\n')).toMatch(/REVOKED/);
  }, 60_000);

  it('refuses to guess which server to administer', async () => {
    const previous = process.env.CROSSCHECK_HOME;
    delete process.env.CROSSCHECK_HOME;
    const result = await run('user', 'list');
    if (previous !== undefined) process.env.CROSSCHECK_HOME = previous;
    expect(result.code).toBe(64);
    expect(result.err.join('\n')).toMatch(/--home/);
  });
});
