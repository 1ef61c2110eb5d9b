import {
  summarizeCluster as summarize,
  type ChainLink,
  type ClaimCluster,
  type ClaimDocument,
  type ClaimMember,
  type ClaimOrigin,
  type OriginGroup,
  type Reasoning,
} from '../provenance/index.js';

/*
 * The compact stored form of a claim cluster (the `data` column of `claim_clusters`, both stores).
 *
 * Written as `JSON.stringify(cluster)` a cluster was about 5.5 KB at 10,000 e-mails, mostly the
 * same 64-character document ids and names over and over (members, documents, chain, origin
 * groups, reasoning) and prose built from them (the reasoning's explanations, the origin's
 * description, the summary). The compact form (format 2) averages under 1 KB there:
 * - every string is stored once, in a table; everything else refers to it by index;
 * - what `claim_members` holds for each member (document id, start, end, by `seq`) is not
 *   repeated: the table's first entries are the members' document ids, in member order, taken
 *   from those rows when the cluster is read;
 * - objects are positional arrays, and the closed vocabularies (member kinds, citation scopes,
 *   chain relations, reason codes) are small numbers;
 * - an explanation and the origin's description are stored as the number of the template that
 *   rebuilds them (the templates below mirror the wording of provenance/claims: independence.ts,
 *   origin.ts); the summary is left out, and rebuilt on read by provenance's own summarizeCluster;
 * - id, kind, text, speaker, independent origins and the circular flag are read back from the
 *   row's own columns, which hold them already.
 *
 * Nothing here has to agree with provenance/claims for the read to be right: `encodeClusterData`
 * decodes what it built and compares it with the cluster, and writes the plain JSON of old
 * (format 1) instead when they differ — a template whose wording changed, a field added to the
 * types. Such a row is only larger. So what a store returns is always deep-equal to what was
 * written.
 *
 * The numbers are the stored format: the lists and templates below only ever grow at the end. A
 * template is never reworded: rows already written would read back in the new words. When
 * provenance/claims rewords an explanation, add the new wording as a new template (until then
 * those steps are stored as text, by the check above).
 *
 * Rows written before this format (plain JSON, no `v`) still read as they did: no migration
 * rewrites them. Rewriting every row of a large store in a migration would take minutes at the
 * next open for no change in what is read, and the next `crosscheck analyze` replaces all
 * clusters anyway (replaceClaimClusters deletes and rewrites the table), in the compact form.
 */

/** The format written now; rows without a `v` are format 1, the plain cluster. */
export const CLUSTER_FORMAT = 2;

/** What the row holds in columns beside `data` (see claims-queries.ts). */
export interface ClusterColumns {
  id: string;
  kind: ClaimCluster['kind'];
  text: string;
  speaker: string | null;
  independentOrigins: number;
  circular: boolean;
}

/** One member's row of `claim_members`, in `seq` order: what the compact form leaves out. */
export interface MemberRow {
  documentId: string;
  start: number;
  end: number;
}

/**
 * A reference into the string table: 0 is null, 1…k are the members' distinct document ids in
 * member order (from `claim_members`), then the strings stored in `s`.
 */
type Ref = number;
/** A closed-vocabulary value: its index in the list, or the value itself when not in the list. */
type Code = number | string | null;

interface Compact {
  v: typeof CLUSTER_FORMAT;
  /** The strings after null and the members' document ids. */
  s: string[];
  /** Documents: id, title, date, kind. */
  d: Array<[Ref, Ref, Ref, Ref]>;
  /**
   * Members, in `seq` order (document, start and end are in `claim_members`): text, kind,
   * speaker, date, saidOn, cited source, cue, scope, encloses. The text is a Ref, or
   * [before, after] when it is the cluster's text with those around it (members often carry the
   * cluster's words with a few more).
   */
  m: Array<[Ref | [Ref, Ref], Code, Ref, Ref, Ref, Ref, Ref, Code, 0 | 1]>;
  /** Earliest: document, date. */
  e: [Ref, Ref];
  /** Origin: speaker, document, date, dated by, description (template number, or the text). */
  o: [Ref, Ref, Ref, Ref, number | string];
  /** Chain links: from, to, relation. */
  c: Array<[Ref, Ref, Code]>;
  /** Origin groups: speaker, documents. */
  g: Array<[Ref, Ref[]]>;
  /**
   * Reasoning: document, reason, based on, explanation (template number, or the text), and the
   * template's argument when it takes one.
   */
  r: Array<[Ref, Code, Ref, number | string, Ref] | [Ref, Code, Ref, number | string]>;
  /** The summary when summarizeCluster does not rebuild it; absent when it does. */
  u?: string;
}

