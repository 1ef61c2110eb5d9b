import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text.js';

describe('htmlToText', () => {
  it('separates paragraphs with blank lines and list items with line breaks', () => {
    const text = htmlToText(
      '<h1>Title</h1><p>First  paragraph\n spans lines.</p><ul><li>one</li><li>two</li></ul><p>Line<br>break</p>',
    );
    expect(text).toBe('Title\n\nFirst paragraph spans lines.\n\none\ntwo\n\nLine\nbreak');
  });

  it('never includes script, style, noscript or template content', () => {
    const text = htmlToText(
      '<html><head><style>p{}</style><script>evil()</script></head><body><p>Visible</p><noscript>NO</noscript><template>T</template><script>x()</script></body></html>',
    );
    expect(text).toBe('Visible');
  });

  it('survives very deep nesting without overflowing the stack', () => {
    const depth = 20_000;
    expect(htmlToText(`${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`)).toBe('deep');
  });

  it('keeps table cells apart', () => {
    expect(
      htmlToText(
        '<table><tr><td>Juárez</td><td>40 kg</td></tr><tr><td>Ojinaga</td><td>12 kg</td></tr></table>',
      ),
    ).toBe('Juárez 40 kg\nOjinaga 12 kg');
  });
});
