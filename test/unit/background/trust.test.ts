import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { briefingId, sourcePart } from '../../../src/ids';
import { LIMITS } from '../../../src/limits';
import { makePage, SENDERS } from '../../factories';
import { CWSB } from '../../fixtures/store/dataset';
import { type BackgroundService, ok, refused, send, testService } from '../../service';

const service = (factory = new IDBFactory()) => testService({ indexedDB: factory });
type Service = BackgroundService;
const exported = async (svc: Service) => JSON.parse((await ok(svc, { type: 'exportUserData' })).json);

/** A briefing on the Children's Wellbeing and Schools Bill (shipped) for one stage. */
const briefingText = (clause7: string, date = '1 May 2025') => `LGA briefing: Children’s Wellbeing and Schools Bill

Report Stage, House of Lords, ${date}

Key messages

  • ${clause7}
`;

const committee = makePage({ billId: CWSB, house: 'commons', stage: 'committee', date: '2025-02-11' });
const lookupClause7 = async (svc: Service) =>
  (
    await ok(
      svc,
      { type: 'lookup', page: committee, references: [{ kind: 'clause', number: '7' }] },
      SENDERS.contentScript(),
    )
  ).matches[0];

describe('ids: one per source file', () => {
  it.each([
    ['stem.txt', 'stem'],
    ['stem.html', 'stem.html%'],
    ['stem', 'stem%'],
    ['stem.html.txt', 'stem.html'],
    ['50%.txt', '50%25'],
    ['folder/stem.txt', 'stem'],
  ])('%s -> %s', (source, part) => {
    expect(sourcePart(source)).toBe(part);
  });

  it('never gives two file names one id', () => {
    const names = [
      'a.txt',
      'a.html',
      'a',
      'a.',
      'a.txt.txt',
      'a.html.txt',
      'a%.txt',
      'a%25.txt',
      'a%',
      '.txt',
      'x.TXT',
    ];
    const ids = names.map((name) => briefingId('bill', name, 0));
    expect(new Set(ids).size).toBe(names.length);
  });

  it('keeps stem.txt and stem.html apart: each is listed, removed and exported on its own', async () => {
    const svc = service();
    await ok(svc, { type: 'addBriefing', fileName: 'stem.txt', text: briefingText('We oppose clause 7.') });
    await ok(svc, { type: 'addBriefing', fileName: 'stem.html', text: briefingText('We support clause 7.') });
    const user = (await lookupClause7(svc))?.positions.filter((m) => m.briefing.userAdded) ?? [];
    expect(user.map((m) => m.briefing.source).sort()).toEqual(['stem.html', 'stem.txt']);
    expect(new Set(user.map((m) => m.position.id)).size).toBe(2);

    expect(await ok(svc, { type: 'removeBriefing', source: 'stem.html' })).toEqual({ removed: 1, corrections: 0 });
    const left = (await lookupClause7(svc))?.positions.filter((m) => m.briefing.userAdded) ?? [];
    expect(left.map((m) => m.briefing.source)).toEqual(['stem.txt']);
    expect((await exported(svc)).briefings.map((b: { source: string }) => b.source)).toEqual(['stem.txt']);
    expect(await ok(svc, { type: 'removeBriefing', source: 'stem.txt' })).toEqual({ removed: 1, corrections: 0 });
    expect((await exported(svc)).briefings).toEqual([]);
  });
});

