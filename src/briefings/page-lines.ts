/**
 * What the lines of a stored local.gov.uk briefing page are, as data: site furniture that is never a position,
 * the part headings a section is divided into, bullets. See ../shared/docs/lga-briefings.md, "Page shape". Pure.
 */

/** Site banners that reflect when the page was crawled, not the briefing. Matched anywhere in a line. */
export const SITE_BANNERS: readonly RegExp[] = [
  /Visit our devolution and LGR hub/i,
  /Resetting the relationship between local and national government/i,
];

/**
 * Whole lines of page furniture: topic links, share buttons, breadcrumbs, publication stamps, the stored-file provenance
 * line; also what a main-content extractor leaves of a page's chrome when the article is read from the DOM.
 */
export const FURNITURE_LINES: readonly RegExp[] = [
  /^View\s*all\b.*\barticles?$/i,
  /^(?:Share|Print|Share this page|Share this|Print this page|Back to top|Skip to (?:main )?content)$/i,
  /^(?:Share (?:on|via) )?(?:Twitter|X|Facebook|LinkedIn|Email|E-mail|WhatsApp|Bluesky|Copy link)$/i,
  /^(?:Home|You are here:?)(?:\s*[>›»/|]\s*.*)?$/i,
  /^(?:[^.>›»•]{1,60}\s[>›»]\s){2,}[^>›»]{1,200}$/, // breadcrumbs: `Home › Parliament › Briefings and responses`
  /^(?:Published|Posted|Updated|Last updated|Date published|First published)\s*:?\s*\d{1,2}\s+\w+\s+\d{4}$/i,
  /^(?:\[?\d{1,2}\]?\s*)?(?:https?:\/\/|www\.)\S+$/i, // a bare link or footnote link
  /^(?:Parliamentary briefing|Briefings and responses|Topics?|Tags?|In this section)$/i,
  /^(?:Was this page useful\??|Yes|No|Is this page useful\??)$/i,
];

/** Lines after which the rest of a section is page chrome, not briefing, until the next part or stage heading. */
export const CHROME_START: readonly RegExp[] = [
  /^(?:Related (?:content|articles|publications|briefings|pages|documents|resources)|More (?:on this topic|briefings)|Sign up to our newsletter|Newsletter sign[- ]up|Follow us)$/i,
];

/** `Read the full briefing:`, `Download the full briefing`, `Dowload the full briefing` (sic), `Download (PDF)`. */
export const DOWNLOAD_LINE =
  /^(?:(?:Read|Download|Dowload|View|See)\s+(?:the\s+|our\s+)?(?:full\s+)?briefing\b.{0,40}|(?:Download|Dowload)\b.{0,60})$/i;

/** Provenance line of stored corpus files (`SOURCE: https://…`), first line only. */
export const SOURCE_LINE = /^SOURCE:\s*\S+\s*$/;

export type PartName = 'key-messages' | 'background' | 'intro' | 'about' | 'contact';

/**
 * Part headings, as whole lines (case-insensitive, an optional trailing colon). `intro` is the briefing's own
 * introduction (its paragraphs are positions where the page has no key messages list); `about` is the LGA describing
 * itself and `contact` the officer's details: never positions.
 */
export const PART_HEADINGS: ReadonlyArray<{ pattern: RegExp; part: PartName }> = [
  {
    pattern:
      /^(?:(?:our|lga|the lga['’]?s?)\s+)?(?:key\s+(?:messages?|points|asks|issues|recommendations|concerns)|executive\s+summary|summary(?:\s+of\s+key\s+messages)?|recommendations|main\s+points)$/i,
    part: 'key-messages',
  },
  {
    pattern:
      /^(?:background|further\s+information|briefing|detail|detailed\s+(?:comments|briefing|analysis)|additional\s+information|our\s+views?|lga\s+views?|the\s+lga['’]?s?\s+views?|(?:the\s+)?lga\s+position|our\s+position|analysis|comments)$/i,
    part: 'background',
  },
  { pattern: /^(?:introduction|overview|context)$/i, part: 'intro' },
  {
    pattern: /^(?:about\s+(?:the\s+)?(?:local\s+government\s+association|LGA)|about\s+us)$/i,
    part: 'about',
  },
  {
    pattern:
      /^(?:contacts?|contact\s+(?:details|us|information)|for\s+further\s+information,?\s+(?:please\s+)?contact.*|media\s+enquiries|further\s+enquiries|enquiries)$/i,
    part: 'contact',
  },
];

/**
 * A bullet: `  • text`, nested `    • text`, the ASCII forms `- text` / `* text`, dashes, and numbered or lettered
 * items (`1. text`, `2) text`, `(a) text`, `(iv) text`). Group 1 is the indent, group 2 the text.
 */
export const BULLET =
  /^(\s*)(?:[•◦▪‣●○■□·\uF0B7\uF0A7]|[-*–—](?=\s)|\d{1,2}[.)](?=\s)|\(?[a-z]\)(?=\s)|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)(?=\s))\s*(.*)$/;

export function partHeading(line: string): PartName | null {
  const text = line.trim().replace(/\s*:$/, '');
  for (const { pattern, part } of PART_HEADINGS) if (pattern.test(text)) return part;
  return null;
}
