import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DocumentPage } from './pages/document-page.js';
import { describeInBrowser } from './support/chromium.js';
import { storeItems, testDocument } from './support/documents.js';
import { SCREENSHOT_DIR } from './support/paths.js';
import { screenshotPath, startWorkbench, type Workbench } from './support/workbench.js';

const EMAIL = testDocument(
  'CODE: MX7\nPUBLICATION: Yes\nATTRIBUTION: Stratfor source in Mexico\nSOURCE DESCRIPTION: Mexican diplomat\n' +
    'SOURCE RELIABILITY: B\nITEM CREDIBILITY: 3\nSPECIAL HANDLING: none\n\n' +
    'The plaza in Ciudad Juárez is being negotiated between the two organisations.\n\n' +
    'Seizure figures attached.',
  {
    kind: 'email',
    title: 'INSIGHT - MEXICO - Plaza talks - MX7',
    mimeType: 'message/rfc822',
    publishedAt: '2010-04-19T14:02:00.000Z',
    origin: 'leaks/gi-files.mbox#12',
    email: {
      messageId: '<a1@meridian.example>',
      inReplyTo: '<a0@meridian.example>',
      references: ['<a0@meridian.example>'],
      threadId: '<a0@meridian.example>',
      from: 'Analyst <analyst@meridian.example>',
      to: ['desk@meridian.example', 'latam@meridian.example'],
      cc: [],
      subject: 'INSIGHT - MEXICO - Plaza talks - MX7',
      sentAt: '2010-04-19T14:02:00.000Z',
    },
    intel: {
      code: 'MX7',
      publication: 'Yes',
      attribution: 'Stratfor source in Mexico',
      sourceDescription: 'Mexican diplomat',
      sourceReliability: 'B',
      itemCredibility: '3',
      specialHandling: 'none',
      sourceHandler: null,
      subjectType: 'INSIGHT',
      subjectCountry: 'MEXICO',
      subjectTopic: 'Plaza talks',
      fields: {
        CODE: 'MX7',
        'SOURCE RELIABILITY': 'B',
        'ITEM CREDIBILITY': '3',
        DISTRIBUTION: 'latam',
      },
    },
  },
);

const ATTACHMENT = testDocument('seizure,date\n337 kilos,2012-06-01\n', {
  kind: 'attachment',
  title: 'seizures.csv',
  mimeType: 'text/csv',
  origin: 'leaks/gi-files.mbox#12#attachment/seizures.csv',
});

describeInBrowser('the document reader', () => {
  let bench: Workbench;

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    bench = await startWorkbench((store) =>
      storeItems(store, [
        { document: EMAIL, parent: null },
        {
          document: ATTACHMENT,
          parent: { parentId: EMAIL.id, relation: 'attachment', name: 'seizures.csv' },
        },
      ]),
    );
  });
  afterAll(() => bench?.close());

  it('shows an e-mail with its headers, source block as written, and attachment', async () => {
    const page = await bench.newPage();
    // A 10-character prefix is enough to open a document.
    await page.goto(`${bench.baseUrl}/#/documents/${EMAIL.id.slice(0, 10)}`);
    const reader = new DocumentPage(page);
    await reader.waitForLoad();

    expect(await reader.title.textContent()).toBe('INSIGHT - MEXICO - Plaza talks - MX7');
    expect(await reader.field('From').textContent()).toBe('Analyst <analyst@meridian.example>');
    expect(await reader.field('To').textContent()).toBe(
      'desk@meridian.example, latam@meridian.example',
    );
    expect(await reader.field('Message-ID').textContent()).toBe('<a1@meridian.example>');
    expect(await reader.field('Thread').textContent()).toBe('<a0@meridian.example>');
    expect(await reader.field('Date').first().textContent()).toBe('2010-04-19 14:02 UTC');
    expect(await reader.field('Source code').textContent()).toBe('MX7');
    expect(await reader.field('Source reliability').textContent()).toBe('B');
    expect(await reader.field('Item credibility').textContent()).toBe('3');
    expect(await reader.field('DISTRIBUTION').textContent()).toBe('latam');
    expect(await reader.text.textContent()).toBe(EMAIL.text);
    await page.screenshot({ path: screenshotPath('document-email'), fullPage: true });

    await reader.panel('Links').getByRole('link', { name: 'seizures.csv' }).click();
    await page.waitForURL(new RegExp(`#/documents/${ATTACHMENT.id}$`));
    await reader.title.filter({ hasText: 'seizures.csv' }).waitFor();
    const backLink = reader.panel('Links').getByRole('link', { name: EMAIL.title! });
    expect(await backLink.count()).toBe(1);
  });

  it('explains an unknown id instead of showing an empty page', async () => {
    const page = await bench.newPage();
    await page.goto(`${bench.baseUrl}/#/documents/${'0'.repeat(64)}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/No document has the id .*6 characters/);
  });
});
