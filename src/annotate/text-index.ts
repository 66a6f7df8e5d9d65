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
}

export interface TextIndex {
  readonly root: Element;
  /** The normalised text to scan. */
  readonly text: string;
  /** Map a span `[start, end)` of `text` to a DOM Range; separators at either end are trimmed off. */
  toRange(start: number, end: number): Range;
  /** The DOM position of the character at `offset` (null for a separator). */
  positionAt(offset: number): { node: Text; offset: number } | null;
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

/** What an element's tag says, in one lookup: its subtree is skipped, and/or it is a block. */
const SKIPPED_TAG = 1;
const BLOCK_TAG = 2;

function tagFlagsOf(skipTags: readonly string[]): Map<string, number> {
  const flags = new Map<string, number>();
  for (const tag of BLOCK_TAGS) flags.set(tag, BLOCK_TAG);
  for (const tag of skipTags) {
    const name = tag.toLowerCase();
    flags.set(name, (flags.get(name) ?? 0) | SKIPPED_TAG);
  }
  return flags;
}

/**
 * The skip rules an element's attributes decide: its class against one pattern of every class and prefix (the verdict
 * kept per class string: a page repeats a few dozen), its role, its attributes.
 */
function compileAttributeSkip(skip: SkipList): (el: Element) => boolean {
  const names = [...skip.classes.map(escapeRegExp), ...skip.classPrefixes.map((p) => `${escapeRegExp(p)}\\S*`)];
  const classPattern = names.length ? new RegExp(`(?:^|\\s)(?:${names.join('|')})(?=\\s|$)`) : null;
  const verdicts = new Map<string, boolean>();
  const roles = new Set(skip.roles);
  const attributes = [...skip.attributes];
  return (el) => {
    if (classPattern) {
      // `className` is the class attribute as a string on HTML elements, and the cheapest read of it (no attribute
      // lookup by name, no token list); SVG's is an object, so read the attribute there.
      const className = (el as HTMLElement).className;
      const classes = typeof className === 'string' ? className : el.getAttribute('class');
      if (classes) {
        let skipped = verdicts.get(classes);
        if (skipped === undefined) {
          skipped = classPattern.test(classes);
          verdicts.set(classes, skipped);
        }
        if (skipped) return true;
      }
    }
    if (roles.size) {
      const role = el.getAttribute('role');
      if (role && roles.has(role)) return true;
    }
    // An indexed loop: cold code runs an iterator object per for-of.
    for (let i = 0; i < attributes.length; i++) if (el.hasAttribute(attributes[i] as string)) return true;
    return false;
  };
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const SPACE = 0x20;
const NEWLINE = 0x0a;

/**
 * The index is built node by node: a text node with nothing to normalise (most prose) is kept whole, as one piece of
 * text and one segment; a node of whitespace only keeps at most one space; only the rest is read run by run. The map
 * back to the DOM is four parallel arrays of segments (runs of kept characters from consecutive characters of one
 * text node: where the run starts in the index text, its length, its node, where it starts in the node), not an
 * object per run.
 */
export function createTextIndexBuilder(root: Element, options: TextIndexOptions = {}): TextIndexBuilder {
  const skip = mergeSkip(options.skip ?? DEFAULT_SKIP, options.extraSkip);
  const tagFlags = tagFlagsOf(skip.tags);
  const skippedByAttributes = compileAttributeSkip(skip);

  /**
   * The index text so far: all but its last piece (a node's text, or a run of it) joined as they come (V8 keeps such
   * joins as ropes, copied once when first read), and the last piece apart, since a block boundary may still turn its
   * trailing space into the separator; and its length.
   */
  let before = '';
  let last = '';
  let length = 0;
  const segStart: number[] = [];
  const segLength: number[] = [];
  const segNode: Text[] = [];
  const segOffset: number[] = [];
  /** The segment the next character of the same node extends if it is the next one in the node, or -1. */
  let open = -1;
  /** The last kept character: collapse whitespace against it. Starts as a separator so leading space is dropped. */
  let lastCode = NEWLINE;

  let node: Node = root;
  let entering = true;
  /** For each element being walked through, from the root down: a block (non-zero) or not. */
  const blocks: number[] = [];
  let done = false;
  let index: TextIndex | null = null;

  /** Keeps `kept` (characters `from`.. of the node, one for one) as index text. */
  function keep(text: Text, from: number, kept: string): void {
    const n = kept.length;
    if (open >= 0 && segNode[open] === text && (segOffset[open] as number) + (segLength[open] as number) === from) {
      (segLength[open] as number) += n;
    } else {
      open = segStart.length;
      segStart.push(length);
      segLength.push(n);
      segNode.push(text);
      segOffset.push(from);
    }
    before += last;
    last = kept;
    length += n;
    lastCode = kept.charCodeAt(n - 1);
  }

  function separate(): void {
    open = -1;
    if (length === 0 || lastCode === NEWLINE) return;
    if (lastCode === SPACE) {
      // Turn the trailing space into the separator: it stays mapped to its whitespace character in the DOM.
      last = last.slice(0, -1) + BLOCK_SEPARATOR;
    } else {
      before += last;
      last = BLOCK_SEPARATOR;
      length++;
    }
    lastCode = NEWLINE;
  }

  /** A run with no special character (see SPECIAL): kept as it is, but for a leading space after a space. */
  function keepRun(text: Text, data: string, from: number, to: number): void {
    if (from >= to) return;
    if (data.charCodeAt(from) === SPACE && (lastCode === SPACE || lastCode === NEWLINE)) {
      open = -1;
      if (++from >= to) return;
    }
    keep(text, from, from === 0 && to === data.length ? data : data.slice(from, to));
  }

  /** One special character that is not whitespace: dropped (zero-width) or mapped one for one. */
  function keepSpecial(text: Text, data: string, at: number): void {
    if (isZeroWidth(data.charCodeAt(at))) {
      open = -1;
      return;
    }
    const raw = data[at] as string;
    keep(text, at, CHAR_MAP[raw] ?? raw);
  }

  /** A text node that is not whitespace only: kept whole when it has nothing to normalise (most prose), else run by run. */
  function appendText(text: Text, data: string): void {
    open = -1;
    // One pass: a node with nothing special (most prose) finds no match and is kept whole by the last `keepRun`.
    let from = 0;
    SPECIAL.lastIndex = 0;
    for (let m = SPECIAL.exec(data); m; m = SPECIAL.exec(data)) {
      const at = m.index;
      keepRun(text, data, from, at);
      if (isSpace(data.charCodeAt(at))) {
        // A run of whitespace, however it is made up (Hansard indents its text: `\n` then spaces), is one space mapped
        // to its first character, or nothing after a space or a separator; read to its end here, not match by match.
        let end = at + 1;
        while (end < data.length && isSpace(data.charCodeAt(end))) end++;
        if (lastCode === SPACE || lastCode === NEWLINE) open = -1;
        else keep(text, at, ' ');
        from = end;
        SPECIAL.lastIndex = end;
      } else {
        keepSpecial(text, data, at);
        from = at + 1;
      }
    }
    keepRun(text, data, from, data.length);
  }

  /**
   * A first-child/next-sibling walk: each node entered once, each element left once. The common cases (an element, a
   * whitespace-only text node) are handled in the loop itself; `blocks` holds, for each element being walked through,
   * whether it is a block (so leaving one reads nothing from the DOM).
   */
  function step(maxNodes: number): boolean {
    if (done) return true;
    let budget = maxNodes;
    let n = node;
    let down = entering;
    while (budget-- > 0) {
      if (down) {
        const type = n.nodeType;
        if (type === ELEMENT_NODE) {
          const el = n as Element;
          const flags = tagFlags.get(el.localName) ?? 0;
          if (el === root || !(flags & SKIPPED_TAG || skippedByAttributes(el))) {
            const block = flags & BLOCK_TAG;
            if (block) separate();
            const child = el.firstChild;
            if (child) {
              blocks.push(block);
              n = child;
              continue;
            }
            if (block) separate();
          }
        } else if (type === TEXT_NODE || type === CDATA_SECTION_NODE) {
          const data = (n as Text).data;
          // Whitespace only (the indentation between a page's elements: most of a Hansard page's text nodes) keeps at
          // most one space, from its first character (`trim` removes exactly the characters `isSpace` accepts).
          if (data.charCodeAt(0) <= SPACE && data.trim() === '') {
            if (lastCode !== SPACE && lastCode !== NEWLINE) {
              open = -1;
              keep(n as Text, 0, ' ');
            }
          } else {
            appendText(n as Text, data);
          }
          open = -1;
        }
      } else {
        if (blocks.pop()) separate();
      }
      if (n === root) {
        done = true;
        break;
      }
      const next = n.nextSibling;
      if (next) {
        n = next;
        down = true;
      } else {
        const parent = n.parentNode;
        if (!parent) {
          done = true;
          break;
        }
        n = parent;
        down = false;
      }
    }
    node = n;
    entering = down;
    return done;
  }

  function result(): TextIndex {
    if (!done) throw new Error('text index: step() has not finished');
    if (!index) {
      // Drop a trailing separator or space: nothing maps past the last word.
      let text = before + last;
      while (length && (lastCode === NEWLINE || lastCode === SPACE)) {
        length--;
        text = text.slice(0, length);
        const s = segStart.length - 1;
        if (s >= 0 && (segStart[s] as number) + (segLength[s] as number) > length) {
          (segLength[s] as number)--;
          if (segLength[s] === 0) {
            segStart.pop();
            segLength.pop();
            segNode.pop();
            segOffset.pop();
          }
        }
        lastCode = length ? text.charCodeAt(length - 1) : NEWLINE;
      }
      index = makeIndex(root, text, {
        start: segStart,
        length: segLength,
        node: segNode,
        offset: segOffset,
      });
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

/** The segments, as parallel arrays (see `createTextIndexBuilder`). */
interface Segments {
  start: readonly number[];
  length: readonly number[];
  node: readonly Text[];
  offset: readonly number[];
}

function makeIndex(root: Element, text: string, segments: Segments): TextIndex {
  const { start: segStart, length: segLength, node: segNode, offset: segOffset } = segments;
  const count = segStart.length;

  /** The segment holding `offset`, or `-(i + 1)` where `i` is the first segment after it (a separator). */
  function find(offset: number): number {
    let lo = 0;
    let hi = count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segStart[mid] as number;
      if (offset < s) hi = mid - 1;
      else if (offset >= s + (segLength[mid] as number)) lo = mid + 1;
      else return mid;
    }
    return -(lo + 1);
  }

  function positionAt(offset: number): { node: Text; offset: number } | null {
    const s = find(offset);
    if (s < 0) return null;
    return { node: segNode[s] as Text, offset: (segOffset[s] as number) + (offset - (segStart[s] as number)) };
  }

  function toRange(start: number, end: number): Range {
    if (!(start >= 0 && end <= text.length && start < end)) {
      throw new RangeError(`text index: span [${start}, ${end}) is outside the text (length ${text.length})`);
    }
    // First mapped character at or after start, last mapped character before end.
    let first = find(start);
    if (first < 0) {
      first = -first - 1;
      if (first >= count || (segStart[first] as number) >= end) {
        throw new RangeError(`text index: span [${start}, ${end}) holds no page text`);
      }
    }
    const from = Math.max(start, segStart[first] as number);
    let last = find(end - 1);
    if (last < 0) last = -last - 2;
    const to = Math.min(end, (segStart[last] as number) + (segLength[last] as number));
    const range = (root.ownerDocument as Document).createRange();
    range.setStart(segNode[first] as Text, (segOffset[first] as number) + (from - (segStart[first] as number)));
    range.setEnd(segNode[last] as Text, (segOffset[last] as number) + (to - (segStart[last] as number)));
    return range;
  }

  return {
    root,
    text,
    toRange,
    positionAt,
  };
}
