import { describe, expect, it } from 'vitest';
import { nextStop, stopsOf } from '../../../src/annotate/stepping';
import type { ReferenceKind } from '../../../src/model';

/** `cl1 cl1 am7 cl1 cl7`: marks in page order, each one provision (`+` joins a range's members). */
function marks(spec: string) {
  const kinds: Record<string, ReferenceKind> = { cl: 'clause', am: 'amendment', sch: 'schedule' };
  return spec.split(' ').map((m) => ({
    refs: m.split('+').map((r) => {
      const [, kind, number] = /^([a-z]+)(\w+)$/.exec(r)!;
      return { kind: kinds[kind!]!, number: number! };
    }),
  }));
}

/** Every stop visited stepping forward from before the first, once round the page. */
function walk(spec: string, every: boolean, direction: 1 | -1 = 1): number[] {
  const stops = stopsOf(marks(spec), every);
  const seen: number[] = [];
  let at = direction === 1 ? -1 : stops.length;
  for (;;) {
    at = nextStop(stops, at, direction);
    if (at === -1 || seen.includes(at)) return seen;
    seen.push(at);
  }
}

describe('Alt+Shift+N/P step between distinct provisions; with Ctrl, between mentions', () => {
  it.each([
    ['Clause 1 five times, then clause 7', 'cl1 cl1 cl1 cl1 cl1 cl7', false, 1, [0, 5]],
    ['every mention with the modifier', 'cl1 cl1 cl7', true, 1, [0, 1, 2]],
    ['interleaved mentions stop at each first', 'cl1 am7 cl1 am7 sch2', false, 1, [0, 1, 4]],
    ['letters compare without case (172a is 172A)', 'am172A am172a am3', false, 1, [0, 2]],
    ['a range member new to the page is a stop', 'am60 am61+am62 am60', false, 1, [0, 1]],
    ['going back visits the same stops, in reverse', 'cl1 cl1 cl7 cl1', false, -1, [2, 0]],
  ] as const)('%s', (_name, spec, every, direction, expected) => {
    expect(walk(spec, every, direction)).toEqual(expected);
  });

  it('steps on from a mention that is not a stop (opened by pointer) to the next provision', () => {
    const stops = stopsOf(marks('cl1 cl1 cl1 cl7 cl9'), false);
    expect(nextStop(stops, 2, 1)).toBe(3);
    expect(nextStop(stops, 2, -1)).toBe(0);
  });

  it('wraps round the page, and says when there is nothing', () => {
    expect(nextStop(stopsOf(marks('cl1 cl7'), false), 1, 1)).toBe(0);
    expect(nextStop([], -1, 1)).toBe(-1);
  });
});
