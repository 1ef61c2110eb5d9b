import type { z } from 'zod';
import type { Store, StoredDocument } from '../../store/index.js';
import type { ReuseResponseSchema } from '../analysis-schemas.js';
import { titleLookup } from '../require-document.js';

export type DocumentReuse = z.output<typeof ReuseResponseSchema>;

/**
 * The text reuse one document takes part in, seen from its side: each pair is turned around so
 * that `start`/`end` always index this document and `other…` the partner, and every document
 * is named, so the reader can say "also in: …, first in: …" without further requests.
 */
export async function describeReuse(
  store: Store,
  document: StoredDocument,
): Promise<DocumentReuse> {
  const documentId = document.id;
  const titleOf = titleLookup(store);
  const [pairs, groups] = await Promise.all([
    store.listReusePairs({ documentId }),
    store.listPassageGroups({ documentId }),
  ]);

  const sidedPairs = await Promise.all(
    pairs.map(async (pair) => {
      const otherId = pair.a === documentId ? pair.b : pair.a;
      return {
        otherId,
        otherTitle: await titleOf(otherId),
        similarity: pair.similarity,
        nearDuplicate: pair.nearDuplicate,
        passages: pair.passages.map((p) => {
          // The store keeps each pair's `a` spans in document `a`, whichever id is stored first.
          const here = pair.a === documentId;
          return {
            text: p.text,
            words: p.words,
            start: here ? p.aStart : p.bStart,
            end: here ? p.aEnd : p.bEnd,
            otherStart: here ? p.bStart : p.aStart,
            otherEnd: here ? p.bEnd : p.aEnd,
          };
        }),
      };
    }),
  );

  const passages = await Promise.all(
    groups.map(async (group) => ({
      id: group.id,
      text: group.text,
      words: group.words,
      occurrences: await Promise.all(
        group.occurrences.map(async (o) => ({ ...o, title: await titleOf(o.documentId) })),
      ),
    })),
  );

  return {
    pairs: sidedPairs.sort(
      (a, b) => b.similarity - a.similarity || a.otherId.localeCompare(b.otherId),
    ),
    passages,
  };
}
