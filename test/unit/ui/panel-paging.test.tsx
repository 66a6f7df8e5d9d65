// @vitest-environment happy-dom
/**
 * Issue 10, finding 4: the Bill view of a briefing of hundreds of positions, a page at a time, against the real
 * background service (fake-indexeddb): the reply carries the first page and the stance grid from every position; "Show
 * 200 more" and "Show the 200 before" ask for the next page; a chip, a popover or a search result past the page loads
 * the page holding its position and focuses it.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { useMemo, useRef, useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackgroundService } from '../../../src/background/service';
import { LIMITS } from '../../../src/limits';
import type { BillBriefings, BriefingPositions } from '../../../src/messaging';
import { type BillTarget, BillView } from '../../../src/ui/panel/BillView';
import { nextRange, placePage, showingLabel } from '../../../src/ui/panel/bill-model';
import { type Ask, billPaging, windowsOfBill, windowsToKeep } from '../../../src/ui/panel/paging';
import { EXTENSION, SENDERS } from '../../factories';
import { CWSB, fixtureDataset } from '../../fixtures/store/dataset';
import { mount, unmountAll } from './panel-helpers';

afterEach(unmountAll);

/** 450 bullets on clause 7, but bullet 301 (index 300) on clause 9 alone: its chip's position is past the first page. */
function bigBriefing(count = 450): string {
  const bullets = Array.from({ length: count }, (_, i) =>
    i === 300 ? '  • We oppose clause 9 outright.' : `  • We support clause 7 (${i + 1}).`,
  );
  return `LGA briefing: Children’s Wellbeing and Schools Bill\n\nReport Stage, House of Lords, 1 May 2025\n\nKey messages\n\n${bullets.join('\n')}\n`;
}

async function withBigBriefing(count = 450) {
  const svc = createBackgroundService({ indexedDB: new IDBFactory(), dataset: fixtureDataset, extension: EXTENSION });
  const ask: Ask = async (request) => {
    const reply = await svc.handle(request, SENDERS.sidePanel());
    if (!reply.ok) throw new Error(reply.error);
    return reply.data as never;
  };
  await ask({ type: 'addBriefing', fileName: 'big.txt', text: bigBriefing(count) });
  const data = (await ask({ type: 'briefingsForBill', billId: CWSB })) as BillBriefings;
  const big = data.briefings.find((b) => b.briefing.userAdded);
  if (!big) throw new Error('the big briefing is not in the reply');
  return { ask, data, big };
}

/** The Bill view with its data held as the panel's hook holds it, paged through the real service. */
function PagedBill({ ask, initial, target }: { ask: Ask; initial: BillBriefings; target: BillTarget | null }) {
  const [data, setData] = useState(initial);
  const current = useRef(data);
  current.current = data;
  const paging = useMemo(
    () =>
      billPaging(
        ask,
        () => current.current,
        (change) => setData((d) => change(d)),
      ),
    [],
  );
  return (
    <BillView
      bills={[initial.bill]}
      selectedBillId={initial.bill.id}
      onSelectBill={() => undefined}
      state={{ kind: 'ready', data }}
      paging={paging}
      page={null}
      target={target}
    />
  );
}

const article = (root: HTMLElement, id: string) =>
  root.querySelector<HTMLElement>(`[data-testid=briefing][data-briefing-id="${CSS.escape(id)}"]`) as HTMLElement;
const shownIds = (el: HTMLElement) =>
  [...el.querySelectorAll('[data-testid=briefing-position]')].map((li) => li.getAttribute('data-position-id'));
const showing = (el: HTMLElement) => el.querySelector('[data-testid=briefing-showing]')?.textContent ?? null;
const click = (el: Element | null) => act(() => (el as HTMLElement).click());
/** Until the real service has answered and the view has drawn it (a loaded machine can take seconds). */
const until = (check: () => void) => vi.waitFor(check, { timeout: 20_000, interval: 20 });

