/**
 * The extension's IndexedDB: its stores, their indexes, and the upgrade steps between schema versions.
 *
 * Shipped data (bills, briefings, positions from the bundled dataset) and user data (briefings a user added, their
 * settings and imports) live side by side. User data is the source of truth for user briefings: `userBriefings` holds
 * each added source with its compiled records, and reseeding writes those records back next to the new shipped ones.
 * Upgrade steps only ever add stores and indexes, so every user record survives an upgrade.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { BillRecord, Briefing, Position } from '../model';

export const DB_NAME = 'lga-positions';
/** The schema version this code writes. Each version has a fixture in test/fixtures/store/ and a tested upgrade step. */
export const SCHEMA_VERSION = 2;

/** Where a bill came from: the bundled dataset, or a briefing the user added (for a bill the dataset lacks). */
export type Origin = 'shipped' | 'user';

export interface StoredBill extends BillRecord {
  origin: Origin;
}

/** A position with the keys its indexes need: `refKeys` is `billId|kind|number` for every reference it carries. */
export interface StoredPosition extends Position {
  refKeys: string[];
  origin: Origin;
}

/** A briefing source a user added in the options page, with what the compiler made of it. */
export interface UserBriefingRecord {
  /** The file name the user gave; the key. */
  source: string;
  text: string;
  /** ISO timestamp. */
  addedAt: string;
  bill: BillRecord;
  /** Compiled records, ids namespaced with `user:` so they never collide with shipped ones; `userAdded` is true. */
  briefings: Briefing[];
  positions: Position[];
  warnings: string[];
}

/** Small user records that are not briefings (import history, preferences kept with the data). */
export interface UserDataRecord {
  key: string;
  value: unknown;
}

export interface DatasetMetaRecord {
  key: 'dataset';
  version: string;
  builtAt: string;
  /** ISO timestamp of the seeding that wrote this version. */
  seededAt: string;
  counts: { bills: number; briefings: number; positions: number };
}

/** Bumped in the same transaction as every change of user briefings: the search index is stale when it differs. */
export interface UserRevisionRecord {
  key: 'userRevision';
  revision: number;
}

export type MetaRecord = DatasetMetaRecord | UserRevisionRecord;

export interface SearchIndexRecord {
  key: 'positions';
  /** `<dataset version>|<user revision>` the index was built from. */
  stamp: string;
  /** `JSON.stringify(miniSearch)`. */
  json: string;
}

export interface StoreSchema extends DBSchema {
  bills: { key: string; value: StoredBill };
  briefings: { key: string; value: Briefing; indexes: { byBill: string; bySource: string } };
  positions: { key: string; value: StoredPosition; indexes: { byBill: string; byRef: string; byBriefing: string } };
  userBriefings: { key: string; value: UserBriefingRecord };
  userData: { key: string; value: UserDataRecord };
  meta: { key: string; value: MetaRecord };
  /** Added in schema v2. */
  searchIndex: { key: string; value: SearchIndexRecord };
}

export type StoreName = StoreNames<StoreSchema>;
export type Db = IDBPDatabase<StoreSchema>;
type UpgradeTransaction = IDBPTransaction<StoreSchema, StoreName[], 'versionchange'>;

/** The key of a position's reference in the `byRef` index. */
export function refKey(billId: string, kind: string, number: string): string {
  return `${billId}|${kind}|${number.toUpperCase()}`;
}

/**
 * Upgrade steps, one per schema version: step N turns a version N-1 database into version N.
 * Never edit a released step: add a new one (and its fixture).
 */
export const UPGRADE_STEPS: Record<number, (db: Db, tx: UpgradeTransaction) => void> = {
  1: (db) => {
    db.createObjectStore('bills', { keyPath: 'id' });
    const briefings = db.createObjectStore('briefings', { keyPath: 'id' });
    briefings.createIndex('byBill', 'billId');
    const positions = db.createObjectStore('positions', { keyPath: 'id' });
    positions.createIndex('byBill', 'billId');
    positions.createIndex('byRef', 'refKeys', { multiEntry: true });
    positions.createIndex('byBriefing', 'briefingId');
    db.createObjectStore('userBriefings', { keyPath: 'source' });
    db.createObjectStore('userData', { keyPath: 'key' });
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  2: (db, tx) => {
    // v2: the search index is kept with the data, and briefings can be listed by source file in one index read.
    db.createObjectStore('searchIndex', { keyPath: 'key' });
    tx.objectStore('briefings').createIndex('bySource', 'source');
  },
};

/** The stores each schema version has (checked against the fixtures, so a fixture cannot drift from its version). */
export const STORES_AT_VERSION: Record<number, StoreName[]> = {
  1: ['bills', 'briefings', 'meta', 'positions', 'userBriefings', 'userData'],
  2: ['bills', 'briefings', 'meta', 'positions', 'searchIndex', 'userBriefings', 'userData'],
};

/** Shipped stores: rewritten by every seeding. Everything else is user data or derived from it. */
export const SHIPPED_STORES = ['bills', 'briefings', 'positions'] as const;
/** Stores whose records are the user's own and must survive seeding and upgrades. */
export const USER_STORES = ['userBriefings', 'userData'] as const;
