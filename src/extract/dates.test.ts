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

  it('reads Spanish dates', () => {
    expect(values('El 15 de enero de 2023 se reunieron; en marzo de 2021 no.', null, 'es')).toEqual(
      ['2023-01-15/day', '2021-03/month'],
    );
  });

  it('treats a first line that is only a date as the publication stamp, not an event', () => {
    expect(values('Friday, 05 October 2012\n\nIn 2010 it began.')).toEqual(['2010/year']);
  });
});
