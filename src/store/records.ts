/** Turning model records into stored ones and back, and placing a user's compiled briefing next to shipped data. */

import { briefingIdOfPosition, userId } from '../ids';
import type { BillRecord, Briefing, Position, StanceCorrection } from '../model';
import { correctionKey } from '../stance/corrections';
import { groupPositions, type PositionGroup, type StoredBill, type UserBriefingRecord } from './schema';

/**
 * A position as read from storage, with the stance fields added after it was written filled in: a user briefing
 * compiled by an older version (or a database not yet reseeded) has no `decidedBy` (read as `[]`) or `caveat`
 * (read as null). Records that have them are returned as they are.
 */
export function withStanceFields(position: Position): Position {
  const refsComplete = position.refs.every((ref) => Array.isArray(ref.decidedBy));
  if (refsComplete && Array.isArray(position.decidedBy) && position.caveat !== undefined) return position;
  return {
    ...position,
    refs: position.refs.map((ref) => (Array.isArray(ref.decidedBy) ? ref : { ...ref, decidedBy: [] })),
    decidedBy: Array.isArray(position.decidedBy) ? position.decidedBy : [],
    caveat: position.caveat ?? null,
  };
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
  addedFrom: string | null = null,
): { briefings: Briefing[]; positions: Position[] } {
  return {
    briefings: briefings.map((briefing) => ({
      ...briefing,
      id: userId(briefing.id),
      userAdded: true,
      ...(addedFrom ? { addedFrom } : {}),
    })),
    positions: positions.map((position) => ({
      ...position,
      id: userId(position.id),
      briefingId: userId(position.briefingId),
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
    positions.push(...record.positions.map(withStanceFields));
  }
  return { bills: [...bills.values()], briefings, positions, groups: groupPositions(positions, 'user') };
}

/** Whether a correction is of a position of this user briefing (removed with it: nothing could show or undo it after). */
export function correctsRecord(correction: StanceCorrection, record: UserBriefingRecord): boolean {
  const briefingId = briefingIdOfPosition(correction.positionId);
  return record.briefings.some((b) => b.id === briefingId);
}

/**
 * The reader's corrections that replacing `replaced` by `incoming` leaves pointing at nothing: corrections of a
 * replaced briefing's positions whose position (by its id, the stable key a correction is stored under) is not in the
 * new version with the words it was corrected on. A correction applies only while the position's text is the one it
 * was made on (src/stance/shown.ts), so one left behind could neither be shown nor undone: it goes in the same write,
 * as removing a briefing takes its corrections. Those the new version still holds are kept, and so are those the same
 * write puts again (`putAgain`: an imported file's own corrections).
 */
export function correctionsOrphaned<C extends StanceCorrection>(
  corrections: readonly C[],
  replaced: readonly UserBriefingRecord[],
  incoming: readonly UserBriefingRecord[],
  putAgain: readonly StanceCorrection[] = [],
): C[] {
  if (corrections.length === 0 || replaced.length === 0) return [];
  const kept = new Map(incoming.flatMap((record) => record.positions.map((p) => [p.id, p.text] as const)));
  const again = new Set(putAgain.map((c) => correctionKey(c.positionId, c.ref)));
  return corrections.filter(
    (c) =>
      replaced.some((record) => correctsRecord(c, record)) &&
      kept.get(c.positionId) !== c.text &&
      !again.has(correctionKey(c.positionId, c.ref)),
  );
}
