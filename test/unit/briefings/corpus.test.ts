/**
 * The dev set (dev-set.ts: the seeds and the 12 stored LGA briefing pages), read with no error or warning: bill,
 * stage sections and every labelled position (../shared/corpus/labels/stance-dev.json) in its own section. The corpus
 * files are ~2,000-character prefixes of the pages, so their last bullet is cut mid-sentence (still a position).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { billKey } from '../../../src/bills/index';
import { compileBriefing } from '../../../src/briefings/compile';
import { DEV_SET, fold, type LabelledPosition, labelKey } from './dev-set';
import { readShared, registryBills, SHARED } from './paths';

/** Every reference each corpus page names, in order of first mention. */
const REFS: Record<string, string[]> = {
  '01-levelling-up-regeneration-bill-committee-stage-commons-2022.txt': [
    'part 1',
    'clause 4',
    'clause 72',
    'clause 73',
    'clause 71',
    'amendment 45',
  ],
  // one bullet with four nested bullets; two Introduction paragraphs
  '03-levelling-up-regeneration-bill-second-reading-commons-2022-06-08.txt': [],
  '09-health-and-care-bill-consideration-lords-amendments-commons-2022-03-30.txt': [],
  '17-bus-services-bill-multi-stage-2017.txt': ['amendment 1', 'clause 22', 'amendment 14', 'amendment 24'],
  // paragraphs, no bullets
  '19-cities-and-local-government-devolution-bill-multi-stage-2015-2016.txt': [
    'amendment 7',
    'amendment 8',
    'amendment 31',
    'amendment 45',
  ],
  '20-neighbourhood-planning-bill-multi-stage-2016-2017.txt': [],
  '24-local-government-finance-bill-second-reading-commons-2017-01-23.txt': ['clause 1', 'clause 2', 'clause 6'],
  '28-domestic-abuse-bill-report-stage-lords-2021-03.txt': [],
  // `clauses enabling…` has no number; the Building Safety Act 2022 is not the bill
  '31-leasehold-and-freehold-reform-bill-report-stage-commons-2024.txt': [],
  '36-fire-safety-bill-second-reading-commons-2020-04-29.txt': [],
  // `(Amendment)` is part of the title, not an amendment
  '39-mental-capacity-amendment-bill-report-stage-lords-2018-11-21.txt': [],
  '46-police-crime-sentencing-courts-bill-second-reading-lords-2021-09-14.txt': ['part 2'],
};

const labels = (JSON.parse(readShared('corpus/labels/stance-dev.json')) as { positions: LabelledPosition[] }).positions;

describe('the dev set: the seeds and the 12 corpus briefings', () => {
  it('covers every stored corpus briefing', () => {
    const files = readdirSync(`${SHARED}corpus/lga-briefings`).filter((f) => f.endsWith('.txt'));
    const corpus = DEV_SET.filter((dev) => dev.folder === 'corpus/lga-briefings').map((dev) => dev.file);
    expect(corpus.sort()).toEqual(files.sort());
    expect(Object.keys(REFS).sort()).toEqual(files.sort());
  });

  it.each(DEV_SET.map((dev) => [dev.file, dev] as const))('%s', (file, dev) => {
    const text = readShared(`${dev.folder}/${file}`);
    const result = compileBriefing(text, file, registryBills());
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(billKey(result.bill.title)).toBe(billKey(dev.bill));
    expect(result.briefings.map((b) => ({ line: b.line, house: b.house, stage: b.stage, dates: b.dates }))).toEqual(
      dev.sections,
    );
    // Every labelled position is found, in its own section, and nothing much besides.
    const lines = text.split('\n').map((line) => line.trim());
    const mine = labels.filter((label) => label.file === file);
    for (const label of mine) {
      const section = result.briefings.find((b) => b.line === lines.indexOf(label.section.trim()) + 1);
      const own = result.positions.filter((p) => p.briefingId === section?.id);
      expect(
        own.some((p) => fold(p.text).includes(labelKey(label))),
        label.start,
      ).toBe(true);
    }
    expect(result.positions).toHaveLength(mine.length + (dev.unlabelled ?? 0));
    // The provenance line, the banner and the topic links are never positions.
    expect(result.positions.some((p) => /^SOURCE:|View all|Resetting the relationship/.test(p.text))).toBe(false);
  });

  it.each(Object.entries(REFS))('%s: references', (file, refs) => {
    const result = compileBriefing(readShared(`corpus/lga-briefings/${file}`), file, []);
    expect([...new Set(result.positions.flatMap((p) => p.refs.map((r) => `${r.kind} ${r.number}`)))]).toEqual(refs);
  });

  it.each([
    ['17-bus-services-bill-multi-stage-2017.txt', 13, 'clause 22', 'oppose'],
    ['17-bus-services-bill-multi-stage-2017.txt', 13, 'amendment 1', 'support'],
    ['17-bus-services-bill-multi-stage-2017.txt', 15, 'amendment 24', 'oppose'],
    ['01-levelling-up-regeneration-bill-committee-stage-commons-2022.txt', 13, 'clause 72', 'support'],
    ['01-levelling-up-regeneration-bill-committee-stage-commons-2022.txt', 14, 'clause 71', 'concern'],
    ['01-levelling-up-regeneration-bill-committee-stage-commons-2022.txt', 14, 'amendment 45', 'support'],
    ['01-levelling-up-regeneration-bill-committee-stage-commons-2022.txt', 12, 'clause 4', 'mixed'],
    ['24-local-government-finance-bill-second-reading-commons-2017-01-23.txt', 12, 'clause 6', 'mixed'],
    ['19-cities-and-local-government-devolution-bill-multi-stage-2015-2016.txt', 17, 'amendment 45', 'concern'],
  ])('%s line %i: %s is %s', (file, line, ref, stance) => {
    const result = compileBriefing(readShared(`corpus/lga-briefings/${file}`), file, []);
    const position = result.positions.find((p) => p.line === line)!;
    expect(position.refs.find((r) => `${r.kind} ${r.number}` === ref)?.stance).toBe(stance);
  });
});
