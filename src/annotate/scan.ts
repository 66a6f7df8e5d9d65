/**
 * The page scanner: a section's text (from the DOM text index, or plain text) -> the references in it, through the
 * one grammar (`findReferences`), plus what the grammar cannot see alone:
 * - printed line numbers glued to words on publications pages (`1 5Corporate parenting principles`) and their
 *   running headers (`Children and Social Work BillPage 2`) are blanked out first, offsets unchanged;
 * - references the text ties to another bill (`clause 48 of the Schools Bill 2022`) are left out, those tied to the
 *   section's own bill by its title kept;
 * - implicit references: `That the clause stand part of the Bill` under the heading `Clause 7` is clause 7 (the span
 *   is `the clause`); `That the clause be read a Second time` under `New Clause 10` is new clause 10.
 */

import { sameBill } from '../bills';
import type { FoundReference, ReferenceKind } from '../model';
import { findReferences } from '../references/index';

export interface TextScanOptions {
  /** Blank out printed line numbers and running headers before matching (publications pages). */
  printedLineNumbers?: boolean;
  /**
   * The bill the text is about (the section's `context.bill`): a reference the text ties to another bill
   * (`clause 48 of the Schools Bill 2022`) is left out. Without it every reference is kept.
   */
  bill?: string | null;
}

/** A found reference in plain text; `implicit` for a number taken from the heading above (`the clause` under `Clause 7`). */
export type TextReference = FoundReference & { implicit?: boolean };

// ---------------------------------------------------------------------------------------------
// Printed line numbers (publications.parliament.uk)
// ---------------------------------------------------------------------------------------------

/** `Children and Social Work BillPage 2`: the running header leaks into the text at page breaks. */
const RUNNING_HEADER = /^[^\n]*\bBill(?: \[(?:HL|Lords)\])?Page \d+[ \t]*$/gm;
/**
 * A printed line number (a multiple of 5) glued to the next word at the start of a line or after a clause number or a
 * paragraph letter: `5Corporate`, `10and`, `(d) 15to`. Ordinals (`5th`) are words, not line numbers.
 */
const GLUED_LINE_NUMBER = /(?<=^|[\s)])([1-9]\d?)(?=[A-Za-z])(?!st\b|nd\b|rd\b|th\b)/gm;

const blank = (s: string): string => s.replace(/[^\n]/g, ' ');

/** The text with printed line numbers and running headers replaced by spaces: same length, same offsets. */
export function stripPrintedLineNumbers(text: string): string {
  return text
    .replace(RUNNING_HEADER, blank)
    .replace(GLUED_LINE_NUMBER, (digits: string) => (Number(digits) % 5 === 0 ? blank(digits) : digits));
}

// ---------------------------------------------------------------------------------------------
// Implicit references
// ---------------------------------------------------------------------------------------------

/** A heading line: `Clause 7`, `Clause 38: School uniforms: limits on branded items`, `New Clause 18`, `Schedule 2`. */
const HEADING_LINE =
  /^[ \t]*(New Clause|Clause|New Schedule|Schedule)[ \t]+(\d+[A-Z]{0,3})(?:[ \t]*[:.-][^\n]*)?[ \t]*$/gim;

const HEADING_KINDS: Readonly<Record<string, ReferenceKind>> = {
  'new clause': 'new-clause',
  clause: 'clause',
  'new schedule': 'new-schedule',
  schedule: 'schedule',
};

/** Procedure phrases whose `the clause` is the heading's, and the heading kind each needs. */
const IMPLICIT_PHRASES: ReadonlyArray<readonly [RegExp, ReferenceKind]> = [
  [/\bthe clause(?= stands? part of the Bill)/gi, 'clause'],
  [/\bthe clause(?= be read a Second time)/gi, 'new-clause'],
  [/\bthe clause(?= be added to the Bill)/gi, 'new-clause'],
];

interface Heading {
  offset: number;
  kind: ReferenceKind;
  number: string;
}

/**
 * The heading lines of a text, in order. A page's clause heading (Hansard's `hs_8Clause`, `hs_ClauseHeading` and
 * `hs_8ClauseQn` items) is a block of its own, and the text index starts every block on a new line, so its heading
 * line is found here like any other: no list of heading elements is needed.
 */
function headingsIn(text: string): Heading[] {
  const headings: Heading[] = [];
  for (const m of text.matchAll(HEADING_LINE)) {
    headings.push({
      offset: m.index,
      kind: HEADING_KINDS[(m[1] as string).toLowerCase()] as ReferenceKind,
      number: (m[2] as string).toUpperCase(),
    });
  }
  return headings;
}

function implicitReferences(text: string, headings: readonly Heading[]): TextReference[] {
  if (!headings.length) return [];
  const found: TextReference[] = [];
  for (const [pattern, kind] of IMPLICIT_PHRASES) {
    for (const m of text.matchAll(pattern)) {
      let heading: Heading | undefined;
      for (const h of headings) {
        if (h.offset > m.index) break;
        heading = h;
      }
      if (!heading || heading.kind !== kind) continue;
      found.push({
        kind,
        number: heading.number,
        text: m[0],
        start: m.index,
        end: m.index + m[0].length,
        implicit: true,
      });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Scanning
// ---------------------------------------------------------------------------------------------

/** References in a plain text (a debate excerpt, a text index's text), in order of position. */
export function scanText(text: string, options: TextScanOptions = {}): TextReference[] {
  const prepared = options.printedLineNumbers ? stripPrintedLineNumbers(text) : text;
  const bill = options.bill;
  const explicit: TextReference[] = findReferences(prepared).filter(
    (ref) => !ref.bill || !bill || sameBill(ref.bill, bill),
  );
  const implicit = implicitReferences(prepared, headingsIn(prepared)).filter(
    (ref) => !explicit.some((other) => other.start < ref.end && ref.start < other.end),
  );
  return [...explicit, ...implicit].sort((a, b) => a.start - b.start || a.end - b.end);
}
