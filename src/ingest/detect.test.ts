import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.js';

const text = (value: string) => Buffer.from(value, 'utf8');
const pdf = text('%PDF-1.4\n%âãÏÓ\n1 0 obj');
const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
const junk = Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 97 + 13) % 256));

describe('detectFormat', () => {
  it('picks the parser from the extension', () => {
    expect(detectFormat('notes.MD', text('# Title'))).toEqual({ format: 'markdown' });
    expect(detectFormat('page.htm', text('<p>hola</p>'))).toEqual({ format: 'html' });
    expect(detectFormat('rows.tsv', text('a\tb'))).toEqual({ format: 'tsv' });
    expect(detectFormat('box.mbox', text('From a@b Mon Jan 1 00:00:00 2011\nFrom: a@b\n'))).toEqual(
      { format: 'mbox' },
    );
  });

  it('trusts unambiguous content over a wrong name', () => {
    expect(detectFormat('scan.txt', pdf)).toEqual({ format: 'pdf' });
    expect(detectFormat('no-extension', zip)).toEqual({ format: 'zip' });
  });

  it('does not take a text that mentions %PDF- for a PDF', () => {
    expect(detectFormat('script.js', text('// writes %PDF-1.4 headers'))).toEqual({
      format: 'text',
    });
  });

  it('refuses binary data named as text, and unknown binary formats', () => {
    expect(detectFormat('junk.txt', junk).rejection?.code).toBe('BINARY_CONTENT');
    expect(detectFormat('junk.csv', junk).rejection?.code).toBe('BINARY_CONTENT');
    expect(detectFormat('junk.bin', junk).rejection?.code).toBe('UNSUPPORTED_FORMAT');
  });

  it('refuses a .pdf or .zip whose bytes say otherwise', () => {
    expect(detectFormat('report.pdf', text('not a pdf')).rejection?.code).toBe('MALFORMED_INPUT');
    expect(detectFormat('leak.zip', text('not a zip')).rejection?.code).toBe('MALFORMED_INPUT');
    expect(detectFormat('leak.txt', zip).rejection?.code).toBe('MALFORMED_INPUT');
  });

  it('names what to do with known unsupported formats', () => {
    const rejection = detectFormat('memo.docx', zip).rejection!;
    expect(rejection.code).toBe('UNSUPPORTED_FORMAT');
    expect(rejection.hint).toContain('libreoffice');
  });

  it('sniffs text without a known extension', () => {
    expect(
      detectFormat('message', text('Received: from x\nFrom: a@b.c\nSubject: hi\n\nbody')),
    ).toEqual({ format: 'email' });
    expect(
      detectFormat('mailbox', text('From a@b Mon Jan 1 00:00:00 2011\nFrom: a@b.c\n')),
    ).toEqual({ format: 'mbox' });
    expect(detectFormat('saved', text('<!DOCTYPE html><html><body>x</body></html>'))).toEqual({
      format: 'html',
    });
    expect(detectFormat('README', text('Plain notes.'))).toEqual({ format: 'text' });
  });

  it('uses the declared MIME type of an unnamed attachment', () => {
    expect(detectFormat('attachment-1', text('<p>x</p>'), 'text/html')).toEqual({ format: 'html' });
    expect(detectFormat('attachment-2', text('a,b\n1,2'), 'text/csv')).toEqual({ format: 'csv' });
  });
});
