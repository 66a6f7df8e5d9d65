/**
 * The settings a page is annotated with: read afresh by each run, and followed as the reader changes them, each
 * change either running the page again or restyling it in place. Its own part so the run lifecycle (controller.ts)
 * holds no settings of its own, and what a change asks of the page is decided in one place.
 */
import type { Settings } from '../settings-defaults';

/**
 * What a change of settings asks of a page already annotated: what is highlighted or where we run changed (`rerun`:
 * scan and draw again), or only how it looks and behaves (`restyle`: the highlight style and the hover delay, in place).
 */
export function settingsChange(old: Settings | null, next: Settings): 'rerun' | 'restyle' {
  if (!old || old.highlightMode !== next.highlightMode) return 'rerun';
  return old.disabledSites.join() === next.disabledSites.join() ? 'restyle' : 'rerun';
}

/** True when the reader switched the extension off on the page's site (a URL that cannot be read has no site). */
export function switchedOffAt(settings: Settings, url: string): boolean {
  return settings.disabledSites.includes(hostnameOf(url));
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

export interface PageSettings {
  /** The settings now: null until the first run has read them. */
  readonly now: Settings | null;
  /** Reads them for a run (which starts from the stored settings, whatever was heard before). */
  read(): Promise<Settings>;
  /** A change heard (`ControllerDeps.watchSettings`): kept, then the page is run again or restyled. */
  changed(next: Settings): void;
}

export function createPageSettings(
  read: () => Promise<Settings>,
  on: { rerun(): void; restyle(next: Settings): void },
): PageSettings {
  let now: Settings | null = null;
  return {
    get now() {
      return now;
    },
    async read() {
      now = await read();
      return now;
    },
    changed(next) {
      const change = settingsChange(now, next);
      now = next;
      if (change === 'rerun') on.rerun();
      else on.restyle(next);
    },
  };
}
