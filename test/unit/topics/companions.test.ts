/**
 * Companions (the same point made twice in one briefing) are found by comparing every pair of a briefing's positions,
 * so a briefing past `TOPIC_TUNING.companionsUpTo` positions gets none: the real CWSB briefing keeps its companions,
 * and the same briefing padded past the bound loses them instead of costing seconds.
 */
import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../../src/dataset';
import type { Position } from '../../../src/model';
import { buildTopicIndex, TOPIC_TUNING } from '../../../src/topics';
import { learntTerms } from '../../../src/topics/learnt-terms';
import { CWSB } from './helpers';

function indexOf(positions: readonly Position[]) {
  const dataset = bundledDataset();
  const bill = dataset.bills.find((b) => b.id === CWSB);
  if (!bill) throw new Error(`no bill ${CWSB} in the bundled dataset`);
  return buildTopicIndex(bill, positions, learntTerms());
}

describe('companions within a briefing', () => {
  const positions = bundledDataset().positions.filter((p) => p.billId === CWSB);
  const withCompanions = indexOf(positions).positions.find((p) => p.companions.length > 0);

  it('a briefing of real size links the positions that make the same point', () => {
    expect(withCompanions, 'some CWSB position has a companion').toBeDefined();
  });

  it(`a briefing of more than ${TOPIC_TUNING.companionsUpTo} positions links none`, () => {
    const briefingId = withCompanions?.briefingId as string;
    const own = positions.filter((p) => p.briefingId === briefingId);
    const template = own[0] as Position;
    const filler = Array.from({ length: TOPIC_TUNING.companionsUpTo + 1 - own.length }, (_, i) => ({
      ...template,
      id: `${briefingId}/filler-${i}`,
      text: `Filler bullet number ${i} on nothing in particular.`,
      refs: [],
    }));
    const padded = indexOf([...positions, ...filler]);
    const same = padded.positions.find((p) => p.id === withCompanions?.id);
    expect(same?.companions).toEqual([]);
    expect(padded.positions.filter((p) => p.briefingId === briefingId).length).toBeGreaterThan(
      TOPIC_TUNING.companionsUpTo,
    );
  });
});