const MEMBER_KINDS: readonly (string | null)[] = ['quote', 'claim', 'reprint'];
const SCOPES: readonly (string | null)[] = [null, 'attribution', 'nearby', 'document'];
const RELATIONS: readonly (string | null)[] = ['quotes', 'cites', 'reprints'];
const REASONS: readonly (string | null)[] = [
  'origin-document',
  'attributes-to',
  'shared-passage',
  'cites-carrier',
  'cites-source',
  'unattributed',
  'independent-origin',
  'same-origin',
];

const toCode = (list: readonly (string | null)[], value: string | null): Code => {
  const i = list.indexOf(value);
  return i >= 0 ? i : value;
};
const fromCode = (list: readonly (string | null)[], code: Code): string | null =>
  typeof code === 'number' ? (list[code] ?? null) : code;

/**
 * The explanations independence.ts writes, by template number: given what the step is based on,
 * either the whole text, or the text's start and end around one argument (a cited name, a cue).
 * `${b}` is written as the original writes it, so a null renders as it did there.
 */
type Template =
  { whole: (b: string | null) => string } | { around: (b: string | null) => [string, string] };
const EXPLANATIONS: readonly Template[] = [
  { whole: (b) => `is the origin: ${b ?? 'its author'}'s own text` },
  { whole: (b) => `attributes the words to ${b}` },
  { whole: (b) => `carries the same words, which other carriers attribute to ${b}` },
  { whole: (b) => `prints a passage also printed in ${b}` },
  { whole: (b) => `names ${b} as a source elsewhere in the text (not counted as a tie)` },
  { around: (b) => [`got the words via ${b} (`, ')'] },
  { around: (b) => ['cites ', `, whose ${b} carries it earlier`] },
  { whole: () => 'names no speaker, shares no passage and cites no source near the words' },
  { whole: (b) => `rests on the same origin as ${b}: not independent` },
  {
    whole: (b) =>
      b ? `counts as one independent origin: ${b}` : 'counts as an independent origin',
  },
];

function renderExplanation(template: number, b: string | null, arg: string | null): string | null {
  const t = EXPLANATIONS[template];
  if (!t) return null;
  if ('whole' in t) return t.whole(b);
  const [before, after] = t.around(b);
  return `${before}${arg}${after}`;
}

/** The template and argument that rebuild `text`, or null. */
function matchExplanation(
  text: string,
  b: string | null,
): { template: number; arg: string | null } | null {
  for (const [template, t] of EXPLANATIONS.entries()) {
    if ('whole' in t) {
      if (t.whole(b) === text) return { template, arg: null };
      continue;
    }
    const [before, after] = t.around(b);
    if (
      text.length >= before.length + after.length &&
      text.startsWith(before) &&
      text.endsWith(after)
    ) {
      return { template, arg: text.slice(before.length, text.length - after.length) };
    }
  }
  return null;
}

/** origin.ts's label of a document. */
function label(doc: ClaimDocument): string {
  const title = doc.title ? ` “${doc.title}”` : '';
  return `${doc.id}${title}${doc.date ? ` (${doc.date.slice(0, 10)})` : ''}`;
}

/** The origin descriptions origin.ts writes, by template number (null: this one cannot apply). */
const DESCRIPTIONS: ReadonlyArray<
  (origin: Omit<ClaimOrigin, 'description'>, documents: readonly ClaimDocument[]) => string | null
