import { isAcronym } from './acronyms.js';
import type { ResolveMention } from './types.js';

/**
 * Alias evidence: places where a text itself says two names are one ("X, alias Y", "X, known as
 * Y", "X, conocido como Y", "X (Y)", "X, identified as a lawyer named Y"). Hand-written patterns,
 * because no library reads appositions this narrowly, and a merge must point at the words that
 * justify it.
 */
export interface AliasEvidence {
  /** Index (into the mentions given) of the named mention, X. */
  subject: number;
  /** Index of Y when Y is itself a mention of the same type; otherwise null. */
  object: number | null;
  /** Y as written (a mention's text, a quoted nickname, an acronym). */
  alias: string;
  /** `alias-evidence:<cue>`. */
  rule: string;
  /** From the start of X to the end of Y. */
  start: number;
  end: number;
}

interface Cue {
  name: string;
  /** Sticky pattern read right after X. */
  pattern: RegExp;
  /** What may stand for Y when no mention does. */
  bare: 'quoted-or-capitalised' | 'acronym';
}

/** A period inside an abbreviation ("U.S.-educated") does not end the clause. */
const CLAUSE = String.raw`(?:[^.;!?"“”]|\.(?=\S))`;
const RELATIVE = String.raw`\b(?:who|whom|whose|which|that|que|quien|quienes)\b`;

const CUES: Cue[] = [
  { name: 'alias', pattern: /\s*,?\s*(?:alias|a\.?k\.?a\.?)\s+/uy, bare: 'quoted-or-capitalised' },
  {
    name: 'known-as',
    pattern: /\s*,?\s*(?:(?:also|better|best|\p{L}+ly)\s+)?(?:known|referred\s+to)\s+as\s+/uy,
    bare: 'quoted-or-capitalised',
  },
  {
    name: 'conocido-como',
    pattern: /\s*,?\s*(?:(?:también|mejor|más)\s+)?conocid[oa]s?\s+como\s+/uy,
    bare: 'quoted-or-capitalised',
  },
  {
    name: 'nicknamed',
    pattern: /\s*,?\s*(?:nicknamed|dubbed|code-?named|apodad[oa]|llamad[oa]|el\s+llamado)\s+/uy,
    bare: 'quoted-or-capitalised',
  },
  {
    name: 'real-name',
    pattern: /\s*,\s*(?:whose\s+real\s+name\s+is|real\s+name|cuyo\s+nombre\s+(?:real\s+)?es)\s+/uy,
    bare: 'quoted-or-capitalised',
  },
  {
    // "MX1, identified by Narco News as a lawyer … named Fernando …": an apposition that ends in
    // a name. Relative clauses are excluded ("Obama, who named Holder …" names someone else).
    name: 'named',
    pattern: new RegExp(
      String.raw`\s*,\s*(?:identified\s+(?:by\s+${CLAUSE}{1,60}?\s+)?as\s+)?(?:a|an|the|un|una|el|la)\s+` +
        String.raw`(?:(?!${RELATIVE})${CLAUSE}){0,200}?\b(?:named|called|llamad[oa]|de\s+nombre)\s+`,
      'uy',
    ),
    bare: 'quoted-or-capitalised',
  },
  {
    name: 'identified-as',
    pattern: new RegExp(
      String.raw`\s*,\s*(?:identified|identificad[oa])\s+(?:(?:by|por)\s+${CLAUSE}{1,60}?\s+)?(?:as|como)\s+`,
      'uy',
    ),
    bare: 'quoted-or-capitalised',
  },
  { name: 'parenthesis', pattern: /\s*[([]\s*/uy, bare: 'acronym' },
];

const OPENING = /^(?:["“‘'«]\s*)?(?:the\s+|los\s+|las\s+)?/u;
const QUOTED = /^["“‘'«]([^"“”‘’'«»]{1,40}?)["”’'»]/u;
const CAPITALISED =
  /^(?:(?:El|La|Los|Las|The)\s+)?\p{Lu}[\p{L}\p{N}'’-]*(?:\s+\p{Lu}[\p{L}\p{N}'’-]*){0,3}/u;
const BRACKETED = /^([^()[\]]{1,60}?)\s*[)\]]/u;

/** Every alias statement in one document, in text order. Mentions must be sorted by start. */
export function findAliasEvidence(
  text: string,
  mentions: readonly ResolveMention[],
): AliasEvidence[] {
  const byStart = new Map<number, number>();
  mentions.forEach((mention, index) => {
    if (!byStart.has(mention.start)) byStart.set(mention.start, index);
  });
  const found: AliasEvidence[] = [];
  mentions.forEach((subject, index) => {
    for (const cue of CUES) {
      cue.pattern.lastIndex = subject.end;
      const match = cue.pattern.exec(text);
      if (!match) continue;
      const evidence = readObject(
        text,
        subject.end + match[0].length,
        cue,
        index,
        mentions,
        byStart,
      );
      if (evidence) {
        found.push({ ...evidence, subject: index, start: subject.start });
        break;
      }
    }
  });
  return found;
}

function readObject(
  text: string,
  at: number,
  cue: Cue,
  subjectIndex: number,
  mentions: readonly ResolveMention[],
  byStart: Map<number, number>,
): Omit<AliasEvidence, 'subject' | 'start'> | null {
  const subject = mentions[subjectIndex]!;
  const rest = text.slice(at, at + 120);
  const skip = OPENING.exec(rest)?.[0].length ?? 0;
  const rule = `alias-evidence:${cue.name}`;
  const objectIndex = byStart.get(at + skip) ?? byStart.get(at);
  const object = objectIndex === undefined ? undefined : mentions[objectIndex];
  if (object && objectIndex !== subjectIndex && object.type === subject.type) {
    if (cue.bare === 'acronym') {
      const closes = /^\s*["”’'»]?\s*[)\]]/u.test(text.slice(object.end, object.end + 4));
      if (!closes || !parenthesisCanAlias(subject.text, object.text, rest)) return null;
    }
    return { object: objectIndex!, alias: object.text, rule, end: object.end };
  }
  if (cue.bare === 'acronym') {
    const quotedInside = QUOTED.exec(rest);
    if (quotedInside?.[1] && /^\s*[)\]]/u.test(rest.slice(quotedInside[0].length))) {
      return {
        object: null,
        alias: quotedInside[1].trim(),
        rule,
        end: at + quotedInside[0].length,
      };
    }
    const inside = BRACKETED.exec(rest);
    if (!inside?.[1] || !isAcronym(inside[1])) return null;
    return { object: null, alias: inside[1], rule, end: at + inside[1].length };
  }
  const quoted = QUOTED.exec(rest);
  if (quoted?.[1] && /^\p{Lu}/u.test(quoted[1].trim())) {
    return { object: null, alias: quoted[1].trim(), rule, end: at + quoted[0].length };
  }
  const capitalised = CAPITALISED.exec(rest);
  if (capitalised)
    return { object: null, alias: capitalised[0], rule, end: at + capitalised[0].length };
  return null;
}

/**
 * "X (Y)" is an alias only when one side abbreviates the other or Y is a quoted nickname;
 * "Phoenix (Arizona)" and "Mexico [City]" are not.
 */
function parenthesisCanAlias(subject: string, object: string, rest: string): boolean {
  return isAcronym(subject) || isAcronym(object) || /^["“‘'«]/u.test(rest);
}
