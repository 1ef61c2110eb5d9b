import type { ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli, startCli, tempDir } from './cli-helpers.js';
import { ExportMenu } from './pages/access-pages.js';
import { IngestPage } from './pages/ingest-page.js';
import { AccountHeader, SignInScreen } from './pages/multi-user-pages.js';
import { SearchPage } from './pages/search-page.js';
import { describeInBrowser, launchChromium } from './support/chromium.js';
import { SCREENSHOT_DIR } from './support/paths.js';
import { ensureWebBuilt } from './support/web-build.js';
import { screenshotPath } from './support/workbench.js';

/** A word only the RED document has, so any trace of it on screen is a leak. */
const RED_WORD = 'zanzibarquokka';

const RED_MEMO = `Harbour security memo

Restricted. The ${RED_WORD} operation moves through the harbour on Tuesday night.
Only the named recipients may read this.
`;
const HARBOUR_NOTE = `Harbour works resume

The port authority said on Monday that works on the harbour wall resume next week.
`;
const RIVER_REPORT = `River authority delays dam repairs

Lisbon, 3 May 2024. The river authority postponed repairs to the Alqueva dam on Friday.
"The dam will be repaired by March," said Maria Duarte, the authority's chief engineer, at a press conference.
`;

/**
 * Runs one admin command against the server home, as an operator types it (`words`, split on
 * spaces, then `more` as they are: titles and paths); fails the test with its stderr otherwise.
 */
