import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, documentHref, parseHash, searchHref } from './router';

describe('parseHash', () => {
  it('opens the search screen for an empty hash', () => {
    expect(parseHash('')).toEqual({
      name: 'search',
      params: { q: '', lang: [], type: [], from: '', to: '', offset: 0, limit: PAGE_SIZE },
    });
  });

  it('reads the query and filters of a search', () => {
    expect(
      parseHash('#/search?q=Ju%C3%A1rez+cartel&lang=en,es&type=email&from=2010&offset=20'),
    ).toEqual({
      name: 'search',
      params: {
        q: 'Juárez cartel',
        lang: ['en', 'es'],
        type: ['email'],
        from: '2010',
        to: '',
        offset: 20,
        limit: PAGE_SIZE,
      },
    });
  });

  it('ignores a nonsense offset', () => {
    const route = parseHash('#/search?q=x&offset=-5');
    expect(route.name === 'search' && route.params.offset).toBe(0);
  });

  it('reads document and ingest routes', () => {
    expect(parseHash('#/documents/abc123')).toEqual({ name: 'document', id: 'abc123', q: '' });
    expect(parseHash('#/documents/abc123?q=Ju%C3%A1rez')).toEqual({
      name: 'document',
      id: 'abc123',
      q: 'Juárez',
    });
    expect(parseHash('#/ingest')).toEqual({ name: 'ingest' });
  });

  it('names unknown paths', () => {
    expect(parseHash('#/nowhere/else')).toEqual({ name: 'not-found', path: '/nowhere/else' });
    expect(parseHash('#/documents')).toMatchObject({ name: 'not-found' });
  });
});

describe('hrefs', () => {
  it('round-trip through parseHash', () => {
    const params = {
      q: 'a "b" & c',
      lang: ['es'],
      type: ['pdf', 'email'],
      from: '2011-01-01',
      to: '2012',
      offset: 40,
      limit: PAGE_SIZE,
    };
    expect(parseHash(searchHref(params))).toEqual({ name: 'search', params });
    expect(parseHash(documentHref('ff00aa'))).toEqual({ name: 'document', id: 'ff00aa', q: '' });
    expect(parseHash(documentHref('ff00aa', '"El Chapo" & co'))).toEqual({
      name: 'document',
      id: 'ff00aa',
      q: '"El Chapo" & co',
    });
  });

  it('leave out empty filters', () => {
    expect(searchHref({ q: 'x', lang: [], offset: 0 })).toBe('#/search?q=x');
    expect(searchHref({})).toBe('#/search');
  });
});
