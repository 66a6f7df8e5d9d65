/**
 * A Public Bill Committee sitting on Hansard (`…/ChildrenSWellbeingAndSchoolsBill(FourteenthSitting)`): always the
 * Commons committee stage; the sitting is the stage label.
 */
import { resolveBill } from '../bills/index';
import { billContext, cleanBillTitle, dateFromText, queryFirst, textOf } from './context';
import { HANSARD_SELECTORS, HANSARD_SKIP, parseHansardUrl, SITTING_SLUG, volumeDate } from './hansard-common';
import { sittingLabelFromSlug } from './stage';
import type { PageAdapter } from './types';

export const hansardCommitteeSitting: PageAdapter = {
  id: 'hansard-committee-sitting',
  hosts: ['hansard.parliament.uk'],
  examples: [
    'https://hansard.parliament.uk/Commons/2025-02-11/debates/9bc2d589-0744-404f-bfd0-a4bf986e4e23/ChildrenSWellbeingAndSchoolsBill(FourteenthSitting)',
    'https://hansard.parliament.uk/commons/2025-02-11/debates/9BC2D589-0744-404F-BFD0-A4BF986E4E23/ChildrenSWellbeingAndSchoolsBill(FourteenthSitting)#contribution-5B0C1D2E-3F40-4152-8637-48596A7B8C9D',
    'https://hansard.parliament.uk/Commons/2016-12-13/debates/1A2B3C4D-5E6F-4071-8293-A4B5C6D7E8F9/ChildrenAndSocialWorkBill(Lords)(SecondSitting)',
    'https://hansard.parliament.uk/Commons/2025-01-28/debates/2B3C4D5E-6F70-4182-93A4-B5C6D7E8F901/ChildrenSWellbeingAndSchoolsBill(TwentyFirstSitting)',
  ],
  matches(url) {
    const parsed = parseHansardUrl(url);
    return parsed !== null && SITTING_SLUG.test(parsed.slug);
  },
  understand(doc, url, bills) {
    const parsed = parseHansardUrl(url);
    if (!parsed) return null;
    const heading = textOf(queryFirst(doc, HANSARD_SELECTORS.title));
    const slugTitle = parsed.slug.replace(SITTING_SLUG, '');
    const record = resolveBill(cleanBillTitle(heading), bills) ?? resolveBill(slugTitle, bills);
    const title = heading || record?.title || slugTitle;
    const content = queryFirst(doc, HANSARD_SELECTORS.content);
    if (!content) return null;
    return {
      adapter: hansardCommitteeSitting.id,
      sections: [
        {
          context: billContext(
            title,
            bills,
            {
              house: 'commons',
              stage: 'committee',
              stageLabel: sittingLabelFromSlug(parsed.slug),
              date: parsed.date ?? dateFromText(volumeDate(doc) ?? ''),
            },
            record,
          ),
          roots: [content],
          clauseHeadings: [...content.querySelectorAll(HANSARD_SELECTORS.clauseHeadings)],
          skip: HANSARD_SKIP,
        },
      ],
    };
  },
};
