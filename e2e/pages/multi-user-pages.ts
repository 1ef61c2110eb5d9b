import type { Locator, Page } from 'playwright-core';

/** The multi-user server's sign-in screen: paste an API token. */
export class SignInScreen {
  readonly heading: Locator;
  readonly token: Locator;
  readonly submit: Locator;
  /** The server's answer to a rejected token, under the field. */
  readonly error: Locator;
  /** Why the user was sent back here (a token revoked while signed in). */
  readonly notice: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Sign in to Crosscheck' });
    this.token = page.getByLabel('API token');
    this.submit = page.getByRole('button', { name: 'Sign in' });
    this.error = page.locator('#sign-in-error');
    this.notice = page.locator('[data-sign-in-notice]');
  }

  async goto(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/`);
    await this.heading.waitFor();
  }

  async signIn(token: string): Promise<void> {
    await this.token.fill(token);
    await this.submit.click();
  }
}

/** The header of a signed-in user: the collection picker, the user's name, sign out. */
export class AccountHeader {
  readonly picker: Locator;
  readonly toggle: Locator;
  /** The current collection's TLP badge and the user's role in it, in the closed picker. */
  readonly currentTlp: Locator;
  readonly currentRole: Locator;
  readonly currentName: Locator;
  readonly signOut: Locator;

  constructor(private readonly page: Page) {
    this.picker = page.locator('.collection-picker');
    this.toggle = this.picker.locator('summary');
    this.currentTlp = this.toggle.locator('.tlp-badge');
    this.currentRole = this.toggle.locator('.role-badge');
    this.currentName = this.toggle.locator('.collection-name');
    this.signOut = page.getByRole('button', { name: 'Sign out' });
  }

  /** The picker's entry for one collection (open the picker first). */
  option(slug: string): Locator {
    return this.picker.locator(`button[data-collection="${slug}"]`);
  }

  async switchTo(slug: string): Promise<void> {
    await this.toggle.click();
    await this.option(slug).click();
    await this.page.waitForFunction(
      (s) => new URLSearchParams(window.location.search).get('collection') === s,
      slug,
    );
  }
}
