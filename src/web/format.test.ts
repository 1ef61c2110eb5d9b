import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDuration, kindName } from './format';

describe('format', () => {
  it('formats sizes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(256 * 1024 * 1024)).toBe('256.0 MB');
  });

  it('shows dates as written, with the time when there is one', () => {
    expect(formatDate(null)).toBe('undated');
    expect(formatDate('2011-04')).toBe('2011-04');
    expect(formatDate('2011-04-19')).toBe('2011-04-19');
    expect(formatDate('2010-04-19T14:02:00.000Z')).toBe('2010-04-19 14:02 UTC');
  });

  it('says how long is left in seconds, minutes or hours', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(59.4)).toBe('59 s');
    expect(formatDuration(600)).toBe('10 min');
    expect(formatDuration(3725)).toBe('1 h 2 min');
  });

  it('names kinds for people, and passes unknown ones through', () => {
    expect(kindName('email')).toBe('E-mail');
    expect(kindName('video')).toBe('video');
  });
});
