/**
 * Which highlighted reference is under the pointer. Highlights drawn with the Custom Highlight API are not elements,
 * so there is no event target to ask: we keep our own index. The caret position under the pointer
 * (`caretPositionFromPoint`, or `caretRangeFromPoint` in older Chromium) names a text node; a map from text node to the
 * references that touch it gives the one or two candidates, and their client rects confirm the pointer is really on
 * the text (the caret API also answers for the blank space past a line's end). Without a caret API we scan cached
 * rects in document coordinates.
 */
import { type HighlightEntry, textNodesIn } from './highlight';

interface Point {
  x: number;
  y: number;
}

/** Slack around a line's box, in CSS px, so a pointer on the underline still counts. */
const SLACK = 2;

export interface HitIndex {
  at(x: number, y: number): HighlightEntry | null;
  /** Forget cached geometry (after resize or page mutation). */
  invalidate(): void;
  readonly size: number;
}

function inRects(rects: ArrayLike<DOMRectReadOnly>, p: Point, dx = 0, dy = 0): boolean {
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (
      p.x >= r.left + dx - SLACK &&
      p.x <= r.right + dx + SLACK &&
      p.y >= r.top + dy - SLACK &&
      p.y <= r.bottom + dy + SLACK
    ) {
      return true;
    }
  }
  return false;
}

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

function caretNodeAt(doc: CaretDoc, x: number, y: number): Node | null | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') return doc.caretPositionFromPoint(x, y)?.offsetNode ?? null;
  if (typeof doc.caretRangeFromPoint === 'function') return doc.caretRangeFromPoint(x, y)?.startContainer ?? null;
  return undefined; // no caret API at all
}

export function createHitIndex(doc: Document, entries: readonly HighlightEntry[]): HitIndex {
  const byNode = new Map<Node, HighlightEntry[]>();
  for (const entry of entries) {
    for (const node of textNodesIn(entry.range)) {
      const list = byNode.get(node);
      if (list) list.push(entry);
      else byNode.set(node, [entry]);
    }
  }
  // Document-coordinate rects, cached per layout (scrolling does not change them; resize and mutation do).
  let docRects: Array<{ entry: HighlightEntry; rects: DOMRectReadOnly[] }> | null = null;

  function scan(x: number, y: number): HighlightEntry | null {
    const win = doc.defaultView;
    const sx = win?.scrollX ?? 0;
    const sy = win?.scrollY ?? 0;
    if (!docRects) {
      docRects = entries.map((entry) => ({
        entry,
        rects: Array.from(entry.range.getClientRects(), (r) => new DOMRect(r.left + sx, r.top + sy, r.width, r.height)),
      }));
    }
    const p = { x: x + sx, y: y + sy };
    for (const { entry, rects } of docRects) if (inRects(rects, p)) return entry;
    return null;
  }

  return {
    size: entries.length,
    invalidate() {
      docRects = null;
    },
    at(x, y) {
      const node = caretNodeAt(doc as CaretDoc, x, y);
      if (node === undefined) return scan(x, y);
      if (!node) return null;
      const candidates = byNode.get(node);
      if (!candidates) return null;
      for (const entry of candidates) if (inRects(entry.range.getClientRects(), { x, y })) return entry;
      return null;
    },
  };
}
