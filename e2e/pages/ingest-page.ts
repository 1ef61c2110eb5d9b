import type { Locator, Page } from 'playwright-core';

export class IngestPage {
  readonly fileInput: Locator;
  readonly uploads: Locator;
  readonly failureRows: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.fileInput = page.getByLabel(/Files or zip archives/);
    this.uploads = page.getByTestId('upload');
    this.failureRows = page.locator('table.failures tbody tr');
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/ingest`);
    await this.page.locator('#stats-heading').waitFor();
  }

  /** A figure of the "In the store" panel, by its label. */
  figure(label: string): Locator {
    return this.page
      .locator('.figure', { has: this.page.locator('dt', { hasText: label }) })
      .locator('dd');
  }

  async upload(paths: string[]): Promise<void> {
    await this.fileInput.setInputFiles(paths);
    await this.page.getByRole('button', { name: 'Upload and ingest' }).click();
  }

  /** Waits until every upload has ended (done or failed). */
  async waitForUploads(count: number): Promise<void> {
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('.upload-done, .upload-failed').length === n,
      count,
      { timeout: 60_000 },
    );
  }
}
