/**
 * From references found in a text to the marks a reader sees (pure, no DOM).
 *
 * The grammar gives one entry per number, entries of one phrase sharing its span (`clauses 25 and 26` gives clause 25
 * and clause 26, both spanning the whole phrase). A reader hovering `26` means clause 26, so where every number's own
 * digits are known the phrase splits into one mark per number (the first keeps the keyword: `clauses 25`, then `26`).
 * Numbers with no digits of their own (the `12, 13` inside `11 to 14`) are the words between the range's ends (` to `):
 * pointing at `14` shows clause 14, never a neighbour.
 */
import type { FoundReference, MatchedPosition, PrintRelation, ReferenceMatch, Stance } from '../model';
import { stanceForProvision } from '../stance/shown';
import { referenceKey } from '../vocabulary';
import type { HighlightEntry } from './highlight';

/** One highlighted (or, in mode `all`, detected) span of the page and what the LGA says of its references. */
export interface Mark extends HighlightEntry {
  /** Index of the page section it is in. */
  section: number;
  refs: FoundReference[];
  matches: MatchedPosition[];
  /** Positions on its references the background left out of its bounded reply (`ReferenceMatch.more`), summed. */
  more: number;
}

export interface MarkSpan {
  start: number;
  end: number;
  refs: FoundReference[];
}

export function groupIntoMarks(found: readonly FoundReference[]): MarkSpan[] {
  const phrases = new Map<string, FoundReference[]>();
  for (const ref of found) {
    const key = `${ref.start}:${ref.end}`;
    const list = phrases.get(key);
    if (list) list.push(ref);
    else phrases.set(key, [ref]);
  }
  const marks: MarkSpan[] = [];
  for (const refs of phrases.values()) {
    const first = refs[0]!;
    const located = refs.filter(
      (r) =>
        r.numberStart !== undefined &&
        r.numberEnd !== undefined &&
        r.numberStart >= r.start &&
        r.numberEnd <= r.end &&
        r.numberEnd > r.numberStart,
    );
    // A range's unwritten numbers (`61` in `60 to 62`) carry the range's span, which holds the written ends' digits.
    const holdsAnother = (r: FoundReference) =>
      located.some(
        (q) =>
          q !== r &&
          q.numberStart! >= r.numberStart! &&
          q.numberEnd! <= r.numberEnd! &&
          q.numberEnd! - q.numberStart! < r.numberEnd! - r.numberStart!,
      );
    const own = located.filter((r) => !holdsAnother(r)).sort((a, b) => a.numberStart! - b.numberStart!);
    if (refs.length === 1 || own.length < 2) {
      marks.push({ start: first.start, end: first.end, refs: [...refs] });
      continue;
    }
    const split: MarkSpan[] = own.map((r, i) => ({
      start: i === 0 ? r.start : r.numberStart!,
      end: r.numberEnd!,
      refs: [r],
    }));
    // The unwritten numbers of a range belong to the words between its ends (` to `), so pointing at a written
    // number never shows a neighbour; without such words they go with the first mark.
    const between = new Map<string, MarkSpan>();
    for (const r of refs) {
      if (own.includes(r)) continue;
      const from = own.find((o) => o.numberStart === r.numberStart);
      const to = own.find((o) => o.numberEnd === r.numberEnd);
      if (r.numberStart === undefined || !from || !to || to.numberStart! <= from.numberEnd!) {
        split[0]!.refs.push(r);
        continue;
      }
      const key = `${from.numberEnd}:${to.numberStart}`;
      const span = between.get(key) ?? { start: from.numberEnd!, end: to.numberStart!, refs: [] };
      span.refs.push(r);
      between.set(key, span);
    }
    marks.push(...split, ...between.values());
  }
  return marks.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Chunk boundaries of a text at block separators, each about `size` characters, so a long page's text is scanned in
 * pieces that fit an idle slice. References never cross a block separator, so nothing is cut in two.
 */
export function blockChunks(text: string, size: number, separator = '\n'): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const cut = text.indexOf(separator, end);
      end = cut === -1 ? text.length : cut + 1;
    }
    chunks.push([start, end]);
    start = end;
  }
  return chunks;
}

export interface MarkLook {
  stance: Stance | null;
  applies: boolean;
}

/** The position a mark's look is taken from: its best applicable one, else its best other-print one. */
function leadOf(matches: readonly MatchedPosition[]): MatchedPosition | undefined {
  return matches.find((m) => m.applies === 'applies') ?? matches[0];
}

/** A mark's look: the stance of its best applicable position (else its best other-print one). */
export function lookOf(matches: readonly MatchedPosition[]): MarkLook {
  const lead = leadOf(matches);
  return {
    stance: lead ? stanceForProvision(lead.position, lead.ref).stance : null,
    applies: lead?.applies === 'applies',
  };
}

/**
 * How the print the look's position was numbered for relates to the page's: `this` when it applies; a match recorded
 * without one reads `unknown` (as the card's warning reads it).
 */
export function leadPrint(matches: readonly MatchedPosition[]): PrintRelation {
  const lead = leadOf(matches);
  return lead?.applies === 'applies' ? 'this' : (lead?.print ?? 'unknown');
}

/** The positions of several references of one mark, each position once, applicable first. */
export function mergeMatches(lists: ReadonlyArray<readonly MatchedPosition[]>): MatchedPosition[] {
  const seen = new Set<string>();
  const merged: MatchedPosition[] = [];
  for (const list of lists) {
    for (const m of list) {
      const key = `${m.position.id}|${referenceKey(m.ref)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      merged.push(m);
    }
  }
  return [...merged.filter((m) => m.applies === 'applies'), ...merged.filter((m) => m.applies !== 'applies')];
}

/**
 * The marks of one scanned text: its references grouped into spans (`groupIntoMarks`), each span's range from
 * `toRange` (a span whose range cannot be made is left out), numbered from `firstIndex`.
 */
export function marksOf(
  refs: readonly FoundReference[],
  matches: ReadonlyMap<string, ReferenceMatch>,
  toRange: (start: number, end: number) => Range,
  section: number,
  firstIndex: number,
): Mark[] {
  const marks: Mark[] = [];
  for (const span of groupIntoMarks(refs)) {
    let range: Range;
    try {
      range = toRange(span.start, span.end);
    } catch {
      continue;
    }
    const merged = mergeMatches(span.refs.map((r) => matches.get(referenceKey(r))?.positions ?? []));
    const look = lookOf(merged);
    // Each distinct reference once: a span may name the same provision twice.
    const keys = new Set(span.refs.map(referenceKey));
    let more = 0;
    for (const key of keys) more += matches.get(key)?.more ?? 0;
    marks.push({
      index: firstIndex + marks.length,
      section,
      range,
      refs: span.refs,
      matches: merged,
      more,
      stance: look.stance,
      applies: look.applies,
    });
  }
  return marks;
}
