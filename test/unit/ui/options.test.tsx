// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DatasetStatus } from '../../../src/messaging';
import type { ReferenceKind } from '../../../src/model';
import { DEFAULT_SETTINGS } from '../../../src/settings';
import { clampDelay } from '../../../src/settings-defaults';
import { AddBriefing, BriefingPreview } from '../../../src/ui/options/AddBriefing';
import { compileForPreview, pastedFileName, previewOf, readBriefingFile } from '../../../src/ui/options/preview';
import { SettingsForm } from '../../../src/ui/options/SettingsForm';
import { StatusView, UserBriefings } from '../../../src/ui/options/UserData';
import { makeBill, makeBriefing, makePosition, makeRef } from '../../factories';
import { addBriefingProps, briefing, CSW_BILL, mount, texts, unmountAll } from './panel-helpers';

afterEach(unmountAll);

const SEEDS = path.resolve(__dirname, '../../../..', 'shared', 'seeds');
const cswText = readFileSync(path.join(SEEDS, 'lga-children-and-social-work-bill.txt'), 'utf8');
const fireText = readFileSync(
  path.join(SEEDS, '..', 'corpus', 'lga-briefings', '36-fire-safety-bill-second-reading-commons-2020-04-29.txt'),
  'utf8',
);

/** The seed with its first key message's bullet turned into a stray heading-less page: no title line. */
const BROKEN = ['', 'Key messages', '', '  • We support clause 7.', ''].join('\n');

function renderAdd(text: string, fileName = 'pasted briefing') {
  const preview = compileForPreview(text, fileName, [CSW_BILL]);
  const root = mount(<AddBriefing {...addBriefingProps({ text, preview })} />);
  return { root, preview };
}

