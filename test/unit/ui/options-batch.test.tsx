// @vitest-environment happy-dom
/**
 * Several saved pages at once in the options page: each file read (HTML through the page extractor, with the LGA
 * page it was saved from) and previewed with its own errors; the good ones offered for saving, the bad ones named.
 */
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { correctionsRemovedLabel, replacesLabel } from '../../../src/ui/capture/words';
import { AddBriefing, BatchPreview } from '../../../src/ui/options/AddBriefing';
import { type BatchItem, compileForPreview, readBriefingFileDetails } from '../../../src/ui/options/preview';
import { ConfirmReplace } from '../../../src/ui/options/UserData';
import { shortDate } from '../../../src/vocabulary';
import { composeLgaPage } from '../../fixtures/lga/compose.mjs';
import { addBriefingProps, mount, unmountAll } from './panel-helpers';

afterEach(unmountAll);

const GOOD = (bill: string) => `${bill}, Second Reading, House of Lords, 3 December 2025

Key messages

  • We support clause 2 of the Bill, which gives councils a new power.
`;
const BROKEN = '\n\nKey messages\n\n  • We support clause 7.\n';
const PAGE_URL = 'https://www.local.gov.uk/parliament/briefings-and-responses/lga-briefing-widgets-bill';

function item(fileName: string, text: string, replaces: BatchItem['plan'] = null): BatchItem {
  return {
    file: { fileName, text, url: null, pageDate: null },
    preview: compileForPreview(text, fileName, []),
    plan: replaces,
    outcome: null,
  };
}

describe('reading chosen files', () => {
  const cases = [
    {
      what: 'a saved LGA page: its text and the page it was saved from',
      file: new File([composeLgaPage(GOOD('Widgets Bill'), { url: PAGE_URL })], 'widgets.html', { type: 'text/html' }),
      want: {
        url: PAGE_URL,
        pageDate: '2022-06-20',
        firstLine: 'Widgets Bill, Second Reading, House of Lords, 3 December 2025',
      },
    },
    {
      what: 'a saved page of another site: no page URL',
      file: new File([composeLgaPage(GOOD('Widgets Bill'), { url: 'https://example.com/x' })], 'x.htm', { type: '' }),
      want: {
        url: null,
        pageDate: '2022-06-20',
        firstLine: 'Widgets Bill, Second Reading, House of Lords, 3 December 2025',
      },
    },
    {
      what: 'a text file as it is',
      file: new File([GOOD('Gadgets Bill')], 'gadgets.txt', { type: 'text/plain' }),
      want: { url: null, pageDate: null, firstLine: 'Gadgets Bill, Second Reading, House of Lords, 3 December 2025' },
    },
  ];
  it.each(cases)('$what', async ({ file, want }) => {
    const read = await readBriefingFileDetails(file);
    expect({ url: read.url, pageDate: read.pageDate, firstLine: read.text.split('\n')[0] }).toEqual(want);
  });
});

