/**
 * The `annotate` command, run in-process on saved pages (test/fixtures/pages), real debate excerpts
 * (../shared/corpus/debate-text) and the real seeds compiled into a dataset file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs, run } from '../../../src/cli/annotate';
import { compiledSeeds, debateText } from './seeds';

interface Out {
  page: {
    bill: string | null;
    billId: string | null;
    house: string | null;
    stage: string | null;
    date: string | null;
  } | null;
  references: {
    kind: string;
    number: string;
    text: string;
    start: number;
    end: number;
    positions: {
      applies: string;
      reason: string;
      stance: string;
      text: string;
      briefing: { stage: string; dates: string[] };
    }[];
  }[];
}

const pagesDir = path.resolve(import.meta.dirname, '../../fixtures/pages');
let dir = '';
let dataset = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'annotate-cli-'));
  dataset = path.join(dir, 'dataset.json');
  writeFileSync(dataset, JSON.stringify(compiledSeeds()));
});

function textFile(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function annotate(...args: string[]): Promise<Out> {
  return (await run([...args, '--dataset', dataset])) as Out;
}

/** `clause 7: applies second-reading 2025-01-08` per reference occurrence with positions, de-duplicated. */
function lines(out: Out): string[] {
  const seen = new Set<string>();
  for (const r of out.references) {
    const where = r.positions.map((p) => `${p.applies} ${p.briefing.stage} ${p.briefing.dates[0]}`).join(', ');
    seen.add(`${r.kind} ${r.number}: ${where || '-'}`);
  }
  return [...seen];
}

describe('annotate on saved pages (page adapter, scanner, matcher)', () => {
  it.each([
    [
      'cws25-pbc-2025-02-11-fourteenth-sitting.html',
      { house: 'commons', stage: 'committee', date: '2025-02-11' },
      [
        'clause 7: applies second-reading 2025-01-08, applies second-reading 2025-01-08',
        'amendment 5: -',
        'new-clause 10: -',
      ],
    ],
    [
      'cws25-lords-third-reading-2026-02-09.html',
      { house: 'lords', stage: 'third-reading', date: '2026-02-09' },
      [
        'clause 23: other-print second-reading 2025-01-08',
        'amendment 1: -',
        'clause 7: other-print second-reading 2025-01-08, other-print second-reading 2025-01-08',
      ],
    ],
    [
      'csw16-lords-report-2016-10-18.html',
      { house: 'lords', stage: 'report', date: '2016-10-18' },
      [
        'clause 1: other-print second-reading 2016-06-14',
        'amendment 7: applies report 2016-10-18',
        'clause 29: applies report 2016-10-18, applies report 2016-11-08, other-print third-reading 2016-11-23',
        'amendment 30: -',
      ],
    ],
    [
      'bills-3909.html',
      { house: null, stage: null, date: null },
      ['clause 7: other-print second-reading 2025-01-08, other-print second-reading 2025-01-08'],
    ],
  ])('%s', async (file, page, expected) => {
    const out = await annotate(path.join(pagesDir, file));
    expect(out.page).toMatchObject(page);
    expect(lines(out)).toEqual(expected);
  });

  it('gives each position its reason, stance, text and briefing', async () => {
    const out = await annotate(path.join(pagesDir, 'csw16-lords-report-2016-10-18.html'));
    const amendment7 = out.references.find((r) => r.kind === 'amendment' && r.number === '7');
    expect(amendment7?.positions[0]).toMatchObject({
      applies: 'applies',
      reason:
        'Same House and stage: briefing for Lords Report, 18 October 2016; this page is Lords Report, 18 October 2016',
      // The stance on amendment 7 itself: "should be reciprocal" (an ask). The sentence before supports the Bill's
      // focus, not the amendment, so it is a concern, not mixed (issue 9).
      stance: 'concern',
      briefing: {
        house: 'lords',
        stage: 'report',
        dates: ['2016-10-18'],
        heading: 'Report stage, House of Lords 18 October 2016',
      },
    });
    expect(amendment7?.positions[0]?.text).toMatch(/amendment 7, should be reciprocal/);
  });

  it('says so when the page’s bill is not in the dataset, rather than showing nothing silently', async () => {
    const out = (await annotate(path.join(pagesDir, 'unknown-bill.html'))) as Out & { page: { note?: string } };
    expect(out.page.bill).toBe('Tobacco and Vapes Bill');
    expect(out.page.note).toMatch(/not in the dataset/);
    expect(out.references.length).toBeGreaterThan(0);
    expect(out.references.every((r) => r.positions.length === 0)).toBe(true);
  });

  it('lets flags override what the page says', async () => {
    const out = await annotate(path.join(pagesDir, 'csw16-lords-report-2016-10-18.html'), '--stage', 'committee');
    expect(out.page?.stage).toBe('committee');
    expect(lines(out)).toContain('amendment 7: -');
    expect(lines(out)).toContain('clause 1: applies second-reading 2016-06-14');
  });
});

