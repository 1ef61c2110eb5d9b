import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentId } from '../../core/index.js';
import { fixture, ingest, ingestOne, optionsWith, temporaryFolder } from '../test-helpers.js';

describe('e-mail parser', () => {
  it('reads an HTML-only message: text without scripts, subject, addresses, date', async () => {
    const { document } = await ingestOne(fixture('html-only.eml'));
    expect(document).toMatchObject({
      kind: 'email',
      mimeType: 'message/rfc822',
      title: 'Draft: informant network story — legal review',
      publishedAt: '2011-12-03T11:15:00.000Z',
      byline: 'Dana Whitcombe <dana@ledger.example>',
      language: 'en',
      id: contentId(readFileSync(fixture('html-only.eml'))),
    });
    expect(document.email).toEqual({
      messageId: '<html-001@ledger.example>',
      inReplyTo: null,
      references: [],
      threadId: '<html-001@ledger.example>',
      from: 'Dana Whitcombe <dana@ledger.example>',
      to: ['Desk <desk@ledger.example>', 'Ortiz, Lena <lena@northgate.example>'],
      cc: ['legal@ledger.example'],
      subject: 'Draft: informant network story — legal review',
      sentAt: '2011-12-03T11:15:00.000Z',
    });
    expect(document.text).toBe(
      'Legal team,\n\nAttached below is the draft about the informant network inside the Laguna Seca cartel. Please check the passages that quote the leaked e-mails.\n\nThanks,\nDana',
    );
    expect(document.metadata.bodyFrom).toBe('html');
  });

  it('repairs an unknown charset label and raw 8-bit headers instead of producing U+FFFD', async () => {
    const { document } = await ingestOne(fixture('unknown-charset.eml'));
    expect(document.text).toContain('declaró que la investigación');
    expect(document.text).toContain('el señor Muñoz');
    expect(document.email?.from).toBe('Ramón Íñiguez <ramon@correo.example>');
    expect(JSON.stringify(document)).not.toContain('\uFFFD');
    expect(document.metadata.warnings).toEqual([
      'Unknown charset "x-mac-klingon": decoded as windows-1252 (guessed from the bytes).',
      'Raw 8-bit header values decoded as windows-1252 (guessed from the bytes).',
    ]);
  });

  it('keeps what a truncated MIME message holds, warns, and reports the cut attachment', async () => {
    const { items, failures } = await ingest([fixture('truncated-mime.eml')]);
    expect(items).toHaveLength(1);
    const [email] = items;
    expect(email!.document.text).toBe(
      'Adjunto el informe completo sobre las rutas del Cártel de la Laguna Seca.',
    );
    expect(email!.document.metadata.warnings).toEqual([
      expect.stringContaining('"cut-here" is never closed'),
    ]);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      path: `${fixture('truncated-mime.eml')}#attachment/informe-completo.pdf`,
      parser: 'pdf',
      code: 'MALFORMED_INPUT',
    });
  });

  it('parses an attached message as a child document, and its attachment as a grandchild', async () => {
    const { items, failures } = await ingest([fixture('forwarded-as-attachment.eml')]);
    expect(failures).toEqual([]);
    const [outer, inner, notes] = items;
    const origin = fixture('forwarded-as-attachment.eml');
    expect(outer!.parent).toBeNull();
    expect(inner!.document).toMatchObject({
      kind: 'email',
      title: 'Original with notes',
      origin: `${origin}#attachment/original.eml`,
    });
    expect(inner!.parent).toEqual({
      parentId: outer!.document.id,
      relation: 'attachment',
      name: 'original.eml',
    });
    expect(notes!.document).toMatchObject({
      kind: 'text',
      origin: `${origin}#attachment/original.eml#attachment/meeting-notes.txt`,
    });
    expect(notes!.parent).toEqual({
      parentId: inner!.document.id,
      relation: 'attachment',
      name: 'meeting-notes.txt',
    });
  });

  it('stops at limits.maxDepth for attachments inside attachments', async () => {
    const { items, failures } = await ingest(
      [fixture('forwarded-as-attachment.eml')],
      optionsWith({ limits: { maxDepth: 1 } }),
    );
    expect(items.map((item) => item.document.kind)).toEqual(['email', 'email']);
    expect(failures).toEqual([
      expect.objectContaining({
        code: 'DEPTH_LIMIT',
        path: `${fixture('forwarded-as-attachment.eml')}#attachment/original.eml#attachment/meeting-notes.txt`,
      }),
    ]);
  });

  it('refuses a file without e-mail headers', async () => {
    const { items, failures } = await ingest([fixture('not-an-email.eml')]);
    expect(items).toEqual([]);
    expect(failures).toEqual([
      expect.objectContaining({ code: 'MALFORMED_INPUT', parser: 'email', byteOffset: 0 }),
    ]);
  });

  it('keeps an unreadable binary attachment as an attachment document, linked to its message', async () => {
    const folder = temporaryFolder();
    try {
      const png = Buffer.from(
        '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001',
        'hex',
      );
      const message = [
        'From: Lena Ortiz <lena@northgate.example>',
        'Subject: Photo of the warehouse',
        'Message-ID: <photo-1@northgate.example>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="p"',
        '',
        '--p',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Photo of the warehouse in colonia Anáhuac.',
        '--p',
        'Content-Type: image/png; name="bodega.png"',
        'Content-Disposition: attachment; filename="bodega.png"',
        'Content-Transfer-Encoding: base64',
        '',
        png.toString('base64'),
        '--p--',
        '',
      ].join('\r\n');
      const path = join(folder.path, 'photo.eml');
      writeFileSync(path, message);
      const { items, failures } = await ingest([path]);
      expect(failures).toEqual([]);
      expect(items[1]).toEqual({
        document: expect.objectContaining({
          kind: 'attachment',
          id: contentId(png),
          text: '',
          title: 'bodega.png',
          mimeType: 'image/png',
          language: 'und',
          origin: `${path}#attachment/bodega.png`,
        }),
        parent: { parentId: items[0]!.document.id, relation: 'attachment', name: 'bodega.png' },
      });
    } finally {
      folder.remove();
    }
  });
});
