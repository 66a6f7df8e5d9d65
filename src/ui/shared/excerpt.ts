/**
 * Cutting a position's text into the pieces an excerpt shows: the sentence(s) that carry a reference, with the
 * reference itself marked. Pure; spans are clamped so a bad span from the dataset can never throw.
 */
import { sentenceIndexAt, sentenceSpans } from '../../briefings/sentences';
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

/**
 * The sentences of the deciding words that lie outside `windows`: shown too, so the words "Reads as …" quotes are
 * always on the card (a position's stance may be decided by a sentence before the one naming the provision: `We
 * support the model … [Clause 9] …`). None where there is no window (the whole text is shown then).
 */
export function cueWindows(
  text: string,
  windows: ReadonlyArray<Span | null | undefined>,
  decided: readonly Span[] | undefined,
): Span[] {
  const shown = windows.filter((w): w is Span => !!w && w.end > w.start);
  if (!shown.length || !decided?.length) return [];
  const outside = decided.filter((cue) => !shown.some((w) => w.start <= cue.start && cue.end <= w.end));
  if (!outside.length) return [];
  const sentences = sentenceSpans(text);
  return outside.flatMap((cue) => {
    const sentence = sentences[sentenceIndexAt(sentences, cue.start)];
    return sentence && sentence.start <= cue.start && cue.end <= sentence.end ? [sentence] : [cue];
  });
}

/** A run of an excerpt: plain text, the reference (`mention`), a deciding word (`cue`), or a cut between windows. */
export type ExcerptSegment = { text: string; mark: 'mention' | 'cue' | null } | { gap: true };

/**
 * The runs to show of a position: the windows (the sentence with the reference, and the caveat sentence of a
 * `mixed`/`concern` position, which is always shown), or the whole text when `whole`; the reference and the deciding
 * words marked (the reference wins where they overlap). Windows that touch are merged; a cut between them is a gap.
 */
export function excerptSegments(
  text: string,
  options: {
    windows: ReadonlyArray<Span | null | undefined>;
    mention?: Span;
    decided?: readonly Span[];
    whole?: boolean;
  },
): ExcerptSegment[] {
  const length = text.length;
  const full = { start: 0, end: length };
  const given = options.windows.map((w) => clampSpan(w ?? undefined, length)).filter((w) => w && w.end > w.start);
  const windows = options.whole || given.length === 0 ? [full] : mergeTouching(given as Span[], text);
  const mention = clampSpan(options.mention, length);
  const marks: Array<Span & { mark: 'mention' | 'cue' }> = [];
  if (mention && mention.end > mention.start) marks.push({ ...mention, mark: 'mention' });
  for (const span of options.decided ?? []) {
    const cue = clampSpan(span, length);
    if (cue && cue.end > cue.start) marks.push({ ...cue, mark: 'cue' });
  }
  const segments: ExcerptSegment[] = [];
  windows.forEach((window, i) => {
    if (i > 0 || window.start > 0) segments.push({ gap: true });
    let at = window.start;
    while (at < window.end) {
      // The mark covering `at` (mention first), else plain text up to the next mark's start.
      const covering = marks
        .filter((m) => m.start <= at && m.end > at)
        .sort((a, b) => (a.mark === 'mention' ? -1 : b.mark === 'mention' ? 1 : 0))[0];
      if (covering) {
        const end = Math.min(
          window.end,
          covering.end,
          ...marks.filter((m) => m.mark === 'mention' && m.start > at).map((m) => m.start),
        );
        segments.push({ text: text.slice(at, end), mark: covering.mark });
        at = end;
        continue;
      }
      const next = Math.min(window.end, ...marks.filter((m) => m.start > at).map((m) => m.start));
      segments.push({ text: text.slice(at, next), mark: null });
      at = next;
    }
  });
  const last = windows[windows.length - 1];
  if (last && last.end < length) segments.push({ gap: true });
  return segments;
}

/** Windows in text order, those only whitespace apart merged into one. */
function mergeTouching(windows: readonly Span[], text: string): Span[] {
  const sorted = [...windows].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const w of sorted) {
    const last = merged[merged.length - 1];
    if (last && (w.start <= last.end || text.slice(last.end, w.start).trim() === ''))
      last.end = Math.max(last.end, w.end);
    else merged.push({ ...w });
  }
  return merged;
}
