/**
 * The one shadow root we add to a page: `<lga-positions-root>` appended to `<html>`, fixed and sized 0 with `!important`, holding the
 * popover (Preact) and a polite live region. Nothing else of ours enters the page's DOM (the highlight stylesheet
 * aside). The popover is `position: fixed`, so showing it shifts no layout.
 */
import { render } from 'preact';
import type { MatchedPosition, Reference } from '../../model';
import { type ColourScheme, stanceCssVariables } from '../../ui/shared/stance';
import { POPOVER_HOST_TAG as HOST_TAG } from '../late-content';
import { Popover, popoverAnnouncement } from './Popover';

/** Below this many CSS px of viewport (200 % zoom of a laptop screen), the popover opens with a summary line each. */
const COMPACT_WIDTH = 720;
const COMPACT_HEIGHT = 480;

/** What the popover must leave uncovered, measured from the reference's range. */
export function geometryOf(range: Range): { anchor: Box; options: PlaceOptions } | null {
  const whole = range.getBoundingClientRect();
  if (!whole.width && !whole.height) return null;
  const first = range.getClientRects()[0];
  const anchor = first
    ? { top: whole.top, bottom: whole.bottom, left: first.left, right: whole.right }
    : { top: whole.top, bottom: whole.bottom, left: whole.left, right: whole.right };
  const block = paragraphOf(range);
  const box = block?.getBoundingClientRect();
  // A line's pitch is the paragraph's line-height, taller than the text's own box (17 px text on 25.6 px lines).
  const lineHeight = Math.max(first?.height || whole.height, block ? linePitch(block) : 0);
  return { anchor, options: { lineHeight, column: box ? { left: box.left, right: box.right } : undefined } };
}

/** The distance between two lines of a paragraph: its line-height, or 1.2 × its font size for `normal`. */
function linePitch(block: Element): number {
  const style = block.ownerDocument.defaultView?.getComputedStyle(block);
  if (!style) return 0;
  const line = Number.parseFloat(style.lineHeight);
  return Number.isFinite(line) ? line : (Number.parseFloat(style.fontSize) || 0) * 1.2;
}

/** The nearest block-level ancestor of the reference: the paragraph being read. */
function paragraphOf(range: Range): Element | null {
  const start = range.startContainer;
  let el: Element | null = start.nodeType === 1 ? (start as Element) : start.parentElement;
  const win = range.startContainer.ownerDocument?.defaultView;
  while (el && win) {
    const display = win.getComputedStyle(el).display;
    if (display === 'block' || display === 'list-item' || display === 'table-cell' || display === 'flex') return el;
    el = el.parentElement;
  }
  return null;
}

/** Focusable elements inside the dialog, in tab order (for keeping Tab inside it). */
function tabbables(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>('button, a[href], [tabindex="0"]')].filter(
    (el) => !el.hasAttribute('disabled') && el.getClientRects().length > 0,
  );
}

import { type Box, type PlaceOptions, placePopover } from './place';
import { popoverCss } from './styles';

export { HOST_TAG };

export interface ShowOptions {
  reference: Reference;
  /** Every reference of the mark pointed at (a range's unwritten members): positions are labelled by provision. */
  references?: readonly Reference[];
  positions: readonly MatchedPosition[];
  /** Positions the background left out of its bounded reply, counted in "n more in the side panel". */
  more?: number;
  /** The reference's box (viewport coordinates) the popover must not cover. */
  anchor: Box;
  /**
   * The reference's text, when known: the popover is then placed from its own line boxes and paragraph (beside the
   * paragraph, or clear of its line and the next two), re-measured on every reposition, and focus returns to it.
   */
  range?: Range;
  /** Move focus into the popover (keyboard, click); otherwise the content is announced through the live region. */
  focus: boolean;
  onReadBriefing(match: MatchedPosition, correct?: boolean): void;
  onClose(): void;
}

