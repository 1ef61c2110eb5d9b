import type { Locator, Page } from 'playwright-core';

/** One traced claim: its provenance tree, independence, grade, history and override form. */
export class ClaimPage {
  readonly title: Locator;
  readonly code: Locator;
  readonly originsCount: Locator;
  readonly circularWarning: Locator;
  readonly treeNodes: Locator;
  readonly memberLinks: Locator;
  readonly history: Locator;

  constructor(private readonly page: Page) {
    this.title = page.locator('#claim-title');
    this.code = page.locator('.grade-code .admiralty');
    this.originsCount = page.locator('.origins-count');
    this.circularWarning = page.getByRole('note').filter({ hasText: 'Circular reporting' });
    this.treeNodes = page.locator('.provenance-tree .tree-node');
    this.memberLinks = page.locator('.member-link');
    this.history = page.locator('.grade-history li');
  }

  async goto(baseUrl: string, id: string): Promise<void> {
    await this.page.goto(`${baseUrl}/#/claims/${id}`);
    await this.title.waitFor();
  }

  /** The tree node for a document id or a source name. */
  node(key: string): Locator {
    // Keys can be any source's name, quotes and backslashes included: escape them for CSS.
    const quoted = key.replace(/["\\]/g, '\\$&');
    return this.page.locator(`.provenance-tree .tree-node[data-key="${quoted}"]`);
  }

  async override(grade: { reliability: string; credibility: string; reason: string }) {
    await this.page.getByLabel('Reliability').selectOption(grade.reliability);
    await this.page.getByLabel('Credibility').selectOption(grade.credibility);
    await this.page.getByLabel('Reason').fill(grade.reason);
    await this.page.getByRole('button', { name: 'Record grade' }).click();
  }
}

/** The list of traced claims with its filters. */
export class ClaimListPage {
  readonly rows: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.rows = page.locator('.claim-row');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/claims${query}`);
    await this.page.locator('#claims-heading').waitFor();
    await this.page.locator('.results-heading').waitFor();
  }
}
