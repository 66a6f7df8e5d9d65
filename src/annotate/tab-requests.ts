/**
 * The side panel's requests to the page (`TabRequest`): the page's summary, and moving to a reference. Its own part
 * because the summary must wait for the run in progress, and for any run that starts while it waits (late content,
 * navigation, a settings change): a panel asking mid-scan would otherwise be told the page has no references.
 */
import type { PageSummary, TabRequest } from '../messaging';
import type { PopoverDriver } from './popover-driver';

export interface TabRequestAnswers {
  /** A run started: a summary asked from now on waits for it. Returns the run. */
  runStarted(run: Promise<void>): Promise<void>;
  /** The answer to a request (a promise for the summary); null for a request that is not the page's. */
  answer(request: TabRequest): unknown;
}

export function createTabRequestAnswers(
  summary: () => PageSummary | null,
  popover: Pick<PopoverDriver, 'focusMark' | 'step'>,
): TabRequestAnswers {
  /** The run in progress (or the last one). */
  let running: Promise<void> = Promise.resolve();

  async function settledSummary(): Promise<PageSummary | null> {
    let seen: Promise<void> | null = null;
    while (seen !== running) {
      seen = running;
      await seen;
    }
    return summary();
  }

  return {
    runStarted(run) {
      running = run;
      return run;
    },
    answer(request) {
      switch (request.type) {
        case 'pageSummary':
          return settledSummary();
        case 'focusReference':
          return popover.focusMark(request.index, true);
        case 'focusStep':
          return popover.step(request.direction);
        default:
          return null;
      }
    },
  };
}
