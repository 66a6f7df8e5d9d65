import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Platform } from '../../../src/background/platform';
import type { Dataset, PageContext } from '../../../src/model';
import { SEARCH_INDEX_FORMAT } from '../../../src/search';
import { makePage, SENDERS } from '../../factories';
import { CSWB, CWSB, fixtureDataset } from '../../fixtures/store/dataset';
import { type BackgroundService, failure, ok, testService } from '../../service';

const USER_BRIEFING = `LGA briefing: English Devolution and Community Empowerment Bill

Second Reading, House of Commons, 8 September 2025

Key messages

  • We welcome the duties on strategic authorities in clause 7, but we are concerned that new burdens must be fully funded.
  • We oppose clause 12, which removes local choice over the committee system.
`;
const BROKEN_BRIEFING = 'Not a briefing at all\n\njust words\n';
const USER_BILL = 'english-devolution-and-community-empowerment-bill';

function service(
  factory: IDBFactory | undefined = new IDBFactory(),
  dataset: Dataset = fixtureDataset(),
  platform: Partial<Platform> = {},
) {
  return testService({ indexedDB: factory, dataset: () => dataset, platform, openTimeoutMs: 200 });
}

const page = makePage;

const committeeSitting = page({ billId: CWSB, house: 'commons', stage: 'committee', date: '2025-02-11' });

describe('seeding', () => {
  it('seeds on start and reports the dataset in status', async () => {
    const svc = service();
    const status = await ok(svc, { type: 'status' });
    expect(status).toEqual({
      version: 'v-fixture-1',
      builtAt: '2026-11-20T10:00:00.000Z',
      storage: 'indexeddb',
      storageProblem: null,
      userDataLasts: true,
      counts: { bills: 2, briefings: 4, positions: 14, userBriefings: 0 },
    });
  });

  it('does not reseed an unchanged version, on install or on startup', async () => {
    const factory = new IDBFactory();
    const first = service(factory);
    await first.ready;
    expect((await first.ensureSeeded()).seeded).toBe(false);
    const restarted = service(factory);
    await restarted.ready;
    expect((await restarted.ensureSeeded()).seeded).toBe(false);
  });

  it('reseeds a new dataset version and keeps briefings the user added', async () => {
    const factory = new IDBFactory();
    const v1 = service(factory);
    await ok(v1, { type: 'addBriefing', fileName: 'devolution.txt', text: USER_BRIEFING });
    const v2 = service(factory, fixtureDataset('v-fixture-2', { positions: fixtureDataset().positions.slice(0, 3) }));
    const status = await ok(v2, { type: 'status' });
    expect(status.version).toBe('v-fixture-2');
    expect(status.counts.positions).toBe(3);
    expect(status.counts.userBriefings).toBe(1);
    const { matches } = await ok(v2, {
      type: 'lookup',
      page: page({ billId: USER_BILL, house: 'commons', stage: 'second-reading', date: '2025-09-08' }),
      references: [{ kind: 'clause', number: '12' }],
    });
    expect(matches[0]?.positions.map((m) => m.position.stance)).toEqual(['oppose']);
  });
});

