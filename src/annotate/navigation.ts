/**
 * Navigation within a page (WXT's `wxt:locationchange`, from the Navigation API or a URL poll). The event's name is
 * known to the page, which can send it as often as it likes, and a page can also change its URL in a loop: so a
 * rerun happens only when the URL really changed, and at most once per `minIntervalMs` (the last URL wins).
 */

export const NAVIGATION_MIN_INTERVAL_MS = 1000;

export interface NavigationGate {
  /** A navigation event: decide (soon) whether to rerun. */
  navigated(): void;
  /** The URL the current run is for (start, and each rerun). */
  ranFor(url: string): void;
  stop(): void;
}

export function createNavigationGate(
  win: Window,
  url: () => string,
  rerun: () => void,
  minIntervalMs = NAVIGATION_MIN_INTERVAL_MS,
): NavigationGate {
  let lastUrl = '';
  let lastRun = Number.NEGATIVE_INFINITY;
  let timer: number | null = null;
  let stopped = false;
  return {
    navigated() {
      if (stopped || timer !== null) return;
      const wait = Math.max(0, lastRun + minIntervalMs - performance.now());
      timer = win.setTimeout(() => {
        timer = null;
        const now = url();
        if (now === lastUrl) return;
        lastUrl = now;
        lastRun = performance.now();
        rerun();
      }, wait);
    },
    ranFor(now) {
      lastUrl = now;
    },
    stop() {
      stopped = true;
      if (timer !== null) win.clearTimeout(timer);
      timer = null;
    },
  };
}