describe('the background sends a briefing a page at a time, with its whole stance grid', { timeout: 60_000 }, () => {
  it('replies with the first 200 of 450 positions, the total, and chips from all 450 (clause 9 at position 301)', async () => {
    const { big } = await withBigBriefing();
    expect([big.from, big.positions.length, big.total]).toEqual([0, LIMITS.panelPage, 450]);
    expect(big.cells.map((c) => [`${c.kind} ${c.number}`, c.stance, c.index])).toEqual([
      ['clause 7', 'support', 0],
      ['clause 9', 'oppose', 300],
    ]);
  });

  it.each([
    ['the page after the first', { from: 200, to: 400 }, [200, 200, 'Bullet 201']],
    ['the last, shorter page', { from: 400, to: 600 }, [400, 50, 'Bullet 401']],
    ['more than a window: its last 1,000', { from: 0, to: 5_000 }, [0, 450, 'Bullet 1']],
  ] as const)('briefingPositions %s', async (_name, range, [from, count, first]) => {
    const { ask, big } = await withBigBriefing();
    if (range.to - range.from > LIMITS.panelWindow) {
      await expect(ask({ type: 'briefingPositions', briefingId: big.briefingId, ...range })).rejects.toThrow(
        /more than 1000 positions/,
      );
      return;
    }
    const page = await ask({ type: 'briefingPositions', briefingId: big.briefingId, ...range });
    expect([page.from, page.positions.length, page.total]).toEqual([from, count, 450]);
    expect(page.positions[0]?.text).toContain(`(${first.replace('Bullet ', '')})`);
  });

  it('briefingPositions at a position: the page holding it', async () => {
    const { ask, big } = await withBigBriefing();
    const clause9 = big.cells.find((c) => c.number === '9');
    const page = await ask({ type: 'briefingPositions', briefingId: big.briefingId, at: clause9?.positionId });
    expect([page.from, page.positions.length]).toEqual([200, 200]);
    expect(page.positions[100]?.id).toBe(clause9?.positionId);
    await expect(ask({ type: 'briefingPositions', briefingId: big.briefingId, at: 'nope/1' })).rejects.toThrow(
      /no position "nope\/1"/,
    );
  });

  it('the grid follows a correction of a position past the first page, as every view does', async () => {
    const { ask, big } = await withBigBriefing();
    const clause9 = big.cells.find((c) => c.number === '9');
    await ask({
      type: 'correctStance',
      positionId: clause9!.positionId,
      ref: { kind: 'clause', number: '9' },
      stance: 'support',
    });
    const data = (await ask({ type: 'briefingsForBill', billId: CWSB })) as BillBriefings;
    const cells = data.briefings.find((b) => b.briefingId === big.briefingId)?.cells ?? [];
    expect(cells.map((c) => [`${c.kind} ${c.number}`, c.stance, c.corrected])).toEqual([
      ['clause 7', 'support', false],
      ['clause 9', 'support', true],
    ]);
  });

  it('briefingsForBill with a window sends that window of that briefing, the first page of the others', async () => {
    const { ask, big } = await withBigBriefing();
    const data = (await ask({
      type: 'briefingsForBill',
      billId: CWSB,
      windows: [{ briefingId: big.briefingId, from: 200, to: 450 }],
    })) as BillBriefings;
    const again = data.briefings.find((b) => b.briefingId === big.briefingId);
    expect([again?.from, again?.positions.length]).toEqual([200, 250]);
    for (const other of data.briefings.filter((b) => b !== again)) expect(other.from).toBe(0);
  });
});

describe('the Bill view pages through the background (issue 10, finding 4)', { timeout: 60_000 }, () => {
  it('shows 200, says so, and shows 200 more at a time until all are shown', async () => {
    const { ask, data, big } = await withBigBriefing();
    const root = mount(<PagedBill ask={ask} initial={data} target={null} />);
    const mine = () => article(root, big.briefingId);
    expect(shownIds(mine())).toHaveLength(200);
    expect(showing(mine())).toBe('Showing 200 of 450 positions.');
    const more = () => mine().querySelector('[data-testid=briefing-show-more]');
    expect(more()?.textContent).toBe('Show 200 more');
    click(more());
    await until(() => expect(shownIds(mine())).toHaveLength(400));
    expect(more()?.textContent).toBe('Show 50 more');
    click(more());
    await until(() => expect(shownIds(mine())).toHaveLength(450));
    expect(mine().querySelector('[data-testid=briefing-more]')).toBeNull();
    expect(
      root.querySelectorAll(`[data-testid=stance-row][data-briefing-id="${big.briefingId}"] [data-testid=stance-cell]`),
    ).toHaveLength(2);
  });

  it('opened at a position past the first page (a popover or search result), shows the page holding it', async () => {
    // Was: shown as far as it (301 positions in the page). Now the page that holds it, with the way back.
    const { ask, data, big } = await withBigBriefing();
    const wanted = `${big.briefingId}/300`;
    const root = mount(
      <PagedBill ask={ask} initial={data} target={{ briefingId: big.briefingId, positionId: wanted, at: 1 }} />,
    );
    await until(() => expect(shownIds(article(root, big.briefingId))).toContain(wanted));
    const mine = article(root, big.briefingId);
    expect(shownIds(mine)).toHaveLength(200);
    expect(showing(mine)).toBe('Showing positions 201–400 of 450.');
    await until(() => expect(document.activeElement).toBe(mine.querySelector('[data-testid=briefing-label]')));
    click(mine.querySelector('[data-testid=briefing-show-earlier]'));
    await until(() => expect(shownIds(article(root, big.briefingId))).toHaveLength(400));
    expect(showing(article(root, big.briefingId))).toBe('Showing 400 of 450 positions.');
  });

  it('a chip whose position is past the page loads the page holding it and focuses that position', async () => {
    const { ask, data, big } = await withBigBriefing();
    const root = mount(<PagedBill ask={ask} initial={data} target={null} />);
    const chip = root.querySelector(
      `[data-testid=stance-row][data-briefing-id="${big.briefingId}"] [data-testid=stance-cell][data-ref="clause 9"] a`,
    );
    const positionId = chip?.getAttribute('data-position-id');
    expect(shownIds(article(root, big.briefingId))).not.toContain(positionId);
    click(chip);
    await until(() => expect(document.activeElement?.getAttribute('data-position-id')).toBe(positionId));
    expect(document.activeElement?.textContent).toContain('We oppose clause 9 outright.');
    expect(showing(article(root, big.briefingId))).toBe('Showing positions 201–400 of 450.');
  });
});

