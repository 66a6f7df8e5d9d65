/**
 * The DOM text index: the text a reader sees under a root element, as one string to scan, with a map back to the
 * DOM so a found span becomes a `Range`.
 *
 * - Skipped subtrees (column-number pins, `.sr-only`, share bars, navigation, scripts) contribute nothing, so a
 *   reference split around a pin (`clause <pin>Column 1195 is located here</pin>7`) reads `clause 7`.
 * - Inline boundaries add nothing (`<em>clause</em> 7` reads `clause 7`); block boundaries add a separator, so
 *   `Clause 7` ending one paragraph and `8` starting the next never join.
 * - Characters are normalised one for one (curly quotes to straight, non-breaking spaces to spaces) and whitespace
 *   runs collapse to one space; an offset table keeps every kept character's DOM position.
 * - Built incrementally: `step(maxNodes)` visits at most that many nodes, so a content script can build the index in
 *   idle callbacks without blocking the page.
 */

import type { SkipList } from '../pages/types';

export type { SkipList } from '../pages/types';

export const DEFAULT_SKIP: SkipList = {
  tags: ['script', 'style', 'noscript', 'template', 'nav', 'svg', 'button', 'select', 'textarea', 'input', 'iframe'],
  classes: ['sr-only', 'visually-hidden', 'share-bar', 'share', 'skip-to-content', 'breadcrumb', 'glyphicon'],
  classPrefixes: ['column-number'],
  roles: ['navigation'],
  attributes: ['hidden'],
};

/** Tags that start a new block of text: a separator goes at their start and end. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** The separator inserted at block boundaries. A newline: the grammar treats it as a break between lines. */
export const BLOCK_SEPARATOR = '\n';

/**
 * One-for-one character normalisation: curly quotes become straight ones and odd hyphens plain ones, so the grammar
 * sees one spelling; every kind of space becomes a plain space (and then collapses with its neighbours). En and em
 * dashes are kept as written: the grammar reads an en dash as a range (`Clauses 25–26`) and an em dash as the
 * end of a heading (`New clause 22—School attendance policies`), so mapping either to `-` would change meaning.
 */
const CHAR_MAP: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
};

/**
 * What a text node's run must stop at: any whitespace but a single plain space (runs collapse), zero-width
 * characters and soft hyphens (dropped), and the characters CHAR_MAP rewrites. Everything between is kept as written.
 */
const SPECIAL =
  /[\t\n\v\f\r\u00a0\u00ad\u1680\u2000-\u200d\u2010\u2011\u2018\u2019\u201a-\u201e\u2028\u2029\u202f\u2032\u205f\u2060\u2212\u3000\ufeff]| {2,}/g;

