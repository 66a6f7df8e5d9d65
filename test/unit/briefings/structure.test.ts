import { describe, expect, it } from 'vitest';
import { compileBriefing } from '../../../src/briefings/compile';
import type { BillRecord } from '../../../src/model';

const compile = (text: string, bills: BillRecord[] = []) => compileBriefing(text, 'user/My briefing.txt', bills);

describe('page structure', () => {
  it('reads every stage section of a bill titled with [HL] (the marker is not part of the name)', () => {
    const result = compile(`Data Protection Bill [HL]

Data Protection Bill, Report Stage, House of Lords, 10 January 2018

Key messages

  • We support clause 3.

Data Protection Bill, Second Reading, House of Lords, 10 October 2017

Key messages

  • We are concerned about clause 4.
`);
    expect(result.errors).toEqual([]);
    expect(result.briefings.map((b) => [b.house, b.stage, b.dates])).toEqual([
      ['lords', 'report', ['2018-01-10']],
      ['lords', 'second-reading', ['2017-10-10']],
    ]);
    expect(result.positions.map((p) => p.refs.map((r) => `${r.number} ${r.stance}`))).toEqual([
      ['3 support'],
      ['4 concern'],
    ]);
  });

  it('reads the stage from prose when the title names none (2025+ pages)', () => {
    const result = compile(`Planning and Infrastructure Bill

This briefing has been prepared ahead of the second reading of the Bill in the House of Commons on 2 September 2025.

Key messages

  • We welcome clause 5.
`);
    expect(result.warnings).toEqual([]);
    expect(result.briefings[0]).toMatchObject({
      house: 'commons',
      stage: 'second-reading',
      dates: ['2025-09-02'],
      line: 1,
    });
    expect(result.bill).toMatchObject({ id: 'planning-and-infrastructure-bill', originatingHouse: null });
  });

  it('completes a yearless date from the neighbouring sections and keeps document order', () => {
    const result = compile(`Test Bill

House of Lords, Report Stage, 3 January 2017

Key messages

  • We support clause 1.

House of Lords, Committee Stage, Tuesday 20 December

Key messages

  • We support clause 2.
`);
    expect(result.briefings.map((b) => [b.stage, b.dates])).toEqual([
      ['report', ['2017-01-03']],
      ['committee', ['2016-12-20']],
    ]);
  });

  it('joins wrapped bullet lines, nests bullets and uses paragraphs only where a part has no bullets', () => {
    const result = compile(`Test Bill, Committee Stage, House of Commons, 8 June 2022

Key messages

  • The Bill makes changes including:
    • new powers on empty homes, which are encouraging
  • We support clause 2
    and clause 3.

Background

We are concerned about Part 2 of the Bill.

Contact

Jo Bloggs
Email: [email protected]
`);
    expect(result.positions.map((p) => [p.line, p.part, p.text, p.stance])).toEqual([
      [5, 'key-messages', 'The Bill makes changes including:', 'neutral'],
      [6, 'key-messages', 'new powers on empty homes, which are encouraging', 'support'],
      [7, 'key-messages', 'We support clause 2 and clause 3.', 'support'],
      [12, 'background', 'We are concerned about Part 2 of the Bill.', 'concern'],
    ]);
  });

  it('takes a bill from the registry by any of its names, ids from the file name', () => {
    const registry: BillRecord = {
      id: 'childrens-wellbeing-and-schools-bill',
      title: "Children's Wellbeing and Schools Bill",
      aliases: [],
      parliamentId: 3909,
      originatingHouse: 'commons',
      actTitle: null,
      session: '2024-26',
    };
    const result = compile(
      'LGA Briefing: Children’s Wellbeing and Schools Bill, Report Stage, House of Lords, 1 May 2025\n\nKey messages\n\n  • We support clause 1.\n',
      [registry],
    );
    expect(result.bill).toBe(registry);
    expect(result.briefings[0]!.id).toBe('childrens-wellbeing-and-schools-bill/My briefing/0');
    expect(result.positions[0]!.id).toBe('childrens-wellbeing-and-schools-bill/My briefing/0/0');
  });

  it('skips the PDF link title after a download line but not the next stage heading', () => {
    const result = compile(`Test Bill

Third Reading, House of Lords, 23 November 2016

Key messages

  • We support clause 29.

Download the full briefing
LGA Briefing: LGA Test Bill, Third Reading, House of Lords, 23 November 2016

Report Stage, House of Lords, 8 November 2016

Key messages

  • We support clause 30.

Download the full briefing

Second Reading, House of Lords, 1 November 2016

Key messages

  • We support clause 31.
`);
    expect(result.errors).toEqual([]);
    expect(result.briefings.map((b) => b.line)).toEqual([3, 12, 20]);
  });
});
