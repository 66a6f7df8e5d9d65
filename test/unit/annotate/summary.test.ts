import { describe, expect, it } from 'vitest';
import type { Mark } from '../../../src/annotate/marks';
import { countMarks, mentionedProvisions, summariseMarks } from '../../../src/annotate/summary';
import type { FoundReference, PrintRelation } from '../../../src/model';
import { makeBriefing, makeMatch, makePage, makePosition, makeRef } from '../../factories';

const BRIEFING = makeBriefing();
const POSITION = makePosition(BRIEFING, 0);

/** A mark with no position (`-`), a position for another print (`other`) or one that applies (`applies`). */
function mark(kind: '-' | 'other' | 'applies', index: number): Mark {
  const matches = kind === '-' ? [] : [makeMatch(POSITION, BRIEFING, kind === 'applies' ? 'applies' : 'other-print')];
  return {
    index,
    section: 0,
    refs: [],
    matches,
    more: 0,
    stance: null,
    applies: kind === 'applies',
  } as unknown as Mark;
}

describe('what a finished run counts of its marks', () => {
  it.each([
    ['no marks', [], 'positions', { shown: 0, withPositions: 0, applies: 0 }],
    ['only detected references: none drawn', ['-', '-'], 'positions', { shown: 0, withPositions: 0, applies: 0 }],
    ['mode all draws every detected reference', ['-', '-'], 'all', { shown: 2, withPositions: 0, applies: 0 }],
    [
      'positions for this print and another',
      ['applies', 'other', '-'],
      'positions',
      { shown: 2, withPositions: 2, applies: 1 },
    ],
    ['the same page in mode all', ['applies', 'other', '-'], 'all', { shown: 3, withPositions: 2, applies: 1 }],
  ] as const)('%s (%s, mode %s)', (_name, kinds, mode, expected) => {
    expect(countMarks(kinds.map(mark), mode)).toEqual(expected);
  });
});

describe('the side panel\'s "On this page" rows: a mark\'s reference with the positions the lookup found for it', () => {
  const text = 'We support amendment 172A.';
  const onAmendment = makePosition(BRIEFING, 1, { text, refs: [makeRef(text, 'amendment', '172A', 'support')] });

  /** A mark on the page's words `amendment <number>`, holding the lookup's match for the LGA's `amendment 172A`. */
  function markOn(number: string): Mark {
    return {
      index: 0,
      section: 0,
      refs: [{ kind: 'amendment', number, text: `amendment ${number}`, start: 0, end: 10 + number.length }],
      matches: [makeMatch(onAmendment, BRIEFING)],
      more: 0,
      stance: 'support',
      applies: true,
    } as unknown as Mark;
  }

  it.each([
    ['the number as the LGA wrote it', '172A', [onAmendment.id]],
    // The lookup found the position by `referenceKey` (letters in any case): the summary keeps it by the same rule.
    ['its letter in lower case', '172a', [onAmendment.id]],
    ['another amendment', '172B', []],
  ] as const)('the page writes %s (%s): positions %j', (_name, number, positionIds) => {
    const rows = summariseMarks([markOn(number)], [makePage()]);
    expect(rows.map((row) => row.positionIds)).toEqual(positionIds.length ? [positionIds] : []);
    if (positionIds.length)
      expect(rows[0]).toMatchObject({ kind: 'amendment', number, stance: 'support', applies: true });
  });
});

describe('a row says how the print its position was numbered for relates to the page, as the card does', () => {
  /** A mark on clause 7 whose one position does not apply, matched with print `print` (absent: an older record). */
  function markWith(print: PrintRelation | undefined, applies: 'applies' | 'other-print' = 'other-print'): Mark {
    const match = { ...makeMatch(POSITION, BRIEFING, applies), ...(print ? { print } : {}) };
    const ref = match.ref;
    return {
      index: 0,
      section: 0,
      refs: [{ kind: ref.kind, number: ref.number, text: `${ref.kind} ${ref.number}`, start: 0, end: 8 }],
      matches: [match],
      more: 0,
    } as unknown as Mark;
  }

  it.each<[string, PrintRelation | undefined, 'applies' | 'other-print', PrintRelation]>([
    ['an earlier print', 'earlier', 'other-print', 'earlier'],
    ['a later print', 'later', 'other-print', 'later'],
    ["a print we can't tell", 'unknown', 'other-print', 'unknown'],
    ['a match recorded without its print', undefined, 'other-print', 'unknown'],
    ['a position that applies', 'this', 'applies', 'this'],
  ])('%s: %s', (_name, print, applies, expected) => {
    expect(summariseMarks([markWith(print, applies)], [makePage()])[0]?.print).toBe(expected);
  });
});

describe('how many provisions a page mentions, with a position or not (the panel says so when none has one)', () => {
  /** A mark in section `section` on the references `kind number` given. */
  const markOf = (section: number, ...refs: Array<[FoundReference['kind'], string]>): Mark =>
    ({
      index: 0,
      section,
      refs: refs.map(([kind, number]) => ({ kind, number, text: `${kind} ${number}`, start: 0, end: 1 })),
      matches: [],
      more: 0,
      stance: null,
      applies: false,
    }) as unknown as Mark;
  const sections = [makePage({ bill: 'Schools Bill' }), makePage({ bill: 'Renters’ Rights Bill' })];

  it.each<[string, Mark[], number]>([
    ['no marks', [], 0],
    ['one mention', [markOf(0, ['clause', '7'])], 1],
    ['the same clause mentioned twice', [markOf(0, ['clause', '7']), markOf(0, ['clause', '7'])], 1],
    ['one phrase naming two clauses', [markOf(0, ['clause', '8'], ['clause', '9'])], 2],
    ['an amendment as 172a and as 172A', [markOf(0, ['amendment', '172a']), markOf(0, ['amendment', '172A'])], 1],
    ['clause 7 and amendment 7', [markOf(0, ['clause', '7']), markOf(0, ['amendment', '7'])], 2],
    ['clause 7 of two bills (two sections)', [markOf(0, ['clause', '7']), markOf(1, ['clause', '7'])], 2],
  ])('%s: %i', (_name, marks, count) => {
    expect(mentionedProvisions(marks, sections)).toBe(count);
  });
});
