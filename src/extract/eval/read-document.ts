import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CrosscheckError, type ErrorCode } from '../../core/index.js';
import {
  defaultIngestOptions,
  readSources,
  type IngestFailure,
  type ParsedDocument,
} from '../../ingest/index.js';

/**
 * The document a gold file names, read by the ingest stage exactly as `crosscheck ingest` reads
 * it, so that the evaluation scores extraction on the text the pipeline would extract from: an HTML
 * page's Readability text, a Markdown file as written, a text file cleaned (line breaks, control
 * characters, NFC). Language and publication date are what ingest states (an HTML `lang` and
 * `article:published_time`, a text file's bare-date first line), never the gold's.
 *
 * `name` is a path under `docsDir`, or the origin ingest gives a document inside a file:
 * `box.mbox#3`, `mail.eml#attachment/a.pdf`, `archive.zip!/member.txt`.
 */
export async function readGoldDocument(
  docsDir: string,
  name: string,
  goldFile: string,
): Promise<ParsedDocument> {
  const origin = path.join(docsDir, name);
  const filePath = await containingFile(docsDir, name);
  if (!filePath) {
    throw new CrosscheckError(
      'FILE_NOT_FOUND',
      `Document ${name} named by ${goldFile} is not in ${docsDir}`,
      {
        file: origin,
        hint: 'Pass the folder that holds the documents the gold files describe.',
      },
    );
  }
  const documents: ParsedDocument[] = [];
  const failures: IngestFailure[] = [];
  const hooks = { isFileCompleted: () => Promise.resolve(false) };
  for await (const event of readSources([filePath], defaultIngestOptions(), hooks)) {
    if (event.type === 'item') documents.push(event.item.document);
    else if (event.type === 'failure') failures.push(event.failure);
  }
  const exact = documents.find((d) => d.origin === origin);
  if (exact) return exact;
  // A gold file naming a whole file that holds exactly one document (the usual article).
  if (filePath === origin && documents.length === 1) return documents[0]!;
  const failure = failures.find((f) => f.path === origin) ?? failures[0];
  if (failure) {
    throw new CrosscheckError(
      failure.code as ErrorCode,
      `Document ${name} named by ${goldFile} could not be read: ${failure.reason}`,
      { file: failure.path, ...(failure.hint ? { hint: failure.hint } : {}) },
    );
  }
  throw new CrosscheckError(
    'NOT_FOUND',
    `Document ${name} named by ${goldFile} is not one of the ${documents.length} documents read from ${filePath}`,
    {
      file: origin,
      hint: `Name one of: ${documents
        .slice(0, 5)
        .map((d) => path.relative(docsDir, d.origin))
        .join(', ')}${documents.length > 5 ? ', …' : ''}.`,
    },
  );
}

/**
 * The file on disk that holds the named document: the name itself, or the part before a `#`
 * (a message of a mailbox, an attachment) or a `!/` (an archive member).
 */
async function containingFile(docsDir: string, name: string): Promise<string | null> {
  const candidates = [name];
  for (const separator of ['!/', '#']) {
    const at = name.indexOf(separator);
    if (at > 0) candidates.push(name.slice(0, at));
  }
  for (const candidate of candidates) {
    const filePath = path.join(docsDir, candidate);
    try {
      if ((await stat(filePath)).isFile()) return filePath;
    } catch {
      // not this one
    }
  }
  return null;
}
