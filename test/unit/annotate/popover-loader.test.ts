// @vitest-environment happy-dom
/**
 * The popover loaded on first need (src/annotate/popover-loader.ts): what the driver asked for before the popover's
 * script had run is shown once it has, and nothing the reader has since dismissed; a failed load is reported and
 * tried again; the factory passes from the script to the content script once, on the content scripts' global.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ColourScheme } from '../../../src/annotate/highlight';
import type { PopoverView } from '../../../src/annotate/popover-driver';
import { lazyPopover, registerPopoverFactory, takePopoverFactory } from '../../../src/annotate/popover-loader';

type ShowOptions = Parameters<PopoverView['show']>[0];

const options = (number: string): ShowOptions => ({
  reference: { kind: 'clause', number },
  positions: [],
  anchor: { left: 0, top: 0, right: 10, bottom: 10 },
  focus: false,
  onReadBriefing: () => {},
  onClose: () => {},
});

/** A real-enough view: records what it was asked, in order. */
function recordingFactory() {
  const calls: string[] = [];
  const made: Array<{ scheme: ColourScheme }> = [];
  const factory = (_doc: Document, scheme: ColourScheme): PopoverView => {
    made.push({ scheme });
    return {
      show: (o) => calls.push(`show ${o.reference.number} at ${o.anchor.top}`),
      reposition: (a) => calls.push(`reposition ${a.top}`),
      hide: () => calls.push('hide'),
      contains: () => true,
      setScheme: (s) => calls.push(`scheme ${s}`),
      destroy: () => calls.push('destroy'),
    };
  };
  return { factory, calls, made };
}

/** A load the test finishes by hand, as the background's answer would. */
function deferredLoad() {
  let finish: (ok: boolean) => void = () => {};
  const load = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        finish = (ok) => (ok ? resolve() : reject(new Error('no tab')));
      }),
  );
  return { load, finish: (ok: boolean) => finish(ok) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the popover, loaded on first need', () => {
  it.each([
    ['show, then loaded: shown', (v: PopoverView) => v.show(options('7')), ['show 7 at 0']],
    [
      'two shows before loading: the latest',
      (v: PopoverView) => {
        v.show(options('7'));
        v.show(options('8'));
      },
      ['show 8 at 0'],
    ],
    [
      'show then hide before loading: nothing shown',
      (v: PopoverView) => {
        v.show(options('7'));
        v.hide();
      },
      [],
    ],
    [
      'a reposition before loading moves the pending one',
      (v: PopoverView) => {
        v.show(options('7'));
        v.reposition(new DOMRect(0, 42, 10, 10));
      },
      ['show 7 at 42'],
    ],
  ] as const)('%s', async (_name, act, expected) => {
    const { factory, calls } = recordingFactory();
    const { load, finish } = deferredLoad();
    const view = lazyPopover({ load, take: () => factory, log: () => {} })(document, 'light');
    act(view);
    expect(calls).toEqual([]);
    expect(view.contains(new Event('pointerdown'))).toBe(false);
    finish(true);
    await settle();
    expect(calls).toEqual(expected);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('nothing is loaded until something is shown or warmed, and then only once for every view', async () => {
    const { factory, calls, made } = recordingFactory();
    const load = vi.fn(async () => {});
    const create = lazyPopover({ load, take: () => factory, log: () => {} });
    const first = create(document, 'dark');
    first.setScheme('light');
    expect(load).not.toHaveBeenCalled();
    first.warm();
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(made).toEqual([{ scheme: 'light' }]);
    // A later view (after the driver destroyed the first) is made at once from the factory already taken.
    first.destroy();
    const second = create(document, 'dark');
    second.show(options('9'));
    expect(calls).toEqual(['destroy', 'show 9 at 0']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a view destroyed while loading makes nothing', async () => {
    const { factory, made } = recordingFactory();
    const { load, finish } = deferredLoad();
    const view = lazyPopover({ load, take: () => factory, log: () => {} })(document, 'light');
    view.show(options('7'));
    view.destroy();
    finish(true);
    await settle();
    expect(made).toEqual([]);
  });

  it('a failed load is reported, and the next show tries again', async () => {
    const { factory, calls } = recordingFactory();
    const log = vi.fn();
    const { load, finish } = deferredLoad();
    const view = lazyPopover({ load, take: () => factory, log })(document, 'light');
    view.show(options('7'));
    finish(false);
    await settle();
    expect(log).toHaveBeenCalledWith('the popover could not be loaded', expect.any(Error));
    expect(calls).toEqual([]);
    view.show(options('8'));
    finish(true);
    await settle();
    expect(load).toHaveBeenCalledTimes(2);
    expect(calls).toEqual(['show 8 at 0']);
  });

  it('a script that ran but left no factory is reported as such', async () => {
    const log = vi.fn();
    const view = lazyPopover({ load: async () => {}, take: () => null, log })(document, 'light');
    view.show(options('7'));
    await settle();
    expect(log).toHaveBeenCalledWith(
      'the popover could not be loaded',
      expect.objectContaining({ message: 'the popover script ran but left no popover' }),
    );
  });

  it('the factory is handed over once, on the global it was left on', () => {
    const { factory } = recordingFactory();
    const world = {};
    registerPopoverFactory(factory, world);
    expect(takePopoverFactory({})).toBeNull();
    expect(takePopoverFactory(world)).toBe(factory);
    expect(takePopoverFactory(world)).toBeNull();
  });
});
