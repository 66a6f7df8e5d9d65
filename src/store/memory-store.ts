/**
 * The bundled dataset served from memory, for browsers where IndexedDB cannot be opened (private modes, blocked
 * storage, a database left by a newer version). It answers like `IdbStore`. What the reader adds (briefings, their
 * user data, stance corrections) is written to a keeper (./kept.ts: the extension's `storage.local`) before a change
 * is made, and read back when a restarted background opens the store, so it lasts; without a keeper it lasts until
 * the background stops, and `problem` says so in plain words before anything is saved.
 */
import type { BillRecord, Briefing, Dataset, Position, Reference, StanceCorrection } from '../model';
import { correctionKey } from '../stance/corrections';
import { keptData, readKept, type UserDataKeeper } from './kept';
import { describeError } from './open';
import { correctionsOrphaned, fromStoredBill, userRecordsToStore } from './records';
import { refKey, type StoredBill, type UserBriefingRecord, type UserDataRecord } from './schema';
import type { DataStore, DatasetMeta, RemovedSource, SeedOutcome, StoredSearchIndex } from './types';

export class MemoryStore implements DataStore {
  readonly mode = 'memory' as const;
  private dataset: Dataset | null = null;
  private seededAt = '';
  private bills_ = new Map<string, StoredBill>();
  private briefings_ = new Map<string, Briefing>();
  private positions_ = new Map<string, Position>();
  private user = new Map<string, UserBriefingRecord>();
  private userData_ = new Map<string, UserDataRecord>();
  private corrections_ = new Map<string, StanceCorrection>();
  private revision = 0;
  private searchIndex: StoredSearchIndex | null = null;
  /** Changes to the reader's data, one after another (each is kept before the next reads the state). */
  private writing: Promise<unknown> = Promise.resolve();

  /**
   * `problem`: the whole story for the reader (see `MemoryStore.open`, which also says whether what they add lasts);
   * `keeper`: where their data is kept between backgrounds, or null when it is not kept.
   */
  constructor(
    readonly problem: string,
    private readonly keeper: UserDataKeeper | null = null,
  ) {}

  /** Whether what the reader adds outlives this background. */
  get keepsUserData(): boolean {
    return this.keeper !== null;
  }

  /**
   * The memory store for `reason` (why IndexedDB is not used), with the reader's data read back from `keeper`. A
   * keeper that cannot be read, or holds data in a form this version does not read, is left alone (never overwritten)
   * and what is added lasts only as long as the background: the problem says so.
   */
  static async open(reason: string, keeper: UserDataKeeper | null): Promise<MemoryStore> {
    const served = `${reason} The LGA positions are served from memory`;
    let notKept = keeper ? null : 'there is nowhere else to keep it';
    let kept = null;
    if (keeper) {
      try {
        const read = readKept(await keeper.load());
        kept = read.data;
        if (read.problem) notKept = `${keeper.where}: ${read.problem}`;
      } catch (error) {
        notKept = `${keeper.where} could not be read (${describeError(error)})`;
      }
    }
    if (notKept || !keeper) {
      return new MemoryStore(
        `${served}, and what you add (briefings, stance corrections) lasts only until the browser stops the extension's background, which it may do after a minute unused: ${notKept}.`,
        null,
      );
    }
    const store = new MemoryStore(
      `${served}; what you add (briefings, stance corrections) is kept in ${keeper.where} instead, so it lasts.`,
      keeper,
    );
    if (kept) {
      for (const record of kept.briefings) store.user.set(record.source, record);
      for (const record of kept.userData) store.userData_.set(record.key, record);
      for (const c of kept.corrections) store.corrections_.set(correctionKey(c.positionId, c.ref), c);
      store.userChanged();
    }
    return store;
  }

  async meta(): Promise<DatasetMeta | null> {
    if (!this.dataset) return null;
    const { version, builtAt, bills, briefings, positions } = this.dataset;
    return {
      version,
      builtAt,
      seededAt: this.seededAt,
      counts: { bills: bills.length, briefings: briefings.length, positions: positions.length },
    };
  }

  async seed(dataset: Dataset): Promise<SeedOutcome> {
    if (this.dataset?.version === dataset.version) return { seeded: false, version: dataset.version };
    this.dataset = dataset;
    this.seededAt = new Date().toISOString();
    this.searchIndex = null;
    this.rebuild();
    return { seeded: true, version: dataset.version };
  }

  /** Shipped records, then the user's, as IdbStore lays them out. */
  private rebuild(): void {
    const dataset = this.dataset;
    this.bills_.clear();
    this.briefings_.clear();
    this.positions_.clear();
    for (const bill of dataset?.bills ?? []) this.bills_.set(bill.id, { ...bill, origin: 'shipped' });
    for (const briefing of dataset?.briefings ?? []) this.briefings_.set(briefing.id, briefing);
    for (const position of dataset?.positions ?? []) this.positions_.set(position.id, position);
    const user = userRecordsToStore([...this.user.values()], new Set(dataset?.bills.map((bill) => bill.id)));
    for (const bill of user.bills) this.bills_.set(bill.id, bill);
    for (const briefing of user.briefings) this.briefings_.set(briefing.id, briefing);
    for (const position of user.positions) this.positions_.set(position.id, position);
  }

  async bills(): Promise<BillRecord[]> {
    return [...this.bills_.values()].map(fromStoredBill);
  }

  async bill(id: string): Promise<BillRecord | null> {
    const bill = this.bills_.get(id);
    return bill ? fromStoredBill(bill) : null;
  }

