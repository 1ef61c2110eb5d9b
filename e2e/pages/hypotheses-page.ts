import type { Locator, Page } from 'playwright-core';

/** The ACH workspace: the new-hypothesis form, the claims × hypotheses matrix, the ranking. */
export class HypothesesPage {
  readonly rankingItems: Locator;
  readonly columns: Locator;
  readonly suggestions: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.rankingItems = page.locator('.ranking li');
    this.columns = page.locator('.ach-matrix thead th[data-hypothesis]');
    this.suggestions = page.locator('.ach-matrix .suggestion');
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/hypotheses`);
    await this.page.locator('#hypotheses-heading').waitFor();
  }

  async add(text: string): Promise<void> {
    const before = await this.columns.count();
    await this.page.getByLabel('New hypothesis').fill(text);
    await this.page.getByRole('button', { name: 'Add hypothesis' }).click();
    await this.columns.nth(before).waitFor();
  }

  /** The select of one cell: a claim's row, a hypothesis's column. */
  cell(claimId: string, hypothesisText: string): Locator {
    return this.page
      .locator(`.ach-matrix tr[data-claim="${claimId}"]`)
      .getByLabel(`Mark against “${hypothesisText}”`);
  }

  async rankingTexts(): Promise<string[]> {
    return this.page.locator('.ranking .ranking-text').allTextContents();
  }
}
