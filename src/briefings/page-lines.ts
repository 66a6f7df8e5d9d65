/**
 * What the lines of a stored local.gov.uk briefing page are, as data: site furniture that is never a position,
 * the part headings a section is divided into, bullets. See ../shared/docs/lga-briefings.md, "Page shape". Pure.
 */

/** Site banners that reflect when the page was crawled, not the briefing. Matched anywhere in a line. */
export const SITE_BANNERS: readonly RegExp[] = [
  /Visit our devolution and LGR hub/i,
  /Resetting the relationship between local and national government/i,
];

/** Whole lines of page furniture: topic links, share buttons, the stored-file provenance line. */
export const FURNITURE_LINES: readonly RegExp[] = [
  /^View\s*all\b.*\barticles?$/i,
  /^(?:Share|Print|Share this page|Back to top|Related content)$/i,
];

/** `Read the full briefing:`, `Download the full briefing`, `Dowload the full briefing` (sic), `Download (PDF)`. */
export const DOWNLOAD_LINE =
  /^(?:(?:Read|Download|Dowload|View|See)\s+(?:the\s+|our\s+)?(?:full\s+)?briefing\b.{0,40}|(?:Download|Dowload)\b.{0,60})$/i;

/** Provenance line of stored corpus files (`SOURCE: https://…`), first line only. */
export const SOURCE_LINE = /^SOURCE:\s*\S+\s*$/;

export type PartName = 'key-messages' | 'background' | 'intro' | 'contact';

/** Part headings, as whole lines (case-insensitive, an optional trailing colon). */
export const PART_HEADINGS: ReadonlyArray<{ pattern: RegExp; part: PartName }> = [
  { pattern: /^(?:key\s+messages?|key\s+points|executive\s+summary|summary|key\s+asks)$/i, part: 'key-messages' },
  { pattern: /^(?:background|further\s+information|briefing|detail|our\s+views?)$/i, part: 'background' },
  {
    pattern: /^(?:introduction|about\s+(?:the\s+)?(?:local\s+government\s+association|LGA)|about\s+us)$/i,
    part: 'intro',
  },
  {
    pattern: /^(?:contacts?|contact\s+details|for\s+further\s+information,?\s+contact.*|media\s+enquiries)$/i,
    part: 'contact',
  },
];

/** A bullet: `  • text`, nested `    • text`, and the ASCII forms `- text` / `* text`. */
export const BULLET = /^(\s*)(?:[•◦▪‣●○■□·]|[-*–](?=\s))\s*(.*)$/;

export function partHeading(line: string): PartName | null {
  const text = line.trim().replace(/\s*:$/, '');
  for (const { pattern, part } of PART_HEADINGS) if (pattern.test(text)) return part;
  return null;
}
