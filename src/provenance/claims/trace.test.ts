import { describe, expect, it } from 'vitest';
import { findReuse } from '../index.js';
import { fixture } from './test-documents.js';
import { CrosscheckError } from '../../core/index.js';
import { ClaimTracer, formatTrace, traceClaims, type ProvenanceDocument } from './index.js';

// A fictional story: a private intelligence firm's e-mail from coded source ZX9 leaks; three
// outlets re-quote it, each citing the one before; a fourth outlet has its own on-record source.
const SENTENCE =
  'There are close to 600 federal agents working out of Ojinaga right now, and most of them never leave the consulate compound after dark because the plaza belongs to the Ojinaga cell.';

const LEAK = fixture({
  id: 'leaks/meridian.mbox#1',
  kind: 'email',
  title: 'INSIGHT - MEXICO - Agents in Ojinaga - ZX9',
  date: '2010-03-22',
  intelCode: 'ZX9',
  text: `CODE: ZX9\nSOURCE RELIABILITY: B\nITEM CREDIBILITY: 3\n\n${SENTENCE}\n\nHandler note: he wants this kept quiet.`,
});
const SENTINEL = fixture({
  id: 'news/2012-04-03-valley-sentinel-leaked-files.html',
  title: 'The Valley Sentinel: what the leaked files say',
  date: '2012-04-03',
  text: `Leaked e-mails from Meridian Analytics quote a source coded ZX9. “${SENTENCE}” ZX9 wrote in March 2010.`,
  quotes: [{ words: SENTENCE, speaker: 'ZX9', verb: 'wrote' }],
  sources: [['Meridian Analytics', 'e-mails from']],
});
const COURIER = fixture({
  id: 'news/2012-04-05-plains-courier-agents.txt',
  date: '2012-04-05',
  text: `“${SENTENCE}” according to The Valley Sentinel, which obtained the files.`,
  quotes: [{ words: SENTENCE, speaker: 'The Valley Sentinel', verb: 'according to' }],
});
const WIRE_QUOTE =
  'Close to 600 federal agents — working out of Ojinaga right now; most of them never leave the consulate compound after dark';
const WIRE = fixture({
  id: 'news/2012-04-09-mesa-wire.md',
  date: '2012-04-09',
  text: `Lawmakers were alarmed. “${WIRE_QUOTE}.” The figure was first reported by the Plains Courier last week.`,
  quotes: [{ words: WIRE_QUOTE, speaker: null, verb: null }],
  sources: [['Plains Courier', 'reported by']],
});
// The same words, trimmed: one changed word in a quote this short would make it another quote.
const INDEPENDENT_QUOTE = 'There are close to 600 federal agents working out of Ojinaga right now';
const TIMES = fixture({
  id: 'news/2012-04-10-desert-times.txt',
  date: '2012-04-10',
  text: `“${INDEPENDENT_QUOTE},” said Ana Ruiz, a spokeswoman for the interior ministry, at a briefing.`,
  quotes: [{ words: INDEPENDENT_QUOTE, speaker: 'Ana Ruiz' }],
});

function trace(documents: ProvenanceDocument[]) {
  const reuse = findReuse(documents.map(({ id, text, date }) => ({ id, text, date })));
  return traceClaims(documents, reuse);
}

