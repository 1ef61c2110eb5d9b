/**
 * STIX timestamps: RFC 3339, UTC, and `created`/`modified` to the millisecond. Crosscheck dates
 * come as `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or full ISO date-times; partial dates take their first
 * instant.
 */
export function stixTimestamp(value: string | null | undefined): string | null {
  if (!value) return null;
  const partial = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  const date = partial
    ? new Date(
        Date.UTC(Number(partial[1]), Number(partial[2] ?? '1') - 1, Number(partial[3] ?? '1')),
      )
    : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * `created` and `modified` for an object built from some documents: when Crosscheck first and
 * last took in one of them. Derived from the data, never from the clock, so re-exporting an
 * unchanged store changes nothing, and a new document naming an entity moves its `modified`.
 */
export function lifetime(
  ingestedAt: Iterable<string>,
  fallback: string,
): { created: string; modified: string } {
  const times = [...ingestedAt].map((t) => stixTimestamp(t)).filter((t): t is string => t !== null);
  times.sort();
  return { created: times[0] ?? fallback, modified: times.at(-1) ?? fallback };
}
