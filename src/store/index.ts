/** The store: IndexedDB when it opens, the bundled dataset in memory when it does not. */
import { IdbStore } from './idb-store';
import { laterBriefing, newerCorrections, readKept, type UserDataKeeper } from './kept';
import { MemoryStore } from './memory-store';
import { type OpenOptions, openDatabase } from './open';
import type { DataStore } from './types';

export { IdbStore } from './idb-store';
export type { KeptUserData, UserDataKeeper } from './kept';
export { MemoryStore } from './memory-store';
export { describeError, openDatabase } from './open';
export * from './schema';
export type * from './types';

/**
 * Opens the extension's database, or falls back to memory saying why, with the reader's data kept by `keeper`
 * (./kept.ts). Never throws.
 */
export async function openStore(
  factory: IDBFactory | undefined | null,
  options: OpenOptions & { keeper?: UserDataKeeper | null } = {},
): Promise<DataStore> {
  const opened = await openDatabase(factory, options);
  if (!opened.ok) return MemoryStore.open(opened.problem, options.keeper ?? null);
  const store = new IdbStore(opened.db);
  if (options.keeper) await moveKeptIntoIndexedDb(store, options.keeper);
  return store;
}

/**
 * IndexedDB works again after a time in memory mode: what the reader added meanwhile goes into it (the later of two
 * versions of one briefing or correction wins), and then leaves the keeper. Anything going wrong leaves the kept data
 * where it is, for the next start.
 */
async function moveKeptIntoIndexedDb(store: IdbStore, keeper: UserDataKeeper): Promise<void> {
  try {
    const { data } = readKept(await keeper.load());
    if (!data) return;
    const stored = new Map((await store.userBriefings()).map((record) => [record.source, record]));
    const briefings = data.briefings.filter((record) => {
      const there = stored.get(record.source);
      return !there || laterBriefing(there, record) === record;
    });
    const storedData = new Set((await store.userData()).map((record) => record.key));
    const userData = data.userData.filter((record) => !storedData.has(record.key));
    const corrections = newerCorrections(data.corrections, await store.corrections());
    await store.putUserBriefings(briefings, userData, [], corrections);
    await keeper.clear();
  } catch (error) {
    console.warn('the data kept while IndexedDB was not used could not be moved into it yet:', error);
  }
}
