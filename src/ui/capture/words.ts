/** What saving a briefing replaces, in words (the capture preview and the options page say it before saving). */
import type { Duplicate } from '../../capture/duplicates';

/**
 * `Updates the briefing you added on 3 Dec` (one, the usual case); `Replaces 2 briefings you added: on 3 Dec, on
 * 5 Dec` (copies saved before these rules).
 */
export function replacesLabel(replaces: readonly Duplicate[], shortDate: (iso: string) => string): string {
  if (replaces.length === 0) return '';
  if (replaces.length === 1) return `Updates the briefing you added on ${shortDate(replaces[0]!.addedAt)}`;
  return `Replaces ${replaces.length} briefings you added: ${replaces.map((d) => `on ${shortDate(d.addedAt)}`).join(', ')}`;
}
