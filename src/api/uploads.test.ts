import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrosscheckError } from '../core/index.js';
import { sanitizeUploadName, saveUpload } from './uploads.js';

describe('sanitizeUploadName', () => {
  it('keeps ordinary names, accents included', () => {
    expect(sanitizeUploadName('Informe Juárez (final).pdf')).toBe('Informe Juárez (final).pdf');
    expect(sanitizeUploadName('mail-2011_04.eml')).toBe('mail-2011_04.eml');
  });

  it.each([
    '../etc/passwd',
    '..\\windows\\system.ini',
    'a/b.txt',
    '/etc/passwd',
    '..',
    '.',
    'a\0.txt',
  ])('refuses %j as an attempt to leave the upload folder', (name) => {
    expect(() => sanitizeUploadName(name)).toThrow(CrosscheckError);
    try {
      sanitizeUploadName(name);
    } catch (error) {
      expect((error as CrosscheckError).code).toBe('INVALID_ARGUMENT');
    }
  });

  it('replaces odd characters, drops leading dots and control characters', () => {
    expect(sanitizeUploadName('..hidden.txt')).toBe('hidden.txt');
    expect(sanitizeUploadName('a<b>:"c"|?*.txt')).toBe('a_b___c____.txt');
    expect(sanitizeUploadName('tab\there.txt')).toBe('tabhere.txt');
  });

  it('shortens very long names but keeps the extension', () => {
    const safe = sanitizeUploadName(`${'x'.repeat(500)}.eml`);
    expect(safe).toHaveLength(200);
    expect(safe.endsWith('.eml')).toBe(true);
  });

  it('refuses a name with nothing left once made safe', () => {
    expect(() => sanitizeUploadName('...')).toThrow(/empty/);
  });
});

describe('saveUpload', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'crosscheck-upload-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes the body and returns its size', async () => {
    const path = join(dir, 'job', 'a.txt');
    expect(
      await saveUpload(Readable.from([Buffer.from('hello '), Buffer.from('world')]), path, 100),
    ).toBe(11);
    expect(await readFile(path, 'utf8')).toBe('hello world');
  });

  it('stops at the limit even without a Content-Length, and removes the partial file', async () => {
    const path = join(dir, 'job', 'big.bin');
    const chunks = Array.from({ length: 10 }, () => Buffer.alloc(10));
    await expect(saveUpload(Readable.from(chunks), path, 55)).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
    expect(await readdir(join(dir, 'job'))).toEqual([]);
  });
});