describe('add a briefing: preview', () => {
  it('shows a broken briefing’s errors with their lines, says nothing was stored, and disables Save', () => {
    const { root, preview } = renderAdd(BROKEN);
    expect(preview.errors.length).toBeGreaterThan(0);
    const errors = [...root.querySelectorAll('[data-testid=preview-error]')];
    expect(errors.map((e) => e.getAttribute('data-line'))).toEqual(preview.errors.map((e) => String(e.line)));
    expect(errors[0]?.textContent).toMatch(/^Line 2: no recognisable title/);
    expect(root.querySelector('[data-testid=preview-errors]')?.textContent).toContain('Nothing has been stored.');
    expect((root.querySelector('[data-testid=briefing-save]') as HTMLButtonElement).disabled).toBe(true);
    expect(root.querySelector('[data-testid=preview-counts]')).toBeNull();
  });

  it.each([
    ['empty', '   \n  ', 1, /empty file/],
    ['binary', 'Children and Social Work Bill\u0000\u0000\u0000\u0001\u0002', 1, /not a text briefing/],
  ])('a %s text is refused with a line', (_name, text, line, pattern) => {
    const { root } = renderAdd(text);
    const error = root.querySelector('[data-testid=preview-error]');
    expect(error?.getAttribute('data-line')).toBe(String(line));
    expect(error?.textContent).toMatch(pattern);
    expect((root.querySelector('[data-testid=briefing-save]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a valid briefing’s bill, stages and counts, and enables Save', () => {
    const { root, preview } = renderAdd(cswText, 'lga-children-and-social-work-bill.txt');
    expect(preview.errors).toEqual([]);
    expect(root.querySelector('[data-testid=preview-errors]')).toBeNull();
    expect(root.querySelector('[data-testid=preview-bill]')?.textContent).toBe('Children and Social Work Bill');
    const sections = root.querySelectorAll('[data-testid=preview-section]');
    expect(sections.length).toBe(preview.sections.length);
    expect(sections.length).toBeGreaterThanOrEqual(7);
    expect(root.querySelector('[data-testid=preview-counts]')?.textContent).toBe(
      `${preview.sections.length} stages, ${preview.positions} positions, ${preview.references} provisions named`,
    );
    expect(preview.positions).toBeGreaterThan(20);
    // The seed's newest section first: Commons Remaining Stages, 7 March 2017.
    expect(sections[0]?.textContent).toContain('Commons Remaining Stages, 7 March 2017');
    expect(sections[0]?.textContent).toContain('House of Commons');
    expect((root.querySelector('[data-testid=briefing-save]') as HTMLButtonElement).disabled).toBe(false);
  });

  it('lists warnings with their lines', () => {
    const preview = compileForPreview(cswText, 'x.txt', [CSW_BILL]);
    const withWarning = {
      ...preview,
      warnings: [{ source: 'x.txt', line: 12, message: 'heading "X" names no stage, house or date' }],
    };
    const root = mount(<BriefingPreview preview={withWarning} />);
    expect(texts(root, '[data-testid=preview-warning]')).toEqual([
      'Line 12: heading "X" names no stage, house or date',
    ]);
  });

  it('calls Save only when enabled', () => {
    const onSave = vi.fn();
    const preview = compileForPreview(cswText, 'x.txt', [CSW_BILL]);
    const root = mount(<AddBriefing {...addBriefingProps({ text: cswText, fileName: 'x.txt', preview, onSave })} />);
    act(() => (root.querySelector('[data-testid=briefing-save]') as HTMLButtonElement).click());
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  // The tester's paste: the corpus Fire Safety briefing with a Lords stage added under a misspelt heading. Before,
  // the preview said "1 stage", warned of nothing and offered Save, with the Lords bullets under the Commons stage.
  it.each([
    ['Report Stage, House of Lords, 31 Febuary 2020', /looks like a stage heading, but "31 Febuary 2020" could not/],
    ['Report Stage, House of Lords, 31 February 2021', /31 February 2021 is not a date \(February 2021 has 28 days\)/],
  ])('a stage heading it cannot read blocks Save, with its line and words: %s', (heading, message) => {
    const text = `${fireText}\n\n${heading}\n\n  • We oppose Clause 99, which would remove the duty.\n`;
    const headingLine = String(fireText.split('\n').length + 2);
    const { root } = renderAdd(text);
    const errors = [...root.querySelectorAll('[data-testid=preview-error]')];
    expect(errors.map((e) => e.getAttribute('data-line'))).toEqual([headingLine]);
    expect(errors[0]?.textContent).toMatch(new RegExp(`^Line ${headingLine}: `));
    expect(errors[0]?.textContent).toMatch(message);
    expect(root.querySelector('[data-testid=preview-errors]')?.getAttribute('role')).toBe('alert');
    expect(root.querySelector('[data-testid=preview-counts]')).toBeNull();
    expect((root.querySelector('[data-testid=briefing-save]') as HTMLButtonElement).disabled).toBe(true);
    expect(root.querySelector('#save-blocked')?.textContent).toContain('Fix the errors above to save.');
  });

  it('names a pasted briefing after its bill and first date', () => {
    expect(pastedFileName(compileForPreview(cswText, 'pasted briefing', [CSW_BILL]))).toBe(
      'children-and-social-work-bill-2017-03-07-pasted.txt',
    );
  });
});

describe('add a briefing: the provisions a stage names', () => {
  const stage = makeBriefing();
  /** One position per provision the briefing names, as the compiler wrote it. */
  const naming = (refs: ReadonlyArray<readonly [ReferenceKind, string]>) =>
    refs.map(([kind, number], i) => {
      const text = `We support ${kind.replace('-', ' ')} ${number}.`;
      return makePosition(stage, i, { text, refs: [makeRef(text, kind, number, 'support')] });
    });

  it.each([
    [
      'the same clause twice',
      [
        ['clause', '7'],
        ['clause', '7'],
      ],
      ['clause 7'],
    ],
    [
      'a clause and a new clause of one number',
      [
        ['clause', '7'],
        ['new-clause', '7'],
      ],
      ['clause 7', 'new-clause 7'],
    ],
    // One amendment, by the one key rule (`referenceKey`): counted once, as first written.
    [
      'an amendment with its letter in either case',
      [
        ['amendment', '172a'],
        ['amendment', '172A'],
      ],
      ['amendment 172a'],
    ],
  ] as const)('%s: %j', (_name, refs, expected) => {
    const result = { bill: makeBill(), briefings: [stage], positions: naming(refs), warnings: [], errors: [] };
    const preview = previewOf(result, 'x.txt', []);
    expect(preview.sections[0]?.references.map((r) => `${r.kind} ${r.number}`)).toEqual(expected);
    expect(preview.references).toBe(expected.length);
  });
});

describe('reading a chosen file', () => {
  it('reads text files as they are', async () => {
    const file = new File([cswText], 'briefing.txt', { type: 'text/plain' });
    expect(await readBriefingFile(file)).toBe(cswText);
  });
});

describe('settings form', () => {
  it('switches a site off by adding it to disabledSites', () => {
    const onChange = vi.fn();
    const root = mount(<SettingsForm settings={DEFAULT_SETTINGS} onChange={onChange} />);
    const box = root.querySelector('[data-testid="site-bills.parliament.uk"]') as HTMLInputElement;
    expect(box.checked).toBe(true);
    act(() => box.click());
    expect(onChange).toHaveBeenCalledWith({ disabledSites: ['bills.parliament.uk'] });
  });

  it('shows the stored choices and labels every control', () => {
    const root = mount(
      <SettingsForm
        settings={{
          ...DEFAULT_SETTINGS,
          highlightMode: 'all',
          highlightStyle: 'background',
          hoverDelayMs: 400,
          topicLinks: false,
          disabledSites: ['hansard.parliament.uk'],
        }}
        onChange={() => undefined}
      />,
    );
    expect((root.querySelector('[data-testid=mode-all]') as HTMLInputElement).checked).toBe(true);
    expect((root.querySelector('[data-testid=style-background]') as HTMLInputElement).checked).toBe(true);
    expect((root.querySelector('[data-testid="site-hansard.parliament.uk"]') as HTMLInputElement).checked).toBe(false);
    expect((root.querySelector('[data-testid=hover-delay]') as HTMLInputElement).value).toBe('400');
    expect((root.querySelector('[data-testid=topic-links]') as HTMLInputElement).checked).toBe(false);
    for (const input of root.querySelectorAll('input')) {
      const labelled = input.getAttribute('aria-label') || root.querySelector(`label[for="${input.id}"]`)?.textContent;
      expect(labelled, input.outerHTML).toBeTruthy();
    }
  });

  it.each([
    [50, 100],
    [250, 250],
    [5000, 1000],
    [Number.NaN, 100],
  ])('clamps a hover delay of %s ms to %s', (input, expected) => {
    expect(clampDelay(input)).toBe(expected);
  });
});

const status: DatasetStatus = {
  version: 'abc123',
  builtAt: '2026-11-23T10:04:00Z',
  storage: 'memory',
  storageProblem: 'IndexedDB is disabled in private windows',
  userDataLasts: false,
  counts: { bills: 2, briefings: 12, positions: 80, userBriefings: 1 },
};

describe('status and user data', () => {
  it('shows version, date, counts and the memory warning', () => {
    const root = mount(<StatusView status={status} error={null} />);
    expect(root.querySelector('[data-testid=status-version]')?.textContent).toBe('abc123');
    expect(root.querySelector('[data-testid=status-built]')?.textContent).toBe('23 November 2026, 10:04 UTC');
    expect(root.querySelector('[data-testid=status-counts]')?.textContent).toBe(
      '2 bills, 12 briefings, 80 positions (1 briefing added by you)',
    );
    expect(root.querySelector('[data-testid=status-memory-warning]')?.textContent).toContain(
      'IndexedDB is disabled in private windows',
    );
  });

  it.each([
    [false, 'In memory only', /What you add now will not last/],
    [
      true,
      "LGA positions in memory; what you add in the extension's browser storage",
      /is kept in the extension's browser storage/,
    ],
  ])('in memory mode, says whether what is added lasts (kept: %s)', (userDataLasts, storage, warning) => {
    const root = mount(<StatusView status={{ ...status, userDataLasts }} error={null} />);
    expect(root.querySelector('[data-testid=status-storage]')?.textContent).toBe(storage);
    expect(root.querySelector('[data-testid=status-memory-warning]')?.textContent).toMatch(warning);
  });

  it('has no memory warning when storage works', () => {
    const root = mount(<StatusView status={{ ...status, storage: 'indexeddb', storageProblem: null }} error={null} />);
    expect(root.querySelector('[data-testid=status-memory-warning]')).toBeNull();
  });

  it('lists user briefings by source and removes by source', () => {
    const onRemove = vi.fn();
    const added = briefing(0, 'commons', 'report', ['2017-03-07'], 'Report', { userAdded: true, source: 'mine.txt' });
    const root = mount(
      <UserBriefings
        sources={[{ source: 'mine.txt', billTitle: CSW_BILL.title, briefings: [added] }]}
        loading={false}
        onRemove={onRemove}
        removing={null}
      />,
    );
    expect(texts(root, '[data-testid=user-briefing] li')).toEqual(['Commons Report, 7 March 2017']);
    // Said before the reader removes one: the corrections of its positions go with it (issue 10).
    expect(root.querySelector('[data-testid=user-briefings-remove-note]')?.textContent).toBe(
      'Removing a briefing also removes your stance corrections of its positions.',
    );
    act(() => (root.querySelector('[data-testid=user-briefing-remove]') as HTMLButtonElement).click());
    expect(onRemove).toHaveBeenCalledWith('mine.txt');
  });
});
