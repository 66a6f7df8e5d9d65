/**
 * The content script's lifetime, kept by the script itself. The parliament script is an unlisted script that the
 * manifest lists (wxt.config.ts), not a WXT content script, so no WXT context runs in the page: that context announced
 * each start to the page through its DOM and ended an instance that heard a "newer" one start, and it reported
 * navigation as a DOM event, all of which any script on the page could forge; and setting it up was a quarter of the
 * script's start-up. Here what ends the script is the extension's own answer (`runtime.id` is gone once it is updated,
 * reloaded or removed), asked on a slow timer and on the reader's input (page-input.ts); navigation is the browser's
 * own (navigation.ts `watchLocation`).
 */

/** How often an idle page asks whether the extension is still there (Chrome leaves an orphaned script running). */
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
  /** What to do once the extension is gone (each called once, in the order given). */
  onEnd(callback: () => void): void;
  /** Asks every `LIVENESS_CHECK_MS` from now on; returns the stopper. */
  watch(): () => void;
  /** Asks now; ends the script if the extension is gone. */
  check(): void;
}

export function createLifetime(win: Window, isAlive: () => boolean, everyMs = LIVENESS_CHECK_MS): Lifetime {
  const ends: Array<() => void> = [];
  let ended = false;
  let timer: number | null = null;

  function stopWatching(): void {
    if (timer !== null) win.clearInterval(timer);
    timer = null;
  }

  function check(): void {
    if (ended || isAlive()) return;
    ended = true;
    stopWatching();
    for (const end of ends.splice(0)) {
      try {
        end();
      } catch {
        // the extension is gone: there is no one left to tell
      }
    }
  }

  return {
    onEnd(callback) {
      if (!ended) ends.push(callback);
    },
    watch() {
      if (!ended && timer === null) timer = win.setInterval(check, everyMs);
      return stopWatching;
    },
    check,
  };
}
