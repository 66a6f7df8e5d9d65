/**
 * Topic links: for a paragraph of debate and the LGA's positions on the bill being debated, the positions on the
 * subject the speaker argues (`direct`: the very point the position takes a stance on; `related`: the same subject),
 * with the words that linked them; mentions of the LGA; and echoes of the briefing's words.
 *
 * Lexical relevance, explainable: a paragraph and a position share terms (content words and two-word phrases, see
 * text.ts); each shared term weighs what it says about a subject (weights.ts: rare in Hansard and in few LGA
 * positions); the score is their sum, damped for long positions (more words, more chance meetings). A link needs a
 * subject, not a chance meeting of words: a shared two-word phrase (`care leavers`, `home education`), or a subject
 * word the speaker keeps coming back to (`branded`, three times), and at least two distinct words in all, so one rare
 * word in passing (`kinship`) does not make a subject. The bill's own title (`Social Work`), and its words paired
 * (`children's social care`), are in every speech on it and are no evidence. Pure: no DOM, no I/O; the background and the CLI build one index per bill and reuse it.
 */
import type { BillRecord, Position } from '../model';
import type { LearntTerms } from './corpus';
import { type Echo, echoesOf } from './echoes';
import { lgaMentions, type TextSpan } from './mentions';
import { type Term, type Token, termsOf, tokenize } from './text';
import { type TermWeights, termWeights } from './weights';

export type { LearntTerms } from './corpus';
export type { Echo } from './echoes';
export type { TextSpan } from './mentions';
export { lgaMentions } from './mentions';

export type LinkStrength = 'direct' | 'related';

export interface TopicLink {
  positionId: string;
  strength: LinkStrength;
  /** Sum of the shared terms' weights, damped for long positions; `related` from 1, `direct` from 2. */
  score: number;
  /** The paragraph's words that linked it, strongest first (phrases as written: `care leavers`). */
  terms: string[];
}

export interface ParagraphTopics {
  links: TopicLink[];
  lgaMentions: TextSpan[];
  echoes: Echo[];
}

/** Thresholds and limits, in one place (scores are sums of 0..1 weights). */
export const TOPIC_TUNING = {
  /** A shared term lighter than this is not evidence (`support`, `children`, `Government`). */
  minTermWeight: 0.12,
  /** Distinct evidence words a link needs. */
  minTerms: 2,
  /** A phrase this heavy is a subject... */
  minPhraseWeight: 0.5,
  /** ...and so is a word this heavy said this often. */
  minRepeatedWeight: 0.5,
  minRepeats: 3,
  /** ...and so are two words this heavy. */
  minStrongWord: 0.6,
  /** Share of their words (Jaccard) two bullets must share to be one bullet repeated at another stage. */
  repeatOverlap: 0.5,
  /** Shared subject weight from which two positions of one briefing make the same point. */
  companion: 3,
  /**
   * Companions are looked for by comparing every pair of a briefing's positions: a real LGA briefing has well under
   * a hundred, but one added by hand may have thousands (21,001 took 5 s here). Past this many, none are linked.
   */
  companionsUpTo: 400,
  related: 1,
  direct: 2,
  /** A position much weaker than the paragraph's best link is a passing overlap, not its subject. */
  relativeToBest: 0.25,
  maxLinks: 4,
  /** A term the speaker repeats is more what they are talking about: weight x (1 + repeatBoost x ln(times)). */
  repeatBoost: 0.5,
  /** Position length (in content terms) from which scores are damped. */
  typicalTerms: 60,
} as const;

export interface IndexedPosition {
  id: string;
  text: string;
  tokens: Token[];
  terms: Term[];
  keys: Set<string>;
  /** Positions that repeat this one (the same bullet at another stage) share a group: counted once for weights. */
  group: number;

  /**
   * Positions of the same briefing that make the same point (a key message and the background bullet it
   * summarises): indexes into `TopicIndex.positions`. A paragraph on one is on the other.
   */
  companions: number[];
  damping: number;
  briefingId: string;
}

