/**
 * The one shadow root we add to a page: `<lga-positions-root>` appended to `<html>`, `all: initial`, holding the
 * popover (Preact) and a polite live region. Nothing else of ours enters the page's DOM (the highlight stylesheet
 * aside). The popover is `position: fixed`, so showing it shifts no layout.
 */
import { render } from 'preact';
import type { MatchedPosition, Reference } from '../../model';
import { type ColourScheme, stanceCssVariables } from '../../ui/shared/stance';
import { Popover, popoverAnnouncement } from './Popover';
import { type Box, placePopover } from './place';
import { popoverCss } from './styles';

export const HOST_TAG = 'lga-positions-root';

export interface ShowOptions {
  reference: Reference;
  positions: readonly MatchedPosition[];
  /** The reference's box (viewport coordinates) the popover must not cover. */
  anchor: Box;
  /** Move focus into the popover (keyboard, click); otherwise the content is announced through the live region. */
  focus: boolean;
  onReadBriefing(match: MatchedPosition): void;
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
    'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important;',
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

  function place(anchor: Box): void {
    const el = dialog();
    if (!el) return;
    const win = doc.defaultView;
    const viewport = { width: win?.innerWidth ?? 1024, height: win?.innerHeight ?? 768 };
    el.style.maxHeight = '';
    const rect = el.getBoundingClientRect();
    const size = { width: rect.width || 420, height: rect.height || 200 };
    const placed = placePopover(anchor, size, viewport);
    el.style.top = `${placed.top}px`;
    el.style.left = `${placed.left}px`;
    el.style.maxHeight = `${placed.maxHeight}px`;
    el.dataset.side = placed.side;
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
      render(
        <Popover
          reference={options.reference}
          positions={options.positions}
          onReadBriefing={options.onReadBriefing}
          onClose={options.onClose}
        />,
        mount,
      );
      open = true;
      place(options.anchor);
      const el = dialog();
      if (options.focus) {
        live.textContent = '';
        el?.focus({ preventScroll: true });
      } else {
        live.textContent = popoverAnnouncement(options.reference, options.positions);
      }
    },
    reposition(anchor) {
      if (open) place(anchor);
    },
    hide() {
      if (!open) return;
      const hadFocus = shadow.activeElement !== null;
      render(null, mount);
      live.textContent = '';
      open = false;
      // Focus goes back to where it was only if it was in the popover (never steal it from where the reader went).
      if (hadFocus && restoreFocus?.isConnected) restoreFocus.focus({ preventScroll: true });
      else if (hadFocus) (doc.activeElement as HTMLElement | null)?.blur?.();
      restoreFocus = null;
    },
    contains(event) {
      return event.composedPath().includes(element);
    },
    setScheme(next) {
      currentScheme = next;
      applyScheme();
    },
    destroy() {
      render(null, mount);
      element.remove();
      restoreFocus = null;
      open = false;
    },
  };
}
