/**
 * Plain English for the model's vocabularies and for dates, shared by the compiler, the adapters, the matcher's
 * reasons, search, the popover and the extension pages, so one word is never spelt two ways. Pure, imports only the
 * model's types.
 */
import type { Briefing, House, Reference, ReferenceKind, Stage } from './model';

// ---- months and dates -------------------------------------------------------------------------------------------

/** Month names in calendar order (index 0 is January). */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A month name as one capturing group, for patterns that read dates: `(January|February|…|December)`. */
export const MONTH_PATTERN = `(${MONTH_NAMES.join('|')})`;

/** Months as pages also write them short (`8 Nov 2016`, `4 Sept`): each name's first three letters, and `Sept`. */
export const SHORT_MONTH_NAMES = [...MONTH_NAMES.map((name) => name.slice(0, 3)), 'Sept'];

/** A month name or its short form as one capturing group (full names first, so `March` is read whole, not `Mar`). */
export const MONTH_OR_SHORT_PATTERN = `(${[...MONTH_NAMES, ...SHORT_MONTH_NAMES].join('|')})`;

/**
 * `March`, `march`, `Mar`, `mar.`, `Sept.` -> 3, 3, 3, 3, 9: a month's name or its short form, in any case, with or
 * without a full stop; 0 when the word is not a month. The one reader of month words, for headings and pages alike.
 */
export function monthNumber(word: string): number {
  const name = word.replace(/\.$/, '').toLowerCase();
  const full = MONTH_NAMES.findIndex((month) => month.toLowerCase() === name);
  if (full >= 0) return full + 1;
  if (!SHORT_MONTH_NAMES.some((short) => short.toLowerCase() === name)) return 0;
  // Each short form begins exactly one month's name (`Jun` June, `Sept` September).
  return MONTH_NAMES.findIndex((month) => month.toLowerCase().startsWith(name)) + 1;
}

/** How many days a month has in a year (month 1 is January): `daysInMonth(2024, 2)` is 29. */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Whether a day is on the calendar: `31 February 2021` and `0 March` are not. The one check, for briefings' headings,
 * pages' dates and captured pages' dates alike.
 */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** `2016-10-18` -> `18 October 2016`; `2016-10` -> `October 2016`; anything else as written. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  const month = m ? MONTH_NAMES[Number(m[2]) - 1] : undefined;
  if (!m || !month) return iso;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/**
 * `2026-11-23T10:04:00Z` -> `23 November 2026`: the day of a moment (a record's `addedAt`, the dataset's `builtAt`),
 * in UTC so every reader sees the same day; null when it is not a time.
 */
