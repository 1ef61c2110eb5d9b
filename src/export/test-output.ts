import { PassThrough, type Writable } from 'node:stream';

/** Runs a writer into memory and returns what it wrote (tests only). */
export async function captureOutput(writer: (out: Writable) => Promise<unknown>): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writer(out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}
