/**
 * A saved web page's HTML (a `.html` briefing chosen in the options page) -> a Document to read its text from, built
 * so that nothing in the markup can act: no script, no event handler, no resource load, no CSP report.
 *
 * Why not `DOMParser` (or a template, or `createHTMLDocument` + `innerHTML`): each of them creates the page's `on*`
 * attributes as event-handler attributes while parsing, and Chromium checks them against the extension page's CSP
 * right then (a `script-src-attr` violation reported per attribute, measured: five for five). So the markup never
 * reaches a browser parser. parse5 (the spec's tree-construction algorithm, the parser jsdom uses) builds a plain
 * tree, and only what the readers need is copied from it into an empty document of the given DOM implementation,
 * element by element with `createElementNS`, text as text:
 * - elements that run, embed or style something are left out with their contents (`script`, `style`, `iframe`,
 *   `object`, `template`, …); a JSON-LD block is kept as data (Readability reads a briefing's date from it);
 * - attributes are copied from an allowlist of what the readers read (src/capture/extract.ts, Readability,
 *   src/briefings/html.ts): names, roles and labels, `hidden`, whether a `style` hides the element, links' `href`,
 *   `meta` names and contents, `time` datetimes, the canonical `link`. No `on*`, `src`, `srcset`, `action`,
 *   `http-equiv`, `xlink:href` or other URL or code survives, so even a document that could load would load nothing.
 * - nesting deeper than a browser's parser keeps (512 levels) is flattened as Chromium does, so the readers' walks
 *   never meet a tree deeper than a browser would build.
 * The text read from the result is the text a browser parser's document gives (tested on the composed LGA pages).
 */
import { type DefaultTreeAdapterTypes, html as html5, parse } from 'parse5';

type P5Node = DefaultTreeAdapterTypes.ChildNode;
type P5Element = DefaultTreeAdapterTypes.Element;

/** Elements left out with everything in them: they run, embed, load or style, and hold no briefing text. */
const DROPPED = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'portal',
  'fencedframe',
]);

/** Attributes kept on any element: what the readers look at to find the article and skip page chrome. */
const KEPT_ATTRIBUTES = new Set(['id', 'class', 'role', 'hidden', 'lang', 'dir', 'title', 'itemprop', 'rel']);

/** Attributes kept only on these (HTML) elements. */
const KEPT_ON: Readonly<Record<string, ReadonlySet<string>>> = {
  a: new Set(['href']),
  link: new Set(['href']),
  meta: new Set(['name', 'property', 'content', 'itemprop']),
  time: new Set(['datetime']),
  script: new Set(['type']),
};

/** The only inline style the readers use: whether it hides the element. */
const HIDING_STYLE = /(?:^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\b/gi;

/** Chromium's parser nests elements at most this deep; deeper ones become children of the element at this depth. */
export const MAX_DEPTH = 512;

const JSON_LD = 'application/ld+json';
/** `aria-hidden`, `aria-label`, …: a name `setAttribute` accepts. */
const ARIA = /^aria-[a-z]+$/;

/** Parses `markup` as a browser would with scripting off (as `DOMParser` does) into an inert document. */
export function parseInertHtml(markup: string, implementation: DOMImplementation): Document {
  const tree = parse(markup, { scriptingEnabled: false });
  const doc = implementation.createHTMLDocument('');
  const root = tree.childNodes.find((node): node is P5Element => 'tagName' in node);
  doc.documentElement.replaceChildren();
  if (!root) return doc;
  // An explicit stack, not recursion: a page may nest as deep as it likes.
  const stack: Array<{ from: P5Node; into: Node; depth: number }> = [];
  const pushChildren = (from: P5Element, into: Node, depth: number) => {
    for (let i = from.childNodes.length - 1; i >= 0; i--) stack.push({ from: from.childNodes[i]!, into, depth });
  };
  copyAttributes(root, doc.documentElement);
  pushChildren(root, doc.documentElement, 1);
  while (stack.length) {
    const { from, into, depth } = stack.pop()!;
    if (from.nodeName === '#text') {
      into.appendChild(doc.createTextNode((from as DefaultTreeAdapterTypes.TextNode).value));
      continue;
    }
    if (!('tagName' in from) || !keepsElement(from)) continue; // comments, doctypes, dropped elements
    const element = createElement(doc, from);
    if (!element) {
      pushChildren(from, into, depth); // a name no DOM accepts: its text stays, in its parent
      continue;
    }
    copyAttributes(from, element);
    // Past the depth limit the element is still made, as a sibling of its would-be ancestors (as Chromium does).
    const parent = depth > MAX_DEPTH ? (into.parentNode ?? into) : into;
    parent.appendChild(element);
    pushChildren(from, element, depth > MAX_DEPTH ? depth : depth + 1);
  }
  return doc;
}

function keepsElement(element: P5Element): boolean {
  if (element.namespaceURI !== html5.NS.HTML) return true; // svg and math: no script or style elements of HTML's
  if (element.tagName === 'script') return attribute(element, 'type')?.trim().toLowerCase() === JSON_LD;
  if (element.tagName === 'link') return /(?:^|\s)canonical(?:\s|$)/i.test(attribute(element, 'rel') ?? '');
  return !DROPPED.has(element.tagName);
}

function createElement(doc: Document, from: P5Element): Element | null {
  try {
    return doc.createElementNS(from.namespaceURI, from.tagName);
  } catch {
    return null;
  }
}

function copyAttributes(from: P5Element, to: Element): void {
  const ownKept = from.namespaceURI === html5.NS.HTML ? KEPT_ON[from.tagName] : undefined;
  for (const { name, value, namespace } of from.attrs) {
    if (namespace) continue; // xlink:href, xml:lang and the like
    const lower = name.toLowerCase();
    if (lower === 'style') {
      const hides = [...value.matchAll(HIDING_STYLE)].map((m) => m[1]);
      if (hides.length) to.setAttribute('style', hides.join('; '));
    } else if (KEPT_ATTRIBUTES.has(lower) || ARIA.test(lower) || ownKept?.has(lower)) {
      to.setAttribute(lower, value);
    }
  }
}

function attribute(element: P5Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name && !a.namespace)?.value;
}
