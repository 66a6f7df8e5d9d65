/**
 * Drawing highlights over references without touching the page's text.
 *
 * Where the CSS Custom Highlight API exists (Chrome 105+, Firefox 140+, Safari 17.2+) every reference is a Range
 * added to one `Highlight` per look (`lga-support`, `lga-support-other`, …, `lga-detected`), registered in
 * `CSS.highlights` and styled by one `<style>` element holding only `::highlight(lga-…)` rules: no text node of the
 * page changes. Where it is missing, each reference is wrapped in `<lga-ref>` elements (a name no page CSS targets):
 * the only case where we split the page's text nodes, and `clear()` puts them back.
 */
import type { Stance } from '../model';
import type { HighlightStyle } from '../settings';
import { type ColourScheme, STANCE_COLOUR, STANCE_TINT } from '../ui/shared/stance';

export const HIGHLIGHT_PREFIX = 'lga-';
export const WRAP_TAG = 'lga-ref';
export const STYLE_ELEMENT_ID = 'lga-positions-highlight-style';

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

/** The highlight name of a look: `lga-support`, `lga-support-other`, `lga-detected`. */
export function highlightName(look: HighlightLook): string {
  if (!look.stance) return `${HIGHLIGHT_PREFIX}detected`;
  return `${HIGHLIGHT_PREFIX}${look.stance}${look.applies ? '' : '-other'}`;
}

/** Every highlight name, in a fixed order (so the stylesheet is stable and stances paint predictably). */
export function allHighlightNames(): string[] {
  const names: string[] = [];
  for (const stance of ['support', 'mixed', 'concern', 'oppose', 'neutral'] as const) {
    names.push(highlightName({ stance, applies: true }), highlightName({ stance, applies: false }));
  }
  names.push(highlightName({ stance: null, applies: false }));
  return names;
}

/** Entries grouped by highlight name; entries keep their order. */
export function groupByLook<T extends HighlightLook>(entries: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const name = highlightName(entry);
    const list = groups.get(name);
    if (list) list.push(entry);
    else groups.set(name, [entry]);
  }
  return groups;
}

/**
 * The declarations for one look. Applies: solid underline (+ tint in `background` style). Other print: dashed
 * underline, lighter tint: "this may be a different provision". Detected without a position: neutral dotted.
 */
export function lookDeclarations(look: HighlightLook, style: HighlightStyle, scheme: ColourScheme): string {
  const stance = look.stance ?? 'neutral';
  const colour = STANCE_COLOUR[scheme][stance];
  const tint = STANCE_TINT[scheme][stance];
  if (!look.stance) {
    return `text-decoration: underline dotted ${colour} 1px;`;
  }
  const line = look.applies ? 'solid' : 'dashed';
  const thickness = look.applies ? '2px' : '1.5px';
  const background = style === 'background' ? `background-color: ${look.applies ? tint : 'transparent'};` : '';
  return `text-decoration: underline ${line} ${colour} ${thickness}; ${background}`.trim();
}

function looksFor(names: readonly string[]): Array<[string, HighlightLook]> {
  return names.map((name) => {
    const rest = name.slice(HIGHLIGHT_PREFIX.length);
    if (rest === 'detected') return [name, { stance: null, applies: false }];
    const other = rest.endsWith('-other');
    return [name, { stance: (other ? rest.slice(0, -'-other'.length) : rest) as Stance, applies: !other }];
  });
}

/** The stylesheet for the Highlight API: only `::highlight()` rules (they change no text node and no layout). */
export function highlightCss(style: HighlightStyle, scheme: ColourScheme): string {
  return looksFor(allHighlightNames())
    .map(([name, look]) => `::highlight(${name}) { ${lookDeclarations(look, style, scheme)} }`)
    .join('\n');
}

/** The stylesheet for the fallback: rules for our own element only (`lga-ref[data-lga-look=…]`). */
export function wrapCss(style: HighlightStyle, scheme: ColourScheme): string {
  const rules = looksFor(allHighlightNames()).map(
    ([name, look]) => `${WRAP_TAG}[data-lga-look="${name}"] { ${lookDeclarations(look, style, scheme)} }`,
  );
  // Inline, inherit everything: the element must not change the page's layout.
  rules.unshift(`${WRAP_TAG} { display: inline; font: inherit; color: inherit; cursor: help; }`);
  rules.push(
    `${WRAP_TAG}[data-lga-active] { outline: 2px solid ${STANCE_COLOUR[scheme].mixed}; outline-offset: 1px; border-radius: 2px; }`,
  );
  return rules.join('\n');
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
  /** Removes every highlight, wrapper and our stylesheet. */
  clear(): void;
  /** Text nodes we created by splitting (0 in highlight-api mode). */
  readonly textNodesChanged: number;
}

