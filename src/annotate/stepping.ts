/**
 * Stepping through the page's references from the keyboard (Alt+Shift+N/P). By default each step goes to the next
 * *provision*: the first mention of each distinct clause, amendment or schedule in page order, so `Clause 1` said five
 * times is one stop, not five. With `every` (Ctrl+Alt+Shift+N/P) each mention is a stop. Pure: marks in, a mark out.
 */
import type { Reference } from '../model';
import { referenceKey } from '../vocabulary';

export interface SteppableMark {
  refs: readonly Reference[];
}

/** For each mark in page order: is it a stop? (the first mention of something not met before, or every mark) */
export function stopsOf(order: readonly SteppableMark[], every: boolean): boolean[] {
  if (every) return order.map(() => true);
  const seen = new Set<string>();
  return order.map((mark) => {
    const keys = mark.refs.map(referenceKey);
    const fresh = keys.some((k) => !seen.has(k));
    for (const k of keys) seen.add(k);
    return fresh;
  });
}

/**
 * The position in `order` of the next stop after `at` (or before it, going back), wrapping round the page. `at` may
 * be -1 (before the first) or `order.length` (after the last), and need not be a stop itself (a mention opened by
 * pointer). -1 when there is nothing to step to.
 */
export function nextStop(stops: readonly boolean[], at: number, direction: 1 | -1): number {
  const n = stops.length;
  for (let k = 1; k <= n; k++) {
    const i = (((at + direction * k) % n) + n) % n;
    if (stops[i]) return i;
  }
  return -1;
}
