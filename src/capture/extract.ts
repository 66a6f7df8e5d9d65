/**
 * An LGA briefing page's DOM -> the briefing text a reader would copy (title line, paragraphs, part headings, bullets
 * `  • `), the text the compiler (src/briefings) reads, and the date the page gives.
 *
 * The article is found with Mozilla's Readability (the engine of Firefox's Reader View) on a clone of the document:
 * it scores blocks by their text, commas and link density rather than by class names, so a redesign of
 * local.gov.uk's theme (it has moved from Liferay to Drupal once already) does not blind it. Banners, navigation,
 * breadcrumbs, related-content lists and footers score low and are left out; what remains is walked into lines by the
 * same rules that read a saved page in the options page (src/briefings/html.ts). When Readability finds no article
 * (a very short page), the page's semantic root (`main`, `article`, `[role=main]`) is read instead.
 *
 * Never changes the document it is given (Readability works on a clone) and reads text only.
 */
import { Readability } from '@mozilla/readability';
import { elementToBriefingText } from '../briefings/html';
import { isCalendarDay } from '../vocabulary';

export interface ExtractedBriefing {
  /** The page's title as it heads the briefing (its `h1`, else Readability's title). */
  title: string;
  /** The briefing text, title first; ends with a newline. */
  text: string;
  /** The date the page gives for itself (updated, else published), as `YYYY-MM-DD`, or null. */
  pageDate: string | null;
  /** How the article was found: Readability's scoring, or the page's semantic root. */
  foundBy: 'readability' | 'semantic-root';
}

/** Readability's default (500 characters) is for news articles; a short one-stage briefing can be less. */
const MIN_ARTICLE_CHARS = 250;
/** Fallback roots when Readability finds nothing, most specific first. */
const SEMANTIC_ROOTS = ['main article', 'main', '[role="main"]', 'article'];

/**
 * Where a page states its own date, most telling first: an update beats first publication (an updated briefing is
 * the one being saved). Open Graph / Dublin Core metadata, then a `<time>` in the article.
 */
const PAGE_DATE_SOURCES: ReadonlyArray<{ selector: string; attribute: string }> = [
  { selector: 'meta[property="article:modified_time"]', attribute: 'content' },
  { selector: 'meta[name="dcterms.modified"]', attribute: 'content' },
  { selector: 'meta[property="article:published_time"]', attribute: 'content' },
  { selector: 'meta[name="dcterms.date"]', attribute: 'content' },
  { selector: 'meta[name="dcterms.created"]', attribute: 'content' },
  { selector: 'main time[datetime], article time[datetime], [role="main"] time[datetime]', attribute: 'datetime' },
];

export function extractBriefing(doc: Document): ExtractedBriefing | null {
  const h1 = firstHeading(doc);
  const clone = doc.cloneNode(true) as Document;
  let article: { title?: string | null; content?: Element | null; publishedTime?: string | null } | null = null;
  try {
    article = new Readability<Element>(clone, {
      charThreshold: MIN_ARTICLE_CHARS,
      serializer: (node) => node as Element,
    }).parse();
  } catch {
    article = null; // a page Readability cannot read: fall back to the semantic root below
  }
  const title = h1 || clean(article?.title ?? '') || clean(doc.title);
  let root: Element | null = article?.content ?? null;
  let foundBy: ExtractedBriefing['foundBy'] = 'readability';
  if (!root || !clean(root.textContent ?? '')) {
    root = SEMANTIC_ROOTS.map((selector) => doc.querySelector(selector)).find((el) => el !== null) ?? null;
    foundBy = 'semantic-root';
  }
  if (!root) return null;
  if (foundBy === 'readability') dropLinkLists(root); // Readability's own element, not the page's
  const [first = '', ...lines] = elementToBriefingText(root, title || null).split('\n');
  // Readability keeps the h1 in some layouts and drops it in others: the title is written once, first.
  while (lines.length && (clean(lines[0]!) === '' || clean(lines[0]!) === title)) lines.shift();
  const text = `${[first, '', ...lines].join('\n').trim()}\n`;
  if (!clean(text)) return null;
  return { title, text, pageDate: pageDate(doc, article?.publishedTime ?? null), foundBy };
}

/**
 * Lists whose every item is a link and nothing else are navigation (breadcrumbs, menus, "related" lists), however
 * they are marked up; a briefing's bullets are sentences. Removed from Readability's copy before it is walked.
 */
function dropLinkLists(root: Element): void {
  for (const list of [...root.querySelectorAll('ul, ol')]) {
    const items = [...list.children].filter((child) => child.tagName === 'LI');
    const allLinks = items.every((item) => {
      const text = clean(item.textContent ?? '');
      const linked = [...item.querySelectorAll('a')].map((a) => clean(a.textContent ?? '')).join(' ');
      return text !== '' && clean(linked) === text;
    });
    if (items.length > 0 && allLinks) list.remove();
  }
}

/** Lines read for the bill's name: the title, a standfirst, the opening paragraphs. */
const BILL_NAME_WITHIN_LINES = 15;

/**
 * Whether the page is a briefing on a bill (the control is offered only then): the briefings-and-responses section
 * also holds consultation responses and evidence, which name no Bill near the top.
 */
export function isBillBriefing(extracted: Pick<ExtractedBriefing, 'text'>): boolean {
  const opening = extracted.text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, BILL_NAME_WITHIN_LINES);
  return opening.some((line) => /\bBill\b/.test(line));
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The LGA briefing page a saved copy of a page is of, from its canonical link or `og:url` (browsers keep both when
 * saving a page); null when neither names an LGA briefing page.
 */
export function savedPageUrl(doc: Document, isBriefingPage: (url: string) => boolean): string | null {
  const candidates = [
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  return candidates.find((url): url is string => !!url && isBriefingPage(url)) ?? null;
}

/** The article's heading: the first `h1` inside the main content, else the page's first `h1`. */
function firstHeading(doc: Document): string {
  const inMain = doc.querySelector('main h1, [role="main"] h1, article h1');
  return clean((inMain ?? doc.querySelector('h1'))?.textContent ?? '');
}

/** `2022-06-20T09:00:00+01:00`, `2022-06-20` -> `2022-06-20`; anything without a full date gives null. */
export function isoDay(value: string | null | undefined): string | null {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!match) return null;
  const [, y, m, d] = match;
  return isCalendarDay(Number(y), Number(m), Number(d)) ? `${y}-${m}-${d}` : null;
}

function pageDate(doc: Document, readabilityPublished: string | null): string | null {
  for (const { selector, attribute } of PAGE_DATE_SOURCES) {
    const day = isoDay(doc.querySelector(selector)?.getAttribute(attribute));
    if (day) return day;
  }
  return isoDay(readabilityPublished); // JSON-LD datePublished, which Readability reads
}
