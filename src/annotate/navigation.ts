/**
 * Navigation within a page (`watchLocation`: the Navigation API's `currententrychange`, or a URL poll). The page can
 * fire that event itself as often as it likes, and change its URL in a loop: so a rerun happens only when the URL
 * really changed, and at most once per `minIntervalMs` (the last URL wins). A change of fragment alone is not a new
 * page: following an anchor (a day page's contents, a contribution's link) leaves the highlights and an open card as
 * they are. Content that really changes is the late-content observer's to notice.
 */

export const NAVIGATION_MIN_INTERVAL_MS = 1000;

/** A URL without its fragment: the page it shows. */
export function pageOf(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

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
        if (pageOf(now) === pageOf(lastUrl)) return;
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

/** How often the URL is read where the browser has no Navigation API. */
export const LOCATION_POLL_MS = 1000;

/**
 * Calls back when the page may have moved to another URL without loading a new document (`pushState`, `replaceState`,
 * back and forward, a fragment): the Navigation API's `currententrychange` where the browser has it (Chrome 102+,
 * Firefox 147+), else a poll of the URL (Firefox 142-146). Both paths are unit-tested; e2e (03-pages) navigates in
 * Chromium and Firefox ESR with whichever path the browser takes. Returns the remover. The page can fire the event
 * itself: what the callback does about it is the gate's to bound (`createNavigationGate`).
 */
export function watchLocation(win: Window, onChange: () => void, pollMs = LOCATION_POLL_MS): () => void {
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    const listener = () => onChange();
    navigation.addEventListener('currententrychange', listener);
    return () => navigation.removeEventListener('currententrychange', listener);
  }
  let last = win.location.href;
  const timer = win.setInterval(() => {
    const now = win.location.href;
    if (now === last) return;
    last = now;
    onChange();
  }, pollMs);
  return () => win.clearInterval(timer);
}