  async lookupData(billId: string, refs: readonly Reference[]) {
    const wanted = new Set(refs.map((ref) => refKey(billId, ref.kind, ref.number)));
    const { briefings, positions } = await this.billData(billId);
    const matching = positions.filter((p) => p.refs.some((r) => wanted.has(refKey(p.billId, r.kind, r.number))));
    return { briefings, positions: matching };
  }

  async billData(billId: string) {
    return {
      briefings: [...this.briefings_.values()].filter((briefing) => briefing.billId === billId),
      positions: [...this.positions_.values()].filter((p) => p.billId === billId),
    };
  }

  async everything() {
    return {
      bills: await this.bills(),
      briefings: [...this.briefings_.values()],
      positions: [...this.positions_.values()],
    };
  }

  async positionsByIds(ids: readonly string[]): Promise<Position[]> {
    return ids.flatMap((id) => {
      const position = this.positions_.get(id);
      return position ? [position] : [];
    });
  }

  async briefingsByIds(ids: readonly string[]): Promise<Briefing[]> {
    return ids.flatMap((id) => this.briefings_.get(id) ?? []);
  }

  async userBriefings(): Promise<UserBriefingRecord[]> {
    return [...this.user.values()];
  }

  async userData(): Promise<UserDataRecord[]> {
    return [...this.userData_.values()];
  }

  async corrections(): Promise<StanceCorrection[]> {
    return [...this.corrections_.values()];
  }

  async putCorrection(correction: StanceCorrection): Promise<void> {
    await this.changeUserData(({ corrections }) => {
      corrections.set(correctionKey(correction.positionId, correction.ref), correction);
    });
  }

  async removeCorrection(positionId: string, ref: Reference | null): Promise<boolean> {
    if (!this.corrections_.has(correctionKey(positionId, ref))) return false;
    return this.changeUserData(({ corrections }) => corrections.delete(correctionKey(positionId, ref)));
  }

  async putUserBriefings(
    records: readonly UserBriefingRecord[],
    userData: readonly UserDataRecord[] = [],
    removeSources: readonly string[] = [],
    corrections: readonly StanceCorrection[] = [],
  ): Promise<StanceCorrection[]> {
    const orphaned = await this.changeUserData((next) => {
      const sources = new Set([...removeSources, ...records.map((record) => record.source)]);
      const replaced = [...sources].flatMap((source) => next.user.get(source) ?? []);
      const going = orphanedKeys(next.corrections, replaced, records, corrections);
      for (const key of going) next.corrections.delete(key);
      for (const source of removeSources) next.user.delete(source);
      for (const record of records) next.user.set(record.source, record);
      for (const record of userData) next.userData.set(record.key, record);
      for (const c of corrections) next.corrections.set(correctionKey(c.positionId, c.ref), c);
      return going.map((key) => this.corrections_.get(key) as StanceCorrection);
    });
    this.userChanged();
    return orphaned;
  }

  async removeUserBriefing(source: string): Promise<RemovedSource> {
    const record = this.user.get(source);
    if (!record) return { briefings: 0, corrections: 0, positions: [] };
    const going = orphanedKeys(this.corrections_, [record], [], []);
    await this.changeUserData(({ user, corrections }) => {
      user.delete(source);
      for (const key of going) corrections.delete(key);
    });
    this.userChanged();
    return {
      briefings: record.briefings.length,
      corrections: going.length,
      positions: record.positions.map((p) => p.id),
    };
  }

  /**
   * Makes a change to the reader's data on copies, keeps the result (when there is a keeper), and only then makes it
   * the store's: a change that cannot be kept is not made, and the error says so.
   */
  private changeUserData<T>(
    edit: (next: {
      user: Map<string, UserBriefingRecord>;
      userData: Map<string, UserDataRecord>;
      corrections: Map<string, StanceCorrection>;
    }) => T,
  ): Promise<T> {
    const run = async () => {
      const next = {
        user: new Map(this.user),
        userData: new Map(this.userData_),
        corrections: new Map(this.corrections_),
      };
      const result = edit(next);
      if (this.keeper) {
        try {
          await this.keeper.save(keptData(next.user.values(), next.userData.values(), next.corrections.values()));
        } catch (error) {
          throw new Error(
            `it could not be kept in ${this.keeper.where} (${describeError(error)}), so nothing was changed`,
          );
        }
      }
      this.user = next.user;
      this.userData_ = next.userData;
      this.corrections_ = next.corrections;
      return result;
    };
    const done = this.writing.then(run, run);
    this.writing = done.catch(() => undefined);
    return done;
  }

  private userChanged(): void {
    this.revision++;
    this.searchIndex = null;
    this.rebuild();
  }

  async searchStamp(): Promise<string> {
    return `${this.dataset?.version ?? ''}|${this.revision}`;
  }

  async loadSearchIndex(): Promise<StoredSearchIndex | null> {
    return this.searchIndex;
  }

  async saveSearchIndex(index: StoredSearchIndex): Promise<void> {
    this.searchIndex = index;
  }

  async counts() {
    return {
      bills: this.bills_.size,
      briefings: this.briefings_.size,
      positions: this.positions_.size,
      userBriefings: this.user.size,
    };
  }
}

/** The keys of the corrections replacing `replaced` by `incoming` orphans (./records.ts), but for those put again. */
function orphanedKeys(
  corrections: ReadonlyMap<string, StanceCorrection>,
  replaced: readonly UserBriefingRecord[],
  incoming: readonly UserBriefingRecord[],
  putAgain: readonly StanceCorrection[],
): string[] {
  return correctionsOrphaned([...corrections.values()], replaced, incoming, putAgain).map((c) =>
    correctionKey(c.positionId, c.ref),
  );
}
