/** Turning model records into stored ones and back, and placing a user's compiled briefing next to shipped data. */
import type { BillRecord, Briefing, Position } from '../model';
import { refKey, type StoredBill, type StoredPosition, type UserBriefingRecord } from './schema';

export const USER_ID_PREFIX = 'user:';

export function toStoredPosition(position: Position, origin: StoredPosition['origin']): StoredPosition {
  const keys = new Set(position.refs.map((ref) => refKey(position.billId, ref.kind, ref.number)));
  return { ...position, refKeys: [...keys], origin };
}

export function fromStoredPosition(stored: StoredPosition): Position {
  const { refKeys: _refKeys, origin: _origin, ...position } = stored;
  return position;
}

export function fromStoredBill(stored: StoredBill): BillRecord {
  const { origin: _origin, ...bill } = stored;
  return bill;
}

/**
 * A user's compiled briefing, made safe to store beside shipped data: ids get the `user:` prefix (a user may add a
 * file named like a shipped one) and every briefing is marked `userAdded`.
 */
export function namespaceUserRecords(
  briefings: readonly Briefing[],
  positions: readonly Position[],
): { briefings: Briefing[]; positions: Position[] } {
  const prefix = (id: string) => (id.startsWith(USER_ID_PREFIX) ? id : `${USER_ID_PREFIX}${id}`);
  return {
    briefings: briefings.map((briefing) => ({ ...briefing, id: prefix(briefing.id), userAdded: true })),
    positions: positions.map((position) => ({
      ...position,
      id: prefix(position.id),
      briefingId: prefix(position.briefingId),
    })),
  };
}

/** The stored records of user briefings, to write next to a dataset; a shipped bill wins over a user one. */
export function userRecordsToStore(
  records: readonly UserBriefingRecord[],
  shippedBillIds: ReadonlySet<string>,
): { bills: StoredBill[]; briefings: Briefing[]; positions: StoredPosition[] } {
  const bills = new Map<string, StoredBill>();
  const briefings: Briefing[] = [];
  const positions: StoredPosition[] = [];
  for (const record of records) {
    if (!shippedBillIds.has(record.bill.id)) bills.set(record.bill.id, { ...record.bill, origin: 'user' });
    briefings.push(...record.briefings);
    positions.push(...record.positions.map((position) => toStoredPosition(position, 'user')));
  }
  return { bills: [...bills.values()], briefings, positions };
}
