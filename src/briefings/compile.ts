/**
 * The LGA briefing compiler: the text of a briefing page -> the bill, its stage sections (Briefing) and its
 * positions (Position). Pure and browser-safe: the options page compiles user briefings with it.
 *
 * A page is read line by line (see ../shared/docs/lga-briefings.md, "Page shape"): the title names the bill and,
 * on single-stage pages, the stage; multi-stage pages have one heading per stage section. Inside a section, part
 * headings (`Key messages`, `Background`) and sub-headings divide the bullets; page furniture is dropped.
 */
import { billKey, billSlug, resolveBill } from '../bills/index';
import type { BillRecord, Briefing, House, Position, PositionPart, Stage } from '../model';
import { isoDate, type ParsedDate, type ParsedHeading, parseDates, parseHeading, stageFromProse } from './headings';
import {
  BULLET,
  DOWNLOAD_LINE,
  FURNITURE_LINES,
  type PartName,
  partHeading,
  SITE_BANNERS,
  SOURCE_LINE,
} from './page-lines';
import { analysePosition } from './position-refs';

export interface Diagnostic {
  source: string;
  /** 1-based line in the source (1 for problems with the whole file). */
  line: number;
  message: string;
}

export interface CompileResult {
  bill: BillRecord;
  briefings: Briefing[];
  positions: Position[];
  warnings: Diagnostic[];
  errors: Diagnostic[];
}

/** A briefing page is tens of kilobytes; anything past this is not one, and is refused rather than scanned. */
export const MAX_BRIEFING_CHARS = 1_000_000;
/** Longest line taken as a heading; longer lines are prose. */
const MAX_HEADING_CHARS = 200;
/** Longest line taken as a sub-heading (`Supporting children in care and care leavers`). */
const MAX_SUBHEADING_CHARS = 90;

type SectionPart = PartName | 'standfirst' | 'other';

interface Item {
  line: number;
  text: string;
  bullet: boolean;
  part: SectionPart;
  /** True right after a blank line or a heading (a paragraph start), false for a line glued to the one before. */
  afterBreak: boolean;
}

interface Section {
  heading: string;
  line: number;
  parsed: ParsedHeading;
  /** The title line when it named no stage, house or date (a multi-stage page's bill title). */
  titleOnly: boolean;
  items: Item[];
  /** Unknown headings met in the section (reported if their bullets are kept). */
  unknownHeadings: Array<{ line: number; text: string }>;
}

