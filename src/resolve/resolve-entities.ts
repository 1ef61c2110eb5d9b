import { CrosscheckError } from '../core/index.js';
import { buildResolution, type StreamedResolution } from './build-resolution.js';
import { applyCorpusRules } from './corpus-rules.js';
import { applyDecisions } from './decisions.js';
import { ingestDocument } from './document-rules.js';
import { DEFAULT_KNOWN_ALIASES, type KnownAlias } from './known-aliases.js';
import { Ledger, spanKey } from './ledger.js';
import { NameGraph } from './name-graph.js';
import type { AnalystDecisions, Resolution, ResolveDocument } from './types.js';

export interface ResolveOptions {
  /** Curated names and their aliases; defaults to the resolver's own list (data/README.md). */
  knownAliases?: readonly KnownAlias[];
}

/**
 * Entity resolution fed one document at a time, for callers that stream documents from a store
 * (`for await (const doc of …) resolver.add(doc)`). Memory grows with distinct names, plus one
 * 32-bit integer per mention and a packed id per document (README.md, "Memory"); document texts
 * are not kept. Documents are taken to be distinct by id, as a store's are.
 */
export class EntityResolver {
  private readonly graph = new NameGraph();
  private readonly ledger: Ledger;
  private readonly pinnedSpans: Set<string>;
  private finished = false;

  constructor(
    private readonly decisions: AnalystDecisions = {},
    options: ResolveOptions = {},
  ) {
    // Only a split by name reads how each mention was written.
    this.ledger = new Ledger((decisions.splits ?? []).some((split) => 'name' in split));
    for (const known of options.knownAliases ?? DEFAULT_KNOWN_ALIASES) {
      const node = this.graph.node(known.type, known.name, null, true);
      for (const alias of known.aliases)
        this.graph.addSurface(node, alias, 'known-alias', null, null);
    }
    this.pinnedSpans = new Set(
      (decisions.splits ?? []).flatMap((split) =>
        'mention' in split ? [spanKey(split.mention)] : [],
      ),
    );
  }

  add(document: ResolveDocument): void {
    if (this.finished) throw misuse('add() after finish()');
    ingestDocument(this.graph, this.ledger, document, this.pinnedSpans);
  }

  /** Runs the cross-document rules and the analyst's decisions; call once, after the last add. */
  finish(): Resolution {
    const { entities, assignments, merges, unappliedDecisions } = this.finishStreaming();
    return { entities: [...entities], assignments: [...assignments], merges, unappliedDecisions };
  }

  /**
   * `finish` for corpora too large to hold the result as arrays: entities and assignments are
   * built as they are iterated (each time), in the same order and with the same content as
   * `finish` gives. Call once, instead of `finish`.
   */
  finishStreaming(): StreamedResolution {
    if (this.finished) throw misuse('finish() called twice');
    this.finished = true;
    applyCorpusRules(this.graph);
    const effects = applyDecisions(this.graph, this.ledger, this.decisions);
    return buildResolution(this.graph, this.ledger, effects);
  }
}

/**
 * Merges mentions across documents into canonical entities. Pure and deterministic: the same
 * documents and decisions give the same resolution, and the entities do not depend on the order
 * the documents come in.
 */
export function resolveEntities(
  documents: Iterable<ResolveDocument>,
  decisions: AnalystDecisions = {},
  options: ResolveOptions = {},
): Resolution {
  const resolver = new EntityResolver(decisions, options);
  for (const document of documents) resolver.add(document);
  return resolver.finish();
}

function misuse(what: string): CrosscheckError {
  return new CrosscheckError('INVALID_ARGUMENT', `EntityResolver: ${what}`, {
    hint: 'Create one EntityResolver per resolution run: add every document, then finish once.',
  });
}
