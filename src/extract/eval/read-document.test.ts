import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGoldDocument } from './read-document.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'crosscheck-eval-'));
  await writeFile(
    path.join(dir, 'page.html'),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Flood | The Valley Post</title>
<meta property="article:published_time" content="2014-06-02T08:00:00-06:00"></head>
<body><article><h1>River floods the valley</h1><p>By Jo Marsh</p>
<p>The river rose on Sunday &amp; flooded the town of Ojinaga, officials said. Nobody was hurt, and the road reopened the next morning.</p>
<p>"We lost the bridge," said the mayor, Ana Lugo. The state will send engineers this week to look at what is left of it.</p></article></body></html>`,
  );
  await writeFile(
    path.join(dir, 'note.txt'),
    'Friday, 05 October 2012\r\n\r\nIn 2010 it began.  \r\n',
  );
  await writeFile(
    path.join(dir, 'box.mbox'),
    [
      'From a@example.org Mon Mar 22 10:00:00 2010',
      'From: a@example.org',
      'Subject: first',
      'Date: Mon, 22 Mar 2010 10:00:00 +0000',
      '',
      'The first message says little.',
      '',
      'From b@example.org Tue Mar 23 10:00:00 2010',
      'From: b@example.org',
      'Subject: second',
      'Date: Tue, 23 Mar 2010 10:00:00 +0000',
      '',
      'The second message says more.',
      '',
    ].join('\n'),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readGoldDocument', () => {
  it('reads an HTML page as ingest does: article text, stated language and date', async () => {
    const document = await readGoldDocument(dir, 'page.html', 'page.html.gold.json');
    expect(document.kind).toBe('html');
    expect(document.language).toBe('en');
    expect(document.publishedAt).toBe('2014-06-02T14:00:00.000Z');
    expect(document.text).toContain('The river rose on Sunday & flooded the town of Ojinaga');
    expect(document.text).not.toMatch(/<p>|&amp;/);
  });

  it('reads a text file as written, only cleaned (line breaks, trailing space)', async () => {
    const document = await readGoldDocument(dir, 'note.txt', 'note.txt.gold.json');
    expect(document.text).toBe('Friday, 05 October 2012\n\nIn 2010 it began.');
    expect(document.publishedAt).toBe('2012-10-05');
  });

  it('finds one message of a mailbox by the origin ingest gives it', async () => {
    const document = await readGoldDocument(dir, 'box.mbox#2', 'box.mbox#2.gold.json');
    expect(document.text).toContain('The second message says more.');
  });

  it('names the missing document', async () => {
    await expect(readGoldDocument(dir, 'absent.txt', 'absent.txt.gold.json')).rejects.toMatchObject(
      { code: 'FILE_NOT_FOUND' },
    );
    await expect(readGoldDocument(dir, 'box.mbox', 'box.mbox.gold.json')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
