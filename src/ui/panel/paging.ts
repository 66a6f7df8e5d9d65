/**
 * The Bill view's paging: the background sends each briefing's first page of positions (src/background/bill-pages.ts);
 * this asks for the page after or before those shown, or the page holding a position a chip, a popover or a search
 * result points at, and puts it in place (`placePage`). Which positions each briefing shows is what a reload asks for
 * again (`windowsToKeep`), so a reader who opened more finds them still open.
 */
import { billIdOfBriefing } from '../../ids';
import { LIMITS } from '../../limits';
import type { BackgroundRequest, BillBriefings, BriefingPositions, PositionWindow, ResponseFor } from '../../messaging';
import { nextRange, placePage, windowOf } from './bill-model';

export type Ask = <R extends BackgroundRequest>(request: R) => Promise<ResponseFor<R>>;

export interface BillPaging {
  /** Shows the page after (or before) a briefing's positions shown. */
  more(briefingId: string, where: 'before' | 'after'): Promise<void>;
  /** Makes sure a position is among those shown, loading the page that holds it when it is not. */
  show(briefingId: string, positionId: string): Promise<void>;
}

/**
 * Paging over the data held by the caller (`get`/`update`, the view's state): each answer is put in place with the
 * data as it is when it arrives.
 */
export function billPaging(
  ask: Ask,
  get: () => BillBriefings | null,
  update: (change: (data: BillBriefings) => BillBriefings) => void,
): BillPaging {
  const entryOf = (briefingId: string) => get()?.briefings.find((b) => b.briefingId === briefingId) ?? null;
  const place = (page: BriefingPositions, how: 'before' | 'after' | 'jump') =>
    update((data) => ({ ...data, briefings: data.briefings.map((entry) => placePage(entry, page, how)) }));
  return {
    async more(briefingId, where) {
      const entry = entryOf(briefingId);
      const range = entry && nextRange(entry, where);
      if (!range) return;
      place(await ask({ type: 'briefingPositions', briefingId, ...range }), where);
    },
    async show(briefingId, positionId) {
      const entry = entryOf(briefingId);
      if (!entry || entry.positions.some((p) => p.id === positionId)) return;
      place(await ask({ type: 'briefingPositions', briefingId, at: positionId }), 'jump');
    },
  };
}

/** Windows kept between panel loads: the most recently changed briefings' (older ones are let go). */
const KEPT_WINDOWS = 50;

/**
 * The windows to keep after a bill's data changed: its briefings' that are not the first page (the default), with
 * those of other bills kept as they were.
 */
export function windowsToKeep(kept: readonly PositionWindow[], data: BillBriefings): PositionWindow[] {
  const mine = new Set(data.briefings.map((b) => b.briefingId));
  const others = kept.filter((w) => !mine.has(w.briefingId) && billIdOfBriefing(w.briefingId) !== data.bill.id);
  const opened = data.briefings.flatMap((entry) => {
    const { from, to } = windowOf(entry);
    const first = Math.min(entry.total, LIMITS.panelPage);
    return from === 0 && to <= first ? [] : [{ briefingId: entry.briefingId, from, to }];
  });
  return [...others, ...opened].slice(-KEPT_WINDOWS);
}

/** The kept windows of one bill's briefings, to ask `briefingsForBill` for. */
export function windowsOfBill(kept: readonly PositionWindow[], billId: string): PositionWindow[] {
  return kept.filter((w) => billIdOfBriefing(w.briefingId) === billId).slice(-LIMITS.panelWindows);
}
