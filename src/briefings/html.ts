/**
 * A saved local.gov.uk briefing page (HTML) -> the briefing text the compiler reads: the main article's text, one
 * block element a line, list items rendered `  • ` (nested `    • `), paragraphs separated by a blank line.
 * Uses only the DOM it is given (the options page passes a DOMParser document); reads text, never HTML.
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

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export function htmlToBriefingText(doc: Document): string {
  const root = ROOT_SELECTORS.map((selector) => doc.querySelector(selector)).find((el) => el !== null) ?? doc.body;
  // The page title sits outside the article on some layouts: put it first.
  const title = doc.querySelector('h1');
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

  const flush = (blankAfter: boolean) => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) {
      out.push(`${indent}${text}`);
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
    if (SKIPPED.has(tag) || element.getAttribute('hidden') !== null || element.getAttribute('aria-hidden') === 'true') {
      return;
    }
    if (tag === 'BR') {
      flush(false);
      return;
    }
    if (tag === 'LI') {
      flush(false);
      indent = `${'  '.repeat(Math.max(1, listDepth))}• `;
      for (const child of element.childNodes) walk(child, listDepth);
      flush(false);
      indent = '';
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