function admin(home: string, words: string, ...more: string[]): string {
  const args = [...words.split(' '), ...more, '--home', home];
  const result = runCli(args);
  if (result.code !== 0) {
    throw new Error(`crosscheck ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
  }
  return result.stdout.trim();
}

/** Starts `crosscheck serve --multi-user` on a free port; resolves with its address. */
function serve(home: string, uploads: string): Promise<{ server: ChildProcess; url: string }> {
  const server = startCli([
    'serve',
    '--multi-user',
    '--home',
    home,
    '--port',
    '0',
    '--upload-dir',
    uploads,
  ]);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url) resolve({ server, url });
    });
    server.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    server.on('exit', (code) => reject(new Error(`the server exited (${code}): ${err}`)));
  });
}

/**
 * The workbench against the real multi-user server, set up with the admin CLI as an operator
 * would: two users, two collections, a RED document in one. Alice is an analyst of the harbour
 * case cleared to AMBER+STRICT (so the RED memo is not for her) and a reader of the river case;
 * Bob is cleared RED in the harbour case, which shows the memo really is there.
 */
describeInBrowser('the workbench on a multi-user server', () => {
  let dir: string;
  let home: string;
  let server: ChildProcess | undefined;
  let baseUrl: string;
  let browser: Browser;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await ensureWebBuilt();
    dir = tempDir('crosscheck-multi-user-');
    home = join(dir, 'home');
    await mkdir(join(dir, 'docs', 'harbour'), { recursive: true });
    await mkdir(join(dir, 'docs', 'river'), { recursive: true });
    await writeFile(join(dir, 'docs', 'red-memo.txt'), RED_MEMO);
    await writeFile(join(dir, 'docs', 'harbour', 'note.txt'), HARBOUR_NOTE);
    await writeFile(join(dir, 'docs', 'river', 'report.txt'), RIVER_REPORT);

    admin(home, 'user add alice', '--display-name', 'Alice Analyst');
    admin(home, 'user add bob', '--display-name', 'Bob Editor');
    alice = admin(home, 'token create alice --label e2e');
    bob = admin(home, 'token create bob --label e2e');
    admin(home, 'collection create harbour-case --tlp AMBER', '--title', 'Harbour case');
    admin(home, 'collection create river-case --tlp GREEN', '--title', 'River case');
    admin(home, 'collection grant harbour-case alice --role analyst --clearance AMBER+STRICT');
    admin(home, 'collection grant river-case alice --role reader');
    admin(home, 'collection grant harbour-case bob --role reader --clearance RED');
    const docs = join(dir, 'docs');
    const ingest = 'collection ingest -q --workers 0';
    admin(home, `${ingest} --tlp RED harbour-case`, join(docs, 'red-memo.txt'));
    admin(home, `${ingest} harbour-case`, join(docs, 'harbour'));
    admin(home, `${ingest} river-case`, join(docs, 'river'));

    ({ server, url: baseUrl } = await serve(home, join(dir, 'uploads')));
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGINT');
      await exited;
    }
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function newPage(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    return page;
  }

  /** What the API answers this token in this collection: the page's view checked at the source. */
  async function apiSearch(token: string, collection: string, q: string) {
    const response = await fetch(`${baseUrl}/api/search?q=${encodeURIComponent(q)}`, {
      headers: { authorization: `Bearer ${token}`, 'x-crosscheck-collection': collection },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { total: number };
  }

  it('asks for a token, then hides the RED memo from a member cleared to AMBER+STRICT', async () => {
    // The memo is in the collection: a member cleared RED finds it.
    expect((await apiSearch(bob, 'harbour-case', RED_WORD)).total).toBe(1);

    const page = await newPage();
    const signIn = new SignInScreen(page);
    await signIn.goto(baseUrl);
    await page.screenshot({ path: screenshotPath('multi-user-sign-in') });
    await signIn.signIn(alice);

    const header = new AccountHeader(page);
    await header.picker.waitFor();
    // No collection was named: the first one open to her, put in the address so links keep it.
    await page.waitForURL(/[?&]collection=harbour-case/);
    expect(await header.currentName.textContent()).toBe('Harbour case');
    expect(await header.currentTlp.textContent()).toBe('TLP:AMBER');
    expect(await header.currentRole.textContent()).toBe('analyst');
    expect(await page.evaluate(() => window.localStorage.length)).toBe(0);
    expect(await page.evaluate(() => Object.values(sessionStorage))).toContain(alice);

    const search = new SearchPage(page, baseUrl);
    await search.search(RED_WORD);
    expect(await search.heading.textContent()).toMatch(/^(0|No) documents? match/);
    expect(await search.results.count()).toBe(0);
    // No count anywhere on the page gives the memo away: no facet, no total, no word.
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).not.toMatch(/\b1\b/);
    expect(main.toLowerCase()).not.toContain(`${RED_WORD} operation`);

    // What she may see, she finds.
    await search.search('harbour');
    await expect.poll(() => search.resultTitles()).toEqual(['Harbour works resume']);
    // Ingested without --tlp: it carries the collection's marking, shown in the reader.
    await search.openWithKeyboard(0);
    await page.locator('#document-title').waitFor();
    expect(await page.locator('.document-header .tlp-badge').textContent()).toBe('TLP:AMBER');
    await page.close();
  });

  it('shows a member cleared RED the memo, marked TLP:RED in the reader', async () => {
    const page = await newPage();
    const signIn = new SignInScreen(page);
    await signIn.goto(baseUrl);
    await signIn.signIn(bob);
    await new AccountHeader(page).picker.waitFor();
    const search = new SearchPage(page, baseUrl);
    await search.search(RED_WORD);
    await expect.poll(() => search.resultTitles()).toEqual(['Harbour security memo']);
    await search.openWithKeyboard(0);
    await page.locator('#document-title').waitFor();
    const badge = page.locator('.document-header .tlp-badge');
    expect(await badge.textContent()).toBe('TLP:RED');
    // The level is written out and explained, not left to the colour.
    expect(await badge.getAttribute('title')).toMatch(/^TLP:RED: for the named recipients only/);
    await page.screenshot({ path: screenshotPath('multi-user-document-tlp-red') });
    await page.close();
  });

  it('downloads an export with the token, of what the member may see only', async () => {
    const page = await newPage();
    const signIn = new SignInScreen(page);
    await signIn.goto(baseUrl);
    await signIn.signIn(alice);
    await new AccountHeader(page).picker.waitFor();
    const search = new SearchPage(page, baseUrl);
    await search.search('harbour');
    await expect.poll(() => search.results.count()).toBe(1);

    const menu = new ExportMenu(page);
    await menu.toggle.click();
    expect(await menu.link('stix').getAttribute('href')).toMatch(/[?&]collection=harbour-case/);
    await menu.toggle.click();
    const download = await menu.download('stix');
    expect(download.suggestedFilename()).toBe('crosscheck-stix.json');
    const bundle = await readFile((await download.path())!, 'utf8');
    expect(JSON.parse(bundle)).toMatchObject({ type: 'bundle' });
    expect(bundle).toContain('Harbour works resume');
    expect(bundle).not.toContain(RED_WORD);
    // Without the token the same link is refused: the page did not download it as a plain link.
    const plain = await fetch(new URL((await menu.link('stix').getAttribute('href'))!, baseUrl));
    expect(plain.status).toBe(401);
    await page.close();
  });

  it('lets an analyst upload into the collection, under its marking', async () => {
    const file = join(dir, 'lighthouse-log.txt');
    await writeFile(
      file,
      'Lighthouse log\n\nThe lighthousekeeper saw two boats leave the harbour.\n',
    );
    const page = await newPage();
    const signIn = new SignInScreen(page);
    await signIn.goto(baseUrl);
    await signIn.signIn(alice);
    await new AccountHeader(page).picker.waitFor();
    await page.getByRole('link', { name: 'Ingest' }).click();
    const ingest = new IngestPage(page, baseUrl);
    await ingest.fileInput.waitFor();
    expect(await page.locator('[data-read-only]').count()).toBe(0);
    await ingest.upload([file]);
    await ingest.waitForUploads(1);
    expect(await ingest.uploads.locator('.status').textContent()).toBe('Done');

    const search = new SearchPage(page, baseUrl);
    await page.getByRole('link', { name: 'Search' }).click();
    await search.search('lighthousekeeper');
    await expect.poll(() => search.resultTitles()).toEqual(['Lighthouse log']);
    expect((await apiSearch(alice, 'river-case', 'lighthousekeeper')).total).toBe(0);
    await page.close();
  });

  it('switches collection from the header, showing each one’s TLP marking and her role', async () => {
    const page = await newPage();
    const signIn = new SignInScreen(page);
    await signIn.goto(baseUrl);
    await signIn.signIn(alice);
    const header = new AccountHeader(page);
    await header.picker.waitFor();

    await header.toggle.click();
    await expect
      .poll(() => header.option('river-case').locator('.tlp-badge').textContent())
      .toBe('TLP:GREEN');
    expect(await header.option('harbour-case').locator('.tlp-badge').textContent()).toBe(
      'TLP:AMBER',
    );
    expect(await header.option('river-case').locator('.role-badge').textContent()).toBe('reader');
    await page.screenshot({ path: screenshotPath('multi-user-collection-picker') });
    await header.toggle.click();

    const search = new SearchPage(page, baseUrl);
    await search.search('dam');
    expect(await search.results.count()).toBe(0);
    await header.switchTo('river-case');
    expect(await header.currentTlp.textContent()).toBe('TLP:GREEN');
    expect(await header.currentRole.textContent()).toBe('reader');
    // The same search, re-run in the other collection.
    await expect.poll(() => search.resultTitles()).toEqual(['River authority delays dam repairs']);
    await page
      .locator('.tlp-badge')
      .first()
      .screenshot({ path: screenshotPath('multi-user-tlp-badge') });
    await page.screenshot({ path: screenshotPath('multi-user-river-case') });
    await page.close();
  });

  it('shows a reader the claim and its grade, but no form to change it', async () => {
    const page = await newPage();
    const signIn = new SignInScreen(page);
    await page.goto(`${baseUrl}/?collection=river-case#/claims`);
    await signIn.heading.waitFor();
    await signIn.signIn(alice);
    const header = new AccountHeader(page);
    await header.picker.waitFor();
    expect(await header.currentRole.textContent()).toBe('reader');

    const firstClaim = page.locator('a[href^="#/claims/"]').first();
    await firstClaim.click();
    await page.locator('#claim-title').waitFor();
    await page.locator('#grade-heading').waitFor();
    expect(await page.locator('#override-heading').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Record grade' }).count()).toBe(0);
    const note = page.locator('[data-read-only]');
    expect(await note.textContent()).toMatch(/reader in River case.*cannot grade this claim/);
    await page.screenshot({ path: screenshotPath('multi-user-reader-claim'), fullPage: true });

    // And the API agrees: a reader's write is refused, whatever the page shows.
    const claimId = decodeURIComponent(page.url().split('#/claims/')[1]!);
    const refused = await fetch(`${baseUrl}/api/claims/${claimId}/grades`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${alice}`,
        'x-crosscheck-collection': 'river-case',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ reliability: 'B', reason: 'reader tries' }),
    });
    expect(refused.status).toBe(403);
    await page.close();
  });

  it('sends the user back to sign in, saying why, when their token is revoked', async () => {
    const created = runCli(['token', 'create', 'alice', '--label', 'revoked', '--home', home]);
    const id = /Token ([0-9a-f]{16})/.exec(created.stderr)?.[1];
    if (created.code !== 0 || !id) throw new Error(`token create failed: ${created.stderr}`);
    const page = await newPage();
    const signIn = new SignInScreen(page);
    await signIn.goto(baseUrl);
    await signIn.signIn(created.stdout.trim());
    await new AccountHeader(page).picker.waitFor();

    admin(home, 'token revoke', id);
    await new SearchPage(page, baseUrl).box.waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('harbour');
    await page.keyboard.press('Enter');
    await signIn.notice.waitFor();
    expect(await signIn.notice.textContent()).toMatch(/signed out: That API token is not valid/);
    expect(await page.evaluate(() => Object.values(sessionStorage))).not.toContain(
      created.stdout.trim(),
    );
    await page.close();
  });

  it('signs out, and says so when a token is refused', async () => {
    const page = await newPage();
    const signIn = new SignInScreen(page);
    await signIn.goto(baseUrl);
    await signIn.signIn(alice);
    const header = new AccountHeader(page);
    await header.picker.waitFor();
    await header.signOut.click();
    await signIn.heading.waitFor();
    expect(await page.evaluate(() => Object.values(sessionStorage))).not.toContain(alice);
    expect(await page.locator('.collection-picker').count()).toBe(0);

    await signIn.signIn('cct_0000000000000000_not-a-real-secret');
    await signIn.error.waitFor();
    expect(await signIn.error.textContent()).toContain('That API token is not valid');
    expect(await signIn.heading.isVisible()).toBe(true);
    await page.screenshot({ path: screenshotPath('multi-user-sign-in-error') });
    await page.close();
  });
});
