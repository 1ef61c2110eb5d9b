/** mbox-reader ships no types; this covers the part Crosscheck uses. */
declare module 'mbox-reader' {
  import type { Readable } from 'node:stream';

  export interface MboxMessage {
    returnPath: string;
    time: Date | false;
    /** The RFC 822 message, `>From ` unescaped, lines joined with `\n`. */
    content: Buffer;
    headers: Map<string, string[]>;
    flags: string[];
    labels: string[];
    readSize: number;
  }

  export function mboxReader(
    input: Readable,
    options?: { gz?: boolean },
  ): AsyncGenerator<MboxMessage>;
}
