import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentId } from '../core/index.js';
import { bufferSource, fileSource, hashFile, readHead, HEAD_BYTES } from './source.js';
import { buildZip, ingest, temporaryFolder } from './test-helpers.js';

describe('byte sources', () => {
  let folder: { path: string; remove: () => void };
  beforeEach(() => (folder = temporaryFolder()));
  afterEach(() => folder.remove());

  it('hashFile streams to the same id as core contentId, and refuses a file past the limit', async () => {
    const path = join(folder.path, 'big.bin');
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17, 'Juárez ');
    writeFileSync(path, bytes);
    expect(await hashFile(path, bytes.length)).toBe(contentId(bytes));
    await expect(hashFile(path, bytes.length - 1)).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
  });

  it('file and buffer sources give the same head and the same bytes', async () => {
    const path = join(folder.path, 'text.txt');
    const bytes = Buffer.alloc(HEAD_BYTES + 100, 'a');
    writeFileSync(path, bytes);
    const head = await readHead(path);
    expect(head.length).toBe(HEAD_BYTES);
    const fromFile = fileSource(path, bytes.length, head, bytes.length);
    const fromBuffer = bufferSource(bytes);
    expect(fromFile.head.equals(fromBuffer.head)).toBe(true);
    const streamed: Buffer[] = [];
    for await (const chunk of fromFile.stream()) streamed.push(chunk as Buffer);
    expect(Buffer.concat(streamed).equals(bytes)).toBe(true);
    expect((await fromBuffer.readAll()).equals(await fromFile.readAll())).toBe(true);
  });

  it('reads files too big to read whole in one go by streaming them (CSV) or with random access (zip)', async () => {
    const bigText = 'La Fiscalía investiga los pagos del cártel a la policía municipal. '.repeat(
      40_000,
    );
    const csv = join(folder.path, 'a-big.csv');
    writeFileSync(csv, `title,text\nUno,"${bigText}"\nDos,"${bigText}"\n`);
    const zip = join(folder.path, 'b-big.zip');
    writeFileSync(
      zip,
      buildZip([
        { name: 'big.txt', data: bigText, method: 0 },
        { name: 'big-copy.txt', data: `${bigText}Copia.`, method: 0 },
        { name: 'small.txt', data: 'Una nota corta sobre el cártel y la policía.' },
      ]),
    );
    // Both files are past the 4 MiB that read-sources reads whole.
    expect([statSync(csv).size, statSync(zip).size].every((size) => size > 4 * 1024 * 1024)).toBe(
      true,
    );
    const { items, failures, events } = await ingest([csv, zip]);
    expect(failures).toEqual([]);
    expect(items.map((item) => item.document.origin)).toEqual([
      `${csv}#row=1`,
      `${csv}#row=2`,
      `${zip}!/big.txt`,
      `${zip}!/big-copy.txt`,
      `${zip}!/small.txt`,
    ]);
    expect(items[0]!.document.text).toBe(bigText.trim());
    const done = events.filter((event) => event.type === 'file-done');
    expect(done.map((event) => event.contentId)).toEqual([
      contentId(readFileSync(csv)),
      contentId(readFileSync(zip)),
    ]);
  });
});
