import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/store';
import { BillDataCache } from '../../../src/store/bill-cache';
import { positionsWithBriefings } from '../../../src/store/positions-by-id';
import type { DataStore } from '../../../src/store/types';
import { CSWB, CWSB, fixtureDataset, POSITIONS } from '../../fixtures/store/dataset';

const onBill = (billId: string) => POSITIONS.filter((p) => p.billId === billId).map((p) => p.id);
const [cwsbFirst, cwsbSecond] = onBill(CWSB) as [string, string];
const [cswbFirst] = onBill(CSWB) as [string];

/** The fixture dataset in memory, counting the position ids it is asked to read by id. */
async function countingStore(): Promise<{ store: DataStore; readById: string[] }> {
  const memory = new MemoryStore('test');
  await memory.seed(fixtureDataset());
  const readById: string[] = [];
  const store = new Proxy(memory, {
    get(target, key, receiver) {
      if (key === 'positionsByIds')
        return (ids: string[]) => {
          readById.push(...ids);
          return target.positionsByIds(ids);
        };
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store, readById };
}

describe('positions by id, with their briefings', () => {
  // Each row: the bills whose data the cache keeps; the ids asked for; those read from storage by id.
  it.each<[string, string[], string[], string[]]>([
    ['nothing kept: all from storage', [], [cwsbSecond, cswbFirst], [cwsbSecond, cswbFirst]],
    ['the bill kept: none from storage', [CWSB], [cwsbSecond, cwsbFirst], []],
    ['one bill kept, the other from storage', [CSWB], [cwsbFirst, cswbFirst], [cwsbFirst]],
    [
      'an unknown id is left out',
      [],
      [`${CWSB}/no-such-briefing/0`, cwsbFirst],
      [`${CWSB}/no-such-briefing/0`, cwsbFirst],
    ],
    ['an unknown id on a kept bill is left out', [CWSB], [`${CWSB}/no-such-briefing/0`, cwsbFirst], []],
  ])('%s', async (_what, keptBills, ids, fromStorage) => {
    const { store, readById } = await countingStore();
    const billData = new BillDataCache();
    for (const billId of keptBills) await billData.whole(store, billId);
    const found = await positionsWithBriefings(store, billData, ids);
    const known = ids.filter((id) => POSITIONS.some((p) => p.id === id));
    // In the order asked for, each with the briefing it is in.
    expect(found.map((f) => f.position.id)).toEqual(known);
    for (const { position, briefing } of found) expect(briefing.id).toBe(position.briefingId);
    expect(readById).toEqual(fromStorage);
  });

  it('reads from storage a bill whose kept read failed', async () => {
    const { store, readById } = await countingStore();
    const failing = { ...store, billData: () => Promise.reject(new Error('read failed')) } as unknown as DataStore;
    const billData = new BillDataCache();
    void billData.whole(failing, CWSB).catch(() => undefined);
    const found = await positionsWithBriefings(store, billData, [cwsbFirst]);
    expect(found.map((f) => f.position.id)).toEqual([cwsbFirst]);
    expect(readById).toEqual([cwsbFirst]);
  });
});
