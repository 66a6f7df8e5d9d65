import { describe, expect, it } from 'vitest';
import { compileSaving, originOf, planSaving, replacedBy } from '../../../src/background/saving';
import type { BriefingOrigin, SavePlan } from '../../../src/capture/duplicates';
import type { UserBriefingRecord } from '../../../src/store/schema';
import { BILLS } from '../../fixtures/store/dataset';
import { userBriefingRecord } from '../../fixtures/store/user-briefing';

const PAGE_URL =
  'https://www.local.gov.uk/parliament/briefings-and-responses/lga-briefing-devolution-bill-second-reading';
const FIRST_PAGE: BriefingOrigin = { url: `${PAGE_URL}-first`, site: 'local.gov.uk', pageDate: '2025-09-01' };
const THIS_PAGE: BriefingOrigin = { url: PAGE_URL, site: 'local.gov.uk', pageDate: null };
const FIRST_ADDED = '2026-11-01T09:00:00.000Z';
const NOW = '2026-12-02T10:00:00.000Z';

/** Saved before, from FIRST_PAGE: what a save of the same briefing replaces. */
const saved: UserBriefingRecord = { ...userBriefingRecord('devolution.txt'), addedAt: FIRST_ADDED, origin: FIRST_PAGE };
const planNew: SavePlan = { source: 'devolution.txt', addedAt: null, replaces: [] };
const planAgain: SavePlan = {
  source: 'devolution.txt',
  addedAt: FIRST_ADDED,
  replaces: [{ source: 'devolution.txt', addedAt: FIRST_ADDED, updatedAt: FIRST_ADDED, by: 'text', sameWords: true }],
};

describe('the record a save would store', () => {
  // Each row: the plan; the page it is saved from; when it was added, last updated, and the page it keeps.
  it.each<[string, SavePlan, BriefingOrigin | null, string, string | undefined, BriefingOrigin | undefined]>([
    ['new, from a file', planNew, null, NOW, undefined, undefined],
    ['new, from a page', planNew, THIS_PAGE, NOW, undefined, THIS_PAGE],
    ['saved again from a file: keeps when and where it was first added', planAgain, null, FIRST_ADDED, NOW, FIRST_PAGE],
    ['saved again from a page: that page', planAgain, THIS_PAGE, FIRST_ADDED, NOW, THIS_PAGE],
  ])('%s', (_what, saving, from, addedAt, updatedAt, origin) => {
    const { record, errors } = compileSaving(saving, saved.text, from, { saved: [saved], bills: BILLS, at: NOW });
    expect(errors).toEqual([]);
    expect(record).toMatchObject({ source: 'devolution.txt', addedAt });
    expect(record?.updatedAt).toBe(updatedAt);
    expect(record?.origin).toEqual(origin);
    expect(replacedBy(saving, [saved])).toEqual(saving.replaces.length ? [saved] : []);
  });

  it('a text that does not compile gives the compiler’s errors, where they are', () => {
    const { record, errors } = compileSaving(planNew, 'Not a briefing\n', null, { saved: [], bills: BILLS, at: NOW });
    expect(record).toBeUndefined();
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) expect(error).toMatch(/^devolution\.txt:\d+: /);
  });

  it('plans a second save of the same words as replacing the first', () => {
    const plan = planSaving('again.txt', saved.text, null, BILLS, [saved]);
    expect(plan).toMatchObject({ source: 'devolution.txt', addedAt: FIRST_ADDED });
    expect(plan.replaces.map((d) => d.source)).toEqual(['devolution.txt']);
  });
});

describe('the page a briefing was read from', () => {
  it.each([
    ['none', undefined, null],
    ['an LGA briefing page', { url: PAGE_URL, pageDate: null }, THIS_PAGE],
  ])('%s', (_what, origin, expected) => {
    expect(originOf(origin)).toEqual(expected);
  });

  it('refuses a page that is not an LGA briefing page', () => {
    expect(() => originOf({ url: 'https://example.org/x', pageDate: null })).toThrow(
      'https://example.org/x is not an LGA briefing page',
    );
  });
});
