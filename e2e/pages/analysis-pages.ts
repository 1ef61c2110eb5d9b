import type { Locator, Page } from 'playwright-core';

/** The timeline screen: vis-timeline's items, read from the DOM it draws. */
export class TimelinePage {
  readonly chart: Locator;
  readonly items: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.chart = page.getByTestId('timeline');
    this.items = page.locator('.vis-item.vis-point');
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/timeline`);
    await this.items.first().waitFor();
  }

  /**
   * Clicks the first item of a group (`tl-mentioned`, `tl-published`) lying wholly inside the
   * visible part of the chart: items left of the opening window sit under the group labels.
   */
  async clickFirstVisible(className: string): Promise<void> {
    const index = await this.page.evaluate((name) => {
      const panel = document.querySelector('.vis-panel.vis-center')!.getBoundingClientRect();
      const items = Array.from(document.querySelectorAll(`.vis-item.${name}`));
      return items.findIndex((item) => {
        const box = item.getBoundingClientRect();
        return box.left > panel.left + 4 && box.right < panel.right - 4 && box.top > panel.top;
      });
    }, className);
    if (index === -1) throw new Error(`no ${className} item is in view`);
    await this.page.locator(`.vis-item.${className}`).nth(index).locator('.tl-label').click();
  }
}

/** The map screen: one SVG circle per geocoded place, country outlines underneath. */
export class MapPage {
  readonly circles: Locator;
  readonly countries: Locator;
  readonly places: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.circles = page.locator('.geo-map circle.place-circle');
    this.countries = page.locator('.geo-map path.country');
    this.places = page.locator('.geo-map .place[role="button"]');
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/#/map`);
    await this.circles.first().waitFor();
    // Some outlines (Antarctica) fall outside the view and are drawn empty: attached, not visible.
    await this.countries.first().waitFor({ state: 'attached' });
  }

  place(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${name}: \\d+ mentions$`) });
  }

  /** The documents listed beside the map for the selected place. */
  placeDocuments(): Locator {
    return this.page.locator('.place-documents .link-list li');
  }
}

/** The graph screen. Cytoscape draws on a canvas; the container reports what it drew. */
export class GraphPage {
  readonly canvas: Locator;

  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.canvas = page.getByTestId('graph');
  }

  async goto(hash = '#/graph'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/${hash}`);
    await this.canvas.waitFor();
  }

  async count(what: 'nodes' | 'edges'): Promise<number> {
    return Number(await this.canvas.getAttribute(`data-${what}`));
  }

  async layoutMs(): Promise<number> {
    return Number(await this.canvas.getAttribute('data-layout-ms'));
  }

  /** Canvases cytoscape drew into, with how many pixels are not blank. */
  async paintedPixels(): Promise<number> {
    return this.canvas.evaluate((element) => {
      let painted = 0;
      for (const canvas of Array.from(element.querySelectorAll('canvas'))) {
        const context = canvas.getContext('2d');
        if (!context || canvas.width === 0) continue;
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
      }
      return painted;
    });
  }
}
