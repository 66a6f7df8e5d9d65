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
          skip: HANSARD_SKIP,
        },
      ],
    };
  },
};
