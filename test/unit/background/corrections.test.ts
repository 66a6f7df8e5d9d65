import { describe, expect, it } from 'vitest';
import { CorrectionsCache } from '../../../src/background/corrections';
import type { StanceCorrection } from '../../../src/model';
import type { DataStore } from '../../../src/store/types';
import { POSITIONS } from '../../fixtures/store/dataset';

const [position] = POSITIONS as [(typeof POSITIONS)[number]];
const correction: StanceCorrection = {
  positionId: position.id,
  ref: null,
  stance: 'oppose',
  text: position.text,
  at: '2026-12-01T21:00:00.000Z',
};

describe('the reader’s corrections, kept between requests', () => {
  // Each row: what is asked in turn ('read', 'clear'); how many times the store is read.
  it.each<[string, Array<'read' | 'clear'>, number]>([
    ['read once', ['read'], 1],
    ['kept: read once for many requests', ['read', 'read', 'read'], 1],
    ['read again after a change', ['read', 'clear', 'read'], 2],
    ['nothing read until asked', ['clear'], 0],
  ])('%s', async (_what, steps, reads) => {
    let stored: StanceCorrection[] = [];
    let read = 0;
    const store = {
      corrections: async () => {
        read++;
        return stored;
      },
    } as Partial<DataStore> as DataStore;
    const corrections = new CorrectionsCache(() => store);
    for (const step of steps) {
      if (step === 'clear') {
        stored = [correction];
        corrections.clear();
      } else {
        const [shown] = await corrections.attach([position]);
        expect(shown).toEqual(stored.length ? { ...position, corrections: stored } : position);
      }
    }
    expect(read).toBe(reads);
  });

  // The Bill view's grid rows are kept by this map (StanceGridCache): a new map exactly when the corrections change.
  it('hands out the same map until the corrections change', async () => {
    const store = { corrections: async () => [correction] } as Partial<DataStore> as DataStore;
    const corrections = new CorrectionsCache(() => store);
    const first = await corrections.byPosition();
    expect(await corrections.byPosition()).toBe(first);
    corrections.clear();
    expect(await corrections.byPosition()).not.toBe(first);
  });
});