export interface TopicIndex {
  billId: string;
  positions: IndexedPosition[];
  weights: TermWeights;
  /** Which positions hold each term: the candidates for a paragraph come from here. */
  byTerm: Map<string, number[]>;
  /** First words of the positions' phrases: a paragraph's word pair is only spelt out as a phrase key after one. */
  phraseStarts: Set<string>;
}

const jaccard = (a: Set<string>, b: Set<string>) => {
  let shared = 0;
  for (const k of a) if (b.has(k)) shared++;
  return shared / (a.size + b.size - shared || 1);
};

/** Group repeated bullets (the same words at several stages) so they count once. */
function groupsOf(keys: readonly Set<string>[]): number[] {
  const group = keys.map((_, i) => i);
  for (let i = 0; i < keys.length; i++) {
    for (let j = 0; j < i; j++) {
      if (group[j] === j && jaccard(keys[i] as Set<string>, keys[j] as Set<string>) >= TOPIC_TUNING.repeatOverlap) {
        group[i] = j;
        break;
      }
    }
  }
  return group.map((g, i) => (g === i ? i : (group[g] as number)));
}

/**
 * The index for one bill. `allPositions` is the whole dataset (every bill): how often the LGA uses a word across all
 * its briefings decides how much that word says about one position.
 */
export function buildTopicIndex(bill: BillRecord, allPositions: readonly Position[], learnt: LearntTerms): TopicIndex {
  const billId = bill.id;
  const briefingDf = new Map<string, number>();
  let groupCount = 0;
  const byBill = new Map<string, Position[]>();
  for (const p of allPositions) {
    const positions = byBill.get(p.billId);
    if (positions) positions.push(p);
    else byBill.set(p.billId, [p]);
  }
  let mine: IndexedPosition[] = [];
  for (const [bill, positions] of byBill) {
    const analysed = positions.map((p) => {
      const tokens = tokenize(p.text);
      const terms = termsOf(tokens);
      return { p, tokens, terms, keys: new Set(terms.map((t) => t.key)) };
    });
    const unigramKeys = analysed.map((a) => new Set(a.terms.filter((t) => !t.phrase).map((t) => t.key)));
    const groups = groupsOf(unigramKeys);
    const groupKeys = new Map<number, Set<string>>();
    analysed.forEach((a, i) => {
      const g = groups[i] as number;
      const set = groupKeys.get(g) ?? new Set<string>();
      for (const k of a.keys) set.add(k);
      groupKeys.set(g, set);
    });
    groupCount += groupKeys.size;
    for (const set of groupKeys.values()) for (const k of set) briefingDf.set(k, (briefingDf.get(k) ?? 0) + 1);
    if (bill === billId) {
      mine = analysed.map((a, i) => ({
        id: a.p.id,
        text: a.p.text,
        tokens: a.tokens,
        terms: a.terms,
        keys: a.keys,
        group: groups[i] as number,
        companions: [],
        damping: 1,
        briefingId: a.p.briefingId,
      }));
    }
  }
  // The bill's title is in every speech on it, and the LGA's name in many: neither is a subject.
  const titleTerms = new Set<string>();
  const titleWords = new Set<string>();
  for (const title of [bill.title, ...bill.aliases, ...(bill.actTitle ? [bill.actTitle] : [])]) {
    for (const t of termsOf(tokenize(title))) {
      titleTerms.add(t.key);
      if (!t.phrase) titleWords.add(t.key);
    }
  }
  for (const t of termsOf(tokenize(LGA_NAMES))) titleTerms.add(t.key);
  // Nor is any pairing of the title's own words (`children's social care` on the Children and Social Work Bill):
  // speeches on the bill say them together whatever their subject.
  for (const p of mine) {
    for (const t of p.terms) if (t.phrase && t.key.split(' ').every((k) => titleWords.has(k))) titleTerms.add(t.key);
  }
  const weights = termWeights(learnt, briefingDf, groupCount, titleTerms);
  linkCompanions(mine, weights);
  const byTerm = new Map<string, number[]>();
  const phraseStarts = new Set<string>();
  mine.forEach((p, i) => {
    const content = p.terms.filter((t) => !t.phrase).length;
    p.damping = Math.sqrt(Math.max(1, content / TOPIC_TUNING.typicalTerms));
    for (const k of p.keys) {
      const holders = byTerm.get(k);
      if (holders) holders.push(i);
      else byTerm.set(k, [i]);
    }
    for (const t of p.terms) if (t.phrase) phraseStarts.add(t.key.slice(0, t.key.indexOf(' ')));
  });
  return { billId, positions: mine, weights, byTerm, phraseStarts };
}

