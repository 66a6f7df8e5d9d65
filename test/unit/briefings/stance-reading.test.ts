/**
 * Stance reading, case by case, from the labelling rules of ../shared/corpus/labels/stance-dev.json (its `note`):
 * support; mixed = support plus a condition, ask or worry; concern = worry, criticism or an ask alone; oppose =
 * against it, or wanting it removed / not to stand part; neutral = no view stated. A reference's stance is the LGA's
 * stance on that provision. The sentences are written for this test (none is copied from a briefing).
 *
 * Each row: text, the position's stance, its deciding words (`decidedBy`, in text order), and per reference its
 * stance and deciding words.
 */
import { describe, expect, it } from 'vitest';
import { compileBriefing } from '../../../src/briefings/compile';
import { analysePosition } from '../../../src/briefings/position-refs';
import type { Span, Stance } from '../../../src/model';

type RefRow = [ref: string, stance: Stance, words: string[]];
type Row = [rule: string, text: string, stance: Stance, words: string[], refs: RefRow[]];

const words = (text: string, spans: readonly Span[]) => spans.map((span) => text.slice(span.start, span.end));

const ROWS: Row[] = [
  // --- support, and descriptions that state no view ------------------------------------------------------------
  [
    'support',
    'We welcome the new duty on councils in clause 4.',
    'support',
    ['welcome'],
    [['clause 4', 'support', ['welcome']]],
  ],
  [
    'a description is neutral',
    'Clause 15 places a new duty on councils to publish a plan every three years.',
    'neutral',
    [],
    [['clause 15', 'neutral', []]],
  ],
  [
    'a bare verb is support only where the LGA speaks',
    'Councils already support thousands of young carers under Part 4.',
    'neutral',
    [],
    [['part 4', 'neutral', []]],
  ],
  [
    '`positive` describing something else is no judgement',
    'The strategy in clause 16 sets out a positive vision for rural transport.',
    'neutral',
    [],
    [['clause 16', 'neutral', []]],
  ],
  [
    'wanting the bill passed is support, not an ask',
    'The Bill must be passed without delay, as the current arrangements are failing residents.',
    'support',
    ['must be passed'],
    [],
  ],

  [
    'a judgement word of its own (`important step forward`)',
    'The new licensing scheme [Clause 8] is an important step forward for councils.',
    'support',
    ['important step forward'],
    [['clause 8', 'support', ['important step forward']]],
  ],
  [
    'agreeing that something is needed is support, not an ask',
    'We agree with the Government that the duty in clause 2 is needed.',
    'support',
    ['We agree with'],
    [['clause 2', 'support', ['We agree with']]],
  ],
  [
    '`opposed to`',
    'We are opposed to clause 4.',
    'oppose',
    ['We are opposed to'],
    [['clause 4', 'oppose', ['We are opposed to']]],
  ],
  [
    '`reservations`',
    'The LGA has serious reservations about Part 5.',
    'concern',
    ['serious reservations'],
    [['part 5', 'concern', ['serious reservations']]],
  ],

  // --- asks ---------------------------------------------------------------------------------------------------
  [
    '`should` alone is an ask: concern',
    'The Government should publish guidance on clause 8 before it commences.',
    'concern',
    ['should'],
    [['clause 8', 'concern', ['should']]],
  ],
  [
    '`needs to`',
    'The Government needs to set out how clause 27 will be paid for.',
    'concern',
    ['needs to'],
    [['clause 27', 'concern', ['needs to']]],
  ],
  [
    '`we would like to see`',
    'We would like to see clause 19 extended to district councils.',
    'concern',
    ['would like to see'],
    [['clause 19', 'concern', ['would like to see']]],
  ],
  [
    'support plus `it is important that`',
    'We welcome Part 2. It is important that the new boards include council leaders.',
    'mixed',
    ['welcome', 'It is important'],
    [['part 2', 'mixed', ['welcome', 'It is important']]],
  ],
  [
    'support plus `must be fully funded`, later in the paragraph',
    'We support the new register in clause 21. Councils hold most of the data already. The register must be fully funded.',
    'mixed',
    ['We support', 'must be fully funded'],
    [['clause 21', 'mixed', ['We support', 'must be fully funded']]],
  ],
  [
    'an ask the backed amendment answers is no reservation',
    'Any review must include councils. We therefore support amendment 33, which would require this.',
    'support',
    ['support'],
    [['amendment 33', 'support', ['support']]],
  ],

  // --- reservations -------------------------------------------------------------------------------------------
  [
    '`However`',
    'We support clause 2. However, the duty must be fully funded.',
    'mixed',
    ['We support', 'must be fully funded'],
    [['clause 2', 'mixed', ['We support', 'must be fully funded']]],
  ],
  [
    '`but` with no cue word after it',
    'The register in clause 5 is helpful, but it will only reach a small number of children.',
    'mixed',
    ['is helpful', 'but'],
    [['clause 5', 'mixed', ['is helpful', 'but']]],
  ],
  [
    'a concession (`although …`) before support',
    'Although the scheme will only reach some families, we welcome clause 6.',
    'mixed',
    ['Although', 'welcome'],
    [['clause 6', 'mixed', ['Although', 'welcome']]],
  ],
  [
    '`while … we`',
    'While the aims of clause 22 are welcome, we are worried about the timetable.',
    'mixed',
    ['welcome', 'worried'],
    [['clause 22', 'mixed', ['welcome', 'worried']]],
  ],
  [
    'a paragraph that opens on a turn pushes back',
    'However, the Bill leaves the choice of enforcement body in clause 40 to the Secretary of State.',
    'concern',
    ['However'],
    [['clause 40', 'concern', ['However']]],
  ],

  // --- negation -----------------------------------------------------------------------------------------------
  [
    '`do not support`',
    'We do not support clause 10.',
    'oppose',
    ['do not support'],
    [['clause 10', 'oppose', ['do not support']]],
  ],
  [
    '`no longer` turns support round',
    'We no longer support the proposals in Part 3.',
    'oppose',
    ['no longer support'],
    [['part 3', 'oppose', ['no longer support']]],
  ],
  [
    '`not convinced`',
    'We are not convinced that the powers in clause 11 will work in practice.',
    'concern',
    ['not convinced'],
    [['clause 11', 'concern', ['not convinced']]],
  ],
  [
    '`not … sufficient`',
    'The money announced is not sufficient to meet the new duties in clause 14.',
    'concern',
    ['not sufficient'],
    [['clause 14', 'concern', ['not sufficient']]],
  ],
  [
    'a negated judgement is a concern',
    'The cap in clause 17 is not helpful to councils with large rural areas.',
    'concern',
    ['is not helpful'],
    [['clause 17', 'concern', ['is not helpful']]],
  ],

  // --- removal and stand part ---------------------------------------------------------------------------------
  [
    'backing an amendment that leaves a clause out',
    'We back amendment 12, which would leave out clause 20.',
    'oppose',
    ['We back'],
    [
      ['amendment 12', 'support', ['We back']],
      ['clause 20', 'oppose', ['We back', 'leave out']],
    ],
  ],
  [
    'removal named in the next sentence',
    'We support amendment 8. This would remove clause 31 from the Bill.',
    'oppose',
    ['We support'],
    [
      ['amendment 8', 'support', ['We support']],
      ['clause 31', 'oppose', ['We support', 'remove']],
    ],
  ],
  [
    'worry, then backing a removal, is opposition',
    'We are worried that clause 35 gives ministers sweeping powers. We urge Peers to accept amendment 90 to remove clause 35.',
    'oppose',
    ['urge Peers to accept'],
    [
      ['clause 35', 'oppose', ['urge Peers to accept', 'remove']],
      ['amendment 90', 'support', ['urge Peers to accept']],
    ],
  ],
  [
    'stand part',
    'We urge Members to oppose the question that clause 7 stand part of the Bill.',
    'oppose',
    ['urge'],
    [['clause 7', 'oppose', ['urge', 'question that']]],
  ],
  [
    'against a removal is support',
    'We oppose the removal of clause 29, which gives councils room to test new approaches.',
    'support',
    ['We oppose the removal of'],
    [['clause 29', 'support', ['We oppose the removal of']]],
  ],

  // --- amendments and the clauses they change -------------------------------------------------------------------
  [
    'support for an amendment to a clause is a concern about the clause',
    'We support amendment 46 to clause 6, so that councils are consulted first.',
    'support',
    ['We support'],
    [
      ['amendment 46', 'support', ['We support']],
      ['clause 6', 'concern', ['We support', 'amendment 46 to']],
    ],
  ],
  [
    'each provision takes the words that govern it',
    'We welcome clause 3 but are concerned about clause 4.',
    'mixed',
    ['welcome', 'concerned'],
    [
      ['clause 3', 'support', ['welcome']],
      ['clause 4', 'concern', ['concerned']],
    ],
  ],
  [
    'support for the bill does not carry to an amendment in a later turn',
    'The reforms in the Bill are a positive step. However, safeguards are needed for amendment 70.',
    'mixed',
    ['positive step', 'are needed'],
    [['amendment 70', 'concern', ['are needed']]],
  ],
  [
    'an amendment borrows its stance from the anaphoric sentence after it',
    'Amendment 9 would give councils a duty to consult. This would be a positive change.',
    'support',
    ['positive change'],
    [['amendment 9', 'support', ['positive change']]],
  ],
  [
    'an amendment set aside (`rather than`)',
    'Rather than the new panel proposed in amendment 21, we would like to see councils lead the reviews.',
    'concern',
    ['would like to see'],
    [['amendment 21', 'oppose', ['Rather than']]],
  ],
  [
    'sharing the concern an amendment voices supports it',
    'We share the concerns raised in amendment 40 about the cost of the duty.',
    'concern',
    ['share the concerns'],
    [['amendment 40', 'support', ['share the concerns']]],
  ],
  [
    'arguing an amendment is unneeded rejects it',
    'Amendment 18 would add a second inspection regime. Existing law already provides adequate oversight of these services.',
    'oppose',
    ['already provides adequate'],
    [['amendment 18', 'oppose', ['already provides adequate']]],
  ],
  [
    'an objection stated first outweighs agreement with an argument after it',
    'We oppose amendment 5, which would cap the fees councils may charge. We support the committee finding that fees must reflect costs.',
    'oppose',
    ['We oppose'],
    [['amendment 5', 'oppose', ['We oppose']]],
  ],
];

