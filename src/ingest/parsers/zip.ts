import iconv from 'iconv-lite';
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type Options as ZipOptions, type ZipFile } from 'yauzl';
import { failure, ingestError, toIngestFailure } from '../failures.js';
import type { IngestFailure } from '../types.js';
import type { ParseContext, ParseEvent, ParseInput, Parser } from './types.js';
import { failureEvent } from './types.js';

/**
 * Members smaller than this are never called bombs for their compression ratio alone: a small
 * file of repeated characters compresses 1000:1 legitimately and can do no harm.
 */
const RATIO_EXEMPT_BYTES = 1024 * 1024;

/**
 * decodeStrings is off because yauzl then rejects the whole archive on a name like
 * `../../etc/passwd`; names are decoded here instead (UTF-8 when flagged, else CP437 as the
 * format says) and used only as origin labels. Nothing is ever extracted to disk.
 */
const ZIP_OPTIONS: ZipOptions = {
  lazyEntries: true,
  autoClose: false,
  decodeStrings: false,
  validateEntrySizes: true,
};

/**
 * Zip archives, read entry by entry with yauzl: each member is parsed by its own type, origin
 * `a.zip!/dir/member.txt`. Defences against zip bombs, all from limits: at most maxArchiveEntries
 * entries; inflated bytes are counted while streaming (headers can lie) and a member is abandoned
 * once it passes maxFileBytes or its compressed size times maxCompressionRatio; the archive stops
 * once its members together pass maxArchiveExpandedBytes; nested archives stop at maxDepth.
 */
export const parseZip: Parser = async function* (input, context) {
  const zip = await openZip(input);
  try {
    yield* readMembers(zip, input, context);
  } finally {
    zip.close();
  }
};

async function openZip(input: ParseInput): Promise<ZipFile> {
  try {
    if (input.source.filePath !== null) {
      const path = input.source.filePath;
      return await new Promise<ZipFile>((resolve, reject) =>
        yauzl.open(path, ZIP_OPTIONS, (error, zip) => (error ? reject(error) : resolve(zip))),
      );
    }
    const bytes = await input.source.readAll();
    return await new Promise<ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(bytes, ZIP_OPTIONS, (error, zip) => (error ? reject(error) : resolve(zip))),
    );
  } catch (error) {
    throw ingestError(
      'MALFORMED_INPUT',
      input.origin,
      `Not a readable zip archive: ${(error as Error).message}`,
      {
        hint: 'The archive may be truncated or damaged; check it with `unzip -t`.',
        cause: error,
      },
    );
  }
}

/** The next entry, or null at the end. yauzl is callback-and-event based; this makes it awaitable. */
function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: Entry) => (cleanup(), resolve(entry));
    const onEnd = () => (cleanup(), resolve(null));
    const onError = (error: Error) => (cleanup(), reject(error));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function memberName(entry: Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  const utf8 = (entry.generalPurposeBitFlag & 0x800) !== 0;
  return (utf8 ? raw.toString('utf8') : iconv.decode(raw, 'cp437')).replace(/\\/g, '/');
}

/** Folders, and the hidden or system files zip tools add (`__MACOSX/`, `.DS_Store`). */
function isSkipped(name: string): boolean {
  return (
    name.endsWith('/') ||
    name
      .split('/')
      .some(
        (part) => (part.startsWith('.') && part !== '.' && part !== '..') || part === '__MACOSX',
      )
  );
}

async function* readMembers(
  zip: ZipFile,
  input: ParseInput,
  context: ParseContext,
): AsyncGenerator<ParseEvent> {
  const { limits } = context.options;
  let expanded = 0;
  let entries = 0;
  for (;;) {
    let entry: Entry | null;
    try {
      entry = await nextEntry(zip);
    } catch (error) {
      // A damaged central directory ends the archive; the members before it stand.
      yield failureEvent(toIngestFailure(error, input.origin, 'zip'));
      return;
    }
    if (entry === null) return;
    entries++;
    if (entries > limits.maxArchiveEntries) {
      yield failureEvent(
        failure(
          'ARCHIVE_LIMIT',
          input.origin,
          'zip',
          `The archive has ${zip.entryCount} entries; only the first ${limits.maxArchiveEntries} were read (limits.maxArchiveEntries).`,
        ),
      );
      return;
    }
    const name = memberName(entry);
    if (isSkipped(name)) continue;
    const origin = `${input.origin}!/${name}`;
    const member = await readMember(zip, entry, origin, {
      maxFileBytes: limits.maxFileBytes,
      maxRatio: limits.maxCompressionRatio,
      archiveBudget: limits.maxArchiveExpandedBytes - expanded,
    });
    expanded += member.inflated;
    if ('failure' in member) {
      yield failureEvent(member.failure);
      if (member.stopArchive) return;
      continue;
    }
    yield* context.parseNested({
      bytes: member.bytes,
      origin,
      name: posix.basename(name),
      declaredType: null,
      depth: input.depth + 1,
      unreadable: 'failure',
      container: 'zip',
    });
  }
}

