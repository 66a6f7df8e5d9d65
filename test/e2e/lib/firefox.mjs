/**
 * Firefox driver: /usr/bin/firefox-esr over its built-in WebDriver BiDi (no geckodriver, no Playwright Firefox).
 * The built firefox-mv2 extension is installed as a temporary add-on with a pinned moz-extension UUID; extension
 * pages are opened from the privileged chrome context (BiDi refuses to navigate to moz-extension:// URLs).
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { chord, WEBDRIVER_KEYS } from './keys.mjs';
import { Tab } from './tab.mjs';

export const GECKO_ID = 'lga-positions@local.gov.uk.example';
export const EXTENSION_UUID = '6c0a1f52-5e1d-4f3a-9b1e-1a9e0e2e2e01';
const COMMAND_TIMEOUT_MS = 30_000;
/** Debian's Firefox ESR (`apt-get install firefox-esr`). */
const FIREFOX = '/usr/bin/firefox-esr';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Profile preferences: the fixture server as proxy for every scheme, and no background traffic of Firefox's own. */
function profilePrefs(proxyPort) {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    // http:// fixture URLs stay http (an https-first attempt would be a refused CONNECT and a slow fallback).
    'dom.security.https_first': false,
    'dom.security.https_first_schemeless': false,
    'dom.security.https_only_mode': false,
    'layout.css.prefers-color-scheme.content-override': 1, // light, whatever the machine's theme
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage': 'about:blank',
    'browser.newtabpage.enabled': false,
    'browser.aboutwelcome.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'toolkit.telemetry.enabled': false,
    'app.update.disabledForTesting': true,
    'app.normandy.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.dns.disablePrefetch': true,
    'network.prefetch-next': false,
    'network.http.speculative-parallel-limit': 0,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'extensions.update.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.systemAddon.update.enabled': false,
    'services.settings.server': 'http://127.0.0.1:9/',
    'browser.ping-centre.telemetry': false,
    'browser.contentblocking.report.monitor.enabled': false,
    'dom.push.connection.enabled': false,
    'media.gmp-manager.updateEnabled': false,
  };
}

class BiDi {
  constructor(ws) {
    this.ws = ws;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Map();
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString());
      if (msg.id !== undefined && this.pending.has(msg.id)) {
        const { resolve, reject, timer } = this.pending.get(msg.id);
        clearTimeout(timer);
        this.pending.delete(msg.id);
        if (msg.type === 'error') reject(new Error(`${msg.error}: ${msg.message}`));
        else resolve(msg.result);
      } else if (msg.method) {
        for (const listener of this.listeners.get(msg.method) ?? []) listener(msg.params);
      }
    });
  }
  send(method, params = {}) {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`BiDi ${method} timed out after ${COMMAND_TIMEOUT_MS} ms`));
      }, COMMAND_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }
  on(method, listener) {
    if (!this.listeners.has(method)) this.listeners.set(method, []);
    this.listeners.get(method).push(listener);
  }
}

/** Runs `fn(arg)` in a realm and returns its JSON-able result; exceptions come back as errors with the page's text. */
async function callIn(bidi, target, fn, arg) {
  const functionDeclaration = `async (argJson) => {
    const result = await (${fn.toString()})(argJson === undefined ? undefined : JSON.parse(argJson));
    return result === undefined ? undefined : JSON.stringify(result);
  }`;
  const args = arg === undefined ? [] : [{ type: 'string', value: JSON.stringify(arg) }];
  const reply = await bidi.send('script.callFunction', {
    functionDeclaration,
    arguments: args,
    target,
    awaitPromise: true,
    resultOwnership: 'none',
  });
  if (reply.type === 'exception') {
    const d = reply.exceptionDetails;
    throw new Error(
      `in page: ${d.text}${d.stackTrace?.callFrames?.[0] ? ` at ${d.stackTrace.callFrames[0].url}` : ''}`,
    );
  }
  return reply.result.type === 'string' ? JSON.parse(reply.result.value) : undefined;
}

