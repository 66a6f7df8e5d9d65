/**
 * Briefing headings: `<Bill>, <Stage>, <House>, <date>` and its many variants (see
 * ../shared/docs/lga-briefings.md). A heading is read by taking out, in turn, a `LGA Briefing:` prefix, the bill
 * title, the house, the stage and the dates; what is left must be separators only for the line to count as a heading.
 * Pure: no DOM, no node.
 */
import { billTitlesIn } from '../bills/index';
import type { House, Stage } from '../model';
import { joinWords, KIND_WORDS, MONTH_OR_SHORT_PATTERN, MONTH_PATTERN } from '../vocabulary';
import { type ParsedDate, parseDates, WEEKDAY } from './dates';

export interface ParsedHeading {
  /** The bill title as written (without `LGA Briefing:` or a leading `The`), or null. */
  bill: string | null;
  /** True when the line starts with the bill title (after a prefix and `The`). */
  billAtStart: boolean;
  /** True when the line starts `LGA Briefing` / `Local Government Association Briefing` (PDF link titles do). */
  briefingPrefix: boolean;
  house: House | null;
  stage: Stage | null;
  stageDetail: string | null;
  dates: ParsedDate[];
  /** Words left over once every recognised part is taken out (empty for a clean heading). */
  leftover: string;
}

const PREFIX = /^\s*(?:LGA|Local Government Association)\s+briefing\s*(?:[:,\-–—]\s*)?(?:LGA\s+(?=\S))?/i;

/**
 * `House of Commons`, `House of Lords`, `HoL`, `(Lords)`, and `Lords`/`Commons` alone (`Lords Committee Stage`, `in the
 * Lords`). Read after the stage words are taken out, so `Consideration of Lords amendments` never names the House.
 */
const HOUSES: ReadonlyArray<{ pattern: RegExp; house: House }> = [
  { pattern: /\bHouse\s+of\s+Commons\b|\(Commons\)|\bHoC\b|\bCommons\b/i, house: 'commons' },
  { pattern: /\bHouse\s+of\s+Lords\b|\(Lords\)|\bHoL\b|\bLords\b/i, house: 'lords' },
];

/**
 * `day 2`, `days 4 and 5` elsewhere in a stage heading (`Report Stage, House of Lords, 8 November 2016, Day 1`,
 * `… (day 2), 4 July 2016`): read as the stage's day wherever it stands, never as a date.
 */
const LATER_DAYS = new RegExp(
  String.raw`[,:–-]?\s*\(?\b(days?)\s+(\d+(?:\s*(?:,|and|&)\s*\d+(?!\d|\s*(?:st|nd|rd|th)?\s+${MONTH_OR_SHORT_PATTERN}))*)\b(?!\s*(?:st|nd|rd|th)?\s+${MONTH_OR_SHORT_PATTERN})\)?`,
  'i',
);

/** A stage's detail with its day numbers as read (`4 and 5`): `Public Bill Committee, days 4 and 5`, `day 2`. */
function withDays(detail: string | null, numbersRead: string): string {
  const numbers = numbersRead.match(/\d+/g) ?? [];
  const dayText = numbers.length > 1 ? `days ${joinWords(numbers)}` : `day ${numbers[0]}`;
  return detail ? `${detail}, ${dayText}` : dayText;
}

/** `day 2`, `days 4 and 5`, `day 4 and 5` after a stage name. */
const DAYS = String.raw`(?:\s*[,:-]?\s*\(?\s*(days?)\s+(\d+(?:\s*(?:,|and|&)\s*\d+(?!\d|\s*(?:st|nd|rd|th)?\s+${MONTH_OR_SHORT_PATTERN}))*)\)?)?`;

/** A draft bill's scrutiny before it is introduced: the stage is `other` whatever committee holds it. */
const PRE_LEGISLATIVE = /\bpre[\s-]?legislative(?:\s+scrutiny)?\b/i;

/**
 * Stage words. The earliest in the line wins; at the same place, the first in this table (longest, most specific
 * first). `detail` is shown to readers (`Public Bill Committee`); a `day N` suffix is added to it when present.
 */
