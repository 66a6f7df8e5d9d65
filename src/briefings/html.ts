/**
 * A saved local.gov.uk briefing page (HTML) -> the briefing text the compiler reads, as a reader copying the article
 * would get it: the main article's text, one block element a line, list items rendered `  • ` (nested `    • `),
 * paragraphs separated by a blank line; navigation, hidden elements, share bars and link lists left out (by landmark
 * roles, labels and shape, not by one site's class names). Uses only the DOM it is given (the options page passes a
 * document src/capture/inert-html.ts builds; an extracted article fragment works too); reads text, never HTML.
 */

/** Where the article is, most specific first (local.gov.uk is Drupal: `main`, `.field--name-body`). */
const ROOT_SELECTORS = ['main article', 'main', '[role="main"]', 'article', '#main-content', '.region-content'];

/** Elements whose text is never briefing text. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'NAV',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'FORM',
  'BUTTON',
  'SVG',
  'IFRAME',
  'SELECT',
]);

const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

/** Landmarks that are never the article, whatever the site's class names. */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'menu']);
/** `aria-label`s of page chrome placed inside the article's container: breadcrumbs, share bars, related links. */
const CHROME_LABEL = /breadcrumb|share|social|related|pagination|you are here/i;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** What a reader would not copy as part of the article: hidden elements and the page's own chrome. */
function isChrome(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (SKIPPED.has(tag)) return true;
  if (element.getAttribute('hidden') !== null || element.getAttribute('aria-hidden') === 'true') return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(element.getAttribute('style') ?? '')) return true;
  if (CHROME_ROLES.has((element.getAttribute('role') ?? '').toLowerCase())) return true;
  if (CHROME_LABEL.test(element.getAttribute('aria-label') ?? '')) return true;
  return (tag === 'UL' || tag === 'OL') && isLinkList(element);
}

function hasChromeAncestor(element: Element): boolean {
  for (let at = element.parentElement; at; at = at.parentElement) if (isChrome(at)) return true;
  return false;
}

/**
 * A list whose every item is one link and nothing else (related articles, share buttons, topic tags): navigation,
 * not briefing text. A key message never is a bare link.
 */
function isLinkList(list: Element): boolean {
  const items = [...list.children].filter((child) => child.tagName.toUpperCase() === 'LI');
  if (items.length < 2) return false;
  return items.every((item) => {
    const links = item.querySelectorAll('a');
    const text = (item.textContent ?? '').trim();
    return links.length === 1 && text !== '' && (links[0]!.textContent ?? '').trim() === text;
  });
}

export function htmlToBriefingText(doc: Document): string {
  const root = ROOT_SELECTORS.map((selector) => doc.querySelector(selector)).find((el) => el !== null) ?? doc.body;
  // The page title sits outside the article on some layouts: put it first (not a site name in the banner).
  const title = [...doc.querySelectorAll('h1')].find((h1) => !hasChromeAncestor(h1));
  return elementToBriefingText(root, title && !root.contains(title) ? (title.textContent ?? '') : null);
}

/**
 * The lines a reader would copy from one element (an article found by any means, see src/capture/extract.ts):
 * `title` first when given, then blocks on their own lines, list items `  • `.
 */
export function elementToBriefingText(root: Element, title: string | null): string {
  const out: string[] = [];
  let current = '';
  let indent = '';
  /** Indent of an item's later lines (after a `<br>` or a paragraph in it), so they read as continuing it. */
  let continuation = '';

  const flush = (blankAfter: boolean) => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) {
      out.push(`${indent || continuation}${text}`);
      indent = '';
    }
    if (blankAfter && out.length > 0 && out.at(-1) !== '') out.push('');
    current = '';
  };

  const walk = (node: Node, listDepth: number) => {
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (isChrome(element)) return;
    if (tag === 'BR') {
      flush(false);
      return;
    }
    if (tag === 'LI') {
      flush(false);
      const outer = continuation;
      indent = `${'  '.repeat(Math.max(1, listDepth))}• `;
      continuation = '  '.repeat(Math.max(1, listDepth) + 1);
      for (const child of element.childNodes) walk(child, listDepth);
      flush(false);
      indent = '';
      continuation = outer;
      return;
    }
    const block = BLOCKS.has(tag);
    // Inside a list, blocks (a nested list, a paragraph in an item) end lines but add no blank line.
    if (block) flush(listDepth === 0);
    const depth = tag === 'UL' || tag === 'OL' ? listDepth + 1 : listDepth;
    for (const child of element.childNodes) walk(child, depth);
    if (block) flush(listDepth === 0);
  };

  if (title) {
    current = title;
    flush(true);
  }
  walk(root, 0);
  flush(false);
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
