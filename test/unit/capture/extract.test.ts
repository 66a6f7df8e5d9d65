// @vitest-environment happy-dom
/**
 * Reading a briefing from an LGA page's DOM (src/capture/extract.ts). The pages are COMPOSED for the tests: no real
 * local.gov.uk markup is saved anywhere we could find, so test/fixtures/lga/compose.mjs infers the markup of a
 * current Drupal article page (and two other layouts) and fills it with each dev-set briefing's text, read from
 * ../shared at test time. The briefing read back from the page must compile to what the stored text compiles to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileBriefing } from '../../../src/briefings';
import { extractBriefing, isoDay } from '../../../src/capture/extract';
import type { BillRecord } from '../../../src/model';
import { composeLgaPage } from '../../fixtures/lga/compose.mjs';

// happy-dom's URL cannot make file paths (../briefings/paths.ts uses one): plain paths here.
const PROJECT = path.resolve(import.meta.dirname, '..', '..', '..');
const SHARED = path.resolve(PROJECT, '..', 'shared');
const readShared = (relative: string) => readFileSync(path.join(SHARED, relative), 'utf8');
const registryBills = (): BillRecord[] =>
  JSON.parse(readFileSync(path.join(PROJECT, 'assets', 'bills.json'), 'utf8')).bills;

const LAYOUTS = ['drupal', 'renamed', 'liferay'] as const;
const DEV_SET = [
  ...readdirSync(path.join(SHARED, 'corpus', 'lga-briefings'))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => `corpus/lga-briefings/${name}`),
  ...readdirSync(path.join(SHARED, 'seeds'))
    .filter((name) => name.endsWith('.txt'))
    .map((name) => `seeds/${name}`),
];

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** What a reader of the preview checks: the bill, each stage section, each position's words. */
function summary(text: string) {
  const result = compileBriefing(text, 'page.html', registryBills());
  return {
    errors: result.errors.map((e) => e.message),
    bill: result.bill.title,
    sections: result.briefings.map((b) => ({ house: b.house, stage: b.stage, dates: b.dates })),
    // A browser collapses runs of white space in HTML: the stored text's double spaces are not on the page.
    positions: result.positions.map((p) => p.text.replace(/\s+/g, ' ')),
  };
}

describe('a briefing read from its page compiles as its stored text does', () => {
  const cases = DEV_SET.flatMap((file) => LAYOUTS.map((layout) => ({ file, layout })));
  it.each(cases)('$file in the $layout layout', ({ file, layout }) => {
    const stored = readShared(file);
    const doc = parse(composeLgaPage(stored, { layout }));
    const extracted = extractBriefing(doc);
    expect(extracted).not.toBeNull();
    const expected = summary(stored);
    expect(expected.errors).toEqual([]);
    expect(expected.positions.length).toBeGreaterThan(0);
    expect(summary(extracted!.text)).toEqual(expected);
    expect(extracted!.foundBy).toBe('readability');
  });
});

const SHORT = `Widgets Bill, Second Reading, House of Lords, 3 December 2025

Key messages

  • We support clause 2 of the Bill, which gives councils a new power to license widgets.
    • Licensing fees must cover the full cost [Clause 3].
  • We are concerned that clause 5 gives the Secretary of State a power to override local decisions.

Contact

A. Officer, Public Affairs Adviser
`;

describe('extractBriefing', () => {
  it('writes the lines a reader would copy: title, part headings, bullets `  • ` nested deeper; no navigation, no contact furniture lost', () => {
    const extracted = extractBriefing(parse(composeLgaPage(SHORT, { layout: 'renamed' })))!;
    expect(extracted.text).toBe(`Widgets Bill, Second Reading, House of Lords, 3 December 2025

Key messages

  • We support clause 2 of the Bill, which gives councils a new power to license widgets.
    • Licensing fees must cover the full cost [Clause 3].
  • We are concerned that clause 5 gives the Secretary of State a power to override local decisions.

Contact

A. Officer, Public Affairs Adviser
`);
    expect(extracted.title).toBe('Widgets Bill, Second Reading, House of Lords, 3 December 2025');
  });

  it('leaves the page as it was (Readability reads a clone)', () => {
    const doc = parse(composeLgaPage(SHORT));
    const before = doc.documentElement.outerHTML;
    extractBriefing(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('reads a page far shorter than a news article', () => {
    const doc = parse(
      '<html><head><title>x</title></head><body><main><h1>Tiny Bill, Committee Stage, House of Commons</h1><ul><li>We support clause 1.</li></ul></main></body></html>',
    );
    expect(extractBriefing(doc)!.text).toBe(
      'Tiny Bill, Committee Stage, House of Commons\n\n  • We support clause 1.\n',
    );
  });

  it('gives nothing for a page without text', () => {
    expect(extractBriefing(parse('<html><head><title></title></head><body><main> </main></body></html>'))).toBeNull();
  });

  const dates = [
    {
      what: 'an update beats first publication',
      published: '2022-06-20T09:00:00+01:00',
      modified: '2022-07-01T10:00:00Z',
      want: '2022-07-01',
    },
    { what: 'publication alone', published: '2022-06-20T09:00:00+01:00', modified: null, want: '2022-06-20' },
    { what: 'no date at all', published: null, modified: null, want: null },
  ];
  it.each(dates)('page date: $what', ({ published, modified, want }) => {
    expect(extractBriefing(parse(composeLgaPage(SHORT, { published, modified })))!.pageDate).toBe(want);
  });

  it.each([
    ['2022-06-20T09:00:00+01:00', '2022-06-20'],
    ['2022-06-20', '2022-06-20'],
    ['2022-02-30', null],
    ['June 2022', null],
    ['', null],
  ])('isoDay(%j) is %j', (value, want) => {
    expect(isoDay(value)).toBe(want);
  });
});