/**
 * Pairs of positions of one briefing whose shared subject weight says they make the same point. Pairs are compared
 * within each briefing only, and not at all in a briefing larger than `companionsUpTo` (the work is quadratic).
 */
function linkCompanions(positions: IndexedPosition[], weights: TermWeights): void {
  const byBriefing = new Map<string, number[]>();
  for (const [i, p] of positions.entries()) {
    const indexes = byBriefing.get(p.briefingId);
    if (indexes) indexes.push(i);
    else byBriefing.set(p.briefingId, [i]);
  }
  for (const indexes of byBriefing.values()) {
    if (indexes.length > TOPIC_TUNING.companionsUpTo) continue;
    for (let n = 0; n < indexes.length; n++) {
      const i = indexes[n] as number;
      const a = positions[i] as IndexedPosition;
      for (let m = n + 1; m < indexes.length; m++) {
        const j = indexes[m] as number;
        const b = positions[j] as IndexedPosition;
        if (a.group === b.group) continue;
        let shared = 0;
        for (const k of a.keys) {
          if (!b.keys.has(k)) continue;
          const w = weights.weight(k);
          if (w >= TOPIC_TUNING.minTermWeight) shared += w;
        }
        if (shared >= TOPIC_TUNING.companion) {
          a.companions.push(j);
          b.companions.push(i);
        }
      }
    }
  }
}

interface Evidence {
  key: string;
  weight: number;
  surface: string;
  phrase: boolean;
  /** Times the paragraph says it. */
  count: number;
}

const LGA_NAMES = 'LGA, Local Government Association';

interface Candidate {
  index: number;
  score: number;
  evidence: Evidence[];
}

/** The words of the paragraph behind each term key (first occurrence), as written. */
function surfaceOf(text: string, tokens: readonly Token[], term: Term): string {
  const first = tokens[term.token] as Token;
  const last = tokens[term.token + (term.phrase ? 1 : 0)] as Token;
  return text.slice(first.start, last.end);
}

export function scoreParagraph(index: TopicIndex, text: string, tokens = tokenize(text)): Candidate[] {
  // The paragraph's terms that some position holds, with how often it says each (most of a page's words and word
  // pairs are in no position: they are looked up, not kept; a pair is spelt out only after a phrase's first word).
  const seen = new Map<string, { term: Term; count: number }>();
  const note = (key: string, token: number, phrase: boolean) => {
    const s = seen.get(key);
    if (s) s.count++;
    else if (index.byTerm.has(key)) seen.set(key, { term: { key, token, phrase }, count: 1 });
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.stop) continue;
    note(token.stem, i, false);
    const next = tokens[i + 1];
    if (next && !next.stop && next.joined && index.phraseStarts.has(token.stem))
      note(`${token.stem} ${next.stem}`, i, true);
  }
  const candidates = new Map<number, Candidate>();
  for (const [key, { term, count }] of seen) {
    const holders = index.byTerm.get(key);
    if (!holders) continue;
    const weight = index.weights.weight(key);
    if (weight < TOPIC_TUNING.minTermWeight) continue;
    const evidence = { key, weight, surface: surfaceOf(text, tokens, term), phrase: term.phrase, count };
    for (const i of holders) {
      const c = candidates.get(i) ?? { index: i, score: 0, evidence: [] };
      c.evidence.push(evidence);
      candidates.set(i, c);
    }
  }
  const out: Candidate[] = [];
  for (const c of candidates.values()) {
    const words = new Set(c.evidence.flatMap((e) => e.key.split(' ')));
    if (words.size < TOPIC_TUNING.minTerms) continue;
    const strongWords = c.evidence.filter((e) => !e.phrase && e.weight >= TOPIC_TUNING.minStrongWord).length;
    const subject =
      strongWords >= 2 ||
      c.evidence.some(
        (e) =>
          (e.phrase && e.weight >= TOPIC_TUNING.minPhraseWeight) ||
          (e.weight >= TOPIC_TUNING.minRepeatedWeight && e.count >= TOPIC_TUNING.minRepeats),
      );
    if (!subject) continue;
    c.score =
      c.evidence.reduce((s, e) => s + e.weight * (1 + TOPIC_TUNING.repeatBoost * Math.log(e.count)), 0) /
      (index.positions[c.index] as IndexedPosition).damping;
    c.evidence.sort((a, b) => b.weight - a.weight);
    out.push(c);
  }
  return out.sort((a, b) => b.score - a.score);
}

