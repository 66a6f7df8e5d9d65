import { describe, expect, it } from 'vitest';
import { createTabRequestAnswers } from '../../../src/annotate/tab-requests';
import type { PageSummary, TabRequest } from '../../../src/messaging';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A page whose summary names the runs finished so far, and which records what the panel asked of its popover. */
function page() {
  const calls: string[] = [];
  let finished = 0;
  const answers = createTabRequestAnswers(
    () => ({ url: `after ${finished} runs`, sections: [], references: [], mentioned: 0 }),
    {
      focusMark: (index, focus) => calls.push(`focusMark ${index} ${focus}`) > 0,
      step: (direction) => calls.push(`step ${direction}`) > 0,
    },
  );
  const startRun = () => {
    const run = deferred();
    answers.runStarted(run.promise.then(() => void finished++));
    return run;
  };
  return { answers, calls, startRun };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the side panel's page summary waits for the page's runs", () => {
  it.each([
    ['no run started: at once', 0, [], 'after 0 runs'],
    ['a run in progress: once it is done', 1, [0], 'after 1 runs'],
    ['a run started while waiting for the first: once both are done', 2, [0, 1], 'after 2 runs'],
    ['runs finishing out of order: once the last started is done', 2, [1, 0], 'after 2 runs'],
  ] as const)('%s', async (_name, started, finishOrder, expected) => {
    const { answers, startRun } = page();
    const runs = started > 0 ? [startRun()] : [];
    const asked = answers.answer({ type: 'pageSummary' }) as Promise<PageSummary>;
    if (started > 1) runs.push(startRun());
    let settled = false;
    void asked.then(() => {
      settled = true;
    });
    for (const i of finishOrder) {
      await tick();
      expect(settled).toBe(false);
      runs[i]?.resolve();
    }
    expect((await asked).url).toBe(expected);
  });
});

describe('what the side panel asks of the page', () => {
  it.each([
    [
      'focus a reference: its popover opens with focus',
      { type: 'focusReference', index: 3 },
      ['focusMark 3 true'],
      true,
    ],
    ['step to the next provision', { type: 'focusStep', direction: 1 }, ['step 1'], true],
    ['step back', { type: 'focusStep', direction: -1 }, ['step -1'], true],
    ['topics are not the controller’s to answer', { type: 'topicSummary' }, [], null],
    ['nor a briefing page’s capture', { type: 'captureChanged' }, [], null],
  ] as const)('%s', (_name, request, calls, answer) => {
    const p = page();
    expect(p.answers.answer(request as TabRequest)).toBe(answer);
    expect(p.calls).toEqual(calls);
  });
});
