/**
 * Positions asked for by id (the panel's On this page, search hits), each with its briefing. Its own part beside
 * ./bill-cache.ts because it chooses between the two places a position is read from: a bill's data kept there, when
 * the Bill view or a page's lookup keeps it, else storage by briefing (a search hit or a page's position in a small
 * briefing does not read a bill's briefing of thousands of positions).
 */
import { billIdOfBriefing, briefingIdOfPosition } from '../ids';
import type { Briefing, Position } from '../model';
import type { BillDataCache, WholeBill } from './bill-cache';
import type { DataStore } from './types';

/** Positions by id, with their briefings, in the order of `ids`; unknown ids are left out. */
export async function positionsWithBriefings(
  store: DataStore,
  billData: BillDataCache,
  ids: readonly string[],
): Promise<Array<{ position: Position; briefing: Briefing }>> {
  const billOf = (id: string) => billIdOfBriefing(briefingIdOfPosition(id));
  const kept = new Map<string, WholeBill>();
  for (const billId of new Set(ids.map(billOf))) {
    // A kept read that failed is read from storage below instead.
    const whole = await billData.kept(billId)?.catch(() => null);
    if (whole) kept.set(billId, whole);
  }
  const rest = ids.filter((id) => !kept.has(billOf(id)));
  const read = new Map((rest.length ? await store.positionsByIds(rest) : []).map((p) => [p.id, p]));
  const briefingIds = [...new Set([...read.values()].map((p) => p.briefingId))];
  const briefings = new Map((briefingIds.length ? await store.briefingsByIds(briefingIds) : []).map((b) => [b.id, b]));
  return ids.flatMap((id) => {
    const whole = kept.get(billOf(id));
    const position = whole ? whole.byId.get(id) : read.get(id);
    const briefing =
      position &&
      (whole ? whole.briefings.find((b) => b.id === position.briefingId) : briefings.get(position.briefingId));
    return position && briefing ? [{ position, briefing }] : [];
  });
}
