/** The popover's stylesheet (inside its shadow root, so page CSS cannot reach it and it cannot reach the page). */
import { sharedCss } from '../../ui/shared/components';

export const popoverCss = `
:host { all: initial; }
.lga-root {
  --lga-bg: #ffffff; --lga-fg: #1b1b1f; --lga-muted: #50545c; --lga-border: #c9ccd1;
  --lga-warn-bg: #fff4e0; --lga-warn-fg: #6b3a00; --lga-accent: #1f5fbf; --lga-shadow: rgba(0, 0, 0, 0.18);
  color-scheme: light;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: var(--lga-fg);
}
.lga-root.lga-dark {
  --lga-bg: #23252a; --lga-fg: #ececef; --lga-muted: #b8bcc4; --lga-border: #4a4e57;
  --lga-warn-bg: #3d2e14; --lga-warn-fg: #ffd9a0; --lga-accent: #8ab4f8; --lga-shadow: rgba(0, 0, 0, 0.5);
  color-scheme: dark;
}
.lga-popover {
  position: fixed; box-sizing: border-box; width: min(400px, calc(100vw - 16px)); max-height: calc(100vh - 16px);
  display: flex; flex-direction: column; overflow: hidden;
  background: var(--lga-bg); color: var(--lga-fg); border: 1px solid var(--lga-border); border-radius: 8px;
  box-shadow: 0 6px 24px var(--lga-shadow);
  opacity: 1; transition: opacity 120ms ease-out;
}
.lga-popover[data-entering] { opacity: 0; }
.lga-popover[data-placing] { visibility: hidden; }
.lga-popover:focus { outline: 2px solid var(--lga-accent); outline-offset: 2px; }
/* Header and footer stay put; only the body scrolls. */
.lga-popover-header {
  flex: none; display: flex; align-items: flex-start; gap: 8px; padding: 8px 10px 6px 12px;
  border-bottom: 1px solid var(--lga-border);
}
.lga-popover-body { flex: 1 1 auto; min-height: 0; overflow: auto; overscroll-behavior: contain; padding: 0 12px; }
.lga-popover-footer { flex: none; padding: 4px 12px 6px; border-top: 1px solid var(--lga-border); }
.lga-title { flex: 1; margin: 0; font-size: 14px; font-weight: 700; }
.lga-close {
  all: unset; cursor: pointer; display: inline-flex; align-items: center; justify-content: center;
  width: 28px; height: 20px; border-radius: 4px; color: var(--lga-muted);
}
.lga-close svg { width: 12px; height: 12px; }
.lga-close:focus-visible, .lga-link:focus-visible, .lga-button:focus-visible { outline: 2px solid var(--lga-accent); outline-offset: 2px; }
.lga-positions { list-style: none; margin: 0; padding: 0; }
.lga-position { padding: 6px 0; }
.lga-position:focus { outline: 2px solid var(--lga-accent); outline-offset: -2px; }
.lga-briefing-head { margin: 2px 0 4px; }
.lga-position + .lga-position .lga-briefing-head { border-top: 1px solid var(--lga-border); padding-top: 6px; }
.lga-position-head { display: flex; gap: 8px; align-items: baseline; }
.lga-provision { font-weight: 700; font-size: 13px; }
.lga-source, .lga-subheading { margin: 2px 0; color: var(--lga-muted); font-size: 13px; }
.lga-summary { list-style: none; margin: 6px 0; padding: 0 0 6px; border-bottom: 1px solid var(--lga-border); }
.lga-summary-line { display: flex; gap: 8px; align-items: baseline; color: inherit; text-decoration: none; padding: 1px 0; font-size: 13px; }
.lga-summary-line:hover .lga-summary-source, .lga-summary-line:focus-visible .lga-summary-source { text-decoration: underline; }
.lga-summary-line:focus-visible { outline: 2px solid var(--lga-accent); outline-offset: 1px; }
.lga-summary-source { color: var(--lga-muted); }
.lga-more {
  all: unset; cursor: pointer; display: block; font-size: 13px; font-weight: 700; color: var(--lga-accent); padding: 2px 0;
}
.lga-more:focus-visible { outline: 2px solid var(--lga-accent); outline-offset: 2px; }
.lga-shortcuts { margin: 0; font-size: 12px; color: var(--lga-muted); }
.lga-omitted { margin: 0 0 4px; font-size: 13px; }
kbd {
  font: inherit; font-size: 11px; line-height: 1.3; padding: 0 3px; border-radius: 3px;
  border: 1px solid var(--lga-border); background: transparent; color: var(--lga-fg);
}
.lga-warning {
  margin: 6px 0; padding: 6px 8px; border-radius: 6px; background: var(--lga-warn-bg); color: var(--lga-warn-fg); font-size: 13px;
}
.lga-actions { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin-top: 4px; }
.lga-link { all: unset; cursor: pointer; color: var(--lga-accent); text-decoration: underline; font-size: 13px; }
.lga-button {
  all: unset; cursor: pointer; font-size: 13px; font-weight: 700; padding: 4px 10px; border-radius: 6px;
  border: 1px solid var(--lga-accent); color: var(--lga-accent);
}
.lga-empty { margin: 4px 0; color: var(--lga-muted); }
.lga-sr-only {
  position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
@media (prefers-reduced-motion: reduce) { .lga-popover { transition: none; } }
${sharedCss}
/*
 * One family in six fonts (14 and 13 px, regular and bold; 12 and 11 px for the footer and its keys), the shared rules
 * above brought into it. Each other size, weight or style is one more font the page's renderer sets up the first time a card opens (on Linux a
 * synchronous call to the browser per font, a wait for the browser's process on a busy machine): eleven of them made
 * most of the first card's layout.
 */
.lga-popover .lga-stance, .lga-popover .lga-cue { font-weight: 700; }
.lga-popover .lga-stance-marker { font-size: 13px; }
.lga-popover .lga-why, .lga-popover .lga-corrected { font-size: 13px; font-style: normal; }
`;
