/**
 * Characters XML 1.0 forbids even when escaped: C0 controls other than tab, LF and CR, lone
 * surrogates, U+FFFE and U+FFFF. Document text carries them (OCR, broken encodings), and one of
 * them makes the whole file unreadable to Gephi or yEd, so they are dropped.
 */
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text safe inside an XML element or a quoted attribute (either quote). */
export function escapeXml(value: string | number): string {
  return String(value)
    .replace(NOT_XML_CHAR, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** `name="value"` pairs, escaped, in the order given. */
export function attributes(pairs: Record<string, string | number | null | undefined>): string {
  return Object.entries(pairs)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => `${name}="${escapeXml(value!)}"`)
    .join(' ');
}