function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Zero-width characters and soft hyphens: dropped entirely (they sit inside words on some pages). */
function isZeroWidth(code: number): boolean {
  return (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xad;
}

export interface TextIndexOptions {
  skip?: SkipList;
  /** Extra CSS-free skip rules merged into `skip` (an adapter's own). */
  extraSkip?: Partial<SkipList>;
  /** Elements whose starting offset in the text should be recorded (e.g. clause headings). */
  mark?: Iterable<Element>;
}

/** A run of kept characters that come from consecutive characters of one text node. */
interface Segment {
  /** Offset in the index text. */
  start: number;
  length: number;
  node: Text;
  /** Offset in the node's data of the segment's first character. */
  nodeOffset: number;
}

export interface TextIndex {
  readonly root: Element;
  /** The normalised text to scan. */
  readonly text: string;
  /** Map a span `[start, end)` of `text` to a DOM Range; separators at either end are trimmed off. */
  toRange(start: number, end: number): Range;
  /** The DOM position of the character at `offset` (null for a separator). */
  positionAt(offset: number): { node: Text; offset: number } | null;
  /** Where a marked element's text starts in `text` (undefined if it had no text). */
  offsetOf(element: Element): number | undefined;
}

export interface TextIndexBuilder {
  /** Visit at most `maxNodes` more nodes; true when the index is complete. */
  step(maxNodes: number): boolean;
  readonly done: boolean;
  /** The finished index (throws if `step` has not returned true yet). */
  result(): TextIndex;
}

function mergeSkip(base: SkipList, extra: Partial<SkipList> | undefined): SkipList {
  if (!extra) return base;
  return {
    tags: [...base.tags, ...(extra.tags ?? [])],
    classes: [...base.classes, ...(extra.classes ?? [])],
    classPrefixes: [...base.classPrefixes, ...(extra.classPrefixes ?? [])],
    roles: [...base.roles, ...(extra.roles ?? [])],
    attributes: [...base.attributes, ...(extra.attributes ?? [])],
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One test per element: its tag, then its class attribute against one pattern of every skipped class and prefix. */
function compileSkip(skip: SkipList): (el: Element) => boolean {
  const tags = new Set(skip.tags.map((t) => t.toLowerCase()));
  const names = [...skip.classes.map(escapeRegExp), ...skip.classPrefixes.map((p) => `${escapeRegExp(p)}\\S*`)];
  const classPattern = names.length ? new RegExp(`(?:^|\\s)(?:${names.join('|')})(?=\\s|$)`) : null;
  const roles = new Set(skip.roles);
  const attributes = [...skip.attributes];
  return (el) => {
    if (tags.has(el.localName)) return true;
    // The class attribute as a string: cheaper than `classList` (no token list object per element).
    if (classPattern) {
      const classAttribute = el.getAttribute('class');
      if (classAttribute && classPattern.test(classAttribute)) return true;
    }
    if (roles.size) {
      const role = el.getAttribute('role');
      if (role && roles.has(role)) return true;
    }
    for (const attribute of attributes) if (el.hasAttribute(attribute)) return true;
    return false;
  };
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

export function createTextIndexBuilder(root: Element, options: TextIndexOptions = {}): TextIndexBuilder {
  const isSkipped = compileSkip(mergeSkip(options.skip ?? DEFAULT_SKIP, options.extraSkip));
  const marked = new Set(options.mark ?? []);
  const markOffsets = new Map<Element, number>();
  const pendingMarks: Element[] = [];

  /** The index text so far, as pieces (a run of a node's text each), and its length. */
  const pieces: string[] = [];
  let length = 0;
  const segments: Segment[] = [];
  /** The last kept character: collapse whitespace against it. Starts as a separator so leading space is dropped. */
  let last = BLOCK_SEPARATOR;
  let current: Segment | null = null;

  let node: Node | null = root;
  let entering = true;
  let done = false;
  let index: TextIndex | null = null;

  /** Replaces the last kept character (a space becoming the separator, or trimmed off at the end). */
  function replaceLast(ch: string): void {
    const piece = pieces[pieces.length - 1] as string;
    pieces[pieces.length - 1] = piece.slice(0, -1) + ch;
    if (!ch) {
      if (piece.length === 1) pieces.pop();
      length--;
    }
  }

  function separate(): void {
    current = null;
    if (length === 0) return;
    if (last === BLOCK_SEPARATOR) return;
    if (last === ' ') {
      // Turn the trailing space into the separator: it stays mapped to its whitespace character in the DOM.
      replaceLast(BLOCK_SEPARATOR);
    } else {
      pieces.push(BLOCK_SEPARATOR);
      length++;
    }
    last = BLOCK_SEPARATOR;
  }

  function flushMarks(): void {
    for (const el of pendingMarks) markOffsets.set(el, length);
    pendingMarks.length = 0;
  }

  /** Keeps `kept` (characters `from`.. of the node, one for one) as index text. */
  function keep(text: Text, from: number, kept: string): void {
    if (current && current.node === text && current.nodeOffset + current.length === from) {
      current.length += kept.length;
    } else {
      current = { start: length, length: kept.length, node: text, nodeOffset: from };
      segments.push(current);
    }
    pieces.push(kept);
    length += kept.length;
    last = kept[kept.length - 1] as string;
  }

  /** A run with no special character (see SPECIAL): kept as it is, but for a leading space after a space. */
  function keepPlain(text: Text, data: string, from: number, to: number): void {
    if (from >= to) return;
    if (data.charCodeAt(from) === 0x20 && (last === ' ' || last === BLOCK_SEPARATOR)) {
      current = null;
      from++;
      if (from >= to) return;
    }
    if (pendingMarks.length) {
      // A mark starts at its first kept character that is not a space.
      if (data.charCodeAt(from) === 0x20) {
        keep(text, from, ' ');
        from++;
        if (from >= to) return;
      }
      flushMarks();
    }
    keep(text, from, data.slice(from, to));
  }

  /** One special character: dropped (zero-width, or a space after a space), a space, or mapped one for one. */
  function keepSpecial(text: Text, data: string, at: number): void {
    const code = data.charCodeAt(at);
    if (isZeroWidth(code)) {
      current = null;
      return;
    }
    if (isSpace(code)) {
      if (last === ' ' || last === BLOCK_SEPARATOR) {
        current = null;
        return;
      }
      keep(text, at, ' ');
      return;
    }
    if (pendingMarks.length) flushMarks();
    const raw = data[at] as string;
    keep(text, at, CHAR_MAP[raw] ?? raw);
  }

  /** A text node, run by run: plain runs in one piece each, special characters one by one. */
  function appendText(text: Text): void {
    const data = text.data;
    let from = 0;
    SPECIAL.lastIndex = 0;
    for (let m = SPECIAL.exec(data); m; m = SPECIAL.exec(data)) {
      keepPlain(text, data, from, m.index);
      const end = m.index + m[0].length;
      for (let i = m.index; i < end; i++) keepSpecial(text, data, i);
      from = end;
    }
    keepPlain(text, data, from, data.length);
    current = null;
  }

  function enter(n: Node): boolean {
    if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) {
      appendText(n as Text);
      return false;
    }
    if (n.nodeType !== ELEMENT_NODE) return false;
    const el = n as Element;
    if (n !== root && isSkipped(el)) return false;
    if (BLOCK_TAGS.has(el.localName)) separate();
    if (marked.has(el)) pendingMarks.push(el);
    return true;
  }

  function leave(el: Element): void {
    if (BLOCK_TAGS.has(el.localName)) separate();
    // A marked element with no text of its own: forget it (it would otherwise take the next element's offset).
    const at = pendingMarks.indexOf(el);
    if (at >= 0) pendingMarks.splice(at, 1);
  }

  function step(maxNodes: number): boolean {
    let budget = maxNodes;
    while (!done && budget-- > 0) {
      const n = node as Node;
      if (entering) {
        const descend = enter(n);
        if (descend && n.firstChild) {
          node = n.firstChild;
          continue;
        }
        if (descend) leave(n as Element);
      } else {
        leave(n as Element);
      }
      if (n === root) {
        done = true;
        break;
      }
      if (n.nextSibling) {
        node = n.nextSibling;
        entering = true;
      } else {
        node = n.parentNode;
        entering = false;
        if (!node) done = true;
      }
    }
    return done;
  }

  function result(): TextIndex {
    if (!done) throw new Error('text index: step() has not finished');
    if (!index) {
      // Drop a trailing separator or space: nothing maps past the last word.
      while (length && (last === BLOCK_SEPARATOR || last === ' ')) {
        replaceLast('');
        const lastSegment = segments[segments.length - 1];
        if (lastSegment && lastSegment.start + lastSegment.length > length) {
          lastSegment.length--;
          if (lastSegment.length === 0) segments.pop();
        }
        const piece = pieces[pieces.length - 1];
        last = piece ? (piece[piece.length - 1] as string) : BLOCK_SEPARATOR;
      }
      index = makeIndex(root, pieces.join(''), segments, markOffsets);
    }
    return index;
  }

  return {
    step,
    get done() {
      return done;
    },
    result,
  };
}

/** Build the whole index at once (tests, the CLI, small roots). */
export function buildTextIndex(root: Element, options: TextIndexOptions = {}): TextIndex {
  const builder = createTextIndexBuilder(root, options);
  while (!builder.step(10_000)) {
    // keep stepping
  }
  return builder.result();
}

function makeIndex(root: Element, text: string, segments: Segment[], markOffsets: Map<Element, number>): TextIndex {
  /** The segment holding `offset`, or the index of the first segment after it (a separator). */
  function find(offset: number): { segment: Segment | null; next: number } {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segments[mid] as Segment;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.start + s.length) lo = mid + 1;
      else return { segment: s, next: mid };
    }
    return { segment: null, next: lo };
  }

  function positionAt(offset: number): { node: Text; offset: number } | null {
    const { segment } = find(offset);
    if (!segment) return null;
    return { node: segment.node, offset: segment.nodeOffset + (offset - segment.start) };
  }

  function toRange(start: number, end: number): Range {
    if (!(start >= 0 && end <= text.length && start < end)) {
      throw new RangeError(`text index: span [${start}, ${end}) is outside the text (length ${text.length})`);
    }
    // First mapped character at or after start, last mapped character before end.
    let first = find(start);
    if (!first.segment) {
      const s = segments[first.next];
      if (!s || s.start >= end) throw new RangeError(`text index: span [${start}, ${end}) holds no page text`);
      first = { segment: s, next: first.next };
    }
    const firstSegment = first.segment as Segment;
    const from = Math.max(start, firstSegment.start);
    let lastHit = find(end - 1);
    if (!lastHit.segment) {
      const s = segments[lastHit.next - 1] as Segment;
      lastHit = { segment: s, next: lastHit.next - 1 };
    }
    const lastSegment = lastHit.segment as Segment;
    const to = Math.min(end, lastSegment.start + lastSegment.length);
    const range = (root.ownerDocument as Document).createRange();
    range.setStart(firstSegment.node, firstSegment.nodeOffset + (from - firstSegment.start));
    range.setEnd(lastSegment.node, lastSegment.nodeOffset + (to - lastSegment.start));
    return range;
  }

  return {
    root,
    text,
    toRange,
    positionAt,
    offsetOf: (element) => markOffsets.get(element),
  };
}
