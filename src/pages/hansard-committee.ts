/**
 * A Public Bill Committee sitting on Hansard (`…/ChildrenSWellbeingAndSchoolsBill(FourteenthSitting)`): always the
 * Commons committee stage; the sitting is the stage label.
 */
import { resolveBill } from '../bills/index';
import type { BillRecord } from '../model';
import { billContext, cleanBillTitle, dateFromText, queryFirst, textOf } from './context';
import {
  HANSARD_SELECTORS,
  HANSARD_SKIP,
  type HansardUrl,
  parseHansardUrl,
  SITTING_SLUG,
  volumeDate,
} from './hansard-common';
import { sittingLabelFromSlug } from './stage';
import type { PageAdapter, PageUnderstanding } from './types';

export const hansardCommitteeSitting: PageAdapter = {
  id: 'hansard-committee-sitting',
  hosts: ['hansard.parliament.uk'],
  claim(url) {
    const parsed = parseHansardUrl(url);
    return parsed && SITTING_SLUG.test(parsed.slug) ? (doc, bills) => readSitting(doc, parsed, bills) : null;
  },
};

function readSitting(doc: Document, parsed: HansardUrl, bills: readonly BillRecord[]): PageUnderstanding | null {
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
}
