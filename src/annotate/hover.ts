/**
 * When the popover opens and closes, as a small state machine over timers (no DOM), after Wikipedia's page previews:
 * open after a dwell (`hoverDelayMs`, 250 ms by default) on a reference, the pointer resting there: a pointer that
 * keeps moving (a reader sweeping it along the lines while reading) restarts the dwell each time it strays more than
 * `DWELL_SLOP_PX` from where the dwell began, so it opens nothing (hoverIntent's rule: slow enough, long enough); close about 300 ms after the pointer leaves
 * both the reference and the popover, stay open while the pointer is inside the popover, pin on click (a pinned
 * popover ignores pointer-leave), close at once on Escape and when the reference scrolls out of view.
 */

export type OpenReason = 'hover' | 'click' | 'keyboard';
export type CloseReason = 'leave' | 'escape' | 'scroll' | 'outside' | 'replaced' | 'teardown';

export interface HoverCallbacks<Id> {
  open(id: Id, reason: OpenReason): void;
  close(id: Id, reason: CloseReason): void;
}

export interface HoverTiming {
  openDelayMs: number;
  closeDelayMs: number;
}

export const DEFAULT_CLOSE_DELAY_MS = 300;
/**
 * How far the pointer may drift during a dwell, in CSS px. With the default delay a pointer slower than ~30 px/s
 * (resting, or a hand's tremor) opens the popover; a reading sweep (100 px/s and more) does not.
 */
export const DWELL_SLOP_PX = 8;

export interface Point {
  x: number;
  y: number;
}

export interface HoverController<Id> {
  readonly openId: Id | null;
  readonly pinned: boolean;
  /** The pointer arrived on a reference, at `at` (viewport px) when known. */
  pointerEnterReference(id: Id, at?: Point): void;
  /** The pointer moved while on the same reference: a dwell under way restarts if it strayed too far. */
  pointerMoveOnReference(at: Point): void;
  pointerLeaveReference(): void;
  pointerEnterPopover(): void;
  pointerLeavePopover(): void;
  /** Click on a reference: open now and pin. A second click on the same reference unpins and closes. */
  clickReference(id: Id): void;
  /** Click somewhere that is neither a reference nor the popover. */
  clickOutside(): void;
  /** Keyboard (shortcut or side panel): open now, pinned, so focus can move into it. */
  openByKeyboard(id: Id): void;
  escape(): boolean;
  referenceScrolledOut(): void;
  setTiming(timing: Partial<HoverTiming>): void;
  dispose(): void;
}

export function createHoverController<Id>(
  callbacks: HoverCallbacks<Id>,
  timing: HoverTiming,
  timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis,
): HoverController<Id> {
  let current = { ...timing };
  let openId: Id | null = null;
  let pinned = false;
  let pendingId: Id | null = null;
  let dwellFrom: Point | null = null;
  let openTimer: ReturnType<typeof setTimeout> | null = null;
  let closeTimer: ReturnType<typeof setTimeout> | null = null;

  function cancelOpen(): void {
    if (openTimer !== null) timers.clearTimeout(openTimer);
    openTimer = null;
    pendingId = null;
    dwellFrom = null;
  }
  function cancelClose(): void {
    if (closeTimer !== null) timers.clearTimeout(closeTimer);
    closeTimer = null;
  }
  function closeNow(reason: CloseReason): void {
    cancelClose();
    if (openId === null) return;
    const id = openId;
    openId = null;
    pinned = false;
    callbacks.close(id, reason);
  }
  function openNow(id: Id, reason: OpenReason): void {
    cancelOpen();
    cancelClose();
    if (openId !== null && openId !== id) closeNow('replaced');
    openId = id;
    pinned = reason !== 'hover';
    callbacks.open(id, reason);
  }
  function scheduleClose(): void {
    if (pinned || openId === null || closeTimer !== null) return;
    closeTimer = timers.setTimeout(() => {
      closeTimer = null;
      closeNow('leave');
    }, current.closeDelayMs);
  }

  function startDwell(id: Id, at: Point | null): void {
    if (openTimer !== null) timers.clearTimeout(openTimer);
    pendingId = id;
    dwellFrom = at;
    openTimer = timers.setTimeout(() => {
      openTimer = null;
      pendingId = null;
      dwellFrom = null;
      openNow(id, 'hover');
    }, current.openDelayMs);
  }

  return {
    get openId() {
      return openId;
    },
    get pinned() {
      return pinned;
    },
    pointerEnterReference(id, at) {
      if (openId === id) {
        cancelClose();
        return;
      }
      if (pendingId === id) return;
      cancelOpen();
      // A pinned popover stays until dismissed: hovering another reference does not replace it.
      if (pinned) return;
      startDwell(id, at ?? null);
    },
    pointerMoveOnReference(at) {
      if (pendingId === null || dwellFrom === null) return;
      if (Math.hypot(at.x - dwellFrom.x, at.y - dwellFrom.y) <= DWELL_SLOP_PX) return;
      startDwell(pendingId, at);
    },
    pointerLeaveReference() {
      cancelOpen();
      scheduleClose();
    },
    pointerEnterPopover() {
      cancelOpen();
      cancelClose();
    },
    pointerLeavePopover() {
      scheduleClose();
    },
    clickReference(id) {
      if (openId === id && pinned) {
        closeNow('outside');
        return;
      }
      openNow(id, 'click');
    },
    clickOutside() {
      cancelOpen();
      if (openId !== null) closeNow('outside');
    },
    openByKeyboard(id) {
      openNow(id, 'keyboard');
    },
    escape() {
      cancelOpen();
      if (openId === null) return false;
      closeNow('escape');
      return true;
    },
    referenceScrolledOut() {
      cancelOpen();
      closeNow('scroll');
    },
    setTiming(next) {
      current = { ...current, ...next };
    },
    dispose() {
      cancelOpen();
      closeNow('teardown');
    },
  };
}