describe('traceClaims on a leaked e-mail re-quoted from outlet to outlet', () => {
  const result = trace([TIMES, WIRE, COURIER, LEAK, SENTINEL]);
  const cluster = result.clusters[0]!;

  it('gathers the e-mail and every re-quote, trimmed and re-punctuated, into one cluster', () => {
    expect(result.clusters).toHaveLength(1);
    expect(cluster.documents.map((d) => d.id)).toEqual([
      LEAK.id,
      SENTINEL.id,
      COURIER.id,
      WIRE.id,
      TIMES.id,
    ]);
    expect(cluster.kind).toBe('quote');
    expect(cluster.speaker).toBe('ZX9');
    expect(cluster.earliest).toEqual({ documentId: LEAK.id, date: '2010-03-22' });
    expect(cluster.members.find((m) => m.documentId === LEAK.id)).toMatchObject({
      kind: 'reprint',
      speaker: 'ZX9',
    });
  });

  it('takes the intel e-mail whose CODE is the speaker as the origin document', () => {
    expect(cluster.origin).toMatchObject({
      speaker: 'ZX9',
      documentId: LEAK.id,
      date: '2010-03-22',
    });
  });

  it('follows who cites whom: the leak → Sentinel → Courier → Wire', () => {
    expect(cluster.chain).toEqual(
      expect.arrayContaining([
        { from: LEAK.id, to: 'Meridian Analytics', relation: 'quotes' },
        { from: 'Meridian Analytics', to: SENTINEL.id, relation: 'cites' },
        { from: SENTINEL.id, to: COURIER.id, relation: 'quotes' },
        { from: COURIER.id, to: WIRE.id, relation: 'quotes' },
        { from: 'Ana Ruiz', to: TIMES.id, relation: 'quotes' },
      ]),
    );
    expect(cluster.chain).toHaveLength(5);
  });

  it('counts two independent origins behind five documents, and says why', () => {
    expect(cluster.independentOrigins).toBe(2);
    expect(cluster.originGroups).toEqual([
      { speaker: 'ZX9', documentIds: [LEAK.id, SENTINEL.id, COURIER.id, WIRE.id] },
      { speaker: 'Ana Ruiz', documentIds: [TIMES.id] },
    ]);
    expect(cluster.circular).toBe(true);
    const why = (id: string) => cluster.reasoning.filter((r) => r.documentId === id);
    expect(why(LEAK.id)).toContainEqual(
      expect.objectContaining({ reason: 'origin-document', basedOn: 'ZX9' }),
    );
    expect(why(COURIER.id)).toContainEqual(
      expect.objectContaining({ reason: 'cites-carrier', basedOn: SENTINEL.id }),
    );
    expect(why(WIRE.id)).toContainEqual(
      expect.objectContaining({ reason: 'cites-carrier', basedOn: COURIER.id }),
    );
    expect(why(TIMES.id)).toContainEqual(
      expect.objectContaining({ reason: 'independent-origin', basedOn: 'Ana Ruiz' }),
    );
    expect(why(TIMES.id).some((r) => r.reason === 'same-origin')).toBe(false);
    expect(cluster.summary).toContain(
      '5 documents carry this quote attributed to ZX9, resting on 2 independent origins',
    );
  });

  it('formats the tree with the leak at the root and the independent outlet beside it', () => {
    const lines = formatTrace(cluster).split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        `${LEAK.id} (2010-03-22) “INSIGHT - MEXICO - Agents in Ojinaga - ZX9”`,
        '└─ quotes → Meridian Analytics',
        `   └─ cites → ${SENTINEL.id} (2012-04-03) “The Valley Sentinel: what the leaked files say”`,
        `      └─ quotes → ${COURIER.id} (2012-04-05)`,
        `         └─ quotes → ${WIRE.id} (2012-04-09)`,
        'Ana Ruiz',
        `└─ quotes → ${TIMES.id} (2012-04-10)`,
        'independent origins: 2 of 5 documents — CIRCULAR',
      ]),
    );
  });

  it('does not depend on the order documents arrive in', () => {
    const again = trace([SENTINEL, LEAK, TIMES, COURIER, WIRE]).clusters[0]!;
    expect(again).toEqual(cluster);
  });
});

describe('traceClaims with an independent outlet that names its own intermediary', () => {
  it('hangs it under its own speaker, not under the leak', () => {
    const wired = fixture({
      id: 'news/2012-04-11-border-wire.txt',
      date: '2012-04-11',
      text: `“${INDEPENDENT_QUOTE},” Ana Ruiz told reporters, according to Reuters.`,
      quotes: [{ words: INDEPENDENT_QUOTE, speaker: 'Ana Ruiz' }],
    });
    const cluster = trace([LEAK, SENTINEL, wired]).clusters[0]!;
    expect(cluster.independentOrigins).toBe(2);
    expect(cluster.chain).toEqual(
      expect.arrayContaining([
        { from: 'Ana Ruiz', to: 'Reuters', relation: 'quotes' },
        { from: 'Reuters', to: wired.id, relation: 'cites' },
      ]),
    );
  });
});

