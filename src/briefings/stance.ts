/**
 * Stance from cue phrases (the table is ./stance-cues.ts). Pure.
 *
 * Reading a stretch of text (a whole position, or the words that govern one reference):
 * - its cues: phrases from the table, with the context that changes them (a bare `support` counts only where the LGA
 *   is speaking; a negated support cue opposes or worries: `we no longer support`, `is not helpful`);
 * - its turns: `However, …`, `…, but …`, `While we support X, …`. A turn away from support is a reservation even where
 *   the words after it hold no cue (`is helpful, but will only apply where …`); a text that opens on a turn pushes
 *   back on something (`However, the bill gives the Secretary of State discretion …`).
 *
 * The grammar:
 * - an objection (`we oppose`, backing a removal) before any support -> `oppose`; after support -> `mixed`
 * - support with a concern, an ask or a turn (`welcome …, but … must be fully funded`) -> `mixed`
 * - support alone -> `support`
 * - concern, ask or turn without support -> `concern`
 * - nothing -> `neutral`
 */
import type { Span, Stance } from '../model';
import { inSpans, sentenceIndexAt, sentenceSpans } from './sentences';
import {
  CONCESSION_OPENER,
  CONTRAST_INSIDE,
  CONTRAST_OPENER,
  type CueKind,
  LGA_SPEAKER,
  NEGATOR_BEFORE,
  STANCE_CUES,
  SUPPORT_VERB,
} from './stance-cues';

/** A cue found in a text; `turn` is a reservation made by a contrast (`but`, `however`), not by a cue phrase. */
export interface Cue extends Span {
  kind: CueKind | 'turn';
  /** The phrase as written. */
  text: string;
}

const COMPILED = STANCE_CUES.map((rule) => ({
  kind: rule.kind,
  needsSpeaker: rule.needsSpeaker === true,
  regex: new RegExp(String.raw`\b(?:${rule.pattern})\b`, 'gi'),
}));

/**
 * Every cue in a text, longest first where they overlap, then in text order, read in context (see the module
 * comment). `ignore` cues are dropped.
 */
export function findCues(text: string, sentences: readonly Span[] = sentenceSpans(text)): Cue[] {
  const candidates: Array<Cue & { needsSpeaker: boolean }> = [];
  for (const { kind, regex, needsSpeaker } of COMPILED) {
    // `exec` on the one compiled regex: `matchAll` clones it for every text, which is most of the cost of a large
    // briefing (thousands of short positions, each read by every cue).
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      if (match[0].length === 0) {
        regex.lastIndex += 1;
        continue;
      }
      candidates.push({ kind, needsSpeaker, start: match.index, end: match.index + match[0].length, text: match[0] });
    }
  }
  // Longest first; on the very same words an `ignore` rule wins (it exists to say those words state no stance).
  candidates.sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      Number(b.kind === 'ignore') - Number(a.kind === 'ignore'),
  );
  // Characters already claimed by a longer cue (linear in the text, however many cues there are).
  const claimed = new Uint8Array(text.length);
  const taken: Cue[] = [];
  for (const { needsSpeaker, ...cue } of candidates) {
    if (claimed.subarray(cue.start, cue.end).some((c) => c === 1)) continue;
    claimed.fill(1, cue.start, cue.end);
    const sentenceStart = sentences.length > 0 ? sentences[sentenceIndexAt(sentences, cue.start)]!.start : 0;
    const before = text.slice(sentenceStart, cue.start);
    if (needsSpeaker && !LGA_SPEAKER.test(before)) continue;
    taken.push(negated(cue, before) ?? cue);
  }
  return taken.filter((cue) => cue.kind !== 'ignore').sort((a, b) => a.start - b.start);
}

/** A cue turned round by a negation just before it (`we no longer support`, `is not helpful`), or null. */
function negated(cue: Cue, before: string): Cue | null {
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1);
  const negation = NEGATOR_BEFORE.exec(clause);
  if (!negation || /\bnot\s+only\b/i.test(negation[0])) return null;
  if (cue.kind === 'support') {
    const start = cue.start - (clause.length - negation.index);
    return {
      kind: SUPPORT_VERB.test(cue.text) ? 'oppose' : 'concern',
      start,
      end: cue.end,
      text: `${clause.slice(negation.index)}${cue.text}`,
    };
  }
  if (cue.kind === 'concern') return { ...cue, kind: 'ignore' };
  return null;
}

/** Where a text turns: `However, …` opening a sentence, `…, but …` inside one, `While …, …` conceding. */
export interface Turn extends Span {
  type: 'opener' | 'inside' | 'concession';
  /** The sentence the turn is in. */
  sentence: number;
  /** For a concession: where its subordinate clause ends (the first comma after it), else the turn's end. */
  pivot: number;
}

export function findTurns(text: string, sentences: readonly Span[]): Turn[] {
  const turns: Turn[] = [];
  sentences.forEach((sentence, index) => {
    const body = text.slice(sentence.start, sentence.end);
    const opener = CONTRAST_OPENER.exec(body) ?? null;
    const concession = CONCESSION_OPENER.exec(body);
    if (concession) {
      const comma = body.indexOf(',', concession[0].length);
      if (comma > 0) {
        const start = sentence.start + concession.index + concession[0].length - concession[0].trimStart().length;
        turns.push({
          type: 'concession',
          sentence: index,
          start,
          end: sentence.start + concession.index + concession[0].length,
          pivot: sentence.start + comma,
        });
      }
    } else if (opener) {
      const start = sentence.start + opener[0].length - opener[0].trimStart().length;
      turns.push({ type: 'opener', sentence: index, start, end: sentence.start + opener[0].length, pivot: start });
    }
    CONTRAST_INSIDE.lastIndex = 0;
    for (const match of body.matchAll(CONTRAST_INSIDE)) {
      const word = /(?:however|but|yet|although|though|nevertheless)$/i.exec(match[0]);
      if (!word || match.index === 0) continue;
      const end = sentence.start + match.index + match[0].length;
      const start = end - word[0].length;
      if (turns.some((t) => t.start === start)) continue;
      turns.push({ type: 'inside', sentence: index, start, end, pivot: start });
    }
  });
  return turns.sort((a, b) => a.start - b.start);
}

