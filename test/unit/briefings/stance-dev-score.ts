/**
 * The score of ../shared/tools/score-stance.mjs, in process: the compiler's stances against the hand labels in
 * ../shared/corpus/labels/stance-dev.json. Same matching (a position is the first compiled one whose text holds the
 * label's first 40 characters, squashed), same counts, same idea of a polarity flip.
 */
import { compileBriefing } from '../../../src/briefings/compile';
import type { Position, Stance } from '../../../src/model';
import { readShared, registryBills } from './paths';

interface GoldRef {
  ref: string;
  stance: Stance;
}
export interface GoldPosition {
  file: string;
  source: string;
  section: string | null;
  start: string;
  stance: Stance;
  refs?: GoldRef[];
  confidence: 'high' | 'low';
}

export interface Miss {
  file: string;
  start: string;
  what: string;
  got: Stance | null;
  want: Stance;
}

export interface StanceScore {
  positions: number;
  found: number;
  right: number;
  highConfidence: number;
  highConfidenceRight: number;
  flips: number;
  refs: number;
  refsFound: number;
  refsRight: number;
  refFlips: number;
  misses: Miss[];
}

export function goldPositions(): GoldPosition[] {
  return (JSON.parse(readShared('corpus/labels/stance-dev.json')) as { positions: GoldPosition[] }).positions;
}

const squash = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();
const WARM = new Set<Stance>(['support', 'mixed']);
export const isFlip = (want: Stance, got: Stance) =>
  (WARM.has(want) && got === 'oppose') ||
  (want === 'oppose' && WARM.has(got)) ||
  (want === 'concern' && got === 'support') ||
  (want === 'support' && (got === 'concern' || got === 'oppose'));

export function scoreStances(labels: readonly GoldPosition[] = goldPositions()): StanceScore {
  const compiled = new Map<string, Position[]>();
  const positionsOf = (gold: GoldPosition): Position[] => {
    const key = `${gold.source}/${gold.file}`;
    let positions = compiled.get(key);
    if (!positions) {
      positions = compileBriefing(readShared(key), gold.file, registryBills()).positions;
      compiled.set(key, positions);
    }
    return positions;
  };
  const score: StanceScore = {
    positions: labels.length,
    found: 0,
    right: 0,
    highConfidence: 0,
    highConfidenceRight: 0,
    flips: 0,
    refs: 0,
    refsFound: 0,
    refsRight: 0,
    refFlips: 0,
    misses: [],
  };
  for (const gold of labels) {
    const key = squash(gold.start).slice(0, 40);
    const position = positionsOf(gold).find((p) => squash(p.text).includes(key));
    score.refs += gold.refs?.length ?? 0;
    if (!position) continue;
    score.found++;
    if (gold.confidence === 'high') {
      score.highConfidence++;
      if (position.stance === gold.stance) score.highConfidenceRight++;
    }
    if (position.stance === gold.stance) score.right++;
    else
      score.misses.push({
        file: gold.file,
        start: gold.start,
        what: 'position',
        got: position.stance,
        want: gold.stance,
      });
    if (isFlip(gold.stance, position.stance)) score.flips++;
    for (const ref of gold.refs ?? []) {
      const [kind, number] = ref.ref.split(' ');
      const got = position.refs.find((r) => r.kind === kind && r.number.toUpperCase() === number!.toUpperCase());
      if (!got) continue;
      score.refsFound++;
      if (got.stance === ref.stance) score.refsRight++;
      else score.misses.push({ file: gold.file, start: gold.start, what: ref.ref, got: got.stance, want: ref.stance });
      if (isFlip(ref.stance, got.stance)) score.refFlips++;
    }
  }
  return score;
}
