// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PageSummary, SearchHit } from '../../../src/messaging';
import type { PageContext } from '../../../src/model';
import { billIdOfBriefing, Tabs } from '../../../src/ui/panel/App';
import { BillView } from '../../../src/ui/panel/BillView';
import { numberingNote, stanceRows } from '../../../src/ui/panel/bill-model';
import { excerpt, excerptKeeping, splitRuns, termSpans } from '../../../src/ui/panel/marks';
import { type PageState, PageView } from '../../../src/ui/panel/PageView';
import type { PositionEntry } from '../../../src/ui/panel/page-model';
import { groupProvisions } from '../../../src/ui/panel/page-model';
import { SearchView } from '../../../src/ui/panel/SearchView';
import { pageStageLabel } from '../../../src/vocabulary';
import { CSW_BILL, cswBriefings, mount, NO_PAGING, position, texts, unmountAll } from './panel-helpers';

afterEach(unmountAll);

const lordsReportPage: PageContext = {
  bill: 'Children and Social Work Bill',
  billId: CSW_BILL.id,
  house: 'lords',
  stage: 'report',
  stageLabel: 'Report (2nd Day)',
  date: '2016-11-08',
};

function renderBill(
  page: PageContext | null = null,
  target: { briefingId?: string; positionId?: string; at: number } | null = null,
) {
  return mount(
    <BillView
      bills={[CSW_BILL]}
      selectedBillId={CSW_BILL.id}
      onSelectBill={() => undefined}
      state={{ kind: 'ready', data: cswBriefings() }}
      paging={NO_PAGING}
      page={page}
      target={target}
    />,
  );
}

describe('bill view', () => {
  it('lists the Children and Social Work Bill briefings in the order given (Lords first: a Lords bill)', () => {
    const root = renderBill();
    expect(texts(root, '[data-testid=briefing-label]')).toEqual([
      'Lords Second Reading, 14 June 2016',
      'Lords Committee, 11 July 2016',
      'Lords Report, 18 October 2016',
      'Lords Report, 8 November 2016',
      'Commons Committee, 13 December 2016',
      'Commons Remaining Stages, 7 March 2017',
    ]);
    expect(
      [...root.querySelectorAll('[data-testid=briefing]')].map((el) => el.getAttribute('data-briefing-id')),
    ).toEqual(cswBriefings().briefings.map((b) => b.briefing.id));
  });

  it('shows each briefing in full with its references marked', () => {
    const root = renderBill();
    const report = root.querySelectorAll('[data-testid=briefing]')[3];
    expect(report?.querySelector('h5')?.textContent).toBe('Key messages');
    expect(texts(report as Element, '[data-testid=briefing-position] mark')).toEqual([
      'clause 29',
      'clause 32',
      'amendment 66',
      'clause 32',
    ]);
    expect(report?.textContent).toContain('House of Lords');
    expect(report?.textContent).toContain('8 November 2016');
  });

  it('draws the stance picture: one row per briefing, one cell per provision, coloured and worded by stance', () => {
    const root = renderBill();
    const rows = root.querySelectorAll('[data-testid=stance-row]');
    expect(rows).toHaveLength(6);
    const cells = [...(rows[3] as Element).querySelectorAll('[data-testid=stance-cell]')].map((cell) => [
      cell.getAttribute('data-ref'),
      cell.getAttribute('data-stance'),
      cell.className,
      cell.querySelector('.visually-hidden')?.textContent,
    ]);
    // clause 32 is named twice: concerned in one position, opposed in the other. Each shows as its positions show
    // it (issue 9: keeping only the colder one made the chip disagree with the concerned position); chips in the
    // bill's order, clauses before amendments.
    expect(cells).toEqual([
      ['clause 29', 'support', 'chip stance-support', 'Clause 29: Supports'],
      ['clause 32', 'concern', 'chip stance-concern', 'Clause 32: Concerned'],
      ['clause 32', 'oppose', 'chip stance-oppose', 'Clause 32: Opposes'],
      ['amendment 66', 'support', 'chip stance-support', 'Amendment 66: Supports'],
    ]);
    expect(rows[1]?.textContent).toContain('No provisions named');
    expect(root.querySelector('[data-testid=stance-grid] th[scope=row] a')?.getAttribute('href')).toMatch(
      /^#briefing-/,
    );
  });

  it('notes a briefing numbered for another print than the page, and not one for the same print', () => {
    const root = renderBill(lordsReportPage);
    const notes = [...root.querySelectorAll('[data-testid=briefing]')].map(
      (b) => b.querySelector('[data-testid=numbering-note]')?.textContent ?? null,
    );
    expect(notes[3]).toBeNull(); // Lords report, 8 November: the page's own stage
    expect(notes[0]).toMatch(/^Numbered for Lords Second Reading, 14 June 2016: this page is Lords Report/);
    expect(notes[4]).toMatch(/different print/);
    expect(notes[1]).toBeNull(); // names no provision
  });

  it('marks the briefing a popover asked to open at', () => {
    const target = cswBriefings().briefings[2]?.briefing.id;
    const root = renderBill(null, { briefingId: target, at: 1 });
    const marked = root.querySelectorAll('[data-testid=briefing].is-target');
    expect(marked).toHaveLength(1);
    expect(marked[0]?.getAttribute('data-briefing-id')).toBe(target);
    expect(document.activeElement).toBe(marked[0]);
  });

  it('a search result (a briefing and one of its positions) moves focus to that briefing’s heading', () => {
    const { briefing, positions } = cswBriefings().briefings[2]!;
    const position = positions[positions.length - 1]!;
    const root = renderBill(null, { briefingId: briefing.id, positionId: position.id, at: 1 });
    const article = root.querySelector(`[data-testid=briefing][data-briefing-id="${briefing.id}"]`);
    expect(document.activeElement).toBe(article?.querySelector('[data-testid=briefing-label]'));
    expect(document.activeElement?.tagName).toBe('H4');
    expect(positions.length).toBeGreaterThan(0);
  });
});

