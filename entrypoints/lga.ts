/**
 * Content script for LGA briefing pages (local.gov.uk and the other hosts in src/capture/sites.ts): wiring only.
 * The work is in src/capture/page.ts; it is separate from the parliament content script and shares nothing with it.
 *
 * Like that one, an unlisted script the manifest lists (wxt.config.ts), not a WXT content script: WXT's context would
 * post the extension's id to the page on every start and remove the *Add to LGA positions* button when the page sent
 * its "started" event (why: entrypoints/parliament.ts). The button goes when the extension does (lifetime.ts).
 */
import { createLifetime, extensionAlive } from '../src/annotate/lifetime';
import { startCapturePage } from '../src/capture/page';
import type { BackgroundRequest, Reply, ResponseFor } from '../src/messaging';
import { shortDate } from '../src/vocabulary';

export default defineUnlistedScript(() => {
  const lifetime = createLifetime(window, () => extensionAlive(() => browser.runtime));
  const page = startCapturePage({
    doc: document,
    send: <R extends BackgroundRequest>(request: R) =>
      browser.runtime.sendMessage(request) as Promise<Reply<ResponseFor<R>> | undefined>,
    onSaved(callback) {
      const listener = (message: unknown) => {
        if ((message as { type?: unknown } | null)?.type !== 'captureChanged') return undefined;
        callback();
        return Promise.resolve({ ok: true, data: null });
      };
      browser.runtime.onMessage.addListener(listener);
      lifetime.onEnd(() => browser.runtime.onMessage.removeListener(listener));
    },
    shortDate: (iso) => shortDate(iso),
  });
  if (page) {
    lifetime.onEnd(() => page.control.remove());
    lifetime.watch();
  }
});
