/**
 * The reader's side of the marks: hovering, clicking and stepping through them opens the popover (./popover)
 * on the right one, keeps it beside its reference while the page scrolls, and closes it as the hover rules say
 * (hover.ts). Fed by page-input.ts; reads the run's marks and hit index through getters, so a new run needs no rewiring.
 */
import type { BackgroundRequest } from '../messaging';
import type { MatchedPosition, Reference } from '../model';
import type { ColourScheme, Highlighter } from './highlight';
import type { HitIndex } from './hit-test';
import { createHoverController, DEFAULT_CLOSE_DELAY_MS, type HoverController } from './hover';
import type { Mark } from './marks';
import type { PageInputHandlers } from './page-input';
import { createPopoverHost } from './popover/host';
import { nextStop, stopsOf } from './stepping';

/** What the driver needs of the popover (popover/host.tsx `PopoverHost` is one). */
export interface PopoverView {
  show(options: {
    reference: Reference;
    /** Every reference of the mark (a range's unwritten members): positions are labelled by provision. */
    references?: readonly Reference[];
    positions: readonly MatchedPosition[];
    /** Positions the background left out of its bounded reply: "n more in the side panel". */
    more?: number;
    /** The reference's text: the popover is placed from its line boxes and paragraph, and focus returns to it. */
    range?: Range;
    /** The reference's box (viewport coordinates) the popover must not cover. */
    anchor: { left: number; top: number; right: number; bottom: number };
    /** Move focus into the popover (keyboard, click); otherwise its content is announced. */
    focus: boolean;
    /** `correct`: open the panel at the position's "Not right?" form for this provision. */
    onReadBriefing(match: MatchedPosition, correct?: boolean): void;
    onClose(): void;
  }): void;
  reposition(anchor: DOMRect): void;
  hide(): void;
  /** True when the event's path goes through the popover. */
  contains(event: Event): boolean;
  setScheme(scheme: ColourScheme): void;
  destroy(): void;
}

export interface PopoverDriverDeps {
  doc: Document;
  marks(): readonly Mark[];
  /** The marks drawn, in page order (what stepping walks). */
  drawnMarks(): readonly Mark[];
  hit(): HitIndex | null;
  highlighter(): Highlighter | null;
  hoverDelayMs(): number;
  /** The page's colour scheme now. */
  scheme(): ColourScheme;
  send(request: BackgroundRequest): Promise<unknown>;
  log(message: string, error?: unknown): void;
}

export interface PopoverDriver extends PageInputHandlers {
  /** Creates the popover's host and starts loading the popover, ahead of the first hover (a page with positions). */
  prepare(): void;
  focusMark(index: number, focus?: boolean): boolean;
  /** Alt+Shift+N/P: the next distinct provision (`every`: the next mention), from the open one or the screen. */
  step(direction: 1 | -1, every?: boolean): boolean;
  /** The mark whose popover is open, if any. */
  readonly openIndex: number | null;
  /** Closes the open popover, as Escape would (its mark is about to be renumbered). */
  close(): void;
  setHoverDelay(ms: number): void;
  /** A new run: forget the hover state (the host stays). */
  reset(): void;
  destroy(): void;
}

/**
 * The box the popover must not cover: the whole reference vertically (it may wrap onto two lines), its first line's
 * left edge horizontally (where the reader's eye is).
 */
function markRect(mark: Mark): DOMRect | null {
  const whole = mark.range.getBoundingClientRect();
  if (!whole.width && !whole.height) return null;
  const first = mark.range.getClientRects()[0];
  return first ? new DOMRect(first.left, whole.top, whole.right - first.left, whole.height) : whole;
}