describe('replacing asks first and says what it replaces', () => {
  it('refuses to save over a file already added until told, naming it; then replaces it', async () => {
    const svc = service();
    await ok(svc, { type: 'addBriefing', fileName: 'mine.txt', text: briefingText('We oppose clause 7.') });
    const reply = await refused(svc, {
      type: 'addBriefing',
      fileName: 'mine.txt',
      text: briefingText('We support clause 7.'),
    });
    expect(reply.error).toMatch(
      /nothing was saved: it would replace "mine\.txt" \(Children’s Wellbeing and Schools Bill, 1 stage, added/,
    );
    expect(reply).toMatchObject({ replaces: [{ source: 'mine.txt', briefings: 1 }] });
    expect((await exported(svc)).briefings[0].text).toContain('We oppose clause 7.');

    const saved = await ok(svc, {
      type: 'addBriefing',
      fileName: 'mine.txt',
      text: briefingText('We support clause 7.'),
      replace: true,
    });
    expect(saved.replaced).toMatchObject([{ source: 'mine.txt', by: 'name' }]);
    expect((await exported(svc)).briefings[0].text).toContain('We support clause 7.');
  });

  it('refuses an import naming a source already added until told, listing it; nothing changes meanwhile', async () => {
    const svc = service();
    await ok(svc, { type: 'addBriefing', fileName: 'mine.txt', text: briefingText('We oppose clause 7.') });
    const before = await exported(svc);
    const file = JSON.stringify({
      ...before,
      briefings: [
        { source: 'mine.txt', text: briefingText('We support clause 7.'), addedAt: '2026-11-22T10:00:00.000Z' },
        { source: 'new.txt', text: briefingText('We welcome clause 7.'), addedAt: '2026-11-22T10:00:00.000Z' },
      ],
    });
    const reply = await refused(svc, { type: 'importUserData', json: file });
    expect(reply.error).toMatch(/nothing was changed[\s\S]*it would replace a briefing you added: "mine\.txt"/);
    expect(reply).toMatchObject({ replaces: [{ source: 'mine.txt' }] });
    expect((await exported(svc)).briefings).toEqual(before.briefings);
    const done = await ok(svc, { type: 'importUserData', json: file, replace: true });
    expect(done).toMatchObject({ briefings: 2, replaced: [{ source: 'mine.txt' }] });
  });
});

describe('one size limit for export and import', () => {
  it('refuses an import that would make an export too large to import again, and changes nothing', async () => {
    const svc = service();
    const file = (key: string, megabytes: number) =>
      JSON.stringify({
        format: 'lga-positions-user-data',
        formatVersion: 1,
        exportedAt: '',
        briefings: [],
        userData: [{ key, value: 'x'.repeat(megabytes * 1024 * 1024) }],
      });
    expect(await ok(svc, { type: 'importUserData', json: file('first', 30) })).toMatchObject({ briefings: 0 });
    const reply = await refused(svc, { type: 'importUserData', json: file('second', 30) });
    expect(reply.error).toMatch(
      /nothing was changed: your data would come to 60 MB, over the 50 MB an export may hold/,
    );
    // The reason alone rides beside it, for a page that says "nothing was changed" in its own sentence.
    expect(reply.unchanged).toMatch(/^your data would come to 60 MB, over the 50 MB an export may hold/);
    const { json } = await ok(svc, { type: 'exportUserData' });
    expect(JSON.parse(json).userData.map((r: { key: string }) => r.key)).toEqual(['first']);
    expect(new TextEncoder().encode(json).length).toBeLessThanOrEqual(LIMITS.userDataBytes);
    expect(await ok(service(), { type: 'importUserData', json })).toMatchObject({ briefings: 0 });
  }, 60_000);

  it.each([
    ['empty', '', /json must not be empty|not JSON/],
    ['not JSON', '{"format": ', /import failed, nothing was changed:\nnot JSON: /],
    [
      'nested too deeply',
      `{"format":"lga-positions-user-data","formatVersion":1,"briefings":[],"userData":[{"key":"k","value":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`,
      /import failed, nothing was changed:\n(userData\[0\]\.value is nested more than 32 levels deep|the file could not be read)/,
    ],
    [
      'a source with a folder',
      JSON.stringify({
        format: 'lga-positions-user-data',
        formatVersion: 1,
        briefings: [{ source: 'a/b.txt', text: 'x', addedAt: '2026-01-01T00:00:00Z' }],
      }),
      /must be a file name, without a folder/,
    ],
  ])('says why an import is refused (%s) and that nothing was changed', async (_case, json, problem) => {
    const svc = service();
    await ok(svc, { type: 'addBriefing', fileName: 'mine.txt', text: briefingText('We oppose clause 7.') });
    const before = await exported(svc);
    const reply = await refused(svc, { type: 'importUserData', json });
    expect(reply.error).toMatch(problem);
    expect(reply.error).not.toMatch(/RangeError/);
    expect((await exported(svc)).briefings).toEqual(before.briefings);
  });

  it('a refused import carries its reasons apart from the words that nothing was changed, written once', async () => {
    const svc = service();
    const reply = await refused(svc, { type: 'importUserData', json: '{"format": ' });
    expect(reply.unchanged).toMatch(/^not JSON: /);
    expect(reply.error).toBe(`import failed, nothing was changed:\n${reply.unchanged}`);
    // A refusal that is not about the reader's data (a malformed request) carries none.
    expect((await refused(svc, { type: 'importUserData', json: 7 })).unchanged).toBeUndefined();
  });
});

describe('the reader’s positions beside the LGA’s', () => {
  it('never ranks a position the reader added before the LGA’s own on the same provision', async () => {
    const svc = service();
    const shipped = (await lookupClause7(svc))?.positions.map((m) => m.position.id) ?? [];
    expect(shipped.length).toBeGreaterThan(0);
    // A briefing for the page's own stage and day, which would otherwise rank first.
    const planted = `LGA briefing: Children’s Wellbeing and Schools Bill

Committee Stage, House of Commons, 11 February 2025

Key messages

  • We oppose clause 7 entirely.
`;
    await ok(svc, { type: 'addBriefing', fileName: 'planted.txt', text: planted });
    const positions = (await lookupClause7(svc))?.positions ?? [];
    expect(positions.map((m) => m.briefing.userAdded)).toEqual([...shipped.map(() => false), true]);
    expect(positions.at(-1)?.applies).toBe('applies');
  });
});

describe('a briefing too big to show whole', () => {
  it('bounds what a lookup sends for one provision, and says how many more there are', async () => {
    const svc = service();
    const bullets = Array.from({ length: 21_001 }, (_, i) => `  • Point ${i}: we oppose clause 7.`).join('\n');
    const text = `LGA briefing: Children’s Wellbeing and Schools Bill\n\nCommittee Stage, House of Commons, 11 February 2025\n\nKey messages\n\n${bullets}\n`;
    expect(text.length).toBeLessThan(1_000_000);
    await ok(svc, { type: 'addBriefing', fileName: 'huge.txt', text });
    const reply = await send(
      svc,
      { type: 'lookup', page: committee, references: [{ kind: 'clause', number: '7' }] },
      SENDERS.contentScript(),
    );
    const bytes = JSON.stringify(reply).length;
    expect(bytes).toBeLessThan(50_000);
    const match = (reply as Extract<typeof reply, { ok: true }>).data.matches[0];
    const fromHuge = match?.positions.filter((m) => m.briefing.source === 'huge.txt') ?? [];
    expect(fromHuge).toHaveLength(LIMITS.positionsPerBriefing);
    expect(match?.positions.length).toBeLessThanOrEqual(LIMITS.positionsPerReference);
    expect(match?.more).toBe(21_001 - LIMITS.positionsPerBriefing);
    expect(match?.positions.slice(0, -LIMITS.positionsPerBriefing).every((m) => !m.briefing.userAdded)).toBe(true);
  }, 60_000);
});
