import { describe, expect, it } from 'vitest';
import { viewportFirst } from '../../../src/annotate/section-scanner';

/** A section whose one root sits `top`..`top + 100` px from the viewport's top; counts the layout reads it causes. */
function section(name: string, top: number, reads: { count: number }) {
  const root = {
    getBoundingClientRect() {
      reads.count++;
      return { top, bottom: top + 100 };
    },
  } as unknown as Element;
  return { name, roots: [root] };
}

describe('sections on screen are scanned first', () => {
  it.each([
    ['page order when all are on screen', [0, 200], ['a', 'b']],
    ['the one on screen first, then the rest in page order', [-3000, 300, 5000, 100], ['b', 'd', 'a', 'c']],
    ['page order when none is on screen', [2000, 4000], ['a', 'b']],
  ])('%s', (_name, tops, expected) => {
    const reads = { count: 0 };
    const sections = tops.map((top, i) => section(String.fromCharCode(97 + i), top, reads));
    expect(viewportFirst(sections, 900).map((s) => s.name)).toEqual(expected);
  });

  it('reads no layout for a page of one section', () => {
    const reads = { count: 0 };
    expect(viewportFirst([section('a', 5000, reads)], 900).map((s) => s.name)).toEqual(['a']);
    expect(reads.count).toBe(0);
  });
});
