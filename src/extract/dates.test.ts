import { describe, expect, it } from 'vitest';
import { extract } from './test-helpers.js';

const values = (text: string, publishedAt: string | null = null, language: 'en' | 'es' = 'en') =>
  extract(text, { publishedAt, language }).dates.map(
    (d) => `${d.value}/${d.precision}${d.relative ? '/rel' : ''}`,
  );

describe('dates', () => {
  it('keeps absolute dates with their precision and bare years', () => {
    expect(
      values(
        'On April 19, 2010, the memo left. In March 2011 it leaked; in 2005 nobody knew. One 2012 e-mail says so.',
      ),
    ).toEqual(['2010-04-19/day', '2011-03/month', '2005/year', '2012/year']);
  });

  it('drops year-less and relative dates when the publication date is unknown', () => {
    expect(values('On November 6 he spoke; last week he left; a year ago he arrived.')).toEqual([]);
  });

  it('resolves them against the publication date, never into its future', () => {
    expect(values('On November 6 he spoke. Last year he left.', '2012-10-05')).toEqual([
      '2011-11-06/day/rel',
      '2011/year/rel',
    ]);
  });

  it('counts "two months later" from the previous full date', () => {
    expect(
      values('The April 19, 2010, e-mail was first. Two months later, another arrived.'),
    ).toEqual(['2010-04-19/day', '2010-06/month/rel']);
  });

  it('finds counted and "hace" dates whatever their case, long s included', () => {
    // the cheap word search before these patterns must not miss what the patterns match
    expect(
      values('The APRIL 19, 2010, e-mail was first. TWO MONTHS LATER, another arrived.'),
    ).toEqual(['2010-04-19/day', '2010-06/month/rel']);
    expect(
      values(
        'El 15 de enero de 2023 llegó. Dos meses deſpués se fue; HACE DOS AÑOS no.',
        '2024-05-01',
        'es',
      ),
    ).toEqual(['2023-01-15/day', '2022-11/month/rel', '2022/year/rel']); // "deſpués" reads as "before"
  });

  it('reads Spanish dates', () => {
    expect(values('El 15 de enero de 2023 se reunieron; en marzo de 2021 no.', null, 'es')).toEqual(
      ['2023-01-15/day', '2021-03/month'],
    );
  });

  it('treats a first line that is only a date as the publication stamp, not an event', () => {
    expect(values('Friday, 05 October 2012\n\nIn 2010 it began.')).toEqual(['2010/year']);
  });

  it('reads the publication stamp from a byline or dateline line and front matter', () => {
    // no date from ingest: the head of the text states it, and is not an event itself
    expect(
      values(
        'Gulf Courier\nBy Ana Ruiz\nPublished March 7, 2013\n\nThe mayor resigned on Tuesday.',
      ),
    ).toEqual(['2013-03-05/day/rel']);
    expect(
      values(
        '---\ntitle: "Lluvias"\npublished: 2019-08-02\n---\n\n# Lluvias\n\nEl alcalde habló ayer.',
        null,
        'es',
      ),
    ).toEqual(['2019-08-01/day/rel']);
    expect(
      values('Semanario Sur\nMérida, Yuc., 4 de mayo de 2016\n\nEn 2015 no llovió.', null, 'es'),
    ).toEqual(['2015/year']);
  });

  it('resolves weekdays to the latest such day up to publication', () => {
    // 2012-05-14 is a Monday
    expect(
      values('He fled last Tuesday; police said so on Sunday and on Monday.', '2012-05-14'),
    ).toEqual(['2012-05-08/day/rel', '2012-05-13/day/rel', '2012-05-14/day/rel']);
    // 2020-09-15 is a Tuesday: "el martes pasado" is a week before
    expect(values('Lo anunció el martes pasado.', '2020-09-15', 'es')).toEqual([
      '2020-09-08/day/rel',
    ]);
    // "Dom" in "Domínguez" is no Sunday
    expect(values('Habló el general Domínguez.', '2020-09-15', 'es')).toEqual([]);
  });

  it('gives week spans at month precision and reads "of last year"', () => {
    expect(values('She left last week. In June of last year she arrived.', '2012-04-03')).toEqual([
      '2012-03/month/rel',
      '2011-06/month/rel',
    ]);
    expect(
      values('Hace dos semanas llegó; en febrero del año pasado, no.', '2020-09-15', 'es'),
    ).toEqual(['2020-09/month/rel', '2019-02/month/rel']);
  });

  it('leaves periods, durations and intervals to figures', () => {
    const result = extract(
      'Troops seized 90 rifles so far this year. He was held for three years. The notice came five days after the raid.',
      { publishedAt: '2012-05-14' },
    );
    expect(result.dates).toEqual([]);
    expect(result.figures.map((f) => f.value)).toEqual([90, 3, 5]);
  });
});