const round = (n: number) => Math.round(n * 100) / 100;

/** The words to show for a link: phrases first, a word already inside a shown phrase left out. */
function explain(evidence: readonly Evidence[]): string[] {
  const shown: string[] = [];
  const covered = new Set<string>();
  for (const e of [...evidence.filter((x) => x.phrase), ...evidence.filter((x) => !x.phrase)]) {
    if (!e.phrase && covered.has(e.key)) continue;
    for (const k of e.key.split(' ')) covered.add(k);
    if (!shown.some((s) => s.toLowerCase() === e.surface.toLowerCase())) shown.push(e.surface);
    if (shown.length === 6) break;
  }
  return shown;
}

export function topicLinks(index: TopicIndex, text: string, tokens = tokenize(text)): TopicLink[] {
  const candidates = scoreParagraph(index, text, tokens);
  const best = candidates[0]?.score ?? 0;
  const links: TopicLink[] = [];
  const companions: { of: Candidate; strength: LinkStrength }[] = [];
  const bulletsShown = new Set<number>();
  const phrasesShown = new Set<string>();
  for (const c of candidates) {
    if (c.score < TOPIC_TUNING.related || c.score < best * TOPIC_TUNING.relativeToBest) break;
    const position = index.positions[c.index] as IndexedPosition;
    // A bullet repeated at several stages is one subject: its best-scoring copy stands for it.
    if (bulletsShown.has(position.group)) continue;
    // So is a phrase: a position that shares the main phrase (`care leavers`) of an earlier, stronger link is another
    // bullet on the same words, not another subject (the same point restated comes in as a companion below).
    const phrases = c.evidence.filter((e) => e.phrase && e.weight >= TOPIC_TUNING.minPhraseWeight).map((e) => e.key);
    if (phrases.some((k) => phrasesShown.has(k))) continue;
    for (const k of phrases) phrasesShown.add(k);
    bulletsShown.add(position.group);
    const strength: LinkStrength = c.score >= TOPIC_TUNING.direct ? 'direct' : 'related';
    links.push({ positionId: position.id, strength, score: round(c.score), terms: explain(c.evidence) });
    companions.push({ of: c, strength });
    if (links.length === TOPIC_TUNING.maxLinks) break;
  }
  // The same point made elsewhere in the briefing comes with it, explained by the words it shares with the paragraph.
  const byIndex = new Map(candidates.map((c) => [c.index, c]));
  for (const { of, strength } of companions) {
    for (const j of (index.positions[of.index] as IndexedPosition).companions) {
      const companion = index.positions[j] as IndexedPosition;
      if (bulletsShown.has(companion.group)) continue;
      bulletsShown.add(companion.group);
      const own = byIndex.get(j);
      // Explained by its own words where the paragraph shares any, else by the words that linked the point it restates.
      const shared = own?.evidence ?? of.evidence.filter((e) => companion.keys.has(e.key));
      const evidence = shared.length > 0 ? shared : of.evidence;
      links.push({ positionId: companion.id, strength, score: round(own?.score ?? 0), terms: explain(evidence) });
    }
  }
  return links;
}

export function matchParagraph(index: TopicIndex, text: string): ParagraphTopics {
  const tokens = tokenize(text);
  const links = topicLinks(index, text, tokens);
  return { links, lgaMentions: lgaMentions(text), echoes: echoesOf(index, text, tokens, links) };
}
