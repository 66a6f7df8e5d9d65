/**
 * The run's marks on the page: the highlighter that draws them, the hit index over what it drew (the pointer's way to a
 * mark), and the reader's input wired to the popover. Its own part so the run lifecycle (controller.ts) only says
 * when to draw, and so the rule that all of this is made for the first mark to show, not for every page, is kept in
 * one place: most parliament pages show none (no LGA position on their bill), and making the highlighter reads the
 * page's colour scheme (styles computed).
 */
import type { Settings } from '../settings-defaults';
import { type ColourScheme, createHighlighter, type Highlighter } from './highlight';
import { createHitIndex, type HitIndex } from './hit-test';
import type { LateContentObserver } from './late-content';
import type { Mark } from './marks';
import { type Listeners, type PageInput, type PageInputHandlers, wirePageInput } from './page-input';

export interface DrawingDeps {
  doc: Document;
  /** The run's listener collection (with its liveness check): the reader's input is listened to through it. */
  listeners: Listeners;
  /** What the reader's input means (the popover driver). */
  input: PageInputHandlers;
  /** The settings now (null before the first run has read them): what is shown, and in which style. */
  settings(): Settings | null;
  /** The page's colour scheme now. */
  scheme(): ColourScheme;
  /** Our own drawing (wrappers, in wrap mode) is not the page changing: the observer is paused around it. */
  lateContent: Pick<LateContentObserver, 'pause' | 'watch'>;
}

export interface Drawing {
  /** The marks shown under the settings now: those with a position, or every one in highlight mode `all`. */
  shown(marks: readonly Mark[]): Mark[];
  /** Draws the shown marks (replacing what was drawn); in wrap mode each drawn mark's range is re-made. */
  draw(marks: readonly Mark[]): void;
  /** The highlight style or the page's colour scheme changed: the drawn marks take it in place. */
  restyle(): void;
  /** Removes what was drawn (a new run); the reader's input stays wired. */
  clear(): void;
  readonly highlighter: Highlighter | null;
  readonly hit: HitIndex | null;
  /** Cancels the input's pending frames (teardown; the listeners go with their collection). */
  dispose(): void;
}

export function createDrawing(deps: DrawingDeps): Drawing {
  const { doc } = deps;
  let highlighter: Highlighter | null = null;
  let hit: HitIndex | null = null;
  let input: PageInput | null = null;

  const isShown = (m: Mark) => m.matches.length > 0 || deps.settings()?.highlightMode === 'all';

  function restyle(): void {
    const settings = deps.settings();
    if (settings) highlighter?.restyle(settings.highlightStyle, deps.scheme());
  }

  function wireInput(): void {
    if (input) return;
    input = wirePageInput(doc, deps.listeners, {
      ...deps.input,
      schemeChanged() {
        deps.input.schemeChanged();
        restyle();
      },
    });
  }

  return {
    shown: (marks) => marks.filter(isShown),
    draw(marks) {
      const settings = deps.settings();
      if (!settings) return;
      const shown = marks.filter(isShown);
      if (!highlighter) {
        if (!shown.length) return;
        highlighter = createHighlighter(doc, { style: settings.highlightStyle, scheme: deps.scheme() });
        wireInput();
      }
      deps.lateContent.pause();
      const drawn = highlighter.draw(shown);
      const byIndex = new Map(drawn.map((e) => [e.index, e.range]));
      for (const m of marks) {
        const range = byIndex.get(m.index);
        if (range) m.range = range;
      }
      hit = createHitIndex(
        doc,
        marks.filter((m) => byIndex.has(m.index)),
      );
      deps.lateContent.watch();
    },
    restyle,
    clear() {
      highlighter?.clear();
      highlighter = null;
      hit = null;
    },
    get highlighter() {
      return highlighter;
    },
    get hit() {
      return hit;
    },
    dispose() {
      input?.dispose();
    },
  };
}
