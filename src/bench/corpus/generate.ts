/**
 * The corpus as a stream of documents. Nothing is kept but a bounded pool of passages to re-print
 * and a bounded ring of recent messages to reply to, so a million documents cost the same memory
 * as a thousand.
 */
import { z } from 'zod';
import { Random } from './random.js';
import { buildAttachments, buildEmail, type Insert, type ThreadRef } from './generate-email.js';
import { buildArticle } from './generate-article.js';
import {
  PassagePool,
  makeVariant,
  type Passage,
  type PlantKind,
  type PlantedPair,
} from './plant.js';
import type { CorpusLanguage } from './text.js';

export const CORPUS_FORMATS = ['eml', 'mbox', 'mixed'] as const;
export type CorpusFormat = (typeof CORPUS_FORMATS)[number];

export const CorpusOptionsSchema = z.object({
  /** How many documents (e-mails and articles; attachments are not counted). */
  docs: z.number().int().min(1).max(100_000_000),
  /** Any string; the same seed gives the same bytes. */
  seed: z.union([z.string().min(1), z.number()]).transform(String),
  /**
   * `eml`: one `.eml` file per e-mail, one file per article. `mbox`: e-mails only, in mbox files
   * of `messagesPerMbox` messages (for a million documents without a million files). `mixed`:
   * e-mails in mbox files, articles as files.
   */
  format: z.enum(CORPUS_FORMATS).default('eml'),
  messagesPerMbox: z.number().int().min(1).max(1_000_000).default(1000),
  /** Share of documents that are news articles (ignored, i.e. 0, for `mbox`). */
  articleShare: z.number().min(0).max(1).default(0.25),
  /** Share of documents in Spanish. */
  spanishShare: z.number().min(0).max(1).default(0.35),
  /** Share of e-mails that are Stratfor-style intelligence reports. */
  intelShare: z.number().min(0).max(1).default(0.2),
  /** Share of e-mails with an attachment (drawn from a small shared set). */
  attachmentShare: z.number().min(0).max(1).default(0.05),
  /** Share of documents that re-print a passage of an earlier one. */
  plantShare: z.number().min(0).max(1).default(0.06),
});
export type CorpusOptions = z.input<typeof CorpusOptionsSchema>;
export type ResolvedCorpusOptions = z.output<typeof CorpusOptionsSchema>;

export interface GeneratedDocument {
  /** 0-based position in the corpus. */
  index: number;
  /** `d0000042`. */
  id: string;
  kind: 'email' | 'article';
  /** How it is stored: its own `.eml`/`.txt`/`.html` file, or a message in an mbox file. */
  container: 'eml' | 'mbox' | 'txt' | 'html';
  /** Path relative to `DIR/docs/`; for an mbox message `mbox/box-0000.mbox#12` (1-based). */
  path: string;
  /** For an mbox message, the mbox file it goes into; otherwise equal to `path`. */
  file: string;
  language: CorpusLanguage;
  /** ISO 8601 date of sending or publication. */
  date: string;
  intel: boolean;
  sourceCode: string | null;
  messageId: string | null;
  /** The envelope sender for the mbox `From ` line. */
  sender: string | null;
  attachment: string | null;
  title: string;
  /** The readable text (e-mail body or article), unwrapped. */
  text: string;
  /** The bytes as stored: the file, or the message inside the mbox (From-escaped, no separator). */
  bytes: Buffer;
  /** Pairs in which this document is `b`, the re-printer. */
  plants: PlantedPair[];
}

/** The corpus covers mid-2009 to late 2012, the years of the Stratfor leak. */
const START = Date.UTC(2009, 5, 1);
const END = Date.UTC(2012, 9, 31);

export function documentId(index: number): string {
  return `d${String(index).padStart(7, '0')}`;
}

function shard(index: number): string {
  return String(Math.floor(index / 1000)).padStart(4, '0');
}