const STAGE_WORDS: ReadonlyArray<{ pattern: RegExp; stage: Stage; detail?: string }> = [
  { pattern: PRE_LEGISLATIVE, stage: 'other', detail: 'pre-legislative scrutiny' },
  { pattern: /\bReport\s+(?:Stage\s+)?(?:and|&)\s+Third\s+Reading\b/i, stage: 'remaining-stages' },
  { pattern: /\bRemaining\s+Stages?\b/i, stage: 'remaining-stages' },
  {
    pattern:
      /\bConsideration\s+of\s+(?:(?:Lords|Commons)(?:'|’)?\s+)?amendments\b|\b(?:Lords|Commons)(?:'|’)?\s+amendments\b|\bPing[\s-]?pong\b/i,
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

/** Words a stage heading may carry besides bill, stage, house and dates (`Second Reading debate – LGA briefing`). */
const HEADING_FILLER = /\b(?:LGA|briefing|debate|and|on|the|of|for|in|stage|sitting|date)\b/gi;

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

/**
 * Reads a heading line: the bill title wherever it stands (`Second Reading: Renters’ Rights Bill, House of Lords`), the
 * stage, the House, the dates. Never throws; `leftover` says how much of the line was not understood.
 */
export function parseHeading(line: string, options: { findBill?: boolean } = {}): ParsedHeading {
  let text = line.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const prefix = PREFIX.exec(text);
  const briefingPrefix = prefix !== null;
  if (prefix) text = text.slice(prefix[0].length);

  let bill: string | null = null;
  let billAtStart = false;
  const title = options.findBill === false ? undefined : billTitlesIn(text)[0];
  if (title) {
    bill = title.title;
    const before = text.slice(0, title.start);
    billAtStart = /^\s*(?:the\s+)?$/i.test(before);
    text = `${billAtStart ? '' : before} ${text.slice(title.end)}`;
  }

  let stage: Stage | null = null;
  let stageDetail: string | null = null;
  const stageHit = PRE_LEGISLATIVE.test(text)
    ? { entry: STAGE_WORDS[0]!, match: PRE_LEGISLATIVE.exec(text)! }
    : takeFirst(text, STAGE_WORDS);
  if (stageHit) {
    stage = stageHit.entry.stage;
    stageDetail = stageHit.entry.detail ?? null;
    text = cut(text, stageHit.match);
    // `Committee Stage day 4 and 5`: the day numbers follow the stage words.
    const afterStage = stageHit.match.index;
    const days = new RegExp(`^${DAYS}`, 'i').exec(text.slice(afterStage));
    if (days?.[1] && days[2]) {
      stageDetail = withDays(stageDetail, days[2]);
      text = `${text.slice(0, afterStage)} ${text.slice(afterStage + days[0].length)}`;
    }
  }

  let house: House | null = null;
  const houseHit = takeFirst(text, HOUSES);
  if (houseHit) {
    house = houseHit.entry.house;
    text = cut(text, houseHit.match);
  }
  if (stageHit && !/\bdays?\b/i.test(stageDetail ?? '')) {
    const later = LATER_DAYS.exec(text);
    if (later?.[1] && later[2]) {
      stageDetail = withDays(stageDetail, later[2]);
      text = `${text.slice(0, later.index)} ${text.slice(later.index + later[0].length)}`;
    }
  }
  // Royal Assent ends the bill's passage through both Houses.
  if (stage === 'royal-assent') house = null;
  // Each House considers the other's amendments: `Lords amendments` are debated in the Commons.
  if (stage === 'consideration-of-amendments' && house === null && stageHit) {
    if (/\bLords\b/i.test(stageHit.match[0])) house = 'commons';
    else if (/\bCommons\b/i.test(stageHit.match[0])) house = 'lords';
  }

  const { dates, rest } = parseDates(text);
  const leftover = rest
    .replace(WEEKDAY, ' ')
    .replace(/[\s,;:&–—\-.()]+/g, ' ')
    .replace(/^\s*(?:and|on)\s*$/i, '')
    .trim();
  return { bill, billAtStart, briefingPrefix, house, stage, stageDetail, dates, leftover };
}

/** How many of house, stage and dates a heading names. */
export function stageParts(parsed: ParsedHeading): number {
  return Number(parsed.house !== null) + Number(parsed.stage !== null) + Number(parsed.dates.length > 0);
}

/** Leftover words once the filler a stage heading may carry (`LGA briefing`, `debate`) is taken out. */
export function unexplained(parsed: ParsedHeading): string {
  return parsed.leftover.replace(HEADING_FILLER, ' ').replace(/\s+/g, ' ').trim();
}

/** A provision's word as a heading may write it before its number: `Clause`, `clauses`, `Amendment`, `NC`. */
const PROVISION_WORD = new RegExp(
  `^(?:${[...new Set(Object.values(KIND_WORDS).map((words) => words.split(' ').at(-1)))].join('|')})s?$|^N[CS]$`,
  'i',
);

/**
 * The words (as written, in runs) that stop a line naming a stage from reading as a stage heading, when they are a
 * date or a House gone wrong: a misspelt month (`Report Stage, House of Lords, 31 Febuary 2020` -> `31 Febuary 2020`), a date in figures
 * (`21/02/2021`), a House the compiler does not know (`House of Loords`). Null when the line names no stage, reads
 * fully, or has any other word left over: a sentence or sub-heading that mentions a stage (`Amendments to be debated
 * at Report Stage in the House of Lords`) is not a heading at all.
 */
export function misreadStageWords(line: string, parsed: ParsedHeading): string[] | null {
  const unread = unexplained(parsed);
  if (parsed.stage === null || unread === '') return null;
  const words = unread.split(' ');
  // A number after a provision's word (`Clause 28`, `Amendment 12`) names the provision: a sub-heading that says
  // which provisions a stage debates (`Amendment 12 at Report Stage`) is not a date gone wrong.
  const number = (i: number) =>
    words[i] !== undefined && /^\d[\d/]*(?:st|nd|rd|th)?$/i.test(words[i]) && !PROVISION_WORD.test(words[i - 1] ?? '');
  const datelike = (i: number) => number(i) || number(i - 1) || number(i + 1);
  const houselike = (i: number) => /^House$/i.test(words[i]!) || /^House$/i.test(words[i - 1] ?? '');
  return words.every((_, i) => datelike(i) || houselike(i)) ? asWritten(line, words) : null;
}

/**
 * The words as the line writes them, a run of neighbours as one (`House of Loords`, not `House` and `Loords`); the
 * words as read when the line cannot be searched for them (it was normalised to be read).
 */
function asWritten(line: string, words: readonly string[]): string[] {
  const runs: string[] = [];
  let runStart = -1;
  let at = 0;
  for (const word of words) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    const found = new RegExp(`(?<![\\w/])${escaped}(?![\\w/])`, 'i').exec(line.slice(at));
    if (!found) return [words.join(' ')];
    const start = at + found.index;
    const between = line.slice(at, start).replace(HEADING_FILLER, ' ');
    if (runStart >= 0 && !/^[\s,;:&–—\-.()]*$/.test(between)) {
      runs.push(line.slice(runStart, at));
      runStart = -1;
    }
    if (runStart < 0) runStart = start;
    at = start + found[0].length;
  }
  runs.push(line.slice(runStart, at));
  return runs;
}

/**
 * Stage named only in prose (2025+ pages and summaries): `…ahead of the second reading of the Bill in the House of
 * Commons on 2 September 2025`, `The Bill received Royal Assent on 26 October 2023`, `…for pre-legislative scrutiny`.
 * Looks for a phrase that names a stage as the occasion of the briefing; a summary at Royal Assent and a draft bill's
 * scrutiny are read first, since such pages also recount the stages the bill went through.
 */
const PROSE_ROYAL_ASSENT = new RegExp(
  String.raw`\b(?:Bill|Act|it)\s+(?:has\s+|had\s+)?(?:received|was\s+given|been\s+given|was\s+granted|gained|achieved)\s+Royal\s+Assent\b(?:\s+(?:on|in)\s+((?:\w+day\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?${MONTH_PATTERN}(?:\s+\d{4})?))?`,
  'gi',
);
/** `Once the Bill has received Royal Assent, …` looks ahead: not the occasion of the page. */
const FUTURE = /\b(?:once|when|after|until|before|if|should)\b[^.]{0,40}$/i;
const PROSE_OCCASION =
  /\b(?:ahead\s+of|before|for|in\s+advance\s+of|prior\s+to|during)\s+(?:the\s+|its\s+)?(?:Bill['’]s\s+)?((?:[\w']+\s+){0,3}?(?:reading|stage|stages|committee|amendments))\b([^.\n]{0,160})/gi;

/** A heading that says nothing: no bill, House, stage or date. */
export function emptyHeading(): ParsedHeading {
  return {
    bill: null,
    billAtStart: false,
    briefingPrefix: false,
    house: null,
    stage: null,
    stageDetail: null,
    dates: [],
    leftover: '',
  };
}

export function stageFromProse(text: string): ParsedHeading | null {
  const none = emptyHeading();
  if (PRE_LEGISLATIVE.test(text)) return { ...none, stage: 'other', stageDetail: 'pre-legislative scrutiny' };
  for (const assent of text.matchAll(PROSE_ROYAL_ASSENT)) {
    if (FUTURE.test(text.slice(Math.max(0, assent.index - 60), assent.index))) continue;
    return { ...none, stage: 'royal-assent', dates: assent[1] ? parseDates(assent[1]).dates : [] };
  }
  for (const match of text.matchAll(PROSE_OCCASION)) {
    const phrase = `${match[1]}${match[2]}`;
    const parsed = parseHeading(phrase, { findBill: false });
    if (parsed.stage) return { ...parsed, bill: null, leftover: '' };
  }
  return null;
}