> = [
  (o, documents) => {
    const doc = documents.find((d) => d.id === o.documentId);
    return doc ? `${o.speaker}'s report ${label(doc)}, in the corpus` : null;
  },
  (o) => {
    const when = o.datedBy !== null ? `, ${o.date} (dated by ${o.datedBy})` : '';
    return `${o.speaker}${when}; the original is not in the corpus`;
  },
  (o, documents) => {
    const doc = documents.find((d) => d.id === o.documentId);
    return doc ? `no speaker named; first appears in ${label(doc)}` : null;
  },
];

/**
 * A SQL expression (both stores: string_agg with ORDER BY is in SQLite since 3.44 and in
 * PostgreSQL) giving the cluster's `claim_members` rows as one string, parseMemberRows' input:
 * `start,end,bytes:id` per member in `seq` order. The id's length in UTF-8 bytes lets an id hold
 * any character (bytes, not characters: SQLite's length() stops at a NUL, PostgreSQL's counts
 * bytes in a SQL_ASCII database). NULL for a cluster without members.
 */
export const memberRowsColumn = (clusterId: string) => `(
  SELECT string_agg(
    m.start_offset || ',' || m.end_offset || ',' || octet_length(m.document_id) || ':' || m.document_id,
    '' ORDER BY m.seq)
  FROM claim_members m WHERE m.cluster_id = ${clusterId})`;

/** The rows memberRowsColumn lists; throws on anything else (a damaged or foreign value). */
export function parseMemberRows(value: unknown): MemberRow[] {
  if (value === null || value === undefined) return [];
  const bytes = Buffer.from(String(value), 'utf8');
  const rows: MemberRow[] = [];
  let at = 0;
  const number = (end: string): number => {
    const stop = bytes.indexOf(end, at);
    const n = stop < 0 ? NaN : Number(bytes.toString('latin1', at, stop));
    if (stop === at || !Number.isSafeInteger(n)) {
      throw new Error(`unreadable claim member rows at byte ${at}`);
    }
    at = stop + 1;
    return n;
  };
  while (at < bytes.length) {
    const start = number(',');
    const end = number(',');
    const length = number(':');
    if (at + length > bytes.length) throw new Error(`unreadable claim member rows at byte ${at}`);
    rows.push({ documentId: bytes.toString('utf8', at, at + length), start, end });
    at += length;
  }
  return rows;
}

/** The members' distinct document ids, in member order: refs 1…k. */
const memberDocuments = (members: readonly MemberRow[]): string[] => [
  ...new Set(members.map((m) => m.documentId)),
];

/** What replaceClaimStatements writes to `claim_members` for a cluster. */
export function memberRows(cluster: ClaimCluster): MemberRow[] {
  return cluster.members.map(({ documentId, start, end }) => ({ documentId, start, end }));
}

