/**
 * Stance from cue phrases (the table is ./stance-cues.ts). Pure.
 *
 * The grammar, over the sentence(s) that carry a reference:
 * - oppose cue (and no support cue) -> `oppose`
 * - support cue with a concern or an ask (`welcome …, but … must be fully funded`) -> `mixed`
 * - support cue alone -> `support`
 * - concern or ask without support -> `concern`
 * - no cue -> `neutral`
 */
import type { Span, Stance } from '../model';
import { type CueKind, STANCE_CUES } from './stance-cues';

export interface Cue extends Span {
  kind: CueKind;
  /** The phrase as written. */
  text: string;
}

const COMPILED = STANCE_CUES.map((rule) => ({
  kind: rule.kind,
  regex: new RegExp(String.raw`\b(?:${rule.pattern})\b`, 'gi'),
}));

/** Every cue in a text, longest first where they overlap, then in text order. `ignore` cues are dropped. */
export function findCues(text: string): Cue[] {
  const candidates: Cue[] = [];
  for (const { kind, regex } of COMPILED) {
    regex.lastIndex = 0;
    for (const match of text.matchAll(regex)) {
      if (match[0].length === 0) continue;
      candidates.push({ kind, start: match.index, end: match.index + match[0].length, text: match[0] });
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  // Characters already claimed by a longer cue (linear in the text, however many cues there are).
  const claimed = new Uint8Array(text.length);
  const taken: Cue[] = [];
  for (const cue of candidates) {
    if (claimed.subarray(cue.start, cue.end).some((c) => c === 1)) continue;
    claimed.fill(1, cue.start, cue.end);
    taken.push(cue);
  }
  return taken.filter((cue) => cue.kind !== 'ignore').sort((a, b) => a.start - b.start);
}

export interface StanceDecision {
  stance: Stance;
  /** The phrase(s) that decided, joined by ` + ` for a mixed stance (`welcome + must`); null when neutral. */
  cue: string | null;
  /** Where those phrases are written, in text order; empty when neutral. */
  decidedBy: Span[];
}

const spansOf = (...cues: Cue[]): Span[] =>
  cues.map(({ start, end }) => ({ start, end })).sort((a, b) => a.start - b.start);

function firstOf(cues: readonly Cue[], ...kinds: CueKind[]): Cue | undefined {
  return cues.find((cue) => kinds.includes(cue.kind));
}

function phrase(cue: Cue): string {
  return cue.text.replace(/\s+/g, ' ').toLowerCase();
}

/** The stance a set of cues states. `anti-removal` counts as support for what is being removed. */
export function decideStance(cues: readonly Cue[]): StanceDecision {
  const support = firstOf(cues, 'support', 'anti-removal');
  const oppose = firstOf(cues, 'oppose');
  const reservation = firstOf(cues, 'concern', 'ask', 'oppose');
  if (oppose && !support) return { stance: 'oppose', cue: phrase(oppose), decidedBy: spansOf(oppose) };
  if (support && reservation) {
    return {
      stance: 'mixed',
      cue: `${phrase(support)} + ${phrase(reservation)}`,
      decidedBy: spansOf(support, reservation),
    };
  }
  if (support) return { stance: 'support', cue: phrase(support), decidedBy: spansOf(support) };
  const concern = firstOf(cues, 'concern') ?? firstOf(cues, 'ask');
  if (concern) return { stance: 'concern', cue: phrase(concern), decidedBy: spansOf(concern) };
  return { stance: 'neutral', cue: null, decidedBy: [] };
}

/**
 * The stance towards a provision that is the object of a removal (`amendment 66 to remove clause 32`,
 * `oppose the question that clauses 11 to 14 stand part`): backing the removal opposes the provision; being
 * against the removal (`do not agree with the removal of clause 29`) supports it.
 */
export function decideRemovedStance(cues: readonly Cue[], removal: string): StanceDecision {
  const antiRemoval = firstOf(cues, 'anti-removal');
  if (antiRemoval) return { stance: 'support', cue: phrase(antiRemoval), decidedBy: spansOf(antiRemoval) };
  const backing = firstOf(cues, 'support', 'ask', 'oppose');
  if (backing) {
    return {
      stance: 'oppose',
      cue: `${phrase(backing)} + ${removal.trim().toLowerCase()}`,
      decidedBy: spansOf(backing),
    };
  }
  return { stance: 'neutral', cue: null, decidedBy: [] };
}
