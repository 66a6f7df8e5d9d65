import { describe, expect, it } from 'vitest';
import type { Position } from '../../../src/model';
import {
  buildSearchIndex,
  loadSearchIndex,
  queryReferences,
  searchPositions,
  serializeSearchIndex,
  splitQuery,
} from '../../../src/search';
import { makeBill, makeBriefing, makePosition, makeRef } from '../../factories';
import { BILLS, BRIEFINGS, CSWB, CWSB, POSITIONS } from '../../fixtures/store/dataset';

const index = buildSearchIndex({ bills: BILLS, briefings: BRIEFINGS, positions: POSITIONS });
const byId = new Map(POSITIONS.map((p) => [p.id, p]));
const found = (query: string, limit?: number): Position[] =>
  searchPositions(index, query, limit).map((hit) => byId.get(hit.id)!);
const briefingOf = (p: Position) => BRIEFINGS.find((b) => b.id === p.briefingId)!;
const onClause = (n: string) => (p: Position) => p.refs.some((r) => r.kind === 'clause' && r.number === n);

describe('search', () => {
  it('finds positions of both seed bills for "corporate parenting"', () => {
    expect(new Set(found('corporate parenting').map((p) => p.billId))).toEqual(new Set([CWSB, CSWB]));
  });

  it.each(['corparate parenting', 'corporat', 'parentng'])('tolerates typos and unfinished words: %s', (query) => {
    const hits = found(query);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((p) => /corporate parenting/i.test(p.text))).toBe(true);
  });

  it('ranks the positions on clause 7 first for "clause 7", CWSB ones among them', () => {
    const hits = found('clause 7');
    const onSeven = POSITIONS.filter(onClause('7'));
    const top = hits.slice(0, onSeven.length);
    expect(top.every(onClause('7'))).toBe(true);
    expect(top.filter((p) => p.billId === CWSB)).toHaveLength(2);
    // A position that only mentions a 7 elsewhere (or clause 17, 27...) does not come first.
    expect(hits.slice(0, onSeven.length).map((p) => p.id)).not.toContain(POSITIONS[6]?.id);
  });

  it.each(['clause 8', 'clause 7', 'Clauses 8 and 9', 'amendment 61'])(
    'a reference alone finds the positions naming it and no others: "%s"',
    (query) => {
      const refs = queryReferences(query);
      const names = (p: Position) => p.refs.some((r) => refs.some((q) => q.kind === r.kind && q.number === r.number));
      const hits = found(query, 500);
      // Not a briefing dated the 8th, nor a position naming another clause: the phrase is not searched as words.
      expect(hits.length).toBe(POSITIONS.filter(names).length);
      expect(hits.every(names)).toBe(true);
    },
  );

  it('says which references asked for each hit names, apart from the words that matched', () => {
    const [hit] = searchPositions(index, 'clause 7 funding', 1);
    expect(hit?.refs).toEqual([{ kind: 'clause', number: '7' }]);
    expect(hit?.terms).not.toContain('clause-7');
    const [words] = searchPositions(index, 'corporate parenting', 1);
    expect(words?.refs).toEqual([]);
  });

  it('finds references written in other ways: "clauses 25 and 26", "amendment 61", "cl 29"', () => {
    expect(found('clauses 25 and 26', 1).map((p) => p.refs.map((r) => r.number))).toEqual([['25', '26']]);
    expect(found('amendment 61', 1)[0]?.refs.map((r) => `${r.kind} ${r.number}`)).toContain('amendment 61');
    expect(found('cl 29', 1)[0]?.refs.map((r) => r.number)).toEqual(['29']);
  });

  it.each([
    ['oppose', (p: Position) => p.stance === 'oppose' || p.refs.some((r) => r.stance === 'oppose')],
    [
      'concerns',
      (p: Position) => [p.stance, ...p.refs.map((r) => r.stance)].some((s) => s === 'concern' || s === 'mixed'),
    ],
  ])('finds by stance word "%s"', (query, hasStance) => {
    const hits = found(query);
    expect(hits.length).toBeGreaterThan(0);
    expect(hasStance(hits[0]!)).toBe(true);
  });

  const takes = (p: Position, stances: readonly string[]) =>
    [p.stance, ...p.refs.map((r) => r.stance)].some((s) => stances.includes(s));

  it.each([
    ['oppose', ['oppose']],
    ['opposes', ['oppose']],
    ['opposed', ['oppose']],
    ['concerned', ['concern']],
    ['concern', ['concern']],
    ['supports', ['support']],
    ['support', ['support']],
    ['mixed', ['mixed']],
    ['reservations', ['mixed']],
    ['supports with reservations', ['mixed']],
    ['Opposes OR concerned', ['oppose', 'concern']],
  ])('a stance word filters by stance: "%s" keeps only positions taking %j', (query, stances) => {
    const hits = found(query, 500);
    const expected = POSITIONS.filter((p) => takes(p, stances));
    expect(hits.length).toBe(expected.length);
    expect(hits.every((p) => takes(p, stances))).toBe(true);
  });

  it('a stance word with other words: the words search text, the stance filters', () => {
    const hits = found('concerned resourcing', 500);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((p) => takes(p, ['concern']) && /resourc/i.test(p.text))).toBe(true);
    // The same words without the stance find a mixed position too ("appropriately funded"): the stance filtered it.
    expect(found('mixed funded', 500).every((p) => takes(p, ['mixed']))).toBe(true);
    expect(found('concerned funded', 500).some((p) => /funded/.test(p.text) && !takes(p, ['concern']))).toBe(false);
    const onClause = found('opposes clause 32', 500);
    expect(onClause.every((p) => takes(p, ['oppose']))).toBe(true);
  });

  it('keeps positions the reader corrected for the caller to judge', () => {
    const supportOnly = POSITIONS.find((p) => !takes(p, ['oppose']))!;
    const hits = searchPositions(index, 'oppose', 500, { corrected: new Set([supportOnly.id]) });
    expect(hits.map((h) => h.id)).toContain(supportOnly.id);
  });

  it.each([
    ['report stage lords', 'lords report'],
    ['remaining stages', 'commons remaining-stages'],
    ['second reading commons', 'commons second-reading'],
  ])('finds by stage and House words: "%s"', (query, expected) => {
    const hits = found(query);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((p) => `${briefingOf(p).house} ${briefingOf(p).stage}` === expected)).toBe(true);
  });

  it('finds by bill, by any of its names', () => {
    expect(new Set(found('Social Work Act').map((p) => p.billId))).toEqual(new Set([CSWB]));
  });

  it('returns nothing for an empty query or words found nowhere', () => {
    expect(found('   ')).toEqual([]);
    expect(found('zzzqqq')).toEqual([]);
  });

  it('answers the same after a round trip through JSON', () => {
    const reloaded = loadSearchIndex(serializeSearchIndex(index));
    // Matched terms may come back in another order; the hits and their scores may not.
    const comparable = (query: string, from: typeof index) =>
      searchPositions(from, query).map((hit) => ({ ...hit, terms: [...hit.terms].sort() }));
    for (const query of ['corporate parenting', 'clause 7', 'corparate', 'oppose']) {
      expect(comparable(query, reloaded)).toEqual(comparable(query, index));
    }
  });
});

