import type { Locator, Page } from 'playwright-core';

/** The search screen, as a user works it: with the keyboard. */
export class SearchPage {
  readonly box: Locator;
  readonly heading: Locator;
  readonly results: Locator;
  readonly marks: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.box = page.getByRole('searchbox', { name: 'Search the documents' });
    this.heading = page.locator('#results-heading');
    this.results = page.locator('.result');
    this.marks = page.locator('.result .snippet mark');
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/search`);
    await this.box.waitFor();
  }

  /** Presses "/" to reach the box, types the query and presses Enter. */
  async search(query: string): Promise<void> {
    await this.page.locator('body').click({ position: { x: 5, y: 200 } });
    await this.page.keyboard.press('/');
    await this.page.keyboard.type(query);
    await this.page.keyboard.press('Enter');
    await this.page.waitForFunction(() => {
      const text = document.querySelector('#results-heading')?.textContent ?? '';
      return /match|failed/.test(text);
    });
  }

  resultTitles(): Promise<string[]> {
    return this.page.locator('.result-title a').allTextContents();
  }

  filter(label: RegExp): Locator {
    return this.page.getByRole('checkbox', { name: label });
  }

  /** Moves down the list with the arrow keys and opens the result with Enter. */
  async openWithKeyboard(index: number): Promise<void> {
    await this.box.focus();
    for (let i = 0; i <= index; i++) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Enter');
    await this.page.waitForURL(/#\/documents\//);
  }
}