function compact(cluster: ClaimCluster): Compact {
  const strings: Array<string | null> = [null];
  const index = new Map<string, number>();
  const ref = (value: string | null): Ref => {
    if (value === null) return 0;
    let i = index.get(value);
    if (i === undefined) {
      i = strings.length;
      strings.push(value);
      index.set(value, i);
    }
    return i;
  };
  const around = (text: string): Ref | [Ref, Ref] => {
    const at = cluster.text === '' ? -1 : text.indexOf(cluster.text);
    if (at < 0 || text === cluster.text) return ref(text);
    return [ref(text.slice(0, at)), ref(text.slice(at + cluster.text.length))];
  };
  const implied = memberDocuments(cluster.members);
  implied.forEach(ref);
  const d = cluster.documents.map((doc): [Ref, Ref, Ref, Ref] => [
    ref(doc.id),
    ref(doc.title),
    ref(doc.date),
    ref(doc.kind),
  ]);
  const m = cluster.members.map((x): Compact['m'][number] => [
    around(x.text),
    toCode(MEMBER_KINDS, x.kind),
    ref(x.speaker),
    ref(x.date),
    ref(x.saidOn),
    ref(x.citedSource),
    ref(x.citedCue),
    toCode(SCOPES, x.citedScope),
    x.encloses ? 1 : 0,
  ]);
  const origin = cluster.origin;
  const description = DESCRIPTIONS.findIndex(
    (render) => render(origin, cluster.documents) === origin.description,
  );
  const o: Compact['o'] = [
    ref(origin.speaker),
    ref(origin.documentId),
    ref(origin.date),
    ref(origin.datedBy),
    description >= 0 ? description : origin.description,
  ];
  const c = cluster.chain.map((link): [Ref, Ref, Code] => [
    ref(link.from),
    ref(link.to),
    toCode(RELATIONS, link.relation),
  ]);
  const g = cluster.originGroups.map((group): [Ref, Ref[]] => [
    ref(group.speaker),
    group.documentIds.map(ref),
  ]);
  const r = cluster.reasoning.map((step): Compact['r'][number] => {
    const head = [ref(step.documentId), toCode(REASONS, step.reason), ref(step.basedOn)] as const;
    const match = matchExplanation(step.explanation, step.basedOn);
    if (!match) return [...head, step.explanation];
    return match.arg === null
      ? [...head, match.template]
      : [...head, match.template, ref(match.arg)];
  });
  const e: [Ref, Ref] = [ref(cluster.earliest.documentId), ref(cluster.earliest.date)];
  const stored = strings.slice(1 + implied.length) as string[];
  const packed: Compact = { v: CLUSTER_FORMAT, s: stored, d, m, e, o, c, g, r };
  if (summarize(cluster) !== cluster.summary) packed.u = cluster.summary;
  return packed;
}

function expand(
  packed: Compact,
  columns: ClusterColumns,
  rows: readonly MemberRow[],
): ClaimCluster {
  const s: Array<string | null> = [null, ...memberDocuments(rows), ...packed.s];
  const str = (i: Ref): string | null => s[i] ?? null;
  // Fields that are never null in the type: a null there could only come from a damaged row.
  const text = (i: Ref): string => s[i] as string;
  const documents = packed.d.map(([id, title, date, kind]): ClaimDocument => ({
    id: text(id),
    title: str(title),
    date: str(date),
    kind: text(kind),
  }));
  if (rows.length !== packed.m.length) {
    throw new Error(
      `claim cluster ${columns.id}: ${rows.length} member rows for ${packed.m.length} members`,
    );
  }
  const members = packed.m.map((x, i): ClaimMember => ({
    documentId: rows[i]!.documentId,
    start: rows[i]!.start,
    end: rows[i]!.end,
    text: typeof x[0] === 'number' ? text(x[0]) : `${text(x[0][0])}${columns.text}${text(x[0][1])}`,
    kind: fromCode(MEMBER_KINDS, x[1]) as ClaimMember['kind'],
    speaker: str(x[2]),
    date: str(x[3]),
    saidOn: str(x[4]),
    citedSource: str(x[5]),
    citedCue: str(x[6]),
    citedScope: fromCode(SCOPES, x[7]) as ClaimMember['citedScope'],
    encloses: x[8] === 1,
  }));
  const [speaker, documentId, date, datedBy, description] = packed.o;
  const bare = {
    speaker: str(speaker),
    documentId: str(documentId),
    date: str(date),
    datedBy: str(datedBy),
  };
  const origin: ClaimOrigin = {
    ...bare,
    description:
      typeof description === 'number'
        ? (DESCRIPTIONS[description]?.(bare, documents) ?? '')
        : description,
  };
  const chain = packed.c.map(([from, to, relation]): ChainLink => ({
    from: text(from),
    to: text(to),
    relation: fromCode(RELATIONS, relation) as ChainLink['relation'],
  }));
  const originGroups = packed.g.map(([who, ids]): OriginGroup => ({
    speaker: str(who),
    documentIds: ids.map(text),
  }));
  const reasoning = packed.r.map(([doc, reason, basedOn, explanation, arg]): Reasoning => {
    const b = str(basedOn);
    return {
      documentId: text(doc),
      reason: fromCode(REASONS, reason) as Reasoning['reason'],
      basedOn: b,
      explanation:
        typeof explanation === 'number'
          ? (renderExplanation(explanation, b, str(arg ?? 0)) ?? '')
          : explanation,
    };
  });
  // Keys in the order build-cluster.ts writes them, so even the JSON text reads as before.
  const cluster: Omit<ClaimCluster, 'summary'> = {
    id: columns.id,
    kind: columns.kind,
    text: columns.text,
    speaker: columns.speaker,
    members,
    documents,
    earliest: { documentId: text(packed.e[0]), date: str(packed.e[1]) },
    origin,
    chain,
    originGroups,
    independentOrigins: columns.independentOrigins,
    circular: columns.circular,
    reasoning,
  };
  return { ...cluster, summary: packed.u ?? summarize(cluster) };
}