type LimitFailure = { failure: IngestFailure; inflated: number; stopArchive: boolean };
type MemberResult = { bytes: Buffer; inflated: number } | LimitFailure;

const BOMB_HINT =
  'This looks like a zip bomb; the other members were read. Inspect it by hand, or raise the limit if you trust the archive.';
const BUDGET_HINT =
  'The rest of the archive was not read. Inspect it by hand, or raise limits.maxArchiveExpandedBytes if you trust it.';

interface MemberLimits {
  maxFileBytes: number;
  maxRatio: number;
  /** Inflated bytes the archive may still produce before maxArchiveExpandedBytes. */
  archiveBudget: number;
}

/**
 * The limit a member of `size` inflated bytes passes, if any. Checked once against the header's
 * size (cheap, before inflating anything) and again as real bytes arrive (headers can lie).
 */
function passedLimit(
  entry: Entry,
  origin: string,
  size: number,
  limits: MemberLimits,
  fromHeader: boolean,
): LimitFailure | null {
  const compressed = Math.max(entry.compressedSize, 1);
  const said = fromHeader ? 'The member' : 'The member, as it inflates,';
  if (size > limits.archiveBudget) {
    return {
      failure: failure(
        'ARCHIVE_LIMIT',
        origin,
        'zip',
        'The archive expands past limits.maxArchiveExpandedBytes.',
        { hint: BUDGET_HINT },
      ),
      inflated: fromHeader ? 0 : size,
      stopArchive: true,
    };
  }
  if (size > Math.max(compressed * limits.maxRatio, RATIO_EXEMPT_BYTES)) {
    return {
      failure: failure(
        'ARCHIVE_LIMIT',
        origin,
        'zip',
        `${said} passes limits.maxCompressionRatio (${Math.round(size / compressed)}:1 > ${limits.maxRatio}:1).`,
        { hint: BOMB_HINT },
      ),
      inflated: fromHeader ? 0 : size,
      stopArchive: false,
    };
  }
  if (size > limits.maxFileBytes) {
    return {
      failure: failure(
        'FILE_TOO_LARGE',
        origin,
        'zip',
        `${said} is larger than limits.maxFileBytes (${size} > ${limits.maxFileBytes} bytes).`,
      ),
      inflated: fromHeader ? 0 : size,
      stopArchive: false,
    };
  }
  return null;
}

/** Inflates one member into memory, counting real bytes and giving up at the first limit passed. */
async function readMember(
  zip: ZipFile,
  entry: Entry,
  origin: string,
  limits: MemberLimits,
): Promise<MemberResult> {
  if ((entry.generalPurposeBitFlag & 0x1) !== 0) {
    const hint = 'Extract it with the password (unzip -P …) and ingest the folder.';
    return {
      failure: failure('UNSUPPORTED_FORMAT', origin, 'zip', 'The member is encrypted.', { hint }),
      inflated: 0,
      stopArchive: false,
    };
  }
  const refused = passedLimit(entry, origin, entry.uncompressedSize, limits, true);
  if (refused) return refused;

  let stream: Readable;
  try {
    stream = await new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(entry, (error, opened) => (error ? reject(error) : resolve(opened))),
    );
  } catch (error) {
    return { failure: toIngestFailure(error, origin, 'zip'), inflated: 0, stopArchive: false };
  }
  const chunks: Buffer[] = [];
  let inflated = 0;
  try {
    for await (const chunk of stream) {
      inflated += (chunk as Buffer).length;
      const passed = passedLimit(entry, origin, inflated, limits, false);
      if (passed) return passed;
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    return { failure: inflateFailure(error, origin), inflated, stopArchive: false };
  } finally {
    stream.destroy();
  }
  return { bytes: Buffer.concat(chunks), inflated };
}

/**
 * yauzl checks inflated bytes against the header (validateEntrySizes): more bytes than declared is
 * the classic bomb trick of a lying header, fewer means a truncated or damaged archive.
 */
function inflateFailure(error: unknown, origin: string) {
  const text = error instanceof Error ? error.message : String(error);
  if (text.includes('too many bytes')) {
    return failure(
      'ARCHIVE_LIMIT',
      origin,
      'zip',
      `The member inflates past the size its header declares: ${text}`,
      {
        hint: BOMB_HINT,
      },
    );
  }
  return failure('MALFORMED_INPUT', origin, 'zip', `The member cannot be inflated: ${text}`, {
    hint: 'The archive is damaged or truncated; check it with `unzip -t`.',
  });
}
