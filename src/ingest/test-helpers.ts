/**
 * Helpers for the ingest tests: running readSources to completion, temporary folders, and a
 * minimal zip writer. The writer is hand-written because no zip-writing package is installed and,
 * more to the point, tests need archives no honest tool produces: headers that lie about sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';
import type { IngestEvent, IngestHooks } from './events.js';
import { defaultIngestOptions, type IngestLimits, type IngestOptions } from './options.js';
import { readSources } from './read-sources.js';
import type { IngestFailure, IngestItem } from './types.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const fixture = (name: string) => join(FIXTURES, name);

export const neverCompleted: IngestHooks = { isFileCompleted: () => Promise.resolve(false) };

export function optionsWith(
  overrides: Partial<Omit<IngestOptions, 'limits'>> & { limits?: Partial<IngestLimits> } = {},
): IngestOptions {
  const defaults = defaultIngestOptions();
  return { ...defaults, ...overrides, limits: { ...defaults.limits, ...overrides.limits } };
}

export interface RunResult {
  events: IngestEvent[];
  items: IngestItem[];
  failures: IngestFailure[];
}

export async function ingest(
  paths: string[],
  options: IngestOptions = optionsWith(),
  hooks: IngestHooks = neverCompleted,
): Promise<RunResult> {
  const events: IngestEvent[] = [];
  for await (const event of readSources(paths, options, hooks)) events.push(event);
  return {
    events,
    items: events.flatMap((event) => (event.type === 'item' ? [event.item] : [])),
    failures: events.flatMap((event) => (event.type === 'failure' ? [event.failure] : [])),
  };
}

/** The only item of a run, failing the test if there is not exactly one. */
export async function ingestOne(path: string, options?: IngestOptions): Promise<IngestItem> {
  const { items, failures } = await ingest([path], options);
  if (items.length !== 1 || failures.length > 0) {
    throw new Error(
      `expected one item and no failures, got ${items.length} items and ${JSON.stringify(failures)}`,
    );
  }
  return items[0]!;
}

/** A temporary folder, removed by the returned function. */
export function temporaryFolder(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'crosscheck-ingest-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export interface ZipMember {
  name: string;
  data: Buffer | string;
  /** Store (0) or deflate (8); deflate by default. */
  method?: 0 | 8;
  /** Write this uncompressed size in the headers instead of the real one (a lying header). */
  declaredSize?: number;
}

/** Builds a zip archive in memory: local headers, data, central directory, end record. */
export function buildZip(members: ZipMember[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const member of members) {
    const data = typeof member.data === 'string' ? Buffer.from(member.data, 'utf8') : member.data;
    const method = member.method ?? 8;
    const payload = method === 8 ? deflateRawSync(data) : data;
    const name = Buffer.from(member.name, 'utf8');
    const size = member.declaredSize ?? data.length;
    const checksum = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6); // names are UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(payload.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(payload.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, payload);
    centrals.push(central, name);
    offset += local.length + name.length + payload.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
