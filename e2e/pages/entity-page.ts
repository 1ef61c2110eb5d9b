import type { Locator, Page } from 'playwright-core';

/** One entity's page: its name, spellings, mentions by document, co-occurring entities, map. */
export class EntityPage {
  readonly title: Locator;
  readonly surfaceForms: Locator;
  readonly mentionGroups: Locator;
  readonly snippets: Locator;
  readonly coOccurring: Locator;
  readonly mapCircles: Locator;

  constructor(private readonly page: Page) {
    this.title = page.locator('#entity-title');
    this.surfaceForms = page.locator('.chip-list .chip');
    this.mentionGroups = page.locator('.mention-group');
    this.snippets = page.locator('.snippet-link');
    this.coOccurring = page
      .locator('.panel', { has: page.getByRole('heading', { name: 'Mentioned with' }) })
      .locator('li');
    this.mapCircles = page.locator('.geo-map circle.place-circle');
  }

  async waitForLoad(): Promise<void> {
    await this.title.waitFor();
  }
}

/** The entity list, with its type switch and name box. */
export class EntityListPage {
  readonly rows: Locator;
  readonly heading: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.rows = page.locator('.entity-table tbody tr');
    this.heading = page.locator('#entities-heading');
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/entities`);
    await this.heading.waitFor();
  }

  async showType(label: string): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Type' })
      .getByRole('button', { name: label })
      .click();
  }

  async find(name: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Find a name' }).fill(name);
    await this.page.getByRole('button', { name: 'Find', exact: true }).click();
  }
}
