import { foldForMatch } from '../../core/index.js';
import type { Carriers } from './carriers.js';
import type { ResolvedTraceOptions } from './options.js';
import { UnionFind } from './union-find.js';
import type { ClaimMember, ClaimOrigin, OriginGroup, Reasoning } from './types.js';

export interface Independence {
  originGroups: OriginGroup[];
  independentOrigins: number;
  circular: boolean;
  reasoning: Reasoning[];
}

/**
 * How many independent origins stand behind the carrying documents. Two documents rest on one
 * origin when
 * - they attribute the words to the same speaker — and a verbatim copy that names nobody is
 *   presumed to carry the words of whoever the other carriers name: the same words are one
 *   utterance, however many print them;
 * - they carry the same reused passage (a shared passage is never independent support);
 * - they name the same intermediary next to the words ("according to Business Insider"), or one
 *   names an outlet whose document is an earlier carrier.
 * A source named only elsewhere in a document is shown but not counted: too weak a tie.
 * Documents left with none of these ties count as origins of their own.
 */
export function weighIndependence(
  carriers: Carriers,
  speaker: string | null,
  origin: ClaimOrigin,
  passagesOf: (member: ClaimMember) => readonly number[],
  options: ResolvedTraceOptions,
): Independence {
  const { documents, membersOf, names } = carriers;
  const sets = new UnionFind();
  const reasoning: Reasoning[] = [];
  const said = new Set<string>();
  const carriersOfPassage = new Map<number, string[]>();
  for (const doc of documents) {
    for (const m of membersOf.get(doc.id) ?? []) {
      for (const group of passagesOf(m)) {
        const list = carriersOfPassage.get(group);
        if (!list) carriersOfPassage.set(group, [doc.id]);
        else if (list.at(-1) !== doc.id) list.push(doc.id);
      }
    }
  }
  // A large cluster names the same few speakers and sources thousands of times: each is folded once.
  const folded = new Map<string, string>();
  const fold = (name: string): string => {
    let value = folded.get(name);
    if (value === undefined) folded.set(name, (value = foldForMatch(name)));
    return value;
  };
  const foldedSpeaker = speaker === null ? null : fold(speaker);
  const speakerOf = new Map<string, string>();

  documents.forEach((doc, position) => {
    const node = `doc:${doc.id}`;
    sets.add(node);
    // The explanation is written only for a reason not yet given for this document.
    const say = (reason: Reasoning['reason'], basedOn: string | null, explain: () => string) => {
      const key = `${doc.id}\u0000${reason}\u0000${basedOn}`;
      if (said.has(key)) return;
      said.add(key);
      reasoning.push({ documentId: doc.id, reason, basedOn, explanation: explain() });
    };
    let tied = false;
    if (origin.documentId === doc.id) {
      say(
        'origin-document',
        origin.speaker,
        () => `is the origin: ${origin.speaker ?? 'its author'}'s own text`,
      );
    }
    for (const m of membersOf.get(doc.id) ?? []) {
      const effective = m.speaker ?? (m.kind === 'claim' ? null : speaker);
      if (effective !== null) {
        tied = true;
        if (!speakerOf.has(doc.id)) speakerOf.set(doc.id, effective);
        sets.union(node, `speaker:${fold(effective)}`);
        const how =
          m.speaker === null
            ? 'carries the same words, which other carriers attribute to'
            : 'attributes the words to';
        say('attributes-to', effective, () => `${how} ${effective}`);
      }
      for (const group of passagesOf(m)) {
        const list = carriersOfPassage.get(group)!;
        const other = list[0] !== doc.id ? list[0] : list[1];
        if (other === undefined) continue;
        tied = true;
        sets.union(node, `passage:${group}`);
        say('shared-passage', other, () => `prints a passage also printed in ${other}`);
      }
      const cited = m.citedSource;
      if (cited === null || fold(cited) === foldedSpeaker) continue;
      const carrier = names.before(cited, position);
      if (m.citedScope === 'document') {
        say(
          'cites-source',
          cited,
          () => `names ${cited} as a source elsewhere in the text (not counted as a tie)`,
        );
      } else if (carrier) {
        tied = true;
        sets.union(node, `doc:${carrier.id}`);
        say(
          'cites-carrier',
          carrier.id,
          () => `cites ${cited}, whose ${carrier.id} carries it earlier`,
        );
      } else {
        tied = true;
        sets.union(node, `source:${fold(cited)}`);
        say('cites-source', cited, () => `got the words via ${cited} (${m.citedCue})`);
      }
    }
    if (!tied && origin.documentId !== doc.id) {
      say(
        'unattributed',
        null,
        () => 'names no speaker, shares no passage and cites no source near the words',
      );
    }
  });

  const groups = new Map<string, OriginGroup>();
  const firstOfGroup = new Map<string, string>();
  for (const doc of documents) {
    const root = sets.find(`doc:${doc.id}`);
    const group = groups.get(root);
    if (group) {
      group.documentIds.push(doc.id);
      group.speaker ??= speakerOf.get(doc.id) ?? null;
      reasoning.push({
        documentId: doc.id,
        reason: 'same-origin',
        basedOn: firstOfGroup.get(root)!,
        explanation: `rests on the same origin as ${firstOfGroup.get(root)}: not independent`,
      });
    } else {
      const who = speakerOf.get(doc.id) ?? null;
      groups.set(root, { speaker: who, documentIds: [doc.id] });
      firstOfGroup.set(root, doc.id);
      reasoning.push({
        documentId: doc.id,
        reason: 'independent-origin',
        basedOn: who,
        explanation: who
          ? `counts as one independent origin: ${who}`
          : 'counts as an independent origin',
      });
    }
  }
  const originGroups = [...groups.values()];
  return {
    originGroups,
    independentOrigins: originGroups.length,
    circular:
      documents.length >= options.circularMinDocuments && originGroups.length < documents.length,
    reasoning,
  };
}
