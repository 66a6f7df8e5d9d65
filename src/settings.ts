/**
 * User settings, kept with WXT's storage (browser.storage.local) so every part sees the same values and open pages
 * pick up changes without a reload (`watchSettings`).
 */
import { storage } from '#imports';

export type HighlightMode = 'positions' | 'all';
export type HighlightStyle = 'underline' | 'background';

export interface Settings {
  /** Hostnames the extension is switched off on. */
  disabledSites: string[];
  /** `positions`: only references the LGA has a position on; `all`: every detected reference. */
  highlightMode: HighlightMode;
  highlightStyle: HighlightStyle;
  /** Dwell before a popover opens, in ms (Wikipedia's previews use about 150-500). */
  hoverDelayMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  disabledSites: [],
  highlightMode: 'positions',
  highlightStyle: 'underline',
  hoverDelayMs: 250,
};

const item = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });

export async function getSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await item.getValue()) };
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await item.setValue(next);
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return item.watch((value) => callback({ ...DEFAULT_SETTINGS, ...value }));
}