describe('lookup', () => {
  it('answers every reference of a page section in one reply, matched to the stage', async () => {
    const svc = service();
    const { matches, storage } = await ok(svc, {
      type: 'lookup',
      page: committeeSitting,
      references: [
        { kind: 'clause', number: '7' },
        { kind: 'clause', number: '7' },
        { kind: 'clause', number: '99' },
      ],
    });
    expect(storage).toBe('indexeddb');
    expect(matches.map((m) => `${m.kind} ${m.number}`)).toEqual(['clause 7', 'clause 99']);
    const clause7 = matches[0]?.positions ?? [];
    expect(clause7.map((m) => m.position.billId)).toEqual([CWSB, CWSB]);
    expect(clause7.every((m) => m.applies === 'applies' && m.briefing.stage === 'second-reading')).toBe(true);
    expect(matches[1]?.positions).toEqual([]);
  });

  it.each([
    ['the title with a straight apostrophe', "Children's Wellbeing and Schools Bill"],
    ['the title with a curly apostrophe', 'Children’s Wellbeing and Schools Bill'],
  ])('resolves the bill from %s when the page has no bill id', async (_case, title) => {
    const svc = service();
    const { matches } = await ok(svc, {
      type: 'lookup',
      page: { ...committeeSitting, billId: null, bill: title },
      references: [{ kind: 'clause', number: '25' }],
    });
    expect(matches[0]?.positions.map((m) => m.position.text)).toEqual([
      expect.stringContaining('elective home education'),
    ]);
  });

  it('gives amendment 7 on the Lords Report day its Report-stage position, and none on another stage', async () => {
    const svc = service();
    const lookup = (stage: 'report' | 'committee', date: string) =>
      ok(svc, {
        type: 'lookup',
        page: page({ bill: 'Children and Social Work Bill [HL]', house: 'lords', stage, date }),
        references: [{ kind: 'amendment', number: '7' }],
      });
    const report = await lookup('report', '2016-10-18');
    expect(report.matches[0]?.positions.map((m) => m.applies)).toEqual(['applies']);
    const committee = await lookup('committee', '2016-07-11');
    expect(committee.matches[0]?.positions.filter((m) => m.applies === 'applies')).toEqual([]);
  });

  it('sees a briefing added after a big page scan (the bill data kept between lookups is dropped)', async () => {
    const svc = service();
    const scan = Array.from({ length: 60 }, (_, i) => ({ kind: 'clause', number: String(i + 1) }));
    const clause44 = async () => {
      const { matches } = await ok(svc, { type: 'lookup', page: committeeSitting, references: scan });
      return matches.find((m) => m.number === '44')?.positions.map((m) => m.briefing.userAdded);
    };
    expect(await clause44()).toEqual([]);
    const text = `LGA briefing: Children’s Wellbeing and Schools Bill\n\nCommittee Stage, House of Commons, 11 February 2025\n\nKey messages\n\n  • We support clause 44, which ends forced academisation.\n`;
    await ok(svc, { type: 'addBriefing', fileName: 'cwsb-committee.txt', text });
    expect(await clause44()).toEqual([true]);
  });

  it('answers a page about a bill it does not know with every reference and no positions', async () => {
    const svc = service();
    const { matches } = await ok(svc, {
      type: 'lookup',
      page: page({ bill: 'Planning and Infrastructure Bill' }),
      references: [{ kind: 'clause', number: '7' }],
    });
    expect(matches).toEqual([{ kind: 'clause', number: '7', positions: [] }]);
  });
});

describe('bills and briefings', () => {
  it('lists bills and finds one by id or by any of its names', async () => {
    const svc = service();
    expect((await ok(svc, { type: 'bills' })).map((b) => b.id)).toEqual([CSWB, CWSB]);
    expect((await ok(svc, { type: 'bill', bill: 'Children and Social Work Act 2017' }))?.id).toBe(CSWB);
    expect((await ok(svc, { type: 'bill', bill: CWSB }))?.id).toBe(CWSB);
    expect(await ok(svc, { type: 'bill', bill: 'No Such Bill' })).toBeNull();
  });

  it('gives a bill’s briefings in parliamentary order (Lords first for a [HL] bill) with their positions', async () => {
    const svc = service();
    const data = await ok(svc, { type: 'briefingsForBill', billId: CSWB });
    expect(data?.briefings.map(({ briefing }) => `${briefing.house} ${briefing.stage}`)).toEqual([
      'lords second-reading',
      'lords report',
      'commons remaining-stages',
    ]);
    expect(data?.briefings.map(({ positions }) => positions.length)).toEqual([2, 4, 1]);
    expect(data?.briefings.map(({ total, from }) => [total, from])).toEqual([
      [2, 0],
      [4, 0],
      [1, 0],
    ]);
    expect(await ok(svc, { type: 'briefingsForBill', billId: 'nope' })).toBeNull();
  });

  it('gives positions by id with their briefings (the panel’s On this page), corrections attached', async () => {
    const svc = service();
    const data = await ok(svc, { type: 'briefingsForBill', billId: CSWB });
    const [first, second] = data?.briefings.flatMap((b) => b.positions) ?? [];
    await ok(svc, { type: 'correctStance', positionId: second!.id, ref: null, stance: 'oppose' });
    const found = await ok(svc, { type: 'positions', ids: [second!.id, 'nope/1', first!.id] });
    expect(found.map(({ position, briefing }) => [position.id, briefing.id])).toEqual([
      [second!.id, second!.briefingId],
      [first!.id, first!.briefingId],
    ]);
    expect(found[0]?.position.corrections?.map((c) => c.stance)).toEqual(['oppose']);
  });
});

