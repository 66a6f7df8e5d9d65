/**
 * Stage labels as pages write them (`Report (2nd Day)`, `Committee (10th Day)`, `Third Reading`,
 * `Consideration of Lords Amendments`, `Fourteenth Sitting`) -> the stage vocabulary of src/model.ts.
 */
import type { Stage } from '../model';

/** Checked in order against a short procedural line (the whole line must be the label). */
export const STAGE_LABELS: ReadonlyArray<readonly [RegExp, Stage]> = [
  [/^consideration of (?:lords|commons) amendments?\b/i, 'consideration-of-amendments'],
  [/^(?:lords|commons) amendments?(?:\s*\(.*\))?\.?$/i, 'consideration-of-amendments'],
  [/^(?:bill,? )?(?:as amended[^,]*,\s*)?considered\.?$/i, 'report'],
  [/^consideration of bill\b/i, 'report'],
  [/^report(?: stage)?(?:\s*\([^)]*\))?\.?$/i, 'report'],
  [/^third reading(?:\s*\([^)]*\))?\.?$/i, 'third-reading'],
  [/^second reading(?:\s*\([^)]*\))?\.?$/i, 'second-reading'],
  [/^second reading committee\.?$/i, 'second-reading'],
  [/^first reading\.?$/i, 'first-reading'],
  [/^remaining stages\.?$/i, 'remaining-stages'],
  [/^considered in committee\b/i, 'committee'],
  [/^committee(?: stage)?(?:\s*\([^)]*\))?\.?$/i, 'committee'],
  [/^committee of the whole house\b/i, 'committee'],
  [/^grand committee(?:\s*\([^)]*\))?\.?$/i, 'committee'],
  [/^(?:[a-z]+(?:-[a-z]+)?|\d+(?:st|nd|rd|th)) sitting\.?$/i, 'committee'],
  [/^royal assent\.?$/i, 'royal-assent'],
];

/** The stage a procedural line names, or null. `line` is trimmed text, e.g. `Report (2nd Day)`. */
export function parseStageLabel(line: string): Stage | null {
  const text = line.replace(/\s+/g, ' ').trim();
  if (!text || text.length > 90) return null;
  for (const [pattern, stage] of STAGE_LABELS) if (pattern.test(text)) return stage;
  return null;
}

/** `That the Bill be now read a Second time` in a motion: the stage when no label says it. */
export const STAGE_MOTIONS: ReadonlyArray<readonly [RegExp, Stage]> = [
  [/\bThat the Bill be now read a(?:n)? Second time\b/i, 'second-reading'],
  [/\bThat the Bill be now read the Third time\b/i, 'third-reading'],
  [/\bThat the Bill do now pass\b/i, 'third-reading'],
];

export function stageFromMotion(text: string): Stage | null {
  for (const [pattern, stage] of STAGE_MOTIONS) if (pattern.test(text)) return stage;
  return null;
}

/** `FourteenthSitting` / `SecondSitting` (a Hansard slug) -> `Fourteenth Sitting`. */
export function sittingLabelFromSlug(slug: string): string | null {
  const m = /\(([A-Za-z-]+)Sitting\)\s*$/.exec(slug);
  if (!m) return null;
  const ordinal = (m[1] as string).replace(/([a-z])([A-Z])/g, '$1-$2');
  return `${ordinal.charAt(0).toUpperCase()}${ordinal.slice(1)} Sitting`;
}
