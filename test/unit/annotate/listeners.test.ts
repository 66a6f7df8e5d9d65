/**
 * The listener collection's teardown (page-input.ts `createListeners`): once the extension is gone its API may throw
 * when a listener is removed from it, and a teardown that stopped at the first remover to throw left the popover host
 * of an orphaned script on the page (the e2e extension-update spec saw it).
 */
import { describe, expect, it } from 'vitest';
import { createListeners } from '../../../src/annotate/page-input';

describe('removing every listener', () => {
  it.each([
    ['none throws', [], ['a', 'b', 'c']],
    ['the first throws', ['a'], ['b', 'c']],
    ['the middle one throws', ['b'], ['a', 'c']],
    ['all throw', ['a', 'b', 'c'], []],
  ])('runs every remover, in order, when %s', (_name, throwing, removed) => {
    const log: string[] = [];
    const listeners = createListeners(undefined, () => {});
    for (const name of ['a', 'b', 'c']) {
      listeners.add(() => {
        if (throwing.includes(name)) throw new TypeError("Cannot read properties of undefined (reading 'onMessage')");
        log.push(name);
      });
    }
    expect(() => listeners.removeAll()).not.toThrow();
    expect(log).toEqual(removed);
    expect(listeners.size).toBe(0);
  });
});
