/** Commander argument parsers for options that may be given several times. */

/** `--lang en,es --lang und` → ['en', 'es', 'und']. */
export function commaList(value: string, previous: string[] = []): string[] {
  return previous.concat(
    value
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean),
  );
}

/** Each use of the option adds one value, commas and all (entity ids and bylines may hold commas). */
export function repeated(value: string, previous: string[]): string[] {
  return [...previous, value];
}
