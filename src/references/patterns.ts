/**
 * The patterns of the reference grammar, as data. Each pattern names one way a provision of a bill is written (its
 * comment says why it exists and what it reads), the regular expression that TRIGGERS it (the keyword; never the
 * numbers) and how its numbers are read. The engine (`scan.ts`) reads the numbers after a trigger with one small list
 * parser shared by every pattern, so lists, ranges and suffixes behave the same whatever the keyword.
 *
 * The examples each pattern must claim are beside this file, in `pattern-examples.ts` (one entry per pattern name):
 * the page scanner ships this table in the content script of every parliament page, and the examples are for tests
 * and readers, not for the scanner.
 */
import type { ReferenceKind } from '../model';

export type PatternName =
  | 'clause'
  | 'new-clause'
  | 'new-clause-code'
  | 'amendment'
  | 'amendment-label'
  | 'marshalled-amendment'
  | 'schedule'
  | 'new-schedule'
  | 'new-schedule-code'
  | 'part'
  | 'chapter'
  | 'section-as-clause';

/** How a pattern's numbers are written. */
export type NumberStyle =
  /** `7`, `28A`, `427BA` */
  | 'digits'
  /** `2`, or a word numeral `two` (parts, chapters, schedules: `part two of the Bill`) */
  | 'digits-or-word'
  /** `NC1`, `NS1`: the code prefix is part of every number, `NC1 to NC9` */
  | 'code';

export interface PatternSpec {
  name: PatternName;
  kind: ReferenceKind;
  /**
   * Regex source (no capturing groups) matched with flags `gim`. It matches the keyword; numbers follow it.
   * Keep lookbehinds that stop a pattern from claiming another's keyword (`clause` must not fire inside `new clause`).
   */
  trigger: string;
  /** A sticky regex checked at the trigger's start, case-sensitively, where case matters (`NC1`, not `nc1`). */
  exactCase?: RegExp;
  numbers: NumberStyle;
  /** For `code`: the letters every number starts with. */
  codePrefix?: string;
  /** Numbers start at the trigger's own start (codes, marshalled lines) rather than after it. */
  numbersInTrigger?: boolean;
  /**
   * Whether a bare comma continues the list (`amendments 30, 32 and 34`). Only plural keywords do: after a singular
   * one, `clause 7, 20 councils` is prose. `'by-keyword'` decides from a trailing `s` on the trigger.
   */
  commaLists: boolean | 'by-keyword';
  /** Whether numbers may be followed by `and`/`to` more numbers (false for marshalled-list lines: `52:`). */
  lists: boolean;
  /** Only active when this option is set. */
  option?: 'sectionsAreClauses';
}

// A lookbehind shared by the plain keywords: `new clause 10` is a new clause, not clause 10.
const NOT_AFTER_NEW = '(?<!\\bnew[\\s\\u200b]+)';
// The keyword must end the word but may be glued to its number (`Chapter4` in printed Acts).
const KEYWORD_END = '(?![a-z])';

