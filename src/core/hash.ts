import { createHash } from 'node:crypto';

/**
 * Document ids are the SHA-256 of the bytes a document came from, hex encoded. Content addressing
 * is what makes re-ingestion a no-op and lets one attachment shared by many e-mails be stored once.
 */
export function contentId(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
