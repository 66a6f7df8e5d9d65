/**
 * The content script's lifetime, kept by the script itself (no WXT context runs in parliament pages: why, in
 * entrypoints/parliament.ts). What ends it is the extension's own answer: `runtime.id` is gone once the extension is
 * updated, reloaded or removed. Asked on a slow timer (Chrome leaves an orphaned script running) and whenever the
 * reader's input asks (page-input.ts), so nothing the page sends can end it, and an orphan ends as soon as the reader
 * moves.
 */

/** How often an idle page asks whether the extension is still there. */
export const LIVENESS_CHECK_MS = 2000;

/** True while the extension that runs this script is installed and enabled. */
export function extensionAlive(runtime: () => { id?: string } | undefined): boolean {
  try {
    return runtime()?.id != null;
  } catch {
    return false; // a dead extension context may throw rather than answer
  }
}

export interface Lifetime {
  /** What to do once the extension is gone (each called once, in the order given; at once if it is gone already). */
  onEnd(callback: () => void): void;
  /** Asks every `LIVENESS_CHECK_MS` from now on, until the end. */
  watch(): void;
  /** Asks now: true while the extension is there; once it is gone, ends the script (every `onEnd`) and says false. */
  isAlive(): boolean;
}

export function createLifetime(win: Window, extensionIsThere: () => boolean, everyMs = LIVENESS_CHECK_MS): Lifetime {
  const ends: Array<() => void> = [];
  let ended = false;
  let timer: number | null = null;

  const run = (end: () => void) => {
    try {
      end();
    } catch {
      // the extension is gone: there is no one left to tell
    }
  };

  function isAlive(): boolean {
    if (ended) return false;
    if (extensionIsThere()) return true;
    ended = true;
    if (timer !== null) win.clearInterval(timer);
    timer = null;
    for (const end of ends.splice(0)) run(end);
    return false;
  }

  return {
    onEnd(callback) {
      if (ended) run(callback);
      else ends.push(callback);
    },
    watch() {
      if (!ended && timer === null) timer = win.setInterval(isAlive, everyMs);
    },
    isAlive,
  };
}
