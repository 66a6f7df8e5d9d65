/**
 * The "Bill" tab's data, shaped for reading: whether a briefing's numbering is the page's print, and the stance
 * picture (provisions by stance, briefing by briefing). Pure.
 */

import { printEpoch, sameStage } from '../../matching';
import type { BillBriefings } from '../../messaging';
import type { Briefing, House, PageContext, Position, Reference, Stance } from '../../model';
import { STANCES } from '../../model';
import { briefingLabel, houseStageLabel } from './words';

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
}

export interface StanceRow {
  briefing: Briefing;
  /** Distinct provisions the briefing names, in order of first mention, each with its stance. */
  cells: StanceCell[];
  counts: Record<Stance, number>;
}

/** Where one briefing names a provision several times with different stances, the coldest one is kept. */
function colder(a: Stance, b: Stance): Stance {
  if (a === 'neutral') return b;
  if (b === 'neutral') return a;
  return STANCES.indexOf(b) > STANCES.indexOf(a) ? b : a;
}

/** The stance picture: rows in the order given (parliamentary order), cells per provision. */
export function stanceRows(data: BillBriefings): StanceRow[] {
  return data.briefings.map(({ briefing, positions }) => {
    const cells = new Map<string, StanceCell>();
    for (const position of positions) {
      for (const ref of position.refs) {
        const key = `${ref.kind}|${ref.number.toUpperCase()}`;
        const cell = cells.get(key);
        if (cell) cell.stance = colder(cell.stance, ref.stance);
        else cells.set(key, { key, kind: ref.kind, number: ref.number, stance: ref.stance });
      }
    }
    const counts = Object.fromEntries(STANCES.map((s) => [s, 0])) as Record<Stance, number>;
    for (const cell of cells.values()) counts[cell.stance] += 1;
    return { briefing, cells: [...cells.values()], counts };
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
