/**
 * The shapes of LGA briefing pages, one short page each, written from ../shared/docs/lga-briefings.md and from the
 * failures measured on unseen pages (issue 13): where the title is, how stage and dates are given, how positions are
 * laid out. Each names the bill, stage sections and positions a reader takes from it. Used by variants.test.ts and
 * by `npm run score:briefings`.
 */

export interface Variant {
  name: string;
  text: string;
  bill: string;
  /** [house, stage, dates] per section, in page order. */
  sections: Array<[string | null, string | null, string[]]>;
  /** The start of each position's text, in page order (every section's). */
  positions: string[];
  /** True when the page is odd enough that the compiler should say so (a warning), though it reads it. */
  warns?: boolean;
}

const KEY = 'Key messages';

export const VARIANTS: readonly Variant[] = [
  {
    name: 'title: bill, stage, house, date',
    text: `Levelling Up and Regeneration Bill, Report Stage, House of Lords, 11 July 2023\n\n${KEY}\n\n  • We support clause 5.\n`,
    bill: 'Levelling Up and Regeneration Bill',
    sections: [['lords', 'report', ['2023-07-11']]],
    positions: ['We support clause 5.'],
  },
  {
    name: 'title: house before stage, weekday',
    text: `Bus Services Bill, House of Commons, Committee Stage, Tuesday 14 March 2017\n\n${KEY}\n\n  • We oppose clause 21.\n`,
    bill: 'Bus Services Bill',
    sections: [['commons', 'committee', ['2017-03-14']]],
    positions: ['We oppose clause 21.'],
  },
  {
    name: 'title: no commas, several days over two months',
    text: `Domestic Abuse Bill Committee Stage House of Lords - 25 and 27 January; 1, 3 and 8 February 2021\n\n${KEY}\n\n  • We welcome Part 4.\n`,
    bill: 'Domestic Abuse Bill',
    sections: [['lords', 'committee', ['2021-01-25', '2021-01-27', '2021-02-01', '2021-02-03', '2021-02-08']]],
    positions: ['We welcome Part 4.'],
  },
  {
    name: 'title: `LGA briefing:` line with house and stage, the bill on the next line',
    text: `LGA briefing: House of Lords Second Reading

Renters’ Rights Bill

The Bill will give councils new enforcement duties.

${KEY}

  • We support the abolition of section 21 evictions.
  • New enforcement duties must be fully funded.
`,
    bill: 'Renters’ Rights Bill',
    sections: [['lords', 'second-reading', []]],
    positions: ['We support the abolition', 'New enforcement duties'],
  },
  {
    name: 'title: stage first, then the bill',
    text: `Second Reading: Crime and Policing Bill, House of Commons, 10 March 2025\n\n${KEY}\n\n  • We support the new respect orders.\n`,
    bill: 'Crime and Policing Bill',
    sections: [['commons', 'second-reading', ['2025-03-10']]],
    positions: ['We support the new respect orders.'],
  },
  {
    name: 'standfirst paragraph before the title',
    text: `Local government plays an important role in keeping communities safe, and councils want the powers to do so.

Crime and Policing Bill, Report Stage, House of Commons, 17 June 2025

${KEY}

  • We welcome the measures on antisocial behaviour [Clause 1].
`,
    bill: 'Crime and Policing Bill',
    sections: [['commons', 'report', ['2025-06-17']]],
    positions: ['We welcome the measures on antisocial'],
  },
  {
    name: 'no title: standfirst, then prose naming the bill and the stage',
    text: `Local government plays an important role in planning for new homes and infrastructure.

This briefing includes LGA views and identifies areas of concern in the Planning and Infrastructure Bill ahead of its Second Reading in the House of Lords on 24 June 2025.

${KEY}

  • We support the aim of the Planning and Infrastructure Bill to speed up the delivery of infrastructure.
  • Councils must be able to set planning fees locally.
`,
    bill: 'Planning and Infrastructure Bill',
    sections: [['lords', 'second-reading', ['2025-06-24']]],
    positions: ['We support the aim of the Planning', 'Councils must be able to set'],
    warns: true,
  },
  {
    name: '`This briefing includes LGA views …` first: never the bill title',
    text: `This briefing includes LGA views and key messages ahead of the second reading of the Bill in the House of Commons on 2 September 2025

The English Devolution and Community Empowerment Bill was introduced on 10 July 2025.

${KEY}

  • We welcome the English Devolution and Community Empowerment Bill.
  • The Bill must give councils the funding to deliver the new duties.
`,
    bill: 'English Devolution and Community Empowerment Bill',
    sections: [['commons', 'second-reading', ['2025-09-02']]],
    positions: ['We welcome the English Devolution', 'The Bill must give councils'],
    warns: true,
  },
  {
    name: 'Royal Assent summary: `A factual summary of the … Bill`',
    text: `A factual summary of the Levelling-up and Regeneration Bill

The Levelling-up and Regeneration Bill received Royal Assent on 26 October 2023. At second reading, we set out our views on the Bill.

${KEY}

  • The Act places a duty on the Government to set levelling up missions [Part 1].
  • We welcome the new powers for councils to charge council tax premiums on second homes.
`,
    bill: 'Levelling-up and Regeneration Bill',
    sections: [[null, 'royal-assent', ['2023-10-26']]],
    positions: ['The Act places a duty', 'We welcome the new powers'],
    warns: true,
  },
  {
    name: 'Royal Assent in the title',
    text: `Victims and Prisoners Bill: Royal Assent, 24 May 2024\n\n${KEY}\n\n  • We welcome the duty to collaborate [Clause 13].\n`,
    bill: 'Victims and Prisoners Bill',
    sections: [[null, 'royal-assent', ['2024-05-24']]],
    positions: ['We welcome the duty to collaborate'],
  },
  {
    name: "draft bill's pre-legislative scrutiny: stage `other`, not a committee",
    text: `Draft Mental Health Bill, pre-legislative scrutiny, Joint Committee, 27 September 2022\n\n${KEY}\n\n  • We support the aims of the draft Bill.\n`,
    bill: 'Draft Mental Health Bill',
    sections: [[null, 'other', ['2022-09-27']]],
    positions: ['We support the aims of the draft Bill.'],
  },
  {
    name: 'draft bill named alone: stage `other`',
    text: `Draft Victims Bill\n\nThe LGA welcomes the opportunity to respond to the Justice Committee.\n\n${KEY}\n\n  • Councils need funding for new duties.\n`,
    bill: 'Draft Victims Bill',
    sections: [[null, 'other', []]],
    positions: ['Councils need funding for new duties.'],
  },
  {
    name: 'date on the line after the title',
    text: `Local Government Finance Bill, Report Stage, House of Commons\n26 January 2015\n\n${KEY}\n\n  • We welcome clause 2.\n`,
    bill: 'Local Government Finance Bill',
    sections: [['commons', 'report', ['2015-01-26']]],
    positions: ['We welcome clause 2.'],
  },
  {
    name: 'stage only in prose (2025+)',
    text: `Planning and Infrastructure Bill

This briefing has been prepared ahead of the second reading of the Bill in the House of Commons on 2 September 2025.

${KEY}

  • We welcome clause 5.
`,
    bill: 'Planning and Infrastructure Bill',
    sections: [['commons', 'second-reading', ['2025-09-02']]],
    positions: ['We welcome clause 5.'],
  },
  {
    name: 'stage in prose: `ahead of Report Stage in the Lords`',
    text: `Children’s Wellbeing and Schools Bill\n\nThe LGA has prepared this briefing ahead of Report Stage in the Lords on 9 September 2025.\n\n${KEY}\n\n  • We support clause 7.\n`,
    bill: 'Children’s Wellbeing and Schools Bill',
    sections: [['lords', 'report', ['2025-09-09']]],
    positions: ['We support clause 7.'],
  },
  {
    name: 'multi-stage page: sections newest first, a date on the next line, a yearless date',
    text: `Deregulation Bill

House of Lords, Report Stage
3 March 2015

${KEY}

  • We support clause 9.

Download the full briefing
LGA briefing: Deregulation Bill, House of Lords, Report Stage, 3 March 2015

House of Lords, Committee Stage, Monday 2 February

${KEY}

  • We are concerned about clause 40.

House of Lords, Second Reading
22 July 2014

${KEY}

  • We welcome the Bill.
`,
    bill: 'Deregulation Bill',
    sections: [
      ['lords', 'report', ['2015-03-03']],
      ['lords', 'committee', ['2015-02-02']],
      ['lords', 'second-reading', ['2014-07-22']],
    ],
    positions: ['We support clause 9.', 'We are concerned about clause 40.', 'We welcome the Bill.'],
  },
  {
    name: 'multi-stage page: `Lords`/`Commons` alone, a stage heading with the bill, no download line between',
    text: `Housing and Planning Bill

Lords Report Stage, 11 April 2016

${KEY}

  • We oppose clause 72.

Housing and Planning Bill, Commons Committee Stage, 1 December 2015

${KEY}

  • We support clause 1.
`,
    bill: 'Housing and Planning Bill',
    sections: [
      ['lords', 'report', ['2016-04-11']],
      ['commons', 'committee', ['2015-12-01']],
    ],
    positions: ['We oppose clause 72.', 'We support clause 1.'],
  },
  {
    name: 'multi-stage page: a stage alone over its date, and a heading right after a download line',
    text: `Policing and Crime Bill

Third Reading
House of Lords, 31 January 2017

${KEY}

  • We welcome clause 1.

Download the full briefing

Policing and Crime Bill, Report Stage, House of Lords, 13 December 2016

${KEY}

  • We support clause 6.
`,
    bill: 'Policing and Crime Bill',
    sections: [
      ['lords', 'third-reading', ['2017-01-31']],
      ['lords', 'report', ['2016-12-13']],
    ],
    positions: ['We welcome clause 1.', 'We support clause 6.'],
  },
  {
    name: 'multi-stage page: an unrecognised stage heading still splits at the next `Key messages`',
    text: `Enterprise Bill

Consideration of Commons amendments, House of Lords, 2 March 2016

${KEY}

  • We support amendment 5.

Lords stages

${KEY}

  • We are concerned about Part 4.
`,
    bill: 'Enterprise Bill',
    sections: [
      ['lords', 'consideration-of-amendments', ['2016-03-02']],
      ['lords', null, []],
    ],
    positions: ['We support amendment 5.', 'We are concerned about Part 4.'],
    warns: true,
  },
  {
    name: 'paragraphs under `Key messages`, no bullets',
    text: `Cities and Local Government Devolution Bill, Second Reading, House of Commons, 14 October 2015

${KEY}

The Bill is a positive step for devolution.

We urge the Government to clarify clause 2.
`,
    bill: 'Cities and Local Government Devolution Bill',
    sections: [['commons', 'second-reading', ['2015-10-14']]],
    positions: ['The Bill is a positive step', 'We urge the Government to clarify'],
  },
  {
    name: 'paragraphs under `Introduction` and `Executive summary`',
    text: `Schools Bill, Second Reading, House of Lords, 23 May 2022

Introduction

The Schools Bill was introduced in the House of Lords on 11 May 2022.

Executive summary

We support the aim of a fully trust-led system.

Councils must keep their role in admissions [Part 2].

About the Local Government Association

The LGA is the national voice of local government.
`,
    bill: 'Schools Bill',
    sections: [['lords', 'second-reading', ['2022-05-23']]],
    positions: ['The Schools Bill was introduced', 'We support the aim of a fully', 'Councils must keep their role'],
  },
  {
    name: 'dash lists',
    text: `Fire Safety Bill: Second Reading, House of Commons, 29 April 2020

${KEY}

- We welcome the introduction of the Bill.
- The Government must fund the new duties in clause 1.

Background

- Councils enforce the Fire Safety Order.
`,
    bill: 'Fire Safety Bill',
    sections: [['commons', 'second-reading', ['2020-04-29']]],
    positions: ['We welcome the introduction', 'The Government must fund', 'Councils enforce the Fire'],
  },
  {
    name: 'numbered list',
    text: `Tobacco and Vapes Bill, Committee Stage, House of Commons, 7 January 2025

${KEY}

1. We support the generational smoking ban [Clause 1].
2. Trading standards need new burdens funding.
`,
    bill: 'Tobacco and Vapes Bill',
    sections: [['commons', 'committee', ['2025-01-07']]],
    positions: ['We support the generational', 'Trading standards need'],
  },
  {
    name: 'a lead-in paragraph and the list items it opens',
    text: `Employment Rights Bill, Second Reading, House of Lords, 10 March 2025

${KEY}

We support the aim of the Bill to improve working conditions, including:

  • the new duties on fair pay for adult social care workers [Part 1];
  • the School Support Staff Negotiating Body.

Councils must be funded for the costs of the Bill.
`,
    bill: 'Employment Rights Bill',
    sections: [['lords', 'second-reading', ['2025-03-10']]],
    positions: [
      'We support the aim of the Bill',
      'the new duties on fair pay',
      'the School Support Staff',
      'Councils must be funded',
    ],
  },
  {
    name: 'pasted list items without bullet marks after a lead-in',
    text: `Employment Rights Bill, Report Stage, House of Lords, 14 July 2025

${KEY}

We support measures in the Bill including:
Fair Pay Agreements for adult social care
Better enforcement of employment rights

We are concerned about the cost of Part 3.
`,
    bill: 'Employment Rights Bill',
    sections: [['lords', 'report', ['2025-07-14']]],
    positions: [
      'We support measures in the Bill',
      'Fair Pay Agreements',
      'Better enforcement',
      'We are concerned about the cost',
    ],
  },
  {
    name: 'page read from the DOM: breadcrumbs, date stamp, share links, topics, contact, related content',
    text: `Home › Parliament › Briefings and responses
Parliamentary briefing
Published 5 February 2024
Victims and Prisoners Bill, Report Stage, House of Lords, 5 February 2024

Councils want to support victims of crime.

Share this page
Twitter
Facebook
LinkedIn
Email

${KEY}

  • We support the duty to collaborate [Clause 13].

Contact

Jo Bloggs
Public Affairs and Campaigns Adviser
Email: jo.bloggs@local.gov.uk

Related content
Victims and Prisoners Bill, Second Reading, House of Commons
`,
    bill: 'Victims and Prisoners Bill',
    sections: [['lords', 'report', ['2024-02-05']]],
    positions: ['We support the duty to collaborate'],
  },
  {
    name: 'title with a `(Amendment)` and an `[HL]` marker',
    text: `The Mental Capacity (Amendment) Bill [HL], Public Bill Committee: House of Commons, 15 January 2019\n\n${KEY}\n\n  • We support clause 1.\n`,
    bill: 'Mental Capacity (Amendment) Bill [HL]',
    sections: [['commons', 'committee', ['2019-01-15']]],
    positions: ['We support clause 1.'],
  },
  {
    name: 'a `Date:` line under the title',
    text: `Renters (Reform) Bill, Report Stage, House of Commons\nDate: 24 April 2024\n\n${KEY}\n\n  • We support clause 1.\n`,
    bill: 'Renters (Reform) Bill',
    sections: [['commons', 'report', ['2024-04-24']]],
    positions: ['We support clause 1.'],
  },
  {
    name: 'Lords amendments are considered in the Commons (no House written)',
    text: `Health and Care Bill: Consideration of Lords amendments, 30 March 2022\n\n${KEY}\n\n  • We support Lords amendment 29.\n`,
    bill: 'Health and Care Bill',
    sections: [['commons', 'consideration-of-amendments', ['2022-03-30']]],
    positions: ['We support Lords amendment 29.'],
  },
  {
    name: 'no part headings: a teaser, bullets, footnote links',
    text: `Non-Domestic Rating Bill, Second Reading, House of Commons, 6 June 2023

Councils welcome the Bill.

  • Councils welcome the Bill.
  • Revaluations every three years must be funded [Clause 1].

1 https://www.gov.uk/government/publications/business-rates-review
`,
    bill: 'Non-Domestic Rating Bill',
    sections: [['commons', 'second-reading', ['2023-06-06']]],
    positions: ['Councils welcome the Bill.', 'Revaluations every three years'],
  },
  {
    name: 'multi-stage page: a bill renamed between stages keeps its sections apart',
    text: `Renters’ Rights Bill

Renters’ Rights Bill, Report Stage, House of Lords, 14 July 2025

${KEY}

  • We support clause 3.

Renters (Reform) Bill, Second Reading, House of Commons, 23 October 2023

${KEY}

  • We support clause 2.
`,
    bill: 'Renters’ Rights Bill',
    sections: [
      ['lords', 'report', ['2025-07-14']],
      ['commons', 'second-reading', ['2023-10-23']],
    ],
    positions: ['We support clause 3.', 'We support clause 2.'],
  },
  {
    name: 'a banner naming another bill above the title',
    text: `Read our latest briefing on the English Devolution and Community Empowerment Bill

Children’s Wellbeing and Schools Bill, Report Stage, House of Lords, 9 September 2025

${KEY}

  • We support clause 7.
`,
    bill: 'Children’s Wellbeing and Schools Bill',
    sections: [['lords', 'report', ['2025-09-09']]],
    positions: ['We support clause 7.'],
  },
  {
    name: 'the date only in the opening prose',
    text: `Deregulation Bill, Report Stage, House of Commons

This briefing is for the debate on 26 January 2015. The Bill was introduced on 23 January 2014.

${KEY}

  • We support clause 9.
`,
    bill: 'Deregulation Bill',
    sections: [['commons', 'report', ['2015-01-26']]],
    positions: ['We support clause 9.'],
  },
];
