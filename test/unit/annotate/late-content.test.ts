// @vitest-environment happy-dom
/**
 * The late-content observer tells the page's changes from ours: drawing our own UI into the page (a topic marker's
 * host inside a paragraph, the popover host, a fallback wrapper) is no change of the page and starts no rescan, or
 * drawing markers would rescan the page, which would draw them again.
 */
import { describe, expect, it } from 'vitest';
import { WRAP_TAG } from '../../../src/annotate/highlight';
import { createLateContentObserver, POPOVER_HOST_TAG, TOPIC_HOST_TAG } from '../../../src/annotate/late-content';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const CHANGES: { name: string; change(p: HTMLElement): void; pageChanged: boolean; textChanged: boolean }[] = [
  {
    name: 'a topic marker host put first in a paragraph, then taken out',
    change: (p) => {
      const host = document.createElement(TOPIC_HOST_TAG);
      p.prepend(host);
      host.remove();
    },
    pageChanged: false,
    textChanged: false,
  },
  {
    name: 'the popover host added to <body>',
    change: () => document.body.append(document.createElement(POPOVER_HOST_TAG)),
    pageChanged: false,
    textChanged: false,
  },
  {
    name: 'a fallback wrapper added',
    change: (p) => p.append(document.createElement(WRAP_TAG)),
    pageChanged: false,
    textChanged: false,
  },
  {
    name: 'the page adding a paragraph of text',
    change: (p) => p.after(Object.assign(document.createElement('p'), { textContent: 'Clause 7 stand part.' })),
    pageChanged: true,
    textChanged: true,
  },
  {
    name: 'the page adding an empty box',
    change: (p) => p.before(document.createElement('div')),
    pageChanged: true,
    textChanged: false,
  },
];

describe('late content: ours or the page’s', () => {
  it.each(CHANGES)('$name', async ({ change, pageChanged, textChanged }) => {
    document.body.innerHTML = '<main><p>The Bill as amended in committee.</p></main>';
    const seen = { page: 0, text: 0 };
    const observer = createLateContentObserver({
      win: window as unknown as Window & typeof globalThis,
      target: () => document.body,
      isRelevant: () => true,
      onPageChange: () => seen.page++,
      onTextChange: () => seen.text++,
      debounceMs: 5,
      maxWaitMs: 20,
    });
    observer.watch();
    change(document.querySelector('p') as HTMLElement);
    await sleep(40);
    observer.stop();
    expect(seen.page > 0).toBe(pageChanged);
    expect(seen.text > 0).toBe(textChanged);
  });
});
