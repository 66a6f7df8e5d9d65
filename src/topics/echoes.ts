/**
 * Echoes: where a speaker repeats the LGA's briefing. Two kinds, both only against the positions the paragraph is
 * already linked to (an echo is on the same subject by definition):
 *
 * - a long shared run of words (stems, function words included): at least `minRun` words in a row, carrying enough
 *   subject weight that it is not a stock phrase (`must be fully funded` is how every speaker on councils talks);
 * - a close paraphrase: a sentence most of whose subject weight is in words and phrases of the position.
 */
import type { TopicIndex, TopicLink } from './index';
import type { Token } from './text';
import { termsOf } from './text';

export interface Echo {
  positionId: string;
  /** The echoing words, as a span of the paragraph. */
  start: number;
  end: number;
  quote: string;
}

export const ECHO_TUNING = {
  minRun: 4,
  minRunContent: 3,
  /** Summed weight of the run's words and phrases. */
  minRunWeight: 1,
  /** Share of a sentence's subject weight found in the position. */
  paraphraseCoverage: 0.55,
  paraphraseWeight: 2.5,
  /** Distinct words of the position the sentence must repeat: naming the subject (`a unique identifier`) is not echoing. */
  paraphraseWords: 5,
} as const;

/** Maximal runs of equal stems at least `min` long, as [start in a, length]. */
function sharedRuns(a: readonly Token[], b: readonly Token[], min: number): [number, number][] {
  const runs: [number, number][] = [];
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if ((a[i - 1] as Token).stem === (b[j - 1] as Token).stem) row[j] = (previous[j - 1] as number) + 1;
    }
    for (let j = 1; j <= b.length; j++) {
      const length = row[j] as number;
      const continues = i < a.length && j < b.length && (a[i] as Token).stem === (b[j] as Token).stem;
      if (length >= min && !continues) runs.push([i - length, length]);
    }
    previous = row;
  }
  return runs;
}

/** Sentences as token ranges [from, to). */
function sentences(text: string, tokens: readonly Token[]): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let i = 1; i <= tokens.length; i++) {
    const gap = i < tokens.length ? text.slice((tokens[i - 1] as Token).end, (tokens[i] as Token).start) : '.';
    if (/[.!?;]/.test(gap)) {
      out.push([from, i]);
      from = i;
    }
  }
  return out;
}

export function echoesOf(
  index: TopicIndex,
  text: string,
  tokens: readonly Token[],
  links: readonly TopicLink[],
): Echo[] {
  const echoes: Echo[] = [];
  const weight = (key: string) => index.weights.weight(key);
  const span = (from: number, to: number) => {
    const start = (tokens[from] as Token).start;
    const end = (tokens[to - 1] as Token).end;
    return { start, end, quote: text.slice(start, end) };
  };
  for (const link of links) {
    const position = index.positions.find((p) => p.id === link.positionId);
    if (!position) continue;
    // The heaviest run that is not a stock phrase.
    let best: { at: number; length: number; weight: number } | null = null;
    for (const [at, length] of sharedRuns(tokens, position.tokens, ECHO_TUNING.minRun)) {
      const runTokens = tokens.slice(at, at + length);
      if (runTokens.filter((t) => !t.stop).length < ECHO_TUNING.minRunContent) continue;
      const w = [...new Set(termsOf(runTokens).map((t) => t.key))].reduce((sum, k) => sum + weight(k), 0);
      if (w >= ECHO_TUNING.minRunWeight && (!best || w > best.weight)) best = { at, length, weight: w };
    }
    if (best) {
      echoes.push({ positionId: position.id, ...span(best.at, best.at + best.length) });
      continue;
    }
    for (const [from, to] of sentences(text, tokens)) {
      const terms = termsOf(tokens.slice(from, to));
      const keys = new Set(terms.map((t) => t.key));
      let total = 0;
      let shared = 0;
      let words = 0;
      for (const k of keys) {
        const w = weight(k);
        total += w;
        if (!position.keys.has(k)) continue;
        shared += w;
        if (!k.includes(' ') && w > 0) words++;
      }
      if (
        words >= ECHO_TUNING.paraphraseWords &&
        shared >= ECHO_TUNING.paraphraseWeight &&
        shared >= total * ECHO_TUNING.paraphraseCoverage
      ) {
        echoes.push({ positionId: position.id, ...span(from, to) });
        break;
      }
    }
  }
  return echoes.sort((a, b) => a.start - b.start);
}