describe('splitQuery: the references, looked up exactly, and the other words', () => {
  it.each([
    ['clause 8', ['clause 8'], ''],
    ['clause 8 funding', ['clause 8'], 'funding'],
    ['home education clauses 25-26', ['clause 25', 'clause 26'], 'home education'],
    ['opposes amendment 172a', ['amendment 172A'], 'opposes'],
    ['corporate parenting', [], 'corporate parenting'],
    ['8 January', [], '8 January'],
  ])('%j', (query, refs, words) => {
    const split = splitQuery(query);
    expect(split.refs.map((r) => `${r.kind} ${r.number}`)).toEqual(refs);
    expect(split.words).toBe(words);
  });
});

describe('queryReferences', () => {
  it.each([
    ['clause 7', ['clause 7']],
    ['Clauses 25-26 home education', ['clause 25', 'clause 26']],
    ['clauses 8 and 9', ['clause 8', 'clause 9']],
    ['new clause 10', ['new-clause 10']],
    ['amendment 172A', ['amendment 172A']],
    // A reader types the letter in lower case; the grammar reads bills' upper case: the query is read by the key rule.
    ['amendment 172a', ['amendment 172A']],
    ['amendments 172a and 172A', ['amendment 172A']],
    ['2nd reading clause 7', ['clause 7']],
    ['Schedule 2, Part 1', ['schedule 2', 'part 1']],
    ['corporate parenting', []],
  ])('%s', (query, expected) => {
    expect(queryReferences(query).map((r) => `${r.kind} ${r.number}`)).toEqual(expected);
  });
});

describe('a lettered provision is one reference whatever the case of its letter', () => {
  const stage = makeBriefing();
  const onAmendment = (index: number, number: string) => {
    const text = `We support amendment ${number}.`;
    return makePosition(stage, index, { text, refs: [makeRef(text, 'amendment', number, 'support')] });
  };
  // Two positions on the amendment, its letter written either way (a reader's own briefing may write `172a`), and one
  // that names a different amendment but has the words `amendment` and `172a` in its text.
  const positions = [
    makePosition(stage, 0, {
      text: 'Amendment 61 would change paragraph 172a of the code; the amendment is welcome.',
      refs: [makeRef('Amendment 61', 'amendment', '61', 'support')],
    }),
    onAmendment(1, '172A'),
    onAmendment(2, '172a'),
  ];
  const lettered = buildSearchIndex({ bills: [makeBill()], briefings: [stage], positions });

  it.each(['amendment 172A', 'amendment 172a', 'Amendment 172A support'])('"%s" ranks both first', (query) => {
    const hits = searchPositions(lettered, query).map((hit) => hit.id);
    expect(new Set(hits.slice(0, 2))).toEqual(new Set([positions[1]!.id, positions[2]!.id]));
  });
});