export function createPopoverDriver(deps: PopoverDriverDeps): PopoverDriver {
  const { doc } = deps;
  const win = doc.defaultView as Window & typeof globalThis;
  let host: PopoverView | null = null;
  let hover: HoverController<number> | null = null;
  let pointerOver: number | null = null;
  let inPopover = false;

  function ensureHost(): PopoverView {
    host ??= createPopoverHost(doc, deps.scheme());
    return host;
  }

  function open(index: number, reason: 'hover' | 'click' | 'keyboard'): void {
    const mark = deps.marks()[index];
    if (!mark) return;
    const firstRef = mark.matches[0]?.ref ?? mark.refs[0]!;
    ensureHost().show({
      reference: { kind: firstRef.kind, number: firstRef.number },
      references: mark.refs.map((r) => ({ kind: r.kind, number: r.number })),
      positions: mark.matches,
      more: mark.more,
      range: mark.range,
      anchor: markRect(mark) ?? new DOMRect(0, 0, 0, 0),
      focus: reason !== 'hover',
      onReadBriefing: (match, correct) => {
        // Synchronously, inside the click: Chrome opens the side panel only within the user's gesture.
        void deps
          .send({
            type: 'openPanel',
            briefingId: match.briefing.id,
            positionId: match.position.id,
            ...(correct ? { correct: { ref: { kind: match.ref.kind, number: match.ref.number } } } : {}),
          })
          .catch((error) => deps.log('openPanel failed', error));
      },
      onClose: () => hover?.escape(),
    });
    deps.highlighter()?.setActive(mark);
  }

  function hide(): void {
    host?.hide();
    deps.highlighter()?.setActive(null);
  }

  function ensureHover(): HoverController<number> {
    hover ??= createHoverController<number>(
      { open, close: hide },
      { openDelayMs: deps.hoverDelayMs(), closeDelayMs: DEFAULT_CLOSE_DELAY_MS },
      win,
    );
    return hover;
  }

  function focusMark(index: number, focus = true): boolean {
    const mark = deps.marks()[index];
    if (!mark) return false;
    mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'auto' });
    if (focus) ensureHover().openByKeyboard(index);
    else ensureHover().clickReference(index);
    return true;
  }

  const driver: PopoverDriver = {
    prepare() {
      // On a page with positions the popover is made now (its script loaded with this driver while the background is
      // idle: the topic links that follow each section can keep it busy for a while with a very large briefing), not
      // at the first hover.
      ensureHost();
    },
    get openIndex() {
      return hover?.openId ?? null;
    },
    pointer(at) {
      if (!at) {
        if (pointerOver !== null) hover?.pointerLeaveReference();
        pointerOver = null;
        return;
      }
      const hit = deps.hit();
      if (!hit) return;
      const h = ensureHover();
      if (at.inPopover) {
        if (!inPopover) {
          inPopover = true;
          h.pointerEnterPopover();
        }
        return;
      }
      if (inPopover) {
        inPopover = false;
        h.pointerLeavePopover();
      }
      const index = hit.at(at.x, at.y)?.index ?? null;
      const point = { x: at.x, y: at.y };
      if (index === pointerOver) {
        if (index !== null) h.pointerMoveOnReference(point);
        return;
      }
      if (pointerOver !== null) h.pointerLeaveReference();
      pointerOver = index;
      if (index !== null) h.pointerEnterReference(index, point);
    },
    inPopover: (event) => !!host?.contains(event),
    click(x, y) {
      const entry = deps.hit()?.at(x, y);
      if (entry) ensureHover().clickReference(entry.index);
      else hover?.clickOutside();
    },
    key(event) {
      if (event.key === 'Escape' && hover?.openId != null) {
        hover.escape();
        return false;
      }
      // In-page fallback for the `commands` shortcuts (the browser takes the keys first when they are bound).
      // With Ctrl as well: every mention rather than every provision.
      if (event.altKey && event.shiftKey && !event.metaKey) {
        if (event.code === 'KeyN') return driver.step(1, event.ctrlKey);
        if (event.code === 'KeyP') return driver.step(-1, event.ctrlKey);
      }
      return false;
    },
    moved(resized) {
      if (resized) deps.hit()?.invalidate();
      const h = hover;
      if (!h || h.openId === null) return;
      const mark = deps.marks()[h.openId];
      const rect = mark ? markRect(mark) : null;
      if (!rect || rect.bottom < 0 || rect.top > win.innerHeight) h.referenceScrolledOut();
      else host?.reposition(rect);
    },
    schemeChanged() {
      host?.setScheme(deps.scheme());
    },
    focusMark,
    step(direction, every = false) {
      const order = deps.drawnMarks();
      if (!order.length) return false;
      const current = hover?.openId ?? null;
      let at = current === null ? -1 : order.findIndex((m) => m.index === current);
      if (at === -1) {
        // Nothing open: start from the screen, the first reference below the top (or above it, going back).
        const below = order.findIndex((m) => (markRect(m)?.top ?? -1) >= 0);
        at = direction === 1 ? (below === -1 ? order.length : below) - 1 : below === -1 ? order.length : below;
      }
      const next = order[nextStop(stopsOf(order, every), at, direction)];
      return next ? focusMark(next.index, true) : false;
    },
    close() {
      hover?.escape();
    },
    setHoverDelay(ms) {
      hover?.setTiming({ openDelayMs: ms });
    },
    reset() {
      hover?.dispose();
      hover = null;
      pointerOver = null;
      inPopover = false;
    },
    destroy() {
      driver.reset();
      host?.destroy();
      host = null;
    },
  };
  return driver;
}
