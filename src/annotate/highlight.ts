/**
 * Drawing highlights over references without touching the page's text.
 *
 * Where the CSS Custom Highlight API exists (Chrome 105+, Firefox 140+, Safari 17.2+) every reference is a Range
 * added to one `Highlight` per look (`lga-support`, `lga-support-other`, …, `lga-detected`), registered in
 * `CSS.highlights`: no text node of the page changes. Where it is missing, each reference is wrapped in `<lga-ref>`
 * elements (a name no page CSS targets): the only case where we split the page's text nodes, and `clear()` puts
 * them back.
 *
 * The styles are one static stylesheet (assets/public/highlights.css, generated from these names
 * by scripts/build-highlight-css.ts at build time) that the browser injects from the manifest before the page is built. Adding a `<style>` element later, even one of
 * `::highlight()` rules only, makes the browser recompute the style of every element: 120-210 ms on the 2.7 MB
 * Hansard page. So every variant has its own name (`lga-support-other-bg-dark`) and switching the colour scheme or
 * the highlight style only re-registers highlights under other names.
 */
import { type ColourScheme, STANCES, type Stance } from '../model';
import type { HighlightStyle } from '../settings-defaults';

export type { ColourScheme } from '../model';

export const HIGHLIGHT_PREFIX = 'lga-';
export const WRAP_TAG = 'lga-ref';

/** What one highlighted reference looks like; decided from what the background said of it. */
export interface HighlightLook {
  /** Stance of the best-ranked position, or null for a reference without a position (mode `all`). */
  stance: Stance | null;
  /** True when at least one position's numbering applies to this page. */
  applies: boolean;
}

export interface HighlightEntry extends HighlightLook {
  /** The content script's own index of the reference (the side panel focuses by it). */
  index: number;
  range: Range;
}

/** How highlights are drawn on this page: the user's style and the page's colour scheme. */
export interface HighlightVariant {
  style: HighlightStyle;
  scheme: ColourScheme;
}

const DEFAULT_VARIANT: HighlightVariant = { style: 'underline', scheme: 'light' };
export const VARIANTS: readonly HighlightVariant[] = [
  { style: 'underline', scheme: 'light' },
  { style: 'background', scheme: 'light' },
  { style: 'underline', scheme: 'dark' },
  { style: 'background', scheme: 'dark' },
];

function variantSuffix(variant: HighlightVariant): string {
  return `${variant.style === 'background' ? '-bg' : ''}${variant.scheme === 'dark' ? '-dark' : ''}`;
}

/**
 * The highlight name of a look: `lga-support`, `lga-support-other`, `lga-detected`; other variants add `-bg`
 * (background style) and `-dark` (dark page).
 */
export function highlightName(look: HighlightLook, variant: HighlightVariant = DEFAULT_VARIANT): string {
  const base = look.stance ? `${look.stance}${look.applies ? '' : '-other'}` : 'detected';
  return `${HIGHLIGHT_PREFIX}${base}${variantSuffix(variant)}`;
}

/** The highlight marking the reference whose popover is open. */
export function activeName(variant: HighlightVariant = DEFAULT_VARIANT): string {
  return `${HIGHLIGHT_PREFIX}active${variant.scheme === 'dark' ? '-dark' : ''}`;
}

/** Every look, in a fixed order (so the stylesheet is stable and stances paint predictably). */
export function allLooks(): HighlightLook[] {
  const looks: HighlightLook[] = [];
  for (const stance of STANCES) looks.push({ stance, applies: true }, { stance, applies: false });
  looks.push({ stance: null, applies: false });
  return looks;
}

/** LGA mentions in speeches (issue 14, src/annotate/topic-layer.ts): one look for both schemes (the page's ink). */
export const TOPIC_MENTION_HIGHLIGHT = `${HIGHLIGHT_PREFIX}topic-mention`;

/** Every highlight name this module can register (to remove a dead instance's highlights without iterating the
 * registry, which Firefox's content-script view of the page does not allow). */
export function allHighlightNames(): string[] {
  const names = VARIANTS.flatMap((variant) => allLooks().map((look) => highlightName(look, variant)));
  names.push(activeName({ style: 'underline', scheme: 'light' }), activeName({ style: 'underline', scheme: 'dark' }));
  names.push(TOPIC_MENTION_HIGHLIGHT);
  return names;
}