describe('annotate on pages no adapter reads', () => {
  const html =
    '<!doctype html><html><head><meta property="og:url" content="https://example.org/news"></head><body><p>We welcome clause 29.</p></body></html>';

  it('leaves the page alone and says why', async () => {
    const out = (await annotate(textFile('news.html', html))) as Out & { note?: string };
    expect(out.page).toBeNull();
    expect(out.references).toEqual([]);
    expect(out.note).toMatch(/example\.org/);
  });

  it('reads the whole body when the caller names the bill and context', async () => {
    const out = await annotate(
      textFile('news2.html', html),
      '--bill',
      'Children and Social Work Bill',
      '--house',
      'lords',
      '--stage',
      'report',
    );
    expect(lines(out)).toEqual([
      'clause 29: applies report 2016-11-08, applies report 2016-10-18, other-print third-reading 2016-11-23',
    ]);
  });
});

describe('annotate on text (flags give the context)', () => {
  it('a real Lords Report excerpt: clause 28 and amendment 52 have no LGA position; the offsets point at the text', async () => {
    const text = debateText('csw16-lords-report-day2-2016-11-08-hansard-details.txt');
    // The corpus file itself: its provenance header is left out, so offsets are into the page text.
    const file = path.resolve(
      import.meta.dirname,
      '../../../../shared/corpus/debate-text/csw16-lords-report-day2-2016-11-08-hansard-details.txt',
    );
    const out = await annotate(
      file,
      '--bill',
      'Children and Social Work Bill [HL]',
      '--house',
      'lords',
      '--date',
      '2016-11-08',
    );
    expect(out.page).toMatchObject({ billId: 'children-and-social-work-bill', house: 'lords', stage: 'report' });
    expect(out.references.length).toBeGreaterThan(0);
    for (const r of out.references) expect(text.slice(r.start, r.end)).toBe(r.text);
    expect(lines(out)).toContain('clause 28: -');
  });

  it('stdin-like text with a stated stage: clause 29 at Lords Report 8 November, and at Commons Committee', async () => {
    const file = textFile('clause29.txt', 'My Lords, clause 29 gives the Secretary of State the power to exempt.\n');
    const report = await annotate(
      file,
      '--bill',
      'children-and-social-work-bill',
      '--house',
      'lords',
      '--stage',
      'report',
      '--date',
      '2016-11-08',
    );
    expect(lines(report)).toEqual([
      'clause 29: applies report 2016-11-08, applies report 2016-10-18, other-print third-reading 2016-11-23',
    ]);
    const committee = await annotate(
      file,
      '--bill',
      'Children and Social Work Act 2017',
      '--house',
      'commons',
      '--stage',
      'committee',
    );
    expect(committee.references[0]?.positions.every((p) => p.applies === 'other-print')).toBe(true);
  });

  it('takes a bills.parliament.uk id for --bill', async () => {
    const file = textFile('clause7.txt', 'Clause 7 is about staying close support.');
    const out = await annotate(file, '--bill', '3909', '--house', 'commons', '--stage', 'committee');
    expect(out.page?.billId).toBe('childrens-wellbeing-and-schools-bill');
    expect(lines(out)).toEqual(['clause 7: applies second-reading 2025-01-08, applies second-reading 2025-01-08']);
  });
});

describe('annotate: bad input gives a clear error', () => {
  it.each([
    [['page.txt', '--house', 'upper'], /--house must be one of commons, lords \(got "upper"\)/],
    [['page.txt', '--stage', 'reading'], /--stage must be one of/],
    [['page.txt', '--date', '2016-02-30'], /--date must be a day as YYYY-MM-DD/],
    [['page.txt', '--colour', 'red'], /unknown option --colour/],
    [['a.txt', 'b.txt'], /one input only/],
    [[], /no input file/],
    [['page.txt', '--bill'], /--bill needs a value/],
  ])('parseArgs(%j)', (args, message) => {
    expect(() => parseArgs(args)).toThrow(message);
  });

  it('accepts --flag=value', () => {
    expect(parseArgs(['-', '--house=lords', '--date=2016-10-18']).flags).toEqual({
      house: 'lords',
      date: '2016-10-18',
    });
  });

  it('names a missing file', async () => {
    await expect(annotate(path.join(dir, 'missing.txt'), '--bill', '3909')).rejects.toThrow(
      /cannot read .*missing\.txt: ENOENT/,
    );
  });

  it('asks for --bill on plain text', async () => {
    const file = textFile('nobill.txt', 'clause 7');
    await expect(annotate(file)).rejects.toThrow(/nobill\.txt: plain text does not say which bill .*--bill/);
  });

  it('names an unknown --bill and lists the known ones', async () => {
    const file = textFile('other.txt', 'clause 7');
    await expect(annotate(file, '--bill', 'Renters’ Rights Bill')).rejects.toThrow(
      /"Renters’ Rights Bill" is not a bill in the dataset \(known: Children and Social Work Bill; Children's Wellbeing and Schools Bill\)/,
    );
  });

  it('names a dataset file that is not JSON', async () => {
    const bad = textFile('bad.json', '{"bills": [');
    await expect(run([textFile('x.txt', 'clause 7'), '--bill', '3909', '--dataset', bad])).rejects.toThrow(
      /dataset .*bad\.json is not JSON/,
    );
  });
});