export interface PopoverHost {
  readonly element: HTMLElement;
  readonly shadow: ShadowRoot;
  show(options: ShowOptions): void;
  /** Re-place the open popover (scroll, resize). */
  reposition(anchor: Box): void;
  hide(): void;
  /** True when the event's path goes through our popover. */
  contains(event: Event): boolean;
  readonly dialog: HTMLElement | null;
  setScheme(scheme: ColourScheme): void;
  destroy(): void;
}

export function createPopoverHost(doc: Document, scheme: ColourScheme): PopoverHost {
  const element = doc.createElement(HOST_TAG);
  // Inline: page CSS targeting unknown elements (`* { … }`) must not size or show the host.
  element.setAttribute(
    'style',
    // Each property named rather than `all: initial !important`: that also locks letter, word and line spacing,
    // which a reader's own stylesheet must be able to change (WCAG 1.4.12; axe `avoid-inline-spacing`).
    [
      'position: fixed',
      'top: 0',
      'left: 0',
      'width: 0',
      'height: 0',
      'margin: 0',
      'padding: 0',
      'border: 0',
      'z-index: 2147483647',
      'display: block',
      'visibility: visible',
      'opacity: 1',
      'transform: none',
      'filter: none',
      'clip-path: none',
      'contain: none',
    ]
      .map((declaration) => `${declaration} !important;`)
      .join(' '),
  );
  element.dataset.testid = 'lga-positions-root';
  const shadow = element.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = popoverCss;
  const root = doc.createElement('div');
  const mount = doc.createElement('div');
  const live = doc.createElement('div');
  live.className = 'lga-sr-only';
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('role', 'status');
  root.append(mount, live);
  shadow.append(style, root);
  doc.documentElement.append(element);

  let currentScheme = scheme;
  let restoreFocus: HTMLElement | null = null;
  let open = false;

  function applyScheme(): void {
    root.className = `lga-root lga-${currentScheme}`;
    root.setAttribute('style', stanceCssVariables(currentScheme));
  }
  applyScheme();

  function dialog(): HTMLElement | null {
    return mount.querySelector<HTMLElement>('[role="dialog"]');
  }

  let range: Range | null = null;
  /** The open popover's re-measure of its "n more positions" line (Popover `registerCountMore`). */
  let countMore: (() => void) | null = null;
  const win = doc.defaultView;
  let placeFrame = 0;
  let placeAnchor: Box | null = null;
  let focusWhenPlaced = false;

  /**
   * Places the popover, then moves focus into it, in the next frame: from the layout the browser makes for the card
   * then anyway. Measuring it (or focusing it: focus asks for layout) in `show` would force that layout, the card's
   * first with its fonts, inside the reader's key press or click, and then again once placed.
   */
  function settleInNextFrame(anchor: Box, focus: boolean): void {
    placeAnchor = anchor;
    focusWhenPlaced ||= focus;
    if (!win) {
      settle();
      return;
    }
    placeFrame ||= win.requestAnimationFrame(settle);
  }

  function settle(): void {
    placeFrame = 0;
    const anchor = placeAnchor;
    const focus = focusWhenPlaced;
    placeAnchor = null;
    focusWhenPlaced = false;
    if (!open || !anchor) return;
    place(anchor);
    dialog()?.removeAttribute('data-placing');
    if (focus) dialog()?.focus({ preventScroll: true });
  }

  function cancelPlace(): void {
    if (placeFrame) win?.cancelAnimationFrame(placeFrame);
    placeFrame = 0;
    placeAnchor = null;
    focusWhenPlaced = false;
  }

  function place(fallback: Box): void {
    const el = dialog();
    if (!el) return;
    const viewport = { width: win?.innerWidth ?? 1024, height: win?.innerHeight ?? 768 };
    el.style.maxHeight = '';
    const rect = el.getBoundingClientRect();
    const size = { width: rect.width || 400, height: rect.height || 200 };
    const measured = range ? geometryOf(range) : null;
    const placed = placePopover(measured?.anchor ?? fallback, size, viewport, measured?.options);
    el.style.top = `${placed.top}px`;
    el.style.left = `${placed.left}px`;
    el.style.maxHeight = `${placed.maxHeight}px`;
    el.dataset.side = placed.side;
    countMore?.();
  }

  /** Tab and Shift+Tab go round the dialog's controls until it closes. */
  function keepTabInside(event: KeyboardEvent): void {
    if (event.key !== 'Tab' || !open) return;
    const el = dialog();
    if (!el) return;
    const items = tabbables(el);
    if (!items.length) {
      event.preventDefault();
      el.focus();
      return;
    }
    const active = shadow.activeElement as HTMLElement | null;
    const at = active ? items.indexOf(active) : -1;
    const next = event.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : at === items.length - 1 ? 0 : at + 1;
    event.preventDefault();
    items[next]!.focus();
  }
  shadow.addEventListener('keydown', keepTabInside as EventListener);

  /**
   * Where focus goes when the popover closes: back where it was, or (opened from the keyboard with nothing focused)
   * to the reference's paragraph, so reading and Tab carry on from the reference, not from the top of the page.
   */
  function returnFocus(): void {
    if (restoreFocus?.isConnected && restoreFocus !== doc.body) {
      restoreFocus.focus({ preventScroll: true });
      return;
    }
    const block = range ? paragraphOf(range) : null;
    if (block instanceof HTMLElement) {
      if (!block.hasAttribute('tabindex')) {
        block.setAttribute('tabindex', '-1');
        block.addEventListener('blur', () => block.removeAttribute('tabindex'), { once: true });
      }
      block.focus({ preventScroll: true });
      doc.getSelection()?.collapse(range!.startContainer, range!.startOffset);
      return;
    }
    (doc.activeElement as HTMLElement | null)?.blur?.();
  }

  return {
    element,
    shadow,
    get dialog() {
      return dialog();
    },
    show(options) {
      const active = doc.activeElement;
      if (options.focus && !open && active instanceof HTMLElement && active !== element) restoreFocus = active;
      range = options.range ?? null;
      const win = doc.defaultView;
      const compact = (win?.innerWidth ?? 1024) <= COMPACT_WIDTH || (win?.innerHeight ?? 768) <= COMPACT_HEIGHT;
      render(
        <Popover
          registerCountMore={(count) => {
            countMore = count;
          }}
          reference={options.reference}
          references={options.references}
          positions={options.positions}
          omitted={options.more ?? 0}
          onReadBriefing={options.onReadBriefing}
          onClose={options.onClose}
          compact={compact}
        />,
        mount,
      );
      open = true;
      live.textContent = options.focus ? '' : popoverAnnouncement(options.reference, options.positions);
      // Hidden until placed: nothing draws it before its frame, but a script could find and click it where it is not.
      dialog()?.setAttribute('data-placing', '');
      settleInNextFrame(options.anchor, options.focus);
    },
    reposition(anchor) {
      if (!open) return;
      if (placeFrame) placeAnchor = anchor;
      else place(anchor);
    },
    hide() {
      if (!open) return;
      const hadFocus = shadow.activeElement !== null;
      cancelPlace();
      render(null, mount);
      live.textContent = '';
      open = false;
      countMore = null;
      // Focus goes back only if it was in the popover (never steal it from where the reader went).
      if (hadFocus) returnFocus();
      restoreFocus = null;
      range = null;
    },
    contains(event) {
      return event.composedPath().includes(element);
    },
    setScheme(next) {
      currentScheme = next;
      applyScheme();
    },
    destroy() {
      shadow.removeEventListener('keydown', keepTabInside as EventListener);
      cancelPlace();
      render(null, mount);
      element.remove();
      restoreFocus = null;
      open = false;
    },
  };
}
