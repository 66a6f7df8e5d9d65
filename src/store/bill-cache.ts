/**
 * Whole-bill data kept between requests. A page scan sends its references a section at a time; a section with many
 * references reads the bill's whole data once, and the page's other sections (and later scans) filter it instead of
 * reading again. The side panel's Bill view reads it whole too (its stance grid is computed from every position, and it
 * is sent a page of positions at a time). Emptied whenever shipped or user data change.
 */
import type { Briefing, Position, Reference } from '../model';
import { refKey } from './schema';
import type { DataStore } from './types';

export type BillData = { briefings: Briefing[]; positions: Position[] };

/** A bill's data as it is kept: with each briefing's positions in the briefing's order (by line). */
export interface WholeBill extends BillData {
  byBriefing: ReadonlyMap<string, readonly Position[]>;
  byId: ReadonlyMap<string, Position>;
}

/** A lookup of more distinct references than this reads the bill's whole data once and keeps it. */
const WHOLE_BILL_READ_FROM = 24;
/** Bills kept (a page is about one bill; a few tabs about a few). */
const BILL_CACHE_SIZE = 4;

export class BillDataCache {
  private readonly bills = new Map<string, Promise<WholeBill>>();

  /** Few references: one index read per reference. Many: the bill's whole data, read once and kept. */
  async lookup(store: DataStore, billId: string, refs: readonly Reference[]): Promise<BillData> {
    if (!this.bills.has(billId) && refs.length <= WHOLE_BILL_READ_FROM) return store.lookupData(billId, refs);
    const whole = await this.whole(store, billId);
    const wanted = new Set(refs.map((ref) => refKey(billId, ref.kind, ref.number)));
    const positions = whole.positions.filter((p) => p.refs.some((r) => wanted.has(refKey(billId, r.kind, r.number))));
    return { briefings: whole.briefings, positions };
  }

  /** The bill's whole data, read once (requests at the same time share the read) and kept. */
  whole(store: DataStore, billId: string): Promise<WholeBill> {
    let kept = this.bills.get(billId);
    if (kept) {
      // Most recently used last: the oldest goes first when the cache is full.
      this.bills.delete(billId);
      this.bills.set(billId, kept);
      return kept;
    }
    kept = store.billData(billId).then(arrange);
    // A failed read is not kept: the next request reads again.
    kept.catch(() => this.bills.get(billId) === kept && this.bills.delete(billId));
    this.bills.set(billId, kept);
    if (this.bills.size > BILL_CACHE_SIZE) this.bills.delete(this.bills.keys().next().value as string);
    return kept;
  }

  /** The bill's whole data if it is kept (or being read), without reading it. */
  kept(billId: string): Promise<WholeBill> | null {
    return this.bills.get(billId) ?? null;
  }

  clear(): void {
    this.bills.clear();
  }
}

function arrange(data: BillData): WholeBill {
  const byBriefing = new Map<string, Position[]>();
  for (const position of data.positions) {
    const list = byBriefing.get(position.briefingId);
    if (list) list.push(position);
    else byBriefing.set(position.briefingId, [position]);
  }
  for (const list of byBriefing.values()) list.sort((a, b) => a.line - b.line);
  return { ...data, byBriefing, byId: new Map(data.positions.map((p) => [p.id, p])) };
}
