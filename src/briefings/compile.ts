/**
 * The LGA briefing compiler: the text of a briefing page -> the bill, its stage sections (Briefing) and its
 * positions (Position). Pure and browser-safe: the options page compiles user briefings with it.
 *
 * A page is read line by line (see ../shared/docs/lga-briefings.md, "Page shape"): the title names the bill and,
 * on single-stage pages, the stage; multi-stage pages have one heading per stage section. Inside a section, part
 * headings (`Key messages`, `Background`) and sub-headings divide the bullets; page furniture is dropped.
 */
import { billKey, billSlug, billTitlesIn, resolveBill } from '../bills/index';
import { briefingId, positionId } from '../ids';
import type { BillRecord, Briefing, House, Position, PositionPart, Stage } from '../model';
import { joinWords } from '../vocabulary';
import { calendarError, completeYears, isoDates, loneDates, occasionDate, type ParsedDate } from './dates';
import {
  emptyHeading,
  misreadStageWords,
  type ParsedHeading,
  parseHeading,
  stageFromProse,
  stageParts,
  unexplained,
} from './headings';
import {
  BULLET,
  CHROME_START,
  DOWNLOAD_LINE,
  FURNITURE_LINES,
  type PartName,
  partHeading,
  SITE_BANNERS,
  SOURCE_LINE,
} from './page-lines';
import { analysePosition, withLeadIn } from './position-refs';

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

type SectionPart = PartName | 'standfirst' | 'chrome';

interface Item {
  line: number;
  text: string;
  bullet: boolean;
  part: SectionPart;
  /** True right after a blank line or a heading (a paragraph start), false for a line glued to the one before. */
  afterBreak: boolean;
  /** A bullet's indentation (nested bullets are deeper); -1 for a paragraph line. */
  indent: number;
}

interface Section {
  heading: string;
  line: number;
  parsed: ParsedHeading;
  /** The title line when it named no stage, house or date (a multi-stage page's bill title). */
  titleOnly: boolean;
  items: Item[];
}

type Report = (line: number, message: string) => void;

/**
 * What the top of the page says: the bill, and the house, stage and dates of a single-stage page. The title line is
 * usually first, but may follow a standfirst paragraph or a `LGA briefing: House of Lords Second Reading` line, or be
 * missing (the bill is then the one the text names most).
 */
interface PageTitle {
  bill: string;
  /** 1-based line the first section starts at (the title, or the stage line before it). */
  line: number;
  heading: string;
  parsed: ParsedHeading;
  /** 0-based indexes of the lines the title took (title line, a stage line before it). */
  taken: Set<number>;
}

export function compileBriefing(text: string, source: string, bills: readonly BillRecord[]): CompileResult {
  const warnings: Diagnostic[] = [];
  const errors: Diagnostic[] = [];
  const warn: Report = (line, message) => warnings.push({ source, line, message });
  const fail: Report = (line, message) => errors.push({ source, line, message });
  const stem = source.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'briefing';
  const failed = (): CompileResult => ({ bill: newBill(stem), briefings: [], positions: [], warnings, errors });

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

  const notBriefing = notABriefing(lines);
  if (notBriefing) {
    fail(notBriefing.line, notBriefing.message);
    return failed();
  }
  const title = readTitle(lines, warn, fail);
  if (!title) return failed();
  const bill = resolveBill(title.bill, bills) ?? newBill(title.bill);
  const sections = readSections(lines, title, warn, fail);
  const { briefings, positions } = buildRecords(sections, { bill, source, warn, fail });
  if (positions.length === 0 && errors.length === 0) {
    const first = sections[0]!;
    fail(first.line, `section "${clip(first.heading)}" has no key messages or other positions`);
  }
  return { bill, briefings, positions, warnings, errors };
}

// ---- phase 1: the title ----------------------------------------------------------------------------------------

/** The lines that carry text, with page furniture and the provenance line left out. */
function textLines(lines: readonly string[]): number[] {
  const out: number[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line || (index === 0 && SOURCE_LINE.test(line)) || isFurniture(line)) return;
    out.push(index);
  });
  return out;
}

/**
 * Text that is no LGA briefing at all (a debate, an amendment paper, a letter): no part heading, no bullet and no word
 * of the LGA. Anything with one of them is read, however odd its title.
 */
