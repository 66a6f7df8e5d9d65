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
import type { PopoverView } from './popover-driver';
import type { TopicLayerFactory } from './topic-hook';

export type PopoverFactory = (doc: Document, scheme: ColourScheme) => PopoverView;

/** Where the popover's script leaves its factories, on the content scripts' global (never the page's). */
const FACTORY_KEY = '__lgaPositionsPopoverFactory';
const TOPIC_LAYER_KEY = '__lgaPositionsTopicLayerFactory';

type FactoryGlobal = { [FACTORY_KEY]?: PopoverFactory; [TOPIC_LAYER_KEY]?: TopicLayerFactory };

/** Called by the popover's script (entrypoints/popover.ts) when it runs. */
export function registerPopoverFactory(factory: PopoverFactory, global: object = globalThis): void {
  (global as FactoryGlobal)[FACTORY_KEY] = factory;
}

/** Called by the popover's script (entrypoints/popover.ts) when it runs. */
export function registerTopicLayerFactory(factory: TopicLayerFactory, global: object = globalThis): void {
  (global as FactoryGlobal)[TOPIC_LAYER_KEY] = factory;
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
