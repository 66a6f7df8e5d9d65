import { describe, expect, it } from 'vitest';
import { analysePosition } from '../../../src/briefings/position-refs';
import { decideStance, findCues } from '../../../src/briefings/stance';

describe('whole-text stance from the cue table', () => {
  it.each([
    ['We support the creation of a statutory definition.', 'support', 'we support'],
    ['The LGA strongly supports the requirement.', 'support', 'lga strongly supports'],
    ['We are pleased that the Government has listened to our call for SRE.', 'support', 'we are pleased'],
    ['This is a positive step.', 'support', 'positive step'],
    ['The provision is helpful.', 'support', 'is helpful'],
    ['Proposals to drive decision making are encouraging.', 'support', 'are encouraging'],
    ['We are deeply concerned that the measures give powers.', 'concern', 'deeply concerned'],
    ['We are disappointed that the Bill does not include powers.', 'concern', 'disappointed'],
    ['This risks politicising the process.', 'concern', 'risks'],
    ['We oppose Amendment 24.', 'oppose', 'we oppose'],
    ['We do not support this measure.', 'oppose', 'do not support'],
    ['We would like to see the Bill amended.', 'concern', 'would like to see'],
    ['Proposals are welcome, but we must ensure these duties are appropriately funded.', 'mixed', 'welcome + we must'],
    [
      'The LGA supports this general approach, but we are concerned that the Panel risks politicising it.',
      'mixed',
      'lga supports + concerned',
    ],
    ['We welcome the additional funding, but a significant funding gap remains.', 'mixed', 'welcome + funding gap'],
    ['Every area will have a duty to establish a unit.', 'neutral', null],
    // Cue words that state no stance.
    ['Children at risk of entering the care system will be offered a conference.', 'neutral', null],
    ['Schools in a category causing concern will no longer be converted.', 'neutral', null],
    ['This new duty will support improved outcomes.', 'neutral', null],
  ])('%s -> %s', (text, stance, cue) => {
    expect(decideStance(findCues(text))).toMatchObject({ stance, cue });
  });

  it('lets the longest cue win where cues overlap', () => {
    expect(findCues('We do not support it').map((c) => [c.kind, c.text])).toEqual([['oppose', 'do not support']]);
  });
});

describe('stance per reference, from the sentence(s) carrying it', () => {
  const stanceOf = (text: string) =>
    Object.fromEntries(analysePosition(text).refs.map((r) => [`${r.kind} ${r.number}`, r.stance]));

  it.each([
    [
      'we urge the Government to accept amendment 66 to remove clause 32 from the Bill.',
      { 'amendment 66': 'support', 'clause 32': 'oppose' },
    ],
    [
      'We welcome the ability to test new ways of working and do not agree with the removal of clause 29.',
      { 'clause 29': 'support' },
    ],
    [
      'The LGA does not oppose the additional freedoms available through clause 29; however, we understand the need for greater safeguards to be introduced.',
      { 'clause 29': 'mixed' },
    ],
    [
      'Proposals to improve support for care leavers are welcome [Clause 7], but we must learn from previous experience and ensure these duties are appropriately funded.',
      { 'clause 7': 'mixed' },
    ],
    // A reference in a sentence of its own takes that sentence's stance, not the bullet's.
    ['We are concerned about clause 3. We support clause 4.', { 'clause 3': 'concern', 'clause 4': 'support' }],
    // `However, …` brings in the sentence before it.
    [
      'This is a positive step. However, clauses 15 to 16 must be fully funded.',
      { 'clause 15': 'mixed', 'clause 16': 'mixed' },
    ],
    // A cue-less sentence borrows from an anaphoric one after it.
    [
      'The Bill creates a duty [Clause 3]. We recognise the value in this, though have concerns about funding.',
      { 'clause 3': 'mixed' },
    ],
    ['We support Amendment 1. This would remove Clause 22.', { 'amendment 1': 'support', 'clause 22': 'oppose' }],
    [
      'We support the intention to oppose the question that clauses 11 to 12 stand part of the Bill.',
      { 'clause 11': 'oppose', 'clause 12': 'oppose' },
    ],
  ])('%s', (text, expected) => {
    expect(stanceOf(text)).toEqual(expected);
  });

  it('records evidence and mention spans inside the text', () => {
    const text = 'The Bill does many things. We welcome clause 5. It also has Part 2.';
    const { refs } = analysePosition(text);
    const clause5 = refs.find((r) => r.kind === 'clause')!;
    expect(text.slice(clause5.mention.start, clause5.mention.end)).toBe('clause 5');
    expect(text.slice(clause5.evidence.start, clause5.evidence.end)).toBe('We welcome clause 5.');
  });
});

describe('the deciding words and the caveat on each record', () => {
  const words = (text: string, spans: readonly { start: number; end: number }[]) =>
    spans.map((span) => text.slice(span.start, span.end));

  it.each([
    [
      'We welcome clause 5. However, it must be fully funded.',
      ['welcome', 'must be fully funded'],
      'However, it must be fully funded.',
    ],
    ['We support clause 5.', ['We support'], null],
    ['The Bill creates a duty in clause 5.', [], null],
    ['We are deeply concerned about clause 5.', ['deeply concerned'], 'We are deeply concerned about clause 5.'],
  ])('%s', (text, decidedBy, caveat) => {
    const analysed = analysePosition(text);
    expect(words(text, analysed.decidedBy)).toEqual(decidedBy);
    expect(analysed.caveat ? text.slice(analysed.caveat.start, analysed.caveat.end) : null).toBe(caveat);
    for (const ref of analysed.refs) {
      // Every deciding span lies inside the text, in text order.
      const starts = ref.decidedBy.map((span) => span.start);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      for (const span of ref.decidedBy) expect(span.end).toBeLessThanOrEqual(text.length);
      expect(ref.decidedBy.length > 0).toBe(ref.cue !== null);
    }
  });
});
