/**
 * The search index the background keeps between searches: built once from every record, kept in storage with the
 * stamp of the data it was built from, and rebuilt when the stamp changes (a new dataset, a user briefing added).
 *
 * Where the first search's time goes with a very large briefing (issue 10, finding 4: 21,001 bullets): reading every
 * record, indexing them (most of it: each position's bill, heading, stage and House are indexed with it), and writing
 * the index to storage (serialising it alone is a long task). The index is built in slices
 * (`buildSearchIndexInSlices`), ahead of the first search when the reader's data changes (the service's
 * `prepareSearch`), and written after the search that needed it has its answer. A change of the reader's briefings
 * updates the index held in place (`update`) rather than building it again from every record.
 */
import type MiniSearch from 'minisearch';
import type { BillRecord, Briefing, Position } from '../model';
import {
  addInSlices,
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

/** A change of the reader's briefings, as the index sees it. */
export interface IndexChange {
  /** Ids of positions that are gone (briefings removed or replaced). */
  removed: readonly string[];
  /** What came: the new records, with the bills they are on. */
  added: { bills: readonly BillRecord[]; briefings: readonly Briefing[]; positions: readonly Position[] };
}

const stampOf = (storeStamp: string) => `${storeStamp}|format ${SEARCH_INDEX_FORMAT}`;

export class SearchIndexCache {
  private current: Built | null = null;
  private building: { stamp: string; done: Promise<Built> } | null = null;
  /** The last write of a built index to storage (tests wait for it; a failed write only costs a rebuild later). */
  saved: Promise<void> = Promise.resolve();

  /** The index for the store's current data: the one held, the stored one, or a new one (saved for next time). */
  async index(store: SearchIndexStore): Promise<MiniSearch<SearchDocument>> {
    // The index's own format is part of the stamp: a stored index of an older format is rebuilt.
    const stamp = stampOf(await store.searchStamp());
    if (this.current?.stamp === stamp) return this.current.index;
    const building = this.building?.stamp === stamp ? this.building : this.start(stamp, this.build(store, stamp));
    const built = await building.done;
    this.current = built;
    return built.index;
  }

  /**
   * After a change of the reader's briefings: when the index held was built for the data just before it (`before`,
   * the store's stamp then), it is brought up to date in place (what went discarded, what came added, in slices)
   * instead of being built again from every record; adding a small briefing beside one of 21,001 bullets then costs
   * the small one. Otherwise nothing is done here and the next search builds it. Searches meanwhile wait for it.
   */
  update(store: SearchIndexStore, before: string, after: string, change: IndexChange): Promise<void> {
    const held = this.current;
    const stamp = stampOf(after);
    if (!held || held.stamp !== stampOf(before) || this.building || stamp === held.stamp) return Promise.resolve();
    this.current = null;
    // Set before any wait: a search from now on waits for this rather than building the index again.
    const updating = this.start(
      stamp,
      (async () => {
        for (const id of change.removed) if (held.index.has(id)) held.index.discard(id);
        await addInSlices(held.index, change.added);
        this.save(store, stamp, held.index);
        return { stamp, index: held.index };
      })(),
    );
    return updating.done.then((built) => {
      if (!this.current && this.building === null) this.current = built;
    });
  }

  private start(stamp: string, done: Promise<Built>): { stamp: string; done: Promise<Built> } {
    const started = { stamp, done };
    this.building = started;
    void done
      .finally(() => {
        if (this.building === started) this.building = null;
      })
      .catch(() => undefined);
    return started;
  }

  /** Written once the search that asked for it has had its answer: serialising a large index is a long task. */
  private save(store: SearchIndexStore, stamp: string, index: MiniSearch<SearchDocument>): void {
    this.saved = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(() => store.saveSearchIndex({ stamp, json: serializeSearchIndex(index) }))
      .catch(() => undefined);
  }

  private async build(store: SearchIndexStore, stamp: string): Promise<Built> {
    const stored = await store.loadSearchIndex();
    if (stored?.stamp === stamp) return { stamp, index: loadSearchIndex(stored.json) };
    const index = await buildSearchIndexInSlices(await store.everything());
    this.save(store, stamp, index);
    return { stamp, index };
  }
}