/** Entries grouped by highlight name; entries keep their order. */
export function groupByLook<T extends HighlightLook>(
  entries: readonly T[],
  variant: HighlightVariant = DEFAULT_VARIANT,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const name = highlightName(entry, variant);
    const list = groups.get(name);
    if (list) list.push(entry);
    else groups.set(name, [entry]);
  }
  return groups;
}

/** The CSS Custom Highlight API where usable: both `CSS.highlights` and the `Highlight` constructor. */
export interface HighlightApi {
  registry: { set(name: string, value: unknown): unknown; delete(name: string): boolean };
  create(ranges: Range[]): unknown;
}

export function highlightApiOf(win: Window & typeof globalThis): HighlightApi | null {
  const css = (win as unknown as { CSS?: { highlights?: HighlightApi['registry'] } }).CSS;
  const HighlightCtor = (win as unknown as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (!css?.highlights || typeof HighlightCtor !== 'function') return null;
  return { registry: css.highlights, create: (ranges) => new HighlightCtor(...ranges) };
}

/** How a highlighter made for this window draws: through the Highlight API where it has one, else by wrapping. */
export function highlightModeOf(win: Window & typeof globalThis): 'highlight-api' | 'wrap' {
  return modeOf(highlightApiOf(win));
}

const modeOf = (api: HighlightApi | null): 'highlight-api' | 'wrap' => (api ? 'highlight-api' : 'wrap');

export interface HighlighterOptions {
  style: HighlightStyle;
  scheme: ColourScheme;
  /** Override detection (tests). `undefined`: detect from the document's window. */
  api?: HighlightApi | null;
}

export interface Highlighter {
  readonly mode: 'highlight-api' | 'wrap';
  /** Draws the given entries (replacing what was drawn). Returns the entries, with ranges re-made in wrap mode. */
  draw(entries: readonly HighlightEntry[]): HighlightEntry[];
  /** Marks one entry as the active one (the popover's); null clears. */
  setActive(entry: HighlightEntry | null): void;
  restyle(style: HighlightStyle, scheme: ColourScheme): void;
  /** Removes every highlight and wrapper. */
  clear(): void;
  /** Text nodes we created by splitting (0 in highlight-api mode). */
  readonly textNodesChanged: number;
}

export function createHighlighter(doc: Document, options: HighlighterOptions): Highlighter {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const api = options.api !== undefined ? options.api : win ? highlightApiOf(win) : null;
  let variant: HighlightVariant = { style: options.style, scheme: options.scheme };
  let registered: string[] = [];
  /** What is drawn, for re-registering under another variant's names. */
  let drawn: HighlightEntry[] = [];
  let active: HighlightEntry | null = null;
  /** Wrap mode: the wrappers of each drawn reference, keyed by the range we made around them. */
  const wrapped = new Map<Range, { wrappers: HTMLElement[]; look: HighlightLook }>();
  let activeWrappers: HTMLElement[] = [];
  let changed = 0;

  function clearApi(): void {
    if (!api) return;
    for (const name of registered) api.registry.delete(name);
    registered = [];
  }

  function registerApi(): void {
    if (!api) return;
    clearApi();
    for (const [name, group] of groupByLook(drawn, variant)) {
      api.registry.set(name, api.create(group.map((e) => e.range)));
      registered.push(name);
    }
    registerActive();
  }

  /** Only the active highlight changes when a popover opens or closes: the others stay registered. */
  function registerActive(): void {
    if (!api) return;
    for (const scheme of ['light', 'dark'] as const) api.registry.delete(activeName({ style: variant.style, scheme }));
    registered = registered.filter((name) => !name.startsWith(activeName({ style: 'underline', scheme: 'light' })));
    if (!active) return;
    const name = activeName(variant);
    api.registry.set(name, api.create([active.range]));
    registered.push(name);
  }

  function unwrapAll(): void {
    unwrap([...wrapped.values()].flatMap((w) => w.wrappers));
    wrapped.clear();
    activeWrappers = [];
    changed = 0;
  }

  function wrapRange(range: Range, look: string): HTMLElement[] {
    const made: HTMLElement[] = [];
    for (const text of textNodesIn(range)) {
      let node = text;
      let start = node === range.startContainer ? range.startOffset : 0;
      let end = node === range.endContainer ? range.endOffset : node.data.length;
      if (end <= start || !node.data.slice(start, end).trim()) continue;
      if (start > 0) {
        node = node.splitText(start);
        changed++;
        end -= start;
        start = 0;
      }
      if (end < node.data.length) {
        node.splitText(end);
        changed++;
      }
      const wrapper = doc.createElement(WRAP_TAG);
      wrapper.dataset.lgaLook = look;
      node.parentNode!.insertBefore(wrapper, node);
      wrapper.append(node);
      made.push(wrapper);
    }
    return made;
  }

  function restyleWrappers(): void {
    for (const { wrappers, look } of wrapped.values()) {
      const name = highlightName(look, variant);
      for (const w of wrappers) if (w.dataset.lgaLook !== name) w.dataset.lgaLook = name;
    }
    for (const w of activeWrappers) w.dataset.lgaActive = variant.scheme;
  }

  function drawWrapped(entries: readonly HighlightEntry[]): HighlightEntry[] {
    const keep = new Set(entries.map((e) => e.range));
    const gone = [...wrapped.keys()].filter((range) => !keep.has(range));
    for (const range of gone) {
      unwrap(wrapped.get(range)!.wrappers);
      wrapped.delete(range);
    }
    // Wrap from the end of the document backwards, so splitting one reference's text never moves an earlier one.
    const fresh = entries.filter((e) => !wrapped.has(e.range)).sort((a, b) => compareRanges(b.range, a.range));
    const remade = new Map<HighlightEntry, Range>();
    for (const entry of fresh) {
      const made = wrapRange(entry.range, highlightName(entry, variant));
      const first = made[0];
      const last = made[made.length - 1];
      if (!first || !last) continue;
      const range = doc.createRange();
      range.setStartBefore(first);
      range.setEndAfter(last);
      wrapped.set(range, { wrappers: made, look: entry });
      remade.set(entry, range);
    }
    // A look may have changed for a kept entry (mode or lookup): restyle its wrappers.
    for (const entry of entries) {
      const kept = wrapped.get(entry.range);
      if (kept) kept.look = entry;
    }
    restyleWrappers();
    return entries.flatMap((e) => {
      if (wrapped.has(e.range)) return [e];
      const range = remade.get(e);
      return range ? [{ ...e, range }] : [];
    });
  }

  return {
    mode: modeOf(api),
    get textNodesChanged() {
      return changed;
    },
    draw(entries) {
      if (!api) return drawWrapped(entries);
      drawn = [...entries];
      if (active && !drawn.includes(active)) active = null;
      registerApi();
      return [...entries];
    },
    setActive(entry) {
      active = entry;
      if (api) {
        registerActive();
        return;
      }
      for (const w of activeWrappers) delete w.dataset.lgaActive;
      activeWrappers = entry ? (wrapped.get(entry.range)?.wrappers ?? []) : [];
      for (const w of activeWrappers) w.dataset.lgaActive = variant.scheme;
    },
    restyle(style, scheme) {
      if (style === variant.style && scheme === variant.scheme) return;
      variant = { style, scheme };
      if (api) registerApi();
      else restyleWrappers();
    },
    clear() {
      drawn = [];
      active = null;
      clearApi();
      unwrapAll();
    },
  };
}

/** Document order of two ranges by their start. */
export function compareRanges(a: Range, b: Range): number {
  try {
    return a.compareBoundaryPoints(Range.START_TO_START, b);
  } catch {
    return 0;
  }
}

/** The text nodes a range touches, in document order. */
export function textNodesIn(range: Range): Text[] {
  const start = range.startContainer;
  if (start === range.endContainer && start.nodeType === Node.TEXT_NODE) return [start as Text];
  const root = range.commonAncestorContainer;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  let node = walker.nextNode();
  while (node) {
    if (range.intersectsNode(node)) nodes.push(node as Text);
    else if (nodes.length) break;
    node = walker.nextNode();
  }
  return nodes;
}

/** Puts the text of our wrapper elements back where they were and rejoins the text nodes they split. */
export function unwrap(wrappers: Iterable<Element>): void {
  const parents = new Set<Node>();
  for (const wrapper of wrappers) {
    const parent = wrapper.parentNode;
    if (!parent) continue;
    while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
    wrapper.remove();
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
}
