/**
 * The one grammar of references to a bill's provisions, shared by the briefing compiler and the page scanner.
 * Patterns are data (`patterns.ts`, with the examples each must claim beside it in `pattern-examples.ts`); the engine
 * is `scan.ts`.
 *
 * Decisions (also pinned by tests in test/unit/references/):
 * - One FoundReference per number. Entries of one phrase share `text`/`start`/`end`: the keyword to the last
 *   number (`clauses 25 and 26`), subsection brackets included (`Clause 1(1)`), qualifiers such as `of the Bill`
 *   left out. `numberStart`/`numberEnd` mark the number itself; a range's interior numbers carry the range's span.
 * - Ranges: `2 to 28A` gives 2..28 and then 28A; `28A to 30` gives 28A, 29, 30; `3A to 3C` runs the letters.
 *   Backwards or huge ranges (over 600) give their two ends only.
 * - A bare comma continues a list only after a plural keyword: `amendments 30, 32 and 34` but `clause 7, 20 councils`.
 *   After a bare comma a year (1900-2099) ends the list: `amendments 33 and 34, 2016 saw`.
 * - Marshalled-list lines (`52: After Clause 28, insert`): the leading number is an amendment only at a line start
 *   and only before a location word (After, Before, Clause, Schedule, Page, Title, Insert, Leave). A number alone on
 *   its line (Commons notice papers put `1` above `Clause 4, page 5`) is not read: page numbers look the same.
 * - Acts are not the bill: a phrase followed by `of/to/in/under/within the … Act` (or `that Act`, `the 2006 Act`)
 *   is dropped together with every phrase chained to it by `of`/`to`/`in`/`and` (`part 2 and schedule 2 to the 2006
 *   Act`, `Chapter4 of Part 5 of the Education Act 1996`). A phrase tied to a Bill by its title (`new clause 1 to
 *   the Agriculture Bill`, or a sentence whose subject is that Bill before the phrase) is kept with that title in
 *   `bill`: only the page knows whether it is its own bill (`scanText`'s `bill` option leaves the others out).
 * - `Amendment (b) to new clause 15`: the lettered amendment has no number and yields nothing; `new clause 15` is
 *   still a reference to the new clause.
 * - Word numerals (`part two`) only for parts, chapters and schedules, and only when the keyword is capitalised or
 *   `of the Bill` follows: `part one of my argument` is prose.
 * - Numbers: up to four digits and up to three capital letters (`427BA`); glued lower case refuses the number
 *   (`1195is`, `2bn`), a glued capitalised word is cut off (`33Column` -> 33; bill text `1 5Corporate` has no keyword).
 * - `section N` is never a reference unless `sectionsAreClauses` (briefings); `new section N` never is.
 */
import type { FoundReference } from '../model';
import { type Phrase, type ScanOptions, scanPhrases } from './scan';

export { PATTERNS } from './patterns';
export type { Phrase } from './scan';

export interface FindOptions {
  /**
   * Briefings sometimes write `section 18` for the bill's own clause 18; pages never do (a section there is an Act's).
   */
  sectionsAreClauses?: boolean;
}

export function findReferences(text: string, options: FindOptions = {}): FoundReference[] {
  const found: FoundReference[] = [];
  for (const phrase of scanPhrases(text, { sectionsAreClauses: options.sectionsAreClauses })) {
    if (phrase.excludedBy === null) found.push(...phrase.refs);
  }
  return found;
}

/**
 * Every phrase the grammar read, with the pattern that read it and why it was dropped, if it was. For tests,
 * debugging and corpus reports; `only` restricts the run to some patterns.
 */
export function explain(text: string, options: ScanOptions = {}): Phrase[] {
  return scanPhrases(text, options);
}