describe('search', () => {
  it('finds positions of both bills, keeps the index in IndexedDB, and rebuilds it when user data changes', async () => {
    const factory = new IDBFactory();
    const svc = service(factory);
    const hits = await ok(svc, { type: 'search', query: 'corporate parenting' });
    expect(new Set(hits.map((h) => h.bill.id))).toEqual(new Set([CWSB, CSWB]));
    // Written after the search has its answer (serialising a large index is a long task): prepareSearch waits for it.
    await svc.prepareSearch();
    const store = await svc.ready;
    const saved = await store.loadSearchIndex();
    // The store's stamp, with the index's format: an index stored by an older version is not loaded.
    expect(saved?.stamp).toBe(`${await store.searchStamp()}|format ${SEARCH_INDEX_FORMAT}`);

    expect(await ok(svc, { type: 'search', query: 'committee system' })).toEqual([]);
    await ok(svc, { type: 'addBriefing', fileName: 'devolution.txt', text: USER_BRIEFING });
    const afterAdd = await ok(svc, { type: 'search', query: 'committee system' });
    expect(afterAdd.map((h) => [h.bill.id, h.briefing.userAdded])).toEqual([[USER_BILL, true]]);
  });

  const SEARCHES = [
    'committee system',
    'clause 7',
    'corporate parenting',
    'opposes clause 12',
    'strategic authorities',
  ];
  const OTHER_WORDS = USER_BRIEFING.replace('committee system', 'mayoral combined authorities');
  it.each([
    ['adding a briefing', [{ type: 'addBriefing', fileName: 'devolution.txt', text: USER_BRIEFING }]],
    [
      'replacing it with other words',
      [
        { type: 'addBriefing', fileName: 'devolution.txt', text: USER_BRIEFING },
        { type: 'addBriefing', fileName: 'devolution.txt', text: OTHER_WORDS, replace: true },
      ],
    ],
    [
      'removing it',
      [
        { type: 'addBriefing', fileName: 'devolution.txt', text: USER_BRIEFING },
        { type: 'removeBriefing', source: 'devolution.txt' },
      ],
    ],
  ] as const)(
    'after %s, the index held is updated in place and finds what a new index finds',
    async (_name, changes) => {
      const searchAll = (svc: BackgroundService) =>
        Promise.all(
          SEARCHES.map(async (query) =>
            (await ok(svc, { type: 'search', query, limit: 50 })).map((h) => h.position.id).sort(),
          ),
        );
      const held = service();
      await ok(held, { type: 'search', query: 'care leavers' });
      const everything = vi.spyOn(await held.ready, 'everything');
      for (const change of changes) await ok(held, change);
      const updated = await searchAll(held);
      // Not built again from every record (a briefing of 21,001 bullets would be indexed again for each change).
      expect(everything).not.toHaveBeenCalled();
      const fresh = service();
      for (const change of changes) await ok(fresh, change);
      expect(updated).toEqual(await searchAll(fresh));
      expect(updated.flat().length).toBeGreaterThan(0);
    },
  );

  it('serves search from a stored index after a restart', async () => {
    const factory = new IDBFactory();
    await service(factory).prepareSearch();
    const restarted = service(factory);
    const hits = await ok(restarted, { type: 'search', query: 'clause 29', limit: 1 });
    expect(hits.map((h) => h.position.refs.map((r) => r.number))).toEqual([['29']]);
  });
});

