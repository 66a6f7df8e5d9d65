/**
 * The extension's IndexedDB: its stores, their indexes, and the upgrade steps between schema versions.
 *
 * Shipped data (bills, briefings, positions from the bundled dataset) and user data (briefings a user added, their
 * settings and imports) live side by side. User data is the source of truth for user briefings: `userBriefings` holds
 * each added source with its compiled records, and reseeding writes those records back next to the new shipped ones.
 * Upgrade steps keep every record: they add stores and indexes, drop indexes nothing reads, and move records into a
 * new layout in the upgrade's own transaction (v3 groups the positions by briefing).
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames, unwrap } from 'idb';
import type { BriefingOrigin } from '../capture/duplicates';
import { positionIndexOf } from '../ids';
import type { BillRecord, Briefing, Position, StanceCorrection } from '../model';
import { numberKey } from '../vocabulary';

export const DB_NAME = 'lga-positions';
/** The schema version this code writes. Each version has a fixture in test/fixtures/store/ and a tested upgrade step. */
export const SCHEMA_VERSION = 4;

/** Where a bill came from: the bundled dataset, or a briefing the user added (for a bill the dataset lacks). */
export type Origin = 'shipped' | 'user';

export interface StoredBill extends BillRecord {
  origin: Origin;
}

/**
 * Schema v1-v2 only: one record per position, with the keys its indexes needed (`refKeys` is `billId|kind|number`
 * for every reference it carries). Read once more by the v3 upgrade, which groups them by briefing.
 */
export interface StoredPosition extends Position {
  refKeys: string[];
  origin: Origin;
}

/**
 * Schema v3: every position of one briefing in one record, keyed by the briefing. Seeding writes a few hundred of
 * these instead of ten thousand position records (each put costs a clone, a message to the storage process and a
 * LevelDB write, and every index entry another). `refKeys` is the union of its positions' `billId|kind|number` keys:
 * an index read by reference returns the groups holding such positions, and the reader keeps the matching ones.
 */
export interface PositionGroup {
  briefingId: string;
  billId: string;
  origin: Origin;
  refKeys: string[];
  positions: Position[];
}

/** A briefing source a user added in the options page, with what the compiler made of it. */
export interface UserBriefingRecord {
  /** The file name the user gave; the key. */
  source: string;
  text: string;
  /** ISO timestamp of the first time this briefing was added (kept when it is replaced by a newer copy). */
  addedAt: string;
  /** ISO timestamp of the last save, when it was replaced since it was first added. */
  updatedAt?: string;
  /** The page it was read from, for a briefing added from an LGA page (or a file that was one); absent otherwise. */
  origin?: BriefingOrigin | null;
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

/** Schema v4: a reader's correction of a stance, keyed by `correctionKey` (src/stance/corrections.ts). User data. */
export interface StoredCorrection extends StanceCorrection {
  key: string;
}

export interface SearchIndexRecord {
  key: 'positions';
  /** `<dataset version>|<user revision>` the index was built from. */
  stamp: string;
  /** `JSON.stringify(miniSearch)`. */
  json: string;
}

export interface StoreSchema extends DBSchema {
  bills: { key: string; value: StoredBill };
  /** `bySource` existed in v2 only (nothing read it). */
  briefings: { key: string; value: Briefing; indexes: { byBill: string; bySource: string } };
  /** v1-v2 only: replaced by `positionGroups` in v3. */
  positions: { key: string; value: StoredPosition; indexes: { byBill: string; byRef: string; byBriefing: string } };
  /** Added in schema v3. */
  positionGroups: { key: string; value: PositionGroup; indexes: { byBill: string; byRef: string } };
  userBriefings: { key: string; value: UserBriefingRecord };
  userData: { key: string; value: UserDataRecord };
  meta: { key: string; value: MetaRecord };
  /** Added in schema v2. */
  searchIndex: { key: string; value: SearchIndexRecord };
  /** Added in schema v4. */
  corrections: { key: string; value: StoredCorrection };
}

export type StoreName = StoreNames<StoreSchema>;
export type Db = IDBPDatabase<StoreSchema>;
type UpgradeTransaction = IDBPTransaction<StoreSchema, StoreName[], 'versionchange'>;

/** The key of a position's reference in the `byRef` index. */
export function refKey(billId: string, kind: string, number: string): string {
  return `${billId}|${kind}|${numberKey(number)}`;
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
  3: (db, tx) => {
    // v3: positions grouped by briefing (see PositionGroup), and no index that nothing reads (`briefings.bySource`,
    // `positions.byBriefing`). The stored positions, shipped and user, move into groups in this same transaction,
    // so the database is whole without a reseed (the dataset version on disk may be the bundled one).
    const groups = db.createObjectStore('positionGroups', { keyPath: 'briefingId' });
    groups.createIndex('byBill', 'billId');
    groups.createIndex('byRef', 'refKeys', { multiEntry: true });
    tx.objectStore('briefings').deleteIndex('bySource');
    // Raw requests, not idb's promises: the store may only be deleted while the upgrade transaction is active, which
    // it is inside a request's success event.
    const raw = unwrap(tx) as IDBTransaction;
    const read = raw.objectStore('positions').getAll();
    read.onsuccess = () => {
      const old = read.result as StoredPosition[];
      const target = raw.objectStore('positionGroups');
      for (const origin of ['shipped', 'user'] as const) {
        const positions = old.filter((p) => p.origin === origin).map(({ refKeys: _k, origin: _o, ...p }) => p);
        for (const group of groupPositions(positions.sort(byPositionIndex), origin)) target.put(group);
      }
      raw.db.deleteObjectStore('positions');
    };
  },
  4: (db) => {
    // v4: the reader's stance corrections, user data beside userBriefings and userData (no record moves).
    db.createObjectStore('corrections', { keyPath: 'key' });
  },
};

/** The positions' groups, one per briefing, positions in the order given. */
export function groupPositions(positions: readonly Position[], origin: Origin): PositionGroup[] {
  const groups = new Map<string, PositionGroup>();
  for (const position of positions) {
    let group = groups.get(position.briefingId);
    if (!group) {
      group = { briefingId: position.briefingId, billId: position.billId, origin, refKeys: [], positions: [] };
      groups.set(position.briefingId, group);
    }
    group.positions.push(position);
  }
  for (const group of groups.values()) group.refKeys = [...new Set(group.positions.flatMap(positionRefKeys))];
  return [...groups.values()];
}

/** `billId|kind|number` for every reference a position carries. */
export function positionRefKeys(position: Position): string[] {
  return position.refs.map((ref) => refKey(position.billId, ref.kind, ref.number));
}

/** Key order puts `/10` before `/2`; a briefing's positions are kept in their order in the briefing. */
function byPositionIndex(a: Position, b: Position): number {
  if (a.briefingId !== b.briefingId) return a.briefingId < b.briefingId ? -1 : 1;
  return positionIndexOf(a.id) - positionIndexOf(b.id);
}

/** The stores each schema version has (checked against the fixtures, so a fixture cannot drift from its version). */
export const STORES_AT_VERSION: Record<number, StoreName[]> = {
  1: ['bills', 'briefings', 'meta', 'positions', 'userBriefings', 'userData'],
  2: ['bills', 'briefings', 'meta', 'positions', 'searchIndex', 'userBriefings', 'userData'],
  3: ['bills', 'briefings', 'meta', 'positionGroups', 'searchIndex', 'userBriefings', 'userData'],
  4: ['bills', 'briefings', 'corrections', 'meta', 'positionGroups', 'searchIndex', 'userBriefings', 'userData'],
};
