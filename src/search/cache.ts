/**
 * The search index the background keeps between searches: built once from every record, kept in storage with the
 * stamp of the data it was built from, and rebuilt when the stamp changes (a new dataset, a user briefing added).
 */
import type MiniSearch from 'minisearch';
import type { BillRecord, Briefing, Position } from '../model';
import {
  buildSearchIndex,
  loadSearchIndex,
  SEARCH_INDEX_FORMAT,
  type SearchDocument,
  serializeSearchIndex,
} from './index';

/** The parts of the store (src/store DataStore) the cache reads and writes. */
export interface SearchIndexStore {
  searchStamp(): Promise<string>;
  loadSearchIndex(): Promise<{ stamp: string; json: string } | null>;
  saveSearchIndex(index: { stamp: string; json: string }): Promise<void>;
  everything(): Promise<{ bills: BillRecord[]; briefings: Briefing[]; positions: Position[] }>;
}

type Built = { stamp: string; index: MiniSearch<SearchDocument> };

export class SearchIndexCache {
  private current: Built | null = null;
  private building: Promise<Built> | null = null;

  /** The index for the store's current data: the one held, the stored one, or a new one (saved for next time). */
  async index(store: SearchIndexStore): Promise<MiniSearch<SearchDocument>> {
    // The index's own format is part of the stamp: a stored index of an older format is rebuilt.
    const stamp = `${await store.searchStamp()}|format ${SEARCH_INDEX_FORMAT}`;
    if (this.current?.stamp === stamp) return this.current.index;
    this.building ??= (async () => {
      const stored = await store.loadSearchIndex();
      if (stored?.stamp === stamp) return { stamp, index: loadSearchIndex(stored.json) };
      const index = buildSearchIndex(await store.everything());
      await store.saveSearchIndex({ stamp, json: serializeSearchIndex(index) });
      return { stamp, index };
    })().finally(() => {
      this.building = null;
    });
    this.current = await this.building;
    return this.current.index;
  }
}
