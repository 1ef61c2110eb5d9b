import type { Locator, Page } from 'playwright-core';

export class DocumentPage {
  readonly title: Locator;
  readonly text: Locator;

  constructor(private readonly page: Page) {
    this.title = page.locator('#document-title');
    this.text = page.locator('.document-text');
  }

  async waitForLoad(): Promise<void> {
    await this.title.waitFor();
  }

  /** The value of a labelled row (`Source reliability`, `From`…) in a side panel. */
  field(label: string): Locator {
    const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    return this.page
      .locator('.field', { has: this.page.locator('dt', { hasText: exact }) })
      .locator('dd');
  }

  panel(heading: string): Locator {
    return this.page.locator('.panel', { has: this.page.getByRole('heading', { name: heading }) });
  }
}