class FirefoxTab extends Tab {
  constructor(context, browser) {
    super(browser);
    this.context = context;
    this.currentUrl = 'about:blank';
  }
  url() {
    return this.currentUrl;
  }
  async goto(url) {
    await this.browser.bidi.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
    this.currentUrl = url;
  }
  evaluate(fn, arg) {
    return callIn(this.browser.bidi, { context: this.context }, fn, arg);
  }
  /**
   * Sends `messages` to the background from the extension's content-script sandbox on this page, as a compromised
   * renderer could: a frame script (loaded from the chrome context into the tab's content process) finds our
   * sandbox through ExtensionContent.getContextByExtensionId (Firefox's own test helper) and sends from inside it. Resolves with each reply (or `{thrown}`).
   */
  sendFromContentScript(messages) {
    return this.browser.evaluateInChrome(
      ({ url, messages: list, geckoId }) =>
        new Promise((resolve, reject) => {
          const target = gBrowser.browsers.find((b) => b.currentURI?.spec === url);
          if (!target) {
            reject(new Error(`no tab shows ${url}`));
            return;
          }
          const mm = target.messageManager;
          const listener = (message) => {
            mm.removeMessageListener('lga-e2e:sent', listener);
            const data = JSON.parse(message.data);
            if (data.error) reject(new Error(data.error));
            else resolve(data.replies);
          };
          mm.addMessageListener('lga-e2e:sent', listener);
          const source = `
            try {
              const { ExtensionContent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionContent.sys.mjs');
              const sandbox = ExtensionContent.getContextByExtensionId(${JSON.stringify(geckoId)}, content)?.sandbox;
              if (!sandbox) throw new Error('no content-script sandbox of ours on this page');
              const sent = Cu.evalInSandbox(
                'Promise.all(' + ${JSON.stringify(JSON.stringify(list))} + '.map((m) => browser.runtime.sendMessage(m).catch((e) => ({ thrown: String(e) })))).then((r) => JSON.stringify(r))',
                sandbox,
              );
              sent.then(
                (json) => sendAsyncMessage('lga-e2e:sent', JSON.stringify({ replies: JSON.parse(json) })),
                (e) => sendAsyncMessage('lga-e2e:sent', JSON.stringify({ error: String(e) })),
              );
            } catch (e) {
              sendAsyncMessage('lga-e2e:sent', JSON.stringify({ error: String(e) }));
            }`;
          mm.loadFrameScript(`data:application/javascript,${encodeURIComponent(source)}`, false);
        }),
      { url: this.currentUrl, messages, geckoId: GECKO_ID },
    );
  }
  /** Evaluates a script's source text as an expression (through the debugger: not subject to the page's CSP). */
  async evaluateExpression(expression) {
    const reply = await this.browser.bidi.send('script.evaluate', {
      expression,
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (reply.type === 'exception') throw new Error(`in page: ${reply.exceptionDetails.text}`);
    return reply.result.type === 'string' || reply.result.type === 'number' || reply.result.type === 'boolean'
      ? reply.result.value
      : undefined;
  }
  async actions(actions) {
    await this.browser.bidi.send('input.performActions', { context: this.context, actions });
  }
  async mouseMove(x, y) {
    await this.actions([
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0 }],
      },
    ]);
  }
  async click(x, y) {
    await this.actions([
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0 },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ]);
  }
  async press(keys) {
    const values = chord(keys).map((k) => WEBDRIVER_KEYS[k] ?? k);
    const actions = [
      ...values.map((value) => ({ type: 'keyDown', value })),
      ...values.toReversed().map((value) => ({ type: 'keyUp', value })),
    ];
    await this.actions([{ type: 'key', id: 'keyboard', actions }]);
  }
  async type(text) {
    const actions = [...text].flatMap((value) => [
      { type: 'keyDown', value },
      { type: 'keyUp', value },
    ]);
    await this.actions([{ type: 'key', id: 'keyboard', actions }]);
  }
  async setViewport(width, height) {
    await this.browser.bidi.send('browsingContext.setViewport', { context: this.context, viewport: { width, height } });
  }
  /** Firefox has one content colour-scheme override for all tabs: a pref set from the chrome context. */
  async colorScheme(scheme) {
    await this.browser.evaluateInChrome(
      (value) => Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', value),
      scheme === 'dark' ? 0 : 1,
    );
    await sleep(100); // the pref change reaches content processes asynchronously
  }
  async bringToFront() {
    await this.browser.bidi.send('browsingContext.activate', { context: this.context });
  }
  async screenshotPng() {
    const { data } = await this.browser.bidi.send('browsingContext.captureScreenshot', { context: this.context });
    return Buffer.from(data, 'base64');
  }
  async close() {
    await this.browser.bidi.send('browsingContext.close', { context: this.context }).catch(() => {});
  }
}

