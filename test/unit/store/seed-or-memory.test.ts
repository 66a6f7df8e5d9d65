import { describe, expect, it } from 'vitest';
import type { DataStore } from '../../../src/store';
import { seedOrMemory } from '../../../src/store/seed-or-memory';
import { fixtureDataset } from '../../fixtures/store/dataset';

const quotaExceeded = () => Promise.reject(new DOMException('the disk is full', 'QuotaExceededError'));

/** A store in `mode` whose seed answers as `seed` does. */
function storeIn(mode: DataStore['mode'], seed: DataStore['seed']): DataStore {
  return { mode, seed } as Partial<DataStore> as DataStore;
}

describe('seeding, and carrying on from memory', () => {
  // Each row: the store seeded; where the dataset ends up (null: the error is thrown); the memory store's problem.
  it.each<[string, DataStore, 'same store' | 'memory' | null, RegExp | null]>([
    [
      'IndexedDB seeds: the same store',
      storeIn('indexeddb', async () => ({ seeded: true, version: 'v' })),
      'same store',
      null,
    ],
    [
      'IndexedDB fails while writing: memory, saying why',
      storeIn('indexeddb', quotaExceeded),
      'memory',
      /^Writing the dataset to IndexedDB failed \(QuotaExceededError: the disk is full\)\./,
    ],
    ['memory fails: thrown, nothing to fall back on', storeIn('memory', quotaExceeded), null, null],
  ])('%s', async (_what, store, endsIn, problem) => {
    const replacedBy: DataStore[] = [];
    const seeding = seedOrMemory(
      store,
      () => fixtureDataset('v-seed'),
      null,
      (memory) => replacedBy.push(memory),
    );
    if (endsIn === null) {
      await expect(seeding).rejects.toThrow('the disk is full');
      expect(replacedBy).toEqual([]);
      return;
    }
    const outcome = await seeding;
    if (endsIn === 'same store') expect(outcome).toEqual({ seeded: true, version: 'v' });
    expect(replacedBy).toHaveLength(endsIn === 'memory' ? 1 : 0);
    if (endsIn === 'memory') {
      const [memory] = replacedBy as [DataStore];
      expect(memory.mode).toBe('memory');
      expect(memory.problem).toMatch(problem as RegExp);
      expect(outcome.seeded).toBe(true);
      expect((await memory.meta())?.version).toBe('v-seed');
    }
  });
});
