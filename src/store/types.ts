/**
 * What the background asks of its data, whichever way it is kept: IndexedDB (`IdbStore`) or, where storage is
 * unavailable, the bundled dataset in memory (`MemoryStore`). Both answer the same questions the same way; the
 * service does not know which one it has except to tell the UI.
 */

import type { StorageMode } from '../messaging';
import type { BillRecord, Briefing, Dataset, Position, Reference, StanceCorrection } from '../model';
import type { UserBriefingRecord, UserDataRecord } from './schema';

export interface DatasetMeta {
  version: string;
  builtAt: string;
  seededAt: string;
  counts: { bills: number; briefings: number; positions: number };
}

export interface SeedOutcome {
  /** False when the stored version already was the dataset's. */
  seeded: boolean;
  version: string;
}

export interface StoredSearchIndex {
  stamp: string;
  json: string;
}

/** What removing one of the reader's briefings took away. */
export interface RemovedSource {
  briefings: number;
  corrections: number;
  /** The ids of its positions (the search index lets them go). */
  positions: string[];
}

export interface DataStore {
  readonly mode: StorageMode;
  /** Why the store is in memory, in plain words (and whether what the reader adds lasts); null for IndexedDB. */
  readonly problem: string | null;
  /** Whether what the reader adds outlives this background (IndexedDB; memory mode with a keeper, ./kept.ts). */
  readonly keepsUserData: boolean;
  meta(): Promise<DatasetMeta | null>;
  /** Writes a dataset's records unless its version is already stored. Never touches user data. */
  seed(dataset: Dataset): Promise<SeedOutcome>;
  /** All bills, shipped and user-added. */
  bills(): Promise<BillRecord[]>;
  bill(id: string): Promise<BillRecord | null>;
  /**
   * Everything a page section's lookup needs, read in one transaction: the bill's briefings and the positions on the
   * given references (by reference index, or the bill's whole list when that is fewer reads).
   */
  lookupData(billId: string, refs: readonly Reference[]): Promise<{ briefings: Briefing[]; positions: Position[] }>;
  /** The bill's briefings and every position on it. */
  billData(billId: string): Promise<{ briefings: Briefing[]; positions: Position[] }>;
  /** Every record, for building the search index. */
  everything(): Promise<{ bills: BillRecord[]; briefings: Briefing[]; positions: Position[] }>;
  positionsByIds(ids: readonly string[]): Promise<Position[]>;
  briefingsByIds(ids: readonly string[]): Promise<Briefing[]>;
  userBriefings(): Promise<UserBriefingRecord[]>;
  /**
   * Adds or replaces (by source) user briefings, in one transaction; `removeSources` (the duplicates a record
   * replaces under another name) go in the same transaction, and so do the reader's corrections of a replaced
   * briefing's positions that the new version no longer holds (./records.ts `correctionsOrphaned`): returns those.
   */
  putUserBriefings(
    records: readonly UserBriefingRecord[],
    userData?: readonly UserDataRecord[],
    removeSources?: readonly string[],
    corrections?: readonly StanceCorrection[],
  ): Promise<StanceCorrection[]>;
  /**
   * Removes one user briefing, its records and the reader's stance corrections of its positions (a correction of a
   * position that is gone could not be shown or undone anywhere); says how many briefing sections and corrections went,
   * and which positions (none of any when there was no such source).
   */
  removeUserBriefing(source: string): Promise<RemovedSource>;
  userData(): Promise<UserDataRecord[]>;
  /** The reader's stance corrections (user data: seeding never touches them). */
  corrections(): Promise<StanceCorrection[]>;
  /** Adds or replaces the correction of the same position (or provision of it). */
  putCorrection(correction: StanceCorrection): Promise<void>;
  /** Removes the correction of a position (`ref` null) or of one provision of it; false when there was none. */
  removeCorrection(positionId: string, ref: Reference | null): Promise<boolean>;
  /** `<dataset version>|<user revision>`: changes whenever the searchable records change. */
  searchStamp(): Promise<string>;
  loadSearchIndex(): Promise<StoredSearchIndex | null>;
  saveSearchIndex(index: StoredSearchIndex): Promise<void>;
  counts(): Promise<{ bills: number; briefings: number; positions: number; userBriefings: number }>;
}
