/** The data kept in IndexedDB: seeding, reads for lookups and the side panel, and user briefings. */
import type { IDBPTransaction } from 'idb';
import { briefingIdOfPosition } from '../ids';
import type { BillRecord, Briefing, Dataset, Position, Reference, StanceCorrection } from '../model';
import { correctionKey } from '../stance/corrections';
import { correctionsOrphaned, fromStoredBill, userRecordsToStore, withStanceFields } from './records';
import type {
  DatasetMetaRecord,
  Db,
  PositionGroup,
  StoredBill,
  StoredCorrection,
  StoreName,
  StoreSchema,
  UserBriefingRecord,
  UserDataRecord,
  UserRevisionRecord,
} from './schema';
import { groupPositions, positionRefKeys, refKey } from './schema';
import type { DataStore, DatasetMeta, RemovedSource, SeedOutcome, StoredSearchIndex } from './types';

/** A group's positions as the model has them (older records get the stance fields added since). */
const positionsOf = (group: PositionGroup): Position[] => group.positions.map(withStanceFields);

/** Above this many distinct references, one read of the bill's positions beats one index read per reference. */
const PER_REFERENCE_READ_LIMIT = 24;

const SEED_STORES: StoreName[] = ['bills', 'briefings', 'positionGroups', 'meta', 'userBriefings', 'searchIndex'];
const USER_WRITE_STORES: StoreName[] = [
  'bills',
  'briefings',
  'positionGroups',
  'meta',
  'userBriefings',
  'userData',
  'corrections',
  'searchIndex',
];

export class IdbStore implements DataStore {
  readonly mode = 'indexeddb' as const;
  readonly problem = null;
  readonly keepsUserData = true;

  constructor(readonly db: Db) {}

  async meta(): Promise<DatasetMeta | null> {
    const record = await this.db.get('meta', 'dataset');
    if (record?.key !== 'dataset') return null;
    const { key: _key, ...meta } = record;
    return meta;
  }

  /**
   * One transaction: the old shipped records go, the new ones and the user's compiled briefings are written, the
   * search index is dropped (it is rebuilt from the new data) and the version recorded. A failure part way leaves
   * the previous dataset whole. `userBriefings` and `userData` are read, never written.
   */
  async seed(dataset: Dataset): Promise<SeedOutcome> {
    const current = await this.meta();
    if (current?.version === dataset.version) return { seeded: false, version: dataset.version };
    const tx = this.db.transaction(SEED_STORES, 'readwrite');
    const bills = tx.objectStore('bills');
    const briefings = tx.objectStore('briefings');
    const groups = tx.objectStore('positionGroups');
    await atomically(tx, async (writes) => {
      writes.push(bills.clear(), briefings.clear(), groups.clear());
      for (const bill of dataset.bills) writes.push(bills.put({ ...bill, origin: 'shipped' }));
      for (const briefing of dataset.briefings) writes.push(briefings.put(briefing));
      for (const group of groupPositions(dataset.positions, 'shipped')) writes.push(groups.put(group));
      const userRecords = await tx.objectStore('userBriefings').getAll();
      const user = userRecordsToStore(userRecords, new Set(dataset.bills.map((bill) => bill.id)));
      for (const bill of user.bills) writes.push(bills.put(bill));
      for (const briefing of user.briefings) writes.push(briefings.put(briefing));
      for (const group of user.groups) writes.push(groups.put(group));
      const meta: DatasetMetaRecord = {
        key: 'dataset',
        version: dataset.version,
        builtAt: dataset.builtAt,
        seededAt: new Date().toISOString(),
        counts: {
          bills: dataset.bills.length,
          briefings: dataset.briefings.length,
          positions: dataset.positions.length,
        },
      };
      writes.push(tx.objectStore('meta').put(meta), tx.objectStore('searchIndex').clear());
    });
    return { seeded: true, version: dataset.version };
  }

