import { createHash } from 'node:crypto';

/**
 * Crosscheck's UUIDv5 namespace. Fixed forever: every exported id is derived from it and a
 * stable key (a document's content id, an entity id, a claim cluster id), so exporting the same
 * store twice, or two stores holding the same documents, gives the same ids, and a consumer
 * (OpenCTI, MISP, Aleph) updates its objects instead of duplicating them.
 */
export const CROSSCHECK_NAMESPACE = '6f0c3c55-3d4e-4a52-9b38-3a1c2d7e9f10';

/**
 * RFC 9562 (formerly 4122) name-based UUID, version 5 (SHA-1). Hand-written: it is eight lines
 * over node:crypto, and the `uuid` package is only a transitive dependency here.
 */
export function uuid5(name: string, namespace: string = CROSSCHECK_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`Not a UUID: ${namespace}`);
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The kinds of thing Crosscheck exports, each its own key space so keys never collide. */
export type IdSpace =
  | 'document'
  | 'entity'
  | 'source'
  | 'claim'
  | 'claim-opinion'
  | 'claim-sighting'
  | 'chain'
  | 'event'
  | 'organisation';

/** A stable key for one exported thing: `entity:person:ana lopez`, `document:<sha256>`. */
export function stableKey(space: IdSpace, key: string): string {
  return `${space}:${key}`;
}

/** A STIX 2.1 identifier: `identity--<uuid5>`. */
export function stixId(type: string, space: IdSpace, key: string): string {
  return `${type}--${uuid5(stableKey(space, key))}`;
}

/** FollowTheMoney ids are opaque strings; like FtM's own `make_id`, a SHA-1 hex of a stable key. */
export function ftmId(space: IdSpace, key: string): string {
  return `cc-${createHash('sha1').update(stableKey(space, key)).digest('hex')}`;
}
