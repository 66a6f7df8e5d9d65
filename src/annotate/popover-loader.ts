/**
 * The in-page UI that not every page needs is loaded when a page first needs it, not with the content script: the
 * popover (popover-driver.ts and ./popover: hover timing, stepping, the keys, Preact, the card, its styles; most pages
 * never open one, and parsing it on every page was most of the content script's start-up) and the topic layer
 * (topic-layer.ts: markers and their popover, drawn only where the background finds topic links).
 *
 * How: the content script asks the background (`loadPopover`), which runs the popover's script (POPOVER_SCRIPT, built
 * from entrypoints/popover.ts) in the same frame with the scripting API. An injected script runs in the content
 * scripts' own world (Chrome's isolated world, Firefox's content-script sandbox), so it hands its factories over on
 * that world's global, out of the page's reach: a page's scripts can neither plant factories there nor take them.
 * Nothing is web-accessible, so a page can neither load the script nor probe for it (a web-accessible module for
 * `import()` would be, even with Chrome's `use_dynamic_url`, in Firefox). One script brings everything, so a page that
 * needs both runs it once (`factoriesLoader`).
 *
 * Until it has loaded, the controller talks to `lazyPopoverDriver`, which hands what the reader did meanwhile to the
 * real driver; that one makes its popover itself.
 */
import type { PopoverDriver, PopoverDriverDeps } from './popover-driver';
import type { TopicLayerFactory } from './topic-hook';

/** `createPopoverDriver`: hover timing, stepping and the keys, over the run's marks (popover-driver.ts). */
export type PopoverDriverFactory = (deps: PopoverDriverDeps) => PopoverDriver;

/** What the popover's script brings (entrypoints/popover.ts). */
export interface InPageFactories {
  popoverDriver: PopoverDriverFactory;
  topicLayer: TopicLayerFactory;
}

/** Where the popover's script leaves its factories, on the content scripts' global (never the page's). */
const FACTORIES_KEY = '__lgaPositionsFactories';

type FactoryGlobal = { [FACTORIES_KEY]?: InPageFactories };

/** Called by the popover's script (entrypoints/popover.ts) when it runs. */
export function registerFactories(factories: InPageFactories, global: object = globalThis): void {
  (global as FactoryGlobal)[FACTORIES_KEY] = factories;
}

/**
 * Takes the factories the script left (once: a content script left behind by an extension update, in the same world,
 * loads and takes its own).
 */
export function takeFactories(global: object = globalThis): InPageFactories | null {
  const holder = global as FactoryGlobal;
  const factories = holder[FACTORIES_KEY] ?? null;
  delete holder[FACTORIES_KEY];
  return factories;
}

/**
 * Runs something at most once for everything that needs it: concurrent callers share the run, later ones find it
 * done (with its result); a run that failed is tried again by the next caller.
 */
export function scriptLoader<T>(run: () => Promise<T>): () => Promise<T> {
  let ran: Promise<T> | null = null;
  return () => {
    ran ??= run().catch((error: unknown) => {
      ran = null;
      throw error;
    });
    return ran;
  };
}

/**
 * The popover's factories, loaded on first need: `runScript` runs the popover's script (asks the background), once for
 * all callers, and what it left on `global` is taken then.
 */
export function factoriesLoader(
  runScript: () => Promise<void>,
  global: object = globalThis,
): () => Promise<InPageFactories> {
  return scriptLoader(async () => {
    await runScript();
    const factories = takeFactories(global);
    if (!factories) throw new Error('the popover script ran but left no factories');
    return factories;
  });
}

/**
 * A `PopoverDriver` that loads the real one (hover timing, stepping, the keys: popover-driver.ts, with the popover's
 * script) on first need: `prepare` (a section has positions to show), the pointer on a mark, a click on one, a step or
 * a focus asked for. What the reader did meanwhile is not lost: the last pointer position, a click on a mark, the last
 * key and a step or focus asked for are handed to the real one when it comes. Until then no popover is open.
 */
export function lazyPopoverDriver(
  load: () => Promise<PopoverDriverFactory>,
  log: (message: string, error?: unknown) => void,
): PopoverDriverFactory {
  return (deps) => {
    let real: PopoverDriver | null = null;
    let loading = false;
    let destroyed = false;
    let prepared = false;
    let hoverDelayMs: number | null = null;
    let pointer: Parameters<PopoverDriver['pointer']>[0] | undefined;
    /** What the reader asked for before it loaded (the latest wins), replayed once it has. */
    let pending: ((driver: PopoverDriver) => void) | null = null;

    function ensure(): void {
      if (real || loading || destroyed) return;
      loading = true;
      load().then(
        (create) => {
          loading = false;
          if (destroyed) return;
          const driver = create(deps);
          real = driver;
          if (hoverDelayMs !== null) driver.setHoverDelay(hoverDelayMs);
          if (prepared) driver.prepare();
          if (pointer !== undefined) driver.pointer(pointer);
          const replay = pending;
          pending = null;
          replay?.(driver);
        },
        (error: unknown) => {
          // The next need tries again.
          loading = false;
          log('the popover driver could not be loaded', error);
        },
      );
    }

    /** Asked before it loaded: start loading, and hand it over when it has. */
    function later(act: (driver: PopoverDriver) => void): void {
      pending = act;
      ensure();
    }

    const onMark = (x: number, y: number) => !!deps.hit()?.at(x, y);

    return {
      prepare() {
        prepared = true;
        if (real) real.prepare();
        else ensure();
      },
      get openIndex() {
        return real?.openIndex ?? null;
      },
      pointer(at) {
        if (real) return real.pointer(at);
        pointer = at;
        if (at && !at.inPopover && onMark(at.x, at.y)) ensure();
      },
      inPopover: (event) => real?.inPopover(event) ?? false,
      click(x, y) {
        if (real) real.click(x, y);
        else if (onMark(x, y)) later((driver) => driver.click(x, y));
      },
      key(event) {
        if (real) return real.key(event);
        // Stepping (Alt+Shift+N/P) on a page with marks: the real driver steps once it has loaded.
        if (event.altKey && event.shiftKey && deps.drawnMarks().length) later((driver) => driver.key(event));
        return false;
      },
      moved(resized) {
        if (real) real.moved(resized);
        else if (resized) deps.hit()?.invalidate();
      },
      schemeChanged() {
        real?.schemeChanged();
      },
      focusMark(index, focus) {
        if (real) return real.focusMark(index, focus);
        if (!deps.marks()[index]) return false;
        later((driver) => driver.focusMark(index, focus));
        return true;
      },
      step(direction, every) {
        if (real) return real.step(direction, every);
        if (!deps.drawnMarks().length) return false;
        later((driver) => driver.step(direction, every));
        return true;
      },
      close() {
        real?.close();
      },
      setHoverDelay(ms) {
        hoverDelayMs = ms;
        real?.setHoverDelay(ms);
      },
      reset() {
        pending = null;
        pointer = undefined;
        prepared = false;
        real?.reset();
      },
      destroy() {
        destroyed = true;
        pending = null;
        real?.destroy();
        real = null;
      },
    };
  };
}
