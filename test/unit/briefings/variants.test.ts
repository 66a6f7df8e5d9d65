import { describe, expect, it } from 'vitest';
import { compileBriefing } from '../../../src/briefings/compile';
import { VARIANTS } from './variants';

describe('LGA briefing page shapes (variants.ts): bill, stage sections and positions', () => {
  it.each(VARIANTS.map((variant) => [variant.name, variant] as const))('%s', (_name, variant) => {
    const result = compileBriefing(variant.text, 'variant.txt', []);
    expect(result.errors).toEqual([]);
    expect(result.bill.title).toBe(variant.bill);
    expect(result.briefings.map((b) => [b.house, b.stage, b.dates])).toEqual(variant.sections);
    const texts = result.positions.map((p) => p.text);
    expect(texts).toHaveLength(variant.positions.length);
    variant.positions.forEach((start, i) => {
      expect(texts[i]).toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    });
    // An odd page is read, and says so; an ordinary one reads silently.
    if (variant.warns) expect(result.warnings.length).toBeGreaterThan(0);
    else expect(result.warnings).toEqual([]);
  });

  it('positions land in their own stage section', () => {
    const multi = VARIANTS.find((v) => v.name.startsWith('multi-stage page: sections newest first'))!;
    const result = compileBriefing(multi.text, 'multi.txt', []);
    expect(result.briefings.map((b) => result.positions.filter((p) => p.briefingId === b.id).length)).toEqual([
      1, 1, 1,
    ]);
  });
});