describe('stance picture data', () => {
  it('keeps the rows in the order given and counts provisions by stance', () => {
    const rows = stanceRows(cswBriefings());
    expect(rows.map((r) => r.briefing.order)).toEqual([7, 5, 3, 2, 1, 0]);
    expect(rows[3]?.counts).toEqual({ support: 2, mixed: 0, concern: 1, oppose: 1, neutral: 0 });
  });
});

describe('numbering note', () => {
  const data = cswBriefings();
  const at = (i: number) => data.briefings[i] as (typeof data.briefings)[number];
  it.each([
    ['same House and stage', 3, lordsReportPage, null],
    ['other print, clauses', 0, lordsReportPage, /different print/],
    ['same House and stage, amendments', 2, lordsReportPage, null],
    ['page stage unknown', 3, { ...lordsReportPage, stage: null }, null],
    ['no page', 3, null, null],
  ])('%s', (_name, index, page, expected) => {
    const note = numberingNote(at(index).briefing, at(index).cells, page, CSW_BILL.originatingHouse);
    if (expected === null) expect(note).toBeNull();
    else expect(note).toMatch(expected);
  });

  it('says amendment numbers restart when the print is the same but the stage is not', () => {
    // Lords report (18 October, amendments 7 and 54) read on a Lords Remaining Stages page: same print, other stage.
    const note = numberingNote(at(2).briefing, at(2).cells, { ...lordsReportPage, stage: 'remaining-stages' }, 'lords');
    expect(note).toMatch(/amendments are numbered afresh/);
  });

  it('agrees with the matcher that Commons report and third reading share the remaining-stages amendment paper', () => {
    // Commons Remaining Stages (7 March 2017) read on a Commons Report page: the same paper, so no amendment note.
    const remaining = data.briefings.find((b) => b.briefing.stage === 'remaining-stages')!;
    const commonsReport = { ...lordsReportPage, house: 'commons' as const, stage: 'report' as const };
    // Positions naming amendments (those of the Lords report section), as if briefed for Commons Remaining Stages.
    expect(numberingNote(remaining.briefing, at(2).cells, commonsReport, 'lords')).toBeNull();
  });
});

describe('billIdOfBriefing', () => {
  it.each([
    ['children-and-social-work-bill/lga-children-and-social-work-bill/3', 'children-and-social-work-bill'],
    ['user:renters-rights-bill/pasted/0', 'renters-rights-bill'],
  ])('%s', (id, bill) => {
    expect(billIdOfBriefing(id)).toBe(bill);
  });
});

