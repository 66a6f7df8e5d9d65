/**
 * The "Bill" tab's data, shaped for reading: whether a briefing's numbering is the page's print, the stance picture
 * (provisions by stance, briefing by briefing, as the background computed it), and which of a briefing's positions are
 * shown (a page at a time: the background sends them so). Pure.
 */

import { LIMITS } from '../../limits';
import { printEpoch, sameStage } from '../../matching';
import type { BillBriefings, BriefingPositions } from '../../messaging';
import type { Briefing, House, PageContext, Reference, Stance } from '../../model';
import { STANCES } from '../../model';
import type { StanceCell } from '../../stance/grid';
import { briefingLabel, houseStageLabel, KIND_SHORT } from '../../vocabulary';

/**
 * A note where a briefing's numbering may not be the page's: `null` when it is the same print (or nothing is known
 * of the page). Clause numbers hold within a print; amendment numbers hold only at the same House and stage.
 */
export function numberingNote(
  briefing: Pick<Briefing, 'house' | 'stage' | 'stageDetail' | 'dates' | 'heading'>,
  /** The provisions the briefing names (its stance grid chips: every provision of every position, not one page's). */
  named: ReadonlyArray<Pick<Reference, 'kind'>>,
  page: PageContext | null,
  originatingHouse: House | null,
): string | null {
  if (!page?.house || !page.stage) return null;
  const pageWhere = houseStageLabel(page.house, page.stage);
  // src/matching's print epochs: the same rule the popover's "applies / other print" uses.
  const bill = { originatingHouse };
  const briefingEpoch = printEpoch(bill, briefing.house, briefing.stage).index;
  const pageEpoch = printEpoch(bill, page.house, page.stage).index;
  const names = (kinds: ReadonlyArray<Reference['kind']>) => named.some((r) => kinds.includes(r.kind));
  const label = briefingLabel(briefing);
  if (briefingEpoch === null || pageEpoch === null) {
    return `This briefing's stage is not known, so its numbering may differ from this page's (${pageWhere}).`;
  }
  if (briefingEpoch !== pageEpoch && names(['clause', 'schedule', 'part', 'chapter', 'new-clause', 'amendment'])) {
    return `Numbered for ${label}: this page is ${pageWhere}, a different print of the bill, so clause and amendment numbers may differ.`;
  }
  // Amendment numbers run through one stage's days, and Commons report and third reading share one paper.
  if (!sameStage(page.house, page.stage, briefing) && names(['amendment', 'new-clause', 'new-schedule'])) {
    return `Amendment numbers are for ${label}: this page is ${pageWhere}, where amendments are numbered afresh.`;
  }
  return null;
}

export interface StanceRow {
  briefing: Briefing;
  /** The briefing's chips, as the background computed them from all its positions (src/stance/grid.ts). */
  cells: StanceCell[];
  counts: Record<Stance, number>;
}

/** The stance picture: rows in the order given (parliamentary order), the chips the background sent, counted by stance. */
export function stanceRows(data: BillBriefings): StanceRow[] {
  return data.briefings.map(({ briefing, cells }) => {
    const counts = Object.fromEntries(STANCES.map((s) => [s, 0])) as Record<Stance, number>;
    for (const cell of cells) counts[cell.stance] += 1;
    return { briefing, cells, counts };
  });
}

/** `Cl 8`, `Am 61`: the picture's compact label (the full words are given alongside for screen readers). */
export function shortReference(ref: Reference): string {
  return `${KIND_SHORT[ref.kind]} ${ref.number}`;
}

/** The positions a briefing entry holds: `from` to `to` (exclusive), in the briefing's order. */
export function windowOf(entry: BriefingPositions): { from: number; to: number } {
  return { from: entry.from, to: entry.from + entry.positions.length };
}

/** Which positions to ask for next: the page after those shown, or the page before; null when there are none. */
export function nextRange(entry: BriefingPositions, where: 'before' | 'after'): { from: number; to: number } | null {
  const { from, to } = windowOf(entry);
  if (where === 'after')
    return to < entry.total ? { from: to, to: Math.min(entry.total, to + LIMITS.panelPage) } : null;
  return from > 0 ? { from: Math.max(0, from - LIMITS.panelPage), to: from } : null;
}

/**
 * A briefing's positions after a page arrives: added after or before those shown (the far end let go past
 * `LIMITS.panelWindow`, so the panel never holds more than that of one briefing), or in their place (`jump`: the page
 * holding a position asked for that was not shown).
 */
export function placePage<E extends BriefingPositions>(
  entry: E,
  page: BriefingPositions,
  how: 'before' | 'after' | 'jump',
): E {
  if (page.briefingId !== entry.briefingId) return entry;
  const shown = windowOf(entry);
  const joins =
    how === 'after'
      ? page.from === shown.to
      : how === 'before'
        ? page.from + page.positions.length === shown.from
        : false;
  if (!joins) return { ...entry, total: page.total, from: page.from, positions: page.positions };
  if (how === 'after') {
    const positions = [...entry.positions, ...page.positions];
    const drop = Math.max(0, positions.length - LIMITS.panelWindow);
    return { ...entry, total: page.total, from: entry.from + drop, positions: positions.slice(drop) };
  }
  const positions = [...page.positions, ...entry.positions].slice(0, LIMITS.panelWindow);
  return { ...entry, total: page.total, from: page.from, positions };
}

/** `Showing 200 of 21,001 positions.`, or where the first shown is not the first: `Showing positions 201–400 of 21,001.` */
export function showingLabel(entry: BriefingPositions): string {
  const { from, to } = windowOf(entry);
  const n = (x: number) => x.toLocaleString('en-GB');
  if (from === 0) return `Showing ${n(to)} of ${n(entry.total)} positions.`;
  return `Showing positions ${n(from + 1)}–${n(to)} of ${n(entry.total)}.`;
}
