/**
 * Plain-words labels for briefings: `Lords Report, 18 October 2016` and
 * `LGA briefing for House of Lords Report stage, 18 October 2016`. Pure, no DOM.
 */
import { formatDate as matchingFormatDate } from '../../matching/labels';
import type { Briefing, House, PrintRelation, Reference, ReferenceKind, Stage } from '../../model';

export const HOUSE_SHORT: Readonly<Record<House, string>> = { commons: 'Commons', lords: 'Lords' };
export const HOUSE_LONG: Readonly<Record<House, string>> = { commons: 'House of Commons', lords: 'House of Lords' };

export const STAGE_LABEL: Readonly<Record<Stage, string>> = {
  'first-reading': 'First Reading',
  'second-reading': 'Second Reading',
  committee: 'Committee',
  report: 'Report',
  'third-reading': 'Third Reading',
  'remaining-stages': 'Remaining Stages',
  'consideration-of-amendments': 'Consideration of Amendments',
  'royal-assent': 'Royal Assent',
  other: 'Other stage',
};

/** `2016-10-18` -> `18 October 2016`; `2016-10` -> `October 2016`; anything else as written (the matcher's words). */
export const formatDate = matchingFormatDate;

function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Several dates, shortened where they share month and year: `8 and 10 November 2016`; otherwise each in full.
 */
export function formatDates(isoDates: readonly string[]): string {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/;
  const parsed = isoDates.map((iso) => full.exec(iso));
  const first = parsed[0];
  const sameMonth = parsed.length > 1 && !!first && parsed.every((m) => m && m[1] === first[1] && m[2] === first[2]);
  if (sameMonth && formatDate(isoDates[0]!) !== isoDates[0]) {
    const last = formatDate(isoDates[isoDates.length - 1]!); // `15 November 2016`
    const monthYear = last.slice(last.indexOf(' ') + 1);
    return `${joinWords(parsed.map((m) => String(Number(m![3]))))} ${monthYear}`;
  }
  return joinWords(isoDates.map(formatDate));
}

type BriefingFacts = Pick<Briefing, 'house' | 'stage' | 'dates' | 'heading'> & Partial<Pick<Briefing, 'stageDetail'>>;

/** Short label: `Lords Report, 18 October 2016`. Falls back to the heading as written when house and stage are unknown. */
export function briefingLabel(briefing: BriefingFacts): string {
  const parts = [
    briefing.house ? HOUSE_SHORT[briefing.house] : null,
    briefing.stage ? STAGE_LABEL[briefing.stage] : null,
  ]
    .filter(Boolean)
    .join(' ');
  if (!parts) return briefing.heading;
  return briefing.dates.length ? `${parts}, ${formatDates(briefing.dates)}` : parts;
}

/** Long label: `LGA briefing for House of Lords Report stage, 18 October 2016`. */
export function briefingTitle(briefing: BriefingFacts): string {
  if (!briefing.house && !briefing.stage) return `LGA briefing: ${briefing.heading}`;
  const house = briefing.house ? `${HOUSE_LONG[briefing.house]} ` : '';
  const stage = briefing.stage ? `${STAGE_LABEL[briefing.stage]} stage` : 'stage not stated';
  const detail = briefing.stageDetail ? ` (${briefing.stageDetail})` : '';
  const dates = briefing.dates.length ? `, ${formatDates(briefing.dates)}` : '';
  return `LGA briefing for ${house}${stage}${detail}${dates}`;
}

/**
 * Whose a briefing is, said wherever one is shown apart from the LGA's shipped data: `added by you`, or
 * `added by you from local.gov.uk` for one read from an LGA page. Null for the shipped briefings.
 */
export function addedByLabel(briefing: Pick<Briefing, 'userAdded' | 'addedFrom'>): string | null {
  if (!briefing.userAdded) return null;
  return briefing.addedFrom ? `added by you from ${briefing.addedFrom}` : 'added by you';
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-12-03T10:00:00Z` -> `3 Dec` (this year) or `3 Dec 2025`; the day is the reader's local day. */
export function shortDate(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = `${date.getDate()} ${SHORT_MONTHS[date.getMonth()]}`;
  return date.getFullYear() === now.getFullYear() ? day : `${day} ${date.getFullYear()}`;
}

const KIND_LABEL: Readonly<Record<ReferenceKind, string>> = {
  clause: 'Clause',
  'new-clause': 'New clause',
  amendment: 'Amendment',
  schedule: 'Schedule',
  'new-schedule': 'New schedule',
  part: 'Part',
  chapter: 'Chapter',
};

/** `{kind: 'clause', number: '7'}` -> `Clause 7`. */
export function referenceLabel(ref: Reference): string {
  return `${KIND_LABEL[ref.kind]} ${ref.number}`;
}

/**
 * The plain warning for a position numbered for another print, worded from how that print relates to the page's:
 * - `earlier`: `Numbered for Lords Report, 18 October 2016. The bill has been reprinted since: clause 29 there may be a
 *   different clause here.`
 * - `later`: `Numbered for Lords Third Reading, 23 November 2016, a later print than this debate: …`
 * - `unknown`: `Numbered for …. We can't tell which print this page debates: …`
 * Amendments restart at every stage, so their warning says so instead.
 */
export function otherPrintWarning(briefing: BriefingFacts, ref: Reference, print: PrintRelation = 'unknown'): string {
  const label = referenceLabel(ref);
  const lower = label.charAt(0).toLowerCase() + label.slice(1);
  const kindWord = KIND_LABEL[ref.kind].toLowerCase().replace(/^new /, '');
  const mayDiffer = `${lower} there may be a different ${kindWord} here.`;
  const numbered = `Numbered for ${briefingLabel(briefing)}`;
  if (ref.kind === 'amendment' || ref.kind === 'new-clause' || ref.kind === 'new-schedule') {
    return `${numbered}. Amendments are renumbered at every stage: ${mayDiffer}`;
  }
  if (print === 'earlier') return `${numbered}. The bill has been reprinted since: ${mayDiffer}`;
  if (print === 'later') return `${numbered}, a later print of the bill than this debate: ${mayDiffer}`;
  return `${numbered}. We can't tell whether this page shows the same print of the bill: ${mayDiffer}`;
}
