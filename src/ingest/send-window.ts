/**
 * Credit-based flow control for a parse worker's events. The worker may have at most `size`
 * events that the main thread has not consumed yet; past that it waits for an acknowledgement.
 * This bounds the documents parsed but not yet handed to the writer, whatever the speed of the
 * parsers against the store: without it a slow disk or a busy store lets the main thread's
 * queue (and its heap) grow with the corpus.
 */
export class SendWindow {
  private inFlight = 0;
  private waiters: Array<() => void> = [];

  constructor(readonly size: number) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError('size must be a positive integer');
  }

  /** Events sent and not yet acknowledged. */
  get pending(): number {
    return this.inFlight;
  }

  /** True when the next `take` would wait. */
  get full(): boolean {
    return this.inFlight >= this.size;
  }

  /**
   * Takes one credit, waiting first while the window is full. Callers send strictly after it
   * resolves, so `pending` never exceeds `size`.
   */
  async take(): Promise<void> {
    while (this.inFlight >= this.size) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    this.inFlight++;
  }

  /** The receiver consumed `count` events: that many credits come back. */
  acknowledge(count: number): void {
    this.inFlight = Math.max(0, this.inFlight - count);
    const waiting = this.waiters;
    this.waiters = [];
    for (const resume of waiting) resume();
  }
}