/** Generates the corpus synchronously (the fast path the writer uses). */
export function* generateCorpusSync(options: CorpusOptions): Generator<GeneratedDocument> {
  const o = CorpusOptionsSchema.parse(options);
  const rng = new Random(o.seed);
  const tag = rng.uint32().toString(16).padStart(8, '0');
  const attachments = buildAttachments(Random.derive(o.seed, 'attachments'));
  const pool = new PassagePool();
  const threads: ThreadRef[] = [];
  const articleShare = o.format === 'mbox' ? 0 : o.articleShare;
  const step = (END - START) / o.docs;
  let emails = 0;

  for (let index = 0; index < o.docs; index++) {
    const id = documentId(index);
    const language: CorpusLanguage = rng.chance(o.spanishShare) ? 'es' : 'en';
    // Documents move forward in time, so a re-print is always later than its origin.
    const date = new Date(Math.floor(START + index * step + rng.float() * step));
    const isArticle = rng.chance(articleShare);

    let insert: Insert | null = null;
    let plant: { origin: Passage; kind: PlantKind; edits: string[] } | null = null;
    if (rng.chance(o.plantShare)) {
      const origin = pool.pick(rng, language);
      if (origin) {
        const kind: PlantKind = origin.sourceCode && rng.chance(0.7) ? 'requote' : 'near-duplicate';
        const { variant, edits } = makeVariant(rng, origin.text, language, kind);
        insert = { variant, kind, sourceCode: origin.sourceCode };
        plant = { origin, kind, edits };
      }
    }

    let doc: GeneratedDocument;
    let originals: string[];
    if (isArticle) {
      const html = rng.chance(0.5);
      const built = buildArticle({ rng, language, date, html, insert });
      const path = `articles/${shard(index)}/${id}.${html ? 'html' : 'txt'}`;
      originals = built.originals;
      doc = {
        index,
        id,
        kind: 'article',
        container: html ? 'html' : 'txt',
        path,
        file: path,
        language,
        date: date.toISOString(),
        intel: false,
        sourceCode: null,
        messageId: null,
        sender: null,
        attachment: null,
        title: built.title,
        text: built.text,
        bytes: Buffer.from(built.content, 'utf8'),
        plants: [],
      };
    } else {
      const intel = rng.chance(o.intelShare);
      const attachment = rng.chance(o.attachmentShare) ? rng.pick(attachments) : null;
      const replyTo = !intel && threads.length > 0 && rng.chance(0.25) ? rng.pick(threads) : null;
      const messageId = `<${id}.${tag}@meridian-risk.example>`;
      const built = buildEmail({
        rng,
        id,
        language,
        date,
        messageId,
        intel,
        attachment,
        replyTo,
        insert,
      });
      if (threads.length < 64) threads.push(built.thread);
      else threads[index % 64] = built.thread;
      originals = built.originals;
      let container: GeneratedDocument['container'];
      let path: string;
      let file: string;
      let bytes: Buffer;
      if (o.format === 'eml') {
        container = 'eml';
        path = file = `mail/${shard(index)}/${id}.eml`;
        bytes = Buffer.from(built.message.replace(/\n/g, '\r\n'), 'utf8');
      } else {
        container = 'mbox';
        const box = Math.floor(emails / o.messagesPerMbox);
        file = `mbox/box-${String(box).padStart(4, '0')}.mbox`;
        // 1-based, as Crosscheck's ingest names mbox messages (`box.mbox#1` is the first).
        path = `${file}#${(emails % o.messagesPerMbox) + 1}`;
        // mboxrd quoting: a body line starting with "From " (after any ">") gains one more ">".
        bytes = Buffer.from(built.message.replace(/^(>*From )/gm, '>$1'), 'utf8');
      }
      emails++;
      doc = {
        index,
        id,
        kind: 'email',
        container,
        path,
        file,
        language,
        date: date.toISOString(),
        intel,
        sourceCode: built.sourceCode,
        messageId,
        sender: built.from,
        attachment: attachment?.filename ?? null,
        title: built.subject,
        text: built.text,
        bytes,
        plants: [],
      };
    }

    if (plant && insert) {
      const origin = plant.origin;
      const common = {
        kind: plant.kind,
        origin: origin.path,
        variant: insert.variant,
        edits: plant.edits,
      };
      for (const sibling of origin.reprints) {
        doc.plants.push({
          a: sibling.path,
          b: doc.path,
          ...common,
          passage: sibling.variant,
          aId: sibling.id,
          bId: id,
          aMessageId: sibling.messageId,
          bMessageId: doc.messageId,
        });
      }
      doc.plants.push({
        a: origin.path,
        b: doc.path,
        ...common,
        passage: origin.text,
        aId: origin.id,
        bId: id,
        aMessageId: origin.messageId,
        bMessageId: doc.messageId,
      });
      origin.reprints.push({
        id,
        path: doc.path,
        messageId: doc.messageId,
        variant: insert.variant,
      });
    }
    // Only fresh paragraphs become origins, so every re-print has exactly one known origin.
    if (originals.length > 0 && (doc.intel || rng.chance(0.3))) {
      pool.add({
        id,
        path: doc.path,
        messageId: doc.messageId,
        language,
        text: rng.pick(originals),
        sourceCode: doc.sourceCode,
        reprints: [],
      });
    }
    yield doc;
  }
}

/** The corpus as an async stream, for benchmarks that consume it in-process. */
export async function* generateCorpus(options: CorpusOptions): AsyncGenerator<GeneratedDocument> {
  let n = 0;
  for (const doc of generateCorpusSync(options)) {
    yield doc;
    // Let timers and I/O run now and then on long runs.
    if (++n % 5000 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * `count` news-article-sized texts (about 3–6 KB each, English and Spanish), in memory, for
 * extraction benchmarks. Same arguments, same texts.
 */
export function generateArticleTexts(
  count: number,
  seed: string | number = 1,
  language: CorpusLanguage | 'mixed' = 'mixed',
): string[] {
  const rng = new Random(`${String(seed)}\u0000articles`);
  const out: string[] = [];
  const step = (END - START) / Math.max(1, count);
  for (let i = 0; i < count; i++) {
    const lang: CorpusLanguage = language === 'mixed' ? (rng.chance(0.35) ? 'es' : 'en') : language;
    const date = new Date(Math.floor(START + i * step));
    out.push(
      buildArticle({
        rng,
        language: lang,
        date,
        html: false,
        insert: null,
        targetChars: rng.int(2900, 5600),
      }).text,
    );
  }
  return out;
}
