import type { Locator, Page } from 'playwright-core';

/** One entity's page: its name, spellings, mentions by document, co-occurring entities, map. */
export class EntityPage {
  readonly title: Locator;
  readonly surfaceForms: Locator;
  readonly mentionGroups: Locator;
  readonly snippets: Locator;
  readonly coOccurring: Locator;
  readonly mapCircles: Locator;
  /** The name resolution (and the analysts' decisions) gave the entity. */
  readonly resolvedName: Locator;
  readonly aliases: Locator;
  readonly decisionResult: Locator;

  constructor(private readonly page: Page) {
    this.title = page.locator('#entity-title');
    this.surfaceForms = page.locator('.chip-list .chip');
    this.mentionGroups = page.locator('.mention-group');
    this.snippets = page.locator('.snippet-link');
    this.coOccurring = page
      .locator('.panel', { has: page.getByRole('heading', { name: 'Mentioned with' }) })
      .locator('li');
    this.mapCircles = page.locator('.geo-map circle.place-circle');
    this.resolvedName = page.locator('#resolved-name');
    this.aliases = page.locator('.alias-list > li');
    this.decisionResult = page.getByRole('status').filter({ hasText: 'Recorded' });
  }

  async waitForLoad(): Promise<void> {
    await this.title.waitFor();
  }

  async rename(name: string, reason: string): Promise<void> {
    const form = this.page.locator('.panel', { has: this.page.locator('#decide-heading') });
    await form
      .getByRole('group', { name: 'Decision' })
      .getByRole('button', { name: 'Rename' })
      .click();
    await form.getByLabel('New name').fill(name);
    await form.getByLabel('Reason').fill(reason);
    await form.getByRole('button', { name: 'Record rename' }).click();
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