describe('user briefings', () => {
  it('adds a briefing whose positions then appear in lookups, and removes it', async () => {
    const svc = service();
    const added = await ok(svc, { type: 'addBriefing', fileName: 'devolution.txt', text: USER_BRIEFING });
    expect(added).toMatchObject({ bill: { id: USER_BILL }, briefings: 1, positions: 2, warnings: [] });
    const lookup = () =>
      ok(svc, {
        type: 'lookup',
        page: page({ bill: 'English Devolution and Community Empowerment Bill', house: 'commons', stage: 'committee' }),
        references: [{ kind: 'clause', number: '7' }],
      });
    const [clause7] = (await lookup()).matches;
    expect(clause7?.positions.map((m) => [m.briefing.userAdded, m.ref.stance])).toEqual([[true, 'mixed']]);
    expect(await ok(svc, { type: 'removeBriefing', source: 'devolution.txt' })).toEqual({ removed: 1, corrections: 0 });
    expect((await lookup()).matches[0]?.positions).toEqual([]);
    expect(await failure(svc, { type: 'removeBriefing', source: 'devolution.txt' })).toMatch(/no briefing you added/);
  });

  it('removing a briefing removes the reader’s corrections of its positions, and says how many', async () => {
    const svc = service();
    await ok(svc, { type: 'addBriefing', fileName: 'devolution.txt', text: USER_BRIEFING });
    const mine = (await ok(svc, { type: 'briefingsForBill', billId: USER_BILL }))?.briefings[0]?.positions ?? [];
    await ok(svc, { type: 'correctStance', positionId: mine[0]!.id, ref: null, stance: 'oppose' });
    await ok(svc, {
      type: 'correctStance',
      positionId: mine[1]!.id,
      ref: { kind: 'clause', number: '12' },
      stance: 'concern',
    });
    const shipped = (await ok(svc, { type: 'briefingsForBill', billId: CSWB }))?.briefings[0]?.positions[0];
    await ok(svc, { type: 'correctStance', positionId: shipped!.id, ref: null, stance: 'oppose' });
    expect(await ok(svc, { type: 'removeBriefing', source: 'devolution.txt' })).toEqual({ removed: 1, corrections: 2 });
    const left = JSON.parse((await ok(svc, { type: 'exportUserData' })).json).corrections;
    expect(left.map((c: { positionId: string }) => c.positionId)).toEqual([shipped!.id]);
  });

  it('replacing a briefing keeps the corrections its new version still holds, removes the others, and says so before and after', async () => {
    const svc = service();
    await ok(svc, { type: 'addBriefing', fileName: 'devolution.txt', text: USER_BRIEFING });
    const mine = (await ok(svc, { type: 'briefingsForBill', billId: USER_BILL }))?.briefings[0]?.positions ?? [];
    await ok(svc, { type: 'correctStance', positionId: mine[0]!.id, ref: null, stance: 'oppose' });
    await ok(svc, { type: 'correctStance', positionId: mine[1]!.id, ref: null, stance: 'support' });
    // The second bullet reworded: its correction was made on words the briefing no longer has.
    const edited = USER_BRIEFING.replace('We oppose clause 12', 'We strongly oppose clause 12');
    const plan = await ok(svc, { type: 'planBriefing', fileName: 'devolution.txt', text: edited });
    expect(plan).toMatchObject({ source: 'devolution.txt', corrections: 1 });
    const refused = await svc.handle(
      { type: 'addBriefing', fileName: 'devolution.txt', text: edited },
      SENDERS.optionsTab(),
    );
    expect(refused).toMatchObject({ ok: false, replaces: [{ source: 'devolution.txt', corrections: 1 }] });
    const saved = await ok(svc, { type: 'addBriefing', fileName: 'devolution.txt', text: edited, replace: true });
    expect(saved.corrections).toBe(1);
    const after = (await ok(svc, { type: 'briefingsForBill', billId: USER_BILL }))?.briefings[0]?.positions ?? [];
    expect(after.map((p) => p.corrections?.map((c) => c.stance) ?? [])).toEqual([['oppose'], []]);
    // The same words again: nothing to remove, nothing said.
    expect(await ok(svc, { type: 'planBriefing', fileName: 'devolution.txt', text: edited })).toMatchObject({
      corrections: 0,
    });
    // An import replacing it says so too, per briefing, before (the confirmation) and after.
    const { json } = await ok(svc, { type: 'exportUserData' });
    const file = JSON.parse(json);
    file.briefings[0].text = USER_BRIEFING.replace('We welcome the duties', 'We welcome the new duties');
    file.corrections = [];
    const confirm = await svc.handle({ type: 'importUserData', json: JSON.stringify(file) }, SENDERS.optionsTab());
    expect(confirm).toMatchObject({ ok: false, replaces: [{ source: 'devolution.txt', corrections: 1 }] });
    const imported = await ok(svc, { type: 'importUserData', json: JSON.stringify(file), replace: true });
    expect(imported.replaced).toMatchObject([{ source: 'devolution.txt', corrections: 1 }]);
    expect(JSON.parse((await ok(svc, { type: 'exportUserData' })).json).corrections).toEqual([]);
  });

  it('the Bill view’s stance grid row is kept per briefing until its data or the reader’s corrections change', async () => {
    const svc = service();
    await ok(svc, { type: 'addBriefing', fileName: 'devolution.txt', text: USER_BRIEFING });
    const entry = async () => (await ok(svc, { type: 'briefingsForBill', billId: USER_BILL }))!.briefings[0]!;
    const chips = async () =>
      (await entry()).cells.map((c) => `${c.kind} ${c.number} ${c.stance}${c.corrected ? '*' : ''}`);
    const first = await entry();
    expect((await entry()).cells).toBe(first.cells);
    expect(await chips()).toEqual(['clause 7 mixed', 'clause 12 oppose']);
    const clause12 = { kind: 'clause', number: '12' };
    await ok(svc, { type: 'correctStance', positionId: first.positions[1]!.id, ref: clause12, stance: 'support' });
    expect(await chips()).toEqual(['clause 7 mixed', 'clause 12 support*']);
    await ok(svc, { type: 'undoCorrection', positionId: first.positions[1]!.id, ref: clause12 });
    expect(await chips()).toEqual(['clause 7 mixed', 'clause 12 oppose']);
    const edited = USER_BRIEFING.replace('We oppose clause 12', 'We oppose clause 13');
    await ok(svc, { type: 'addBriefing', fileName: 'devolution.txt', text: edited, replace: true });
    expect(await chips()).toEqual(['clause 7 mixed', 'clause 13 oppose']);
  });

  it('stores nothing for a briefing that fails to compile, and says where', async () => {
    const svc = service();
    const error = await failure(svc, { type: 'addBriefing', fileName: 'broken.txt', text: BROKEN_BRIEFING });
    expect(error).toMatch(/^broken\.txt:1: /);
    expect((await ok(svc, { type: 'status' })).counts.userBriefings).toBe(0);
    expect(JSON.parse((await ok(svc, { type: 'exportUserData' })).json).briefings).toEqual([]);
  });

  it('exports user data as one file that imports into a fresh profile', async () => {
    const svc = service();
    await ok(svc, { type: 'addBriefing', fileName: 'devolution.txt', text: USER_BRIEFING });
    const { json } = await ok(svc, { type: 'exportUserData' });
    // Version 2 adds the reader's stance corrections (a version 1 file still imports: see the table below).
    expect(JSON.parse(json)).toMatchObject({ format: 'lga-positions-user-data', formatVersion: 2, corrections: [] });
    const fresh = service();
    expect(await ok(fresh, { type: 'importUserData', json })).toEqual({ briefings: 1, corrections: 0, replaced: [] });
    expect((await ok(fresh, { type: 'bill', bill: USER_BILL }))?.title).toBe(
      'English Devolution and Community Empowerment Bill',
    );
    expect(JSON.parse((await ok(fresh, { type: 'exportUserData' })).json).briefings).toEqual(
      JSON.parse(json).briefings,
    );
  });

  it('corrections: set from an extension page, applied to lookup, bill and search, exported, kept through a reseed, undone', async () => {
    const factory = new IDBFactory();
    const changed = vi.fn();
    const svc = service(factory, fixtureDataset(), { dataChanged: changed });
    const panel = SENDERS.sidePanel();
    const page: PageContext = {
      bill: 'Children and Social Work Bill',
      billId: CSWB,
      house: 'lords',
      stage: 'report',
      stageLabel: null,
      date: '2016-10-18',
    };
    const clause32 = { kind: 'clause', number: '32' } as const;
    const before = await ok(svc, { type: 'lookup', page, references: [clause32] });
    const match = before.matches[0]!.positions[0]!;
    expect(match.ref.stance).toBe('oppose');

    // A content script (a page's tab, a web URL) may not write a correction.
    const fromPage = await failure(
      svc,
      { type: 'correctStance', positionId: match.position.id, ref: clause32, stance: 'support' },
      SENDERS.contentScript(3),
    );
    expect(fromPage).toMatch(/extension/);
    // A provision the position does not name is refused, in the vocabulary's words.
    const notNamed = [
      [{ kind: 'clause', number: '99' }, /does not name clause 99/],
      [{ kind: 'new-clause', number: '7' }, /does not name new clause 7$/],
    ] as const;
    for (const [ref, message] of notNamed) {
      expect(
        await failure(svc, { type: 'correctStance', positionId: match.position.id, ref, stance: 'support' }, panel),
      ).toMatch(message);
    }

    const corrected = await ok(
      svc,
      { type: 'correctStance', positionId: match.position.id, ref: clause32, stance: 'concern' },
      panel,
    );
    expect(corrected.corrections).toMatchObject([{ ref: clause32, stance: 'concern', text: match.position.text }]);
    expect(changed).toHaveBeenCalled();
    const after = await ok(svc, { type: 'lookup', page, references: [clause32] });
    expect(after.matches[0]!.positions[0]!.position.corrections).toHaveLength(1);
    const bill = await ok(svc, { type: 'briefingsForBill', billId: CSWB });
    const listed = bill!.briefings.flatMap((b) => b.positions).find((p) => p.id === match.position.id);
    expect(listed?.corrections).toHaveLength(1);
    // Search by stance follows the corrections: the whole position corrected too, it no longer opposes anything.
    await ok(svc, { type: 'correctStance', positionId: match.position.id, ref: null, stance: 'concern' }, panel);
    const opposed = await ok(svc, { type: 'search', query: 'oppose', limit: 50 });
    expect(opposed.map((h) => h.position.id)).not.toContain(match.position.id);
    const concerned = await ok(svc, { type: 'search', query: 'concerned', limit: 50 });
    expect(concerned.map((h) => h.position.id)).toContain(match.position.id);

    // Kept through a dataset update; exported and imported with the rest of the user data.
    const reseeded = service(factory, fixtureDataset('v-next'));
    const again = await ok(reseeded, { type: 'lookup', page, references: [clause32] });
    expect(again.matches[0]!.positions[0]!.position.corrections).toHaveLength(2);
    const { json } = await ok(reseeded, { type: 'exportUserData' });
    const fresh = service();
    expect(await ok(fresh, { type: 'importUserData', json })).toEqual({ briefings: 0, corrections: 2, replaced: [] });
    const imported = await ok(fresh, { type: 'lookup', page, references: [clause32] });
    expect(imported.matches[0]!.positions[0]!.position.corrections?.map((c) => c.stance)).toEqual([
      'concern',
      'concern',
    ]);

    // Undone in one request; undoing again says there is nothing to undo.
    const undone = await ok(reseeded, { type: 'undoCorrection', positionId: match.position.id, ref: clause32 }, panel);
    expect(undone.corrections?.map((c) => c.ref)).toEqual([null]);
    expect(
      await failure(reseeded, { type: 'undoCorrection', positionId: match.position.id, ref: clause32 }, panel),
    ).toMatch(/no correction/);
  });

  it('an import with a malformed correction changes nothing and names it', async () => {
    const svc = service();
    const file = JSON.stringify({
      format: 'lga-positions-user-data',
      formatVersion: 2,
      exportedAt: '',
      briefings: [],
      userData: [],
      corrections: [
        {
          positionId: 'x/1',
          ref: { kind: 'clause', number: '7' },
          stance: 'furious',
          text: 't',
          at: '2026-12-01T00:00:00Z',
        },
      ],
    });
    expect(await failure(svc, { type: 'importUserData', json: file })).toMatch(/corrections\[0\]\.stance/);
    const { json } = await ok(svc, { type: 'exportUserData' });
    expect(JSON.parse(json).corrections).toEqual([]);
  });

  const exported = (briefings: unknown[]) =>
    JSON.stringify({ format: 'lga-positions-user-data', formatVersion: 1, exportedAt: '', briefings, userData: [] });
  const good = { source: 'other.txt', text: USER_BRIEFING, addedAt: '2026-11-22T10:00:00.000Z' };

  it.each([
    ['not JSON', '{"format": ', /not JSON/],
    ['another format', JSON.stringify({ format: 'something-else', formatVersion: 1, briefings: [] }), /format/],
    [
      'a newer format version',
      JSON.stringify({ format: 'lga-positions-user-data', formatVersion: 9, briefings: [] }),
      /formatVersion 9/,
    ],
    [
      'a briefing that fails to compile',
      exported([good, { ...good, source: 'broken.txt', text: BROKEN_BRIEFING }]),
      /broken\.txt:1:/,
    ],
    ['a briefing without text', exported([good, { source: 'x.txt', addedAt: good.addedAt }]), /briefings\[1\]\.text/],
    [
      // Refused at once with the error, not first asking to confirm a replacement that could not happen.
      'a briefing that would replace one already added and fails to compile',
      exported([{ ...good, source: 'devolution.txt', text: BROKEN_BRIEFING }]),
      /devolution\.txt:1:/,
    ],
    ['the same source twice', exported([good, good]), /appears twice/],
  ])('a failed import (%s) leaves stored data as it was', async (_case, json, problem) => {
    const svc = service();
    await ok(svc, { type: 'addBriefing', fileName: 'devolution.txt', text: USER_BRIEFING });
    const before = JSON.parse((await ok(svc, { type: 'exportUserData' })).json);
    const error = await failure(svc, { type: 'importUserData', json });
    expect(error).toMatch(problem);
    expect(error).toMatch(/nothing was changed/);
    const after = JSON.parse((await ok(svc, { type: 'exportUserData' })).json);
    expect(after.briefings).toEqual(before.briefings);
    expect((await ok(svc, { type: 'status' })).counts.userBriefings).toBe(1);
  });
});

