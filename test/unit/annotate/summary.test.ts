import { describe, expect, it } from 'vitest';
import type { Mark } from '../../../src/annotate/marks';
import { countMarks } from '../../../src/annotate/summary';
import { makeBriefing, makeMatch, makePosition } from '../../factories';

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
