/**
 * Briefing headings: `<Bill>, <Stage>, <House>, <date>` and its many variants (see
 * ../shared/docs/lga-briefings.md). A heading is read by taking out, in turn, a `LGA Briefing:` prefix, the bill
 * title, the house, the stage and the dates; what is left must be separators only for the line to count as a heading.
 * Pure: no DOM, no node.
 */
import type { House, Stage } from '../model';
import { monthNumber } from '../vocabulary';

export interface ParsedDate {
  /** ISO `YYYY-MM-DD`, or `YYYY-MM` for a month alone; `null` year until completed from neighbouring sections. */
  year: number | null;
  month: number;
  day: number | null;
}

export interface ParsedHeading {
  /** The bill title as written (without `LGA Briefing:` or a leading `The`), or null. */
  bill: string | null;
  /** True when the line starts `LGA Briefing` / `Local Government Association Briefing` (PDF link titles do). */
  briefingPrefix: boolean;
  house: House | null;
  stage: Stage | null;
  stageDetail: string | null;
  dates: ParsedDate[];
  /** Words left over once every recognised part is taken out (empty for a clean heading). */
  leftover: string;
}

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const WEEKDAY = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/gi;

const PREFIX = /^\s*(?:LGA|Local Government Association)\s+briefing\s*(?:[:,\-–—]\s*)?(?:LGA\s+(?=\S))?/i;

/** `House of Commons`, `House of Lords`, `HoL`, `(Lords)`. */
const HOUSES: ReadonlyArray<{ pattern: RegExp; house: House }> = [
  { pattern: /\bHouse\s+of\s+Commons\b|\(Commons\)|\bHoC\b/i, house: 'commons' },
  { pattern: /\bHouse\s+of\s+Lords\b|\(Lords\)|\bHoL\b/i, house: 'lords' },
];

/** `day 2`, `days 4 and 5`, `day 4 and 5` after a stage name. */
const DAYS = String.raw`(?:\s*[,:-]?\s*\(?\s*(days?)\s+(\d+(?:\s*(?:,|and|&)\s*\d+(?!\d|\s*(?:st|nd|rd|th)?\s+${MONTH}))*)\)?)?`;

/**
 * Stage words, longest and most specific first. `detail` is shown to readers (`Public Bill Committee`); a `day N`
 * suffix is added to it when present.
 */