export const PATTERNS: readonly PatternSpec[] = [
  /**
   * A line of a Lords marshalled list or a Hansard amendment heading: the amendment number, a colon, then where it
   * goes (`52: After Clause 28, insert`, `1: Clause 38, page 62, line 18`). Only at a line start and only before a
   * location word, so times (`8:00`) and numbered prose are never amendments.
   */
  {
    name: 'marshalled-amendment',
    kind: 'amendment',
    trigger:
      '^[ \\t\\u00a0]*\\d{1,4}[A-Z]{0,3}:[ \\t\\u00a0]+(?=(?:After|Before|Clause|Schedule|Page|Title|Insert|Leave)\\b)',
    exactCase: /[ \t\u00a0]*\d{1,4}[A-Z]{0,3}:[ \t\u00a0]+(?:After|Before|Clause|Schedule|Page|Title|Insert|Leave)\b/y,
    numbers: 'digits',
    numbersInTrigger: true,
    commaLists: false,
    lists: false,
  },
  /**
   * Labels that put amendment numbers after a colon: Hansard `Amendments made: 119, in clause 18`, `Amendment
   * proposed: 32`, and the notice paper line `Amendments tabled since the last publication: 1 to 15`.
   */
  {
    name: 'amendment-label',
    kind: 'amendment',
    trigger: '\\bamendments?[\\s]+(?:made|proposed|tabled[\\s]+since[\\s]+the[\\s]+last[\\s]+publication):',
    numbers: 'digits',
    commaLists: true,
    lists: true,
  },
  /**
   * An amendment by number, with any prefix left outside (`Government`, `Lords`, `Commons`). A lettered `Amendment
   * (b)` is an amendment to an amendment and has no number, so it is not read.
   */
  {
    name: 'amendment',
    kind: 'amendment',
    trigger: `\\bamendments?${KEYWORD_END}`,
    numbers: 'digits',
    commaLists: 'by-keyword',
    lists: true,
  },
  /**
   * A proposed new clause: `new clause 10`, `New Clause 18`, `Government new clause 16`.
   */
  {
    name: 'new-clause',
    kind: 'new-clause',
    trigger: `\\bnew[\\s\\u200b]+clauses?${KEYWORD_END}`,
    numbers: 'digits',
    commaLists: 'by-keyword',
    lists: true,
  },
  /**
   * The Commons papers code for a new clause: `NC1`, `NC1 to NC9`.
   */
  {
    name: 'new-clause-code',
    kind: 'new-clause',
    trigger: '\\bNC(?=\\d)',
    exactCase: /NC\d/y,
    numbers: 'code',
    codePrefix: 'NC',
    numbersInTrigger: true,
    commaLists: true,
    lists: true,
  },
  /**
   * A clause of the bill: `clause 7`, headings `Clause 38: School uniforms`, briefing labels `[Clauses 25-26]`, lists
   * and ranges. A subsection (`Clause 1(1)`) stays part of the clause reference.
   */
  {
    name: 'clause',
    kind: 'clause',
    trigger: `${NOT_AFTER_NEW}\\bclauses?${KEYWORD_END}`,
    numbers: 'digits',
    commaLists: 'by-keyword',
    lists: true,
  },
  /**
   * A proposed new schedule: `new schedule 3`.
   */
  {
    name: 'new-schedule',
    kind: 'new-schedule',
    trigger: `\\bnew[\\s\\u200b]+schedules?${KEYWORD_END}`,
    numbers: 'digits',
    commaLists: 'by-keyword',
    lists: true,
  },
  /**
   * The Commons papers code for a new schedule: `NS1`.
   */
  {
    name: 'new-schedule-code',
    kind: 'new-schedule',
    trigger: '\\bNS(?=\\d)',
    exactCase: /NS\d/y,
    numbers: 'code',
    codePrefix: 'NS',
    numbersInTrigger: true,
    commaLists: true,
    lists: true,
  },
  /**
   * A schedule of the bill: `schedule 2 to the Bill`, `Schedule 1 of the Bill`.
   */
  {
    name: 'schedule',
    kind: 'schedule',
    trigger: `${NOT_AFTER_NEW}\\bschedules?${KEYWORD_END}`,
    numbers: 'digits-or-word',
    commaLists: 'by-keyword',
    lists: true,
  },
  /**
   * A part of the bill: `Part 2:`, `(Part 1, Chapter 1)`, `part two of the Bill`. `part of` has no number and is
   * never read.
   */
  {
    name: 'part',
    kind: 'part',
    trigger: `\\bparts?${KEYWORD_END}`,
    numbers: 'digits-or-word',
    commaLists: 'by-keyword',
    lists: true,
  },
  /**
   * A chapter of the bill: `Chapter 1 of the Bill`, `CHAPTER 1 Looked after children`.
   */
  {
    name: 'chapter',
    kind: 'chapter',
    trigger: `\\bchapters?${KEYWORD_END}`,
    numbers: 'digits-or-word',
    commaLists: 'by-keyword',
    lists: true,
  },
  /**
   * Briefings sometimes call the bill’s clauses sections (`section 18 allows the Secretary of State`). Only with the
   * `sectionsAreClauses` option; `new section` is an Act’s section being inserted, never a clause.
   */
  {
    name: 'section-as-clause',
    kind: 'clause',
    trigger: `${NOT_AFTER_NEW}\\bsections?${KEYWORD_END}`,
    numbers: 'digits',
    commaLists: 'by-keyword',
    lists: true,
    option: 'sectionsAreClauses',
  },
];

/** Word numerals accepted for parts, chapters and schedules (`part two`). Bills rarely have more than twenty. */
export const WORD_NUMERALS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};
