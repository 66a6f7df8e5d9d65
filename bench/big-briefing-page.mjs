/**
 * The in-page halves of bench/big-briefing.mjs, sent to the page as source (so plain JavaScript, self-contained).
 */

/** Marks the key press and every animation frame; Long Tasks where the browser has them. */
export function arm() {
  const bench = { t0: null, t1: null, frames: [], tasks: [], keys: [] };
  window.__bench = bench;
  addEventListener(
    'keydown',
    (event) => {
      bench.t0 ??= event.timeStamp;
    },
    { capture: true },
  );
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.tasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask' });
  } catch {}
  // The key press's own handlers (Event Timing, where the browser has it): the part of the work done in the keydown.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') bench.keys.push(e.processingEnd - e.processingStart);
    }).observe({ type: 'event', durationThreshold: 16, buffered: false });
  } catch {}
  function frame(now) {
    bench.frames.push(now);
    const dialog = document.querySelector('lga-positions-root')?.shadowRoot?.querySelector('[role="dialog"]');
    // performance.now(), not the frame's own time stamp: that is the frame's start, which can precede the key press's
    // handlers it follows.
    if (bench.t0 !== null && bench.t1 === null && dialog && getComputedStyle(dialog).display !== 'none')
      bench.t1 = performance.now();
    if (bench.frames.length < 2000) requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
  return true;
}

/** 1.5 s after the key press: what the marks say. */
export function collect() {
  const { t0, t1, frames, tasks, keys } = window.__bench;
  if (t0 === null) return null;
  const end = t0 + 1500;
  let gap = 0;
  for (let i = 1; i < frames.length; i++) {
    if (frames[i] < t0 || frames[i - 1] > end) continue;
    gap = Math.max(gap, frames[i] - Math.max(frames[i - 1], t0));
  }
  const inWindow = tasks.filter(([start, duration]) => start + duration >= t0 && start <= end);
  const longest = inWindow.reduce((a, b) => (b[1] > (a?.[1] ?? -1) ? b : a), null);
  const root = document.querySelector('lga-positions-root')?.shadowRoot;
  return {
    openMs: t1 === null ? null : t1 - t0,
    longestFrameGapMs: gap,
    longestTaskMs: longest ? longest[1] : 0,
    longestTaskAtMs: longest ? longest[0] - t0 : null,
    keyHandlersMs: keys.length ? Math.max(...keys) : null,
    longTasksApi: PerformanceObserver.supportedEntryTypes.includes('longtask'),
    positionsShown: root?.querySelectorAll('[data-testid="lga-position"]').length ?? 0,
    more: root?.querySelector('[data-testid="lga-omitted"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
  };
}

/** In the side panel: chooses the bill and waits for the big (user-added) briefing's list. */
export async function panelBillView(billId) {
  const started = performance.now();
  document.getElementById('tab-bill')?.click();
  while (performance.now() - started < 60_000) {
    const select = document.getElementById('bill-select');
    if (select && [...select.options].some((o) => o.value === billId) && select.value !== billId) {
      select.value = billId;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    const user = [...document.querySelectorAll('[data-testid="briefing"]')].find((b) =>
      (b.dataset.briefingId ?? '').startsWith('user:'),
    );
    if (user?.querySelector('[data-testid="briefing-position"]')) {
      return {
        ms: performance.now() - started,
        positionsInPage: document.querySelectorAll('[data-testid="briefing-position"]').length,
        ofTheBigOne: user.querySelectorAll('[data-testid="briefing-position"]').length,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return null;
}
