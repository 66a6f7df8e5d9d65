/**
 * Where the popover goes so that it covers the least of what is being read. Pure geometry in viewport coordinates
 * (the popover is `position: fixed`, so it causes no layout shift).
 *
 * In order of preference:
 * 1. beside the paragraph (the text column) when the viewport has room on its right or left: it covers no text;
 * 2. above the reference: it covers only lines already read;
 * 3. below, clear of the reference's line and the next two lines (the text about to be read);
 * 4. neither fits whole: the side with more room, the popover scrolling inside it (its header stays put).
 * In every case the reference's line and the two lines after it stay uncovered.
 */

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Placement {
  top: number;
  left: number;
  /** The popover scrolls inside this height when the chosen side has no room for all of it. */
  maxHeight: number;
  side: 'beside' | 'below' | 'above';
}

export interface PlaceOptions {
  /** Height of one line of the text read (the reference's first line box); the anchor's height when not given. */
  lineHeight?: number;
  /** Left and right edges of the paragraph holding the reference, for placing beside it. */
  column?: Pick<Box, 'left' | 'right'>;
  gap?: number;
  margin?: number;
}

/** Lines after the reference's own that the popover must leave uncovered. */
export const CLEAR_LINES = 2;

export function placePopover(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  { lineHeight, column, gap = 6, margin = 8 }: PlaceOptions = {},
): Placement {
  const line = lineHeight && lineHeight > 0 ? lineHeight : Math.max(0, anchor.bottom - anchor.top);
  const fullHeight = Math.max(0, viewport.height - 2 * margin);

  if (column) {
    const rightRoom = viewport.width - margin - (column.right + gap);
    const leftRoom = column.left - gap - margin;
    const left =
      rightRoom >= size.width ? column.right + gap : leftRoom >= size.width ? column.left - gap - size.width : null;
    if (left !== null) {
      const height = Math.min(size.height, fullHeight);
      // The header level with the reference's line, moved up as far as needed to fit the viewport.
      const top = Math.max(margin, Math.min(anchor.top - 8, viewport.height - margin - height));
      return { top: Math.round(top), left: Math.round(left), maxHeight: Math.floor(fullHeight), side: 'beside' };
    }
  }

  const roomAbove = anchor.top - gap - margin;
  const clearBelow = anchor.bottom + CLEAR_LINES * line;
  const roomBelow = viewport.height - margin - (clearBelow + gap);
  const side: Placement['side'] =
    size.height <= roomAbove
      ? 'above'
      : size.height <= roomBelow
        ? 'below'
        : roomAbove >= roomBelow
          ? 'above'
          : 'below';
  const room = Math.max(0, side === 'above' ? roomAbove : roomBelow);
  const height = Math.min(size.height, room);
  const top = side === 'below' ? clearBelow + gap : anchor.top - gap - height;
  const maxLeft = viewport.width - margin - size.width;
  const left = Math.max(margin, Math.min(anchor.left, maxLeft));
  return { top: Math.round(top), left: Math.round(left), maxHeight: Math.floor(room), side };
}