const ACTIVE_NAME = `${HIGHLIGHT_PREFIX}active`;

export function createHighlighter(doc: Document, options: HighlighterOptions): Highlighter {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const api = options.api !== undefined ? options.api : win ? highlightApiOf(win) : null;
  let style = options.style;
  let scheme = options.scheme;
  let styleEl: HTMLStyleElement | null = null;
  let registered: string[] = [];
  /** Wrap mode: the wrappers of each drawn reference, keyed by the range we made around them. */
  const wrapped = new Map<Range, HTMLElement[]>();
  let activeWrappers: HTMLElement[] = [];
  let changed = 0;

  function ensureStyle(): void {
    const css = api ? highlightCss(style, scheme) : wrapCss(style, scheme);
    if (!styleEl?.isConnected) {
      styleEl = doc.createElement('style');
      styleEl.id = STYLE_ELEMENT_ID;
      (doc.head ?? doc.documentElement).append(styleEl);
    }
    const active = scheme === 'dark' ? 'rgba(138, 180, 248, 0.35)' : 'rgba(31, 95, 191, 0.18)';
    styleEl.textContent = `${css}\n::highlight(${ACTIVE_NAME}) { background-color: ${active}; }`;
  }

  function clearApi(): void {
    if (!api) return;
    for (const name of registered) api.registry.delete(name);
    api.registry.delete(ACTIVE_NAME);
    registered = [];
  }

  function unwrap(wrappers: readonly HTMLElement[]): void {
    const parents = new Set<Node>();
    for (const wrapper of wrappers) {
      const parent = wrapper.parentNode;
      if (!parent) continue;
      while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
      wrapper.remove();
      parents.add(parent);
    }
    // Rejoin the text nodes we split.
    for (const parent of parents) parent.normalize();
  }

  function unwrapAll(): void {
    unwrap([...wrapped.values()].flat());
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

  function drawWrapped(entries: readonly HighlightEntry[]): HighlightEntry[] {
    const keep = new Set(entries.map((e) => e.range));
    const gone = [...wrapped.keys()].filter((range) => !keep.has(range));
    for (const range of gone) {
      unwrap(wrapped.get(range)!);
      wrapped.delete(range);
    }
    // Wrap from the end of the document backwards, so splitting one reference's text never moves an earlier one.
    const fresh = entries.filter((e) => !wrapped.has(e.range)).sort((a, b) => compareRanges(b.range, a.range));
    const remade = new Map<HighlightEntry, Range>();
    for (const entry of fresh) {
      const made = wrapRange(entry.range, highlightName(entry));
      const first = made[0];
      const last = made[made.length - 1];
      if (!first || !last) continue;
      const range = doc.createRange();
      range.setStartBefore(first);
      range.setEndAfter(last);
      wrapped.set(range, made);
      remade.set(entry, range);
    }
    // A look may have changed for a kept entry (mode or lookup): restyle its wrappers.
    for (const entry of entries) {
      const wrappers = wrapped.get(entry.range);
      if (wrappers) for (const w of wrappers) w.dataset.lgaLook = highlightName(entry);
    }
    return entries.flatMap((e) => {
      if (wrapped.has(e.range)) return [e];
      const range = remade.get(e);
      return range ? [{ ...e, range }] : [];
    });
  }

  return {
    mode: api ? 'highlight-api' : 'wrap',
    get textNodesChanged() {
      return changed;
    },
    draw(entries) {
      ensureStyle();
      if (!api) return drawWrapped(entries);
      clearApi();
      for (const [name, group] of groupByLook(entries)) {
        api.registry.set(name, api.create(group.map((e) => e.range)));
        registered.push(name);
      }
      return [...entries];
    },
    setActive(entry) {
      if (api) {
        api.registry.delete(ACTIVE_NAME);
        if (entry) api.registry.set(ACTIVE_NAME, api.create([entry.range]));
        return;
      }
      for (const w of activeWrappers) delete w.dataset.lgaActive;
      activeWrappers = entry ? (wrapped.get(entry.range) ?? []) : [];
      for (const w of activeWrappers) w.dataset.lgaActive = '';
    },
    restyle(nextStyle, nextScheme) {
      style = nextStyle;
      scheme = nextScheme;
      if (styleEl) ensureStyle();
    },
    clear() {
      clearApi();
      unwrapAll();
      styleEl?.remove();
      styleEl = null;
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