describe('traceClaims clustering', () => {
  it('keeps different quotations apart and leaves one-carrier quotes alone, uncircular', () => {
    const a = fixture({
      id: 'a',
      date: '2012-01-01',
      text: '“The river crossing at Guadalupe is closed to all trucks this week,” the mayor said.',
      quotes: [
        {
          words: 'The river crossing at Guadalupe is closed to all trucks this week',
          speaker: 'Mayor Ortiz',
        },
      ],
    });
    const b = fixture({
      id: 'b',
      date: '2012-01-02',
      text: '“We have never seen so many rifles come through one gun shop in a month,” the agent said.',
      quotes: [
        {
          words: 'We have never seen so many rifles come through one gun shop in a month',
          speaker: 'Agent Lind',
        },
      ],
    });
    const { clusters } = trace([a, b]);
    expect(clusters.map((c) => c.documents.map((d) => d.id))).toEqual([['a'], ['b']]);
    expect(clusters.every((c) => c.independentOrigins === 1 && !c.circular)).toBe(true);
    expect(
      traceClaims([a, b], { pairs: [], passages: [] }, { includeSingletons: false }).clusters,
    ).toEqual([]);
  });

  it('matches a short quote contained in a longer one', () => {
    const long = fixture({
      id: 'long',
      date: '2012-01-01',
      text: '“The shipment left Manzanillo on Tuesday and the navy let it through without a search,” Ruiz said.',
      quotes: [
        {
          words:
            'The shipment left Manzanillo on Tuesday and the navy let it through without a search',
          speaker: 'Ruiz',
        },
      ],
    });
    const short = fixture({
      id: 'short',
      date: '2012-01-03',
      text: 'Ruiz told reporters that “the navy let it through without a search.”',
      quotes: [{ words: 'the navy let it through without a search', speaker: 'Ruiz' }],
    });
    const [cluster] = trace([long, short]).clusters;
    expect(cluster!.documents.map((d) => d.id)).toEqual(['long', 'short']);
    expect(cluster!.text).toBe(
      'The shipment left Manzanillo on Tuesday and the navy let it through without a search',
    );
    expect(cluster!.independentOrigins).toBe(1);
  });

  it('keeps two quotes of one formula apart, one changed word in eight', () => {
    const quote = (id: string, words: string) =>
      fixture({ id, date: null, text: `“${words},” he said.`, quotes: [{ words, speaker: null }] });
    const { clusters } = trace([
      quote('a', 'We are not going to negotiate with anyone'),
      quote('b', 'We are not going to negotiate with criminals'),
    ]);
    expect(clusters.map((c) => c.documents.map((d) => d.id))).toEqual([['a'], ['b']]);
  });

  it('does not chain two quotes through a fragment both contain: each carries the fragment', () => {
    const quote = (id: string, words: string) =>
      fixture({ id, date: null, text: `«${words}», dijo.`, quotes: [{ words, speaker: null }] });
    const { clusters } = trace([
      quote('pasar', 'nunca recibió la orden de dejar pasar las armas'),
      quote('cruzar', 'nunca recibió la orden de dejar cruzar las armas'),
      quote('fragment', 'nunca recibió la orden de dejar'),
    ]);
    const about = (words: string) => clusters.find((c) => c.text === words)!;
    expect(about('nunca recibió la orden de dejar pasar las armas').documents).toHaveLength(1);
    expect(about('nunca recibió la orden de dejar cruzar las armas').documents).toHaveLength(1);
    const fragment = about('nunca recibió la orden de dejar');
    expect(fragment.members.map((m) => [m.documentId, m.encloses])).toEqual([
      ['cruzar', true],
      ['fragment', false],
      ['pasar', true],
    ]);
  });

  it('lets a reprinted e-mail carry each quote it contains without merging their clusters', () => {
    const first = 'the plaza in Juárez was handed to the Sinaloa cartel last spring';
    const second = 'nobody at the consulate will say how many agents are armed';
    const email = fixture({
      id: 'email',
      date: '2010-04-19',
      text:
        `Source says ${first}, and that the federal police were told to stand aside while it happened. ` +
        `He adds that ${second}, and that the count of agents is kept off the books on purpose.`,
      claims: [
        {
          words:
            `${first}, and that the federal police were told to stand aside while it happened. ` +
            `He adds that ${second}, and that the count of agents is kept off the books on purpose`,
          speaker: 'MX1',
        },
      ],
    });
    const quote = (id: string, words: string) =>
      fixture({
        id,
        date: '2012-10-05',
        text: `“${words},” MX1 wrote.`,
        quotes: [{ words, speaker: 'MX1' }],
      });
    const { clusters } = trace([email, quote('one', first), quote('two', second)]);
    const ids = (words: string) =>
      clusters.find((c) => c.text === words)!.documents.map((d) => d.id);
    expect(ids(first)).toEqual(['email', 'one']);
    expect(ids(second)).toEqual(['email', 'two']);
  });

  it('makes the same clusters whatever order the documents come in', () => {
    // Formulaic quotes, their fragments, and long quotations of several: the shapes that once
    // chained. Posting lists hold every copy here: a capped list keeps the first statements read,
    // and which those are does depend on the order.
    let state = 7;
    const next = () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
    const quote = () =>
      `we are not going to ${pick(['negotiate', 'make deals', 'talk'])} with ${pick(['anyone', 'criminals', 'the Gulf cartel'])}`;
    const documents = Array.from({ length: 240 }, (_, i) => {
      const id = `doc-${String(i).padStart(3, '0')}`;
      const date = `2012-0${1 + (i % 9)}-1${i % 10}`;
      const shape = next();
      const words =
        shape < 0.5
          ? quote()
          : shape < 0.7
            ? quote().split(' ').slice(0, 5).join(' ')
            : `${quote()}, and ${quote()}, and the count of agents on the ground is kept off the books on purpose by ${pick(['the consulate', 'the army', 'the state police'])}`;
      return fixture({
        id,
        date,
        text: `“${words},” he said.`,
        quotes: [{ words, speaker: null }],
      });
    });
    const shapeOf = (documents: ProvenanceDocument[]) =>
      traceClaims(documents, findReuse([]), { maxPostings: 1000 })
        .clusters.map(
          (c) =>
            `${c.id}: ${c.members.map((m) => `${m.documentId}${m.encloses ? '>' : ''}`).join(' ')}`,
        )
        .sort();
    const forward = shapeOf(documents);
    expect(forward.length).toBeGreaterThan(5);
    expect(forward.some((c) => c.includes('>'))).toBe(true);
    expect(shapeOf([...documents].reverse())).toEqual(forward);
  });

  it('counts two speakers saying the same words as two origins, and an unattributed copy as its own', () => {
    const words = 'the border wall will not stop a single kilo of fentanyl from crossing';
    const doc = (id: string, speaker: string | null, verb: string) =>
      fixture({
        id,
        date: null,
        text: `In a statement, “${words},” ${verb}.`,
        claims: [{ words, speaker, verb: 'claimed' }],
      });
    const { clusters } = trace([
      doc('x', 'Senator Ames', 'Ames said'),
      doc('y', 'Governor Pike', 'Pike said'),
      doc('z', null, 'it read'),
    ]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.kind).toBe('claim');
    expect(clusters[0]!.independentOrigins).toBe(3);
    expect(clusters[0]!.circular).toBe(false);
    expect(clusters[0]!.reasoning).toContainEqual(
      expect.objectContaining({ documentId: 'z', reason: 'unattributed', basedOn: null }),
    );
  });

  it('gathers a quotation run by hundreds of outlets into one cluster without all-pairs work', () => {
    const words = 'we will not negotiate with any cartel under any circumstances whatsoever';
    const outlets = Array.from({ length: 300 }, (_, i) =>
      fixture({
        id: `outlet-${String(i).padStart(3, '0')}`,
        date: null,
        text: `“${words},” the minister said.`,
        quotes: [{ words, speaker: 'Minister Vega' }],
      }),
    );
    const { clusters } = traceClaims(outlets, { pairs: [], passages: [] }, { maxPostings: 8 });
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.documents).toHaveLength(300);
    expect(clusters[0]!.independentOrigins).toBe(1);
    expect(clusters[0]!.circular).toBe(true);
  });
});

