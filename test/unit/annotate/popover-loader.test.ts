/**
 * The popover's factories pass from its script to the content script (src/annotate/popover-loader.ts): once, through
 * one slot on the content scripts' own global (a page's scripts, on another global, can neither plant nor take them),
 * taken when the script has run, and the script is run again when it left nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  factoriesLoader,
  type InPageFactories,
  registerFactories,
  takeFactories,
} from '../../../src/annotate/popover-loader';

const factories = (): InPageFactories => ({
  popoverDriver: vi.fn() as unknown as InPageFactories['popoverDriver'],
  topicLayer: vi.fn() as unknown as InPageFactories['topicLayer'],
});

describe('the popover script hands its factories over', () => {
  it('once, on the global they were left on', () => {
    const made = factories();
    const world = {};
    registerFactories(made, world);
    expect(takeFactories({})).toBeNull();
    expect(takeFactories(world)).toBe(made);
    expect(takeFactories(world)).toBeNull();
  });

  it.each([
    ['the script leaves them: every caller gets them from one run', [true], 1, ['ok', 'ok']],
    [
      'the script ran but left none: reported, and the next caller runs it again',
      [false, true],
      2,
      ['the popover script ran but left no factories', 'ok'],
    ],
  ] as const)('%s', async (_name, leaves, runs, outcomes) => {
    const world = {};
    const made = factories();
    const left = [...leaves];
    const runScript = vi.fn(async () => {
      if (left.shift()) registerFactories(made, world);
    });
    const load = factoriesLoader(runScript, world);
    const seen: string[] = [];
    for (let i = 0; i < outcomes.length; i++) {
      seen.push(
        await load().then(
          (got) => (got === made ? 'ok' : 'other'),
          (error: Error) => error.message,
        ),
      );
    }
    expect(seen).toEqual(outcomes);
    expect(runScript).toHaveBeenCalledTimes(runs);
  });
});