/** How many of the sorted `values` are below `limit`. */
function countBelow(values: readonly number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (values[mid]! < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}

const isSupport = (cue: Cue) => cue.kind === 'support' || cue.kind === 'anti-removal';

/**
 * The reservations a text's turns make, over a scope (the spans being read, in order) whose cues are `cues`: a turn
 * away from support with no support after it; a concession whose one side supports and whose other does not; a scope
 * that opens on a turn. Each is a `turn` cue on the turn's word.
 */
export function turnReservations(
  text: string,
  turns: readonly Turn[],
  sentences: readonly Span[],
  scope: readonly Span[],
  cues: readonly Cue[],
): Cue[] {
  if (scope.length === 0) return [];
  const scopeStart = scope[0]!.start;
  // Binary searches over sorted offsets, so that many turns over a long scope stay cheap.
  const inScope = (position: number) => inSpans(scope, position);
  const supportStarts = cues.filter((cue) => isSupport(cue) && inScope(cue.start)).map((cue) => cue.start);
  const supportBetween = (start: number, end: number) =>
    countBelow(supportStarts, end) > countBelow(supportStarts, start);
  const reservations: Cue[] = [];
  for (const turn of turns) {
    if (!inScope(turn.start)) continue;
    const sentence = sentences[turn.sentence]!;
    const word: Cue = { kind: 'turn', start: turn.start, end: turn.end, text: text.slice(turn.start, turn.end) };
    if (turn.type === 'concession') {
      const sub = supportBetween(sentence.start, turn.pivot);
      const main = supportBetween(turn.pivot, sentence.end);
      if (sub !== main) reservations.push(word);
      continue;
    }
    const before = supportBetween(scopeStart, turn.start);
    const after = supportBetween(turn.end, sentence.end);
    const opensScope = turn.start - scopeStart < 8 && text.slice(scopeStart, turn.start).trim() === '';
    if (!after && (before || opensScope)) reservations.push(word);
  }
  return reservations;
}

export interface StanceDecision {
  stance: Stance;
  /** The phrase(s) that decided, joined by ` + ` for a mixed stance (`welcome + must`); null when neutral. */
  cue: string | null;
  /** Where those phrases are written, in text order; empty when neutral. */
  decidedBy: Span[];
  /** For `mixed` and `concern`: where the reservation is written (one of `decidedBy`). */
  reservation?: Span;
}

const spansOf = (...cues: Cue[]): Span[] =>
  cues.map(({ start, end }) => ({ start, end })).sort((a, b) => a.start - b.start);

function firstOf(cues: readonly Cue[], ...kinds: Array<Cue['kind']>): Cue | undefined {
  return cues.find((cue) => kinds.includes(cue.kind));
}

function phrase(cue: Cue): string {
  return cue.text.replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The stance a set of cues (in text order) states. `anti-removal` counts as support for what is being removed. A
 * reservation named by a cue phrase is preferred to a bare turn (`but`) as the one reported.
 */
export function decideStance(cues: readonly Cue[]): StanceDecision {
  const support = firstOf(cues, 'support', 'anti-removal');
  const oppose = firstOf(cues, 'oppose');
  const reservation = firstOf(cues, 'concern', 'ask', 'shared-concern') ?? firstOf(cues, 'turn');
  if (oppose && !(support && support.start < oppose.start)) {
    return { stance: 'oppose', cue: phrase(oppose), decidedBy: spansOf(oppose) };
  }
  const against = reservation ?? oppose;
  if (support && against) {
    return {
      stance: 'mixed',
      cue: `${phrase(support)} + ${phrase(against)}`,
      decidedBy: spansOf(support, against),
      reservation: spansOf(against)[0]!,
    };
  }
  if (support) return { stance: 'support', cue: phrase(support), decidedBy: spansOf(support) };
  if (reservation) {
    return {
      stance: 'concern',
      cue: phrase(reservation),
      decidedBy: spansOf(reservation),
      reservation: spansOf(reservation)[0]!,
    };
  }
  return { stance: 'neutral', cue: null, decidedBy: [] };
}

/**
 * The stance towards a provision that is the object of a removal (`amendment 66 to remove clause 32`, `oppose the
 * question that clauses 11 to 14 stand part`; `removal` holds those words): backing the removal opposes the provision;
 * being against the removal (`do not agree with the removal of clause 29`) supports it.
 */
export function decideRemovedStance(cues: readonly Cue[], removal: Cue): StanceDecision {
  const antiRemoval = firstOf(cues, 'anti-removal');
  if (antiRemoval) return { stance: 'support', cue: phrase(antiRemoval), decidedBy: spansOf(antiRemoval) };
  const backing = firstOf(cues, 'support', 'ask', 'oppose');
  if (backing) {
    return { stance: 'oppose', cue: `${phrase(backing)} + ${phrase(removal)}`, decidedBy: spansOf(backing, removal) };
  }
  return { stance: 'neutral', cue: null, decidedBy: [] };
}
