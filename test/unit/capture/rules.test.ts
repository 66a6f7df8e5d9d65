/**
 * The rules behind adding a briefing from its page: which URLs are LGA briefing pages, one spelling per page, the
 * name it is saved under, and when a briefing being saved is one the user already has (src/capture/sites.ts,
 * src/capture/duplicates.ts). Table-driven.
 */
import { describe, expect, it } from 'vitest';
import { compileBriefing } from '../../../src/briefings';
import { briefingSignature, captureState, planSave, type SavedBriefing } from '../../../src/capture/duplicates';
import {
  BRIEFING_PAGE_MATCHES,
  briefingSite,
  canonicalBriefingUrl,
  captureSourceName,
} from '../../../src/capture/sites';

const SLUG = 'https://www.local.gov.uk/parliament/briefings-and-responses/lga-briefing-widgets-bill-second-reading';

describe('briefing pages', () => {
  it.each([
    [SLUG, 'local.gov.uk'],
    [
      'http://local.gov.uk/parliament/briefings-and-responses/lga-briefing-widgets-bill-second-reading/',
      'local.gov.uk',
    ],
    ['https://lb2.local.gov.uk/parliament/briefings-and-responses/x', 'local.gov.uk'],
    ['https://www.local.gov.uk/-/journal_content/56/10180/7763412/ARTICLE', 'local.gov.uk'],
    ['https://www.local.gov.uk/about/news/-/journal_content/56/10180/7763412/ARTICLE', 'local.gov.uk'],
    ['https://www.pas.gov.uk/-/journal_content/56/332612/15580/ARTICLE', 'pas.gov.uk'],
    ['https://www.local.gov.uk/parliament/briefings-and-responses', null], // the listing
    ['https://www.local.gov.uk/parliament/briefings-and-responses/', null],
    ['https://www.local.gov.uk/topics/housing', null],
    ['https://notlocal.gov.uk.example.com/parliament/briefings-and-responses/x', null],
    ['https://evil-local.gov.uk/parliament/briefings-and-responses/x', null],
    ['chrome-extension://abc/parliament/briefings-and-responses/x', null],
    ['not a url', null],
  ])('%s is a briefing page of %s', (url, site) => {
    expect(briefingSite(url)?.name ?? null).toBe(site);
  });

  it('the manifest matches every host and both URL shapes, from the same table', () => {
    expect(BRIEFING_PAGE_MATCHES).toEqual([
      '*://*.local.gov.uk/parliament/briefings-and-responses/*',
      '*://*.local.gov.uk/*-/journal_content/*',
      '*://*.pas.gov.uk/parliament/briefings-and-responses/*',
      '*://*.pas.gov.uk/*-/journal_content/*',
    ]);
  });

  it.each([
    [SLUG, 'local.gov.uk/parliament/briefings-and-responses/lga-briefing-widgets-bill-second-reading'],
    [
      `${SLUG}/?utm_source=x#key`,
      'local.gov.uk/parliament/briefings-and-responses/lga-briefing-widgets-bill-second-reading',
    ],
    [
      'http://LB2.local.gov.uk/parliament/briefings-and-responses/lga-briefing-widgets-bill-second-reading',
      'local.gov.uk/parliament/briefings-and-responses/lga-briefing-widgets-bill-second-reading',
    ],
    [
      'https://www.local.gov.uk/-/journal_content/56/10180/7763412/ARTICLE',
      'local.gov.uk/-/journal_content/56/10180/7763412/ARTICLE',
    ],
  ])('%s is spelt %s', (url, canonical) => {
    expect(canonicalBriefingUrl(url)).toBe(canonical);
  });

  it.each([
    [SLUG, 'local.gov.uk-lga-briefing-widgets-bill-second-reading.html'],
    ['https://www.local.gov.uk/-/journal_content/56/10180/7763412/ARTICLE', 'local.gov.uk-journal-7763412.html'],
    ['https://www.pas.gov.uk/-/journal_content/56/332612/15580/ARTICLE', 'pas.gov.uk-journal-15580.html'],
  ])('%s is saved as %s', (url, name) => {
    expect(captureSourceName(url)).toBe(name);
  });
});

const TEXT = `Widgets Bill, Second Reading, House of Lords, 3 December 2025

Key messages

  • We support clause 2 of the Bill, which gives councils a new power to license widgets.
  • We are concerned that clause 5 gives the Secretary of State a power to override local decisions.
`;
/** The same briefing as a reader would paste it from another host: a banner, a topic link, curly quotes, spacing. */
const SAME_ELSEWHERE = `Visit our devolution and LGR hub for the latest information, support and resources

Widgets Bill, Second Reading, House of Lords, 3 December 2025

View allDevolution articles

Key messages

  • We support clause 2 of the Bill,  which gives councils a new power to license widgets.
  • We are concerned that clause 5 gives the Secretary of State a power to override local decisions.

Contact

A. Officer
`;
const EDITED = TEXT.replace('We are concerned', 'We are deeply concerned');
const OTHER_STAGE = TEXT.replace('Second Reading', 'Committee Stage');

function compiled(text: string, source: string) {
  const result = compileBriefing(text, source, []);
  expect(result.errors).toEqual([]);
  return result;
}

