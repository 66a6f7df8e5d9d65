/**
 * A position's stance, and the references it names each with the stance of the words that govern it. Pure.
 *
 * The headline (`stance`) reads the whole position: a reservation anywhere in it counts. Backing the removal of a
 * provision is an objection (`we urge the Government to accept amendment 66 to remove clause 32`); an ask that the
 * amendment the LGA then supports answers is no reservation (`The panel must include the sector. As such we support
 * amendment 60`); arguing that a proposal is unneeded rejects the amendment under discussion.
 *
 * Each reference is read over its scope:
 * - a label prefix (`Clauses 1 to 7:`, `Looked-after children (Part 1, Chapter 1):`) heads the whole bullet: a
 *   provision named only there takes the headline; one also named in the body is read where the body names it;
 * - a provision of the bill (clause, part, chapter, schedule) in a position about one thing (every reference in one
 *   sentence, or one provision named) takes the whole position: the bullet is about it;
 * - otherwise the sentence(s) naming it, widened where the grammar ties sentences together: a sentence opening
 *   `However`/`But` brings in the one before it (for the bill's provisions; an amendment is a separate proposal, and
 *   support for the bill's proposals is not support for it); a support sentence brings in a `However` sentence after
 *   it; a sentence with no cue brings in the anaphoric sentences around it (`This would remove Clause 22`), and in a
 *   position naming one provision, the sentences after it (the argument about it, not what came before);
 * - inside a sentence naming several provisions, the clause naming it (`We support amendment 54 and share the
 *   concerns … in amendment 33`).
 * A provision that is the object of a removal (`to remove clause 32`, `the question that clauses 11 to 14 stand part`)
 * takes the opposite of the stance backing the removal; one an amendment the LGA backs would change (`we support
 * amendment 46 to clause 6`) is a concern; one set aside (`Rather than …, as proposed in amendment 35,
 * we would urge …`) is opposed; an amendment that voices a concern the LGA shares (`share the concerns of Lord X in
 * amendment 33`) is supported.
 */
import type { FoundReference, PositionRef, ReferenceKind, Span, Stance } from '../model';
import { findReferences } from '../references/index';
import { referenceKey } from '../vocabulary';
import { inSpans, sentenceIndexAt, sentenceSpans } from './sentences';
import {
  type Cue,
  decideRemovedStance,
  decideStance,
  findCues,
  findTurns,
  type StanceDecision,
  type Turn,
  turnReservations,
} from './stance';
import {
  AMENDED_BEFORE,
  ANAPHORIC_OPENER,
  CLAUSE_BOUNDARY,
  CLAUSE_CUE_REACH,
  CONTRAST_OPENER,
  REJECTED_BEFORE,
  REMOVAL_AFTER,
  REMOVAL_BEFORE,
} from './stance-cues';

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
/** Provisions of the bill itself, as against proposals to change it. */
const BILL_PROVISIONS: ReadonlySet<ReferenceKind> = new Set(['clause', 'part', 'chapter', 'schedule']);
const isProposal = (kind: ReferenceKind) => !BILL_PROVISIONS.has(kind);

/** The words making a reference the object of a removal, as a cue-like span, or null. */
function removalOf(text: string, ref: FoundReference): Cue | null {
  const from = Math.max(0, ref.start - 80);
  const before = REMOVAL_BEFORE.exec(text.slice(from, ref.start));
  if (before) {
    const start = from + before.index;
    return { kind: 'oppose', start, end: start + before[0].trimEnd().length, text: before[0].trim() };
  }
  const after = REMOVAL_AFTER.exec(text.slice(ref.end, ref.end + 60));
  if (!after) return null;
  const start = ref.end + after[0].length - after[0].trimStart().length;
  return { kind: 'oppose', start, end: ref.end + after[0].length, text: after[0].trim() };
}

/** The `amendment 46 to` words naming a reference as what an amendment changes, as a cue-like span, or null. */
function amendedBy(text: string, ref: FoundReference): Cue | null {
  const from = Math.max(0, ref.start - 80);
  const match = AMENDED_BEFORE.exec(text.slice(from, ref.start));
  if (!match) return null;
  const start = from + match.index;
  return { kind: 'concern', start, end: start + match[0].trimEnd().length, text: match[0].trim() };
}

