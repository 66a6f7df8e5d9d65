/** What saving a briefing replaces, in words (the capture preview and the options page say it before saving). */
import type { Duplicate } from '../../capture/duplicates';

/**
 * `Updates the briefing you added on 3 Dec` (one, the usual case); `Replaces 2 briefings you added: on 3 Dec, on
 * 5 Dec` (copies saved before these rules). `done`: said after saving (`It replaced the briefing you added on 3 Dec`).
 */
export function replacesLabel(
  replaces: readonly Pick<Duplicate, 'addedAt'>[],
  shortDate: (iso: string) => string,
  done = false,
): string {
  if (replaces.length === 0) return '';
  const when = replaces.map((d) => `on ${shortDate(d.addedAt)}`).join(', ');
  if (replaces.length === 1) return `${done ? 'It replaced' : 'Updates'} the briefing you added ${when}`;
  return `${done ? 'It replaced' : 'Replaces'} ${replaces.length} briefings you added: ${when}`;
}

/**
 * The reader's stance corrections a replacement removes (those of positions its new version no longer holds, see
 * src/store/records.ts), said before (`and 2 of your stance corrections no longer match and will be removed`) and
 * after (`done`: `… no longer matched and were removed`) as removing a briefing says it; '' for none.
 */
export function correctionsRemovedLabel(count: number, done = false): string {
  if (count <= 0) return '';
  const which = `and ${count} of your stance corrections`;
  if (done) return `${which} no longer matched and ${count === 1 ? 'was' : 'were'} removed`;
  return `${which} no longer match${count === 1 ? 'es' : ''} and will be removed`;
}