function saved(text: string, source: string, addedAt: string, url: string | null): SavedBriefing {
  return {
    ...compiled(text, source),
    source,
    addedAt,
    origin: url ? { url, site: 'local.gov.uk', pageDate: null } : null,
  };
}

const OLD_URL = 'https://local.gov.uk/-/journal_content/56/10180/7763412/ARTICLE';

describe('the same briefing saved twice replaces, never doubles', () => {
  const fromPage = saved(
    TEXT,
    'local.gov.uk-lga-briefing-widgets-bill-second-reading.html',
    '2026-12-03T10:00:00Z',
    SLUG,
  );
  const pasted = saved(TEXT, 'widgets.txt', '2026-11-20T10:00:00Z', null);
  const cases: Array<{
    what: string;
    text: string;
    source: string;
    url: string | null;
    have: SavedBriefing[];
    want: { source: string; addedAt: string | null; by: string[] };
  }> = [
    {
      what: 'nothing saved: a new briefing',
      text: TEXT,
      source: 'a.html',
      url: SLUG,
      have: [],
      want: { source: 'a.html', addedAt: null, by: [] },
    },
    {
      what: 'the same URL, the same words',
      text: TEXT,
      source: 'x.html',
      url: SLUG,
      have: [fromPage],
      want: { source: fromPage.source, addedAt: '2026-12-03T10:00:00Z', by: ['url'] },
    },
    {
      what: 'the same URL on another host spelling',
      text: TEXT,
      source: 'x.html',
      url: SLUG.replace('https://www.', 'http://'),
      have: [fromPage],
      want: { source: fromPage.source, addedAt: '2026-12-03T10:00:00Z', by: ['url'] },
    },
    {
      what: 'the same URL, edited words (an update)',
      text: EDITED,
      source: 'x.html',
      url: SLUG,
      have: [fromPage],
      want: { source: fromPage.source, addedAt: '2026-12-03T10:00:00Z', by: ['url'] },
    },
    {
      what: 'the same words at an old URL',
      text: TEXT,
      source: 'local.gov.uk-journal-7763412.html',
      url: OLD_URL,
      have: [fromPage],
      want: { source: fromPage.source, addedAt: '2026-12-03T10:00:00Z', by: ['text'] },
    },
    {
      what: 'the same words with banner, topic link, spacing and contact',
      text: SAME_ELSEWHERE,
      source: 'saved.txt',
      url: null,
      have: [fromPage],
      want: { source: fromPage.source, addedAt: '2026-12-03T10:00:00Z', by: ['text'] },
    },
    {
      what: 'the same file name',
      text: EDITED,
      source: 'widgets.txt',
      url: null,
      have: [pasted],
      want: { source: 'widgets.txt', addedAt: '2026-11-20T10:00:00Z', by: ['name'] },
    },
    {
      what: 'a page and a paste of it: both go, the earliest date stays',
      text: TEXT,
      source: 'x.html',
      url: SLUG,
      have: [pasted, fromPage],
      want: { source: fromPage.source, addedAt: '2026-11-20T10:00:00Z', by: ['url', 'text'] },
    },
    {
      what: 'other words at another URL: a different briefing',
      text: EDITED,
      source: 'y.html',
      url: OLD_URL,
      have: [fromPage],
      want: { source: 'y.html', addedAt: null, by: [] },
    },
    {
      what: 'the same words for another stage: a different briefing',
      text: OTHER_STAGE,
      source: 'z.txt',
      url: null,
      have: [fromPage],
      want: { source: 'z.txt', addedAt: null, by: [] },
    },
  ];
  it.each(cases)('$what', ({ text, source, url, have, want }) => {
    const plan = planSave({ ...compiled(text, source), source, url }, have);
    expect({ source: plan.source, addedAt: plan.addedAt, by: plan.replaces.map((d) => d.by) }).toEqual(want);
  });

  it('folds white space, case and quote marks in the words, nothing else', () => {
    const a = compiled(TEXT, 'a.txt');
    expect(briefingSignature(compiled(TEXT.replace('the Bill,', 'the  bill,'), 'b.txt'))).toBe(briefingSignature(a));
    expect(briefingSignature(compiled(EDITED, 'c.txt'))).not.toBe(briefingSignature(a));
  });
});

describe('what the page’s control says', () => {
  const fromPage = saved(TEXT, 'local.gov.uk-x.html', '2026-12-03T10:00:00Z', SLUG);
  it.each([
    { what: 'not saved', text: TEXT, url: SLUG, have: [], want: 'new' },
    { what: 'saved from this page, unchanged', text: TEXT, url: SLUG, have: [fromPage], want: 'added' },
    { what: 'saved from this page, changed since', text: EDITED, url: SLUG, have: [fromPage], want: 'changed' },
    { what: 'saved from another URL with the same words', text: TEXT, url: OLD_URL, have: [fromPage], want: 'added' },
    { what: 'another briefing saved at another URL', text: EDITED, url: OLD_URL, have: [fromPage], want: 'new' },
  ])('$what: $want', ({ text, url, have, want }) => {
    const source = captureSourceName(url);
    expect(captureState({ ...compiled(text, source), source, url }, have).state).toBe(want);
  });
});