function page(briefingId: string, from: number, count: number, total: number): BriefingPositions {
  const positions = Array.from({ length: count }, (_, i) => ({ id: `${briefingId}/${from + i}` }) as never);
  return { briefingId, total, from, positions };
}

describe('which positions a briefing shows', () => {
  const B = 'user:b/big/0';
  it.each([
    ['the next page joins the end', page(B, 0, 200, 2000), page(B, 200, 200, 2000), 'after', [0, 400]],
    ['the page before joins the start', page(B, 400, 200, 2000), page(B, 200, 200, 2000), 'before', [200, 600]],
    ['a jump replaces them', page(B, 0, 200, 2000), page(B, 1200, 200, 2000), 'jump', [1200, 1400]],
    ['past the window, the start is let go', page(B, 0, 1000, 2000), page(B, 1000, 200, 2000), 'after', [200, 1200]],
    ['past the window, the end is let go', page(B, 200, 1000, 2000), page(B, 0, 200, 2000), 'before', [0, 1000]],
    ['another briefing’s page changes nothing', page(B, 0, 200, 2000), page('x', 200, 200, 2000), 'after', [0, 200]],
  ] as const)('%s', (_name, entry, arriving, how, [from, to]) => {
    const placed = placePage(entry, arriving, how);
    expect([placed.from, placed.from + placed.positions.length]).toEqual([from, to]);
    expect(placed.positions[0]?.id).toBe(`${placed.briefingId}/${from}`);
  });

  it.each([
    [page(B, 0, 200, 450), 'Showing 200 of 450 positions.', { from: 200, to: 400 }, null],
    [page(B, 400, 50, 450), 'Showing positions 401–450 of 450.', null, { from: 200, to: 400 }],
    [page(B, 100, 200, 21001), 'Showing positions 101–300 of 21,001.', { from: 300, to: 500 }, { from: 0, to: 100 }],
  ] as const)('%#: %s', (entry, label, after, before) => {
    expect(showingLabel(entry)).toBe(label);
    expect(nextRange(entry, 'after')).toEqual(after);
    expect(nextRange(entry, 'before')).toEqual(before);
  });

  it('keeps what the reader opened past the first page, per bill, for a reloaded panel', () => {
    const bill = { id: 'b' } as BillBriefings['bill'];
    const other = { briefingId: 'user:other/x/0', from: 200, to: 400 };
    const data: BillBriefings = {
      bill,
      briefings: [
        { ...page(B, 0, 400, 2000), briefing: {} as never, cells: [] },
        { ...page('user:b/small/0', 0, 12, 12), briefing: {} as never, cells: [] },
        { ...page('user:b/first/0', 0, 200, 2000), briefing: {} as never, cells: [] },
      ],
    };
    const kept = windowsToKeep([other, { briefingId: B, from: 0, to: 200 }], data);
    expect(kept).toEqual([other, { briefingId: B, from: 0, to: 400 }]);
    expect(windowsOfBill(kept, 'b')).toEqual([{ briefingId: B, from: 0, to: 400 }]);
  });
});