const summary: PageSummary = {
  url: 'https://hansard.parliament.uk/Lords/2016-11-08/debates/abc/ChildrenAndSocialWorkBillHL',
  sections: [lordsReportPage],
  // Clauses 29, 3, 32 and 15.
  mentioned: 4,
  references: [
    {
      index: 0,
      kind: 'clause',
      number: '29',
      text: 'Clause 29',
      sectionBill: 'Children and Social Work Bill',
      stance: 'support',
      applies: true,
      print: 'this',
      positionIds: [`${cswBriefings().briefings[3]?.briefing.id}/0`],
    },
    {
      index: 1,
      kind: 'clause',
      number: '3',
      text: 'Clause 3',
      sectionBill: 'Children and Social Work Bill',
      stance: null,
      applies: false,
      print: 'unknown',
      positionIds: [],
    },
    {
      index: 2,
      kind: 'clause',
      number: '32',
      text: 'clause 32',
      sectionBill: 'Children and Social Work Bill',
      stance: 'concern',
      applies: true,
      print: 'this',
      positionIds: [`${cswBriefings().briefings[3]?.briefing.id}/1`],
    },
    {
      index: 3,
      kind: 'clause',
      number: '29',
      text: 'clause 29',
      sectionBill: 'Children and Social Work Bill',
      stance: 'support',
      applies: true,
      print: 'this',
      positionIds: [`${cswBriefings().briefings[3]?.briefing.id}/0`],
    },
    {
      index: 4,
      kind: 'clause',
      number: '15',
      text: 'Clause 15',
      sectionBill: 'Children and Social Work Bill',
      stance: 'mixed',
      applies: false,
      // Numbered for the Lords Second Reading: an earlier print than this Lords Report.
      print: 'earlier',
      positionIds: [`${cswBriefings().briefings[0]?.briefing.id}/0`],
    },
  ],
};

function positionIndex(): Map<string, PositionEntry> {
  const index = new Map<string, PositionEntry>();
  for (const { briefing, positions } of cswBriefings().briefings)
    for (const p of positions) index.set(p.id, { position: p, briefing });
  return index;
}