/** The `rather than …` words setting a reference aside, within its sentence, or null. */
function rejectionOf(text: string, ref: FoundReference, sentence: Span): Cue | null {
  const before = text.slice(sentence.start, ref.start);
  const match = REJECTED_BEFORE.exec(before);
  if (!match) return null;
  const words = /^\S+\s+\S+/.exec(match[0])![0];
  const start = sentence.start + match.index;
  return { kind: 'oppose', start, end: start + words.length, text: words };
}

export function analysePosition(text: string): AnalysedPosition {
  const sentences = sentenceSpans(text);
  const cues = findCues(text, sentences);
  const turns = findTurns(text, sentences);
  const found = safeFindReferences(text);
  const label = labelSpan(text);
  const wholeSpan: Span = { start: 0, end: text.trimEnd().length };
  const all = sentences.map((_, i) => i);

  // Indexes by sentence, so that reading stays linear in the text however long a position is.
  const sentenceOf = (span: Span) => sentenceIndexAt(sentences, span.start);
  const cuesBySentence: Cue[][] = sentences.map(() => []);
  for (const cue of cues) cuesBySentence[sentenceOf(cue)]?.push(cue);
  const cuesIn = (indices: Iterable<number>): Cue[] => {
    const list = [...indices];
    if (list.length === 1) return cuesBySentence[list[0]!] ?? [];
    return [...new Set(list)].sort((a, b) => a - b).flatMap((i) => cuesBySentence[i] ?? []);
  };
  const opens = (i: number, opener: RegExp) => opener.test(text.slice(sentences[i]!.start, sentences[i]!.end));

  // ---- removals: which cues back them ----------------------------------------------------------------------------
  const removals = new Map<FoundReference, Cue>();
  const backing = new Set<Cue>();
  for (const ref of found) {
    const removal = removalOf(text, ref);
    if (!removal) continue;
    removals.set(ref, removal);
    const behind = removalBacking(ref);
    // Resisting the removal (`do not agree with the removal of`) backs nothing being removed.
    if (!behind.some((cue) => cue.kind === 'anti-removal')) for (const cue of behind) backing.add(cue);
  }
  /** The cues behind a removal: before it in its sentence, else in an anaphoric sentence's predecessor. */
  function removalBacking(ref: FoundReference): Cue[] {
    const i = sentenceOf(ref);
    const own = cuesIn([i]).filter((cue) => cue.start < ref.start);
    if (own.length > 0) return own;
    return i > 0 && opens(i, ANAPHORIC_OPENER) ? cuesIn([i - 1]) : [];
  }

  // ---- the headline ---------------------------------------------------------------------------------------------
  const namesProposal = found.some((ref) => isProposal(ref.kind));
  const answered = answeredAsks();
  const headlineCues = cues
    .filter((cue) => !answered.has(cue))
    .flatMap((cue): Cue[] => {
      if (backing.has(cue) && cue.kind !== 'anti-removal') return [{ ...cue, kind: 'oppose' }];
      if (cue.kind === 'unneeded') return namesProposal ? [{ ...cue, kind: 'oppose' }] : [];
      return [cue];
    });
  const wholeScope = [wholeSpan];
  const headlineReading = sortCues([
    ...headlineCues,
    ...turnReservations(text, turns, sentences, wholeScope, headlineCues),
  ]);
  const headline = decideStance(headlineReading);

  /**
   * Asks met by an amendment the LGA then backs (`An expert panel must include the sector. As such we support
   * amendment 60 …`): only where nothing else in the position worries.
   */
  function answeredAsks(): Set<Cue> {
    if (cues.some((cue) => cue.kind === 'concern' || cue.kind === 'shared-concern' || cue.kind === 'oppose')) {
      return new Set();
    }
    const proposalsBySentence = new Map<number, FoundReference[]>();
    for (const ref of found.filter((r) => isProposal(r.kind))) {
      const i = sentenceOf(ref);
      const list = proposalsBySentence.get(i);
      if (list) list.push(ref);
      else proposalsBySentence.set(i, [ref]);
    }
    const backedProposal = cues.find(
      (cue) =>
        cue.kind === 'support' && (proposalsBySentence.get(sentenceOf(cue)) ?? []).some((ref) => ref.start > cue.start),
    );
    if (!backedProposal) return new Set();
    return new Set(cues.filter((cue) => cue.kind === 'ask' && sentenceOf(cue) < sentenceOf(backedProposal)));
  }

  // ---- each provision --------------------------------------------------------------------------------------------
  const groups = new Map<string, FoundReference[]>();
  for (const ref of found) {
    const key = referenceKey(ref);
    const group = groups.get(key);
    if (group) group.push(ref);
    else groups.set(key, [ref]);
  }
  const body = found.filter((ref) => !(label && within(ref, label)));
  const provisionsNamed = new Set(body.map(referenceKey)).size;
  const aboutOneThing = !label && (new Set(body.map((ref) => sentenceOf(ref))).size <= 1 || provisionsNamed <= 1);
  const refSentences = new Set(body.map((ref) => sentenceOf(ref)));
  // The distinct mention phrases of each sentence (`clauses 25 and 26` is one phrase naming two provisions).
  const phrasesBySentence = new Map<number, Map<string, Span>>();
  for (const ref of body) {
    const i = sentenceOf(ref);
    const phrases = phrasesBySentence.get(i) ?? new Map<string, Span>();
    phrases.set(spanKey(ref), { start: ref.start, end: ref.end });
    phrasesBySentence.set(i, phrases);
  }
  const clausesOf = new Map<number, Span[]>();

  const refs: PositionRef[] = [];
  const readings = new Map<string, { scopeCues: Cue[]; decision: StanceDecision }>();
  for (const mentions of groups.values()) {
    const first = mentions[0]!;
    const mention: Span = { start: first.start, end: first.end };
    const named = mentions.filter((m) => !(label && within(m, label)));
    if (named.length === 0) {
      refs.push({ kind: first.kind, number: first.number, ...judged(headline), evidence: wholeSpan, mention });
      continue;
    }
    const bodyMention: Span = { start: named[0]!.start, end: named[0]!.end };
    const proposal = isProposal(first.kind);

    // Scope: sentences, then (in a sentence naming several provisions) the clause naming this one.
    // The sentences that carry it, with those the grammar ties to them: what a reader is shown (`evidence`).
    const carrying = [...new Set(named.map((m) => sentenceOf(m)))].sort((a, b) => a - b);
    const near = new Set(carrying);
    for (const i of carrying) {
      if (!proposal && i > 0 && opens(i, CONTRAST_OPENER)) near.add(i - 1);
      const next = i + 1;
      if (next < sentences.length && opens(next, CONTRAST_OPENER) && cuesIn([i]).some(isSupport)) near.add(next);
    }
    if (cuesIn(near).length === 0) widenToAnaphora(near);
    // The sentences read for its stance: wider where the position is about it.
    let evidence = new Set(near);
    if (!proposal && aboutOneThing) evidence = new Set(all);
    else if (cuesIn(evidence).length === 0 && provisionsNamed === 1) {
      // A position naming one proposal goes on to argue about it: read on to the end.
      for (let i = Math.max(...evidence) + 1; i < sentences.length; i++) evidence.add(i);
    }
    const scope = scopeSpans(evidence, named);
    // Provisions read over the same words share one reading (`Clauses 31-38` in one sentence).
    const memoKey = `${proposal}|${scope.map((span) => `${span.start}-${span.end}`).join(',')}`;
    let reading = readings.get(memoKey);
    if (!reading) {
      const scopeCues = cuesIn(evidence)
        .filter((cue) => inSpans(scope, cue.start))
        .flatMap((cue): Cue[] => {
          if (cue.kind === 'unneeded') return proposal ? [{ ...cue, kind: 'oppose' }] : [];
          return [cue];
        });
      const decided = decideStance(
        sortCues([...scopeCues, ...turnReservations(text, turns, sentences, scope, scopeCues)]),
      );
      reading = { scopeCues, decision: decided };
      readings.set(memoKey, reading);
    }
    const { scopeCues } = reading;
    let decision: StanceDecision = reading.decision;
    const removed = named.find((m) => removals.has(m));
    const amended = proposal ? null : (named.map((m) => amendedBy(text, m)).find((a) => a !== null) ?? null);
    const rejected = named.map((m) => rejectionOf(text, m, sentences[sentenceOf(m)]!)).find((r) => r !== null);
    const sharedConcern = proposal
      ? scopeCues.find((cue) => cue.kind === 'shared-concern' && named.some((m) => m.start > cue.start))
      : undefined;
    if (removed) {
      const removedDecision = decideRemovedStance(removalBacking(removed), removals.get(removed)!);
      if (removedDecision.stance !== 'neutral') decision = removedDecision;
    } else if (amended) {
      const behind = cuesIn([sentenceOf(amended)]).find(
        (cue) => (cue.kind === 'support' || cue.kind === 'ask') && cue.start < amended.start,
      );
      if (behind) {
        decision = {
          stance: 'concern',
          cue: `${behind.text.toLowerCase()} + ${amended.text.toLowerCase()}`,
          decidedBy: [
            { start: behind.start, end: behind.end },
            { start: amended.start, end: amended.end },
          ],
        };
      }
    } else if (rejected) {
      decision = {
        stance: 'oppose',
        cue: rejected.text.toLowerCase(),
        decidedBy: [{ start: rejected.start, end: rejected.end }],
      };
    } else if (sharedConcern) {
      decision = {
        stance: 'support',
        cue: sharedConcern.text.toLowerCase(),
        decidedBy: [{ start: sharedConcern.start, end: sharedConcern.end }],
      };
    }
    const indices = [...near];
    const span: Span = {
      start: Math.min(...indices.map((i) => sentences[i]!.start)),
      end: Math.max(...indices.map((i) => sentences[i]!.end)),
    };
    refs.push({ kind: first.kind, number: first.number, ...judged(decision), evidence: span, mention: bodyMention });
  }
  return {
    refs,
    stance: headline.stance,
    cue: headline.cue,
    decidedBy: headline.decidedBy,
    caveat: caveatOf(headline, headlineReading, turns, sentences),
  };

  /**
   * A sentence that names a provision but states no stance borrows one from the sentences tied to it: the sentence
   * before when it opens `This`/`These`/`Therefore`…, and up to two sentences after that open so and name no other
   * provision, where one of them states a stance.
   */
  function widenToAnaphora(evidence: Set<number>): void {
    const lowest = Math.min(...evidence);
    const highest = Math.max(...evidence);
    if (lowest > 0 && opens(lowest, ANAPHORIC_OPENER) && cuesIn([lowest - 1]).length > 0) {
      evidence.add(lowest - 1);
      return;
    }
    const following: number[] = [];
    for (let i = highest + 1; i < sentences.length && i <= highest + 2; i++) {
      if (refSentences.has(i) || !opens(i, ANAPHORIC_OPENER)) return;
      following.push(i);
      if (cuesIn([i]).length > 0) {
        for (const j of following) evidence.add(j);
        return;
      }
    }
  }

  /**
   * The spans to read for a provision: its sentences, except that a sentence naming other provisions too is cut to
   * the clauses from this provision's up to the next that names another (or the whole sentence, if that has no cue).
   */
  function scopeSpans(evidence: ReadonlySet<number>, named: readonly FoundReference[]): Span[] {
    const mineBySentence = new Map<number, Span[]>();
    for (const m of named) {
      const i = sentenceOf(m);
      const list = mineBySentence.get(i);
      if (list) list.push(m);
      else mineBySentence.set(i, [m]);
    }
    const own = new Set(named.map(spanKey));
    const spans = [...evidence]
      .sort((a, b) => a - b)
      .map((i) => {
        const sentence = sentences[i]!;
        const mine = mineBySentence.get(i);
        const phrases = phrasesBySentence.get(i);
        if (!mine || !phrases || phrases.size <= 1) return sentence;
        const others = [...phrases.entries()].filter(([key]) => !own.has(key)).map(([, span]) => span);
        if (others.length === 0) return sentence;
        const clauses = clauseSpans(i);
        const from = clauses.findIndex((c) => mine.some((m) => within(m, c)));
        let to = from;
        while (to + 1 < clauses.length && !others.some((m) => within(m, clauses[to + 1]!))) to++;
        const cut: Span = { start: clauses[from]!.start, end: clauses[to]!.end };
        return cuesIn([i]).some((cue) => within(cue, cut)) ? cut : sentence;
      });
    // Neighbouring sentences read as one span (few spans to test, however many sentences).
    const merged: Span[] = [];
    for (const span of spans) {
      const last = merged.at(-1);
      if (last && text.slice(last.end, span.start).trim() === '') last.end = span.end;
      else merged.push({ ...span });
    }
    return merged;
  }

  /** A sentence divided at `;` and at `and`/`but`/`while` followed closely by a cue. */
  function clauseSpans(index: number): Span[] {
    const known = clausesOf.get(index);
    if (known) return known;
    const sentence = sentences[index]!;
    const sentenceCues = cuesIn([index]);
    const spans: Span[] = [];
    let start = sentence.start;
    CLAUSE_BOUNDARY.lastIndex = 0;
    for (const match of text.slice(sentence.start, sentence.end).matchAll(CLAUSE_BOUNDARY)) {
      const at = sentence.start + match.index;
      const after = at + match[0].length;
      if (!sentenceCues.some((cue) => cue.start >= after && cue.start <= after + CLAUSE_CUE_REACH)) continue;
      if (at > start) spans.push({ start, end: at });
      start = at;
    }
    spans.push({ start, end: sentence.end });
    clausesOf.set(index, spans);
    return spans;
  }
}

