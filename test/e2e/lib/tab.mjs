/**
 * What a spec can do with a tab, the same in both browsers. Drivers implement the primitives (`evaluate`,
 * `mouseMove`, `press`, `screenshotPng`, ...); the conveniences built on them live here once.
 */
import fs from 'node:fs';
import path from 'node:path';

export const OUT_DIR = path.resolve(import.meta.dirname, '..', 'out');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class Tab {
  constructor(browser) {
    this.browser = browser;
    /** @type {Array<{ text: string; source: string }>} */
    this.errors = [];
  }

  /**
   * Poll `fn(arg)` in the page until it returns something truthy; returns that value.
   * On timeout the error names `what` and the last value seen, so a failure says what was being waited for.
   */
  async waitFor(fn, arg, { timeout = 10_000, interval = 50, what = 'condition' } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        last = await this.evaluate(fn, arg);
        if (last) return last;
      } catch (error) {
        last = `threw: ${error.message}`;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeout} ms waiting for ${what} (last value: ${JSON.stringify(last)})`);
      }
      await sleep(interval);
    }
  }

  /** Moves the pointer onto the centre of a rectangle `{x, y, width, height}` (viewport coordinates). */
  async hoverRect(rect) {
    await this.mouseMove(Math.round(rect.x + rect.width / 2), Math.round(rect.y + rect.height / 2));
  }

  /** Writes `<out>/<browser>-<name>.png` and returns its path. */
  async screenshot(name) {
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const file = path.join(OUT_DIR, `${this.browser.name}-${name}.png`);
    fs.writeFileSync(file, await this.screenshotPng());
    return file;
  }

  /**
   * Errors raised by the extension's own code in this tab: exceptions and console errors from the content script's
   * world (the drivers tell it from the page's own), or naming the extension's origin. The page's own scripts may fail
   * on a fixture host (the real Hansard page cannot load its libraries): those are not counted.
   */
  // Async so a driver may attribute errors lazily.
  async extensionErrors() {
    const origin = this.browser.extensionOrigin;
    return this.errors
      .filter((e) => e.fromExtension || e.text.includes(origin) || /lga[- ]?positions?/i.test(e.text))
      .map((e) => e.text);
  }
}
