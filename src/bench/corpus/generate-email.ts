/** One e-mail of the benchmark corpus, as RFC 5322 text (LF line ends; the writer adapts them). */
import type { Random } from './random.js';
import {
  SlotFiller,
  encodeHeader,
  localPart,
  mailbox,
  paragraph,
  personName,
  rfc5322Date,
  wrap,
  type CorpusLanguage,
} from './text.js';
import {
  ANALYST_LISTS,
  CHATTER_EN,
  CHATTER_ES,
  EMAIL_DOMAINS,
  INTEL_SENTENCES_EN,
  INTEL_SENTENCES_ES,
  OUTLETS_EN,
  OUTLETS_ES,
  SENTENCES_EN,
  SENTENCES_ES,
  SOURCE_CODES,
  SOURCE_DESCRIPTIONS,
  SPECIAL_HANDLING,
  TOPICS_EN,
  TOPICS_ES,
} from './vocab.js';

/** A small file attached to some messages; the same one is shared by many (content addressing). */
export interface Attachment {
  filename: string;
  contentType: string;
  /** Base64 of the bytes, wrapped at 76 columns. */
  base64: string;
}

/** What a reply needs from the message it answers. */
export interface ThreadRef {
  messageId: string;
  references: string[];
  subject: string;
}

/** A passage re-printed from an earlier document. */
export interface Insert {
  variant: string;
  kind: 'near-duplicate' | 'requote';
  sourceCode: string | null;
}

export interface EmailInput {
  rng: Random;
  id: string;
  language: CorpusLanguage;
  date: Date;
  messageId: string;
  intel: boolean;
  attachment: Attachment | null;
  replyTo: ThreadRef | null;
  insert: Insert | null;
}

export interface BuiltEmail {
  /** The whole message, headers and body, LF line ends, ending in a newline. */
  message: string;
  /** The body text as a reader sees it (unwrapped paragraphs). */
  text: string;
  subject: string;
  from: string;
  /** Paragraphs written fresh for this message, which later documents may re-print. */
  originals: string[];
  sourceCode: string | null;
  thread: ThreadRef;
}

