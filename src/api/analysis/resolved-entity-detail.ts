import type { z } from 'zod';
import type { Store } from '../../store/index.js';
import type { ResolvedEntityResponseSchema } from '../claim-schemas.js';
import { titleLookup } from '../require-document.js';

export type ResolvedEntityDetail = z.output<typeof ResolvedEntityResponseSchema>;

const MENTIONS = 200;
const CO_OCCURRING = 30;

/**
 * A resolved entity as the entity page shows it: every name with the documents it came from and
 * the rule (or analyst decision) that tied it in, its mentions and the entities named beside it.
 * Null when no entity has that id or name.
 */
export async function describeResolvedEntity(
  store: Store,
  idOrName: string,
): Promise<ResolvedEntityDetail | null> {
  const record = await store.getResolvedEntity(idOrName);
  if (!record) return null;
  const { entity, merges } = record;
  const [mentions, coOccurring] = await Promise.all([
    store.listEntityMentionsById(entity.id, { limit: MENTIONS }),
    store.listEntityCoOccurrences(entity.id, { limit: CO_OCCURRING }),
  ]);
  const titleOf = titleLookup(store);
  const ids = [...new Set(entity.aliases.flatMap((a) => a.documents))];
  const documents = await Promise.all(ids.map(async (id) => ({ id, title: await titleOf(id) })));
  return { entity, merges, documents, mentions, coOccurring };
}
