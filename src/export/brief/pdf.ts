import { existsSync } from 'node:fs';
import { CrosscheckError } from '../../core/index.js';

export const CHROMIUM_PATH = process.env.CROSSCHECK_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a headless print: no sandbox (containers), no GPU, nothing phoning home. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Prints a brief's HTML to PDF with headless Chromium (playwright-core: no browser download,
 * the system's Chromium). JavaScript is off and every request is refused: the page is the
 * self-contained brief, nothing else.
 */
export async function renderPdf(html: string, executablePath = CHROMIUM_PATH): Promise<Buffer> {
  if (!existsSync(executablePath)) {
    throw new CrosscheckError(
      'FILE_NOT_FOUND',
      `No Chromium at ${executablePath} to print the PDF`,
      {
        hint: 'Install Chromium, set CROSSCHECK_CHROMIUM to its path, or export the brief as .html.',
      },
    );
  }
  // Loaded here, not at the top: playwright-core takes about a second to load, and every CLI
  // command would pay it on start-up.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' },
    });
  } finally {
    await browser.close();
  }
}
