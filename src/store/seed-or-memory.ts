/**
 * Seeding the store with the bundled dataset, and carrying on from memory when IndexedDB fails while writing it
 * (quota, a broken profile). Its own part beside ./index.ts `openStore` because it is the same fallback at the other
 * moment IndexedDB can fail: the reader keeps a working extension, and the memory store says why.
 */
import type { Dataset } from '../model';
import type { UserDataKeeper } from './kept';
import { MemoryStore } from './memory-store';
import { describeError } from './open';
import type { DataStore, SeedOutcome } from './types';

/**
 * Seeds `store` with `dataset()`; if that fails in IndexedDB, opens the memory store (the reader's data kept by
 * `keeper`), hands it to `replaced` before seeding it, and seeds it. A failure in memory is thrown.
 */
export async function seedOrMemory(
  store: DataStore,
  dataset: () => Dataset,
  keeper: UserDataKeeper | null,
  replaced: (memory: DataStore) => void,
): Promise<SeedOutcome> {
  try {
    return await store.seed(dataset());
  } catch (error) {
    if (store.mode === 'memory') throw error;
    const memory = await MemoryStore.open(`Writing the dataset to IndexedDB failed (${describeError(error)}).`, keeper);
    replaced(memory);
    return memory.seed(dataset());
  }
}