describe('toolbar and panel', () => {
  it('sets the badge of the tab that reported its page summary', async () => {
    const setBadge = vi.fn();
    const svc = service(undefined, undefined, { setBadge });
    await ok(svc, { type: 'pageSummary', applies: 4, total: 9 }, SENDERS.contentScript(12));
    await ok(svc, { type: 'pageSummary', applies: 0, total: 3 }, SENDERS.contentScript(13));
    expect(setBadge.mock.calls).toEqual([
      [12, '4'],
      [13, ''],
    ]);
    expect(await failure(svc, { type: 'pageSummary', applies: 1, total: 1 }, SENDERS.noSender())).toMatch(/from a tab/);
  });

  it('runs the popover script in the frame of the content script that asked for it, and nowhere else', async () => {
    const injectPopover = vi.fn();
    const svc = service(undefined, undefined, { injectPopover });
    await ok(svc, { type: 'loadPopover' }, SENDERS.contentScript(12));
    await ok(svc, { type: 'loadPopover' }, { ...SENDERS.contentScript(13), frameId: 4 });
    expect(injectPopover.mock.calls).toEqual([
      [12, 0],
      [13, 4],
    ]);
    expect(await failure(svc, { type: 'loadPopover' }, SENDERS.sidePanel())).toMatch(/refused/);
    expect(injectPopover).toHaveBeenCalledTimes(2);
  });

  it('opens the panel synchronously, within the user gesture, and records the briefing to show', async () => {
    const openPanel = vi.fn();
    const setPanelTarget = vi.fn();
    const svc = service(new IDBFactory(), undefined, { openPanel, setPanelTarget });
    const pending = svc.handle(
      { type: 'openPanel', briefingId: 'b/1' },
      { ...SENDERS.contentScript(5), tab: { ...SENDERS.contentScript(5).tab, windowId: 2 } },
    );
    expect(openPanel).toHaveBeenCalledWith(5, 2); // before any await
    expect((await pending).ok).toBe(true);
    expect(setPanelTarget).toHaveBeenCalledWith(
      expect.objectContaining({ briefingId: 'b/1', positionId: null, tabId: 5 }),
    );
  });
});

