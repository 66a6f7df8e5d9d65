// @vitest-environment happy-dom
/**
 * What keeps the content script's start-up short (issue 11): work the first slice does not need starts at the next
 * idle moment (the controller's listeners with its first run, `nextIdle`), `browser.storage` is touched on first use
 * only (`storageOnFirstUse`), one run of the popover's script serves every part that needs it (`scriptLoader`), and
 * the popover's driver comes with it when first needed, losing nothing the reader did meanwhile (`lazyPopoverDriver`).
 */
import { describe, expect, it, vi } from 'vitest';
import { type ControllerDeps, createController } from '../../../src/annotate/controller';
import type { HitIndex } from '../../../src/annotate/hit-test';
import type { Mark } from '../../../src/annotate/marks';
import type { PopoverDriver, PopoverDriverDeps } from '../../../src/annotate/popover-driver';
import { lazyPopoverDriver, scriptLoader } from '../../../src/annotate/popover-loader';
import { settingsReader, storageOnFirstUse } from '../../../src/annotate/settings-reader';
import { nextIdle } from '../../../src/annotate/slices';
import { withDefaults } from '../../../src/settings-defaults';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('starting at the next idle moment', () => {
  /** A controller on a page no adapter understands, whose listeners say when they start and stop. */
  function listeningController(log: string[]) {
    const listen = (name: string) => {
      log.push(`${name} started`);
      return () => log.push(`${name} stopped`);
    };
    return createController({
      doc: document,
      url: () => 'https://hansard.parliament.uk/Commons/2025-02-11/debates/x/Unknown',
      send: (async () => ({ ok: true, data: [] })) as unknown as ControllerDeps['send'],
      getSettings: async () => withDefaults(null),
      understand: () => null,
      popover: {
        driver: lazyPopoverDriver(
          () => new Promise(() => {}),
          () => {},
        ),
        scheme: () => 'light',
      },
      onTabRequest: () => listen('tab requests'),
      watchSettings: () => listen('settings'),
      onLocationChange: () => listen('navigation'),
      alsoListen: () => listen('more'),
    });
  }

  const started = ['tab requests started', 'settings started', 'navigation started', 'more started'];
  // The navigation watcher is the controller's to remove too (its remover, since the script has no WXT context).
  const stopped = ['tab requests stopped', 'settings stopped', 'navigation stopped', 'more stopped'];

  it.each([
    ['left alone: started later, not now', false, started, stopped],
    ['stopped before it started: never started', true, [], []],
  ] as const)('the controller and its listeners, %s', async (_name, stopEarly, afterIdle, afterStop) => {
    const log: string[] = [];
    const controller = listeningController(log);
    const starting = controller.start();
    expect(log).toEqual([]);
    if (stopEarly) controller.teardown();
    await starting;
    expect(log).toEqual(afterIdle);
    controller.teardown();
    expect(log.slice(afterIdle.length)).toEqual(afterStop);
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
});

describe('the popover driver, loaded on first need', () => {
  /** A real-enough driver: records what it was asked, in order. */
  function recordingDriver() {
    const calls: string[] = [];
    const create = vi.fn(
      (): PopoverDriver => ({
        prepare: () => calls.push('prepare'),
        openIndex: null,
        pointer: (at) => calls.push(at ? `pointer ${at.x},${at.y}` : 'pointer off'),
        inPopover: () => false,
        click: (x, y) => calls.push(`click ${x},${y}`),
        key: (event) => calls.push(`key ${event.code}`) > 0,
        moved: (resized) => calls.push(`moved ${resized}`),
        schemeChanged: () => calls.push('scheme'),
        focusMark: (index) => calls.push(`focus ${index}`) > 0,
        step: (direction) => calls.push(`step ${direction}`) > 0,
        close: () => calls.push('close'),
        setHoverDelay: (ms) => calls.push(`delay ${ms}`),
        reset: () => calls.push('reset'),
        destroy: () => calls.push('destroy'),
      }),
    );
    return { create, calls };
  }

  /** Marks at x < 10 (what the hit index finds there). */
  function driverDeps(marks = 2): PopoverDriverDeps {
    const list = Array.from({ length: marks }, (_, index) => ({ index }) as unknown as Mark);
    return {
      doc: document,
      marks: () => list,
      drawnMarks: () => list,
      hit: () => ({ at: (x: number) => (x < 10 ? list[0] : null) }) as unknown as HitIndex,
      highlighter: () => null,
      hoverDelayMs: () => 250,
      scheme: () => 'light',
      send: async () => null,
      log: () => {},
    };
  }

  const altShiftN = () => new KeyboardEvent('keydown', { code: 'KeyN', altKey: true, shiftKey: true });

  it.each([
    [
      'the pointer off the marks: nothing loaded',
      (d: PopoverDriver) => d.pointer({ x: 50, y: 5, inPopover: false }),
      2,
      0,
      [],
    ],
    [
      'a key that is not ours: nothing loaded',
      (d: PopoverDriver) => d.key(new KeyboardEvent('keydown', { code: 'KeyN' })),
      2,
      0,
      [],
    ],
    ['a step on a page with no marks: nothing loaded', (d: PopoverDriver) => d.step(1), 0, 0, []],
    ['prepare: loaded and prepared', (d: PopoverDriver) => d.prepare(), 2, 1, ['prepare']],
    [
      'the pointer reaching a mark: loaded, and told where the pointer is',
      (d: PopoverDriver) => {
        d.setHoverDelay(400);
        d.pointer({ x: 50, y: 5, inPopover: false });
        d.pointer({ x: 5, y: 5, inPopover: false });
      },
      2,
      1,
      ['delay 400', 'pointer 5,5'],
    ],
    ['a click on a mark: clicked once loaded', (d: PopoverDriver) => d.click(5, 6), 2, 1, ['click 5,6']],
    ['Alt+Shift+N: stepped once loaded', (d: PopoverDriver) => d.key(altShiftN()), 2, 1, ['key KeyN']],
    [
      'a step and then a focus asked for: the latest, once loaded',
      (d: PopoverDriver) => {
        expect(d.step(1)).toBe(true);
        expect(d.focusMark(1)).toBe(true);
      },
      2,
      1,
      ['focus 1'],
    ],
  ] as const)('%s', async (_name, act, marks, loads, expected) => {
    const { create, calls } = recordingDriver();
    const load = vi.fn(async () => create);
    const driver = lazyPopoverDriver(load, () => {})(driverDeps(marks));
    act(driver);
    expect(calls).toEqual([]);
    await settle();
    expect(load).toHaveBeenCalledTimes(loads);
    expect(calls).toEqual(expected);
  });

  it('a resize before it loaded still tells the hit index (its boxes moved), and loads nothing', async () => {
    const load = vi.fn(async () => recordingDriver().create);
    const deps = driverDeps();
    let invalidated = 0;
    deps.hit = () => ({ at: () => null, invalidate: () => invalidated++ }) as unknown as HitIndex;
    const driver = lazyPopoverDriver(load, () => {})(deps);
    driver.moved(false);
    driver.moved(true);
    await settle();
    expect(invalidated).toBe(1);
    expect(load).not.toHaveBeenCalled();
  });

  it('a failed load is reported and tried again; one destroyed while loading makes nothing', async () => {
    const { create, calls } = recordingDriver();
    const log = vi.fn();
    let fail = true;
    const load = vi.fn(async () => {
      if (fail) throw new Error('no tab');
      return create;
    });
    const driver = lazyPopoverDriver(load, log)(driverDeps());
    driver.prepare();
    await settle();
    expect(log).toHaveBeenCalledWith('the popover driver could not be loaded', expect.any(Error));
    fail = false;
    driver.step(1);
    driver.destroy();
    await settle();
    expect(load).toHaveBeenCalledTimes(2);
    expect(create).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
  });
});
