/**
 * User settings, kept with WXT's storage (browser.storage.local) so every part sees the same values and open pages
 * pick up changes without a reload (`watchSettings`). Their shape and defaults: src/settings-defaults.ts.
 */
import { storage } from '#imports';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings, withDefaults } from './settings-defaults';

export type { HighlightMode, HighlightStyle, Settings } from './settings-defaults';
export { DEFAULT_SETTINGS } from './settings-defaults';

const item = storage.defineItem<Settings>(`local:${SETTINGS_KEY}`, { fallback: DEFAULT_SETTINGS });

export async function getSettings(): Promise<Settings> {
  return withDefaults(await item.getValue());
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await item.setValue(next);
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return item.watch((value) => callback(withDefaults(value)));
}
