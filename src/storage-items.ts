/**
 * Items in the extension's `storage` that both the background and the extension pages read or write, defined once
 * (same key, same fallback) below both of them.
 */
import { storage } from '#imports';
import type { PanelTarget, PositionWindow } from './messaging';
import type { KeptUserData, UserDataKeeper } from './store';

/**
 * Where the panel should open: the background's platform writes it on `openPanel`; the panel reads it on load and
 * watches it. `session:` storage: a target belongs to this browser session only.
 */
export const panelTargetItem = storage.defineItem<PanelTarget | null>('session:panelTarget', { fallback: null });

/**
 * Which positions of each briefing the side panel's Bill view shows, where the reader opened more than the first page
 * (src/ui/panel/paging.ts): a reloaded panel asks for them again. `session:` storage: for this browser session.
 */
export const panelWindowsItem = storage.defineItem<PositionWindow[]>('session:panelWindows', { fallback: [] });

/**
 * The reader's data while IndexedDB cannot be used (src/store/kept.ts): `local:` storage outlives the background and
 * the browser session. Written by the background only.
 */
export const keptUserDataItem = storage.defineItem<KeptUserData | null>('local:keptUserData', { fallback: null });

/** The keeper the background hands the store: `keptUserDataItem` in the extension's `storage.local`. */
export function storageLocalKeeper(item = keptUserDataItem): UserDataKeeper {
  return {
    where: "the extension's browser storage",
    load: () => item.getValue(),
    save: (data) => item.setValue(data),
    clear: () => item.removeValue(),
  };
}

/**
 * Whether the panel has shown its first-use note on the keyboard shortcuts (Alt+Shift+N/P). Set the first time the note
 * is shown, so it is shown once, in one panel session, and never again. `local:` storage: kept across sessions.
 */
export const shortcutHintShownItem = storage.defineItem<boolean>('local:shortcutHintShown', { fallback: false });
