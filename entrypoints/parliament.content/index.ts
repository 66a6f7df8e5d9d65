/**
 * Content script for Hansard and parliament.uk pages: wiring only. The work is in src/annotate/controller.ts.
 */
import { createController } from '../../src/annotate/controller';
import { scanText } from '../../src/annotate/scan';
import { settingsReader } from '../../src/annotate/settings-reader';
import type { BackgroundRequest, Reply, ResponseFor, TabRequest } from '../../src/messaging';
import { understandPage } from '../../src/pages';

// The highlight styles, injected by the browser from the manifest before the page is built (see src/annotate/highlight.ts).
import './highlights.css';

const TAB_REQUESTS: ReadonlySet<string> = new Set(['pageSummary', 'focusReference', 'focusStep']);

export default defineContentScript({
  matches: ['*://hansard.parliament.uk/*', '*://bills.parliament.uk/*', '*://publications.parliament.uk/*'],
  runAt: 'document_idle',
  main(ctx) {
    const settings = settingsReader(browser.storage as never);
    const controller = createController({
      doc: document,
      url: () => location.href,
      send: <R extends BackgroundRequest>(request: R) =>
        browser.runtime.sendMessage(request) as Promise<Reply<ResponseFor<R>> | undefined>,
      getSettings: settings.get,
      watchSettings: settings.watch,
      understand: understandPage,
      scanText,
      onTabRequest(handler) {
        const listener = (message: unknown) => {
          const request = message as TabRequest | null;
          if (!request || typeof request !== 'object' || !TAB_REQUESTS.has(request.type)) return undefined;
          return Promise.resolve(handler(request)).then((data) => ({ ok: true, data: data ?? null }));
        };
        browser.runtime.onMessage.addListener(listener);
        return () => browser.runtime.onMessage.removeListener(listener);
      },
      onLocationChange: (callback) => ctx.addEventListener(window, 'wxt:locationchange', callback),
      onInvalidated: (callback) => ctx.onInvalidated(callback),
      isAlive: () => {
        try {
          return ctx.isValid;
        } catch {
          return false; // a dead extension context may throw rather than answer
        }
      },
      log: (message, error) => console.debug(`[LGA positions] ${message}`, error ?? ''),
    });
    void controller.start();
    // Chrome leaves an orphaned content script running when the extension is updated or removed: WXT notices on its
    // own timers, so keep one slow one going (it runs nothing; the check is the point).
    ctx.setInterval(() => {}, 2000);
  },
});
