import { describe, expect, it } from 'vitest';
import {
  PAGE_SIZE,
  claimHref,
  claimsHref,
  hypothesesHref,
  documentHref,
  entitiesHref,
  entityHref,
  graphHref,
  mapHref,
  parseHash,
  resolvedEntityHref,
  searchHref,
} from './router';

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
    expect(parseHash('#/documents/abc123')).toEqual({
      name: 'document',
      id: 'abc123',
      q: '',
      at: null,
    });
    expect(parseHash('#/documents/abc123?q=Ju%C3%A1rez&at=120')).toEqual({
      name: 'document',
      id: 'abc123',
      q: 'Juárez',
      at: 120,
    });
    expect(parseHash('#/documents/abc123?at=-4')).toMatchObject({ at: null });
    expect(parseHash('#/ingest')).toEqual({ name: 'ingest' });
  });

  it('reads the entity, timeline, map and graph routes', () => {
    expect(parseHash('#/entities?type=place&q=ju&offset=50')).toEqual({
      name: 'entities',
      params: { type: 'place', q: 'ju', offset: 50 },
    });
    expect(parseHash('#/entities?type=vehicle')).toMatchObject({ params: { type: null } });
    expect(parseHash('#/timeline')).toEqual({ name: 'timeline' });
    expect(parseHash('#/map?place=El%20Paso')).toEqual({ name: 'map', place: 'El Paso' });
    expect(parseHash('#/graph?type=person')).toEqual({ name: 'graph', type: 'person' });
    expect(parseHash('#/graph')).toEqual({ name: 'graph', type: null });
  });

  it('names unknown paths', () => {
    expect(parseHash('#/entities/vehicle/x')).toMatchObject({ name: 'not-found' });
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
    expect(parseHash(documentHref('ff00aa'))).toEqual({
      name: 'document',
      id: 'ff00aa',
      q: '',
      at: null,
    });
    expect(parseHash(documentHref('ff00aa', '"El Chapo" & co', 0))).toEqual({
      name: 'document',
      id: 'ff00aa',
      q: '"El Chapo" & co',
      at: 0,
    });
  });

  it('round-trip entity names with slashes, accents and markup', () => {
    for (const name of ['Ciudad Juárez', 'AC/DC', '<b>Güero</b> & co', '100% #1 ?x']) {
      const ref = { type: 'person' as const, name };
      expect(parseHash(entityHref(ref))).toEqual({ name: 'entity', ref });
    }
    const list = { type: 'organization' as const, q: 'sedena', offset: 0 };
    expect(parseHash(entitiesHref(list))).toEqual({ name: 'entities', params: list });
    expect(parseHash(mapHref('Ciudad Juárez'))).toEqual({ name: 'map', place: 'Ciudad Juárez' });
    expect(graphHref()).toBe('#/graph');
  });

  it('names a resolved entity by its id, whatever characters the id holds', () => {
    for (const id of ['person:joaquin guzman loera', 'organization:at&t / 100% #1 ?x']) {
      expect(parseHash(resolvedEntityHref(id))).toEqual({ name: 'resolved-entity', id });
    }
    expect(resolvedEntityHref('place:ciudad juarez')).toBe('#/entity/place%3Aciudad%20juarez');
  });

  it('leave out empty filters', () => {
    expect(searchHref({ q: 'x', lang: [], offset: 0 })).toBe('#/search?q=x');
    expect(searchHref({})).toBe('#/search');
  });
});

describe('the analyst screens', () => {
  it('reads the claims list filters and writes them back', () => {
    const href = claimsHref({ shared: true, about: 'MX1', offset: 40 });
    expect(href).toBe('#/claims?shared=true&about=MX1&offset=40');
    expect(parseHash(href)).toEqual({
      name: 'claims',
      params: { shared: true, about: 'MX1', offset: 40 },
    });
    expect(parseHash('#/claims')).toEqual({
      name: 'claims',
      params: { shared: false, about: '', offset: 0 },
    });
  });

  it('names one claim and the hypotheses screen', () => {
    expect(parseHash(claimHref('c430bea77d5e8140'))).toEqual({
      name: 'claim',
      id: 'c430bea77d5e8140',
    });
    expect(parseHash(hypothesesHref())).toEqual({ name: 'hypotheses' });
  });
});
