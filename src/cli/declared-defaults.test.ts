import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT, DEFAULT_SEARCH_WORKERS } from '../api/index.js';
import { SUPPORTED_LANGUAGES } from '../core/index.js';
import { EXPORT_FORMATS, IMPORT_FORMATS } from '../export/index.js';
import { DOCUMENT_KINDS } from '../ingest/index.js';
import { DEFAULT_ATTEMPTS, DEFAULT_QUEUE_NAME, DEFAULT_QUEUE_PREFIX } from '../queue/index.js';
import * as declared from './declared-defaults.js';

describe('the constants the command declarations copy', () => {
  it('still equal the originals', () => {
    expect(declared.SUPPORTED_LANGUAGES).toEqual(SUPPORTED_LANGUAGES);
    expect(declared.DOCUMENT_KINDS).toEqual(DOCUMENT_KINDS);
    expect(declared.EXPORT_FORMATS).toEqual(EXPORT_FORMATS);
    expect(declared.IMPORT_FORMATS).toEqual(IMPORT_FORMATS);
    expect(declared.DEFAULT_QUEUE_NAME).toBe(DEFAULT_QUEUE_NAME);
    expect(declared.DEFAULT_QUEUE_PREFIX).toBe(DEFAULT_QUEUE_PREFIX);
    expect(declared.DEFAULT_ATTEMPTS).toBe(DEFAULT_ATTEMPTS);
    expect(declared.DEFAULT_SEARCH_WORKERS).toBe(DEFAULT_SEARCH_WORKERS);
    expect(declared.DEFAULT_RATE_LIMIT).toEqual(DEFAULT_RATE_LIMIT);
  });
});
