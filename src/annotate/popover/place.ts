/**
 * Where the popover goes: below the reference, or above when there is no room below, never over it. Pure geometry in
 * viewport coordinates (the popover is `position: fixed`, so it causes no layout shift).
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
  /** The popover scrolls inside this height when neither side has room for all of it. */
  maxHeight: number;
  side: 'below' | 'above';
}

export function placePopover(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 6,
  margin = 8,
): Placement {
  const roomBelow = viewport.height - margin - (anchor.bottom + gap);
  const roomAbove = anchor.top - gap - margin;
  const side: Placement['side'] = size.height <= roomBelow || roomBelow >= roomAbove ? 'below' : 'above';
  const room = Math.max(0, side === 'below' ? roomBelow : roomAbove);
  const height = Math.min(size.height, room);
  const top = side === 'below' ? anchor.bottom + gap : anchor.top - gap - height;
  const maxLeft = viewport.width - margin - size.width;
  const left = Math.max(margin, Math.min(anchor.left, maxLeft));
  return { top: Math.round(top), left: Math.round(left), maxHeight: Math.floor(room), side };
}
