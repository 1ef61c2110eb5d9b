import { describe, expect, it } from 'vitest';
import { cutContext } from './context.js';

describe('cutContext', () => {
  const text = 'The plaza in Ciudad Juárez is being negotiated between the two organisations.';

  it('keeps short texts whole, without ellipses', () => {
    const at = text.indexOf('Ciudad');
    expect(cutContext(text, at, at + 13)).toEqual({
      before: 'The plaza in ',
      match: 'Ciudad Juárez',
      after: ' is being negotiated between the two organisations.',
    });
  });

  it('cuts long texts at a word boundary and marks what was left out', () => {
    const at = text.indexOf('Ciudad');
    const context = cutContext(text, at, at + 13, 8);
    expect(context).toEqual({ before: '…in ', match: 'Ciudad Juárez', after: ' is…' });
  });

  it('puts the context on one line and clamps offsets out of range', () => {
    expect(cutContext('a\n\nb  c', 3, 4)).toEqual({ before: 'a ', match: 'b', after: ' c' });
    expect(cutContext('short', -5, 99)).toEqual({ before: '', match: 'short', after: '' });
  });
});
