// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { lookUpSection } from '../../../src/annotate/section-lookup';
import type { BackgroundRequest } from '../../../src/messaging';
import type { Reference } from '../../../src/model';
import { makeBriefing, makeMatch, makePage, makePosition } from '../../factories';

const BRIEFING = makeBriefing();
const CLAUSE_7 = makeMatch(makePosition(BRIEFING, 0), BRIEFING);

/** A section of two paragraphs, a background that knows clause 7, and a run that is superseded at `supersededAt`. */
async function lookUp(supersededAt: 'never' | 'before the first slice' | 'during the lookup') {
  const roots = ['I rise to speak to Clause 7 and its purpose.', 'Turning to clause 9, the Minister said little.'].map(
    (text) => {
      const p = document.createElement('p');
      p.textContent = text;
      document.body.append(p);
      return p;
    },
  );
  let current = supersededAt !== 'before the first slice';
  const asked: Reference[][] = [];
  const send = async (request: BackgroundRequest) => {
    if (request.type !== 'lookup') throw new Error(`unexpected ${request.type}`);
    asked.push(request.references);
    if (supersededAt === 'during the lookup') current = false;
    return { ok: true, data: { matches: [{ kind: 'clause', number: '7', positions: [CLAUSE_7] }] } };
  };
  const busy: number[] = [];
  const found = await lookUpSection(window, { context: makePage(), roots }, send as never, {
    isCurrent: () => current,
    onBusy: (ms) => busy.push(ms),
    log: (message, error) => {
      throw new Error(`${message}: ${error}`);
    },
  });
  for (const root of roots) root.remove();
  return {
    asked: asked.map((refs) => refs.map((r) => `${r.kind} ${r.number}`)),
    roots: found?.roots.map((root) => root.refs.map((r) => r.text)) ?? null,
    matched: found ? [...found.matches.keys()] : null,
    sliced: busy.length > 0,
  };
}

describe("one section's references and what the LGA says of them", () => {
  it.each([
    [
      'a current run: every root scanned, one lookup of the distinct references',
      'never',
      { asked: [['clause 7', 'clause 9']], roots: [['Clause 7'], ['clause 9']], matched: ['clause:7'], sliced: true },
    ],
    [
      'a run superseded before its first slice: nothing scanned, nothing asked',
      'before the first slice',
      { asked: [], roots: null, matched: null, sliced: false },
    ],
    [
      'a run superseded while the background answers: no result to draw',
      'during the lookup',
      { asked: [['clause 7', 'clause 9']], roots: null, matched: null, sliced: true },
    ],
  ] as const)('%s', async (_name, supersededAt, expected) => {
    expect(await lookUp(supersededAt)).toEqual(expected);
  });
});
