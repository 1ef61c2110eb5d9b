import { describe, expect, it } from 'vitest';
import { attributes, escapeXml } from './xml.js';

describe('escapeXml', () => {
  it('escapes markup and both quotes', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
    );
  });

  it('drops characters XML 1.0 cannot carry, keeps tabs, newlines and astral characters', () => {
    expect(escapeXml('a\u0000b\u001Fc\td\ne\uFFFE\uD800f😀')).toBe('abc\td\nef😀');
  });

  it('writes attributes, skipping missing ones', () => {
    expect(attributes({ id: 'n<1>', label: null, weight: 2 })).toBe('id="n&lt;1&gt;" weight="2"');
  });
});
