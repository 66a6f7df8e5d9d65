/**
 * The Bill tab's stance grid for one briefing: one chip per provision and shown stance, from every position of the
 * briefing (the background computes it over the whole briefing, so a chip is right even where the panel shows only a
 * page of the positions). Each chip's stance is `stanceForProvision` (./shown.ts), corrections applied. Pure.
 */
import { type Position, REFERENCE_KINDS, type Reference, STANCES, type Stance } from '../model';
import { numberKey, referenceKey } from '../vocabulary';
import { stanceForProvision } from './shown';

export interface StanceCell extends Reference {
  key: string;
  stance: Stance;
  /** The position the chip stands for (the first, where several give the provision the same stance). */
  positionId: string;
  /** That position's place in the briefing's order (0-based): the panel loads the page holding it when clicked. */
  index: number;
  corrected: boolean;
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

/**
 * One chip per provision and stance the briefing gives it (a briefing that is concerned about clause 32 in one bullet
 * and opposes it in another shows both), in the order of the bill: by kind, then by number. `positions` are the
 * briefing's, in its order, with the reader's corrections attached.
 */
export function stanceCells(positions: readonly Position[]): StanceCell[] {
  const cells = new Map<string, StanceCell>();
  positions.forEach((position, index) => {
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
          index,
          corrected: shown.corrected !== null,
        });
    }
  });
  return [...cells.values()].sort(
    (a, b) => compareProvisions(a, b) || STANCES.indexOf(a.stance) - STANCES.indexOf(b.stance),
  );
}
