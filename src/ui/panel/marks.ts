/**
 * Splitting a text into plain and marked runs, for references inside a position and for search terms in a result.
 * Pure: the components render the runs as text nodes and `<mark>` elements (never as HTML).
 */
import type { Span } from '../../model';

export interface Run {
  text: string;
  marked: boolean;
}

/** Sorts and merges overlapping or touching spans, clipped to the text. */
export function mergeSpans(spans: readonly Span[], length: number): Span[] {
  const sorted = spans
    .map((s) => ({ start: Math.max(0, s.start), end: Math.min(length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

export function splitRuns(text: string, spans: readonly Span[]): Run[] {
  const runs: Run[] = [];
  let at = 0;
  for (const span of mergeSpans(spans, text.length)) {
    if (span.start > at) runs.push({ text: text.slice(at, span.start), marked: false });
    runs.push({ text: text.slice(span.start, span.end), marked: true });
    at = span.end;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), marked: false });
  return runs;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where the search terms occur in a text: case-insensitive, at the start of a word (the search is prefix-matching,
 * so `parent` marks the start of `parenting`).
 */
export function termSpans(text: string, terms: readonly string[]): Span[] {
  const words = terms.map((t) => t.trim()).filter((t) => t.length > 0);
  if (words.length === 0) return [];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})`, 'giu');
  const spans: Span[] = [];
  for (const match of text.matchAll(pattern)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/** What an excerpt cut at its start begins with. */
const CUT = '… ';

/** An excerpt: its text (with `… ` where cut), its spans shifted into it, and where it is in the whole text. */
export interface Excerpt {
  text: string;
  spans: Span[];
  /** The excerpt's first and last character's offsets in the whole text (`to` exclusive). */
  from: number;
  to: number;
}

/**
 * A window of about `size` characters around the first marked span, cut at word boundaries, with its spans shifted
 * into the window. Short texts come back whole.
 */
export function excerpt(text: string, spans: readonly Span[], size = 240): Excerpt {
  if (text.length <= size) return { text, spans: [...spans], from: 0, to: text.length };
  const first = mergeSpans(spans, text.length)[0];
  let start = first ? Math.max(0, first.start - Math.floor(size / 3)) : 0;
  let end = Math.min(text.length, start + size);
  start = Math.max(0, end - size);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < (first?.start ?? end)) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start && space >= (first?.end ?? start)) end = space;
  }
  const cut = { from: start, to: end };
  const shown = (start > 0 ? CUT : '') + text.slice(start, end) + (end < text.length ? ' …' : '');
  return { text: shown, spans: spansInExcerpt(cut, spans), ...cut };
}

/** Spans of the whole text as spans of an excerpt's text: those it shows, clipped to it. */
export function spansInExcerpt(cut: Pick<Excerpt, 'from' | 'to'>, spans: readonly Span[]): Span[] {
  const shift = (cut.from > 0 ? CUT.length : 0) - cut.from;
  return spans
    .filter((s) => s.end > cut.from && s.start < cut.to)
    .map((s) => ({ start: Math.max(s.start, cut.from) + shift, end: Math.min(s.end, cut.to) + shift }));
}

/**
 * An excerpt that shows `keep` (a position's reservation sentence) whole where it can: a window cut through the
 * sentence is moved to start at it. `apart` is true when the sentence is still not whole in the window (too far
 * from the match, or too long), for the caller to show it on its own, once: never half in the excerpt and again whole
 * below it.
 */
export function excerptKeeping(
  text: string,
  spans: readonly Span[],
  keep: Span | null,
  size = 240,
): Excerpt & { apart: boolean } {
  const cut = excerpt(text, spans, size);
  const holds = (e: Excerpt, span: Span) => e.from <= span.start && span.end <= e.to;
  if (!keep || holds(cut, keep)) return { ...cut, apart: false };
  if (keep.end > cut.from && keep.start < cut.to) {
    const moved = excerpt(text, [keep, ...spans], size);
    if (holds(moved, keep)) return { ...moved, apart: false };
  }
  return { ...cut, apart: true };
}
