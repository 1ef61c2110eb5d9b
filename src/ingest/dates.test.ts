import { describe, expect, it } from 'vitest';
import { datelineDate, headerDate, toIsoDate } from './dates.js';

describe('datelineDate', () => {
  it.each([
    ['Friday, 05 October 2012', '2012-10-05'],
    ['October 5, 2012', '2012-10-05'],
    ['2011-04-19', '2011-04-19'],
    ['Martes, 14 de febrero de 2012', '2012-02-14'],
    ['  Wednesday, 28 September 2011  ', '2011-09-28'],
  ])('reads %j as %s', (line, expected) => {
    expect(datelineDate(line)).toBe(expected);
  });

  it.each([
    'Stratfor Sources: U.S. Troops in Mexico as Feds Aid Cartels',
    'On October 5, 2012 the cartel moved its shipments',
    'October 2012',
    'Friday',
    '04/19/2011 - EL PASO - Mexico is in the process of a virtual invasion',
  ])('ignores %j, which is not a bare full date', (line) => {
    expect(datelineDate(line)).toBeNull();
  });
});

describe('toIsoDate', () => {
  it('keeps bare dates as dates and turns date-times into UTC ISO strings', () => {
    expect(toIsoDate('2012-03-02')).toBe('2012-03-02');
    expect(toIsoDate('2012-03-02T14:30:00-06:00')).toBe('2012-03-02T20:30:00.000Z');
    expect(toIsoDate(new Date(Date.UTC(2011, 1, 14)))).toBe('2011-02-14T00:00:00.000Z');
  });

  it('returns null for what does not parse', () => {
    expect(toIsoDate('2012-02-30')).toBeNull();
    expect(toIsoDate('last Tuesday-ish')).toBeNull();
    expect(toIsoDate('')).toBeNull();
    expect(toIsoDate(undefined)).toBeNull();
  });
});

describe('headerDate', () => {
  it('reads the publication date from a text article’s header, however it is written', () => {
    expect(headerDate('---\ntitle: "A leak"\npublished: 2012-04-09\n---\n\n# A leak\n')).toBe(
      '2012-04-09',
    );
    expect(
      headerDate(
        'AGENTS HERE\n\nRio Grande Courier\nBy T. Kessler\nPublished April 5, 2012\n\nText.',
      ),
    ).toBe('2012-04-05');
    expect(
      headerDate(
        'Sedena: 350 agentes\n\nEl Heraldo\nPor N. S.\nChihuahua, Chih., 14 de junio de 2011\n',
      ),
    ).toBe('2011-06-14');
    expect(headerDate('Headline\n\n**The Monitor** · By R. L. · Thursday, April 12, 2012\n')).toBe(
      '2012-04-12',
    );
    expect(headerDate('Marines capture a boss\n\nSonoran Dispatch\nBy K. D.\nMay 14, 2012\n')).toBe(
      '2012-05-14',
    );
  });

  it('ignores dates inside the story and headers without a full date', () => {
    const story =
      'Headline\n\nThe agents arrived in Ciudad Juárez on 14 June 2011, officials said, and stayed there for months.\n';
    expect(headerDate(story)).toBeNull();
    expect(headerDate('Headline\n\nPublished in April\n\nText.')).toBeNull();
    expect(headerDate('---\ntitle: x\n---\nNo date here.')).toBeNull();
  });
});
