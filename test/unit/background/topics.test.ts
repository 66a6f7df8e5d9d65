/**
 * The background's `topics` request on the real seed dataset: one section's paragraphs in, links (with their
 * positions and briefings), LGA mentions and echoes out; the bill's index follows the data when a briefing is added;
 * what a page can send is bounded.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/background/validate';
import { bundledDataset } from '../../../src/dataset';
import type { PageContext } from '../../../src/model';
import { makePage, SENDERS } from '../../factories';
import { type BackgroundService, send, testService } from '../../service';

const CWSB = 'childrens-wellbeing-and-schools-bill';

const service = () => testService({ dataset: bundledDataset, openTimeoutMs: 500 });

const topics = (svc: BackgroundService, page: PageContext, paragraphs: unknown) =>
  send(svc, { type: 'topics', page, paragraphs }, SENDERS.contentScript(1));

const page = (billId: string | null, bill: string | null = null): PageContext =>
  makePage({ bill, billId, house: 'commons', stage: 'second-reading', date: '2025-01-08' });

const UNIFORM =
  'Parents in my constituency pay hundreds of pounds for school uniform because schools insist on branded items from one supplier. The limit on branded items will bring that cost down.';
const BREAKFAST = 'Free breakfast clubs will mean that no child starts the school day hungry.';
const MENTION = 'The Local Government Association has briefed every Member on this.';
const MEALS =
  'Auto-enrolment for free school meals would reach every eligible family: councils already hold the data, and automatic enrolment would end the stigma of applying.';

const MEALS_BRIEFING = `LGA briefing: Children's Wellbeing and Schools Bill

Report Stage, House of Commons, 10 March 2025

Key messages

  • We call for auto-enrolment for free school meals, so that every eligible child receives them without their family having to apply.
`;

describe('topics request', () => {
  it('answers one section: links with their positions, mentions, nothing for an unbriefed subject', async () => {
    const svc = service();
    const reply = await topics(svc, page(CWSB), [UNIFORM, BREAKFAST, MENTION]);
    if (!reply.ok) throw new Error(reply.error);
    const { billId, paragraphs, positions } = reply.data;
    expect(billId).toBe(CWSB);
    expect(paragraphs.map((p) => p.index)).toEqual([0, 2]);
    const uniform = paragraphs[0]?.links[0];
    const position = positions.find((p) => p.position.id === uniform?.positionId);
    expect(position?.position.text).toContain('branded items in school uniform');
    expect(position?.briefing.id).toBe(position?.position.briefingId);
    expect(uniform?.terms.length).toBeGreaterThan(0);
    expect(paragraphs[1]?.lgaMentions.map((m) => m.text)).toEqual(['Local Government Association']);
    expect(paragraphs[1]?.links).toEqual([]);
  });

  it('on a page of a bill the dataset does not know, finds only mentions', async () => {
    const reply = await topics(service(), page(null, 'Bus Services Bill'), [UNIFORM, MENTION]);
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.data.billId).toBeNull();
    expect(reply.data.paragraphs.map((p) => [p.index, p.links.length, p.lgaMentions.length])).toEqual([[1, 0, 1]]);
    expect(reply.data.positions).toEqual([]);
  });

  it('a briefing added by the reader is linked from the next request (the kept index follows the data)', async () => {
    const svc = service();
    const before = await topics(svc, page(CWSB), [MEALS]);
    if (!before.ok) throw new Error(before.error);
    expect(before.data.paragraphs).toEqual([]);
    const added = await svc.handle(
      { type: 'addBriefing', fileName: 'meals.txt', text: MEALS_BRIEFING },
      SENDERS.optionsTab(),
    );
    expect(added.ok).toBe(true);
    const after = await topics(svc, page(CWSB), [MEALS]);
    if (!after.ok) throw new Error(after.error);
    const linked = after.data.positions.map((p) => p.position.text);
    expect(linked.some((t) => t.includes('auto-enrolment for free school meals'))).toBe(true);
  });

  it.each<[string, unknown, RegExp]>([
    ['paragraphs that are not an array', 'text', /paragraphs must be an array/],
    ['a paragraph that is not a string', ['ok', 42], /paragraphs\[1\] must be a string/],
    ['too many paragraphs', Array.from({ length: LIMITS.paragraphs + 1 }, () => 'x'), /too many paragraphs/],
    ['one paragraph over the limit', ['x'.repeat(LIMITS.paragraphChars + 1)], /paragraphs\[0\] is too long/],
    [
      'paragraphs over the limit in all',
      Array.from({ length: 100 }, () => 'x'.repeat(LIMITS.paragraphChars)),
      /too long in all/,
    ],
  ])('refuses %s', async (_case, paragraphs, problem) => {
    const reply = await topics(service(), page(CWSB), paragraphs);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(problem);
  });
});
