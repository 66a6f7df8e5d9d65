/**
 * The small control an LGA briefing page gets: "Add to LGA positions", "Added · updated 3 Dec", or "Update" when the
 * page says something else than the briefing saved from it. It lives in a Shadow DOM root at the page's bottom
 * corner, is built with DOM calls and `textContent` only (no HTML strings), follows the reader's dark mode, and is
 * a real `<button>` for the keyboard and screen readers.
 *
 * Trust: it acts only on the reader's own clicks (`isTrusted`): a page script that clicks it, or dispatches events
 * at it, opens nothing. Even a real click only opens the extension's preview page; saving happens there.
 */
import type { CaptureState } from './duplicates';

export type ControlState =
  | CaptureState
  | { state: 'checking' }
  | { state: 'opening' }
  | { state: 'error'; message: string };

export interface ControlOptions {
  doc: Document;
  /** The reader clicked Add or Update. */
  onAdd: () => void;
  /** `2026-12-03T…` -> `3 Dec`. */
  shortDate: (iso: string) => string;
}

export interface Control {
  show(state: ControlState): void;
  remove(): void;
  /** The host element (tests find the shadow root through it). */
  readonly host: HTMLElement;
}

export const CONTROL_TAG = 'lga-positions-capture';

const STYLE = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; }
.box { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f2328;
  background: #ffffff; border: 1px solid #c9d1d9; border-radius: 8px; box-shadow: 0 2px 8px rgba(0,0,0,.12);
  padding: 8px 10px; display: flex; gap: 8px; align-items: center; max-width: 22em; }
.mark { width: 10px; height: 10px; border-radius: 50%; background: #00636b; flex: none; }
.status { margin: 0; }
button { font: inherit; color: #ffffff; background: #00636b; border: 1px solid #00636b; border-radius: 6px;
  padding: 4px 10px; cursor: pointer; }
button:hover { background: #004f55; }
button:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
.error { color: #a40e26; }
@media (prefers-color-scheme: dark) {
  .box { color: #e6edf3; background: #161b22; border-color: #30363d; }
  button { background: #2aa3ab; border-color: #2aa3ab; color: #0d1117; }
  button:hover { background: #4fc1c8; }
  .error { color: #ff8182; }
}
@media (prefers-reduced-motion: no-preference) { button { transition: background .15s; } }
`;

export function createControl({ doc, onAdd, shortDate }: ControlOptions): Control {
  const host = doc.createElement(CONTROL_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const box = doc.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'region');
  box.setAttribute('aria-label', 'LGA positions');
  const mark = doc.createElement('span');
  mark.className = 'mark';
  mark.setAttribute('aria-hidden', 'true');
  const status = doc.createElement('p');
  status.className = 'status';
  status.setAttribute('role', 'status');
  const button = doc.createElement('button');
  button.type = 'button';
  button.addEventListener('click', (event) => {
    if (!event.isTrusted) return; // a page script's click, not the reader's
    onAdd();
  });
  box.append(mark, status, button);
  root.append(style, box);
  (doc.body ?? doc.documentElement).append(host);

  const say = (text: string, buttonText: string | null, error = false) => {
    status.textContent = text;
    status.className = error ? 'status error' : 'status';
    status.hidden = text === '';
    button.hidden = buttonText === null;
    button.textContent = buttonText ?? '';
  };

  return {
    host,
    show(state) {
      host.dataset.state = state.state;
      switch (state.state) {
        case 'checking':
          return say('', 'Add to LGA positions');
        case 'new':
          return say('', 'Add to LGA positions');
        case 'added':
          return say(`Added · updated ${shortDate(state.updatedAt)}`, null);
        case 'changed':
          return say(`Added ${shortDate(state.updatedAt)} · the page has changed since`, 'Update');
        case 'opening':
          return say('Opening the preview…', null);
        case 'error':
          return say(state.message, 'Try again', true);
      }
    },
    remove() {
      host.remove();
    },
  };
}
