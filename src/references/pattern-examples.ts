/**
 * The examples each pattern of the reference grammar (`patterns.ts`) must claim, beside it and kept out of it: the
 * page scanner ships the pattern table in the content script of every parliament page, and these are for tests and
 * readers. `test/unit/references/patterns.test.ts` checks every pattern against its own examples and checks that no
 * other pattern claims the same numbers (the github-url-detection cross matrix); the record's type makes an example
 * list part of adding a pattern.
 *
 * An example's `refs` are the references THIS pattern yields from it, written `kind number`; other patterns may
 * find other numbers in the same example (`52: After Clause 28` is amendment 52 here, clause 28 for `clause`).
 */
import type { PatternName } from './patterns';

export interface PatternExample {
  text: string;
  /** What this pattern yields, in order: `['clause 25', 'clause 26']`. */
  refs: string[];
}

export const PATTERN_EXAMPLES: Readonly<Record<PatternName, readonly PatternExample[]>> = {
  'marshalled-amendment': [
    { text: '52: After Clause 28, insert the following new Clause—', refs: ['amendment 52'] },
    { text: '427BA: Clause 36, page 80, line 18', refs: ['amendment 427BA'] },
    { text: 'Moved by\n1: Clause 38, page 62, line 18, leave out', refs: ['amendment 1'] },
  ],
  'amendment-label': [
    { text: 'Amendments made: 119, in clause 18, page 34, line 37', refs: ['amendment 119'] },
    { text: 'Amendment proposed: 32, page 6', refs: ['amendment 32'] },
    {
      text: 'Amendments tabled since the last publication: 1 to 3, NC1 to NC9 and NS1',
      refs: ['amendment 1', 'amendment 2', 'amendment 3'],
    },
  ],
  amendment: [
    { text: 'amendment 182', refs: ['amendment 182'] },
    { text: 'Amendment 172A', refs: ['amendment 172A'] },
    { text: 'Lords amendment 3B', refs: ['amendment 3B'] },
    { text: 'Amendments 166 and 167', refs: ['amendment 166', 'amendment 167'] },
    { text: 'Government amendments 4 to 6,', refs: ['amendment 4', 'amendment 5', 'amendment 6'] },
    { text: 'amendments 60, 62, and 65', refs: ['amendment 60', 'amendment 62', 'amendment 65'] },
  ],
  'new-clause': [
    { text: 'new clause 10', refs: ['new-clause 10'] },
    { text: 'New Clause 18', refs: ['new-clause 18'] },
    { text: 'Government new clause 16', refs: ['new-clause 16'] },
    { text: 'new clauses 3 and 4', refs: ['new-clause 3', 'new-clause 4'] },
  ],
  'new-clause-code': [
    { text: 'NC1', refs: ['new-clause 1'] },
    { text: 'NC2 to NC4', refs: ['new-clause 2', 'new-clause 3', 'new-clause 4'] },
  ],
  clause: [
    { text: 'clause 7', refs: ['clause 7'] },
    { text: 'Clause 38: School uniforms', refs: ['clause 38'] },
    { text: 'Clause 1(1)', refs: ['clause 1'] },
    { text: '[Clauses 25-26]', refs: ['clause 25', 'clause 26'] },
    { text: 'clauses 8 and 9', refs: ['clause 8', 'clause 9'] },
    { text: 'Clause  13,  page  11,  line  9', refs: ['clause 13'] },
  ],
  'new-schedule': [{ text: 'new schedule 3', refs: ['new-schedule 3'] }],
  'new-schedule-code': [{ text: 'NS1', refs: ['new-schedule 1'] }],
  schedule: [
    { text: 'schedule 2 to the Bill', refs: ['schedule 2'] },
    { text: 'Schedule 1 of the Bill', refs: ['schedule 1'] },
  ],
  part: [
    { text: 'Part 2:', refs: ['part 2'] },
    { text: 'part two of the Bill', refs: ['part 2'] },
    { text: 'Part 1 Children', refs: ['part 1'] },
  ],
  chapter: [
    { text: 'Chapter 1 of the Bill', refs: ['chapter 1'] },
    { text: 'CHAPTER 1 Looked after children', refs: ['chapter 1'] },
  ],
  'section-as-clause': [
    { text: 'section 18 allows', refs: ['clause 18'] },
    { text: 'sections 2 to 4', refs: ['clause 2', 'clause 3', 'clause 4'] },
  ],
};
