/**
 * The patterns of the reference grammar, as data. Each pattern names one way a provision of a bill is written,
 * the regular expression that TRIGGERS it (the keyword; never the numbers), how its numbers are read, and the
 * examples it must claim. The engine (`scan.ts`) reads the numbers after a trigger with one small list parser
 * shared by every pattern, so lists, ranges and suffixes behave the same whatever the keyword.
 *
 * Examples double as tests: `test/unit/references/patterns.test.ts` checks every pattern against its own examples
 * and checks that no other pattern claims the same numbers (the github-url-detection cross matrix).
 * An example's `refs` are the references THIS pattern yields from it, written `kind number`; other patterns may
 * find other numbers in the same example (`52: After Clause 28` is amendment 52 here, clause 28 for `clause`).
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

export interface PatternExample {
  text: string;
  /** What this pattern yields, in order: `['clause 25', 'clause 26']`. */
  refs: string[];
}

export interface PatternSpec {
  name: PatternName;
  kind: ReferenceKind;
  /** Why the pattern exists and what it reads. */
  about: string;
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
  examples: PatternExample[];
}

// A lookbehind shared by the plain keywords: `new clause 10` is a new clause, not clause 10.
const NOT_AFTER_NEW = '(?<!\\bnew[\\s\\u200b]+)';
// The keyword must end the word but may be glued to its number (`Chapter4` in printed Acts).
const KEYWORD_END = '(?![a-z])';

