/**
 * The background's side of adding a briefing from its LGA page: who may ask what (the page's content script only
 * reads its status and hands text over; only extension pages read a pending capture or save), the pending capture's
 * round trip, the tab told after a save, and duplicates replaced in one write (fake-indexeddb).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Platform } from '../../../src/background/platform';
import type { MessageSender } from '../../../src/background/senders';
import { createBackgroundService } from '../../../src/background/service';
import type { BackgroundResponses, Reply, TabRequest } from '../../../src/messaging';
import { EXTENSION } from '../../factories';
import { fixtureDataset } from '../../fixtures/store/dataset';

const PAGE_URL = 'https://www.local.gov.uk/parliament/briefings-and-responses/lga-briefing-widgets-bill-second-reading';
const OLD_URL = 'https://local.gov.uk/-/journal_content/56/10180/7763412/ARTICLE';
const TEXT = `Widgets Bill, Second Reading, House of Lords, 3 December 2025

Key messages

  • We support clause 2 of the Bill, which gives councils a new power to license widgets.
  • We are concerned that clause 5 gives the Secretary of State a power to override local decisions.
`;

const fromPage = (url = PAGE_URL, tabId = 7): MessageSender => ({
  id: EXTENSION.id,
  url,
  tab: { id: tabId, windowId: 1, url },
});
const fromExtension: MessageSender = {
  id: EXTENSION.id,
  url: `${EXTENSION.origin}/capture.html?id=x`,
  tab: { id: 9, url: `${EXTENSION.origin}/capture.html?id=x` },
};
const fromParliament: MessageSender = {
  id: EXTENSION.id,
  url: 'https://hansard.parliament.uk/Commons/2025-01-01/debates/x/Y',
  tab: { id: 3 },
};

function setup() {
  const opened: Array<{ id: string; tabId: number | null }> = [];
  const told: Array<{ tabId: number; request: TabRequest }> = [];
  let clock = Date.parse('2026-12-03T10:00:00Z');
  const platform: Partial<Platform> = {
    openCapturePage: (id, tabId) => {
      opened.push({ id, tabId });
    },
    tellTab: (tabId, request) => {
      told.push({ tabId, request });
    },
  };
  const svc = createBackgroundService({
    indexedDB: new IDBFactory(),
    dataset: () => fixtureDataset(),
    extension: EXTENSION,
    platform,
    now: () => new Date(clock),
  });
  const send = async <K extends keyof BackgroundResponses>(
    message: { type: K } & Record<string, unknown>,
    sender: MessageSender,
  ) => (await svc.handle(message, sender)) as Reply<BackgroundResponses[K]>;
  const ok = async <K extends keyof BackgroundResponses>(
    message: { type: K } & Record<string, unknown>,
    sender: MessageSender,
  ) => {
    const reply = await send(message, sender);
    if (!reply.ok) throw new Error(reply.error);
    return reply.data;
  };
  return { svc, send, ok, opened, told, tick: (ms: number) => (clock += ms) };
}

describe('who may ask', () => {
  const cases: Array<{ what: string; message: Record<string, unknown>; sender: MessageSender; allowed: boolean }> = [
    {
      what: 'status from the briefing page',
      message: { type: 'captureStatus', text: TEXT },
      sender: fromPage(),
      allowed: true,
    },
    {
      what: 'status from a Hansard page',
      message: { type: 'captureStatus', text: TEXT },
      sender: fromParliament,
      allowed: false,
    },
    {
      what: 'status from an extension page (no tab of a briefing page)',
      message: { type: 'captureStatus', text: TEXT },
      sender: fromExtension,
      allowed: false,
    },
    {
      what: 'hand-over from a Hansard page',
      message: { type: 'captureBriefing', text: TEXT, pageDate: null },
      sender: fromParliament,
      allowed: false,
    },
    {
      what: 'a pending capture read by a page',
      message: { type: 'pendingCapture', id: 'x' },
      sender: fromPage(),
      allowed: false,
    },
    {
      what: 'a pending capture read by an extension page',
      message: { type: 'pendingCapture', id: 'x' },
      sender: fromExtension,
      allowed: true,
    },
    {
      what: 'a save plan asked by a page',
      message: { type: 'planBriefing', fileName: 'a.txt', text: TEXT },
      sender: fromPage(),
      allowed: false,
    },
    {
      what: 'an origin that is not an LGA page',
      message: {
        type: 'addBriefing',
        fileName: 'a.txt',
        text: TEXT,
        origin: { url: 'https://example.com/x', pageDate: null },
      },
      sender: fromExtension,
      allowed: false,
    },
  ];
  it.each(cases)('$what: $allowed', async ({ message, sender, allowed }) => {
    const { send } = setup();
    const reply = await send(message as { type: 'status' }, sender);
    expect(reply.ok).toBe(allowed);
  });
});

describe('from the page to a saved briefing', () => {
  it('the one-a-second limit is per tab: a click on another tab within the second still opens its preview', async () => {
    const { ok, send, opened } = setup();
    const first = await ok({ type: 'captureBriefing', text: TEXT, pageDate: null }, fromPage(PAGE_URL, 7));
    expect((await send({ type: 'captureBriefing', text: TEXT, pageDate: null }, fromPage(PAGE_URL, 7))).ok).toBe(false);
    const other = await ok({ type: 'captureBriefing', text: TEXT, pageDate: null }, fromPage(OLD_URL, 8));
    expect(opened).toEqual([
      { id: first.id, tabId: 7 },
      { id: other.id, tabId: 8 },
    ]);
  });

  it('hands the text over with the URL the browser reports, opens the preview next to the tab, saves from the extension page, tells the tab', async () => {
    const { ok, send, opened, told, tick } = setup();
    expect(await ok({ type: 'captureStatus', text: TEXT }, fromPage())).toEqual({ state: 'new' });

    const { id } = await ok({ type: 'captureBriefing', text: TEXT, pageDate: '2025-12-01' }, fromPage());
    expect(opened).toEqual([{ id, tabId: 7 }]);
    // A second hand-over within a second opens nothing (a page cannot flood the reader with tabs).
    expect((await send({ type: 'captureBriefing', text: TEXT, pageDate: null }, fromPage())).ok).toBe(false);
    expect(opened).toHaveLength(1);

    const pending = await ok({ type: 'pendingCapture', id }, fromExtension);
    expect(pending).toEqual({
      id,
      url: PAGE_URL,
      site: 'local.gov.uk',
      text: TEXT,
      pageDate: '2025-12-01',
      source: 'local.gov.uk-lga-briefing-widgets-bill-second-reading.html',
    });
    const plan = await ok(
      { type: 'planBriefing', fileName: pending!.source, text: TEXT, url: PAGE_URL },
      fromExtension,
    );
    expect(plan.replaces).toEqual([]);

    const saved = await ok(
      {
        type: 'addBriefing',
        fileName: pending!.source,
        text: TEXT,
        origin: { url: PAGE_URL, pageDate: '2025-12-01' },
        captureId: id,
      },
      fromExtension,
    );
    expect(saved.replaced).toEqual([]);
    expect(told).toEqual([{ tabId: 7, request: { type: 'captureChanged' } }]);
    expect(await ok({ type: 'pendingCapture', id }, fromExtension)).toBeNull();
    const status = await ok({ type: 'captureStatus', text: TEXT }, fromPage());
    expect(status).toMatchObject({ state: 'added', addedAt: '2026-12-03T10:00:00.000Z' });

    // Labelled for the views: the reader's own, from local.gov.uk.
    const bill = await ok({ type: 'briefingsForBill', billId: saved.bill.id }, fromExtension);
    expect(bill!.briefings.map((b) => [b.briefing.userAdded, b.briefing.addedFrom])).toEqual([[true, 'local.gov.uk']]);

    // The old URL, same words: known as added; saving it again replaces, keeping the first date.
    tick(86_400_000);
    expect((await ok({ type: 'captureStatus', text: TEXT }, fromPage(OLD_URL))).state).toBe('added');
    const again = await ok(
      {
        type: 'addBriefing',
        fileName: 'local.gov.uk-journal-7763412.html',
        text: TEXT,
        origin: { url: OLD_URL, pageDate: null },
        replace: true,
      },
      fromExtension,
    );
    expect(again.source).toBe(saved.source);
    expect(again.replaced.map((d) => d.by)).toEqual(['text']);
    const counts = (await ok({ type: 'status' }, fromExtension)).counts;
    expect(counts.userBriefings).toBe(1);
    const exported = JSON.parse((await ok({ type: 'exportUserData' }, fromExtension)).json);
    expect(exported.briefings).toEqual([
      {
        source: saved.source,
        text: TEXT,
        addedAt: '2026-12-03T10:00:00.000Z',
        updatedAt: '2026-12-04T10:00:00.000Z',
        origin: { url: OLD_URL, site: 'local.gov.uk', pageDate: null },
      },
    ]);
  });

  it('a page that changed says so, and its update replaces the old words', async () => {
    const { ok, send } = setup();
    const edited = TEXT.replace('We are concerned', 'We are deeply concerned');
    await ok(
      { type: 'addBriefing', fileName: 'p.html', text: TEXT, origin: { url: PAGE_URL, pageDate: null } },
      fromExtension,
    );
    expect((await ok({ type: 'captureStatus', text: edited }, fromPage())).state).toBe('changed');
    const update = {
      type: 'addBriefing',
      fileName: 'other-name.html',
      text: edited,
      origin: { url: PAGE_URL, pageDate: null },
    };
    // Replacing is never silent: unconfirmed, it is refused and says what it would replace.
    const unconfirmed = await send(update as { type: 'addBriefing' }, fromExtension);
    expect(unconfirmed).toMatchObject({ ok: false, replaces: [{ source: 'p.html' }] });
    const updated = await ok({ ...update, type: 'addBriefing', replace: true }, fromExtension);
    expect(updated.source).toBe('p.html');
    expect(updated.replaced.map((d) => d.by)).toEqual(['url']);
    const hits = await ok({ type: 'search', query: 'deeply concerned override' }, fromExtension);
    expect(hits.map((h) => h.position.text)).toEqual([expect.stringContaining('deeply concerned')]);
    expect((await ok({ type: 'status' }, fromExtension)).counts.userBriefings).toBe(1);
  });

  it('a paste and an older copy of the page both give way to the next save, in one write', async () => {
    const { ok } = setup();
    const older = TEXT.replace('We support', 'We strongly support');
    await ok({ type: 'addBriefing', fileName: 'pasted.txt', text: TEXT }, fromExtension);
    await ok(
      { type: 'addBriefing', fileName: 'p.html', text: older, origin: { url: PAGE_URL, pageDate: null } },
      fromExtension,
    );
    expect((await ok({ type: 'status' }, fromExtension)).counts.userBriefings).toBe(2);
    const saved = await ok(
      {
        type: 'addBriefing',
        fileName: 'page.html',
        text: TEXT,
        origin: { url: PAGE_URL, pageDate: null },
        replace: true,
      },
      fromExtension,
    );
    expect(saved.replaced.map((d) => [d.source, d.by])).toEqual([
      ['p.html', 'url'],
      ['pasted.txt', 'text'],
    ]);
    expect(saved.source).toBe('p.html');
    expect((await ok({ type: 'status' }, fromExtension)).counts.userBriefings).toBe(1);
    const hits = await ok({ type: 'search', query: 'license widgets' }, fromExtension);
    expect(hits.filter((h) => h.briefing.userAdded)).toHaveLength(1);
  });
});