export function buildEmail(input: EmailInput): BuiltEmail {
  const { rng, language, date } = input;
  const es = language === 'es';
  const filler = new SlotFiller(rng, language, date);
  const senderName = personName(rng, language);
  const senderAddress = `${localPart(senderName)}@${rng.pick(EMAIL_DOMAINS)}`;
  const to = rng.pick(ANALYST_LISTS);
  const paragraphs: string[] = [];
  const originals: string[] = [];
  let subject: string;
  let sourceCode: string | null = null;

  if (input.intel) {
    sourceCode = rng.pick(SOURCE_CODES);
    const topic = rng.pick(es ? TOPICS_ES : TOPICS_EN);
    subject = `INSIGHT - MEXICO - ${topic} - ${sourceCode}`;
    const handler = personName(rng, 'en');
    paragraphs.push(
      [
        `CODE: ${sourceCode}`,
        `PUBLICATION: ${rng.chance(0.3) ? 'Yes' : 'No'}`,
        `ATTRIBUTION: Meridian Risk source in ${es ? 'Mexico' : rng.chance(0.5) ? 'Mexico' : 'the US'}`,
        `SOURCE DESCRIPTION: ${rng.pick(SOURCE_DESCRIPTIONS)}`,
        `SOURCE RELIABILITY: ${rng.pick(['A', 'B', 'B', 'C', 'C', 'D'])}`,
        `ITEM CREDIBILITY: ${rng.int(1, 5)}`,
        `SPECIAL HANDLING: ${rng.pick(SPECIAL_HANDLING)}`,
        `SOURCE HANDLER: ${handler}`,
      ].join('\n'),
    );
    const count = rng.int(2, 3);
    for (let p = 0; p < count; p++) {
      const text = paragraph(rng, filler, es ? INTEL_SENTENCES_ES : INTEL_SENTENCES_EN, 3, 4);
      paragraphs.push(text);
      originals.push(text);
    }
  } else {
    subject = input.replyTo
      ? input.replyTo.subject.startsWith('Re: ')
        ? input.replyTo.subject
        : `Re: ${input.replyTo.subject}`
      : capitalizeTopic(rng.pick(es ? TOPICS_ES : TOPICS_EN));
    paragraphs.push(filler.fill(rng.pick(es ? CHATTER_ES : CHATTER_EN)));
    const text = paragraph(rng, filler, es ? SENTENCES_ES : SENTENCES_EN, 2, 4);
    paragraphs.push(text);
    originals.push(text);
  }

  if (input.insert) {
    const outlet = rng.pick(es ? OUTLETS_ES : OUTLETS_EN);
    const code = input.insert.sourceCode ?? 'the source';
    paragraphs.push(
      input.insert.kind === 'requote'
        ? es
          ? `${outlet} publicó hoy esto, atribuido a ${code}:`
          : `${outlet} is running this today, attributed to ${code}:`
        : es
          ? 'Circula este texto, sin firma:'
          : 'This is going around, unsigned:',
    );
    paragraphs.push(input.insert.variant);
  }
  paragraphs.push(`--\n${senderName}${input.intel ? '\nMeridian Risk' : ''}`);

  const references = input.replyTo ? [...input.replyTo.references, input.replyTo.messageId] : [];
  const headers = [
    `From: ${mailbox(senderName, senderAddress)}`,
    `To: ${to}`,
    `Subject: ${encodeHeader(subject)}`,
    `Date: ${rfc5322Date(date)}`,
    `Message-ID: ${input.messageId}`,
  ];
  if (input.replyTo) {
    headers.push(`In-Reply-To: ${input.replyTo.messageId}`);
    // Long threads keep only the last few references, as mail clients do.
    headers.push(`References: ${references.slice(-8).join(' ')}`);
  }
  headers.push('MIME-Version: 1.0');

  const body = paragraphs
    .map((p) =>
      p
        .split('\n')
        .map((line) => wrap(line))
        .join('\n'),
    )
    .join('\n\n');
  let message: string;
  if (input.attachment) {
    const boundary = `=_part_${input.id}`;
    const a = input.attachment;
    headers.push(`Content-Type: multipart/mixed; boundary="${boundary}"`);
    message =
      `${headers.join('\n')}\n\nThis is a multi-part message in MIME format.\n\n` +
      `--${boundary}\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n` +
      `${body}\n\n--${boundary}\nContent-Type: ${a.contentType}; name="${a.filename}"\n` +
      `Content-Disposition: attachment; filename="${a.filename}"\nContent-Transfer-Encoding: base64\n\n` +
      `${a.base64}\n--${boundary}--\n`;
  } else {
    headers.push('Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: 8bit');
    message = `${headers.join('\n')}\n\n${body}\n`;
  }

  return {
    message,
    text: paragraphs.join('\n\n'),
    subject,
    from: senderAddress,
    originals,
    sourceCode,
    thread: { messageId: input.messageId, references: references.slice(-8), subject },
  };
}

function capitalizeTopic(topic: string): string {
  return topic.charAt(0).toUpperCase() + topic.slice(1);
}

/** A handful of attachments shared across the corpus: CSV tables and short notes. */
export function buildAttachments(rng: Random, count = 12): Attachment[] {
  const out: Attachment[] = [];
  for (let i = 0; i < count; i++) {
    const filler = new SlotFiller(rng, 'en', new Date(Date.UTC(2011, 0, 1)));
    let content: string;
    let filename: string;
    let contentType: string;
    if (i % 2 === 0) {
      filename = `seizures-${2009 + (i % 4)}-${i}.csv`;
      contentType = 'text/csv';
      const rows = ['date,place,agency,rifles,cash_usd,notes'];
      for (let r = 0; r < rng.int(5, 15); r++) {
        rows.push(
          `${2009 + (i % 4)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')},` +
            `"${filler.slot('place')}",${filler.slot('agency').replace(/^the /, '')},${rng.int(0, 90)},` +
            `${rng.int(0, 400) * 1000},"${filler.fill('seized near {place}')}"`,
        );
      }
      content = rows.join('\n') + '\n';
    } else {
      filename = `notes-${i}.txt`;
      contentType = 'text/plain';
      content = wrap(paragraph(rng, filler, SENTENCES_EN, 3, 5)) + '\n';
    }
    const b64 = Buffer.from(content, 'utf8').toString('base64');
    out.push({ filename, contentType, base64: b64.replace(/.{76}/g, '$&\n').replace(/\n$/, '') });
  }
  return out;
}