export const PATTERNS: readonly PatternSpec[] = [
  {
    name: 'marshalled-amendment',
    kind: 'amendment',
    about:
      'A line of a Lords marshalled list or a Hansard amendment heading: the amendment number, a colon, then where ' +
      'it goes (`52: After Clause 28, insert`, `1: Clause 38, page 62, line 18`). Only at a line start and only ' +
      'before a location word, so times (`8:00`) and numbered prose are never amendments.',
    trigger:
      '^[ \\t\\u00a0]*\\d{1,4}[A-Z]{0,3}:[ \\t\\u00a0]+(?=(?:After|Before|Clause|Schedule|Page|Title|Insert|Leave)\\b)',
    exactCase: /[ \t\u00a0]*\d{1,4}[A-Z]{0,3}:[ \t\u00a0]+(?:After|Before|Clause|Schedule|Page|Title|Insert|Leave)\b/y,
    numbers: 'digits',
    numbersInTrigger: true,
    commaLists: false,
    lists: false,
    examples: [
      { text: '52: After Clause 28, insert the following new Clause—', refs: ['amendment 52'] },
      { text: '427BA: Clause 36, page 80, line 18', refs: ['amendment 427BA'] },
      { text: 'Moved by\n1: Clause 38, page 62, line 18, leave out', refs: ['amendment 1'] },
    ],
  },
  {
    name: 'amendment-label',
    kind: 'amendment',
    about:
      'Labels that put amendment numbers after a colon: Hansard `Amendments made: 119, in clause 18`, ' +
      '`Amendment proposed: 32`, and the notice paper line `Amendments tabled since the last publication: 1 to 15`.',
    trigger: '\\bamendments?[\\s]+(?:made|proposed|tabled[\\s]+since[\\s]+the[\\s]+last[\\s]+publication):',
    numbers: 'digits',
    commaLists: true,
    lists: true,
    examples: [
      { text: 'Amendments made: 119, in clause 18, page 34, line 37', refs: ['amendment 119'] },
      { text: 'Amendment proposed: 32, page 6', refs: ['amendment 32'] },
      {
        text: 'Amendments tabled since the last publication: 1 to 3, NC1 to NC9 and NS1',
        refs: ['amendment 1', 'amendment 2', 'amendment 3'],
      },
    ],
  },
  {
    name: 'amendment',
    kind: 'amendment',
    about:
      'An amendment by number, with any prefix left outside (`Government`, `Lords`, `Commons`). A lettered ' +
      '`Amendment (b)` is an amendment to an amendment and has no number, so it is not read.',
    trigger: `\\bamendments?${KEYWORD_END}`,
    numbers: 'digits',
    commaLists: 'by-keyword',
    lists: true,
    examples: [
      { text: 'amendment 182', refs: ['amendment 182'] },
      { text: 'Amendment 172A', refs: ['amendment 172A'] },
      { text: 'Lords amendment 3B', refs: ['amendment 3B'] },
      { text: 'Amendments 166 and 167', refs: ['amendment 166', 'amendment 167'] },
      { text: 'Government amendments 4 to 6,', refs: ['amendment 4', 'amendment 5', 'amendment 6'] },
      { text: 'amendments 60, 62, and 65', refs: ['amendment 60', 'amendment 62', 'amendment 65'] },
    ],
  },
  {
    name: 'new-clause',
    kind: 'new-clause',
    about: 'A proposed new clause: `new clause 10`, `New Clause 18`, `Government new clause 16`.',
    trigger: `\\bnew[\\s\\u200b]+clauses?${KEYWORD_END}`,
    numbers: 'digits',
    commaLists: 'by-keyword',
    lists: true,
    examples: [
      { text: 'new clause 10', refs: ['new-clause 10'] },
      { text: 'New Clause 18', refs: ['new-clause 18'] },
      { text: 'Government new clause 16', refs: ['new-clause 16'] },
      { text: 'new clauses 3 and 4', refs: ['new-clause 3', 'new-clause 4'] },
    ],
  },
  {
    name: 'new-clause-code',
    kind: 'new-clause',
    about: 'The Commons papers code for a new clause: `NC1`, `NC1 to NC9`.',
    trigger: '\\bNC(?=\\d)',
    exactCase: /NC\d/y,
    numbers: 'code',
    codePrefix: 'NC',
    numbersInTrigger: true,
    commaLists: true,
    lists: true,
    examples: [
      { text: 'NC1', refs: ['new-clause 1'] },
      { text: 'NC2 to NC4', refs: ['new-clause 2', 'new-clause 3', 'new-clause 4'] },
    ],
  },
  {
    name: 'clause',
    kind: 'clause',
    about:
      'A clause of the bill: `clause 7`, headings `Clause 38: School uniforms`, briefing labels `[Clauses 25-26]`, ' +
      'lists and ranges. A subsection (`Clause 1(1)`) stays part of the clause reference.',
    trigger: `${NOT_AFTER_NEW}\\bclauses?${KEYWORD_END}`,
    numbers: 'digits',
    commaLists: 'by-keyword',
    lists: true,
    examples: [
      { text: 'clause 7', refs: ['clause 7'] },
      { text: 'Clause 38: School uniforms', refs: ['clause 38'] },
      { text: 'Clause 1(1)', refs: ['clause 1'] },
      { text: '[Clauses 25-26]', refs: ['clause 25', 'clause 26'] },
      { text: 'clauses 8 and 9', refs: ['clause 8', 'clause 9'] },
      { text: 'Clause  13,  page  11,  line  9', refs: ['clause 13'] },
    ],
  },
  {
    name: 'new-schedule',
    kind: 'new-schedule',
    about: 'A proposed new schedule: `new schedule 3`.',
    trigger: `\\bnew[\\s\\u200b]+schedules?${KEYWORD_END}`,
    numbers: 'digits',
    commaLists: 'by-keyword',
    lists: true,
    examples: [{ text: 'new schedule 3', refs: ['new-schedule 3'] }],
  },
  {
    name: 'new-schedule-code',
    kind: 'new-schedule',
    about: 'The Commons papers code for a new schedule: `NS1`.',
    trigger: '\\bNS(?=\\d)',
    exactCase: /NS\d/y,
    numbers: 'code',
    codePrefix: 'NS',
    numbersInTrigger: true,
    commaLists: true,
    lists: true,
    examples: [{ text: 'NS1', refs: ['new-schedule 1'] }],
  },
  {
    name: 'schedule',
    kind: 'schedule',
    about: 'A schedule of the bill: `schedule 2 to the Bill`, `Schedule 1 of the Bill`.',
    trigger: `${NOT_AFTER_NEW}\\bschedules?${KEYWORD_END}`,
    numbers: 'digits-or-word',
    commaLists: 'by-keyword',
    lists: true,
    examples: [
      { text: 'schedule 2 to the Bill', refs: ['schedule 2'] },
      { text: 'Schedule 1 of the Bill', refs: ['schedule 1'] },
    ],
  },
  {
    name: 'part',
    kind: 'part',
    about:
      'A part of the bill: `Part 2:`, `(Part 1, Chapter 1)`, `part two of the Bill`. `part of` has no number and ' +
      'is never read.',
    trigger: `\\bparts?${KEYWORD_END}`,
    numbers: 'digits-or-word',
    commaLists: 'by-keyword',
    lists: true,
    examples: [
      { text: 'Part 2:', refs: ['part 2'] },
      { text: 'part two of the Bill', refs: ['part 2'] },
      { text: 'Part 1 Children', refs: ['part 1'] },
    ],
  },
  {
    name: 'chapter',
    kind: 'chapter',
    about: 'A chapter of the bill: `Chapter 1 of the Bill`, `CHAPTER 1 Looked after children`.',
    trigger: `\\bchapters?${KEYWORD_END}`,
    numbers: 'digits-or-word',
    commaLists: 'by-keyword',
    lists: true,
    examples: [
      { text: 'Chapter 1 of the Bill', refs: ['chapter 1'] },
      { text: 'CHAPTER 1 Looked after children', refs: ['chapter 1'] },
    ],
  },
  {
    name: 'section-as-clause',
    kind: 'clause',
    about:
      'Briefings sometimes call the bill\u2019s clauses sections (`section 18 allows the Secretary of State`). Only ' +
      'with the `sectionsAreClauses` option; `new section` is an Act\u2019s section being inserted, never a clause.',
    trigger: `${NOT_AFTER_NEW}\\bsections?${KEYWORD_END}`,
    numbers: 'digits',
    commaLists: 'by-keyword',
    lists: true,
    option: 'sectionsAreClauses',
    examples: [
      { text: 'section 18 allows', refs: ['clause 18'] },
      { text: 'sections 2 to 4', refs: ['clause 2', 'clause 3', 'clause 4'] },
    ],
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
