/** A mention with the plain text around it, cut at word boundaries where there is one near. */
export interface MentionContext {
  before: string;
  match: string;
  after: string;
}

const ELLIPSIS = '…';

/**
 * Cuts about `radius` characters either side of [start, end). The cut moves to the nearest space
 * within a few characters so words are not split, line breaks become spaces (a snippet is one
 * line), and an ellipsis marks text left out. Offsets out of range are clamped.
 */
export function cutContext(text: string, start: number, end: number, radius = 80): MentionContext {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  let left = Math.max(0, from - radius);
  let right = Math.min(text.length, to + radius);
  if (left > 0) {
    const space = text.indexOf(' ', left);
    if (space !== -1 && space < from) left = space + 1;
  }
  if (right < text.length) {
    const space = text.lastIndexOf(' ', right);
    if (space > to) right = space;
  }
  const oneLine = (s: string) => s.replace(/\s+/g, ' ');
  return {
    before: (left > 0 ? ELLIPSIS : '') + oneLine(text.slice(left, from)).trimStart(),
    match: text.slice(from, to),
    after: oneLine(text.slice(to, right)).trimEnd() + (right < text.length ? ELLIPSIS : ''),
  };
}
