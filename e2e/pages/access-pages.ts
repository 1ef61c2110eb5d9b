import type { Download, Locator, Page } from 'playwright-core';

/**
 * Presses Tab until the focused element matches `selector`, as a keyboard user would move
 * through the page; fails after `limit` presses instead of looping for ever.
 */
export async function tabTo(page: Page, selector: string, limit = 150): Promise<void> {
  for (let i = 0; i < limit; i++) {
    const there = await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
    if (there) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${limit} presses of Tab never reached ${selector}`);
}

/** The export disclosure a screen offers: one download link per format. */
export class ExportMenu {
  readonly toggle: Locator;

  constructor(private readonly page: Page) {
    this.toggle = page.locator('.export-menu > summary');
  }

  link(format: string): Locator {
    return this.page.locator(`.export-menu a[data-format="${format}"]`);
  }

  /** Opens the menu, clicks a format and waits for the file the browser downloads. */
  async download(format: string): Promise<Download> {
    await this.toggle.click();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.link(format).click(),
    ]);
    return download;
  }
}

/** The list of points in the timeline's window, with the buttons that move the window. */
export class TimelineEventList {
  readonly links: Locator;
  readonly summary: Locator;

  constructor(private readonly page: Page) {
    this.links = page.locator('.event-list a.event-link');
    this.summary = page.locator('.timeline-events p[aria-live]');
  }

  button(name: string): Locator {
    return this.page.getByRole('group', { name: 'Move the timeline' }).getByRole('button', {
      name,
    });
  }
}

/** The graph's list of nodes: a box to find one, a button per node. */
export class GraphNodeList {
  readonly filter: Locator;
  readonly buttons: Locator;
  readonly detailsHeading: Locator;

  constructor(private readonly page: Page) {
    this.filter = page.getByRole('searchbox', { name: 'Find a node' });
    this.buttons = page.locator('.node-list button');
    this.detailsHeading = page.locator('#node-heading');
  }
}

/** The ingest page's "Distributed workers" panel. */
export class WorkersPanel {
  readonly heading: Locator;
  readonly failedRows: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Distributed workers' });
    this.failedRows = page.locator('.workers-panel table.failures tbody tr');
  }

  count(state: string): Locator {
    return this.page.locator(`.queue-counts [data-count="${state}"] dd`);
  }

  figure(label: string): Locator {
    return this.page
      .locator('.workers-panel .figure', { has: this.page.locator('dt', { hasText: label }) })
      .locator('dd');
  }
}