describe('without IndexedDB', () => {
  const blocked = {
    open() {
      throw new DOMException('storage is blocked', 'SecurityError');
    },
  } as unknown as IDBFactory;

  it.each([
    ['IndexedDB missing', undefined],
    ['open throwing', blocked],
  ])('serves the bundled dataset from memory and says so (%s)', async (_case, factory) => {
    const svc = testService({ indexedDB: factory, dataset: () => fixtureDataset() });
    const status = await ok(svc, { type: 'status' });
    expect(status.storage).toBe('memory');
    expect(status.storageProblem).toMatch(/memory/);
    const { matches, storage } = await ok(svc, {
      type: 'lookup',
      page: committeeSitting,
      references: [{ kind: 'clause', number: '7' }],
    });
    expect(storage).toBe('memory');
    expect(matches[0]?.positions).toHaveLength(2);
    expect((await ok(svc, { type: 'search', query: 'corparate' })).length).toBeGreaterThan(0);
  });
});

describe('message validation', () => {
  const refs = (n: number) => Array.from({ length: n }, (_, i) => ({ kind: 'clause', number: String(i + 1) }));
  it.each<[string, unknown, RegExp]>([
    ['not an object', 'lookup', /must be an object/],
    ['null', null, /must be an object/],
    ['an unknown type', { type: 'dropTables' }, /unknown message type/],
    ['no type', { page: {} }, /unknown message type/],
    ['a page that is not an object', { type: 'lookup', page: 'x', references: [] }, /page must be an object/],
    [
      'references that are not an array',
      { type: 'lookup', page: committeeSitting, references: {} },
      /references must be an array/,
    ],
    [
      'more than 2,000 references',
      { type: 'lookup', page: committeeSitting, references: refs(2001) },
      /too many references/,
    ],
    [
      'an unknown reference kind',
      { type: 'lookup', page: committeeSitting, references: [{ kind: 'section', number: '1' }] },
      /kind/,
    ],
    [
      'a reference number that is not one',
      { type: 'lookup', page: committeeSitting, references: [{ kind: 'clause', number: '7; drop' }] },
      /number/,
    ],
    [
      'a house outside the vocabulary',
      { type: 'lookup', page: { ...committeeSitting, house: 'senate' }, references: [] },
      /page\.house/,
    ],
    ['a bad date', { type: 'lookup', page: { ...committeeSitting, date: 'yesterday' }, references: [] }, /page\.date/],
    ['a bill title over the limit', { type: 'bill', bill: 'x'.repeat(501) }, /too long/],
    ['a number where a string belongs', { type: 'briefingsForBill', billId: 42 }, /billId must be a string/],
    ['a query over the limit', { type: 'search', query: 'q'.repeat(501) }, /query is too long/],
    ['a negative search limit', { type: 'search', query: 'x', limit: -1 }, /limit/],
    [
      'a briefing text over 5 MB',
      { type: 'addBriefing', fileName: 'a.txt', text: 'é'.repeat(3 * 1024 * 1024) },
      /too large/,
    ],
    ['a briefing without a file name', { type: 'addBriefing', fileName: '', text: 'x' }, /fileName must not be empty/],
    ['applies above total', { type: 'pageSummary', applies: 5, total: 2 }, /exceed/],
    ['a fractional count', { type: 'pageSummary', applies: 0.5, total: 2 }, /whole number/],
  ])('refuses %s with an error', async (_case, message, problem) => {
    const svc = service();
    expect(await failure(svc, message, { tab: { id: 1 } })).toMatch(problem);
  });

  it('accepts exactly 2,000 references', async () => {
    const svc = service();
    const { matches } = await ok(svc, { type: 'lookup', page: committeeSitting, references: refs(2000) });
    expect(matches).toHaveLength(2000);
  });

  it('never throws, whatever it is sent', async () => {
    const svc = service();
    await svc.ready;
    const anyType = fc.constantFrom('lookup', 'bill', 'search', 'addBriefing', 'importUserData', 'pageSummary', 'x');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ type: anyType }, { requiredKeys: [] }),
          fc.dictionary(fc.string(), fc.anything()),
        ),
        async (message) => {
          const reply = await svc.handle(message, {});
          expect(typeof reply.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });
});