describe('on this page', () => {
  it('lists each provision with a position, its stance in words and the position words', () => {
    const root = mount(
      <PageView
        state={{ kind: 'ready', summary }}
        positions={positionIndex()}
        onFocusReference={() => undefined}
        onStep={() => undefined}
      />,
    );
    const items = [...root.querySelectorAll('[data-testid=page-ref]')];
    expect(items.map((li) => li.querySelector('[data-testid=page-ref-focus]')?.textContent)).toEqual([
      'Clause 29',
      'Clause 32',
      'Clause 15',
    ]);
    expect(
      items.map((li) => li.querySelector('.provision-head [data-testid=stance] .lga-stance-words')?.textContent),
    ).toEqual(['Supports', 'Concerned', 'Supports with reservations']);
    expect(items[0]?.querySelector('[data-testid=lga-excerpt]')?.textContent).toBe(
      'We welcome the ability to test the new ways of working under clause 29.',
    );
    expect(texts(items[0] as Element, '[data-testid=lga-excerpt] mark')).toEqual(['clause 29']);
    expect(items[2]?.querySelector('[data-testid=page-ref-other-print]')).not.toBeNull();
    expect(items[0]?.querySelector('[data-testid=page-ref-other-print]')).toBeNull();
    // Clause 15's position was numbered for an earlier print: "another print", as the card says.
    expect(items[2]?.querySelector('[data-testid=page-ref-other-print]')?.textContent).toBe(
      'Numbered for another print of the bill: the numbering may differ on this page.',
    );
    expect(root.querySelector('[data-testid=page-counts]')?.textContent).toBe(
      '3 provisions with a position: supports 1, supports with reservations 1, concerned 1',
    );
    // Was 'Lords Report (Report (2nd Day))' (issue 12: the stage doubled).
    expect(root.querySelector('[data-testid=page-stage]')?.textContent).toBe(' · Lords Report (2nd Day)');
    expect(root.querySelector('[data-testid=page-date]')?.textContent).toContain('8 November 2016');
  });

  it.each([
    ['lords', 'report', 'Report (2nd Day)', 'Lords Report (2nd Day)'],
    ['lords', 'committee', 'Committee (3rd Day)', 'Lords Committee (3rd Day)'],
    ['commons', 'committee', 'Fourteenth Sitting', 'Commons Committee (Fourteenth Sitting)'],
    ['commons', 'second-reading', 'Second Reading', 'Commons Second Reading'],
    ['lords', 'report', null, 'Lords Report'],
    [null, null, 'Consideration of Lords amendments', 'Consideration of Lords amendments'],
  ] as const)('pageStageLabel(%s, %s, %j) = %s', (house, stage, written, expected) => {
    expect(pageStageLabel(house, stage, written)).toBe(expected);
  });

  it('shows the first-use note on the shortcuts when asked, as a note with a control; Got it moves focus on', () => {
    const dismiss = vi.fn();
    const withHint = (shown: boolean, state: PageState) =>
      mount(
        <PageView
          state={state}
          positions={positionIndex()}
          onFocusReference={() => undefined}
          onStep={() => undefined}
          shortcutHint={{ shown, dismiss }}
        />,
      );
    expect(withHint(false, { kind: 'ready', summary }).querySelector('[data-testid=shortcut-hint]')).toBeNull();
    const empty: PageSummary = { ...summary, references: [] };
    expect(withHint(true, { kind: 'ready', summary: empty }).querySelector('[data-testid=shortcut-hint]')).toBeNull();
    const root = withHint(true, { kind: 'ready', summary });
    const hint = root.querySelector('[data-testid=shortcut-hint]');
    expect(hint?.getAttribute('role')).toBe('note');
    expect(hint?.textContent).toMatch(/Alt\+Shift\+N goes to the next provision .*Alt\+Shift\+P goes back/);
    const button = hint?.querySelector<HTMLButtonElement>('[data-testid=shortcut-hint-dismiss]');
    expect(button?.textContent).toBe('Got it');
    button?.focus();
    act(() => button?.click());
    expect(dismiss).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(root.querySelector('[data-testid=page-step-next]'));
  });

  it('sends the index of the mention chosen', () => {
    const focus = vi.fn();
    const root = mount(
      <PageView
        state={{ kind: 'ready', summary }}
        positions={positionIndex()}
        onFocusReference={focus}
        onStep={() => undefined}
      />,
    );
    act(() => (root.querySelector('[data-testid=page-ref-focus]') as HTMLButtonElement).click());
    act(() => (root.querySelector('[data-testid=page-ref-mention]') as HTMLButtonElement).click());
    expect(focus.mock.calls).toEqual([[0], [3]]);
  });

  it.each([
    [0, 'No clauses, amendments or schedules are mentioned on this page.'],
    [1, "1 provision is mentioned on this page; the LGA's briefings take no position on it."],
    // A Hansard day with 15 references on a bill the LGA has not briefed on (the summary lists none: none has a position).
    [15, "15 provisions are mentioned on this page; the LGA's briefings take no position on them."],
  ])('with no position on the page, says how many provisions it mentions (%i)', (mentioned, said) => {
    const root = mount(
      <PageView
        state={{ kind: 'ready', summary: { ...summary, references: [], mentioned } }}
        positions={positionIndex()}
        onFocusReference={() => undefined}
        onStep={() => undefined}
      />,
    );
    expect(root.querySelector('[data-testid=page-no-positions]')?.textContent).toBe(said);
  });

  it("says it can't tell, not 'another print', when the page's print is unknown (as the card does)", () => {
    const unknown: PageSummary = {
      ...summary,
      references: summary.references.map((r) => (r.number === '15' ? { ...r, print: 'unknown' as const } : r)),
    };
    const root = mount(
      <PageView
        state={{ kind: 'ready', summary: unknown }}
        positions={positionIndex()}
        onFocusReference={() => undefined}
        onStep={() => undefined}
      />,
    );
    const note = root.querySelector('[data-number="15"] [data-testid=page-ref-other-print]')?.textContent;
    expect(note).toBe(
      "We can't tell whether this page shows the print these positions were numbered for: the numbering may differ.",
    );
  });

  it('explains calmly when the tab is not a parliament page', () => {
    const root = mount(
      <PageView
        state={{ kind: 'not-parliament', url: 'https://example.org/' }}
        positions={new Map()}
        onFocusReference={() => undefined}
        onStep={() => undefined}
      />,
    );
    expect(root.querySelector('[data-testid=not-parliament]')?.textContent).toMatch(
      /not a Hansard or parliament\.uk bill page/,
    );
  });

  it('groups mentions of one provision, first mention first', () => {
    expect(groupProvisions(summary).map((p) => [p.number, p.indexes])).toEqual([
      ['29', [0, 3]],
      ['32', [2]],
      ['15', [4]],
    ]);
  });
});

