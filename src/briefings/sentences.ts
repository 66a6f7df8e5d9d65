/**
 * Sentence spans of a bullet. A sentence ends at `.`, `!` or `?` followed by space and a capital (or an opening
 * bracket or quote), so `e.g. the`, `1.5` and `[Clause 9].` stay whole. Pure.
 */
import type { Span } from '../model';

const SENTENCE_END = /[.!?](?:["'’”)\]]*)\s+(?=[A-Z"'‘“([])/g;

export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const before = text.slice(Math.max(0, match.index - 4), match.index + 1);
    // Abbreviations that end in a full stop do not end a sentence.
    if (/\b(?:e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|No|St|cf)\.$/i.test(before)) continue;
    const end = match.index + match[0].trimEnd().length;
    spans.push({ start, end });
    start = match.index + match[0].length;
  }
  if (start < text.length) spans.push({ start, end: text.trimEnd().length });
  return spans.filter((span) => span.end > span.start);
}

/** The index of the sentence holding `offset` (by binary search), or of the nearest one before it; 0 if none. */
export function sentenceIndexAt(sentences: readonly Span[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  let found = 0;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sentences[mid]!.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Whether `offset` lies in one of `spans` (sorted, not overlapping). */
export function inSpans(spans: readonly Span[], offset: number): boolean {
  const span = spans[sentenceIndexAt(spans, offset)];
  return span !== undefined && offset >= span.start && offset < span.end;
}
