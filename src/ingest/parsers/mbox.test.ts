import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, ingest, temporaryFolder } from '../test-helpers.js';

const MBOX = fixture('northgate-leak.mbox');

describe('mbox parser', () => {
  it('reads every message in order, reports the damaged one and carries on', async () => {
    const { items, failures, events } = await ingest([MBOX]);
    expect(items.map((item) => item.document.origin)).toEqual([
      `${MBOX}#1`,
      `${MBOX}#1#attachment/informe-laguna-seca.pdf`,
      `${MBOX}#2`,
      `${MBOX}#2#attachment/container-list.txt`,
      `${MBOX}#3`,
      `${MBOX}#3#attachment/container-list.txt`,
      `${MBOX}#5`,
    ]);
    expect(failures).toEqual([
      expect.objectContaining({ path: `${MBOX}#4`, parser: 'mbox', code: 'MALFORMED_INPUT' }),
    ]);
    expect(events.at(-1)).toMatchObject({ type: 'file-done', documents: 7, failures: 1 });
  });

  it('parses the Stratfor-style message: intel block, subject convention, PDF attachment', async () => {
    const { items } = await ingest([MBOX]);
    const [insight, pdf] = items;
    expect(insight!.document.intel).toMatchObject({
      code: 'MX1',
      publication: 'Yes',
      attribution: 'Northgate sources in Mexico',
      sourceDescription: 'Mexican diplomat posted in the US',
      sourceReliability: 'B',
      itemCredibility: '3',
      specialHandling: 'none',
      sourceHandler: 'Reva',
      subjectType: 'INSIGHT',
      subjectCountry: 'MEXICO',
      subjectTopic: 'Cartel violence in Juarez',
    });
    // mboxrd escaping undone once: the body line was stored as ">>From the border".
    expect(insight!.document.text).toContain('\n>From the border, the picture looks calmer');
    expect(pdf!.document).toMatchObject({
      kind: 'pdf',
      title: 'Informe reservado: Cártel de la Laguna Seca',
    });
    expect(pdf!.parent).toEqual({
      parentId: insight!.document.id,
      relation: 'attachment',
      name: 'informe-laguna-seca.pdf',
    });
  });

  it('gives the same attachment in two messages one id and two parent links', async () => {
    const { items } = await ingest([MBOX]);
    const attachments = items.filter((item) =>
      item.document.origin.endsWith('#attachment/container-list.txt'),
    );
    expect(attachments).toHaveLength(2);
    const [first, second] = attachments;
    expect(first!.document.id).toBe(second!.document.id);
    const message2 = items.find((item) => item.document.origin === `${MBOX}#2`)!;
    const message3 = items.find((item) => item.document.origin === `${MBOX}#3`)!;
    expect(first!.parent).toEqual({
      parentId: message2.document.id,
      relation: 'attachment',
      name: 'container-list.txt',
    });
    expect(second!.parent).toEqual({
      parentId: message3.document.id,
      relation: 'attachment',
      name: 'container-list.txt',
    });
    expect(message2.document.id).not.toBe(message3.document.id);
  });

  it('threads a reply chain by References, then In-Reply-To', async () => {
    const { items } = await ingest([MBOX]);
    const email = (n: number) =>
      items.find((item) => item.document.origin === `${MBOX}#${n}`)!.document.email!;
    expect(email(2)).toMatchObject({
      messageId: '<shipments-001@northgate.example>',
      threadId: '<shipments-001@northgate.example>',
      cc: ['Tomás Herrera <tomas@northgate.example>'],
    });
    expect(email(3)).toMatchObject({
      inReplyTo: '<shipments-001@northgate.example>',
      references: ['<shipments-001@northgate.example>'],
      threadId: '<shipments-001@northgate.example>',
    });
    expect(email(5)).toMatchObject({
      inReplyTo: '<shipments-002@northgate.example>',
      references: ['<shipments-001@northgate.example>', '<shipments-002@northgate.example>'],
      threadId: '<shipments-001@northgate.example>',
      sentAt: '2011-03-16T14:05:00.000Z',
    });
  });

  it('refuses a file that does not start with a From_ line, and an mbox with no messages', async () => {
    const folder = temporaryFolder();
    try {
      writeFileSync(join(folder.path, 'a.mbox'), 'Subject: not really a mailbox\n\nhello\n');
      writeFileSync(join(folder.path, 'b.mbox'), 'From \n');
      const { failures } = await ingest([folder.path]);
      expect(failures.map((failure) => [failure.code, failure.parser])).toEqual([
        ['MALFORMED_INPUT', 'mbox'],
        ['MALFORMED_INPUT', 'mbox'],
      ]);
    } finally {
      folder.remove();
    }
  });
});
