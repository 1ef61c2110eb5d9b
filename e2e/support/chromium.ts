import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describe } from 'vitest';

/** Debian's Chromium (CI installs it with apt); playwright-core downloads no browser of its own. */
export const CHROMIUM_PATH = process.env.CROSSCHECK_CHROMIUM ?? '/usr/bin/chromium';

const missing = !existsSync(CHROMIUM_PATH);
const onCi = process.env.CI === 'true';

if (missing && !onCi) {
  console.warn(
    `Skipping browser tests: no Chromium at ${CHROMIUM_PATH}. ` +
      'Install it with `apt-get install chromium` (or set CROSSCHECK_CHROMIUM) to run them.',
  );
}

/**
 * `describe` for browser tests. Locally without Chromium they are skipped with the warning above;
 * on CI they run anyway, so a missing browser fails the build instead of passing silently.
 */
export const describeInBrowser = missing && !onCi ? describe.skip : describe;

export async function launchChromium(): Promise<Browser> {
  if (missing) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: CI must install it (apt-get install chromium) to run the browser tests.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
