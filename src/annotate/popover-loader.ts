/**
 * The popover (./popover: Preact, the card, its styles) is loaded when a page first needs it, not with the content
 * script: most pages never open one, and parsing it on every page was most of the content script's start-up.
 *
 * How: the content script asks the background (`loadPopover`), which runs the popover's script (POPOVER_SCRIPT, built
 * from entrypoints/popover.ts) in the same frame with the scripting API. An injected script runs in the content
 * scripts' own world (Chrome's isolated world, Firefox's content-script sandbox), so it hands its factory over on that
 * world's global, out of the page's reach. Nothing is web-accessible, so a page can neither load the script nor probe
 * for it (a web-accessible module for `import()` would be, even with Chrome's `use_dynamic_url`, in Firefox).
 *
 * The driver (popover-driver.ts) keeps using a `PopoverView`: `lazyPopover` is one that shows the latest request once
 * the real one has loaded, and `warm` starts loading as the pointer reaches a reference, ahead of the hover delay.
 */
import type { ColourScheme } from './highlight';
import type { PopoverView } from './popover-driver';

export type PopoverFactory = (doc: Document, scheme: ColourScheme) => PopoverView;

/** Where the popover's script leaves its factory, on the content scripts' global (never the page's). */
const FACTORY_KEY = '__lgaPositionsPopoverFactory';

type FactoryGlobal = { [FACTORY_KEY]?: PopoverFactory };

/** Called by the popover's script (entrypoints/popover.ts) when it runs. */
export function registerPopoverFactory(factory: PopoverFactory, global: object = globalThis): void {
  (global as FactoryGlobal)[FACTORY_KEY] = factory;
}

/**
 * Takes the factory the script left (once: a content script left behind by an extension update, in the same world,
 * loads and takes its own).
 */
export function takePopoverFactory(global: object = globalThis): PopoverFactory | null {
  const holder = global as FactoryGlobal;
  const factory = holder[FACTORY_KEY] ?? null;
  delete holder[FACTORY_KEY];
  return factory;
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
