/**
 * The references a position names, each with the stance of the sentence(s) that carry it. Pure.
 *
 * - A label prefix (`Clauses 1 to 7:`, `Looked-after children (Part 1, Chapter 1):`) heads the whole bullet: its
 *   references take the whole bullet as evidence and the whole bullet's stance.
 * - Otherwise the evidence is the sentence(s) naming the reference, widened where the grammar ties sentences
 *   together: a sentence opening `However`/`But` brings in the one before it (`… is a positive step. However, the
 *   arrangements in clauses 15 to 22 must …` is mixed); a support sentence brings in a `However` sentence after it;
 *   a sentence with no cue brings in the anaphoric sentences around it (`This would remove Clause 22`).
 * - A reference that is the object of a removal (`amendment 66 to remove clause 32`, `the question that clauses 11
 *   to 14 stand part`) takes the opposite of the sentence's stance.
 */
import type { FoundReference, PositionRef, Span, Stance } from '../model';
import { findReferences } from '../references/index';
import { sentenceSpans } from './sentences';
import { type Cue, decideRemovedStance, decideStance, findCues, type StanceDecision } from './stance';
import { ANAPHORIC_OPENER, CONTRAST_OPENER, REMOVAL_AFTER, REMOVAL_BEFORE } from './stance-cues';

export interface AnalysedPosition {
  refs: PositionRef[];
  stance: Stance;
  cue: string | null;
  decidedBy: Span[];
  caveat: Span | null;
}

/** `Clauses 1 to 7:` / `Different ways of working:` at the start of a bullet: the span of the label. */
export function labelSpan(text: string): Span | null {
  const match = /^([^.:;!?]{2,110}?):\s+\S/.exec(text);
  if (!match) return null;
  return { start: 0, end: match[1]!.length };
}

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.start < outer.end;

function removalPhrase(text: string, ref: FoundReference): string | null {
  const before = REMOVAL_BEFORE.exec(text.slice(Math.max(0, ref.start - 80), ref.start));
  if (before) return before[0];
  const after = REMOVAL_AFTER.exec(text.slice(ref.end, ref.end + 60));
  return after ? after[0] : null;
}

export function analysePosition(text: string): AnalysedPosition {
  const cues = findCues(text);
  const whole = decideStance(cues);
  const found = safeFindReferences(text);
  const sentences = sentenceSpans(text);
  const label = labelSpan(text);
  const wholeSpan: Span = { start: 0, end: text.trimEnd().length };

  const cuesIn = (indices: Iterable<number>): Cue[] => {
    const spans = [...indices].map((i) => sentences[i]!);
    return cues.filter((cue) => spans.some((span) => within(cue, span)));
  };
  const sentenceOf = (span: Span) => {
    const index = sentences.findIndex((s) => within(span, s));
    return index >= 0 ? index : Math.max(0, sentences.length - 1);
  };
  const refSentences = new Set(found.map((ref) => sentenceOf(ref)));

  const groups = new Map<string, FoundReference[]>();
  for (const ref of found) {
    const key = `${ref.kind}:${ref.number}`;
    const group = groups.get(key);
    if (group) group.push(ref);
    else groups.set(key, [ref]);
  }

  const refs: PositionRef[] = [];
  for (const mentions of groups.values()) {
    const first = mentions[0]!;
    const mention: Span = { start: first.start, end: first.end };
    if (label && mentions.some((m) => within(m, label))) {
      refs.push({ kind: first.kind, number: first.number, ...whole, evidence: wholeSpan, mention });
      continue;
    }
    const carrying = [...new Set(mentions.map((m) => sentenceOf(m)))].sort((a, b) => a - b);
    const evidence = new Set(carrying);
    for (const i of carrying) {
      const sentence = sentences[i]!;
      if (i > 0 && CONTRAST_OPENER.test(text.slice(sentence.start, sentence.end))) evidence.add(i - 1);
      const next = sentences[i + 1];
      if (next && CONTRAST_OPENER.test(text.slice(next.start, next.end)) && cuesIn([i]).some(isSupport)) {
        evidence.add(i + 1);
      }
    }
    if (cuesIn(evidence).length === 0) widenToAnaphora(text, sentences, evidence, refSentences, cuesIn);

    let decision: StanceDecision = decideStance(cuesIn(evidence));
    const removed = mentions
      .map((m) => ({ m, phrase: removalPhrase(text, m) }))
      .filter((r): r is { m: FoundReference; phrase: string } => r.phrase !== null);
    if (removed.length > 0) {
      const removalSentences = new Set(removed.map((r) => sentenceOf(r.m)));
      const around = cuesIn(removalSentences).length > 0 ? removalSentences : evidence;
      const removedDecision = decideRemovedStance(cuesIn(around), removed[0]!.phrase);
      if (removedDecision.stance !== 'neutral') decision = removedDecision;
    }
    const indices = [...evidence];
    const span: Span = {
      start: Math.min(...indices.map((i) => sentences[i]!.start)),
      end: Math.max(...indices.map((i) => sentences[i]!.end)),
    };
    refs.push({ kind: first.kind, number: first.number, ...decision, evidence: span, mention });
  }
  return {
    refs,
    stance: whole.stance,
    cue: whole.cue,
    decidedBy: whole.decidedBy,
    caveat: caveatOf(whole, cues, sentences),
  };
}

/** The sentence holding the first reservation (concern, ask or objection) of a `mixed` or `concern` position. */
function caveatOf(whole: StanceDecision, cues: readonly Cue[], sentences: readonly Span[]): Span | null {
  if (whole.stance !== 'mixed' && whole.stance !== 'concern') return null;
  const reservation = cues.find((cue) => cue.kind === 'concern' || cue.kind === 'ask' || cue.kind === 'oppose');
  if (!reservation) return null;
  const sentence = sentences.find((span) => within(reservation, span));
  return sentence ? { start: sentence.start, end: sentence.end } : null;
}

function isSupport(cue: Cue): boolean {
  return cue.kind === 'support' || cue.kind === 'anti-removal';
}

/**
 * A sentence that names a provision but states no stance borrows one from the sentences tied to it: the sentence
 * before when it opens `This`/`These`/`Therefore`…, and up to two sentences after that open so and name no other
 * provision, where one of them states a stance.
 */
function widenToAnaphora(
  text: string,
  sentences: readonly Span[],
  evidence: Set<number>,
  refSentences: ReadonlySet<number>,
  cuesIn: (indices: Iterable<number>) => Cue[],
): void {
  const lowest = Math.min(...evidence);
  const highest = Math.max(...evidence);
  const opens = (i: number) => ANAPHORIC_OPENER.test(text.slice(sentences[i]!.start, sentences[i]!.end));
  if (lowest > 0 && opens(lowest) && cuesIn([lowest - 1]).length > 0) {
    evidence.add(lowest - 1);
    return;
  }
  const following: number[] = [];
  for (let i = highest + 1; i < sentences.length && i <= highest + 2; i++) {
    if (refSentences.has(i) || !opens(i)) return;
    following.push(i);
    if (cuesIn([i]).length > 0) {
      for (const j of following) evidence.add(j);
      return;
    }
  }
}

/** Only well-formed spans: a reference must lie inside the text it was found in. */
function safeFindReferences(text: string): FoundReference[] {
  return findReferences(text, { sectionsAreClauses: true }).filter(
    (ref) => ref.start >= 0 && ref.end <= text.length && ref.start < ref.end,
  );
}
