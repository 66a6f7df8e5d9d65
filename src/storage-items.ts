/**
 * Items in the extension's `storage` that both the background and the extension pages read or write, defined once
 * (same key, same fallback) below both of them.
 */
import { storage } from '#imports';
import type { PanelTarget } from './messaging';

/**
 * Where the panel should open: the background's platform writes it on `openPanel`; the panel reads it on load and
 * watches it. `session:` storage: a target belongs to this browser session only.
 */
export const panelTargetItem = storage.defineItem<PanelTarget | null>('session:panelTarget', { fallback: null });
