/** Turning model records into stored ones and back, and placing a user's compiled briefing next to shipped data. */
import type { BillRecord, Briefing, Position } from '../model';
import { groupPositions, type PositionGroup, type StoredBill, type UserBriefingRecord } from './schema';

export const USER_ID_PREFIX = 'user:';

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
): { bills: StoredBill[]; briefings: Briefing[]; positions: Position[]; groups: PositionGroup[] } {
  const bills = new Map<string, StoredBill>();
  const briefings: Briefing[] = [];
  const positions: Position[] = [];
  for (const record of records) {
    if (!shippedBillIds.has(record.bill.id)) bills.set(record.bill.id, { ...record.bill, origin: 'user' });
    briefings.push(...record.briefings);
    positions.push(...record.positions);
  }
  return { bills: [...bills.values()], briefings, positions, groups: groupPositions(positions, 'user') };
}
