/**
 * Whole-bill data kept between lookups. A page scan sends its references a section at a time; a section with many
 * references reads the bill's whole data once, and the page's other sections (and later scans) filter it instead of
 * reading again. Emptied whenever shipped or user data change.
 */
import type { Briefing, Position, Reference } from '../model';
import { refKey } from './schema';
import type { DataStore } from './types';

export type BillData = { briefings: Briefing[]; positions: Position[] };

/** A lookup of more distinct references than this reads the bill's whole data once and keeps it. */
const WHOLE_BILL_READ_FROM = 24;
/** Bills kept (a page is about one bill; a few tabs about a few). */
const BILL_CACHE_SIZE = 4;

export class BillDataCache {
  private readonly bills = new Map<string, BillData>();

  /** Few references: one index read per reference. Many: the bill's whole data, read once and kept. */
  async lookup(store: DataStore, billId: string, refs: readonly Reference[]): Promise<BillData> {
    let whole = this.bills.get(billId);
    if (!whole && refs.length <= WHOLE_BILL_READ_FROM) return store.lookupData(billId, refs);
    if (!whole) {
      whole = await store.billData(billId);
      this.bills.set(billId, whole);
      if (this.bills.size > BILL_CACHE_SIZE) this.bills.delete(this.bills.keys().next().value as string);
    }
    const wanted = new Set(refs.map((ref) => refKey(billId, ref.kind, ref.number)));
    const positions = whole.positions.filter((p) => p.refs.some((r) => wanted.has(refKey(billId, r.kind, r.number))));
    return { briefings: whole.briefings, positions };
  }

  clear(): void {
    this.bills.clear();
  }
}
