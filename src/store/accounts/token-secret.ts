import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  secret: string,
  salt: Buffer,
  keylen: number,
) => Promise<Buffer>;

const PREFIX = 'cct';
const TOKEN_PATTERN = /^cct_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const KEY_BYTES = 32;

/**
 * A token reads `cct_<id>_<secret>`: a public id (8 random bytes, hex) and a 32-byte random
 * secret. The id is the row's primary key, so finding the token is one indexed lookup (O(1) in
 * the number of tokens), and only then is the secret checked, against a scrypt hash with a
 * per-token salt. Embedding the id is simpler than a keyed SHA-256 lookup column and needs no
 * server-wide key to keep; the `cct_` prefix lets secret scanners recognise a leaked token.
 */
export interface NewTokenSecret {
  id: string;
  /** The whole token, shown once and never stored. */
  secret: string;
  salt: string;
  hash: string;
}

export interface ParsedToken {
  id: string;
  secret: string;
}

export async function newTokenSecret(): Promise<NewTokenSecret> {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16);
  const hash = await scryptAsync(secret, salt, KEY_BYTES);
  return {
    id,
    secret: `${PREFIX}_${id}_${secret}`,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
  };
}

/** Null for anything that is not shaped like a token, before any lookup or hashing. */
export function parseToken(presented: string): ParsedToken | null {
  const match = TOKEN_PATTERN.exec(presented);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

/**
 * Verified tokens, by a SHA-256 of the whole token: scrypt costs tens of milliseconds on purpose,
 * which a busy API would pay on every request. A hit only skips re-hashing a secret already proven
 * right; the caller still reads the token row each time, so revocation takes effect at once. Only
 * positives are kept, in memory, bounded.
 */
const verified = new Map<string, string>();
const MAX_VERIFIED = 2000;

const fingerprint = (token: ParsedToken) =>
  createHash('sha256').update(`${token.id}:${token.secret}`).digest('base64');

export async function verifyTokenSecret(
  token: ParsedToken,
  stored: { salt: string; hash: string },
): Promise<boolean> {
  const key = fingerprint(token);
  if (verified.get(key) === stored.hash) return true;
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await scryptAsync(token.secret, Buffer.from(stored.salt, 'base64'), KEY_BYTES);
  const ok = actual.length === expected.length && timingSafeEqual(actual, expected);
  if (ok) {
    if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value!);
    verified.set(key, stored.hash);
  }
  return ok;
}