describe('traceClaims on a leaked e-mail the extractor read only a scrap of', () => {
  // The generated corpus's miss (10,000 e-mails, seed 1: d0000643 → d0002612): the source's
  // e-mail holds a paragraph an outlet reprints under "attributed to US902"; the extractor takes
  // the reprint's first line for US902's quote, and in the e-mail itself finds only a scrap of
  // reported speech in the middle of the paragraph. The scrap must not stand for the whole
  // paragraph: the rest of it carries the outlet's quote, so the e-mail is in the quote's cluster.
  const paragraph = (bracket: string) =>
    'I was told last month that Heather Brennan for the Juárez cartel had dinner with people ' +
    'from CBP in Del Rio at 1:45 p.m., according to Southwest Public Radio on May 15. Rebecca B. ' +
    `Lindqvist moved about ${bracket}$35.6 million through a currency exchange in Tijuana ` +
    'yesterday, according to The Gulf Coast Sentinel on August 2. The guns from the Las Cruces ' +
    'shops are turning up at shootouts in Ciudad Juárez and Nuevo Casas Grandes, Robert Pruitt ' +
    'said on July 22.';
  const FIRST_LINE = 'I was told last month that Heather Brennan for the Juárez cartel had dinner';
  const email = fixture({
    id: 'mail/0000/d0000643.eml',
    kind: 'email',
    date: '2010-05-20',
    intelCode: 'US902',
    text: `CODE: US902\nSOURCE RELIABILITY: A\n\nOn the border crossings, nothing new.\n\n${paragraph('')}\n\n--\nMatthew D. Lindqvist`,
    claims: [
      {
        words: 'currency exchange in Tijuana yesterday',
        speaker: 'Coast Sentinel',
        verb: 'according to',
      },
    ],
  });
  const outlet = fixture({
    id: 'mail/0002/d0002612.eml',
    kind: 'email',
    date: '2010-09-02',
    text: `Can you pull together what we have before the meeting?\n\nThe Mesa Tribune is running this today, attributed to US902:\n\n${paragraph('[in Chihuahua] ')}\n\n--\nKatherine P. Whitfield`,
    quotes: [{ words: FIRST_LINE, speaker: 'US902', verb: null }],
  });

  it('puts the e-mail in the cluster of the quote the outlet took from it', () => {
    const { clusters } = trace([outlet, email]);
    const quote = clusters.find((c) => c.text === FIRST_LINE)!;
    expect(quote.documents.map((d) => d.id)).toEqual([email.id, outlet.id]);
    expect(quote.members.find((m) => m.documentId === email.id)).toMatchObject({
      kind: 'reprint',
      speaker: 'US902',
    });
    expect(quote.origin).toMatchObject({ speaker: 'US902', documentId: email.id });
    // The scrap stays a claim of its own: the reprint carries it, it does not become the quote.
    const scrap = clusters.find((c) => c.text === 'currency exchange in Tijuana yesterday')!;
    expect(scrap.members.filter((m) => !m.encloses).map((m) => m.documentId)).toEqual([email.id]);
  });
});

