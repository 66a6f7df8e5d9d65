/**
 * How much a shared term says about a subject. Two frequencies, both learnt, multiplied:
 *
 * - Debate: in how many paragraphs of real Hansard the term occurs (learnt at build time, see
 *   scripts/build-topic-terms.ts). Words every speech uses (`Government`, `important`, `ensure`) weigh little.
 * - The LGA's briefings: in how many of the dataset's positions (a bullet repeated at several stages counted once),
 *   on any bill, and of the LGA's briefing paragraphs on other bills (learnt at build time) the term occurs. A word
 *   in many of them (`children`, `councils`, `appropriately`, `funded`) is how the LGA writes, not what a bullet is
 *   about; a word in one bullet (`uniform`, `identifier`) is that bullet's subject.
 *
 * Both are inverse document frequencies scaled to 0..1, so a weight is 1 for a term rare in debate and found in a
 * single LGA position.
 */
import type { LearntTerms } from './corpus';

export const WEIGHT_TUNING = {
  /**
   * The debate corpus is a few thousand paragraphs, so its inverse frequencies are compressed (a phrase in 3 of 1,300
   * paragraphs, `bring forward`, would still weigh 0.8). A term seen there at all is parliamentary language; the
   * power spreads the scale so that only terms debate rarely uses stay heavy.
   */
  debatePower: 3,
  /** A phrase's words must each weigh this much in debate (after the power). */
  minPhraseWordDebate: 0.03,
};

export interface TermWeights {
  weight(key: string): number;
}

function scaledIdf(df: number, docs: number): number {
  return Math.max(0, Math.log((docs + 1) / (df + 1)) / Math.log(docs + 1));
}

export function termWeights(
  learnt: LearntTerms,
  positionDf: ReadonlyMap<string, number>,
  positionGroups: number,
  ignored: ReadonlySet<string>,
): TermWeights {
  const cache = new Map<string, number>();
  const debateOf = (key: string) =>
    scaledIdf(learnt.hansard.df[key] ?? 0, learnt.hansard.paragraphs) ** WEIGHT_TUNING.debatePower;
  // The words every debate uses (`Bill`, `Government`, `support`, `people`) make no subject phrase either
  // (`Bill brings`, `support amendment`, `young people`), however rarely the pair itself was seen.
  const phraseOfSubjectWords = (key: string) =>
    !key.includes(' ') || key.split(' ').every((k) => debateOf(k) >= WEIGHT_TUNING.minPhraseWordDebate);
  return {
    weight(key) {
      let w = cache.get(key);
      if (w === undefined) {
        const debate = debateOf(key);
        const lga = scaledIdf(
          (positionDf.get(key) ?? 0) + (learnt.briefings.df[key] ?? 0),
          positionGroups + learnt.briefings.paragraphs,
        );
        w = ignored.has(key) || !phraseOfSubjectWords(key) ? 0 : debate * lga;
        cache.set(key, w);
      }
      return w;
    },
  };
}