  async bills(): Promise<BillRecord[]> {
    return (await this.db.getAll('bills')).map(fromStoredBill);
  }

  async bill(id: string): Promise<BillRecord | null> {
    const stored = await this.db.get('bills', id);
    return stored ? fromStoredBill(stored) : null;
  }

  async lookupData(billId: string, refs: readonly Reference[]) {
    const keys = [...new Set(refs.map((ref) => refKey(billId, ref.kind, ref.number)))];
    const tx = this.db.transaction(['briefings', 'positionGroups'], 'readonly');
    const briefingsRead = tx.objectStore('briefings').index('byBill').getAll(billId);
    const groups = tx.objectStore('positionGroups');
    let groupsRead: Promise<PositionGroup[]>;
    if (keys.length <= PER_REFERENCE_READ_LIMIT) {
      const byRef = groups.index('byRef');
      groupsRead = Promise.all(keys.map((key) => byRef.getAll(key))).then(uniqueGroups);
    } else {
      groupsRead = groups.index('byBill').getAll(billId);
    }
    const [briefings, found] = await Promise.all([briefingsRead, groupsRead, tx.done]);
    // A group holds every position of its briefing: keep those on the wanted references.
    const wanted = new Set(keys);
    const positions = found
      .flatMap(positionsOf)
      .filter((position) => positionRefKeys(position).some((key) => wanted.has(key)));
    return { briefings, positions };
  }

  async billData(billId: string) {
    const tx = this.db.transaction(['briefings', 'positionGroups'], 'readonly');
    const [briefings, groups] = await Promise.all([
      tx.objectStore('briefings').index('byBill').getAll(billId),
      tx.objectStore('positionGroups').index('byBill').getAll(billId),
      tx.done,
    ]);
    return { briefings, positions: groups.flatMap(positionsOf) };
  }

  async everything() {
    const tx = this.db.transaction(['bills', 'briefings', 'positionGroups'], 'readonly');
    const [bills, briefings, groups] = await Promise.all([
      tx.objectStore('bills').getAll(),
      tx.objectStore('briefings').getAll(),
      tx.objectStore('positionGroups').getAll(),
      tx.done,
    ]);
    return { bills: bills.map(fromStoredBill), briefings, positions: groups.flatMap(positionsOf) };
  }