function notABriefing(lines: readonly string[]): { line: number; message: string } | null {
  const indexes = textLines(lines);
  if (indexes.length === 0) return null;
  const signs = indexes.some((i) => {
    const line = lines[i]!;
    return (
      partHeading(line.trim()) !== null ||
      /^\s*[•◦▪●·\uF0B7-]\s/.test(line) ||
      /\bLGA\b|Local Government Association/i.test(line)
    );
  });
  if (signs) return null;
  const first = indexes[0]!;
  return {
    line: first + 1,
    message: `no recognisable title, and not an LGA briefing: no "Key messages" or other part heading, no bullets and no mention of the LGA; first line "${clip(lines[first]!.trim())}"`,
  };
}

function isHeadingLike(line: string): boolean {
  return line.length <= MAX_HEADING_CHARS && !/[.!?;]$/.test(line);
}

/** A line that is only (an optional prefix and) house, stage and dates: `LGA briefing: House of Lords Second Reading`. */
function isStageLine(line: string, parsed: ParsedHeading): boolean {
  return isHeadingLike(line) && parsed.bill === null && stageParts(parsed) > 0 && unexplained(parsed) === '';
}

function readTitle(lines: readonly string[], warn: Report, fail: Report): PageTitle | null {
  const indexes = textLines(lines);
  if (indexes.length === 0) {
    fail(1, 'no recognisable title: the file has no text line');
    return null;
  }
  // The page's head: what comes before the first bullet or part heading.
  const bodyAt = indexes.findIndex((i) => BULLET.test(lines[i]!) || partHeading(lines[i]!.trim()) !== null);
  const head = bodyAt === -1 ? indexes : indexes.slice(0, bodyAt);
  const parsedAt = (i: number) => parseHeading(lines[i]!.trim());

  // The title starts with the bill's name (or `LGA briefing:`); a heading that names a bill further in comes second
  // (`Second Reading: Crime and Policing Bill`), so a banner pointing to another bill's page is not taken for it.
  const titled = head.filter((i) => isHeadingLike(lines[i]!.trim()) && parsedAt(i).bill !== null);
  const titleAt = titled.find((i) => parsedAt(i).billAtStart || parsedAt(i).briefingPrefix) ?? titled.find(() => true);
  if (titleAt !== undefined) {
    const line = lines[titleAt]!.trim();
    let parsed = parsedAt(titleAt);
    const taken = new Set([titleAt]);
    let first = titleAt;
    // `LGA briefing: House of Lords Second Reading` above the bill's name.
    for (const i of head) {
      if (i >= titleAt) break;
      const stageLine = parsedAt(i);
      if (isStageLine(lines[i]!.trim(), stageLine)) {
        parsed = mergeHeading(parsed, stageLine);
        taken.add(i);
        first = Math.min(first, i);
      }
    }
    if (!parsed.billAtStart && !parsed.briefingPrefix && unexplained(parsed) !== '') {
      warn(titleAt + 1, `title "${clip(line)}" does not start with the bill's name: read the bill as "${parsed.bill}"`);
    }
    // A misread title misfiles nothing (the bullets under it are its own): the words it could not read lose only
    // what they said, so a warning names them.
    const misread = misreadStageWords(line, parsedAt(titleAt));
    if (misread) {
      warn(titleAt + 1, `title "${clip(line)}": could not read ${quoted(misread)} as a date or a House (left out)`);
    }
    for (const i of taken) checkHeadingDates(i + 1, lines[i]!.trim(), parsedAt(i), fail);
    const heading = first === titleAt ? line : `${lines[first]!.trim()} ${line}`;
    return { bill: parsed.bill!, line: first + 1, heading, parsed, taken };
  }

  // No title line: the bill the text names most (the first named on a tie).
  const counts = new Map<string, { title: string; count: number; line: number }>();
  for (const i of indexes) {
    for (const mention of billTitlesIn(lines[i]!)) {
      const key = billKey(mention.title);
      const entry = counts.get(key) ?? { title: mention.title, count: 0, line: i + 1 };
      entry.count++;
      counts.set(key, entry);
    }
  }
  const best = [...counts.values()].sort((a, b) => b.count - a.count || a.line - b.line)[0];
  const firstLine = indexes[0]!;
  if (!best) {
    fail(
      firstLine + 1,
      `no recognisable title: no bill is named (a title such as "… Bill, Second Reading, House of Commons") anywhere in the text; first line "${clip(lines[firstLine]!.trim())}"`,
    );
    return null;
  }
  const stageLineAt = head.find((i) => isStageLine(lines[i]!.trim(), parsedAt(i)));
  const at = stageLineAt ?? firstLine;
  const parsed = stageLineAt === undefined ? emptyHeading() : parsedAt(stageLineAt);
  if (stageLineAt !== undefined) checkHeadingDates(at + 1, lines[stageLineAt]!.trim(), parsed, fail);
  warn(at + 1, `no title line names the bill: read it as "${best.title}" (named on line ${best.line})`);
  return {
    bill: best.title.replace(/^\s*The\s+/i, ''),
    line: at + 1,
    heading: stageLineAt === undefined ? best.title : lines[stageLineAt]!.trim(),
    parsed: { ...parsed, bill: best.title },
    taken: new Set(stageLineAt === undefined ? [] : [stageLineAt]),
  };
}

