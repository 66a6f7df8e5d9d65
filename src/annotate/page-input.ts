/**
 * The reader's input on the page (pointer, clicks, keys, scrolling, resizing, the system colour scheme), through one
 * collection of listeners that also checks the extension is still alive: an orphaned content script (the extension
 * updated or removed while the page stayed open) tears down at the reader's first move instead of answering it.
 */

export interface Listeners {
  /** Adds a listener that first checks liveness; removed by `removeAll`. */
  on<K extends keyof DocumentEventMap>(
    target: Document | Window,
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  /** Keeps a remover to run with the rest. */
  add(remove: () => void): void;
  readonly size: number;
  removeAll(): void;
}

/**
 * `isReaderInput` (default `event.isTrusted`): events a page's own scripts dispatch (a synthetic Alt+Shift+N, a
 * scripted pointer move or click) are not the reader's and are ignored, so the page cannot drive the extension.
 */
export function createListeners(
  isAlive: (() => boolean) | undefined,
  onDead: () => void,
  isReaderInput: (event: Event) => boolean = (event) => event.isTrusted,
): Listeners {
  const removers: Array<() => void> = [];
  return {
    on(target, type, handler, options) {
      const listener = ((event: DocumentEventMap[typeof type]) => {
        if (!isReaderInput(event)) return;
        if (isAlive && !isAlive()) {
          onDead();
          return;
        }
        handler(event);
      }) as EventListener;
      target.addEventListener(type, listener, options);
      removers.push(() => target.removeEventListener(type, listener, options));
    },
    add(remove) {
      removers.push(remove);
    },
    get size() {
      return removers.length;
    },
    removeAll() {
      // Every remover runs though one before it throws (the API of an extension that is gone may): a teardown that
      // stopped there would leave the rest of ours on the page.
      for (const remove of removers.splice(0)) {
        try {
          remove();
        } catch {
          // nothing left to remove that listener from
        }
      }
    },
  };
}

/** What the page's input means to us; each called at most once per animation frame where it can be frequent. */
export interface PageInputHandlers {
  /** The pointer is at (x, y), over our popover or not; null when it left the page. */
  pointer(at: { x: number; y: number; inPopover: boolean } | null): void;
  /** True when the event landed in our popover (its own clicks are its business). */
  inPopover(event: Event): boolean;
  click(x: number, y: number): void;
  /** True when the key was ours (its default is then prevented). */
  key(event: KeyboardEvent): boolean;
  /** The page scrolled or resized: the open popover follows its reference. */
  moved(resized: boolean): void;
  /** The system switched light/dark. */
  schemeChanged(): void;
}

export interface PageInput {
  /** Cancels pending frames (listeners go with the collection). */
  dispose(): void;
}

export function wirePageInput(doc: Document, listeners: Listeners, handlers: PageInputHandlers): PageInput {
  const win = doc.defaultView as Window & typeof globalThis;
  let pointerFrame = 0;
  let moveFrame = 0;
  let lastPointer: { x: number; y: number; inPopover: boolean } | null = null;
  let resized = false;

  const onMoveFrame = () => {
    moveFrame = 0;
    const wasResize = resized;
    resized = false;
    handlers.moved(wasResize);
  };

  listeners.on(
    doc,
    'pointermove',
    (event) => {
      lastPointer = { x: event.clientX, y: event.clientY, inPopover: handlers.inPopover(event) };
      pointerFrame ||= win.requestAnimationFrame(() => {
        pointerFrame = 0;
        handlers.pointer(lastPointer);
      });
    },
    { passive: true },
  );
  listeners.on(doc, 'pointerleave', () => {
    lastPointer = null;
    handlers.pointer(null);
  });
  listeners.on(doc, 'click', (event) => {
    if (!handlers.inPopover(event)) handlers.click(event.clientX, event.clientY);
  });
  listeners.on(doc, 'keydown', (event) => {
    if (handlers.key(event)) event.preventDefault();
  });
  listeners.on(
    win,
    'scroll',
    () => {
      moveFrame ||= win.requestAnimationFrame(onMoveFrame);
    },
    { passive: true, capture: true },
  );
  listeners.on(win, 'resize', () => {
    resized = true;
    moveFrame ||= win.requestAnimationFrame(onMoveFrame);
  });
  const media = typeof win.matchMedia === 'function' ? win.matchMedia('(prefers-color-scheme: dark)') : null;
  if (media) {
    const onChange = () => handlers.schemeChanged();
    media.addEventListener('change', onChange);
    listeners.add(() => media.removeEventListener('change', onChange));
  }
  return {
    dispose() {
      if (pointerFrame) win.cancelAnimationFrame(pointerFrame);
      if (moveFrame) win.cancelAnimationFrame(moveFrame);
      pointerFrame = moveFrame = 0;
    },
  };
}
