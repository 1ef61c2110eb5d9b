import { cleanName, foldName } from '../names.js';
import type { EntityType, Resolution } from '../types.js';
import type { GoldFile } from './gold.js';

/**
 * "How many gold entities end as exactly one canonical entity": a gold entity counts when every
 * surface form it takes lands in one resolved entity and that entity holds no other gold entity's
 * forms. Scored per document, and across documents with gold entities grouped by name (and
 * also_known_as), so MX1 in two articles must be one entity.
 */
export interface ResolutionScore {
  perDocument: Tally;
  acrossDocuments: Tally;
  /** Every gold entity that did not end as exactly one entity, per document first. */
  failures: ResolutionFailure[];
}

export interface Tally {
  total: number;
  /** All forms found, in one entity, with no other gold entity's forms. */
  exact: number;
  fraction: number;
  /**
   * The same, ignoring forms extraction never found: how resolution did with what it was given
   * (a gold entity with no form found at all does not count as exact).
   */
  exactGivenExtraction: number;
  fractionGivenExtraction: number;
}

export interface ResolutionFailure {
  scope: 'document' | 'corpus';
  type: EntityType;
  /** Gold name. */
  name: string;
  documents: string[];
  /** `missing`: no form was extracted; `split`: forms landed in several entities;
   * `conflated`: the entity also holds another gold entity; `incomplete`: some forms missing. */
  kind: 'missing' | 'split' | 'conflated' | 'incomplete';
  forms: Array<{ documentId: string; form: string; entities: string[] }>;
  conflatedWith: string[];
}

export interface ScoreOptions {
  /** The document id the resolution uses for a gold file's `document`; default: the same. */
  documentId?: (goldDocument: string) => string;
}

interface GoldGroup {
  type: EntityType;
  name: string;
  /** `documentId|folded form` */
  forms: Set<string>;
  display: Map<string, string>;
}

export function scoreResolution(
  resolution: Resolution,
  gold: readonly GoldFile[],
  options: ScoreOptions = {},
): ResolutionScore {
  const idOf = options.documentId ?? ((document: string) => document);
  const footprint = footprintOf(resolution);
  const perDocumentGroups: GoldGroup[] = [];
  const corpusGroups = new Map<string, GoldGroup>();
  const corpusAlias = new Map<string, string>();

  for (const file of gold) {
    const documentId = idOf(file.document);
    for (const entity of file.entities) {
      const group: GoldGroup = {
        type: entity.type,
        name: entity.name,
        forms: new Set(),
        display: new Map(),
      };
      for (const mention of entity.mentions) {
        const form = `${documentId}|${fold(entity.type, mention)}`;
        group.forms.add(form);
        group.display.set(form, mention);
      }
      perDocumentGroups.push(group);
      const names = [entity.name, ...(entity.also_known_as ?? [])].map(
        (name) => `${entity.type}:${fold(entity.type, name)}`,
      );
      const key = names.map((name) => corpusAlias.get(name)).find(Boolean) ?? names[0]!;
      for (const name of names) if (!corpusAlias.has(name)) corpusAlias.set(name, key);
      const merged = corpusGroups.get(key) ?? {
        type: entity.type,
        name: entity.name,
        forms: new Set<string>(),
        display: new Map<string, string>(),
      };
      for (const form of group.forms) merged.forms.add(form);
      for (const [form, text] of group.display) merged.display.set(form, text);
      corpusGroups.set(key, merged);
    }
  }

  const failures: ResolutionFailure[] = [];
  const perDocument = tally(perDocumentGroups, footprint, 'document', failures);
  const acrossDocuments = tally([...corpusGroups.values()], footprint, 'corpus', failures);
  return { perDocument, acrossDocuments, failures };
}

/** `type|documentId|folded form` → entity ids that were written that way in that document. */
type Footprint = Map<string, Set<string>>;

function footprintOf(resolution: Resolution): Footprint {
  const footprint: Footprint = new Map();
  for (const entity of resolution.entities) {
    for (const alias of entity.aliases) {
      for (const documentId of alias.documents) {
        const key = `${entity.type}|${documentId}|${fold(entity.type, alias.name)}`;
        const ids = footprint.get(key) ?? new Set<string>();
        ids.add(entity.id);
        footprint.set(key, ids);
      }
    }
  }
  return footprint;
}

function tally(
  groups: GoldGroup[],
  footprint: Footprint,
  scope: ResolutionFailure['scope'],
  failures: ResolutionFailure[],
): Tally {
  // Which gold groups own each form, to tell a conflation from a form two gold entities share.
  const owners = new Map<string, Set<GoldGroup>>();
  for (const group of groups) {
    for (const form of group.forms) {
      const key = `${group.type}|${form}`;
      owners.set(key, (owners.get(key) ?? new Set()).add(group));
    }
  }
  const formsOfEntity = new Map<string, string[]>();
  for (const [key, ids] of footprint) {
    for (const id of ids) {
      const forms = formsOfEntity.get(id);
      if (forms) forms.push(key);
      else formsOfEntity.set(id, [key]);
    }
  }

  let exact = 0;
  let exactGivenExtraction = 0;
  for (const group of groups) {
    const forms = [...group.forms].map((form) => ({
      form,
      entities: [...(footprint.get(`${group.type}|${form}`) ?? [])].sort(),
    }));
    const entities = new Set(forms.flatMap((form) => form.entities));
    const found = forms.filter((form) => form.entities.length > 0);
    const conflatedWith = new Set<string>();
    if (entities.size === 1) {
      const documents = new Set([...group.forms].map((form) => form.split('|')[0]!));
      for (const key of formsOfEntity.get([...entities][0]!) ?? []) {
        // Per document, the same entity's forms in other documents belong to other gold rows.
        if (scope === 'document' && !documents.has(key.split('|')[1]!)) continue;
        const others = owners.get(key);
        if (!others || others.has(group)) continue;
        for (const other of others) conflatedWith.add(other.name);
      }
    }
    const one = entities.size === 1 && conflatedWith.size === 0;
    if (one) exactGivenExtraction += 1;
    if (one && found.length === forms.length) {
      exact += 1;
      continue;
    }
    const kind =
      found.length === 0
        ? 'missing'
        : entities.size > 1
          ? 'split'
          : conflatedWith.size > 0
            ? 'conflated'
            : 'incomplete';
    failures.push({
      scope,
      type: group.type,
      name: group.name,
      documents: [...new Set([...group.forms].map((form) => form.split('|')[0]!))].sort(),
      kind,
      forms: forms.map(({ form, entities: ids }) => ({
        documentId: form.split('|')[0]!,
        form: group.display.get(form) ?? form,
        entities: ids,
      })),
      conflatedWith: [...conflatedWith].sort(),
    });
  }
  const total = groups.length;
  const ratio = (n: number) => (total === 0 ? 1 : n / total);
  return {
    total,
    exact,
    fraction: ratio(exact),
    exactGivenExtraction,
    fractionGivenExtraction: ratio(exactGivenExtraction),
  };
}

/** Folds a form the way the resolver keys names, so "the Juárez cartel" meets "Juárez cartel". */
function fold(type: EntityType, text: string): string {
  return foldName(cleanName(text, type).display);
}
