/**
 * The term frequencies learnt from real Hansard at build time (scripts/build-topic-terms.ts, run by
 * `npm run dataset`, `postinstall` and `build`).
 */
import generated from '../generated/topic-terms.json';
import type { LearntTerms } from './corpus';

export function learntTerms(): LearntTerms {
  return generated as LearntTerms;
}
