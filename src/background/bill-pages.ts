/**
 * The side panel's Bill view a page at a time (issue 10, finding 4: a briefing of 21,001 bullets once went to the panel
 * whole, 22 MB a view). The background keeps the bill's positions; a reply carries each briefing's first page (or the
 * window the panel asks for again after a reload), its total, and its stance grid row computed from all its positions.
 * Pure: the service hands in the bill's positions with the reader's corrections to apply.
 */
import { LIMITS } from '../limits';
import type { BriefingEntry, BriefingPositions, PositionWindow } from '../messaging';
import type { Briefing, Position, StanceCorrection } from '../model';
import { attachCorrections } from '../stance/corrections';
import { type StanceCell, stanceCells } from '../stance/grid';
import type { WholeBill } from '../store/bill-cache';
import { UserFacingError } from './errors';

type Corrections = ReadonlyMap<string, readonly StanceCorrection[]>;

/** `from`-`to` held within `0`-`total` and to at most `LIMITS.panelWindow` positions (the last of them if longer). */
export function clampWindow(total: number, from: number, to: number): { from: number; to: number } {
  const end = Math.min(Math.max(to, 0), total);
  const start = Math.min(Math.max(from, 0), end);
  return { from: Math.max(start, end - LIMITS.panelWindow), to: end };
}

/** The page of `LIMITS.panelPage` positions that holds position `index`. */
function pageHolding(index: number, total: number): { from: number; to: number } {
  const from = Math.floor(index / LIMITS.panelPage) * LIMITS.panelPage;
  return { from, to: Math.min(total, from + LIMITS.panelPage) };
}

/** Positions `from`-`to` of a briefing (its positions in its order), corrections attached. */
export function briefingPositions(
  briefingId: string,
  positions: readonly Position[],
  range: { from: number; to: number },
  corrections: Corrections,
): BriefingPositions {
  const { from, to } = clampWindow(positions.length, range.from, range.to);
  return {
    briefingId,
    total: positions.length,
    from,
    positions: attachCorrections(positions.slice(from, to), corrections),
  };
}

/**
 * The positions of one briefing a `briefingPositions` request asks for, from the bill's kept data: `from`-`to`, or the
 * page holding position `at`; refused when the bill has no such briefing, or the briefing no such position.
 */
export function positionsAsked(
  whole: WholeBill,
  { briefingId, from, to, at }: { briefingId: string; from?: number; to?: number; at?: string },
  corrections: Corrections,
): BriefingPositions {
  if (!whole.briefings.some((b) => b.id === briefingId)) {
    throw new UserFacingError(`no briefing "${briefingId}" in the dataset`);
  }
  const positions = whole.byBriefing.get(briefingId) ?? [];
  let range = { from: from ?? 0, to: to ?? 0 };
  if (at !== undefined) {
    const index = positions.findIndex((p) => p.id === at);
    if (index < 0) throw new UserFacingError(`no position "${at}" in the briefing "${briefingId}"`);
    range = pageHolding(index, positions.length);
  }
  return briefingPositions(briefingId, positions, range, corrections);
}

/**
 * The stance grid rows computed, kept until the briefing's positions or the reader's corrections change (issue 11: a
 * briefing of 21,001 bullets took 300 ms a request). Both are kept objects upstream, made anew when they change (the
 * service's bill data cache is emptied when data change, its corrections map when a correction does), so a row is
 * kept by those objects: nothing here is emptied by hand, and a row of data no longer held goes with it.
 */
export class StanceGridCache {
  private readonly rows = new WeakMap<readonly Position[], { corrections: Corrections; cells: StanceCell[] }>();

  /** The grid row of a briefing's positions (all of them, in its order) with these corrections applied. */
  cells(positions: readonly Position[], corrections: Corrections): StanceCell[] {
    const kept = this.rows.get(positions);
    if (kept?.corrections === corrections) return kept.cells;
    const cells = stanceCells(attachCorrections(positions, corrections));
    this.rows.set(positions, { corrections, cells });
    return cells;
  }
}

/**
 * One briefing as `briefingsForBill` sends it: the window asked for (else the first page) and its stance grid row
 * from every position (`grids`: where rows already computed are kept).
 */
export function briefingEntry(
  briefing: Briefing,
  positions: readonly Position[],
  window: Pick<PositionWindow, 'from' | 'to'> | undefined,
  corrections: Corrections,
  grids: StanceGridCache = new StanceGridCache(),
): BriefingEntry {
  return {
    briefing,
    ...briefingPositions(briefing.id, positions, window ?? { from: 0, to: LIMITS.panelPage }, corrections),
    cells: grids.cells(positions, corrections),
  };
}
