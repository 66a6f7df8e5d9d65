/**
 * The search index the background keeps between searches: built once from every record, kept in storage with the
 * stamp of the data it was built from, and rebuilt when the stamp changes (a new dataset, a user briefing added).
 *
 * Where the first search's time goes with a very large briefing (issue 10, finding 4: 21,001 bullets): reading every
 * record, indexing them (most of it: each position's bill, heading, stage and House are indexed with it), and writing
 * the index to storage (serialising it alone is a long task). The index is built in slices
 * (`buildSearchIndexInSlices`), ahead of the first search when the reader's data changes (the service's
 * `prepareSearch`), and written after the search that needed it has its answer.
 */
import type MiniSearch from 'minisearch';
import type { BillRecord, Briefing, Position } from '../model';
import {
  buildSearchIndexInSlices,
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
  private building: { stamp: string; done: Promise<Built> } | null = null;
  /** The last write of a built index to storage (tests wait for it; a failed write only costs a rebuild later). */
  saved: Promise<void> = Promise.resolve();

  /** The index for the store's current data: the one held, the stored one, or a new one (saved for next time). */
  async index(store: SearchIndexStore): Promise<MiniSearch<SearchDocument>> {
    // The index's own format is part of the stamp: a stored index of an older format is rebuilt.
    const stamp = `${await store.searchStamp()}|format ${SEARCH_INDEX_FORMAT}`;
    if (this.current?.stamp === stamp) return this.current.index;
    let building = this.building;
    if (building?.stamp !== stamp) {
      const started = { stamp, done: this.build(store, stamp) };
      building = started;
      this.building = started;
      void started.done
        .finally(() => {
          if (this.building === started) this.building = null;
        })
        .catch(() => undefined);
    }
    const built = await building.done;
    this.current = built;
    return built.index;
  }

  private async build(store: SearchIndexStore, stamp: string): Promise<Built> {
    const stored = await store.loadSearchIndex();
    if (stored?.stamp === stamp) return { stamp, index: loadSearchIndex(stored.json) };
    const index = await buildSearchIndexInSlices(await store.everything());
    // Written once the search that asked for it has had its answer: serialising a large index is a long task.
    this.saved = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(() => store.saveSearchIndex({ stamp, json: serializeSearchIndex(index) }))
      .catch(() => undefined);
    return { stamp, index };
  }
}
