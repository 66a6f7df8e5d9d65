import { describe, expect, it, vi } from 'vitest';
import { createLifetime, extensionAlive, LIVENESS_CHECK_MS } from '../../../src/annotate/lifetime';
import { LOCATION_POLL_MS, watchLocation } from '../../../src/annotate/navigation';

/** The timers a window has, and no more: these are plain functions, the fake timers stand in for the clock. */
const timersOnly = () =>
  ({
    setInterval: (f: () => void, ms: number) => setInterval(f, ms),
    clearInterval: (id: number) => clearInterval(id),
  }) as unknown as Window;

describe('extensionAlive', () => {
  it.each<[string, () => { id?: string } | undefined, boolean]>([
    ['an id', () => ({ id: 'abc' }), true],
    ['no id (the extension updated, reloaded or removed)', () => ({}), false],
    ['no runtime at all', () => undefined, false],
    [
      'a runtime that throws',
      () => {
        throw new Error('Extension context invalidated.');
      },
      false,
    ],
  ])('%s: %s', (_name, runtime, alive) => {
    expect(extensionAlive(runtime)).toBe(alive);
  });
});

describe('the content script’s lifetime', () => {
  it.each<[string, boolean[], number]>([
    // What the extension answers at each check, and how many times the script is ended.
    ['alive throughout', [true, true, true], 0],
    ['gone at the second check', [true, false, false], 1],
    ['gone at once', [false, false, false], 1],
  ])('%s: ends %i time(s)', (_name, answers, endsExpected) => {
    vi.useFakeTimers();
    try {
      let check = 0;
      const lifetime = createLifetime(timersOnly(), () => answers[Math.min(check++, answers.length - 1)] as boolean);
      const ended: string[] = [];
      lifetime.onEnd(() => ended.push('controller'));
      lifetime.onEnd(() => {
        throw new Error('a teardown that fails');
      });
      lifetime.onEnd(() => ended.push('topics'));
      lifetime.watch();
      vi.advanceTimersByTime(LIVENESS_CHECK_MS * (answers.length + 2));
      // Every callback runs once, in order, even after one throws; the timer stops once the script has ended.
      expect(ended).toEqual(endsExpected ? ['controller', 'topics'] : []);
      expect(vi.getTimerCount()).toBe(endsExpected ? 0 : 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks nothing until watched; asked from input, ends at once; a callback given after the end runs at once', () => {
    vi.useFakeTimers();
    try {
      let there = true;
      const asked = vi.fn(() => there);
      const lifetime = createLifetime(timersOnly(), asked);
      vi.advanceTimersByTime(LIVENESS_CHECK_MS * 3);
      expect(asked).not.toHaveBeenCalled();
      lifetime.watch();
      vi.advanceTimersByTime(LIVENESS_CHECK_MS * 3);
      expect(asked).toHaveBeenCalledTimes(3);
      const ended: string[] = [];
      lifetime.onEnd(() => ended.push('controller'));
      expect(lifetime.isAlive()).toBe(true);
      there = false;
      // The reader's input asks between two timer checks: everything ends then, and the timer stops.
      expect(lifetime.isAlive()).toBe(false);
      expect(ended).toEqual(['controller']);
      expect(vi.getTimerCount()).toBe(0);
      lifetime.onEnd(() => ended.push('late'));
      expect(ended).toEqual(['controller', 'late']);
      expect(lifetime.isAlive()).toBe(false);
      expect(ended).toEqual(['controller', 'late']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('watchLocation', () => {
  it('uses the Navigation API where there is one: its event, removed by the remover', () => {
    const navigation = new EventTarget();
    const win = { navigation, location: { href: 'https://hansard.parliament.uk/a' } } as unknown as Window;
    const seen = vi.fn();
    const stop = watchLocation(win, seen);
    navigation.dispatchEvent(new Event('currententrychange'));
    navigation.dispatchEvent(new Event('navigate'));
    expect(seen).toHaveBeenCalledTimes(1);
    stop();
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('polls the URL where there is none: once per change, nothing after the remover', () => {
    vi.useFakeTimers();
    try {
      const location = { href: 'https://hansard.parliament.uk/a' };
      const win = Object.assign(timersOnly(), { location });
      const seen = vi.fn();
      const stop = watchLocation(win, seen);
      vi.advanceTimersByTime(LOCATION_POLL_MS * 3);
      expect(seen).not.toHaveBeenCalled();
      location.href = 'https://hansard.parliament.uk/a#b';
      vi.advanceTimersByTime(LOCATION_POLL_MS * 3);
      expect(seen).toHaveBeenCalledTimes(1);
      stop();
      location.href = 'https://hansard.parliament.uk/c';
      vi.advanceTimersByTime(LOCATION_POLL_MS * 3);
      expect(seen).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
