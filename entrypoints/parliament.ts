/**
 * Content script for Hansard and parliament.uk pages: wiring only. The work is in src/annotate/controller.ts.
 *
 * An unlisted script that the manifest lists as the content script of the parliament hosts, with the highlight
 * stylesheet (wxt.config.ts), rather than a WXT content script. WXT wraps those in a context that talks to the page
 * through its DOM (a "started" announcement that ends older instances, navigation as a DOM event), which the page's own
 * scripts could forge; and setting it up took about an eighth of this script's start-up (script evaluation, thread
 * time, interleaved runs on the 2.7 MB Hansard day: median 7.4 ms with it, 6.5 without). Nothing the page sends may
 * stop or steer us: the script ends when the extension itself is gone (src/annotate/lifetime.ts), and navigation leads
 * to a rerun only when the URL changed, at a bounded rate (src/annotate/navigation.ts).
 */
import { createController } from '../src/annotate/controller';
import { createLifetime, extensionAlive } from '../src/annotate/lifetime';
import { watchLocation } from '../src/annotate/navigation';
import { pageScheme } from '../src/annotate/popover/scheme';
import { factoriesLoader, lazyPopoverDriver } from '../src/annotate/popover-loader';
import { markStart } from '../src/annotate/ready-state';
import { settingsReader, storageOnFirstUse } from '../src/annotate/settings-reader';
import { nextIdle } from '../src/annotate/slices';
import { createTopicHook } from '../src/annotate/topic-hook';
import {
  type BackgroundRequest,
  type Reply,
  type ResponseFor,
  type TabRequest,
  watchDataRevision,
} from '../src/messaging';
import { understandPage } from '../src/pages';

/**
 * The background's reply as sent. Its listener answers through webextension-polyfill, which turns a thrown error into
 * a marked object that only the polyfill on this side would turn back into a rejection (this script goes without it).
 */
function replyOf(reply: unknown): unknown {
  const marked = reply as { __mozWebExtensionPolyfillReject__?: boolean; message?: string } | null;
  if (marked && typeof marked === 'object' && marked.__mozWebExtensionPolyfillReject__) throw new Error(marked.message);
  return reply;
}

type ExtensionApi = typeof import('wxt/browser').browser;

/**
 * The extension's API, looked up on first use (from the first idle moment on), not as the script is evaluated: the
 * first lookup sets up the extension's bindings in this world, which WXT's `browser` module does at once. Kept from
 * then on, as that module keeps it: once the extension is gone, a fresh lookup finds no `runtime` to remove our
 * listeners from, and the teardown would stop there.
 */
let extensionApi: ExtensionApi | null = null;
function extension(): ExtensionApi {
  const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  extensionApi ??= (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as ExtensionApi;
  return extensionApi;
}

const TAB_REQUESTS: ReadonlySet<string> = new Set(['pageSummary', 'focusReference', 'focusStep', 'topicSummary']);

/**
 * Evaluating the script does no more than note the start (the bench's `lga:start`) and wait for an idle moment: the
 * wiring below, and the extension's API it is the first to use, wait with the run (src/annotate/controller.ts). Built
 * as the script was evaluated, they were about half its start-up after compiling (the real 2.7 MB Hansard day, trace
 * `EvaluateScript` run time: 3.3-5.8 ms wired at once, 1.6-2.6 ms waiting).
 */
export default defineUnlistedScript(() => {
  markStart();
  void nextIdle(window).then(wireAndStart);
});

function wireAndStart(): void {
  const lifetime = createLifetime(window, () => extensionAlive(() => extension().runtime));
  const settings = settingsReader(storageOnFirstUse(() => extension().storage as never));
  const send = <R extends BackgroundRequest>(request: R) =>
    extension().runtime.sendMessage(request).then(replyOf) as Promise<Reply<ResponseFor<R>> | undefined>;
  const log = (message: string, error?: unknown) => console.debug(`[LGA positions] ${message}`, error ?? '');
  // The popover's driver (which makes the popover) and the topic layer are loaded on first need: the background runs
  // their script beside this one (src/annotate/popover-loader.ts), once for all.
  const loadFactories = factoriesLoader(async () => {
    const reply = await send({ type: 'loadPopover' });
    if (!reply?.ok) throw new Error(reply ? reply.error : 'the background did not answer');
  });
  const popoverDriver = lazyPopoverDriver(async () => (await loadFactories()).popoverDriver, log);
  // Topic links (issue 14): one more batched request per section, after its lookup (src/annotate/topic-hook.ts).
  const topics = createTopicHook({
    doc: document,
    send,
    getSettings: settings.get,
    marks: () => controller.marks,
    scheme: () => pageScheme(document),
    refresh: () => void controller.refresh(),
    loadLayer: async () => (await loadFactories()).topicLayer,
    log,
  });
  const controller = createController({
    doc: document,
    url: () => location.href,
    send,
    afterSection: topics.afterSection,
    onReset: topics.onReset,
    getSettings: settings.get,
    // The listeners start at the controller's first idle moment, with its first run.
    watchSettings: settings.watch,
    understand: understandPage,
    popover: { driver: popoverDriver, scheme: pageScheme },
    onTabRequest(handler) {
      // Answered through sendResponse (and `true`: the answer comes later), which both browsers honour without the
      // polyfill; a returned promise is an answer only in Firefox.
      const listener = (message: unknown, _sender: unknown, sendResponse: (reply: Reply<unknown>) => void) => {
        const request = message as TabRequest | null;
        if (!request || typeof request !== 'object' || !TAB_REQUESTS.has(request.type)) return undefined;
        const answer = request.type === 'topicSummary' ? topics.summary() : handler(request);
        Promise.resolve(answer).then(
          (data) => sendResponse({ ok: true, data: data ?? null }),
          (error: unknown) => sendResponse({ ok: false, error: String(error) }),
        );
        return true as const;
      };
      extension().runtime.onMessage.addListener(listener);
      return () => extension().runtime.onMessage.removeListener(listener);
    },
    onLocationChange: (callback) => watchLocation(window, callback),
    alsoListen() {
      const unwatchTopics = settings.watch(topics.settingsChanged);
      // The reader corrected a stance (or changed their briefings) in the side panel: annotate again with it.
      const unwatchData = watchDataRevision(extension().storage as never, () => void controller.refresh());
      return () => {
        unwatchTopics();
        unwatchData();
      };
    },
    onInvalidated: lifetime.onEnd,
    // The reader's input asks: an orphaned script ends, all of it, as soon as the reader moves.
    isAlive: lifetime.isAlive,
    log,
  });
  lifetime.onEnd(topics.teardown);
  // Chrome leaves an orphaned content script running when the extension is updated or removed: ask now and then, for
  // as long as the script lives (the reader's input asks too, and tears the controller down at once: the rest follows).
  lifetime.watch();
  // Already at an idle moment: the first run starts now.
  void controller.start(Promise.resolve());
}
