/**
 * The user's settings as values: their shape, their defaults and their ranges, once, pure (no storage code), so the
 * content script, the options page and the background read one definition. Stored by src/settings.ts.
 */
const HIGHLIGHT_MODES = ['positions', 'all'] as const;
const HIGHLIGHT_STYLES = ['underline', 'background'] as const;
export type HighlightMode = (typeof HIGHLIGHT_MODES)[number];
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export interface Settings {
  /** Hostnames the extension is switched off on. */
  disabledSites: string[];
  /** `positions`: only references the LGA has a position on; `all`: every detected reference. */
  highlightMode: HighlightMode;
  highlightStyle: HighlightStyle;
  /** Dwell before a popover opens, in ms (Wikipedia's previews use about 150-500). */
  hoverDelayMs: number;
  /** Markers beside paragraphs on a subject the LGA has briefed on, and LGA mentions (issue 14). */
  topicLinks: boolean;
}

/**
 * The key the settings are kept under in `browser.storage.local`, for both readers: WXT's `local:settings` item
 * (src/settings.ts) and the content script's direct read (src/annotate/settings-reader.ts).
 */
export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  disabledSites: [],
  highlightMode: 'positions',
  highlightStyle: 'underline',
  hoverDelayMs: 250,
  topicLinks: true,
};

/** The hover delay a reader can choose (the options page's slider), in ms. */
export const HOVER_DELAY = { min: 100, max: 1000, step: 50 } as const;

export function clampDelay(value: number): number {
  if (!Number.isFinite(value)) return HOVER_DELAY.min;
  return Math.min(HOVER_DELAY.max, Math.max(HOVER_DELAY.min, Math.round(value)));
}

/** A stored value (possibly partial, missing or malformed) as settings: each field checked, defaults for the rest. */
export function withDefaults(stored: unknown): Settings {
  const value = stored && typeof stored === 'object' ? (stored as Partial<Record<keyof Settings, unknown>>) : {};
  return {
    disabledSites: Array.isArray(value.disabledSites)
      ? value.disabledSites.map(String)
      : [...DEFAULT_SETTINGS.disabledSites],
    highlightMode: oneOf(HIGHLIGHT_MODES, value.highlightMode) ?? DEFAULT_SETTINGS.highlightMode,
    highlightStyle: oneOf(HIGHLIGHT_STYLES, value.highlightStyle) ?? DEFAULT_SETTINGS.highlightStyle,
    hoverDelayMs:
      typeof value.hoverDelayMs === 'number' && Number.isFinite(value.hoverDelayMs)
        ? clampDelay(value.hoverDelayMs)
        : DEFAULT_SETTINGS.hoverDelayMs,
    topicLinks: typeof value.topicLinks === 'boolean' ? value.topicLinks : DEFAULT_SETTINGS.topicLinks,
  };
}

/** The value if it is one of `choices`, else undefined (for its default). */
function oneOf<T extends string>(choices: readonly T[], value: unknown): T | undefined {
  return choices.find((choice) => choice === value);
}