export function compileBriefing(text: string, source: string, bills: readonly BillRecord[]): CompileResult {
  const warnings: Diagnostic[] = [];
  const errors: Diagnostic[] = [];
  const warn = (line: number, message: string) => warnings.push({ source, line, message });
  const fail = (line: number, message: string) => errors.push({ source, line, message });
  const stem = source.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'briefing';
  const placeholderBill = (): BillRecord => newBill(stem);
  const failed = (): CompileResult => ({ bill: placeholderBill(), briefings: [], positions: [], warnings, errors });

  if (text.length > MAX_BRIEFING_CHARS) {
    fail(1, `file too large: ${text.length} characters (limit ${MAX_BRIEFING_CHARS}); an LGA briefing is far smaller`);
    return failed();
  }
  const binary = binaryReason(text);
  if (binary) {
    fail(1, `not a text briefing: ${binary}`);
    return failed();
  }
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  if (lines.every((line) => line.trim() === '')) {
    fail(1, 'empty file: no briefing text');
    return failed();
  }

  // ---- title -------------------------------------------------------------------------------------------------
  let index = 0;
  let title: { line: number; text: string; parsed: ParsedHeading } | null = null;
  for (; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (!line || (index === 0 && SOURCE_LINE.test(line)) || isFurniture(line)) continue;
    const parsed = parseHeading(line);
    if (!parsed.bill || line.length > MAX_HEADING_CHARS) {
      fail(index + 1, `no recognisable title: expected a bill name (…Bill) on the first line, found "${clip(line)}"`);
      return failed();
    }
    title = { line: index + 1, text: line, parsed };
    index++;
    break;
  }
  if (!title?.parsed.bill) {
    fail(1, 'no recognisable title: the file has no text line');
    return failed();
  }
  const billTitle = title.parsed.bill;
  const bill = resolveBill(billTitle, bills) ?? newBill(billTitle);
  const billFold = billKey(billTitle);

  // ---- sections and their items -----------------------------------------------------------------------------
  const sections: Section[] = [];
  const openSection = (line: number, heading: string, parsed: ParsedHeading, titleOnly: boolean) => {
    sections.push({ heading, line, parsed, titleOnly, items: [], unknownHeadings: [] });
  };
  openSection(title.line, title.text, title.parsed, !isStaged(title.parsed));

  let part: SectionPart = 'standfirst';
  let afterBreak = true;
  let afterDownload = false;
  for (; index < lines.length; index++) {
    const raw = lines[index]!;
    const line = raw.trim();
    const lineNo = index + 1;
    const section = sections.at(-1)!;
    if (!line) {
      afterBreak = true;
      continue;
    }
    if (isFurniture(line)) continue;
    if (DOWNLOAD_LINE.test(line)) {
      afterDownload = true;
      continue;
    }
    const bullet = BULLET.exec(raw);
    if (afterDownload) {
      afterDownload = false;
      // The PDF link under `Download the full briefing` repeats the heading: `LGA Briefing: LGA Children and …`.
      if (!bullet && (parseHeading(line).briefingPrefix || billKey(line).includes(billFold))) continue;
    }
    if (bullet) {
      if (part !== 'contact' && bullet[2]!.trim()) {
        section.items.push({ line: lineNo, text: bullet[2]!.trim(), bullet: true, part, afterBreak });
      }
      afterBreak = false;
      continue;
    }
    const parsed = parseHeading(line);
    if (isStageHeading(line, parsed, billFold)) {
      if (isRepeatOf(parsed, section)) continue;
      const previous = sections.at(-1)!;
      // A bill-only title with nothing of its own gives way to the first stage section.
      if (previous.titleOnly && !previous.items.some((item) => item.bullet || item.part !== 'standfirst')) {
        sections.pop();
      }
      openSection(lineNo, line, parsed, false);
      part = 'standfirst';
      afterBreak = true;
      continue;
    }
    const named = partHeading(line);
    if (named) {
      part = named;
      afterBreak = true;
      continue;
    }
    if (part === 'contact') continue;
    if (isLoneDate(parsed)) continue;
    // A line glued to a bullet (no blank between) continues it.
    const last = section.items.at(-1);
    if (last?.bullet && !afterBreak && /^\s/.test(raw)) {
      last.text = `${last.text} ${line}`;
      continue;
    }
    section.items.push({ line: lineNo, text: line, bullet: false, part, afterBreak });
    afterBreak = false;
  }

  // ---- dates, stages, positions ---------------------------------------------------------------------------------
  const briefings: Briefing[] = [];
  const positions: Position[] = [];
  const datesBySection = completeYears(sections.map((s) => s.parsed.dates));
  sections.forEach((section, order) => {
    let { house, stage, stageDetail } = section.parsed;
    let dates = datesBySection[order]!;
    if (!stage || !house || dates.length === 0) {
      const prose = stageFromProse(section.items.map((item) => item.text).join('\n'));
      if (prose) {
        house ??= prose.house;
        stage ??= prose.stage;
        stageDetail ??= prose.stageDetail;
        if (dates.length === 0) dates = prose.dates.map(isoDate).filter((d): d is string => d !== null);
      }
    }
    if (section.parsed.dates.length > 0 && dates.length === 0) {
      warn(section.line, `date without a year in "${clip(section.heading)}" and no neighbouring section gives one`);
    }
    if (!house && !stage && dates.length === 0) {
      warn(section.line, `heading "${clip(section.heading)}" names no stage, house or date`);
    }
    const briefingId = `${bill.id}/${stem}/${order}`;
    const briefing: Briefing = {
      id: briefingId,
      billId: bill.id,
      source,
      heading: section.heading,
      house: house as House | null,
      stage: stage as Stage | null,
      stageDetail,
      dates,
      order,
      line: section.line,
      userAdded: false,
    };
    const drafted = sectionPositions(section, (line, message) => warn(line, message));
    if (drafted.length === 0) {
      fail(section.line, `section "${clip(section.heading)}" has no key messages or other positions`);
    }
    briefings.push(briefing);
    drafted.forEach((draft, i) => {
      try {
        const analysed = analysePosition(draft.text);
        positions.push({
          id: `${briefingId}/${i}`,
          billId: bill.id,
          briefingId,
          text: draft.text,
          part: draft.part,
          subheading: draft.subheading,
          line: draft.line,
          refs: analysed.refs,
          stance: analysed.stance,
          cue: analysed.cue,
          decidedBy: analysed.decidedBy,
          caveat: analysed.caveat,
        });
      } catch (error) {
        fail(draft.line, `could not read this position: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  });
  return { bill, briefings, positions, warnings, errors };
}

interface DraftPosition {
  text: string;
  part: PositionPart;
  subheading: string | null;
  line: number;
}

/**
 * The positions of one section: the bullets of each part, or its paragraphs where the part has no bullets.
 * Bullets before any part heading (or under an unknown heading) are `other`. The standfirst's paragraphs are a
 * copy of a key message or a summary, so they count only when the section has nothing else.
 */
function sectionPositions(section: Section, warn: (line: number, message: string) => void): DraftPosition[] {
  const drafts: DraftPosition[] = [];
  const runs: Item[][] = [];
  for (const item of section.items) {
    const run = runs.at(-1);
    if (run && run[0]!.part === item.part) run.push(item);
    else runs.push([item]);
  }
  for (const run of runs) {
    const kind = run[0]!.part;
    if (kind === 'intro' || kind === 'contact') continue;
    const hasBullets = run.some((item) => item.bullet);
    if (kind === 'standfirst' && !hasBullets) continue;
    const part: PositionPart = kind === 'key-messages' || kind === 'background' ? kind : 'other';
    let subheading: string | null = null;
    run.forEach((item, i) => {
      const next = run[i + 1];
      if (!item.bullet && isSubheading(item.text) && next) {
        subheading = item.text;
        if (kind === 'standfirst') {
          warn(item.line, `unknown heading "${clip(item.text)}": its bullets are kept as part "other"`);
        }
        return;
      }
      if (hasBullets && !item.bullet) return; // a lead-in line among bullets (`… including:`)
      drafts.push({ text: item.text, part, subheading, line: item.line });
    });
  }
  if (drafts.length === 0) {
    // No parts at all: the paragraphs under the heading are the positions.
    for (const item of section.items) {
      if (item.part === 'standfirst' && !isSubheading(item.text)) {
        drafts.push({ text: item.text, part: 'other', subheading: null, line: item.line });
      }
    }
  }
  return drafts;
}

function isSubheading(text: string): boolean {
  return text.length <= MAX_SUBHEADING_CHARS && /^[A-Z0-9‘'"(]/.test(text) && !/[.,;:!?…]$/.test(text);
}

function isFurniture(line: string): boolean {
  return SITE_BANNERS.some((re) => re.test(line)) || FURNITURE_LINES.some((re) => re.test(line));
}

function isStaged(parsed: ParsedHeading): boolean {
  return parsed.house !== null || parsed.stage !== null || parsed.dates.length > 0;
}

/**
 * A stage heading inside the page: a short line that is nothing but house, stage and dates (two of the three at
 * least), optionally with this bill's title. A sentence (ending in a full stop) never is one.
 */
function isStageHeading(line: string, parsed: ParsedHeading, billFold: string): boolean {
  if (line.length > MAX_HEADING_CHARS || /[.!?]$/.test(line) || parsed.leftover !== '') return false;
  if (parsed.bill && billKey(parsed.bill) !== billFold) return false;
  const parts = Number(parsed.house !== null) + Number(parsed.stage !== null) + Number(parsed.dates.length > 0);
  return parts >= 2;
}

/** The standfirst or a PDF link title repeating the section's own heading. */
function isRepeatOf(parsed: ParsedHeading, section: Section): boolean {
  const own = section.parsed;
  if (!(parsed.bill || parsed.briefingPrefix)) return false;
  const days = (dates: ParsedDate[]) => dates.map((d) => `${d.month}-${d.day}`).join(',');
  return parsed.house === own.house && parsed.stage === own.stage && days(parsed.dates) === days(own.dates);
}

function isLoneDate(parsed: ParsedHeading): boolean {
  return parsed.dates.length > 0 && parsed.leftover === '' && !parsed.house && !parsed.stage && !parsed.bill;
}

/**
 * ISO dates per section; a date without a year (`Monday 4 July`) takes the year, among its neighbours' years, that
 * puts it nearest to a neighbouring section's date (pages run newest first, a few days or weeks apart).
 */
export function completeYears(sections: ParsedDate[][]): string[][] {
  const known = sections.map((dates) => dates.filter((d) => d.year !== null));
  return sections.map((dates, i) =>
    dates
      .map((date) => {
        if (date.year !== null) return isoDate(date);
        const neighbours = [...nearestKnown(known, i, -1), ...nearestKnown(known, i, 1)];
        if (neighbours.length === 0) return null;
        let best: { year: number; distance: number } | null = null;
        for (const neighbour of neighbours) {
          for (const year of [neighbour.year! - 1, neighbour.year!, neighbour.year! + 1]) {
            const distance = Math.abs(dayNumber(year, date.month, date.day ?? 1) - dayNumberOf(neighbour));
            if (!best || distance < best.distance) best = { year, distance };
          }
        }
        return isoDate({ ...date, year: best!.year });
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

function newBill(title: string): BillRecord {
  return {
    id: billSlug(title),
    title,
    aliases: [],
    parliamentId: null,
    originatingHouse: null,
    actTitle: null,
    session: null,
  };
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** Why a text is binary data rather than a briefing, or null. Looks at the first 64 KB. */
function binaryReason(text: string): string | null {
  const sample = text.slice(0, 65_536);
  if (sample.includes('\u0000')) return 'it contains NUL bytes (binary data)';
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 0xfffd || (code >= 0x7f && code < 0xa0)) {
      odd++;
    }
  }
  return odd > sample.length * 0.05 ? `${odd} of its first ${sample.length} characters are control codes` : null;
}

// Re-exported for the dataset compiler and tests.
export { parseDates };
