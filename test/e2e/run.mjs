/**
 * The real-browser test runner: every spec in test/e2e/specs/ runs in Chromium and in Firefox ESR against the built
 * extension (.output/chrome-mv3, .output/firefox-mv2), with the fixture server answering for the parliament hosts.
 *
 *   node test/e2e/run.mjs [--browser chromium|firefox] [name filter ...]
 *   E2E_OUTPUT_DIR=/path/to/.output   tests another build than the project's .output/
 *
 * Screenshots go to test/e2e/out/. The last line is `e2e: N passed, N failed`; the exit code is non-zero on any failure.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { PAGES, pageHtml, pageUrl, routes } from './lib/fixtures.mjs';
import { startFixtureServer } from './lib/server.mjs';
import { OUT_DIR } from './lib/tab.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SPEC_DIR = path.join(import.meta.dirname, 'specs');
const SPEC_TIMEOUT_MS = 60_000;
/** The built extension: `.output/` of the project, or another build's (E2E_OUTPUT_DIR) to test a clean checkout. */
const OUTPUT = path.resolve(process.env.E2E_OUTPUT_DIR ?? path.join(ROOT, '.output'));
const BROWSERS = {
  chromium: { launch: launchChromium, extensionDir: path.join(OUTPUT, 'chrome-mv3') },
  firefox: { launch: launchFirefox, extensionDir: path.join(OUTPUT, 'firefox-mv2') },
};

const { values: options, positionals } = parseArgs({
  options: { browser: { type: 'string', multiple: true } },
  allowPositionals: true,
});
const browserNames = options.browser ?? Object.keys(BROWSERS);
const filters = positionals;

async function loadSpecs() {
  const files = fs
    .readdirSync(SPEC_DIR)
    .filter((f) => f.endsWith('.spec.mjs'))
    .sort();
  const specs = [];
  for (const file of files) {
    const mod = await import(path.join(SPEC_DIR, file));
    for (const spec of mod.default) specs.push({ ...spec, file });
  }
  return specs.filter((s) => !filters.length || filters.some((f) => `${s.file} ${s.name}`.includes(f)));
}

const withTimeout = (promise, ms, what) => {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
};

/**
 * What a spec receives: the same calls in both browsers. Tabs a spec opens are closed after it; the extension
 * page used for messages to the background stays open for the whole run.
 */
/** The extension's database (src/store/schema.ts DB_NAME), and a schema version no build of ours has reached. */
const DB_NAME = 'lga-positions';
const NEWER_SCHEMA = 10_000;

