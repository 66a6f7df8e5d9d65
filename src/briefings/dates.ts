/**
 * Dates in LGA briefing headings and prose, and the inference that completes them: `11 July 2023`, `Tuesday 5 January
 * 2021`, `June 2022`, `10 and 22 March 2023`, `8,10 & 15 March 2021`, `25 and 27 January; 1, 3 and 8 February 2021`,
 * and `Monday 4 July` (no year: taken from the neighbouring sections). Weekdays are sometimes wrong on the pages, so
 * only the day and month are read. Pure.
 */
import { daysInMonth, MONTH_NAMES, MONTH_PATTERN, monthNumber, SHORT_MONTH_NAMES } from '../vocabulary';

export interface ParsedDate {
  /** `null` until completed from neighbouring sections (`completeYears`). */
  year: number | null;
  month: number;
  /** `null` for a month alone (`June 2022`). */
  day: number | null;
}

export const WEEKDAY = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/gi;

/**
 * A month word, its name or its short form (`8 Nov 2016`, `4 Sept`, from the one list of names): a heading written
 * so is a date, not words the compiler cannot read.
 */
const MONTH_WORD = `(?:${MONTH_PATTERN.slice(1, -1)}|(${SHORT_MONTH_NAMES.join('|')})\\.?)`;

/**
 * One group of a date list: `25 and 27 January`, `8,10 & 15 March 2021`, `12-14 March 2023` (a run of sittings: its
 * first and last days), `June 2022`, `4 July`, `4th July`, `8 Nov 2016`.
 */
const DATE_GROUP = new RegExp(
  String.raw`((?:\b\d{1,2}(?:st|nd|rd|th)?\s*(?:,|&|and|to|-|–)?\s*)*)\b(${MONTH_WORD})(?![\p{L}])(?:,?\s+(\d{4})\b)?`,
  'giu',
);

/** The dates a text names, with a year carried back from the group that has one (`25 and 27 January; 1 February 2021`). */
export function parseDates(text: string): { dates: ParsedDate[]; rest: string } {
  const groups: Array<{ days: number[]; month: number; year: number | null }> = [];
  const rest = text.replace(DATE_GROUP, (all, dayList: string, month: string, _short, year: string | undefined) => {
    // Every day number is kept, even 0 or 32: an impossible day is the reader's to correct (`calendarError`), never
    // a date to round into the month alone.
    const days = (dayList.match(/\d{1,2}/g) ?? []).map(Number);
    const y = year ? Number(year) : null;
    // A month with neither day nor year (`may`, `march`, `up to 50 may`) is an ordinary word, not a date.
    if (!days.some((d) => d >= 1 && d <= 31) && y === null) return all;
    groups.push({ days, month: monthNumber(month), year: y });
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

/**
 * The date a section's opening prose gives its occasion, when no heading does: `…for the debate on 26 January 2015`,
 * `Peers will debate the Bill on Tuesday 4 March 2025`. Only a full date in a sentence about the debate or stage.
 * `openingParagraphs` are the paragraphs before the key messages, which the compiler picks out. It lives here, beside
 * the parsing it builds on, so that all that is known about reading a date from words is in one file (issue 11).
 */
export function occasionDate(openingParagraphs: readonly string[]): string[] {
  for (const paragraph of openingParagraphs) {
    for (const sentence of paragraph.split(/(?<=[.!?])\s+/)) {
      if (!/\b(?:debate[sd]?|reading|stage|committee|consideration|briefing)\b/i.test(sentence)) continue;
      const full = parseDates(sentence).dates.filter((d) => d.day !== null && d.year !== null);
      if (full.length === 1) return isoDates(full);
    }
  }
  return [];
}

/** A line that is nothing but a date list (`26 January 2015`, `Tuesday 17 November 2015`), or null. */
export function loneDates(line: string): ParsedDate[] | null {
  const { dates, rest } = parseDates(line);
  if (dates.length === 0) return null;
  const left = rest
    .replace(WEEKDAY, ' ')
    .replace(/[\s,;:&–—\-.()]+/g, ' ')
    .replace(/^\s*(?:and|on)\s*$/i, '')
    .trim();
  return left === '' ? dates : null;
}

/**
 * Why a date is on no calendar (`31 February 2021 is not a date (February 2021 has 28 days)`), or null for a real one.
 * A date without a year is checked against the longest its month can be (`29 February` may yet be right).
 */
export function calendarError(date: ParsedDate): string | null {
  if (date.day === null) return null;
  const month = MONTH_NAMES[date.month - 1]!;
  const written = `${date.day} ${month}${date.year === null ? '' : ` ${date.year}`}`;
  if (date.day < 1) return `${written} is not a date (no month has a day ${date.day})`;
  const longest = daysInMonth(date.year ?? LEAP_YEAR, date.month);
  if (date.day <= longest) return null;
  const has = date.year === null ? `${month} has at most` : `${month} ${date.year} has`;
  return `${written} is not a date (${has} ${longest} days)`;
}

/** Any leap year: the year a date without one is checked against, so that `29 February` stands until placed. */
const LEAP_YEAR = 2000;

/** ISO `YYYY-MM-DD`, `YYYY-MM` for a month alone; null while the year is unknown, and for a date on no calendar. */
export function isoDate(date: ParsedDate): string | null {
  if (date.year === null || calendarError(date) !== null) return null;
  const mm = String(date.month).padStart(2, '0');
  if (date.day === null) return `${date.year}-${mm}`;
  return `${date.year}-${mm}-${String(date.day).padStart(2, '0')}`;
}

export function isoDates(dates: readonly ParsedDate[]): string[] {
  return dates.map(isoDate).filter((d): d is string => d !== null);
}

/**
 * ISO dates per section; a date without a year (`Monday 4 July`) takes the year, among its neighbours' years, that
 * puts it nearest to a neighbouring section's date (pages run newest first, a few days or weeks apart), and that has
 * the day (`29 February` only in a leap year). A date on no calendar is left out (see `calendarError`).
 */
export function completeYears(sections: ParsedDate[][]): string[][] {
  const known = sections.map((dates) => dates.filter((d) => d.year !== null && calendarError(d) === null));
  return sections.map((dates, i) =>
    dates
      .map((date) => {
        if (date.year !== null) return isoDate(date);
        const neighbours = [...nearestKnown(known, i, -1), ...nearestKnown(known, i, 1)];
        if (neighbours.length === 0) return null;
        let best: { year: number; distance: number } | null = null;
        for (const neighbour of neighbours) {
          for (const year of [neighbour.year! - 1, neighbour.year!, neighbour.year! + 1]) {
            if (calendarError({ ...date, year }) !== null) continue;
            const distance = Math.abs(dayNumber(year, date.month, date.day ?? 1) - dayNumberOf(neighbour));
            if (!best || distance < best.distance) best = { year, distance };
          }
        }
        return best ? isoDate({ ...date, year: best.year }) : null;
      })
      .filter((d): d is string => d !== null),
  );
}

function nearestKnown(known: ParsedDate[][], from: number, step: -1 | 1): ParsedDate[] {
  for (let i = from + step; i >= 0 && i < known.length; i += step) if (known[i]!.length > 0) return known[i]!;
  return [];
}

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function dayNumberOf(date: ParsedDate): number {
  return dayNumber(date.year!, date.month, date.day ?? 15);
}
