/** The store: IndexedDB when it opens, the bundled dataset in memory when it does not. */
import { IdbStore } from './idb-store';
import { MemoryStore } from './memory-store';
import { type OpenOptions, openDatabase } from './open';
import type { DataStore } from './types';

export { IdbStore } from './idb-store';
export { MemoryStore } from './memory-store';
export { openDatabase } from './open';
export * from './schema';
export type * from './types';

/** Opens the extension's database, or falls back to memory saying why. Never throws. */
export async function openStore(factory: IDBFactory | undefined | null, options: OpenOptions = {}): Promise<DataStore> {
  const opened = await openDatabase(factory, options);
  if (opened.ok) return new IdbStore(opened.db);
  return new MemoryStore(
    `${opened.problem} The LGA positions are served from memory; briefings you add last until the browser closes.`,
  );
}
