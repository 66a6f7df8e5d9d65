/**
 * The "Bill" tab's data, shaped for reading: whether a briefing's numbering is the page's print, and the stance
 * picture (provisions by stance, briefing by briefing). Pure.
 */

import { printEpoch, sameStage } from '../../matching';
import type { BillBriefings } from '../../messaging';
import type { Briefing, House, PageContext, Position, Reference, Stance } from '../../model';
import { REFERENCE_KINDS, STANCES } from '../../model';
import { stanceForProvision } from '../../stance/shown';
import { briefingLabel, houseStageLabel, numberKey, referenceKey } from '../../vocabulary';

/**
 * A note where a briefing's numbering may not be the page's: `null` when it is the same print (or nothing is known
 * of the page). Clause numbers hold within a print; amendment numbers hold only at the same House and stage.
 */
export function numberingNote(
  briefing: Pick<Briefing, 'house' | 'stage' | 'stageDetail' | 'dates' | 'heading'>,
  positions: readonly Position[],
  page: PageContext | null,
  originatingHouse: House | null,
): string | null {
  if (!page?.house || !page.stage) return null;
  const pageWhere = houseStageLabel(page.house, page.stage);
  // src/matching's print epochs: the same rule the popover's "applies / other print" uses.
  const bill = { originatingHouse };
  const briefingEpoch = printEpoch(bill, briefing.house, briefing.stage).index;
  const pageEpoch = printEpoch(bill, page.house, page.stage).index;
  const names = (kinds: ReadonlyArray<Reference['kind']>) =>
    positions.some((p) => p.refs.some((r) => kinds.includes(r.kind)));
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

export interface StanceCell extends Reference {
  key: string;
  stance: Stance;
  /** The position the chip stands for (the first, where several give the provision the same stance). */
  positionId: string;
  corrected: boolean;
}

export interface StanceRow {
  briefing: Briefing;
  /**
   * One chip per provision and stance the briefing gives it (a briefing that is concerned about clause 32 in one
   * bullet and opposes it in another shows both), in the order of the bill: by kind, then by number.
   */
  cells: StanceCell[];
  counts: Record<Stance, number>;
}

/** `7` < `7A` < `12` < `172A`: number first, then the letters. */
function compareNumbers(a: string, b: string): number {
  const na = Number.parseInt(a, 10);
  const nb = Number.parseInt(b, 10);
  if (na !== nb) return (Number.isNaN(na) ? Infinity : na) - (Number.isNaN(nb) ? Infinity : nb);
  const [ka, kb] = [numberKey(a), numberKey(b)];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Provisions in the bill's order: kinds as the model lists them (clauses, new clauses, amendments, schedules…), then number. */
export function compareProvisions(a: Reference, b: Reference): number {
  return REFERENCE_KINDS.indexOf(a.kind) - REFERENCE_KINDS.indexOf(b.kind) || compareNumbers(a.number, b.number);
}

/** The stance picture: rows in the order given (parliamentary order), chips per provision and shown stance. */
export function stanceRows(data: BillBriefings): StanceRow[] {
  return data.briefings.map(({ briefing, positions }) => {
    const cells = new Map<string, StanceCell>();
    for (const position of positions) {
      for (const ref of position.refs) {
        const shown = stanceForProvision(position, ref);
        const key = `${referenceKey(ref)}|${shown.stance}`;
        const cell = cells.get(key);
        if (cell) cell.corrected ||= shown.corrected !== null;
        else
          cells.set(key, {
            key,
            kind: ref.kind,
            number: ref.number,
            stance: shown.stance,
            positionId: position.id,
            corrected: shown.corrected !== null,
          });
      }
    }
    const sorted = [...cells.values()].sort(
      (a, b) => compareProvisions(a, b) || STANCES.indexOf(a.stance) - STANCES.indexOf(b.stance),
    );
    const counts = Object.fromEntries(STANCES.map((s) => [s, 0])) as Record<Stance, number>;
    for (const cell of sorted) counts[cell.stance] += 1;
    return { briefing, cells: sorted, counts };
  });
}

const SHORT_KIND: Record<Reference['kind'], string> = {
  clause: 'Cl',
  'new-clause': 'NC',
  amendment: 'Am',
  schedule: 'Sch',
  'new-schedule': 'NS',
  part: 'Pt',
  chapter: 'Ch',
};

/** `Cl 8`, `Am 61`: the picture's compact label (the full words are given alongside for screen readers). */
export function shortReference(ref: Reference): string {
  return `${SHORT_KIND[ref.kind]} ${ref.number}`;
}

/**
 * How many of a briefing's `total` positions the panel shows: the `asked` first (a page at a time), and always as far
 * as the position a popover or search result opened it at (`targetIndex`, -1 for none).
 */
export function positionsShown(total: number, asked: number, targetIndex: number): number {
  return Math.min(total, Math.max(asked, targetIndex + 1));
}

/** `Showing 200 of 21,001 positions.` */
export function showingLabel(shown: number, total: number): string {
  return `Showing ${shown.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} positions.`;
}
