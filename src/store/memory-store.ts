/**
 * The bundled dataset served from memory, for browsers where IndexedDB cannot be opened (private modes, blocked
 * storage). It answers like `IdbStore`; user briefings added here last until the background stops, and the UI is
 * told so through `problem`.
 */
import type { BillRecord, Briefing, Dataset, Position, Reference, StanceCorrection } from '../model';
import { correctionKey } from '../stance/corrections';
import { fromStoredBill, userRecordsToStore } from './records';
import { refKey, type StoredBill, type UserBriefingRecord, type UserDataRecord } from './schema';
import type { DataStore, DatasetMeta, SeedOutcome, StoredSearchIndex } from './types';

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

  constructor(readonly problem: string) {}

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
    this.corrections_.set(correctionKey(correction.positionId, correction.ref), correction);
  }

  async removeCorrection(positionId: string, ref: Reference | null): Promise<boolean> {
    return this.corrections_.delete(correctionKey(positionId, ref));
  }

  async putUserBriefings(
    records: readonly UserBriefingRecord[],
    userData: readonly UserDataRecord[] = [],
    removeSources: readonly string[] = [],
    corrections: readonly StanceCorrection[] = [],
  ) {
    for (const source of removeSources) this.user.delete(source);
    for (const record of records) this.user.set(record.source, record);
    for (const record of userData) this.userData_.set(record.key, record);
    for (const c of corrections) this.corrections_.set(correctionKey(c.positionId, c.ref), c);
    this.userChanged();
  }

  async removeUserBriefing(source: string): Promise<number> {
    const record = this.user.get(source);
    if (!record) return 0;
    this.user.delete(source);
    this.userChanged();
    return record.briefings.length;
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