export function timestampDay(timestamp: string): string | null {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return null;
  return `${date.getUTCDate()} ${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** `2026-11-23T10:04:00Z` -> `23 November 2026, 10:04 UTC`; anything that is not a time as written. */
export function formatTimestamp(timestamp: string): string {
  const day = timestampDay(timestamp);
  if (!day) return timestamp;
  const date = new Date(timestamp);
  const twoDigits = (n: number) => String(n).padStart(2, '0');
  return `${day}, ${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())} UTC`;
}

/** `a`, `a and b`, `a, b and c`: how every list of words is written. */
export function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Several dates in calendar order, shortened where they share month and year (`8 and 10 November 2016`), otherwise
 * each in full (`31 October 2016 and 1 November 2016`).
 */
export function formatDates(isoDates: readonly string[]): string {
  const sorted = [...isoDates].sort();
  const parsed = sorted.map((iso) => /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso));
  const first = parsed[0];
  const sameMonth = parsed.length > 1 && !!first && parsed.every((m) => m && m[1] === first[1] && m[2] === first[2]);
  if (sameMonth && formatDate(sorted[0]!) !== sorted[0]) {
    const last = formatDate(sorted[sorted.length - 1]!); // `15 November 2016`
    const monthYear = last.slice(last.indexOf(' ') + 1);
    return `${joinWords(parsed.map((m) => String(Number(m![3]))))} ${monthYear}`;
  }
  return joinWords(sorted.map(formatDate));
}

/** `2026-12-03T10:00:00Z` -> `3 Dec` (this year) or `3 Dec 2025`; the day is the reader's local day. */
export function shortDate(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = `${date.getDate()} ${MONTH_NAMES[date.getMonth()]!.slice(0, 3)}`;
  return date.getFullYear() === now.getFullYear() ? day : `${day} ${date.getFullYear()}`;
}

// ---- houses and stages ------------------------------------------------------------------------------------------

/** `Lords`, as in `Lords Report`. */
export const HOUSE_SHORT: Readonly<Record<House, string>> = { commons: 'Commons', lords: 'Lords' };
/** `House of Lords`, as in `LGA briefing for House of Lords Report stage`. */
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

/** What a label says where a briefing or page names no stage: `Lords, stage not stated`. */
export const STAGE_NOT_STATED = 'stage not stated';

/** `Lords Report` / `Commons Committee` / `Second Reading` / `Lords`, house first as readers say it; `` when neither is known. */
export function houseStageLabel(house: House | null, stage: Stage | null): string {
  return [house ? HOUSE_SHORT[house] : null, stage ? STAGE_LABEL[stage] : null].filter(Boolean).join(' ');
}

/** As `houseStageLabel`, but always words for a sentence: `Lords, stage not stated`, `an unnamed stage`. */
export function stageLabel(house: House | null, stage: Stage | null): string {
  if (stage === null) return house ? `${HOUSE_SHORT[house]}, ${STAGE_NOT_STATED}` : 'an unnamed stage';
  return houseStageLabel(house, stage);
}

/**
 * The page's stage as readers say it, with what the page adds written once: `Lords Report` and `Report (2nd Day)` give
 * `Lords Report (2nd Day)`, not `Lords Report (Report (2nd Day))`; `Commons Committee` and `Fourteenth Sitting` give
 * `Commons Committee (Fourteenth Sitting)`.
 */
export function pageStageLabel(house: House | null, stage: Stage | null, asWritten: string | null): string {
  const where = houseStageLabel(house, stage);
  if (!asWritten || asWritten === where) return where;
  let rest = asWritten.trim();
  for (const words of [where, stage ? STAGE_LABEL[stage] : '', stage === 'report' ? 'Report Stage' : '']) {
    if (words && rest.toLowerCase().startsWith(words.toLowerCase())) rest = rest.slice(words.length).trim();
  }
  rest = rest
    .replace(/^[,:;–—-]\s*/, '')
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  if (!where) return asWritten;
  return rest ? `${where} (${rest})` : where;
}

// ---- briefings ----------------------------------------------------------------------------------------------------

type BriefingFacts = Pick<Briefing, 'house' | 'stage' | 'dates' | 'heading'> & Partial<Pick<Briefing, 'stageDetail'>>;

/**
 * What a reader calls a briefing: `Lords Report, 18 October 2016`; with `detail` (the matcher's reasons, where the day
 * matters) `Lords Report (day 2), 8 November 2016`. The heading as written when house and stage are both unknown.
 */
export function briefingLabel(briefing: BriefingFacts, options: { detail?: boolean } = {}): string {
  const where = briefing.stage ? houseStageLabel(briefing.house, briefing.stage) : stageOrHouse(briefing);
  if (!where) return briefing.heading;
  const detail = options.detail && briefing.stageDetail ? ` (${briefing.stageDetail})` : '';
  return briefing.dates.length ? `${where}${detail}, ${formatDates(briefing.dates)}` : `${where}${detail}`;
}

function stageOrHouse(briefing: BriefingFacts): string {
  return briefing.house ? HOUSE_SHORT[briefing.house] : '';
}

/** The long label: `LGA briefing for House of Lords Report stage (day 2), 8 November 2016`. */
export function briefingTitle(briefing: BriefingFacts): string {
  if (!briefing.house && !briefing.stage) return `LGA briefing: ${briefing.heading}`;
  const house = briefing.house ? `${HOUSE_LONG[briefing.house]} ` : '';
  const stage = briefing.stage ? `${STAGE_LABEL[briefing.stage]} stage` : STAGE_NOT_STATED;
  const detail = briefing.stageDetail ? ` (${briefing.stageDetail})` : '';
  const dates = briefing.dates.length ? `, ${formatDates(briefing.dates)}` : '';
  return `LGA briefing for ${house}${stage}${detail}${dates}`;
}

// ---- references ---------------------------------------------------------------------------------------------------

/** How a reference kind is written in prose: `new clause`, `amendment`. */
export const KIND_WORDS: Readonly<Record<ReferenceKind, string>> = {
  clause: 'clause',
  'new-clause': 'new clause',
  amendment: 'amendment',
  schedule: 'schedule',
  'new-schedule': 'new schedule',
  part: 'part',
  chapter: 'chapter',
};

/** A reference kind abbreviated, where space is short (the side panel's stance picture): `Cl 8`, `NC 10`, `Am 61`. */
export const KIND_SHORT: Readonly<Record<ReferenceKind, string>> = {
  clause: 'Cl',
  'new-clause': 'NC',
  amendment: 'Am',
  schedule: 'Sch',
  'new-schedule': 'NS',
  part: 'Pt',
  chapter: 'Ch',
};

/** `{kind: 'clause', number: '7'}` -> `Clause 7`, as a label or at the start of a sentence. */
export function referenceLabel(ref: Pick<Reference, 'kind' | 'number'>): string {
  const words = referenceWords(ref);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/** `clause 7`, `new clause 10`: a reference inside a sentence. */
export function referenceWords(ref: Pick<Reference, 'kind' | 'number'>): string {
  return `${KIND_WORDS[ref.kind]} ${ref.number}`;
}

/** `a different clause`, `a different new clause`, `a different amendment`. */
export function differentThing(kind: ReferenceKind): string {
  return `a different ${KIND_WORDS[kind]}`;
}

/** The one letter-case rule for provision numbers: `172a` is `172A`. Used by every key a reference is found by. */
export function numberKey(number: string): string {
  return number.toUpperCase();
}

/**
 * The one key of a provision: `clause:7`, `amendment:172A`. Numbers compare without regard to the case of their
 * letters (`172a` is `172A`), everywhere a reference is looked up, grouped or counted.
 */
export function referenceKey(ref: Pick<Reference, 'kind' | 'number'>): string {
  return `${ref.kind}:${numberKey(ref.number)}`;
}

/**
 * One provision of one bill on a page: `clause 7` of the section's bill, every mention of it together (the side
 * panel groups a page's mentions by it, and the page summary counts the provisions a page mentions by it).
 */
export function provisionKey(ref: Pick<Reference, 'kind' | 'number'> & { sectionBill: string | null }): string {
  return `${ref.sectionBill ?? ''}|${referenceKey(ref)}`;
}

/** Same provision: same kind and number, by `referenceKey`'s rule. */
export function sameProvision(a: Pick<Reference, 'kind' | 'number'>, b: Pick<Reference, 'kind' | 'number'>): boolean {
  return a.kind === b.kind && numberKey(a.number) === numberKey(b.number);
}
