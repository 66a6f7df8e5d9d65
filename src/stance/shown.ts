/**
 * The one place a view gets the stance it shows (src/model.ts, the stance contract): for a provision it is the
 * stance of that provision's entry in the position (`PositionRef.stance`), for a position as a whole its headline
 * (`Position.stance`); either way the reader's correction, when there is one, wins and the briefing's own reading is
 * kept beside it. The popover, the highlights and page summary, the side panel's three views and the search filter
 * all call these functions; no view reads `stance` off a record itself. Pure, and small enough for the content script.
 */
import type { Position, Reference, Stance, StanceCorrection } from '../model';
import { sameProvision } from '../vocabulary';

export interface ShownStance {
  stance: Stance;
  /** Set when the reader corrected it: the briefing's own reading, and the correction. */
  corrected: { original: Stance; correction: StanceCorrection } | null;
}

/** Same provision: kind and number, numbers compared without case (`172a` is `172A`); the vocabulary's rule. */
export { sameProvision };

/** The correction of a position (`ref` null) or of one provision in it that applies to this record, if any. */
export function correctionFor(position: Position, ref: Reference | null): StanceCorrection | null {
  for (const correction of position.corrections ?? []) {
    if (correction.positionId !== position.id || correction.text !== position.text) continue;
    if (ref ? correction.ref && sameProvision(correction.ref, ref) : correction.ref === null) return correction;
  }
  return null;
}

function shown(original: Stance, correction: StanceCorrection | null): ShownStance {
  return correction
    ? { stance: correction.stance, corrected: { original, correction } }
    : { stance: original, corrected: null };
}

/** The stance a view shows for the position as a whole (briefing lists, search results). */
export function stanceForPosition(position: Position): ShownStance {
  return shown(position.stance, correctionFor(position, null));
}

/**
 * The stance a view shows for one provision of a position (popover, highlight, On this page, Bill chips). A
 * provision the position does not name gets the position's headline.
 */
export function stanceForProvision(position: Position, ref: Reference): ShownStance {
  const own = position.refs.find((r) => sameProvision(r, ref));
  if (!own) return stanceForPosition(position);
  return shown(own.stance, correctionFor(position, own));
}

/**
 * A position's provisions whose shown stance differs from its shown headline (each provision once, in text order):
 * the views that show a whole position name these beside the headline, so a provision reads the same everywhere.
 */
export function provisionsApart(position: Position): Array<{ ref: Reference; shown: ShownStance }> {
  const headline = stanceForPosition(position).stance;
  const seen: Reference[] = [];
  const apart: Array<{ ref: Reference; shown: ShownStance }> = [];
  for (const ref of position.refs) {
    if (seen.some((r) => sameProvision(r, ref))) continue;
    seen.push(ref);
    const s = stanceForProvision(position, ref);
    if (s.stance !== headline) apart.push({ ref: { kind: ref.kind, number: ref.number }, shown: s });
  }
  return apart;
}

/** True when the position shows one of these stances, as a whole or on one of its provisions (the search filter). */
export function takesStance(position: Position, stances: readonly Stance[]): boolean {
  if (stances.includes(stanceForPosition(position).stance)) return true;
  return position.refs.some((ref) => stances.includes(stanceForProvision(position, ref).stance));
}
