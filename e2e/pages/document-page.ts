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

  /** Marks of one kind in the text: `person`, `place`, `date`, `quote`, `reuse`, `match`… */
  marks(kind: string): Locator {
    return this.text.locator(`mark.hl-${kind}`);
  }

  /** The colour legend's switch for a kind, by its name (`Person`, `Shared passage`…). */
  legendSwitch(name: string): Locator {
    return this.page.locator('.legend').getByRole('checkbox', { name });
  }

  panel(heading: string): Locator {
    return this.page.locator('.panel', { has: this.page.getByRole('heading', { name: heading }) });
  }
}