function spanKey(span: Span): string {
  return `${span.start}:${span.end}`;
}

function isSupport(cue: Cue): boolean {
  return cue.kind === 'support' || cue.kind === 'anti-removal';
}

function sortCues(cues: Cue[]): Cue[] {
  return cues.sort((a, b) => a.start - b.start);
}

/**
 * A bullet under a lead-in (`We support the following measures:`) reads with it: where the bullet states no stance it
 * takes the lead-in's; a reservation of its own under a supporting lead-in makes it `mixed`. The deciding words stay
 * the bullet's own (the lead-in's are not in its text); the lead-in's phrase is in `cue`.
 */
export function withLeadIn(analysed: AnalysedPosition, leadIn: string | null): AnalysedPosition {
  if (!leadIn) return analysed;
  const lead = analysePosition(leadIn);
  if (lead.stance === 'neutral' || lead.cue === null) return analysed;
  const combine = <T extends { stance: Stance; cue: string | null; decidedBy: Span[] }>(own: T): T => {
    if (own.stance === 'neutral') return { ...own, stance: lead.stance, cue: lead.cue, decidedBy: [] };
    if (lead.stance === 'support' && own.stance === 'concern') {
      return { ...own, stance: 'mixed', cue: `${lead.cue} + ${own.cue}` };
    }
    return own;
  };
  const position = combine(analysed);
  return {
    ...position,
    refs: analysed.refs.map(combine),
    caveat: position.stance === 'mixed' || position.stance === 'concern' ? analysed.caveat : null,
  };
}

