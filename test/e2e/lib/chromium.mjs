/**
 * Chromium driver: Debian's /usr/bin/chromium through playwright-core, with the built chrome-mv3 extension loaded
 * into a persistent context. All traffic goes through the fixture server as the browser's proxy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { Tab } from './tab.mjs';

class ChromiumTab extends Tab {
  constructor(page, browser) {
    super(browser);
    this.page = page;
    this.errors = [];
    page.on('pageerror', (e) => this.errors.push({ text: String(e?.stack ?? e), source: 'pageerror' }));
    page.on('console', (m) => {
      if (m.type() === 'error')
        this.errors.push({ text: `${m.text()} @ ${m.location()?.url ?? ''}`, source: 'console' });
    });
  }
  /**
   * Listens to the page's every JavaScript world through CDP: exceptions and console errors in the extension's
   * isolated world (its content script) are the extension's, whatever their text.
   */
  async attach() {
    const session = await this.page.context().newCDPSession(this.page);
    const extensionWorlds = new Set();
    session.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.origin?.startsWith(this.browser.extensionOrigin)) {
        extensionWorlds.add(context.id);
      }
    });
    session.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
      if (extensionWorlds.has(d.executionContextId)) {
        this.errors.push({
          text: `${d.exception?.description ?? d.text}`,
          source: 'content-script',
          fromExtension: true,
        });
      }
    });
    session.on('Runtime.consoleAPICalled', ({ type, args, executionContextId }) => {
      if (type === 'error' && extensionWorlds.has(executionContextId)) {
        const text = args.map((a) => a.value ?? a.description ?? '').join(' ');
        this.errors.push({ text, source: 'content-script console', fromExtension: true });
      }
    });
    await session.send('Runtime.enable');
  }
  /**
   * Sends `messages` to the background from the extension's content-script world on this page (its isolated world,
   * found through CDP), as a compromised renderer could; resolves with each reply (or `{thrown}`).
   */
  async sendFromContentScript(messages) {
    const session = await this.page.context().newCDPSession(this.page);
    const worlds = [];
    session.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.auxData?.type === 'isolated' && context.origin?.startsWith(this.browser.extensionOrigin)) {
        worlds.push(context.id);
      }
    });
    await session.send('Runtime.enable');
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!worlds.length) throw new Error('no content-script world on this page');
    const expression = `Promise.all(${JSON.stringify(messages)}.map((m) => chrome.runtime.sendMessage(m).catch((e) => ({ thrown: String(e) }))))`;
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
      expression,
      contextId: worlds[0],
      awaitPromise: true,
      returnByValue: true,
    });
    await session.detach();
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  }
  url() {
    return this.page.url();
  }
  async goto(url) {
    await this.page.goto(url, { waitUntil: 'load' });
  }
  evaluate(fn, arg) {
    return this.page.evaluate(fn, arg);
  }
  /** Evaluates a script's source text as an expression (CDP: not subject to the page's CSP). */
  evaluateExpression(expression) {
    return this.page.evaluate(expression);
  }
  async mouseMove(x, y) {
    await this.page.mouse.move(x, y);
  }
  async click(x, y) {
    await this.page.mouse.click(x, y);
  }
  async press(keys) {
    await this.page.keyboard.press(keys);
  }
  async type(text) {
    await this.page.keyboard.type(text);
  }
  async setViewport(width, height) {
    await this.page.setViewportSize({ width, height });
  }
  async colorScheme(scheme) {
    await this.page.emulateMedia({ colorScheme: scheme });
  }
  async bringToFront() {
    await this.page.bringToFront();
  }
  async screenshotPng() {
    return this.page.screenshot();
  }
  async close() {
    await this.page.close().catch(() => {});
  }
}

export async function launchChromium({ extensionDir, proxyPort }) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lga-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true, // the new headless mode, which loads extensions
    viewport: { width: 1100, height: 700 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-domain-reliability',
      '--disable-client-side-phishing-detection',
      '--no-pings',
      // http:// fixture URLs must not be upgraded to https:// (that would be a CONNECT the proxy refuses).
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,OptimizationHints,Translate,MediaRouter,NetworkTimeServiceQuerying',
      `--proxy-server=http://127.0.0.1:${proxyPort}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  const origin = `chrome-extension://${extensionId}`;
  // The persistent context opens with one blank tab; keep it so the browser never runs out of windows.
  const adopted = new WeakSet();

  return {
    name: 'chromium',
    extensionOrigin: origin,
    async newTab(url) {
      const tab = new ChromiumTab(await context.newPage(), this);
      await tab.attach();
      await tab.goto(url);
      return tab;
    },
    async newExtensionTab(pagePath) {
      return this.newTab(`${origin}/${pagePath}`);
    },
    /** A tab the extension opened itself (tabs.create) at one of its pages, not adopted before. */
    async adoptExtensionTab(pagePath, timeout = 10_000) {
      const prefix = `${origin}/${pagePath}`;
      const deadline = Date.now() + timeout;
      while (Date.now() < deadline) {
        const page = context.pages().find((p) => p.url().startsWith(prefix) && !adopted.has(p));
        if (page) {
          adopted.add(page);
          const tab = new ChromiumTab(page, this);
          await tab.attach();
          await page.waitForLoadState('load');
          return tab;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`the extension opened no ${pagePath} tab within ${timeout} ms`);
    },
    /** True once the extension's service worker runs again (after a reload), false after `timeout` ms. */
    async waitForExtension(timeout = 5_000) {
      const deadline = Date.now() + timeout;
      while (Date.now() < deadline) {
        if (context.serviceWorkers().some((w) => w.url().startsWith(origin))) return true;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return false;
    },
    /**
     * Stops the extension's service worker, as Chrome stops an idle one (MV3): whatever it kept in memory is gone, and
     * it starts again on the next message. Resolves once the worker is gone.
     */
    async stopServiceWorker() {
      const running = context.serviceWorkers().filter((w) => w.url().startsWith(origin));
      if (running.length === 0) throw new Error('the extension has no running service worker to stop');
      // A mark in the running worker's global scope: a worker without it was started after the stop.
      for (const worker of running) {
        await worker.evaluate(() => {
          globalThis.__e2eBeforeStop = true;
        });
      }
      const page = await context.newPage();
      try {
        await page.goto(`${origin}/options.html`);
        const cdp = await context.newCDPSession(page);
        const { targetInfos } = await cdp.send('Target.getTargets');
        for (const t of targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(origin))) {
          await cdp.send('Target.closeTarget', { targetId: t.targetId });
        }
      } finally {
        await page.close().catch(() => {});
      }
    },
    /** True once a service worker started after the last `stopServiceWorker` runs (the old one's mark is gone). */
    async serviceWorkerRestarted() {
      for (const worker of context.serviceWorkers().filter((w) => w.url().startsWith(origin))) {
        const fresh = await worker.evaluate(() => globalThis.__e2eBeforeStop !== true).catch(() => false);
        if (fresh) return true;
      }
      return false;
    },
    /** Evaluate in the extension's service worker (Chromium only). */
    async evaluateInBackground(fn, arg) {
      const sw = context.serviceWorkers().find((w) => w.url().startsWith(origin));
      if (!sw) throw new Error('the extension has no running service worker');
      return sw.evaluate(fn, arg);
    },
    async close() {
      await context.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
