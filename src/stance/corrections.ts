/**
 * The reader's corrections of stances, as user data: one per position (its headline) or per provision of a position,
 * keyed so a new correction of the same thing replaces the old. The background attaches them to the records it
 * returns (`attachCorrections`); src/stance/shown.ts applies them. Pure.
 */
import { type Position, REFERENCE_KINDS, type Reference, STANCES, type StanceCorrection } from '../model';
import { numberKey } from '../vocabulary';

/** `<positionId>|position` or `<positionId>|clause|32`: what a correction is of. */
export function correctionKey(positionId: string, ref: Reference | null): string {
  return ref ? `${positionId}|${ref.kind}|${numberKey(ref.number)}` : `${positionId}|position`;
}

/** The positions with the corrections made on them attached (copies; positions without any are returned as they are). */
export function attachCorrections<P extends Position>(
  positions: readonly P[],
  byPosition: ReadonlyMap<string, readonly StanceCorrection[]>,
): P[] {
  if (byPosition.size === 0) return [...positions];
  return positions.map((position) => {
    const corrections = byPosition.get(position.id);
    return corrections?.length ? { ...position, corrections: [...corrections] } : position;
  });
}

export function correctionsByPosition(corrections: readonly StanceCorrection[]): Map<string, StanceCorrection[]> {
  const map = new Map<string, StanceCorrection[]>();
  for (const correction of corrections) {
    const list = map.get(correction.positionId);
    if (list) list.push(correction);
    else map.set(correction.positionId, [correction]);
  }
  return map;
}

const MAX_ID = 500;
const MAX_TEXT = 100_000;

/** Checks one correction read from a file or a message; throws an Error naming what is wrong. */
export function parseCorrection(value: unknown, where: string): StanceCorrection {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${where} must be an object`);
  const v = value as Record<string, unknown>;
  if (typeof v.positionId !== 'string' || !v.positionId || v.positionId.length > MAX_ID) {
    throw new Error(`${where}.positionId must be a position id`);
  }
  if (typeof v.stance !== 'string' || !(STANCES as readonly string[]).includes(v.stance)) {
    throw new Error(`${where}.stance must be one of ${STANCES.join(', ')}`);
  }
  if (typeof v.text !== 'string' || v.text.length > MAX_TEXT)
    throw new Error(`${where}.text must be the position's text`);
  if (typeof v.at !== 'string' || Number.isNaN(Date.parse(v.at)))
    throw new Error(`${where}.at must be an ISO date and time`);
  return {
    positionId: v.positionId,
    ref: parseRef(v.ref, `${where}.ref`),
    stance: v.stance as StanceCorrection['stance'],
    text: v.text,
    at: v.at,
  };
}

/** A provision (`{kind, number}`) or null for the position as a whole. */
export function parseRef(value: unknown, where: string): Reference | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${where} must be a provision or null`);
  const { kind, number } = value as Record<string, unknown>;
  if (typeof kind !== 'string' || !(REFERENCE_KINDS as readonly string[]).includes(kind)) {
    throw new Error(`${where}.kind must be one of ${REFERENCE_KINDS.join(', ')}`);
  }
  if (typeof number !== 'string' || !/^\d{1,6}[A-Z]{0,4}$/i.test(number)) {
    throw new Error(`${where}.number must be digits and letters like 7 or 172A`);
  }
  return { kind: kind as Reference['kind'], number };
}
