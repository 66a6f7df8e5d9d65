import { describe, expect, it } from 'vitest';
import { parliamentaryOrder, printEpoch, stageOrder } from '../../../src/matching';
import type { House, Stage } from '../../../src/model';
import { CSWB, CWSB, cswb } from './fixtures';

type Row = [House | null, Stage | null, string | null];

describe('printEpoch for a bill that starts in the Lords ([HL])', () => {
  const rows: Row[] = [
    ['lords', 'first-reading', 'L1'],
    ['lords', 'second-reading', 'L1'],
    ['lords', 'committee', 'L1'],
    ['lords', 'report', 'L2'], // as amended in committee
    ['lords', 'third-reading', 'L3'], // as amended on report
    ['commons', 'first-reading', 'C1'], // as brought from the Lords
    ['commons', 'second-reading', 'C1'],
    ['commons', 'committee', 'C1'],
    ['commons', 'report', 'C2'], // as amended in Public Bill Committee
    ['commons', 'third-reading', 'C2'], // the Commons do not reprint after report
    ['commons', 'remaining-stages', 'C2'],
    ['commons', 'consideration-of-amendments', 'amendments'],
    ['lords', 'consideration-of-amendments', 'amendments'],
    [null, 'royal-assent', 'Act'],
    ['lords', 'other', null],
    ['lords', null, null],
    [null, 'committee', null], // committee happens in both Houses, on different prints
  ];
  it.each(rows)('%s %s debates %s', (house, stage, print) => {
    expect(printEpoch(CSWB, house, stage).print).toBe(print);
  });

  it('orders the prints as the bill moves: L1 < L2 < L3 < C1 < C2 < ping-pong', () => {
    const order = (
      [
        ['lords', 'second-reading'],
        ['lords', 'report'],
        ['lords', 'third-reading'],
        ['commons', 'committee'],
        ['commons', 'remaining-stages'],
        ['commons', 'consideration-of-amendments'],
      ] as const
    ).map(([h, s]) => printEpoch(CSWB, h, s).index);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('printEpoch for a bill that starts in the Commons (the mirror image)', () => {
  const rows: Row[] = [
    ['commons', 'second-reading', 'C1'],
    ['commons', 'committee', 'C1'],
    ['commons', 'report', 'C2'],
    ['commons', 'third-reading', 'C2'],
    ['commons', 'remaining-stages', 'C2'],
    ['lords', 'second-reading', 'L1'], // as brought from the Commons
    ['lords', 'committee', 'L1'],
    ['lords', 'report', 'L2'],
    ['lords', 'third-reading', 'L3'],
    ['lords', 'consideration-of-amendments', 'amendments'],
  ];
  it.each(rows)('%s %s debates %s', (house, stage, print) => {
    expect(printEpoch(CWSB, house, stage).print).toBe(print);
  });

  it('describes the second House’s first print as brought from the first', () => {
    expect(printEpoch(CWSB, 'lords', 'committee').description).toBe('the bill as brought from the Commons');
    expect(printEpoch(CSWB, 'commons', 'committee').description).toBe('the bill as brought from the Lords');
  });
});

describe('printEpoch with an unknown house of origin', () => {
  const unknown = { ...CSWB, originatingHouse: null };
  it('assumes the Commons and says so', () => {
    const epoch = printEpoch(unknown, 'commons', 'committee');
    expect(epoch.print).toBe('C1');
    expect(epoch.index).toBe(0);
    expect(epoch.reason).toMatch(/house of origin unknown: assumed to be the Commons/);
  });
  it('does not add the assumption when the house of origin is known', () => {
    expect(printEpoch(CSWB, 'commons', 'committee').reason).not.toMatch(/assumed/);
  });
});

describe('stageOrder', () => {
  it.each([
    [CSWB, 'lords', 'third-reading', 'commons', 'second-reading'],
    [CWSB, 'commons', 'remaining-stages', 'lords', 'second-reading'],
    [CWSB, 'commons', 'committee', 'commons', 'report'],
    [CWSB, 'lords', 'third-reading', 'commons', 'consideration-of-amendments'],
    [CWSB, 'commons', 'consideration-of-amendments', null, 'royal-assent'],
    [CWSB, null, 'royal-assent', 'lords', null],
  ] as const)('%# for %s: %s %s comes before %s %s', (bill, h1, s1, h2, s2) => {
    expect(stageOrder(bill, h1, s1)).toBeLessThan(stageOrder(bill, h2, s2));
  });
});

describe('parliamentaryOrder', () => {
  it('lists an [HL] bill’s briefings Lords stages first, committee days by date, then the Commons', () => {
    const ordered = parliamentaryOrder(cswb.briefings, CSWB).map((b) => `${b.house} ${b.stage} ${b.dates.join('+')}`);
    expect(ordered).toEqual([
      'lords second-reading 2016-06-14',
      'lords committee 2016-06-27',
      'lords committee 2016-07-04',
      'lords committee 2016-07-11',
      'lords report 2016-10-18',
      'lords report 2016-11-08',
      'lords third-reading 2016-11-23',
      'commons second-reading 2016-12-05',
      'commons committee 2016-12-13',
      'commons remaining-stages 2017-03-07',
    ]);
  });

  it('does not change the array it is given', () => {
    const before = cswb.briefings.map((b) => b.id);
    parliamentaryOrder(cswb.briefings, CSWB);
    expect(cswb.briefings.map((b) => b.id)).toEqual(before);
  });
});
