import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHoverController } from '../../../src/annotate/hover';

function setup(openDelayMs = 250, closeDelayMs = 300) {
  const events: string[] = [];
  const hover = createHoverController<number>(
    {
      open: (id, reason) => events.push(`open ${id} ${reason}`),
      close: (id, reason) => events.push(`close ${id} ${reason}`),
    },
    { openDelayMs, closeDelayMs },
  );
  return { hover, events };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('hover timing (like Wikipedia page previews)', () => {
  it('opens after the dwell, not before', () => {
    const { hover, events } = setup(250);
    hover.pointerEnterReference(1);
    vi.advanceTimersByTime(249);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open 1 hover']);
    expect(hover.openId).toBe(1);
  });

  it('does not open when the pointer only passes over the reference', () => {
    const { hover, events } = setup(250);
    hover.pointerEnterReference(1);
    vi.advanceTimersByTime(100);
    hover.pointerLeaveReference();
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });

  it('follows the hover delay setting', () => {
    const { hover, events } = setup(250);
    hover.setTiming({ openDelayMs: 500 });
    hover.pointerEnterReference(1);
    vi.advanceTimersByTime(499);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open 1 hover']);
  });

  it('closes about 300 ms after the pointer leaves', () => {
    const { hover, events } = setup(250, 300);
    hover.pointerEnterReference(1);
    vi.advanceTimersByTime(250);
    hover.pointerLeaveReference();
    vi.advanceTimersByTime(299);
    expect(hover.openId).toBe(1);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open 1 hover', 'close 1 leave']);
    expect(hover.openId).toBeNull();
  });

  it('stays open while the pointer is inside the popover, and closes after leaving it', () => {
    const { hover, events } = setup();
    hover.pointerEnterReference(1);
    vi.advanceTimersByTime(250);
    hover.pointerLeaveReference();
    vi.advanceTimersByTime(200);
    hover.pointerEnterPopover();
    vi.advanceTimersByTime(5000);
    expect(hover.openId).toBe(1);
    hover.pointerLeavePopover();
    vi.advanceTimersByTime(300);
    expect(events).toEqual(['open 1 hover', 'close 1 leave']);
  });

  it('coming back to the reference before the close delay keeps it open', () => {
    const { hover, events } = setup();
    hover.pointerEnterReference(1);
    vi.advanceTimersByTime(250);
    hover.pointerLeaveReference();
    vi.advanceTimersByTime(200);
    hover.pointerEnterReference(1);
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open 1 hover']);
  });

  it('pins on click: leaving no longer closes it; a click elsewhere does', () => {
    const { hover, events } = setup();
    hover.clickReference(2);
    expect(events).toEqual(['open 2 click']);
    expect(hover.pinned).toBe(true);
    hover.pointerLeaveReference();
    hover.pointerEnterReference(3);
    vi.advanceTimersByTime(5000);
    expect(hover.openId).toBe(2);
    hover.clickOutside();
    expect(events).toEqual(['open 2 click', 'close 2 outside']);
  });

  it('a second click on the pinned reference closes it', () => {
    const { hover, events } = setup();
    hover.clickReference(2);
    hover.clickReference(2);
    expect(events).toEqual(['open 2 click', 'close 2 outside']);
  });

  it('closes at once on Escape, pinned or not, and says whether it closed anything', () => {
    const { hover, events } = setup();
    expect(hover.escape()).toBe(false);
    hover.clickReference(4);
    expect(hover.escape()).toBe(true);
    hover.pointerEnterReference(5);
    vi.advanceTimersByTime(250);
    expect(hover.escape()).toBe(true);
    expect(events).toEqual(['open 4 click', 'close 4 escape', 'open 5 hover', 'close 5 escape']);
  });

  it('Escape during the dwell cancels the pending open', () => {
    const { hover, events } = setup();
    hover.pointerEnterReference(1);
    vi.advanceTimersByTime(100);
    hover.escape();
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });

  it('closes when the reference scrolls out of view', () => {
    const { hover, events } = setup();
    hover.openByKeyboard(6);
    hover.referenceScrolledOut();
    expect(events).toEqual(['open 6 keyboard', 'close 6 scroll']);
  });

  it('moving to another reference replaces the popover after the dwell', () => {
    const { hover, events } = setup();
    hover.pointerEnterReference(1);
    vi.advanceTimersByTime(250);
    hover.pointerLeaveReference();
    hover.pointerEnterReference(2);
    vi.advanceTimersByTime(250);
    expect(events).toEqual(['open 1 hover', 'close 1 replaced', 'open 2 hover']);
  });

  it('keyboard opens at once and pinned', () => {
    const { hover, events } = setup();
    hover.openByKeyboard(9);
    expect(events).toEqual(['open 9 keyboard']);
    expect(hover.pinned).toBe(true);
  });

  it('dispose cancels timers and closes', () => {
    const { hover, events } = setup();
    hover.openByKeyboard(1);
    hover.pointerEnterReference(2);
    hover.dispose();
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['open 1 keyboard', 'close 1 teardown']);
  });
});

describe('intent: a dwell on the word, not a pointer passing while reading', () => {
  /** The pointer moving at `speed` px/s along a line over one long reference, sampled every 16 ms for `ms`. */
  function sweep(speed: number, ms: number, openDelayMs = 250): string[] {
    const { hover, events } = setup(openDelayMs);
    hover.pointerEnterReference(1, { x: 0, y: 100 });
    for (let t = 16; t <= ms; t += 16) {
      vi.advanceTimersByTime(16);
      hover.pointerMoveOnReference({ x: (speed * t) / 1000, y: 100 });
    }
    return events;
  }

  it.each([
    ['resting', 0, ['open 1 hover']],
    ['a tremor (10 px/s)', 10, ['open 1 hover']],
    ['a slow reading sweep (60 px/s)', 60, []],
    ['a reading sweep (200 px/s)', 200, []],
    ['a quick pass (1000 px/s)', 1000, []],
  ] as const)('%s over a reference for 1 s opens %j', (_name, speed, expected) => {
    expect(sweep(speed, 1000)).toEqual(expected);
  });

  it('opens once the pointer stops on the word after sweeping', () => {
    const { hover, events } = setup(250);
    hover.pointerEnterReference(1, { x: 0, y: 100 });
    for (let x = 4; x <= 80; x += 4) {
      vi.advanceTimersByTime(40);
      hover.pointerMoveOnReference({ x, y: 100 });
    }
    expect(events).toEqual([]);
    vi.advanceTimersByTime(250);
    expect(events).toEqual(['open 1 hover']);
  });

  it('without a position (the keyboard, old callers) the dwell is time alone', () => {
    const { hover, events } = setup(250);
    hover.pointerEnterReference(1);
    hover.pointerMoveOnReference({ x: 500, y: 500 });
    vi.advanceTimersByTime(250);
    expect(events).toEqual(['open 1 hover']);
  });
});