describe('the batch preview', () => {
  it('previews every file apart: the good ones ready, the broken one with its line, the replacement said', () => {
    const onSave = vi.fn();
    const root = mount(
      <BatchPreview
        items={[
          item('a.txt', GOOD('Widgets Bill')),
          item('b.txt', GOOD('Gadgets Bill'), {
            source: 'b.txt',
            addedAt: '2026-12-03T10:00:00Z',
            corrections: 0,
            replaces: [
              {
                source: 'b.txt',
                addedAt: '2026-12-03T10:00:00Z',
                updatedAt: '2026-12-03T10:00:00Z',
                by: 'name',
                sameWords: false,
              },
            ],
          }),
          item('broken.txt', BROKEN),
        ]}
        saving={false}
        onSave={onSave}
      />,
    );
    const items = [...root.querySelectorAll('[data-testid=batch-item]')] as HTMLElement[];
    expect(items.map((el) => [el.dataset.file, el.dataset.status])).toEqual([
      ['a.txt', 'ready'],
      ['b.txt', 'ready'],
      ['broken.txt', 'error'],
    ]);
    const lines = [...items[2]!.querySelectorAll('[data-testid=preview-error]')].map(
      (e) => (e as HTMLElement).dataset.line,
    );
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^\d+$/);
    expect(items[1]!.querySelector('[data-testid=batch-replaces]')!.textContent).toMatch(
      /^Updates the briefing you added on 3 Dec/,
    );
    expect(root.querySelector('[data-testid=batch-summary]')!.textContent).toMatch(
      /^2 briefings ready to save; 1 file with errors/,
    );
    // One heading id per preview: several previews on one page stay distinct for assistive technology.
    const ids = [...root.querySelectorAll('h3[id]')].map((h) => h.id);
    expect(new Set(ids).size).toBe(ids.length);
    const save = root.querySelector('[data-testid=batch-save]') as HTMLButtonElement;
    expect(save.textContent).toBe('Save 2 briefings');
    act(() => save.click());
    expect(onSave).toHaveBeenCalledTimes(1);
  });

  it('offers nothing to save when every file is broken', () => {
    const root = mount(<BatchPreview items={[item('x.txt', BROKEN), item('y.txt', '')]} saving={false} />);
    expect((root.querySelector('[data-testid=batch-save]') as HTMLButtonElement).disabled).toBe(true);
  });

  it('a pasted briefing the reader already has says what saving it replaces', () => {
    const text = GOOD('Widgets Bill');
    const props = addBriefingProps({ text, preview: compileForPreview(text, 'pasted briefing', []) });
    const replaces = [
      {
        source: 'w.html',
        addedAt: '2026-12-03T10:00:00Z',
        updatedAt: '2026-12-03T10:00:00Z',
        by: 'text' as const,
        sameWords: true,
      },
    ];
    expect(mount(<AddBriefing {...props} />).querySelector('[data-testid=briefing-replaces]')).toBeNull();
    const root = mount(<AddBriefing {...props} replaces={replaces} />);
    expect(root.querySelector('[data-testid=briefing-replaces]')!.textContent).toMatch(
      /^Updates the briefing you added on 3 Dec.*never adds a second copy\.$/,
    );
  });

  it('several files chosen at once go to the batch, one file to the single preview', () => {
    const onFile = vi.fn();
    const onFiles = vi.fn();
    const root = mount(<AddBriefing {...addBriefingProps({ onFile, onFiles })} />);
    const input = root.querySelector('[data-testid=briefing-file]') as HTMLInputElement;
    expect(input.multiple).toBe(true);
    const choose = (names: string[]) => {
      Object.defineProperty(input, 'files', { configurable: true, value: names.map((n) => new File(['x'], n)) });
      act(() => {
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
    };
    choose(['a.txt', 'b.html', 'c.txt']);
    expect(onFiles.mock.calls[0]![0].map((f: File) => f.name)).toEqual(['a.txt', 'b.html', 'c.txt']);
    choose(['one.txt']);
    expect(onFile.mock.calls[0]![0].name).toBe('one.txt');
  });
});

describe('a replacement that removes stance corrections says so', () => {
  const replaces = [
    { source: 'w.html', addedAt: '2026-12-03T10:00:00Z', updatedAt: '2026-12-03T10:00:00Z', by: 'text' as const },
  ].map((d) => ({ ...d, sameWords: false }));

  it.each([
    [0, false, ''],
    [1, false, 'and 1 of your stance corrections no longer matches and will be removed'],
    [2, false, 'and 2 of your stance corrections no longer match and will be removed'],
    [1, true, 'and 1 of your stance corrections no longer matched and was removed'],
    [3, true, 'and 3 of your stance corrections no longer matched and were removed'],
  ])('%i removed (after: %s): "%s"', (count, done, words) => {
    expect(correctionsRemovedLabel(count, done)).toBe(words);
  });

  it.each([
    [false, 'Updates the briefing you added on 3 Dec'],
    [true, 'It replaced the briefing you added on 3 Dec'],
  ])('the replacement itself, after: %s', (done, words) => {
    expect(replacesLabel(replaces, shortDate, done)).toBe(words);
  });

  it('before confirming an import that replaces briefings, counting every one', () => {
    const replacing = (corrections: number[]) =>
      mount(
        <ConfirmReplace
          action="import"
          what="mine.json"
          replaces={corrections.map((n, i) => ({
            source: `${i}.txt`,
            billTitle: 'Widgets Bill',
            briefings: 1,
            addedAt: '2026-12-03T10:00:00Z',
            corrections: n,
          }))}
          onConfirm={() => undefined}
          onCancel={() => undefined}
        />,
      ).querySelector('[data-testid=confirm-replace-corrections]');
    expect(replacing([0])).toBeNull();
    expect(replacing([1, 2])!.textContent).toBe(
      'Your stance corrections of them that the new words still hold are kept, and 3 of your stance corrections no longer match and will be removed.',
    );
  });

  it('before saving a pasted briefing, and in the batch before and after', () => {
    const text = GOOD('Widgets Bill');
    const root = mount(
      <AddBriefing
        {...addBriefingProps({ text, preview: compileForPreview(text, 'pasted briefing', []) })}
        replaces={replaces}
        correctionsRemoved={2}
      />,
    );
    expect(root.querySelector('[data-testid=briefing-replaces]')!.textContent).toMatch(
      /never adds a second copy, and 2 of your stance corrections no longer match and will be removed\.$/,
    );
    const plan = { source: 'w.html', addedAt: '2026-12-03T10:00:00Z', replaces, corrections: 1 };
    const planned = item('w.html', text, plan);
    const saved: BatchItem = { ...planned, outcome: { kind: 'saved', replaced: 1, corrections: 1 } };
    const batch = mount(<BatchPreview items={[planned, saved]} saving={false} />);
    const [before, after] = [...batch.querySelectorAll('[data-testid=batch-item]')] as HTMLElement[];
    expect(before!.querySelector('[data-testid=batch-replaces]')!.textContent).toBe(
      'Updates the briefing you added on 3 Dec, and 1 of your stance corrections no longer matches and will be removed',
    );
    expect(after!.querySelector('[data-testid=batch-outcome]')!.textContent).toBe(
      'Saved, replacing the copy you had, and 1 of your stance corrections no longer matched and was removed.',
    );
  });
});