describe('stance reading, rule by rule', () => {
  it.each(ROWS)('%s', (_rule, text, stance, positionWords, refRows) => {
    const read = analysePosition(text);
    expect({ stance: read.stance, words: words(text, read.decidedBy) }).toEqual({ stance, words: positionWords });
    const byRef = Object.fromEntries(
      read.refs.map((ref) => [`${ref.kind} ${ref.number}`, [ref.stance, words(text, ref.decidedBy)]]),
    );
    expect(byRef).toEqual(Object.fromEntries(refRows.map(([ref, s, w]) => [ref, [s, w]])));
    // The caveat is the reservation's sentence, for mixed and concern positions only.
    if (read.stance === 'mixed' || read.stance === 'concern') expect(read.caveat).not.toBeNull();
    else expect(read.caveat).toBeNull();
  });
});

describe('list lead-ins', () => {
  const compile = (body: string) =>
    compileBriefing(
      `Example Bill, Second Reading, House of Commons, 3 March 2025\n\nKey messages\n\n${body}`,
      'x.txt',
      [],
    );

  it.each<[string, string, Array<[Stance, string | null]>]>([
    [
      'nested bullets inherit a lead-in bullet’s stance; an ask of their own under support makes them mixed',
      '  • We support the following measures in the Bill:\n    • the register in clause 3;\n    • the new inspection powers in clause 4, which must be funded.\n  • Clause 9 sets a deadline.\n',
      [
        ['support', null],
        ['support', 'clause 3 support'],
        ['mixed', 'clause 4 mixed'],
        ['neutral', 'clause 9 neutral'],
      ],
    ],
    [
      'bullets under a lead-in paragraph inherit its stance',
      'We are concerned about several measures, including:\n\n  • the new levy in clause 12\n  • the timetable for Part 2\n',
      [
        ['concern', null],
        ['concern', 'clause 12 concern'],
        ['concern', 'part 2 concern'],
      ],
    ],
    [
      'a neutral lead-in passes nothing on',
      '  • The Bill makes changes including:\n    • a duty in clause 5\n',
      [
        ['neutral', null],
        ['neutral', 'clause 5 neutral'],
      ],
    ],
  ])('%s', (_rule, body, expected) => {
    const result = compile(body);
    expect(result.errors).toEqual([]);
    expect(
      result.positions.map((p) => [
        p.stance,
        p.refs.map((r) => `${r.kind} ${r.number} ${r.stance}`).join(', ') || null,
      ]),
    ).toEqual(expected);
  });
});