function hit(i: number, p: number): SearchHit {
  const entry = cswBriefings().briefings[i];
  if (!entry?.positions[p]) throw new Error('no such position');
  return {
    position: entry.positions[p],
    briefing: entry.briefing,
    bill: CSW_BILL,
    score: 1,
    terms: [],
    refs: [{ kind: 'clause', number: '32' }],
  };
}

describe('search', () => {
  it('has a search box labelled "Search briefings"', () => {
    const root = mount(
      <SearchView query="" onQuery={() => undefined} state={{ kind: 'idle' }} onOpen={() => undefined} />,
    );
    const box = root.querySelector('input') as HTMLInputElement;
    expect(box.type).toBe('search'); // an <input type=search> has the implicit role searchbox
    const label = root.querySelector(`label[for="${box.id}"]`);
    expect(label?.textContent).toBe('Search briefings');
  });

  it('reports each keystroke', () => {
    const onQuery = vi.fn();
    const root = mount(<SearchView query="" onQuery={onQuery} state={{ kind: 'idle' }} onOpen={() => undefined} />);
    const box = root.querySelector('input') as HTMLInputElement;
    box.value = 'corporate par';
    act(() => {
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(onQuery).toHaveBeenCalledWith('corporate par');
  });

  it('lists results with bill, briefing, stance and the matched terms marked', () => {
    const open = vi.fn();
    const hits = [hit(3, 1), hit(3, 2)];
    const root = mount(
      <SearchView
        query="clause 32"
        onQuery={() => undefined}
        state={{ kind: 'done', query: 'clause 32', hits }}
        onOpen={open}
      />,
    );
    const results = [...root.querySelectorAll('[data-testid=search-result]')];
    expect(results).toHaveLength(2);
    expect(root.querySelector('[data-testid=search-status]')?.textContent).toBe('2 results for “clause 32”');
    expect(texts(results[0] as Element, '[data-testid=search-result-bill]')).toEqual(['Children and Social Work Bill']);
    expect(texts(results[0] as Element, '[data-testid=search-result-briefing]')).toEqual([
      'Lords Report, 8 November 2016',
    ]);
    expect(texts(results[0] as Element, '[data-testid=stance] .lga-stance-words')).toEqual(['Concerned']);
    expect(texts(results[0] as Element, '[data-testid=search-result-excerpt] mark')).toEqual(['clause 32']);
    act(() => (results[1] as Element).querySelector<HTMLButtonElement>('[data-testid=search-result-open]')?.click());
    expect(open).toHaveBeenCalledWith(hits[1]);
  });

  it.each([
    {
      case: 'where the position names it, not a longer number',
      text: 'Clause 8 needs funding. Clause 80 is welcome.',
      mention: 'Clause 8',
      terms: [],
      marked: ['Clause 8'],
    },
    {
      case: 'where a list names it',
      text: 'We support clauses 7 and 8; Clause 80 is welcome.',
      mention: 'clauses 7 and 8',
      terms: [],
      marked: ['clauses 7 and 8'],
    },
    {
      case: 'with the words that matched',
      text: 'Clause 8 needs funding. Clause 80 is welcome.',
      mention: 'Clause 8',
      terms: ['funding'],
      marked: ['Clause 8', 'funding'],
    },
  ])('marks clause 8 asked for $case', ({ text, mention, terms, marked }) => {
    const owner = cswBriefings().briefings[3]!.briefing;
    const named = position(owner, 0, text, [
      { kind: 'clause', number: '80', mention: 'Clause 80', stance: 'support' },
      { kind: 'clause', number: '8', mention, stance: 'concern' },
    ]);
    const found: SearchHit = {
      position: named,
      briefing: owner,
      bill: CSW_BILL,
      score: 1,
      terms,
      refs: [{ kind: 'clause', number: '8' }],
    };
    const root = mount(
      <SearchView
        query="clause 8"
        onQuery={() => undefined}
        state={{ kind: 'done', query: 'clause 8', hits: [found] }}
        onOpen={() => undefined}
      />,
    );
    expect(texts(root, '[data-testid=search-result-excerpt] mark')).toEqual(marked);
  });

  it('says when nothing matched', () => {
    const root = mount(
      <SearchView
        query="zzz"
        onQuery={() => undefined}
        state={{ kind: 'done', query: 'zzz', hits: [] }}
        onOpen={() => undefined}
      />,
    );
    expect(root.querySelector('[data-testid=search-status]')?.textContent).toBe('No results for “zzz”');
    expect(root.querySelector('[data-testid=search-results]')).toBeNull();
  });
});

describe('tabs', () => {
  it.each([
    ['ArrowRight', 'page', 'bill'],
    ['ArrowLeft', 'page', 'search'],
    ['End', 'page', 'search'],
    ['Home', 'search', 'page'],
  ] as const)('%s from %s goes to %s', (key, from, to) => {
    const onChange = vi.fn();
    const root = mount(<Tabs current={from} onChange={onChange} />);
    const current = root.querySelector('[aria-selected=true]') as HTMLButtonElement;
    expect(current.id).toBe(`tab-${from}`);
    expect(current.tabIndex).toBe(0);
    act(() => {
      current.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    });
    expect(onChange).toHaveBeenCalledWith(to);
  });
});

describe('marking text', () => {
  it.each([
    ['no spans', 'abc', [], [{ text: 'abc', marked: false }]],
    [
      'one span',
      'clause 7 is good',
      [{ start: 0, end: 8 }],
      [
        { text: 'clause 7', marked: true },
        { text: ' is good', marked: false },
      ],
    ],
    [
      'overlapping spans merge',
      'abcdef',
      [
        { start: 1, end: 3 },
        { start: 2, end: 4 },
      ],
      [
        { text: 'a', marked: false },
        { text: 'bcd', marked: true },
        { text: 'ef', marked: false },
      ],
    ],
  ])('%s', (_name, text, spans, runs) => {
    expect(splitRuns(text, spans)).toEqual(runs);
  });

  it('finds terms at word starts, case-insensitive, as prefixes', () => {
    const text = 'Corporate parenting principles; the corporate parent.';
    expect(termSpans(text, ['corporate', 'parent']).map((s) => text.slice(s.start, s.end))).toEqual([
      'Corporate',
      'parent',
      'corporate',
      'parent',
    ]);
    expect(termSpans('apparent', ['parent'])).toEqual([]);
  });

  describe('a reservation sentence is shown whole, once', () => {
    const lead =
      'Proposals to place a duty on councils to provide staying close support are positive but must be adequately funded.';
    const text = `${lead} We know that the Staying Put duty was significantly underfunded, ${'and more words '.repeat(12)}which led to challenges for some care leavers under the age of 25 and their councils [Clause 7].`;
    const caveat = { start: 0, end: lead.length };
    const at = (word: string) => [{ start: text.indexOf(word), end: text.indexOf(word) + word.length }];

    it.each([
      // The match is in the sentence: the window holds it.
      ['a match in the reservation', at('staying close'), false],
      // The match is far after it: the window cannot hold both; the sentence is shown apart, whole.
      ['a match far from it', at('[Clause 7]'), true],
      // A window that would cut the sentence in two moves to its start.
      ['a match just after it', at('Staying Put'), false],
    ] as const)('%s', (_name, spans, apart) => {
      const cut = excerptKeeping(text, spans, caveat, 160);
      expect(cut.apart).toBe(apart);
      // Never half of it: the window holds the whole sentence or none of it.
      const start = text.slice(caveat.start, caveat.start + 30);
      const end = text.slice(caveat.end - 30, caveat.end);
      expect(cut.text.includes(start)).toBe(cut.text.includes(end));
      expect(cut.text.includes(lead)).toBe(!apart);
    });
  });

  it('cuts a long text around the first match, keeping the match marked', () => {
    const text = `${'word '.repeat(100)}corporate parenting ${'tail '.repeat(100)}`;
    const cut = excerpt(text, termSpans(text, ['corporate']), 120);
    expect(cut.text.length).toBeLessThanOrEqual(126);
    expect(cut.text.startsWith('… ')).toBe(true);
    expect(cut.spans.map((s) => cut.text.slice(s.start, s.end))).toEqual(['corporate']);
  });
});
