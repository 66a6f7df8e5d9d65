import { describe, expect, it } from 'vitest';
import { briefingPageOf, CaptureQueue } from '../../../src/background/capture-queue';

const PAGE_URL = 'https://www.local.gov.uk/parliament/briefings-and-responses/lga-briefing-widgets-bill-second-reading';
const capture = (text: string) => ({ url: PAGE_URL, site: 'local.gov.uk', text, pageDate: null, source: 'widgets' });

describe('the capture queue', () => {
  // Each row: previews asked for, as [tab, milliseconds]; whether each was held (false: refused as a double click).
  it.each<[string, Array<[number, number]>, boolean[]]>([
    ['one click', [[7, 0]], [true]],
    [
      'a second click on the tab within the second',
      [
        [7, 0],
        [7, 999],
      ],
      [true, false],
    ],
    [
      'a second click on the tab a second later',
      [
        [7, 0],
        [7, 1_000],
      ],
      [true, true],
    ],
    [
      'a click on another tab within the second',
      [
        [7, 0],
        [8, 1],
      ],
      [true, true],
    ],
    [
      'a refused click does not restart the second',
      [
        [7, 0],
        [7, 500],
        [7, 1_000],
      ],
      [true, false, true],
    ],
  ])('%s', (_what, clicks, held) => {
    const queue = new CaptureQueue();
    const results = clicks.map(([tab, at]) => {
      try {
        queue.hold(capture(`tab ${tab} at ${at}`), tab, at);
        return true;
      } catch (error) {
        expect((error as Error).message).toBe('a preview is already opening');
        return false;
      }
    });
    expect(results).toEqual(held);
  });

  it.each([
    [1, 1],
    [8, 8],
    [9, 8],
    [20, 8],
  ])('%i tabs handing over: the newest %i are held, the oldest dropped first', (tabs, kept) => {
    const queue = new CaptureQueue();
    const ids = Array.from({ length: tabs }, (_, tab) => queue.hold(capture(`tab ${tab}`), tab, 0));
    const held = ids.map((id) => queue.get(id)?.text ?? null);
    expect(held.filter((text) => text !== null)).toEqual(
      ids.slice(tabs - kept).map((_, i) => `tab ${tabs - kept + i}`),
    );
  });

  it('gives the preview page the text without the tab, and forgets it once taken', () => {
    const queue = new CaptureQueue();
    const id = queue.hold(capture('the page'), 7, 0);
    expect(queue.get(id)).toEqual({ id, ...capture('the page') });
    expect(queue.take(id)).toEqual({ tabId: 7 });
    expect(queue.get(id)).toBeNull();
    expect(queue.take(id)).toBeNull();
    expect(queue.take('never-held')).toBeNull();
  });
});

describe('the LGA page a hand-over comes from', () => {
  it.each([
    ['an LGA briefing page in a tab', { url: PAGE_URL, tab: { id: 3 } }, { url: PAGE_URL, site: 'local.gov.uk' }],
    ['an LGA briefing page outside a tab', { url: PAGE_URL }, null],
    ['another page', { url: 'https://example.org/briefing', tab: { id: 3 } }, null],
    ['no URL', { tab: { id: 3 } }, null],
  ])('%s', (_what, sender, page) => {
    if (page) expect(briefingPageOf(sender)).toEqual(page);
    else expect(() => briefingPageOf(sender)).toThrow('only the content script of an LGA briefing page may send this');
  });
});
