import type { ClaimCluster } from './types.js';

const EXCERPT_CHARS = 90;

/** Content-hash ids are 64 hex characters; 12 identify a document in any real corpus. */
const shortId = (id: string) => (/^[0-9a-f]{64}$/.test(id) ? id.slice(0, 12) : id);

/**
 * The provenance tree as indented text, for `crosscheck trace`:
 *
 *   “I think the US sent a signal…” — quote by MX1
 *   origin: MX1, 2010-04-19 (dated by 003…); the original is not in the corpus
 *   MX1
 *   ├─ quotes → Narco News
 *   │  └─ cites → 001… (2012-10-05) “Stratfor Sources…”
 *   └─ …
 *   independent origins: 1 of 2 documents — CIRCULAR
 *   why: …
 */
export function formatTrace(cluster: ClaimCluster): string {
  const lines: string[] = [];
  const head = `“${excerpt(cluster.text)}” — ${cluster.kind}${cluster.speaker ? ` by ${cluster.speaker}` : ''}`;
  lines.push(head, `origin: ${cluster.origin.description.replace(/\b[0-9a-f]{64}\b/g, shortId)}`);

  const documents = new Map(cluster.documents.map((d) => [d.id, d]));
  const label = (node: string) => {
    const doc = documents.get(node);
    if (!doc) return node;
    const date = doc.date ? doc.date.slice(0, 10) : 'undated';
    return `${shortId(node)} (${date})${doc.title ? ` “${excerpt(doc.title, 60)}”` : ''}`;
  };
  const children = new Map<string, typeof cluster.chain>();
  const hasParent = new Set<string>();
  for (const link of cluster.chain) {
    const list = children.get(link.from) ?? [];
    list.push(link);
    children.set(link.from, list);
    hasParent.add(link.to);
  }
  // Roots: sources nothing points to, and carriers no edge reaches (an origin of their own).
  const roots = [
    ...new Set([
      ...cluster.chain.map((l) => l.from),
      ...cluster.documents.map((d) => d.id).filter((id) => !hasParent.has(id)),
    ]),
  ].filter((n) => !hasParent.has(n));
  const seen = new Set<string>();
  const walk = (node: string, prefix: string) => {
    const list = children.get(node) ?? [];
    list.forEach((link, i) => {
      const last = i === list.length - 1;
      lines.push(`${prefix}${last ? '└─' : '├─'} ${link.relation} → ${label(link.to)}`);
      if (seen.has(link.to)) return;
      seen.add(link.to);
      walk(link.to, `${prefix}${last ? '   ' : '│  '}`);
    });
  };
  for (const root of roots) {
    lines.push(label(root));
    seen.add(root);
    walk(root, '');
  }

  const n = cluster.documents.length;
  lines.push(
    `independent origins: ${cluster.independentOrigins} of ${n} document${n === 1 ? '' : 's'}${cluster.circular ? ' — CIRCULAR' : ''}`,
    'why:',
  );
  for (const r of cluster.reasoning)
    lines.push(
      `  ${shortId(r.documentId)}: ${r.explanation.replace(/\b[0-9a-f]{64}\b/g, shortId)}`,
    );
  return lines.join('\n');
}

function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