/** Fills what `into` lacks from `from`. */
function mergeHeading(into: ParsedHeading, from: ParsedHeading): ParsedHeading {
  return {
    ...into,
    house: into.house ?? from.house,
    stage: into.stage ?? from.stage,
    stageDetail: into.stage ? into.stageDetail : from.stageDetail,
    dates: into.dates.length > 0 ? into.dates : from.dates,
    briefingPrefix: into.briefingPrefix || from.briefingPrefix,
  };
}

// ---- phase 2: stage sections and their items ------------------------------------------------------------------

function readSections(lines: readonly string[], title: PageTitle, warn: Report, fail: Report): Section[] {
  const billFold = billKey(title.bill);
  const sections: Section[] = [];
  const openSection = (line: number, heading: string, parsed: ParsedHeading, titleOnly: boolean) => {
    sections.push({ heading, line, parsed, titleOnly, items: [] });
  };
  openSection(title.line, title.heading, title.parsed, !isStaged(title.parsed));
  const indexes = textLines(lines);
  const nextTextLine = (index: number) => {
    const next = indexes.find((i) => i > index);
    return next === undefined ? null : lines[next]!.trim();
  };

  let part: SectionPart = 'standfirst';
  let afterBreak = true;
  let afterDownload = false;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const line = raw.trim();
    const lineNo = index + 1;
    const section = sections.at(-1)!;
    if (title.taken.has(index) || !line) {
      afterBreak = true;
      continue;
    }
    if ((index === 0 && SOURCE_LINE.test(line)) || isFurniture(line)) continue;
    if (DOWNLOAD_LINE.test(line)) {
      afterDownload = true;
      continue;
    }
    const bullet = BULLET.exec(raw);
    const parsed = parseHeading(line);
    if (afterDownload) {
      afterDownload = false;
      // The PDF link under `Download the full briefing` repeats the heading: `LGA Briefing: LGA Children and …`.
      if (!bullet && isDownloadTitle(line, parsed, section, billFold)) continue;
    }
    if (bullet) {
      const text = bullet[2]!.trim();
      if (!isSkipped(part) && text && !isFurniture(text)) {
        section.items.push({ line: lineNo, text, bullet: true, part, afterBreak, indent: bullet[1]!.length });
      }
      afterBreak = false;
      continue;
    }
    if (part === 'chrome') continue;
    const fresh = !section.items.some((item) => item.line > section.line);
    if (fresh && !section.titleOnly && fillsIn(parsed, section.parsed)) {
      // `Third Reading` / `House of Lords, 31 January 2017`, `… Report Stage, House of Commons` / `26 January 2015`:
      // a heading continued on the next line.
      checkHeadingDates(lineNo, line, parsed, fail);
      section.parsed = mergeHeading(section.parsed, parsed);
      section.titleOnly = false;
      continue;
    }
    const stageHeading = isStageHeading(line, parsed, billFold, nextTextLine(index));
    const misread = stageHeading ? null : misreadHeading(line, parsed, billFold);
    if (stageHeading || misread) {
      if (stageHeading && isRepeatOf(parsed, section)) continue;
      if (misread) {
        // Read as body text, the line would file the bullets under it with the stage above: an error, so the
        // reader corrects the heading before anything is saved. It still opens a section, so that what follows is
        // not reported again as the stage above's (a second "Key messages" under one stage warns).
        fail(
          lineNo,
          `"${clip(line)}" looks like a stage heading, but ${quoted(misread)} could not be read as a date or a House: correct the heading, or the bullets under it would be filed under the stage above, "${clip(section.heading)}" (line ${section.line})`,
        );
      } else {
        checkHeadingDates(lineNo, line, parsed, fail);
      }
      // A bill-only title with nothing of its own gives way to the first stage section.
      if (section.titleOnly && !section.items.some((item) => item.bullet || item.part !== 'standfirst')) {
        sections.pop();
      }
      openSection(lineNo, line, parsed, false);
      part = 'standfirst';
      afterBreak = true;
      continue;
    }
    if (loneDates(line)) continue; // a date on its own away from any heading: the page's stamp
    const named = partHeading(line);
    if (named) {
      // A second `Key messages` in one section: the stage heading above it was not recognised, so the short line
      // before it is taken as a new section's heading rather than merging two stages' positions.
      const last = section.items.at(-1);
      if (
        named === 'key-messages' &&
        section.items.some((item) => item.part === 'key-messages') &&
        last &&
        !last.bullet &&
        last.afterBreak &&
        isHeadingLike(last.text)
      ) {
        section.items.pop();
        const parsedLast = parseHeading(last.text);
        openSection(last.line, last.text, parsedLast, false);
        warn(last.line, `"${clip(last.text)}" read as a stage heading: a second "Key messages" follows it`);
        checkHeadingDates(last.line, last.text, parsedLast, fail);
      }
      part = named;
      afterBreak = true;
      continue;
    }
    if (CHROME_START.some((re) => re.test(line))) {
      part = 'chrome';
      continue;
    }
    if (isSkipped(part)) continue;
    const last = section.items.at(-1);
    if (last?.bullet && !afterBreak && continuesBullet(raw, last.text)) {
      last.text = `${last.text} ${line}`;
      continue;
    }
    section.items.push({ line: lineNo, text: line, bullet: false, part, afterBreak, indent: -1 });
    afterBreak = false;
  }
  return sections;
}

