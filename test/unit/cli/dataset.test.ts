import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/dataset';
import { bundledDataset } from '../../../src/dataset';

describe('cli dataset: counts in the words the options page and the side panel use', () => {
  it('counts a briefing per stage section and the source files apart', async () => {
    const dataset = bundledDataset();
    const summary = (await run([])) as Record<string, unknown> & { perBill: Array<{ briefings: number }> };
    expect(summary.briefings).toBe(dataset.briefings.length);
    expect(summary.sources).toBe(new Set(dataset.briefings.map((b) => b.source)).size);
    // The two seed files hold one briefing per stage the LGA briefed on: more briefings than files.
    expect(summary.briefings as number).toBeGreaterThan(summary.sources as number);
    expect(summary.perBill.reduce((n, bill) => n + bill.briefings, 0)).toBe(dataset.briefings.length);
    expect(summary).not.toHaveProperty('sections');
  });
});