/** The fields a reference record keeps of a decision. */
function judged({ stance, cue, decidedBy }: StanceDecision): Pick<PositionRef, 'stance' | 'cue' | 'decidedBy'> {
  return { stance, cue, decidedBy };
}

/**
 * The sentence holding the reservation that made a position `mixed` or `concern`: the first sentence that turns
 * (`However, …`) and holds a reservation, else the sentence of the reservation that decided.
 */
function caveatOf(
  headline: StanceDecision,
  cues: readonly Cue[],
  turns: readonly Turn[],
  sentences: readonly Span[],
): Span | null {
  if (headline.stance !== 'mixed' && headline.stance !== 'concern') return null;
  const reserving = (cue: Cue) => ['concern', 'ask', 'shared-concern', 'turn'].includes(cue.kind);
  const turned = turns
    .filter((turn) => turn.type === 'opener')
    .map((turn) => sentences[turn.sentence]!)
    .find((sentence) => cues.some((cue) => reserving(cue) && within(cue, sentence)));
  if (turned) return { start: turned.start, end: turned.end };
  const reservation = headline.reservation;
  if (!reservation) return null;
  const sentence = sentences.find((span) => within(reservation, span));
  return sentence ? { start: sentence.start, end: sentence.end } : null;
}

/** Only well-formed spans: a reference must lie inside the text it was found in. */
function safeFindReferences(text: string): FoundReference[] {
  return findReferences(text, { sectionsAreClauses: true }).filter(
    (ref) => ref.start >= 0 && ref.end <= text.length && ref.start < ref.end,
  );
}