const debug = process.env.E2E_DEBUG ? (...args) => console.log('[firefox]', ...args) : () => {};

/**
 * A Firefox older than the add-on's `strict_min_version` refuses it with 'not compatible with application version',
 * which names no fix; a Debian machine whose package lists were never updated installs ESR 140. Say so up front.
 */
function requireFirefoxFor(extensionDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
  const minimum = manifest.browser_specific_settings?.gecko?.strict_min_version;
  const written = execFileSync(FIREFOX, ['--version'], { encoding: 'utf8' }).trim(); // `Mozilla Firefox 153.8.0esr`
  const major = (text) => Number(/(\d+)\./.exec(text ?? '')?.[1] ?? Number.NaN);
  if (minimum && major(written) < major(minimum)) {
    throw new Error(
      `${written} is older than the extension's minimum, Firefox ${minimum}: update it ` +
        '(apt-get update && apt-get install firefox-esr), as .ci/run does',
    );
  }
}

export async function launchFirefox({ extensionDir, proxyPort }) {
  const t0 = Date.now();
  requireFirefoxFor(extensionDir);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lga-e2e-firefox-'));
  fs.writeFileSync(
    path.join(profile, 'user.js'),
    Object.entries(profilePrefs(proxyPort))
      .map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`)
      .join('\n'),
  );
  const child = spawn(
    FIREFOX,
    ['-headless', '--remote-debugging-port=0', '--remote-allow-system-access', '--profile', profile, '--no-remote'],
    // Release builds ignore services.settings.server unless this is set: without it Remote Settings calls home.
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' } },
  );
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const wsUrl = await new Promise((resolve, reject) => {
    let output = '';
    const onData = (d) => {
      output += d;
      const m = output.match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
      if (m) resolve(m[1]);
    };
    child.stderr.on('data', onData);
    child.stdout.on('data', onData);
    child.on('exit', (code) => reject(new Error(`firefox exited with ${code}\n${output.slice(-2000)}`)));
    setTimeout(
      () => reject(new Error(`firefox did not start BiDi within 30 s\n${output.slice(-2000)}`)),
      30_000,
    ).unref();
  });
  debug('BiDi listening after', Date.now() - t0, 'ms');
  const ws = new WebSocket(`${wsUrl}/session`);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const bidi = new BiDi(ws);
  await bidi.send('session.new', { capabilities: {} });
  debug('session after', Date.now() - t0, 'ms');
  await bidi.send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });
  debug('extension installed after', Date.now() - t0, 'ms');

  /** @type {Map<string, FirefoxTab>} */
  const tabsByContext = new Map();
  /** Errors logged in contexts that no spec opened (the background page, the chrome window). */
  const unattributedErrors = [];
  await bidi.send('session.subscribe', { events: ['log.entryAdded'] });
  bidi.on('log.entryAdded', (entry) => {
    if (entry.level !== 'error') return;
    const tab = tabsByContext.get(entry.source?.context);
    const where = entry.stackTrace?.callFrames?.map((f) => f.url).join(' ') ?? '';
    const text = `${entry.text} ${where}`.trim();
    if (!tab) {
      unattributedErrors.push(text);
      return;
    }
    // Firefox reports a content script's errors against the page's own window realm, so tell them apart by their
    // stack: the page's errors carry frames of its own scripts; the content script's carry moz-extension:// frames,
    // or none at all when privileged code (an Xray wrapper) threw on its behalf.
    const frames = entry.stackTrace?.callFrames ?? [];
    const fromExtension =
      frames.some((f) => f.url.startsWith('moz-extension:')) || (entry.type === 'javascript' && frames.length === 0);
    tab.errors.push({ text, source: entry.type, fromExtension });
  });

  const { contexts } = await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const chromeContext = contexts[0].context;
  const origin = `moz-extension://${EXTENSION_UUID}`;

  const browser = {
    name: 'firefox',
    extensionOrigin: origin,
    bidi,
    unattributedErrors,
    evaluateInChrome(fn, arg) {
      return callIn(bidi, { context: chromeContext }, fn, arg);
    },
    async newTab(url) {
      const { context } = await bidi.send('browsingContext.create', { type: 'tab' });
      const tab = new FirefoxTab(context, browser);
      tabsByContext.set(context, tab);
      await tab.setViewport(1100, 700);
      await tab.goto(url);
      return tab;
    },
    /** True once the add-on is installed and running again (after a reload), false after `timeout` ms. */
    async waitForExtension(timeout = 20_000) {
      const deadline = Date.now() + timeout;
      while (Date.now() < deadline) {
        const active = await browser
          .evaluateInChrome((id) => !!WebExtensionPolicy.getByID(id)?.active, GECKO_ID)
          .catch(() => false);
        if (active) return true;
        await sleep(100);
      }
      return false;
    },
    /** A tab the extension opened itself (tabs.create) at one of its pages, not adopted before. */
    async adoptExtensionTab(pagePath, timeout = 10_000) {
      const prefix = `${origin}/${pagePath}`;
      const deadline = Date.now() + timeout;
      while (Date.now() < deadline) {
        const { contexts: now } = await bidi.send('browsingContext.getTree', { maxDepth: 0 });
        const found = now.find((c) => c.url.startsWith(prefix) && !tabsByContext.has(c.context));
        if (found) {
          const tab = new FirefoxTab(found.context, browser);
          tab.currentUrl = found.url;
          tabsByContext.set(found.context, tab);
          await tab.setViewport(1100, 700);
          await tab.waitFor(() => document.readyState === 'complete', undefined, { what: `${pagePath} loaded` });
          return tab;
        }
        await sleep(100);
      }
      throw new Error(`the extension opened no ${pagePath} tab within ${timeout} ms`);
    },
    async newExtensionTab(pagePath) {
      const url = `${origin}/${pagePath}`;
      const before = new Set(
        (await bidi.send('browsingContext.getTree', { maxDepth: 0 })).contexts.map((c) => c.context),
      );
      await browser.evaluateInChrome((u) => {
        gBrowser.selectedTab = gBrowser.addTab(u, {
          triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
        });
      }, url);
      let fresh = null;
      for (let i = 0; i < 200 && !fresh?.url.startsWith(url); i++) {
        if (i) await sleep(50);
        const { contexts: now } = await bidi.send('browsingContext.getTree', { maxDepth: 0 });
        fresh = now.find((c) => !before.has(c.context)) ?? null;
        // A tab that settled on something else (an error page while the extension reloads) will not become ours.
        if (fresh && i > 40 && fresh.url !== 'about:blank' && !fresh.url.startsWith(url)) break;
      }
      if (fresh?.url.startsWith(url)) {
        const tab = new FirefoxTab(fresh.context, browser);
        tab.currentUrl = url;
        tabsByContext.set(fresh.context, tab);
        await tab.setViewport(1100, 700);
        await tab.waitFor(() => document.readyState === 'complete', undefined, { what: `${pagePath} loaded` });
        return tab;
      }
      if (fresh) await bidi.send('browsingContext.close', { context: fresh.context }).catch(() => {});
      throw new Error(`extension page ${url} did not open${fresh ? ` (the tab showed ${fresh.url})` : ''}`);
    },
    async close() {
      try {
        await bidi.send('session.end', {});
      } catch {}
      ws.close();
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
  return browser;
}
