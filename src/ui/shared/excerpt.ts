/**
 * Cutting a position's text into the pieces an excerpt shows: the sentence(s) that carry a reference, with the
 * reference itself marked. Pure; spans are clamped so a bad span from the dataset can never throw.
 */
import type { Span } from '../../model';

export interface ExcerptParts {
  /** Text before the mark (within the shown window). */
  before: string;
  /** The reference as written (may be empty if the mention lies outside the window). */
  marked: string;
  after: string;
  /** True when the window is only part of the text (there is more to show on expand). */
  partial: boolean;
}

function clampSpan(span: Span | undefined, length: number): Span | null {
  if (!span) return null;
  const start = Math.max(0, Math.min(length, Math.floor(span.start)));
  const end = Math.max(start, Math.min(length, Math.floor(span.end)));
  return Number.isFinite(start) && Number.isFinite(end) ? { start, end } : null;
}

/**
 * The parts to show: `window` is the evidence span (or the whole text when `whole`), and `mention` is marked when it
 * lies inside the window.
 */
export function excerptParts(
  text: string,
  evidence: Span | undefined,
  mention: Span | undefined,
  whole = false,
): ExcerptParts {
  const full = { start: 0, end: text.length };
  const windowSpan = whole ? full : (clampSpan(evidence, text.length) ?? full);
  const effectiveWindow = windowSpan.end > windowSpan.start ? windowSpan : full;
  const mark = clampSpan(mention, text.length);
  const partial = effectiveWindow.start > 0 || effectiveWindow.end < text.length;
  if (!mark || mark.start < effectiveWindow.start || mark.end > effectiveWindow.end || mark.end === mark.start) {
    return { before: text.slice(effectiveWindow.start, effectiveWindow.end), marked: '', after: '', partial };
  }
  return {
    before: text.slice(effectiveWindow.start, mark.start),
    marked: text.slice(mark.start, mark.end),
    after: text.slice(mark.end, effectiveWindow.end),
    partial,
  };
}