function isSkipped(part: SectionPart): boolean {
  return part === 'contact' || part === 'about' || part === 'chrome';
}

/** A line glued to a bullet (no blank between) continues it when indented, or when the bullet's sentence is unfinished. */
function continuesBullet(raw: string, bulletText: string): boolean {
  return /^\s/.test(raw) || /^[a-z]/.test(raw.trim()) || !/[.!?:;]["”’)]?$/.test(bulletText);
}

// ---- phase 3: briefing and position records ------------------------------------------------------------------

interface RecordContext {
  bill: BillRecord;
  /** The file name: ids are built from it (src/ids.ts). */
  source: string;
  warn: Report;
  fail: Report;
}

function buildRecords(sections: Section[], context: RecordContext): { briefings: Briefing[]; positions: Position[] } {
  const { bill, source, warn, fail } = context;
  const briefings: Briefing[] = [];
  const positions: Position[] = [];
  const datesBySection = completeYears(sections.map((s) => s.parsed.dates));
  const drafted = sections.map((section) => sectionPositions(section, warn));
  const kept = sections.filter((section, i) => {
    // A stage heading with nothing under it (an excerpt cut short) is dropped, unless it is all there is.
    if (drafted[i]!.length > 0 || sections.length === 1) return true;
    warn(section.line, `section "${clip(section.heading)}" has no key messages or other positions: left out`);
    return false;
  });
  kept.forEach((section, order) => {
    const i = sections.indexOf(section);
    let { house, stage, stageDetail } = section.parsed;
    let dates = datesBySection[i]!;
    if (!stage || !house || dates.length === 0) {
      const prose = stageFromProse(section.items.map((item) => item.text).join('\n'));
      if (prose && (!stage || prose.stage === stage)) {
        house ??= prose.house;
        stage ??= prose.stage;
        stageDetail ??= prose.stageDetail;
        if (dates.length === 0) dates = isoDates(prose.dates);
      }
      if (dates.length === 0) dates = occasionDate(openingParagraphs(section));
    }
    // A draft bill is scrutinised before it is introduced: no stage of its own.
    if (!stage && /^Draft\b/i.test(bill.title)) {
      stage = 'other';
      stageDetail ??= 'pre-legislative scrutiny';
    }
    if (stage === 'royal-assent') house = null;
    // A date on no calendar is already an error where its heading was read (`checkHeadingDates`).
    const onCalendar = section.parsed.dates.every((date) => calendarError(date) === null);
    if (onCalendar && section.parsed.dates.length > 0 && dates.length === 0) {
      const neighbours = datesBySection.some((other, j) => j !== i && other.length > 0);
      warn(
        section.line,
        neighbours
          ? `date without a year in "${clip(section.heading)}": no year near the neighbouring sections' dates has that day`
          : `date without a year in "${clip(section.heading)}" and no neighbouring section gives one`,
      );
    }
    if (!house && !stage && dates.length === 0) {
      warn(section.line, `heading "${clip(section.heading)}" names no stage, house or date`);
    }
    const id = briefingId(bill.id, source, order);
    const briefing: Briefing = {
      id,
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
    briefings.push(briefing);
    drafted[i]!.forEach((draft, n) => {
      try {
        const analysed = withLeadIn(analysePosition(draft.text), draft.leadIn);
        positions.push({
          id: positionId(id, n),
          billId: bill.id,
          briefingId: id,
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
  return { briefings, positions };
}

/** The paragraphs before a section's key messages: its standfirst and introduction, up to the first bullet. */
function openingParagraphs(section: Section): string[] {
  const opening: string[] = [];
  for (const item of section.items) {
    if (item.bullet || (item.part !== 'standfirst' && item.part !== 'intro')) break;
    opening.push(item.text);
  }
  return opening;
}

interface DraftPosition {
  text: string;
  part: PositionPart;
  subheading: string | null;
  line: number;
  /** The lead-in (`We support the following measures:`) whose stance this bullet inherits where it states none. */
  leadIn: string | null;
}

/**
 * The positions of one section: the bullets and paragraphs of each part (`Key messages`, `Introduction`,
 * `Background`, an unknown heading). Short unpunctuated lines followed by more are sub-headings, except the items of
 * a list a lead-in opened (`We support the aim of the Bill, including:`). The standfirst's paragraphs are a copy of a
 * key message or a summary, so they count only when the section has nothing else.
 */
function sectionPositions(section: Section, warn: Report): DraftPosition[] {
  const drafts: DraftPosition[] = [];
  const runs: Item[][] = [];
  for (const item of section.items) {
    const run = runs.at(-1);
    if (run && run[0]!.part === item.part) run.push(item);
    else runs.push([item]);
  }
  for (const run of runs) {
    const kind = run[0]!.part;
    if (isSkipped(kind)) continue;
    const hasBullets = run.some((item) => item.bullet);
    if (kind === 'standfirst' && !hasBullets) continue;
    const part: PositionPart = kind === 'key-messages' || kind === 'background' ? kind : 'other';
    let subheading: string | null = null;
    let inList = false;
    // Paragraphs above the first bullet of a page with no part headings are its teaser (a copy of a key message).
    const firstBullet = run.findIndex((item) => item.bullet);
    // Open lead-ins (a line ending in `:`): a paragraph's holds for the list after it, a bullet's for deeper bullets.
    let leadIns: Array<{ indent: number; text: string }> = [];
    run.forEach((item, i) => {
      const next = run[i + 1];
      if (kind === 'standfirst' && i < firstBullet && !item.text.endsWith(':') && !isSubheading(item.text)) return;
      if (!item.bullet && !inList && isSubheading(item.text) && (next || hasBullets)) {
        // Among bullets, a short unpunctuated line is a heading, even with nothing under it (an excerpt cut short).
        if (!next) return;
        subheading = item.text;
        leadIns = [];
        if (kind === 'standfirst') {
          warn(item.line, `unknown heading "${clip(item.text)}": its bullets are kept as part "other"`);
        }
        return;
      }
      if (item.bullet) leadIns = leadIns.filter((lead) => lead.indent < item.indent);
      else if (!inList) leadIns = [];
      const leadIn = leadIns.at(-1)?.text ?? null;
      if (!item.bullet) inList = item.text.endsWith(':') || (inList && !/[.!?]$/.test(item.text));
      if (/:\s*$/.test(item.text)) leadIns.push({ indent: item.indent, text: item.text });
      drafts.push({ text: item.text, part, subheading, line: item.line, leadIn });
    });
  }
  if (drafts.length === 0) {
    // No parts at all: the paragraphs under the heading are the positions.
    for (const item of section.items) {
      if (item.part === 'standfirst' && !isSubheading(item.text)) {
        drafts.push({ text: item.text, part: 'other', subheading: null, line: item.line, leadIn: null });
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
  return stageParts(parsed) > 0;
}

/**
 * A stage heading inside the page: a short line that is nothing but house, stage and dates (two of the three), or a
 * stage alone over a date line or a part heading, optionally with this bill's title. A sentence never is one.
 */
function isStageHeading(line: string, parsed: ParsedHeading, billFold: string, next: string | null): boolean {
  if (!isHeadingLike(line) || unexplained(parsed) !== '') return false;
  const parts = stageParts(parsed);
  // Another bill's name only in a full heading (a bill renamed between stages keeps its page).
  if (parsed.bill && billKey(parsed.bill) !== billFold) return parts >= 2 && parsed.billAtStart;
  if (parts >= 2) return true;
  if (parts === 1 && parsed.stage !== null && next !== null) {
    if (parsed.briefingPrefix || loneDates(next) !== null || partHeading(next) !== null) return true;
    const following = parseHeading(next);
    return isStageLine(next, following) && fillsIn(following, parsed);
  }
  return false;
}

/**
 * A line that completes a heading: only house, stage or dates (no bill, nothing else), giving what the heading lacks
 * and contradicting nothing it has.
 */
function fillsIn(line: ParsedHeading, heading: ParsedHeading): boolean {
  if (line.bill !== null || line.briefingPrefix || stageParts(line) === 0 || unexplained(line) !== '') return false;
  const adds =
    (line.house !== null && heading.house === null) ||
    (line.stage !== null && heading.stage === null) ||
    (line.dates.length > 0 && heading.dates.length === 0);
  const clashes =
    (line.house !== null && heading.house !== null) ||
    (line.stage !== null && heading.stage !== null) ||
    (line.dates.length > 0 && heading.dates.length > 0);
  return adds && !clashes;
}

/**
 * A line that names a stage but could not be read as a stage heading, for a date or a House gone wrong
 * (`misreadStageWords`): the words not read, or null. Another bill's heading counts only where it starts with the
 * bill's name, as in `isStageHeading`.
 */
function misreadHeading(line: string, parsed: ParsedHeading, billFold: string): string[] | null {
  if (!isHeadingLike(line)) return null;
  if (parsed.bill && billKey(parsed.bill) !== billFold && !parsed.billAtStart) return null;
  return misreadStageWords(line, parsed);
}

/** A heading's date on no calendar (`31 February 2021`) is an error: a stage's date is corrected, never guessed. */
function checkHeadingDates(lineNo: number, line: string, parsed: ParsedHeading, fail: Report): void {
  for (const date of parsed.dates) {
    const problem = calendarError(date);
    if (problem) fail(lineNo, `stage heading "${clip(line)}": ${problem}; correct the date`);
  }
}

/** Two readings of one stage: the same stage and House, and the same days where both give them. */
function sameStage(a: ParsedHeading, b: ParsedHeading): boolean {
  const days = (dates: ParsedDate[]) => dates.map((d) => `${d.month}-${d.day}`).join(',');
  return (
    a.stage === b.stage &&
    (a.house === b.house || a.house === null || b.house === null) &&
    (days(a.dates) === days(b.dates) || a.dates.length === 0 || b.dates.length === 0)
  );
}

/** The standfirst or a PDF link title repeating the section's own heading. */
function isRepeatOf(parsed: ParsedHeading, section: Section): boolean {
  if (!(parsed.bill || parsed.briefingPrefix)) return false;
  return sameStage(parsed, section.parsed);
}

/** The line under `Download the full briefing`: the PDF's title, unless it is the next stage's heading. */
function isDownloadTitle(line: string, parsed: ParsedHeading, section: Section, billFold: string): boolean {
  const named = parsed.briefingPrefix || billKey(line).includes(billFold) || /\.pdf\b|\bPDF\b/i.test(line);
  if (!named) return false;
  return !isStaged(parsed) || !section.parsed.stage || sameStage(parsed, section.parsed);
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

/** `"31 Febuary 2020"`, `"3" and "21/02/2021"`. */
function quoted(words: readonly string[]): string {
  return joinWords(words.map((word) => `"${clip(word)}"`));
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
