import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentId } from '../../core/index.js';
import { buildZip, fixture, ingest, optionsWith, temporaryFolder } from '../test-helpers.js';

describe('zip parser', () => {
  let folder: { path: string; remove: () => void };
  beforeEach(() => (folder = temporaryFolder()));
  afterEach(() => folder.remove());

  const write = (name: string, bytes: Buffer) => {
    const path = join(folder.path, name);
    writeFileSync(path, bytes);
    return path;
  };

  it('reads members by their own type, labels them a.zip!/path, skips folders and hidden files', async () => {
    const memo = readFileSync(fixture('cartel-memo-es.txt'));
    const path = write(
      'leak.zip',
      buildZip([
        { name: 'docs/', data: '' },
        { name: 'docs/memo.txt', data: memo },
        {
          name: 'docs/report.pdf',
          data: readFileSync(fixture('report-text-layer.pdf')),
          method: 0,
        },
        { name: '__MACOSX/docs/._memo.txt', data: 'resource fork' },
        { name: 'docs/.DS_Store', data: 'x' },
        {
          name: '../../etc/passwd.txt',
          data: 'Only a label: nothing is written to disk, so this cannot escape.',
        },
      ]),
    );
    const { items, failures } = await ingest([path]);
    expect(failures).toEqual([]);
    expect(items.map((item) => [item.document.origin, item.document.kind])).toEqual([
      [`${path}!/docs/memo.txt`, 'text'],
      [`${path}!/docs/report.pdf`, 'pdf'],
      [`${path}!/../../etc/passwd.txt`, 'text'],
    ]);
    expect(items[0]!.document.id).toBe(contentId(memo));
    expect(items.every((item) => item.parent === null)).toBe(true);
  });

  it('refuses a zip bomb with ARCHIVE_LIMIT, reads the other members and the next file', async () => {
    const bomb = write(
      'a-bomb.zip',
      buildZip([
        { name: 'zeros.txt', data: Buffer.alloc(20 * 1024 * 1024) },
        { name: 'after.txt', data: 'The member after the bomb is still read by the ingest.' },
      ]),
    );
    const next = write(
      'b-next.txt',
      Buffer.from('The next file in the run is read as usual by the ingest.'),
    );
    const { items, failures } = await ingest([bomb, next]);
    expect(failures).toEqual([
      expect.objectContaining({
        code: 'ARCHIVE_LIMIT',
        path: `${bomb}!/zeros.txt`,
        parser: 'zip',
        hint: expect.stringContaining('zip bomb'),
      }),
    ]);
    expect(items.map((item) => item.document.origin)).toEqual([`${bomb}!/after.txt`, next]);
  });

  it('refuses a member that inflates past the size its header declares', async () => {
    const path = write(
      'liar.zip',
      buildZip([
        { name: 'small.txt', data: Buffer.alloc(8 * 1024 * 1024, 'a'), declaredSize: 1000 },
        { name: 'honest.txt', data: 'An honest member after the lying one is still read.' },
      ]),
    );
    const { items, failures } = await ingest([path]);
    expect(items.map((item) => item.document.origin)).toEqual([`${path}!/honest.txt`]);
    expect(failures).toEqual([
      expect.objectContaining({ code: 'ARCHIVE_LIMIT', path: `${path}!/small.txt` }),
    ]);
  });

  it('stops an archive at maxArchiveExpandedBytes and at maxArchiveEntries', async () => {
    const member = (n: number) => ({
      name: `m${n}.txt`,
      data: `Member number ${n} of the archive, with enough text to count.`,
      method: 0 as const,
    });
    const path = write('many.zip', buildZip([1, 2, 3, 4, 5].map(member)));

    const byBytes = await ingest([path], optionsWith({ limits: { maxArchiveExpandedBytes: 150 } }));
    expect(byBytes.items).toHaveLength(2);
    expect(byBytes.failures).toEqual([
      expect.objectContaining({ code: 'ARCHIVE_LIMIT', path: `${path}!/m3.txt` }),
    ]);

    const byEntries = await ingest([path], optionsWith({ limits: { maxArchiveEntries: 3 } }));
    expect(byEntries.items).toHaveLength(3);
    expect(byEntries.failures).toEqual([
      expect.objectContaining({
        code: 'ARCHIVE_LIMIT',
        path,
        reason: expect.stringContaining('only the first 3'),
      }),
    ]);
  });

  it('follows archives inside archives down to maxDepth, then reports DEPTH_LIMIT', async () => {
    let archive = buildZip([
      { name: 'deepest.txt', data: 'The innermost document of the nested archives.' },
    ]);
    for (const level of [3, 2, 1])
      archive = buildZip([{ name: `level-${level}.zip`, data: archive }]);
    const path = write('nested.zip', archive);

    const deep = await ingest([path]);
    expect(deep.items.map((item) => item.document.origin)).toEqual([
      `${path}!/level-1.zip!/level-2.zip!/level-3.zip!/deepest.txt`,
    ]);

    const shallow = await ingest([path], optionsWith({ limits: { maxDepth: 2 } }));
    expect(shallow.items).toEqual([]);
    expect(shallow.failures).toEqual([
      expect.objectContaining({
        code: 'DEPTH_LIMIT',
        path: `${path}!/level-1.zip!/level-2.zip!/level-3.zip`,
      }),
    ]);
  });

  it('reports a truncated archive and an unknown member type, and goes on', async () => {
    const whole = buildZip([{ name: 'a.txt', data: 'Some text inside the archive.' }]);
    const truncated = write('a-truncated.zip', whole.subarray(0, whole.length - 10));
    const odd = write(
      'b-odd.zip',
      buildZip([{ name: 'photo.jpg', data: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) }]),
    );
    const { failures } = await ingest([truncated, odd]);
    expect(failures.map((failure) => [failure.code, failure.path])).toEqual([
      ['MALFORMED_INPUT', truncated],
      ['UNSUPPORTED_FORMAT', `${odd}!/photo.jpg`],
    ]);
  });

  it('reads a zip nested in an e-mail attachment and links its members to the message', async () => {
    const zip = buildZip([
      {
        name: 'notes/nota.txt',
        data: 'Nota interna sobre el cártel y la policía municipal de Juárez.',
      },
    ]);
    const message = [
      'From: a@northgate.example',
      'Subject: Archive',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="z"',
      '',
      '--z',
      'Content-Type: text/plain',
      '',
      'See the archive.',
      '--z',
      'Content-Type: application/zip; name="notas.zip"',
      'Content-Disposition: attachment; filename="notas.zip"',
      'Content-Transfer-Encoding: base64',
      '',
      zip.toString('base64'),
      '--z--',
      '',
    ].join('\r\n');
    const path = write('archive.eml', Buffer.from(message));
    const { items, failures } = await ingest([path]);
    expect(failures).toEqual([]);
    expect(items[1]).toMatchObject({
      document: { origin: `${path}#attachment/notas.zip!/notes/nota.txt`, language: 'es' },
      parent: {
        parentId: items[0]!.document.id,
        relation: 'attachment',
        name: 'notas.zip!/notes/nota.txt',
      },
    });
  });
});
