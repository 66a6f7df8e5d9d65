/**
 * Properties over arbitrary text and over text built from grammar fragments glued with noise: findReferences never
 * throws, every span lies inside the text and `text.slice(start, end)` is the reference's text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FoundReference } from '../../../src/model';
import { findReferences } from '../../../src/references';

const FRAGMENTS = [
  'clause',
  'Clauses',
  'new clause',
  'New Clause',
  'amendment',
  'Amendments',
  'Amendments made:',
  'schedule',
  'Schedule',
  'new schedule',
  'Part',
  'part',
  'Chapter',
  'chapter',
  'section',
  'sections',
  'NC',
  'NS',
  'of the Bill',
  'to the',
  'Act',
  'of that Act',
  '2006 Act',
  'Education Act 1996',
  'and',
  'or',
  'to',
  ',',
  ';',
  ':',
  '-',
  '–',
  '—',
  '(1)',
  '(a)',
  '[',
  ']',
  '(',
  ')',
  '“',
  '”',
  '\u00a0',
  '  ',
  '\n',
  ' ',
  '7',
  '28A',
  '427BA',
  '2016',
  '0',
  '9999',
  '12345',
  'two',
  'twenty',
  'After',
  'Clause',
  'page',
  'line',
  'Column 1195is located here',
  'X',
  'bn',
];

const fragmentText = fc
  .array(
    fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 999 }).map(String)),
    {
      maxLength: 40,
    },
  )
  .chain((parts) =>
    fc
      .array(fc.constantFrom('', ' ', '  ', '\n', '\u00a0'), { minLength: parts.length, maxLength: parts.length })
      .map((glue) => parts.map((part, i) => part + glue[i]).join('')),
  );

function checkSpans(text: string, refs: FoundReference[]): void {
  for (const ref of refs) {
    expect(0 <= ref.start && ref.start < ref.end && ref.end <= text.length).toBe(true);
    expect(text.slice(ref.start, ref.end)).toBe(ref.text);
    if (ref.numberStart !== undefined && ref.numberEnd !== undefined) {
      expect(ref.start <= ref.numberStart && ref.numberStart < ref.numberEnd && ref.numberEnd <= ref.end).toBe(true);
    }
    expect(ref.number).toMatch(/^\d+[A-Z]{0,3}$/);
  }
}

describe('findReferences properties', () => {
  it.each([false, true])('never throws and keeps spans inside arbitrary text (sectionsAreClauses %s)', (sections) => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        checkSpans(text, findReferences(text, { sectionsAreClauses: sections }));
      }),
      { numRuns: 500 },
    );
  });

  it.each([false, true])(
    'keeps spans exact on grammar fragments glued with noise (sectionsAreClauses %s)',
    (sections) => {
      fc.assert(
        fc.property(fragmentText, (text) => {
          checkSpans(text, findReferences(text, { sectionsAreClauses: sections }));
        }),
        { numRuns: 1500 },
      );
    },
  );

  it('finds the same references after a line break prefix, shifted by its length', () => {
    fc.assert(
      fc.property(fragmentText, fc.constantFrom('\n', '\n\n', '\r\n'), (text, prefix) => {
        const shifted = findReferences(prefix + text).map((r) => `${r.kind} ${r.number} ${r.start - prefix.length}`);
        const plain = findReferences(text).map((r) => `${r.kind} ${r.number} ${r.start}`);
        expect(shifted).toEqual(plain);
      }),
      { numRuns: 300 },
    );
  });
});
