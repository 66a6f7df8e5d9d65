/**
 * The content script's read-only view of the user's settings, straight from `browser.storage.local` (key
 * `SETTINGS_KEY`, as src/settings.ts stores it through WXT's `local:` item). Importing src/settings.ts would bring
 * the whole @wxt-dev/storage module (about 3 kB gzip) into every parliament page for two calls; this reads the same
 * value, with the same defaults (src/settings-defaults.ts).
 */
import { SETTINGS_KEY, type Settings, withDefaults } from '../settings-defaults';

interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
}
interface StorageApi {
  local: StorageArea;
  onChanged: {
    addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    removeListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
  };
}

/**
 * `browser.storage` resolved on first use, not when the content script starts: the browser makes its bindings then
 * (about a millisecond), and the first use is the first run's settings read, at an idle moment.
 */
export function storageOnFirstUse(area: () => StorageApi): StorageApi {
  // (Not named `storage`: WXT's auto-imports would take that name for its storage module, 3 kB gzip.)
  return {
    get local() {
      return area().local;
    },
    get onChanged() {
      return area().onChanged;
    },
  };
}

export function settingsReader(api: StorageApi) {
  return {
    async get(): Promise<Settings> {
      try {
        return withDefaults((await api.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
      } catch {
        return withDefaults(null);
      }
    },
    watch(callback: (settings: Settings) => void): () => void {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && SETTINGS_KEY in changes) callback(withDefaults(changes[SETTINGS_KEY]?.newValue));
      };
      api.onChanged.addListener(listener);
      return () => api.onChanged.removeListener(listener);
    },
  };
}
