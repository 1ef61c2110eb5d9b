/**
 * How PostgreSQL reads each search text: its tsquery and the ranked index's candidates, as text.
 * Two texts read alike ("Juárez" and "juarez", "cártel" and "Cartel") match, rank and highlight
 * the same documents, so the search cache keeps one answer for both. In the load benchmark's
 * mix, 648 texts read as 568 queries. The reading depends only on the text and the text search
 * configuration, so it is learned once per text, not per change of the store.
 */
export class QueryReadings {
  private readonly readings = new Map<string, string>();

  /** `read` asks PostgreSQL; it rejects for a text that is not a valid query. */
  constructor(
    private readonly read: (text: string) => Promise<string>,
    private readonly capacity = 10_000,
  ) {}

  /** The reading of `text`, if learned. */
  of(text: string): string | undefined {
    return this.readings.get(text);
  }

  /** Learns the reading of `text`; a text PostgreSQL cannot read stays unknown (keyed as typed). */
  async learn(text: string): Promise<void> {
    if (this.readings.has(text)) return;
    const reading = await this.read(text).catch(() => undefined);
    if (reading === undefined) return;
    // A plain bound: the memory is a few hundred bytes a text, and refilling costs one round trip.
    if (this.readings.size >= this.capacity) this.readings.clear();
    this.readings.set(text, reading);
  }
}
