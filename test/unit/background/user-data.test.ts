import { describe, expect, it } from 'vitest';
import { describeReplaced, writeUserData } from '../../../src/background/user-data';
import { MemoryStore } from '../../../src/store';
import { BILLS, fixtureDataset } from '../../fixtures/store/dataset';
import { userBriefingRecord } from '../../fixtures/store/user-briefing';

describe('what a save or an import would replace, in words', () => {
  const replaced = { source: 'devolution.txt', billTitle: 'English Devolution Bill', briefings: 2, corrections: 0 };
  it.each([
    ['2026-12-01T12:00:00.000Z', '"devolution.txt" (English Devolution Bill, 2 stages, added 1 December 2026)'],
    // The day in UTC, as stored, wherever the reader is.
    ['2026-12-01T23:30:00-05:00', '"devolution.txt" (English Devolution Bill, 2 stages, added 2 December 2026)'],
    ['2026-01-09', '"devolution.txt" (English Devolution Bill, 2 stages, added 9 January 2026)'],
    ['not a date', '"devolution.txt" (English Devolution Bill, 2 stages)'],
  ])('added %s', (addedAt, words) => {
    expect(describeReplaced({ ...replaced, addedAt })).toBe(words);
  });

  it('one stage', () => {
    expect(describeReplaced({ ...replaced, briefings: 1, addedAt: '' })).toBe(
      '"devolution.txt" (English Devolution Bill, 1 stage)',
    );
  });
});

describe('writing the reader’s briefings', () => {
  const first = userBriefingRecord('first.txt');
  const other = userBriefingRecord('other.txt');
  const ids = (record: typeof first) => record.positions.map((p) => p.id);

  // Each row: saved before; written; other sources it replaces; the position ids the search index drops; then saved.
  it.each<[string, (typeof first)[], (typeof first)[], string[], string[], string[]]>([
    ['a new briefing', [], [first], [], [], ['first.txt']],
    ['a briefing saved again under its name', [first], [first], [], ids(first), ['first.txt']],
    ['a briefing replacing another source', [other], [first], ['other.txt'], ids(other), ['first.txt']],
    ['a briefing beside another', [other], [first], [], [], ['first.txt', 'other.txt']],
  ])('%s', async (_what, before, records, replacing, removed, after) => {
    const store = new MemoryStore('test');
    await store.seed(fixtureDataset());
    if (before.length) await store.putUserBriefings(before, [], [], []);
    const written = await writeUserData(store, async () => BILLS, { records, replacing });
    expect(written.change.removed).toEqual(removed);
    expect(written.change.added.positions).toEqual(records.flatMap((r) => r.positions));
    expect(written.change.added.bills.map((b) => b.id).sort()).toEqual(
      [...new Set([...records.map((r) => r.bill.id), ...BILLS.map((b) => b.id)])].sort(),
    );
    expect((await store.userBriefings()).map((r) => r.source).sort()).toEqual(after);
    expect(written.orphaned).toEqual([]);
  });
});