describe('traceClaims on a reprinted paragraph holding two different claims', () => {
  it('does not make them one claim through a reprint of the paragraph', () => {
    // Each outlet's extractor read a different claim of the paragraph, each well over a quarter
    // of it: neither document's reading is a scrap, so neither gets a reprint of the whole
    // paragraph, which would hold both claims as trimmed copies and join them.
    const first =
      'Municipal police officers in Reynosa were sent home on Monday night after the army accused them of tipping off the Gulf cartel';
    const second =
      'the route has been fought over by Barrio Azteca and its rivals since March 2009, leaving dozens of people dead across the valley';
    const paragraph = `${first}, and officials said nothing more about it; ${second}.`;
    const a = fixture({
      id: 'a',
      date: '2010-03-01',
      text: `From our correspondent in Chihuahua.\n\n${paragraph}\n\nMore to follow.`,
      claims: [{ words: first, speaker: 'SEMAR', verb: 'according to' }],
    });
    const b = fixture({
      id: 'b',
      date: '2010-03-04',
      text: `This is going around, unsigned:\n\n${paragraph}\n\n--\nK.`,
      claims: [{ words: second, speaker: 'Radio Bravo', verb: 'according to' }],
    });
    const { clusters } = trace([a, b]);
    const peersOf = (words: string) =>
      clusters
        .find((c) => c.members.some((m) => !m.encloses && m.text === words))!
        .members.filter((m) => !m.encloses)
        .map((m) => m.text);
    expect(peersOf(first)).toEqual([first]);
    expect(peersOf(second)).toEqual([second]);
  });
});

describe('traceClaims on words too short to match', () => {
  it('gives clusters saying the same few words distinct ids, the same on every run', () => {
    const short = (id: string, date: string) =>
      fixture({
        id,
        date,
        text: `The minister said “the” and left the room before anyone could ask again.`,
        quotes: [{ words: 'the', speaker: 'The minister' }],
      });
    const documents = [short('news/a.txt', '2012-01-01'), short('news/b.txt', '2012-01-02')];
    const first = traceClaims(documents, findReuse([]), { includeSingletons: true });
    const ids = first.clusters.map((c) => c.id);
    expect(ids.length).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
    const again = traceClaims(documents, findReuse([]), { includeSingletons: true });
    expect(again.clusters.map((c) => c.id)).toEqual(ids);
  });
});

describe('ClaimTracer', () => {
  it('builds the same clusters as traceClaims, then refuses documents it could no longer trace', () => {
    const documents = [LEAK, SENTINEL, COURIER, WIRE];
    const reuse = findReuse(documents.map(({ id, text, date }) => ({ id, text, date })));
    const tracer = new ClaimTracer(reuse);
    for (const document of documents) tracer.add(document);
    const clusters = [...tracer.clusters()];
    expect(clusters.length).toBeGreaterThan(0);
    expect(new Set(clusters.map((c) => c.id))).toEqual(
      new Set(traceClaims(documents, reuse).clusters.map((c) => c.id)),
    );
    expect(() => tracer.add(WIRE)).toThrow(CrosscheckError);
  });
});
