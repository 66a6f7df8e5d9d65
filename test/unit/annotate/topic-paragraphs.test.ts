// @vitest-environment happy-dom
/**
 * The content script's side of topic links: the paragraphs read from a section (a Hansard debate page's markup), and
 * numbered references keeping priority over topic links in the background's reply.
 */
import { describe, expect, it } from 'vitest';
import {
  TOPIC_PARAGRAPHS,
  topicParagraphs,
  topicsRequest,
  withoutShownPositions,
} from '../../../src/annotate/topic-paragraphs';
import type { TopicsReply } from '../../../src/messaging';
import type { Briefing, Position } from '../../../src/model';
import { CWSB_SECOND_READING } from '../../factories';

const DEBATE = `
<div class="debate-item debate-item-contributiondebateitem">
  <div class="contribution">
    <div class="primary-text">Jane Doe (Anytown) (Lab)</div>
    <p class="hs_Para"><span class="column-number">Column 12</span>Parents pay hundreds of pounds for school uniform when schools insist on branded items.</p>
    <p class="hs_Para">Hear, hear.</p>
    <p class="hs_Para">Clause 23 limits branded items; the Local Government Association has long asked for it.</p>
  </div>
</div>
<div class="debate-item"><div class="contribution"><p class="hs_Para">Free breakfast clubs will mean that no child starts the school day hungry.</p></div></div>`;

const context = CWSB_SECOND_READING;

describe('topic paragraphs', () => {
  it('reads each contribution paragraph once, in page order, leaving out short ones and our own UI', () => {
    document.body.innerHTML = DEBATE;
    const contributions = [...document.querySelectorAll('.contribution')];
    const ours = document.createElement('p');
    ours.setAttribute('data-lga-ui', '');
    ours.textContent = 'The LGA on this subject: a card the extension drew, not the speaker’s words.';
    contributions[0]?.append(ours);
    const roots = [...document.querySelectorAll('.debate-item'), contributions[0] as Element];
    const found = topicParagraphs(roots, (e) => e.hasAttribute('data-lga-ui'));
    expect(found.map((p) => p.text.trim().slice(0, 30).trim())).toEqual([
      'Column 12Parents pay hundreds',
      'Clause 23 limits branded items',
      'Free breakfast clubs will mean',
    ]);
    for (const p of found) expect(p.text.trim().length).toBeGreaterThanOrEqual(TOPIC_PARAGRAPHS.minChars);
    const request = topicsRequest(context, found);
    expect(request).toMatchObject({ type: 'topics', page: context });
    expect(request.type === 'topics' && request.paragraphs).toHaveLength(3);
  });
});

const position = (id: string): { position: Position; briefing: Briefing } => ({
  position: { id, briefingId: 'b' } as Position,
  briefing: { id: 'b' } as Briefing,
});

describe('numbered references keep priority', () => {
  const reply: TopicsReply = {
    billId: 'childrens-wellbeing-and-schools-bill',
    paragraphs: [
      {
        index: 0,
        links: [{ positionId: 'uniform', strength: 'direct', score: 4, terms: ['branded items'] }],
        lgaMentions: [],
        echoes: [],
      },
      {
        index: 1,
        links: [{ positionId: 'uniform', strength: 'direct', score: 3, terms: ['branded items'] }],
        lgaMentions: [{ start: 35, end: 63, text: 'Local Government Association' }],
        echoes: [],
      },
      {
        index: 2,
        links: [{ positionId: 'schools', strength: 'related', score: 1, terms: ['school places'] }],
        lgaMentions: [],
        echoes: [],
      },
    ],
    positions: [position('uniform'), position('schools')],
  };

  it.each<[string, Record<number, string[]>, { links: [number, string[]][]; positions: string[] }]>([
    [
      'nothing shown by references',
      {},
      {
        links: [
          [0, ['uniform']],
          [1, ['uniform']],
          [2, ['schools']],
        ],
        positions: ['uniform', 'schools'],
      },
    ],
    [
      'clause 23 shows the uniform position in paragraph 1',
      { 1: ['uniform'] },
      {
        links: [
          [0, ['uniform']],
          [1, []],
          [2, ['schools']],
        ],
        positions: ['uniform', 'schools'],
      },
    ],
    [
      'references show both where they are linked',
      { 0: ['uniform'], 1: ['uniform'], 2: ['schools'] },
      { links: [[1, []]], positions: [] },
    ],
  ])('%s', (_case, shown, want) => {
    const out = withoutShownPositions(reply, (i) => new Set(shown[i] ?? []));
    expect(out.paragraphs.map((p) => [p.index, p.links.map((l) => l.positionId)])).toEqual(want.links);
    expect(out.positions.map((p) => p.position.id)).toEqual(want.positions);
    // A mention stays whatever references show.
    expect(out.paragraphs.find((p) => p.index === 1)?.lgaMentions).toHaveLength(1);
  });
});
