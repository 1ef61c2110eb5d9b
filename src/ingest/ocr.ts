import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The Debian packages OCR needs, as the hint users see. */
export const OCR_INSTALL_HINT =
  'tesseract not installed: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa poppler-utils';

export interface OcrTools {
  available: boolean;
  /** tesseract language argument: `eng+spa`, or whatever part of it is installed. */
  languages: string;
  /** Why OCR is unavailable, when it is. */
  missing: string | null;
}

let probe: Promise<OcrTools> | undefined;

/**
 * Whether `tesseract` (with English and/or Spanish data) and poppler's `pdftoppm` are on PATH.
 * Probed once per process. pdftoppm renders the page: unpdf's renderPageAsImage would need the
 * native @napi-rs/canvas package, which Crosscheck does not install.
 */
export function findOcrTools(): Promise<OcrTools> {
  probe ??= probeTools();
  return probe;
}

async function probeTools(): Promise<OcrTools> {
  let languages: string[];
  try {
    const { stdout, stderr } = await run('tesseract', ['--list-langs'], { timeout: 10_000 });
    languages = `${stdout}\n${stderr}`.split('\n').map((line) => line.trim());
  } catch {
    return { available: false, languages: '', missing: OCR_INSTALL_HINT };
  }
  const wanted = ['eng', 'spa'].filter((language) => languages.includes(language));
  if (wanted.length === 0) {
    return {
      available: false,
      languages: '',
      missing: `tesseract has no English or Spanish data: apt-get install tesseract-ocr-eng tesseract-ocr-spa`,
    };
  }
  try {
    await run('pdftoppm', ['-v'], { timeout: 10_000 });
  } catch {
    return {
      available: false,
      languages: '',
      missing:
        'pdftoppm not installed (needed to render pages for OCR): apt-get install poppler-utils',
    };
  }
  return { available: true, languages: wanted.join('+'), missing: null };
}

/** Resolution pages are rendered at; 300 dpi is what tesseract is trained for. */
const OCR_DPI = '300';
const OCR_TIMEOUT_MS = 180_000;

/**
 * OCRs one page of a PDF. Everything goes through pipes (pdftoppm reads the PDF on stdin and
 * writes a greyscale PGM to stdout, tesseract reads that and writes text), so nothing from the
 * document is ever written to disk.
 */
export async function ocrPdfPage(
  pdf: Uint8Array,
  pageNumber: number,
  languages: string,
): Promise<string> {
  const page = String(pageNumber);
  const render = spawn(
    'pdftoppm',
    ['-gray', '-r', OCR_DPI, '-f', page, '-l', page, '-singlefile', '-'],
    {
      stdio: ['pipe', 'pipe', 'ignore'],
    },
  );
  // One thread per tesseract: the ingest already runs files in parallel.
  const recognise = spawn('tesseract', ['stdin', 'stdout', '-l', languages], {
    stdio: ['pipe', 'pipe', 'ignore'],
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  const timer = setTimeout(() => {
    render.kill();
    recognise.kill();
  }, OCR_TIMEOUT_MS);
  try {
    render.stdout.pipe(recognise.stdin);
    // A page pdftoppm cannot render closes the pipe early; the exit codes tell what happened.
    render.stdin.on('error', () => undefined);
    recognise.stdin.on('error', () => undefined);
    render.stdin.end(pdf);
    const chunks: Buffer[] = [];
    recognise.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const [renderCode, recogniseCode] = await Promise.all([exitCode(render), exitCode(recognise)]);
    if (renderCode !== 0)
      throw new Error(`pdftoppm could not render page ${pageNumber} (exit code ${renderCode}).`);
    if (recogniseCode !== 0)
      throw new Error(`tesseract failed on page ${pageNumber} (exit code ${recogniseCode}).`);
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    clearTimeout(timer);
  }
}

function exitCode(child: ReturnType<typeof spawn>): Promise<number | null> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
}
