import { describe, expect, it } from 'vitest';
import { compileDataset } from '../../../src/briefings/dataset';
import { cyrb53 } from '../../../src/briefings/hash';
import { bundledDataset } from '../../../src/dataset';
import { readAsset, registryBills } from './paths';

const SEEDS = ['lga-children-and-social-work-bill.txt', 'lga-childrens-wellbeing-and-schools-bill.txt'];
const sources = () => SEEDS.map((source) => ({ source, text: readAsset(`briefings/${source}`) }));

describe('compileDataset', () => {
  it('compiles the shipped sources: 2 bills, 11 sections, 67 positions', () => {
    const { dataset, errors } = compileDataset(sources(), registryBills(), { builtAt: '2025-01-01T00:00:00.000Z' });
    expect(errors).toEqual([]);
    expect(dataset.bills.map((b) => b.id)).toEqual([
      'children-and-social-work-bill',
      'childrens-wellbeing-and-schools-bill',
    ]);
    expect(dataset.briefings).toHaveLength(11);
    expect(dataset.positions).toHaveLength(50 + 17);
    expect(dataset.version).toMatch(/^[0-9a-f]{14}$/);
  });

  it('versions by content: same sources, same version; any change, a new one', () => {
    const a = compileDataset(sources(), registryBills(), { builtAt: 'a' }).dataset.version;
    const b = compileDataset(sources(), registryBills(), { builtAt: 'b' }).dataset.version;
    const changed = sources();
    changed[1]!.text = changed[1]!.text.replace('We support the model', 'We oppose the model');
    expect(a).toBe(b);
    expect(compileDataset(changed, registryBills()).dataset.version).not.toBe(a);
  });

  it('reports every source error by file and line and leaves the bad source out', () => {
    const { dataset, errors } = compileDataset([...sources(), { source: 'empty.txt', text: '' }], registryBills());
    expect(errors).toEqual([{ source: 'empty.txt', line: 1, message: 'empty file: no briefing text' }]);
    expect(dataset.positions).toHaveLength(67);
  });

  it('is never silently empty', () => {
    expect(compileDataset([], registryBills()).errors).toEqual([
      { source: '(dataset)', line: 1, message: 'no briefing sources' },
    ]);
  });

  it('hashes deterministically to 14 hex digits', () => {
    expect(cyrb53('')).not.toBe(cyrb53('a'));
    expect(cyrb53('a')).toBe(cyrb53('a'));
    expect(cyrb53('a')).toHaveLength(14);
  });
});

describe('bundledDataset', () => {
  it('is the compiled shipped sources (built by npm install / npm run dataset)', () => {
    const bundled = bundledDataset();
    const fresh = compileDataset(sources(), registryBills()).dataset;
    expect(bundled.version).toBe(fresh.version);
    expect(bundled.positions).toEqual(fresh.positions);
  });
});