const STAGE_WORDS: ReadonlyArray<{ pattern: RegExp; stage: Stage; detail?: string }> = [
  { pattern: /\bReport\s+Stage\s+(?:and|&)\s+Third\s+Reading\b/i, stage: 'remaining-stages' },
  { pattern: /\bRemaining\s+Stages?\b/i, stage: 'remaining-stages' },
  {
    pattern: /\bConsideration\s+of\s+(?:(?:Lords|Commons)(?:'|’)?\s+)?amendments\b|\bPing[\s-]?pong\b/i,
    stage: 'consideration-of-amendments',
  },
  { pattern: /\bPublic\s+Bill\s+Committee\b/i, stage: 'committee', detail: 'Public Bill Committee' },
  { pattern: /\bGrand\s+Committee\b/i, stage: 'committee', detail: 'Grand Committee' },
  {
    pattern: /\bCommittee\s+of\s+the\s+whole\s+House\b/i,
    stage: 'committee',
    detail: 'Committee of the whole House',
  },
  { pattern: /\bCommittee(?:\s+Stage)?\b/i, stage: 'committee' },
  { pattern: /\b(?:Second|2nd)\s+Reading\b/i, stage: 'second-reading' },
  { pattern: /\b(?:Third|3rd)\s+Reading\b/i, stage: 'third-reading' },
  { pattern: /\b(?:First|1st)\s+Reading\b/i, stage: 'first-reading' },
  { pattern: /\bReport(?:\s+Stage)?\b/i, stage: 'report' },
  { pattern: /\bRoyal\s+Assent\b/i, stage: 'royal-assent' },
];

/** One group of a date list: `25 and 27 January`, `8,10 & 15 March 2021`, `June 2022`, `4 July`. */
const DATE_GROUP = new RegExp(
  String.raw`((?:\b\d{1,2}(?:st|nd|rd|th)?\s*(?:,|&|and)?\s*)*)\b${MONTH}\b(?:,?\s+(\d{4})\b)?`,
  'gi',
);

function monthIndex(name: string): number {
  return monthNumber(name);
}

/** The dates a heading names, with a year carried back from the group that has one (`25 and 27 January; 1 February 2021`). */
export function parseDates(text: string): { dates: ParsedDate[]; rest: string } {
  const groups: Array<{ days: number[]; month: number; year: number | null }> = [];
  const rest = text.replace(DATE_GROUP, (_all, dayList: string, month: string, year: string | undefined) => {
    const days = (dayList.match(/\d{1,2}/g) ?? []).map(Number).filter((d) => d >= 1 && d <= 31);
    const y = year ? Number(year) : null;
    // A month with neither day nor year (`may`, `march`) is an ordinary word, not a date.
    if (days.length === 0 && y === null) return _all;
    groups.push({ days, month: monthIndex(month), year: y });
    return ' ';
  });
  // Carry a year back to the groups before it; a later month in an earlier group means the year before.
  let nextYear: number | null = null;
  let nextMonth = 13;
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    if (group.year !== null) {
      nextYear = group.year;
    } else if (nextYear !== null) {
      group.year = group.month > nextMonth ? nextYear - 1 : nextYear;
    }
    nextMonth = group.month;
  }
  const dates: ParsedDate[] = [];
  for (const group of groups) {
    if (group.days.length === 0) dates.push({ year: group.year, month: group.month, day: null });
    for (const day of group.days) dates.push({ year: group.year, month: group.month, day });
  }
  return { dates, rest };
}

export function isoDate(date: ParsedDate): string | null {
  if (date.year === null) return null;
  const mm = String(date.month).padStart(2, '0');
  if (date.day === null) return `${date.year}-${mm}`;
  return `${date.year}-${mm}-${String(date.day).padStart(2, '0')}`;
}

function takeFirst<T extends { pattern: RegExp }>(
  text: string,
  table: ReadonlyArray<T>,
): { entry: T; match: RegExpExecArray } | null {
  let best: { entry: T; match: RegExpExecArray } | null = null;
  for (const entry of table) {
    const match = entry.pattern.exec(text);
    if (match && (!best || match.index < best.match.index)) best = { entry, match };
  }
  return best;
}

function cut(text: string, match: RegExpExecArray): string {
  return `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;
}

/** Where the bill title ends: the first `Bill` (with an `[HL]` marker) in the line. */
const BILL_TITLE = /^(.*?\bBill\b(?:\s*[[(](?:HL|Lords)[\])])?)/i;

/** Reads a heading line. Never throws; `leftover` says how much of the line was not understood. */
export function parseHeading(line: string, options: { findBill?: boolean } = {}): ParsedHeading {
  let text = line.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const prefix = PREFIX.exec(text);
  const briefingPrefix = prefix !== null;
  if (prefix) text = text.slice(prefix[0].length);

  let bill: string | null = null;
  const title = options.findBill === false ? null : BILL_TITLE.exec(text);
  // The bill title comes first and is not itself a stage phrase (`Public Bill Committee`).
  if (title && !/Public\s+Bill$/i.test(title[1]!.trim())) {
    bill =
      title[1]!
        .replace(/^\s*The\s+/i, '')
        .replace(/[\s,:–—-]+$/, '')
        .trim() || null;
    text = text.slice(title[0].length);
  }

  let house: House | null = null;
  const houseHit = takeFirst(text, HOUSES);
  if (houseHit) {
    house = houseHit.entry.house;
    text = cut(text, houseHit.match);
  }

  let stage: Stage | null = null;
  let stageDetail: string | null = null;
  const stageHit = takeFirst(text, STAGE_WORDS);
  if (stageHit) {
    stage = stageHit.entry.stage;
    stageDetail = stageHit.entry.detail ?? null;
    text = cut(text, stageHit.match);
    // `Committee Stage day 4 and 5`: the day numbers follow the stage words.
    const afterStage = stageHit.match.index;
    const days = new RegExp(`^${DAYS}`, 'i').exec(text.slice(afterStage));
    if (days?.[1] && days[2]) {
      const numbers = days[2].match(/\d+/g) ?? [];
      const dayText =
        numbers.length > 1 ? `days ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}` : `day ${numbers[0]}`;
      stageDetail = stageDetail ? `${stageDetail}, ${dayText}` : dayText;
      text = `${text.slice(0, afterStage)} ${text.slice(afterStage + days[0].length)}`;
    }
  }

  const { dates, rest } = parseDates(text);
  const leftover = rest
    .replace(WEEKDAY, ' ')
    .replace(/[\s,;:&–—\-.()]+/g, ' ')
    .replace(/^\s*(?:and|on)\s*$/i, '')
    .trim();
  return { bill, briefingPrefix, house, stage, stageDetail, dates, leftover };
}

/**
 * Stage named only in prose (2025+ pages): `…ahead of the second reading of the Bill in the House of Commons on
 * 2 September 2025`. Looks for a sentence that names a stage as the occasion of the briefing.
 */
const PROSE_OCCASION =
  /\b(?:ahead\s+of|before|for|in\s+advance\s+of|during)\s+(?:the\s+|its\s+)?((?:[\w']+\s+){0,3}?(?:reading|stage|stages|committee|amendments))\b([^.]{0,160})/gi;

export function stageFromProse(text: string): ParsedHeading | null {
  for (const match of text.matchAll(PROSE_OCCASION)) {
    const phrase = `${match[1]}${match[2]}`;
    const parsed = parseHeading(phrase, { findBill: false });
    if (parsed.stage) return { ...parsed, bill: null, leftover: '' };
  }
  return null;
}
