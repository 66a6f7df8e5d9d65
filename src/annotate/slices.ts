/**
 * Work in idle slices: the content script never holds the main thread for more than a slice, so no task it runs
 * comes near 50 ms, and a page the reader is using stays responsive.
 */

/** Work per idle slice: well under a frame. */
export const SLICE_MS = 8;

export function clock(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

export interface SliceOptions {
  /** False once the work is no longer wanted (a newer run started): no further slice runs. */
  isCurrent(): boolean;
  /** Main-thread time spent in each slice (the run's busy time, for the benchmark). */
  onBusy?(ms: number): void;
  sliceMs?: number;
}

type IdleWindow = Window & { requestIdleCallback?: typeof requestIdleCallback };

function whenIdle(win: Window, callback: () => void): void {
  const ric = (win as IdleWindow).requestIdleCallback;
  if (typeof ric === 'function') ric.call(win, () => callback(), { timeout: 100 });
  else win.setTimeout(callback, 0);
}

/** Resolves at the next idle moment (or after a short timeout on a page that is never idle). */
export function nextIdle(win: Window): Promise<void> {
  return new Promise((resolve) => whenIdle(win, resolve));
}

/**
 * Calls `work(deadline)` once now and then in idle callbacks until it returns true (done). Resolves true when the
 * work finished, false when it was cancelled (`isCurrent()` turned false); rejects with what `work` threw.
 */
export function runInSlices(win: Window, work: (deadline: number) => boolean, options: SliceOptions): Promise<boolean> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  return new Promise((resolve, reject) => {
    const slice = (): void => {
      if (!options.isCurrent()) {
        resolve(false);
        return;
      }
      const t0 = clock();
      let done = false;
      try {
        done = work(t0 + sliceMs);
      } catch (error) {
        reject(error);
        return;
      } finally {
        options.onBusy?.(clock() - t0);
      }
      if (done) resolve(true);
      else whenIdle(win, slice);
    };
    slice();
  });
}

/** Runs `work` synchronously, adding its time to `onBusy` (the steps of a run between its slices). */
export function timed<T>(onBusy: (ms: number) => void, work: () => T): T {
  const t0 = clock();
  try {
    return work();
  } finally {
    onBusy(clock() - t0);
  }
}
