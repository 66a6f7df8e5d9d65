/**
 * The in-page UI that not every page needs is loaded when a page first needs it, not with the content script: the
 * popover (./popover: Preact, the card, its styles; most pages never open one, and parsing it on every page was most
 * of the content script's start-up) and the topic layer (topic-layer.ts: markers and their popover, drawn only where
 * the background finds topic links).
 *
 * How: the content script asks the background (`loadPopover`), which runs the popover's script (POPOVER_SCRIPT, built
 * from entrypoints/popover.ts) in the same frame with the scripting API. An injected script runs in the content
 * scripts' own world (Chrome's isolated world, Firefox's content-script sandbox), so it hands its factories over on
 * that world's global, out of the page's reach. Nothing is web-accessible, so a page can neither load the script nor
 * probe for it (a web-accessible module for `import()` would be, even with Chrome's `use_dynamic_url`, in Firefox).
 * One script brings both, so a page that needs both runs it once (`scriptLoader`).
 *
 * The driver (popover-driver.ts) keeps using a `PopoverView`: `lazyPopover` is one that shows the latest request once
 * the real one has loaded, and `warm` starts loading as the pointer reaches a reference, ahead of the hover delay.
 */
import type { ColourScheme } from './highlight';
import type { PopoverDriver, PopoverDriverDeps, PopoverView } from './popover-driver';
import type { TopicLayerFactory } from './topic-hook';

export type PopoverFactory = (doc: Document, scheme: ColourScheme) => PopoverView;
/** `createPopoverDriver`: hover timing, stepping and the keys, over the run's marks (popover-driver.ts). */
export type PopoverDriverFactory = (deps: PopoverDriverDeps) => PopoverDriver;

/** Where the popover's script leaves its factories, on the content scripts' global (never the page's). */
const FACTORY_KEY = '__lgaPositionsPopoverFactory';
const TOPIC_LAYER_KEY = '__lgaPositionsTopicLayerFactory';
const DRIVER_KEY = '__lgaPositionsPopoverDriverFactory';

type FactoryGlobal = {
  [FACTORY_KEY]?: PopoverFactory;
  [TOPIC_LAYER_KEY]?: TopicLayerFactory;
  [DRIVER_KEY]?: PopoverDriverFactory;
};

/** Called by the popover's script (entrypoints/popover.ts) when it runs. */
export function registerPopoverFactory(factory: PopoverFactory, global: object = globalThis): void {
  (global as FactoryGlobal)[FACTORY_KEY] = factory;
}

/** Called by the popover's script (entrypoints/popover.ts) when it runs. */
export function registerTopicLayerFactory(factory: TopicLayerFactory, global: object = globalThis): void {
  (global as FactoryGlobal)[TOPIC_LAYER_KEY] = factory;
}

/** Called by the popover's script (entrypoints/popover.ts) when it runs. */
export function registerPopoverDriverFactory(factory: PopoverDriverFactory, global: object = globalThis): void {
  (global as FactoryGlobal)[DRIVER_KEY] = factory;
}

function take<K extends keyof FactoryGlobal>(global: object, key: K): NonNullable<FactoryGlobal[K]> | null {
  const holder = global as FactoryGlobal;
  const factory = holder[key] ?? null;
  delete holder[key];
  return factory;
}

/**
 * Takes the factory the script left (once: a content script left behind by an extension update, in the same world,
 * loads and takes its own).
 */
export function takePopoverFactory(global: object = globalThis): PopoverFactory | null {
  return take(global, FACTORY_KEY);
}

/** Takes the topic layer's factory the script left (once, as `takePopoverFactory`). */
export function takeTopicLayerFactory(global: object = globalThis): TopicLayerFactory | null {
  return take(global, TOPIC_LAYER_KEY);
}

/** Takes the popover driver's factory the script left (once, as `takePopoverFactory`). */
export function takePopoverDriverFactory(global: object = globalThis): PopoverDriverFactory | null {
  return take(global, DRIVER_KEY);
}

/**
 * Runs the popover's script at most once for everything that needs it: concurrent callers share the run, later ones
 * find it done; a run that failed is tried again by the next caller.
 */
export function scriptLoader(run: () => Promise<void>): () => Promise<void> {
  let ran: Promise<void> | null = null;
  return () => {
    ran ??= run().catch((error: unknown) => {
      ran = null;
      throw error;
    });
    return ran;
  };
}

export interface LazyPopoverDeps {
  /** Runs the popover's script (asks the background); resolves once it has run. */
  load(): Promise<void>;
  /** The factory the script left (`takePopoverFactory`). */
  take(): PopoverFactory | null;
  log(message: string, error?: unknown): void;
}

export interface LazyPopoverView extends PopoverView {
  /** Starts loading now (a reference is about to be pointed at or focused). */
  warm(): void;
}

/**
 * A `PopoverView` that loads the real one on first need. `show` before it has loaded remembers the request (the latest
 * wins; `hide` forgets it) and shows it once loaded; the rest wait for the real view or do nothing without one.
 */
export function lazyPopover(deps: LazyPopoverDeps): (doc: Document, scheme: ColourScheme) => LazyPopoverView {
  let factory: PopoverFactory | null = null;
  let loading: Promise<PopoverFactory | null> | null = null;

  function loadFactory(): Promise<PopoverFactory | null> {
    loading ??= deps
      .load()
      .then(() => {
        factory = deps.take();
        if (!factory) throw new Error('the popover script ran but left no popover');
        return factory;
      })
      .catch((error) => {
        // Another hover may try again.
        loading = null;
        deps.log('the popover could not be loaded', error);
        return null;
      });
    return loading;
  }

  return (doc, initialScheme) => {
    let real: PopoverView | null = null;
    let pending: Parameters<PopoverView['show']>[0] | null = null;
    let scheme = initialScheme;
    let destroyed = false;

    function ensure(): void {
      if (real || destroyed) return;
      if (factory) {
        real = factory(doc, scheme);
        return;
      }
      void loadFactory().then(() => {
        if (!factory || real || destroyed) return;
        real = factory(doc, scheme);
        const request = pending;
        pending = null;
        if (request) real.show(request);
      });
    }

    return {
      warm: ensure,
      show(options) {
        ensure();
        if (real) real.show(options);
        else pending = options;
      },
      reposition(anchor) {
        if (real) real.reposition(anchor);
        else if (pending) pending = { ...pending, anchor };
      },
      hide() {
        pending = null;
        real?.hide();
      },
      contains: (event) => real?.contains(event) ?? false,
      setScheme(next) {
        scheme = next;
        real?.setScheme(next);
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