/**
 * Deep equality as JSON sees it (the old stored form): a key holding undefined counts as absent,
 * the order of keys does not count.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((x, i) => sameJson(x, other[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const kx = keys(x);
  return kx.length === keys(y).length && kx.every((k) => k in y && sameJson(x[k], y[k]));
}

/** The columns a cluster's row holds beside `data`. */
export function clusterColumns(cluster: ClaimCluster): ClusterColumns {
  return {
    id: cluster.id,
    kind: cluster.kind,
    text: cluster.text,
    speaker: cluster.speaker,
    independentOrigins: cluster.independentOrigins,
    circular: cluster.circular,
  };
}

/** A lone surrogate: JSON keeps it (escaped), a SQL text column would not. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Whether the columns and member rows give back exactly what the compact form leaves to them:
 * text a SQL column stores as it is, offsets and counts its INTEGER columns hold.
 */
function columnsHoldExactly(cluster: ClaimCluster): boolean {
  const exactText = (value: unknown) =>
    value === null || (typeof value === 'string' && !LONE_SURROGATE.test(value));
  return (
    exactText(cluster.id) &&
    exactText(cluster.text) &&
    exactText(cluster.speaker) &&
    Number.isSafeInteger(cluster.independentOrigins) &&
    typeof cluster.circular === 'boolean' &&
    cluster.members.every(
      (m) =>
        exactText(m.documentId) && Number.isSafeInteger(m.start) && Number.isSafeInteger(m.end),
    )
  );
}

/**
 * The `data` column for a cluster: the compact form when it reads back deep-equal to the
 * cluster, else the plain JSON (see the top of this file).
 */
export function encodeClusterData(cluster: ClaimCluster): string {
  if (!columnsHoldExactly(cluster)) return JSON.stringify(cluster);
  const packed = compact(cluster);
  const back = expand(packed, clusterColumns(cluster), memberRows(cluster));
  if (sameJson(back, cluster)) return JSON.stringify(packed);
  return JSON.stringify(cluster);
}

/** Whether stored `data` is in the compact form (for tests and diagnostics). */
export function isCompactClusterData(data: unknown): boolean {
  const value = typeof data === 'string' ? (JSON.parse(data) as unknown) : data;
  return (
    typeof value === 'object' && value !== null && (value as { v?: unknown }).v === CLUSTER_FORMAT
  );
}

/**
 * A cluster from its row: `data` as the store returns it (a string from SQLite, parsed JSON from
 * PostgreSQL's jsonb; or already parsed), the columns beside it, and its `claim_members` rows in
 * `seq` order (needed only when isCompactClusterData). Format 1 rows carry everything in `data`.
 */
export function decodeClusterData(
  data: unknown,
  columns: ClusterColumns,
  members: readonly MemberRow[],
): ClaimCluster {
  const value = (typeof data === 'string' ? JSON.parse(data) : data) as
    Compact | ClaimCluster | { v: number };
  if (!('v' in value)) return value;
  if (value.v !== CLUSTER_FORMAT) {
    throw new Error(`claim cluster ${columns.id}: stored format ${value.v} is not readable here`);
  }
  return expand(value as Compact, columns, members);
}