function specApi(browser, server, opened, extensionDir) {
  let messenger;
  /**
   * Where a spec can open the extension's database as the extension would: Firefox's chrome window (its `indexedDB`
   * opens any principal's database, and it outlives an extension reload); in Chromium an extension page of its own.
   */
  const databaseOwner = async () => {
    if (browser.evaluateInChrome) return { evaluate: (fn, arg) => browser.evaluateInChrome(fn, arg) };
    const tab = await browser.newExtensionTab('options.html');
    opened.push(tab);
    return tab;
  };
  const api = {
    browser: browser.name,
    /** The built extension this browser runs (its manifest and files, for checks on what ships). */
    extensionDir,
    server,
    pageUrl,
    pageHtml,
    hasPage: (id) => id in PAGES,
    async open(pageId) {
      const tab = await browser.newTab(pageUrl(pageId));
      opened.push(tab);
      return tab;
    },
    async openUrl(url) {
      const tab = await browser.newTab(url);
      opened.push(tab);
      return tab;
    },
    /** Serves other HTML at a fixture page's URL (null: its own again), as a site whose page changed. */
    overridePage(pageId, html) {
      server.override(PAGES[pageId], html);
    },
    /** A tab the extension opened itself at one of its pages (`capture.html`), so the spec can use and close it. */
    async adoptExtensionTab(pagePath, { timeout = 10_000 } = {}) {
      const tab = await browser.adoptExtensionTab(pagePath, timeout);
      opened.push(tab);
      return tab;
    },
    async extensionPage(pagePath) {
      const tab = await browser.newExtensionTab(pagePath);
      opened.push(tab);
      return tab;
    },
    /** Sends a background request from an extension page, as the side panel does; returns `data` or throws. */
    async message(request) {
      messenger ??= browser.newExtensionTab('options.html').catch((error) => {
        messenger = null; // try again next time (the extension may be reloading)
        throw error;
      });
      const tab = await messenger;
      let reply;
      try {
        reply = await tab.evaluate(
          (msg) => (globalThis.browser ?? globalThis.chrome).runtime.sendMessage(msg),
          request,
        );
      } catch (error) {
        // A message page that cannot send (closed, or left from before an extension reload) is replaced next time.
        if (messenger) {
          messenger = null;
          await tab.close();
        }
        throw error;
      }
      if (!reply || typeof reply !== 'object') throw new Error(`background gave no reply to ${request.type}: ${reply}`);
      if (!reply.ok) throw new Error(`background refused ${request.type}: ${reply.error}`);
      return reply.data;
    },
    /**
     * Reloads the extension (as an update does). Resolves true once its background answers again, false when it
     * did not come back (Chromium does not reload an extension loaded from the command line: it only unloads it).
     * The browser closes the extension's pages; the message page is opened anew.
     */
    async reloadExtension() {
      const tab = await (messenger ?? browser.newExtensionTab('options.html'));
      await tab.evaluate(() => {
        setTimeout(() => (globalThis.browser ?? globalThis.chrome).runtime.reload(), 50);
      });
      messenger = null;
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if (!(await browser.waitForExtension())) return false;
      await api.messageUntil({ type: 'status' }, (s) => s.counts.positions > 0, { what: 'the reloaded extension' });
      return true;
    },
    /**
     * Restarts the extension's background, its stored data kept: Firefox reloads the extension (as an update does; it
     * comes back). Chromium only unloads a command-line extension on reload, so there the service worker is stopped,
     * as Chrome stops an idle one, and starts again on the next message. Resolves to what was done.
     */
    async restartBackground() {
      if (browser.stopServiceWorker) {
        await browser.stopServiceWorker();
        const deadline = Date.now() + 15_000;
        for (;;) {
          await api.messageUntil({ type: 'status' }, (s) => s.counts.positions > 0, { what: 'the restarted worker' });
          if (await browser.serviceWorkerRestarted()) break;
          if (Date.now() > deadline) throw new Error('the service worker did not restart');
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        return 'service worker stopped and started again';
      }
      if (!(await api.reloadExtension())) throw new Error('the extension did not come back after a reload');
      return 'extension reloaded';
    },
    /**
     * Leaves the extension's database as a newer version of the extension would (a higher schema version, as after a
     * downgrade), then restarts the background: it cannot open the database (VersionError) and works in memory mode.
     * The upgrade is asked for while the old background still holds the database, so it goes before the new one's
     * open. `repairIndexedDB` deletes that database and restarts the background, which makes and seeds a new one.
     */
    async breakIndexedDB() {
      const ask = (name) => {
        globalThis.__lgaUpgrade = new Promise((resolve) => {
          const principal = globalThis.Services?.scriptSecurityManager.createContentPrincipalFromOrigin(name.origin);
          const request = principal
            ? indexedDB.openForPrincipal(principal, name.db, name.version)
            : indexedDB.open(name.db, name.version);
          request.onsuccess = () => {
            request.result.close();
            resolve('upgraded');
          };
          request.onerror = () => resolve(`failed: ${request.error}`);
        });
      };
      const place = await databaseOwner();
      await place.evaluate(ask, { db: DB_NAME, origin: browser.extensionOrigin, version: NEWER_SCHEMA });
      await api.restartBackground();
      const upgraded = await place.evaluate(() => globalThis.__lgaUpgrade);
      if (upgraded !== 'upgraded') throw new Error(`the database could not be put at a newer version: ${upgraded}`);
      return api.messageUntil({ type: 'status' }, (s) => s.storage === 'memory', { what: 'memory mode' });
    },
    async repairIndexedDB() {
      const place = await databaseOwner();
      const deleted = await place.evaluate(
        (name) =>
          new Promise((resolve) => {
            const principal = globalThis.Services?.scriptSecurityManager.createContentPrincipalFromOrigin(name.origin);
            const request = principal
              ? indexedDB.deleteForPrincipal(principal, name.db)
              : indexedDB.deleteDatabase(name.db);
            request.onsuccess = () => resolve('deleted');
            request.onerror = () => resolve(`failed: ${request.error}`);
            request.onblocked = () => resolve('blocked');
          }),
        { db: DB_NAME, origin: browser.extensionOrigin },
      );
      if (deleted !== 'deleted') throw new Error(`the database could not be deleted: ${deleted}`);
      await api.restartBackground();
      return api.messageUntil({ type: 'status' }, (s) => s.storage === 'indexeddb', { what: 'IndexedDB again' });
    },
    /** Polls the background until `predicate(data)` holds for the reply to `request`. */
    async messageUntil(request, predicate, { timeout = 15_000, what = request.type } = {}) {
      const deadline = Date.now() + timeout;
      let last;
      for (;;) {
        try {
          last = await api.message(request);
          if (predicate(last)) return last;
        } catch (error) {
          last = error.message;
        }
        if (Date.now() > deadline)
          throw new Error(`timed out waiting for ${what}; last reply: ${JSON.stringify(last)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    evaluateInBackground: browser.evaluateInBackground?.bind(browser),
  };
  return api;
}

async function runBrowser(name, specs, server, results) {
  const { launch, extensionDir } = BROWSERS[name];
  const started = Date.now();
  let browser;
  try {
    assert.ok(fs.existsSync(path.join(extensionDir, 'manifest.json')), `${extensionDir} is missing: run npm run build`);
    browser = await launch({ extensionDir, proxyPort: server.port });
  } catch (error) {
    for (const spec of specs)
      results.push({ browser: name, spec, ok: false, error: `browser did not start: ${error.message}` });
    console.log(`FAIL ${name}: browser did not start: ${error.message}`);
    return;
  }
  console.log(`${name}: started in ${Date.now() - started} ms`);
  const opened = [];
  const api = specApi(browser, server, opened, extensionDir);
  for (const spec of specs) {
    const t0 = Date.now();
    let error = null;
    try {
      await withTimeout(spec.run(api, assert), SPEC_TIMEOUT_MS, spec.name);
      const stray = server.unexpectedSince(t0);
      for (const e of stray) e.flagged = true;
      if (stray.length) {
        throw new Error(
          `network requests that no page made: ${stray.map((e) => `${e.method} ${e.host}${e.path}`).join(', ')}`,
        );
      }
    } catch (e) {
      error = e;
      // Every tab the spec opened, as it was when the spec failed.
      for (const [i, tab] of opened.entries()) {
        await tab.screenshot(`FAILED-${spec.name.replace(/\W+/g, '-').slice(0, 60)}-${i}`).catch(() => {});
      }
    }
    for (const tab of opened.splice(0)) await tab.close();
    const ms = Date.now() - t0;
    results.push({ browser: name, spec, ok: !error, error: error?.stack ?? null, ms });
    if (error)
      console.log(
        `FAIL ${name.padEnd(8)} ${spec.name} (${ms} ms)\n     ${String(error.stack ?? error).replace(/\n/g, '\n     ')}`,
      );
    else console.log(`ok   ${name.padEnd(8)} ${spec.name} (${ms} ms)`);
  }
  await browser.close();
  console.log(`${name}: ${specs.length} specs in ${Date.now() - started} ms`);
}

const t0 = Date.now();
fs.mkdirSync(OUT_DIR, { recursive: true });
// Failure screenshots describe this run only.
for (const name of fs.readdirSync(OUT_DIR)) if (name.includes('-FAILED-')) fs.rmSync(path.join(OUT_DIR, name));
const specs = await loadSpecs();
const server = await startFixtureServer(routes());
const results = [];
try {
  for (const name of specs.length ? browserNames : []) {
    if (!BROWSERS[name]) throw new Error(`unknown browser ${name} (chromium, firefox)`);
    await runBrowser(
      name,
      specs.filter((s) => !s.browsers || s.browsers.includes(name)),
      server,
      results,
    );
  }
} finally {
  await server.close();
}
const count = (kind) => server.log.filter((e) => e.kind === kind && !e.expected).length;
console.log(
  `requests: ${count('page')} fixture pages, ${count('page-resource')} named by the pages themselves (refused), ` +
    `${count('favicon')} favicon probes, ${count('browser')} to the browsers' own services (refused), ` +
    `${server.log.filter((e) => e.expected).length} provoked by the guard's own test, ${count('unexpected')} unexpected`,
);
// A stray request outside any spec (at start-up or shut-down) fails the run too: nothing may leave the machine.
const strayOutsideSpecs = server.log.filter((e) => e.kind === 'unexpected' && !e.flagged && !e.expected);
for (const e of strayOutsideSpecs)
  console.log(`FAIL unexpected request outside the specs: ${e.method} ${e.host}${e.path}`);
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed + (specs.length === 0 ? 1 : 0) + (strayOutsideSpecs.length ? 1 : 0);
if (specs.length === 0) console.log(`no specs match ${filters.join(' or ')}`);
console.log(`e2e run took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
