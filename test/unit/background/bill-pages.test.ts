import { describe, expect, it } from 'vitest';
import { positionsAsked } from '../../../src/background/bill-pages';
import { MemoryStore } from '../../../src/store';
import { BillDataCache } from '../../../src/store/bill-cache';
import { CSWB, fixtureDataset } from '../../fixtures/store/dataset';

async function wholeBill() {
  const store = new MemoryStore('test');
  await store.seed(fixtureDataset());
  return new BillDataCache().whole(store, CSWB);
}

describe('the positions a briefingPositions request asks for', () => {
  // Each row: the request's window (or the position it is at) as indexes into the briefing; the positions sent.
  it.each<[string, { from?: number; to?: number; at?: number }, [number, number]]>([
    ['a window', { from: 0, to: 1 }, [0, 1]],
    ['no window: none', {}, [0, 0]],
    ['a window past the end: to the end', { from: 1, to: 99 }, [1, Number.POSITIVE_INFINITY]],
    ['at a position: the page holding it', { at: 1 }, [0, Number.POSITIVE_INFINITY]],
  ])('%s', async (_what, { from, to, at }, [start, end]) => {
    const whole = await wholeBill();
    const [briefingId, positions] = [...whole.byBriefing].find(([, list]) => list.length > 1) ?? [];
    if (!briefingId || !positions) throw new Error('the fixture has no briefing of two positions');
    const request = { briefingId, from, to, ...(at === undefined ? {} : { at: positions[at]?.id }) };
    const reply = positionsAsked(whole, request, new Map());
    expect(reply.total).toBe(positions.length);
    expect(reply.positions.map((p) => p.id)).toEqual(positions.slice(start, end).map((p) => p.id));
  });

  it.each([
    ['no such briefing', `${CSWB}/no-such-briefing/0`, undefined, /^no briefing ".*" in the dataset$/],
    ['no such position', null, `${CSWB}/no-such-briefing/0/9`, /^no position ".*" in the briefing ".*"$/],
  ])('refuses %s', async (_what, briefing, at, error) => {
    const whole = await wholeBill();
    const briefingId = briefing ?? (whole.briefings[0]?.id as string);
    expect(() => positionsAsked(whole, { briefingId, at }, new Map())).toThrow(error);
  });
});
