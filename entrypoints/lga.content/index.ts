/**
 * Content script for LGA briefing pages (local.gov.uk and the other hosts in src/capture/sites.ts): wiring only.
 * The work is in src/capture/page.ts; it is separate from the parliament content script and shares nothing with it.
 */
import { startCapturePage } from '../../src/capture/page';
import { BRIEFING_PAGE_MATCHES } from '../../src/capture/sites';
import type { BackgroundRequest, Reply, ResponseFor } from '../../src/messaging';
import { shortDate } from '../../src/vocabulary';

export default defineContentScript({
  matches: [...BRIEFING_PAGE_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
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
        ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
      },
      shortDate: (iso) => shortDate(iso),
    });
    if (page) ctx.onInvalidated(() => page.control.remove());
  },
});