  /** One read per briefing the ids name (a position's id starts with its briefing's), in the order of `ids`. */
  async positionsByIds(ids: readonly string[]): Promise<Position[]> {
    const briefingIds = [...new Set(ids.map(briefingIdOfPosition))];
    const tx = this.db.transaction('positionGroups', 'readonly');
    const groups = await Promise.all(briefingIds.map((id) => tx.store.get(id)));
    await tx.done;
    const byId = new Map(groups.flatMap((group) => (group ? positionsOf(group) : [])).map((p) => [p.id, p] as const));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async briefingsByIds(ids: readonly string[]): Promise<Briefing[]> {
    const tx = this.db.transaction('briefings', 'readonly');
    const found = await Promise.all(ids.map((id) => tx.store.get(id)));
    await tx.done;
    return found.filter((b) => b !== undefined);
  }

  userBriefings(): Promise<UserBriefingRecord[]> {
    return this.db.getAll('userBriefings');
  }

  userData(): Promise<UserDataRecord[]> {
    return this.db.getAll('userData');
  }

  async corrections(): Promise<StanceCorrection[]> {
    return (await this.db.getAll('corrections')).map(fromStoredCorrection);
  }

  async putCorrection(correction: StanceCorrection): Promise<void> {
    await this.db.put('corrections', toStoredCorrection(correction));
  }

  async removeCorrection(positionId: string, ref: Reference | null): Promise<boolean> {
    const tx = this.db.transaction('corrections', 'readwrite');
    const key = correctionKey(positionId, ref);
    const found = (await tx.store.count(key)) > 0;
    if (found) await tx.store.delete(key);
    await tx.done;
    return found;
  }

  /** One transaction: replaced sources lose their old records first, so nothing stale is left behind. */
  async putUserBriefings(
    records: readonly UserBriefingRecord[],
    userData: readonly UserDataRecord[] = [],
    removeSources: readonly string[] = [],
    corrections: readonly StanceCorrection[] = [],
  ): Promise<StanceCorrection[]> {
    const tx = this.db.transaction(USER_WRITE_STORES, 'readwrite');
    let orphaned: StoredCorrection[] = [];
    await atomically(tx, async (writes) => {
      const incoming = new Set(records.map((record) => record.source));
      const replaced: UserBriefingRecord[] = [];
      for (const source of removeSources) {
        if (incoming.has(source)) continue; // replaced below
        const doomed = await tx.objectStore('userBriefings').get(source);
        if (!doomed) continue;
        replaced.push(doomed);
        await deleteUserRecords(tx, doomed, records);
        await tx.objectStore('userBriefings').delete(source);
      }
      for (const record of records) {
        const previous = await tx.objectStore('userBriefings').get(record.source);
        if (!previous) continue;
        replaced.push(previous);
        await deleteUserRecords(tx, previous, records);
      }
      orphaned = await deleteOrphanedCorrections(tx, replaced, records, corrections);
      const bills = tx.objectStore('bills');
      const existingBills = new Map((await bills.getAll()).map((bill) => [bill.id, bill] as const));
      const shipped = new Set([...existingBills.values()].filter((b) => b.origin === 'shipped').map((b) => b.id));
      const user = userRecordsToStore(records, shipped);
      for (const bill of user.bills) writes.push(bills.put(bill));
      for (const briefing of user.briefings) writes.push(tx.objectStore('briefings').put(briefing));
      for (const group of user.groups) writes.push(tx.objectStore('positionGroups').put(group));
      for (const record of records) writes.push(tx.objectStore('userBriefings').put(record));
      for (const record of userData) writes.push(tx.objectStore('userData').put(record));
      for (const correction of corrections)
        writes.push(tx.objectStore('corrections').put(toStoredCorrection(correction)));
      writes.push(bumpUserRevision(tx));
    });
    return orphaned.map(fromStoredCorrection);
  }

  async removeUserBriefing(source: string): Promise<RemovedSource> {
    const tx = this.db.transaction(USER_WRITE_STORES, 'readwrite');
    const record = await tx.objectStore('userBriefings').get(source);
    if (!record) {
      await tx.done;
      return { briefings: 0, corrections: 0, positions: [] };
    }
    await deleteUserRecords(tx, record, []);
    await tx.objectStore('userBriefings').delete(source);
    const going = await deleteOrphanedCorrections(tx, [record], [], []);
    await bumpUserRevision(tx);
    await tx.done;
    return {
      briefings: record.briefings.length,
      corrections: going.length,
      positions: record.positions.map((p) => p.id),
    };
  }

  async searchStamp(): Promise<string> {
    const tx = this.db.transaction('meta', 'readonly');
    const [dataset, revision] = await Promise.all([tx.store.get('dataset'), tx.store.get('userRevision'), tx.done]);
    const version = dataset && dataset.key === 'dataset' ? dataset.version : '';
    const count = revision && revision.key === 'userRevision' ? revision.revision : 0;
    return `${version}|${count}`;
  }

  async loadSearchIndex(): Promise<StoredSearchIndex | null> {
    const record = await this.db.get('searchIndex', 'positions');
    return record ? { stamp: record.stamp, json: record.json } : null;
  }

  async saveSearchIndex(index: StoredSearchIndex): Promise<void> {
    await this.db.put('searchIndex', { key: 'positions', ...index });
  }

  async counts() {
    const tx = this.db.transaction(['bills', 'briefings', 'positionGroups', 'userBriefings'], 'readonly');
    const [bills, briefings, groups, userBriefings] = await Promise.all([
      tx.objectStore('bills').count(),
      tx.objectStore('briefings').count(),
      tx.objectStore('positionGroups').getAll(),
      tx.objectStore('userBriefings').count(),
      tx.done,
    ]);
    const positions = groups.reduce((sum, group) => sum + group.positions.length, 0);
    return { bills, briefings, positions, userBriefings };
  }
}

function toStoredCorrection(correction: StanceCorrection): StoredCorrection {
  return { ...correction, key: correctionKey(correction.positionId, correction.ref) };
}

function fromStoredCorrection({ key: _key, ...correction }: StoredCorrection): StanceCorrection {
  return correction;
}

type UserWriteTx = IDBPTransaction<StoreSchema, StoreName[], 'readwrite'>;

/** Deletes a user briefing's records; its bill goes too when it is a user bill no other (remaining) source uses. */
async function deleteUserRecords(
  tx: UserWriteTx,
  record: UserBriefingRecord,
  incoming: readonly UserBriefingRecord[],
): Promise<void> {
  for (const briefing of record.briefings) await tx.objectStore('briefings').delete(briefing.id);
  const briefingIds = new Set([...record.briefings.map((b) => b.id), ...record.positions.map((p) => p.briefingId)]);
  for (const briefingId of briefingIds) await tx.objectStore('positionGroups').delete(briefingId);
  const bill: StoredBill | undefined = await tx.objectStore('bills').get(record.bill.id);
  if (bill?.origin !== 'user') return;
  const others: UserBriefingRecord[] = await tx.objectStore('userBriefings').getAll();
  const stillUsed = [...others, ...incoming].some((r) => r.source !== record.source && r.bill.id === record.bill.id);
  if (!stillUsed) await tx.objectStore('bills').delete(record.bill.id);
}

/**
 * Deletes the corrections that replacing (or removing) `replaced` by `incoming` leaves pointing at nothing
 * (./records.ts `correctionsOrphaned`), except those the same write puts again; returns them.
 */
async function deleteOrphanedCorrections(
  tx: UserWriteTx,
  replaced: readonly UserBriefingRecord[],
  incoming: readonly UserBriefingRecord[],
  putAgain: readonly StanceCorrection[],
): Promise<StoredCorrection[]> {
  if (replaced.length === 0) return [];
  const store = tx.objectStore('corrections');
  const deleted = correctionsOrphaned(await store.getAll(), replaced, incoming, putAgain);
  for (const correction of deleted) await store.delete(correction.key);
  return deleted;
}

async function bumpUserRevision(tx: UserWriteTx): Promise<void> {
  const meta = tx.objectStore('meta');
  const current = await meta.get('userRevision');
  const revision = current?.key === 'userRevision' ? current.revision : 0;
  const next: UserRevisionRecord = { key: 'userRevision', revision: revision + 1 };
  await meta.put(next);
  await tx.objectStore('searchIndex').clear();
}

/** A group holding positions on several of the wanted references is read once per reference: keep one. */
function uniqueGroups(lists: readonly PositionGroup[][]): PositionGroup[] {
  const seen = new Map<string, PositionGroup>();
  for (const group of lists.flat()) seen.set(group.briefingId, group);
  return [...seen.values()];
}

/**
 * Runs a transaction's writes. If anything throws before they are all queued (a record without a key, data that
 * cannot be cloned), aborts, so the writes already queued (the clears, the deletes) do not commit on their own.
 */
async function atomically(
  tx: { abort(): void; done: Promise<void> },
  queue: (writes: Promise<unknown>[]) => Promise<void>,
): Promise<void> {
  const writes: Promise<unknown>[] = [];
  try {
    await queue(writes);
  } catch (error) {
    try {
      tx.abort();
    } catch {} // a failed request may have ended the transaction already
    await Promise.allSettled([...writes, tx.done]);
    throw error;
  }
  await Promise.all([...writes, tx.done]);
}
