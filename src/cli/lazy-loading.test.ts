import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * What each command loads, seen from a real Node process: vitest's own module runner would hide
 * it. The child imports these TypeScript sources through a loader hook that transpiles them and
 * logs every module it resolves, runs groups of commands in turn, and reports what had been
 * loaded after each group.
 */

const CLI_ENTRY = pathToFileURL(fileURLToPath(new URL('./index.ts', import.meta.url))).href;
const TYPESCRIPT = pathToFileURL(createRequire(import.meta.url).resolve('typescript')).href;

const HOOKS = `
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from '${TYPESCRIPT}';

const log = (url) => appendFileSync(process.env.CROSSCHECK_MODULE_LOG, url + '\\n');

export async function resolve(specifier, context, next) {
  // The sources import './x.js' for './x.ts'.
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const url = new URL(specifier.replace(/\\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(url))) {
      log(url.href);
      return { url: url.href, shortCircuit: true };
    }
  }
  const resolved = await next(specifier, context);
  log(resolved.url);
  return resolved;
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const file = fileURLToPath(url);
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
    },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
`;

const REGISTER = `
import { register } from 'node:module';
register('./hooks.mjs', import.meta.url);
`;

const CHILD = `
import { readFileSync, writeFileSync } from 'node:fs';
const [logFile, reportFile] = process.argv.slice(2);
const { main } = await import('${CLI_ENTRY}');
const quiet = { out() {}, err() {}, json() {}, isTTY: false };
// Help and usage errors are written by commander itself.
process.stdout.write = () => true;
process.stderr.write = () => true;
const report = [];
for (const group of JSON.parse(process.env.CROSSCHECK_GROUPS)) {
  const codes = [];
  for (const args of group.commands) codes.push(await main(['node', 'crosscheck', ...args], quiet));
  const loaded = readFileSync(logFile, 'utf8').split('\\n').filter(Boolean);
  report.push({ name: group.name, codes, loaded });
}
writeFileSync(reportFile, JSON.stringify(report));
`;

interface GroupReport {
  name: string;
  codes: number[];
  /** Every module resolved so far, this group's and the earlier groups'. */
  loaded: string[];
}

/** `…/node_modules/@fastify/static/index.js` → `@fastify/static`. */
function packageOf(url: string): string | null {
  const match = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  return match ? match[1]! : null;
}

const packagesIn = (report: GroupReport) =>
  [...new Set(report.loaded.map(packageOf).filter((p): p is string => p !== null))].sort();

/** What the commands that do little must never pay for. */
const HEAVY = [
  'bullmq',
  'ioredis',
  'fastify',
  '@fastify/static',
  'compromise',
  'chrono-node',
  'wink-nlp',
  'franc',
  'unpdf',
  'mailparser',
  'linkedom',
  'playwright-core',
  'cli-progress',
  // The PostgreSQL driver: these commands run on the embedded store.
  'pg',
];

const execFileAsync = promisify(execFile);
let dir: string;
let reports: GroupReport[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crosscheck-lazy-'));
  await writeFile(join(dir, 'hooks.mjs'), HOOKS);
  await writeFile(join(dir, 'register.mjs'), REGISTER);
  await writeFile(join(dir, 'child.mjs'), CHILD);
  const store = ['--store', join(dir, 'case.sqlite')];
  const groups = [
    {
      name: 'help',
      commands: [
        ['--help'],
        ['search', '--help'],
        ['ingest', '--help'],
        ['worker', '--help'],
        ['serve', '--help'],
        ['queue', 'add', '--help'],
        ['export', '--help'],
        ['search'], // a usage error: the missing argument
      ],
    },
    {
      name: 'store',
      commands: [
        [...store, 'search', 'harbour'],
        [...store, 'stats'],
        [...store, 'show', 'abcdef123456'],
        [...store, 'entity', 'Kestrel'],
        [...store, 'entities'],
        [...store, 'failures'],
      ],
    },
    // Proof that the log sees what a command loads: the worker needs the queue.
    { name: 'worker', commands: [[...store, 'worker']] },
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CROSSCHECK_MODULE_LOG: join(dir, 'modules.log'),
    CROSSCHECK_GROUPS: JSON.stringify(groups),
  };
  delete env.CROSSCHECK_REDIS;
  delete env.CROSSCHECK_STORE;
  await writeFile(join(dir, 'modules.log'), '');
  await execFileAsync(
    process.execPath,
    [
      '--import',
      pathToFileURL(join(dir, 'register.mjs')).href,
      join(dir, 'child.mjs'),
      join(dir, 'modules.log'),
      join(dir, 'report.json'),
    ],
    { env, cwd: dir },
  );
  reports = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as GroupReport[];
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const group = (name: string) => reports.find((r) => r.name === name)!;

describe('what each command loads', () => {
  it('declares every command (help, usage errors) with commander and src/cli alone', () => {
    const help = group('help');
    expect(help.codes).toEqual([0, 0, 0, 0, 0, 0, 0, 64]);
    expect(packagesIn(help)).toEqual(['commander']);
    const src = fileURLToPath(new URL('..', import.meta.url));
    const cli = fileURLToPath(new URL('.', import.meta.url));
    const sources = help.loaded
      .filter((url) => url.startsWith('file:') && !packageOf(url))
      .map((url) => fileURLToPath(url))
      .filter((file) => file.startsWith(src));
    expect(sources.length).toBeGreaterThan(20);
    expect(sources.filter((file) => !file.startsWith(cli))).toEqual([]);
  });

  it('reads the store for search, stats, show and entity without the queue, server or extractors', () => {
    const reads = group('store');
    // search, stats, entities, failures on an empty store; show and entity find nothing.
    expect(reads.codes).toEqual([0, 0, 1, 1, 0, 0]);
    expect(packagesIn(reads)).toContain('better-sqlite3');
    expect(packagesIn(reads).filter((p) => HEAVY.includes(p))).toEqual([]);
  });

  it('loads the queue for the worker (so the log would have seen it above)', () => {
    const worker = group('worker');
    expect(worker.codes).toEqual([64]); // no Redis given
    expect(packagesIn(worker)).toContain('bullmq');
  });
});
