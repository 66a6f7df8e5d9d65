// @vitest-environment happy-dom
/**
 * What keeps the content script's start-up short (issue 11): work the first slice does not need starts at the next
 * idle moment (`startWhenIdle`, `nextIdle`), `browser.storage` is touched on first use only (`storageOnFirstUse`),
 * and one run of the popover's script serves every part that needs it (`scriptLoader`).
 */
import { describe, expect, it, vi } from 'vitest';
import {
  registerTopicLayerFactory,
  scriptLoader,
  takePopoverFactory,
  takeTopicLayerFactory,
} from '../../../src/annotate/popover-loader';
import { settingsReader, storageOnFirstUse } from '../../../src/annotate/settings-reader';
import { nextIdle, startWhenIdle } from '../../../src/annotate/slices';
import type { TopicLayerFactory } from '../../../src/annotate/topic-hook';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('starting at the next idle moment', () => {
  it.each([
    ['left alone: started later, not now', false, false, ['started'], []],
    ['stopped before it started: never started', true, false, [], []],
    ['stopped after it started: stopped', false, true, ['started'], ['stopped']],
  ] as const)('%s', async (_name, stopEarly, stopLate, started, stopped) => {
    const log: string[] = [];
    const stop = startWhenIdle(window, () => {
      log.push('started');
      return () => log.push('stopped');
    });
    expect(log).toEqual([]);
    if (stopEarly) stop();
    await settle();
    expect(log).toEqual(started);
    if (stopLate) stop();
    expect(log.filter((entry) => entry === 'stopped')).toEqual(stopped);
  });

  it('nextIdle resolves after the current task, not within it', async () => {
    let idle = false;
    const waiting = nextIdle(window).then(() => {
      idle = true;
    });
    await Promise.resolve();
    expect(idle).toBe(false);
    await waiting;
    expect(idle).toBe(true);
  });
});

describe('browser.storage on first use', () => {
  it('is not asked for until the settings are read or watched', async () => {
    const area = vi.fn(() => ({
      local: { get: async (key: string) => ({ [key]: { hoverDelayMs: 400 } }) },
      onChanged: { addListener: () => {}, removeListener: () => {} },
    }));
    const reader = settingsReader(storageOnFirstUse(area));
    expect(area).not.toHaveBeenCalled();
    expect((await reader.get()).hoverDelayMs).toBe(400);
    expect(area).toHaveBeenCalledTimes(1);
    reader.watch(() => {})();
    expect(area).toHaveBeenCalledTimes(3);
  });
});

describe('one run of the popover script for the popover and the topic layer', () => {
  it('runs it once for callers at the same time and after, and again after a failure', async () => {
    let outcome: 'fail' | 'ok' = 'fail';
    const run = vi.fn(async () => {
      await settle();
      if (outcome === 'fail') throw new Error('no tab');
    });
    const load = scriptLoader(run);
    const both = await Promise.allSettled([load(), load()]);
    expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(run).toHaveBeenCalledTimes(1);
    outcome = 'ok';
    await Promise.all([load(), load()]);
    await load();
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('hands over each factory once, on the global it was left on', () => {
    const global = {};
    const factory = (() => {}) as unknown as TopicLayerFactory;
    registerTopicLayerFactory(factory, global);
    expect(takePopoverFactory(global)).toBeNull();
    expect(takeTopicLayerFactory(global)).toBe(factory);
    expect(takeTopicLayerFactory(global)).toBeNull();
  });
});
