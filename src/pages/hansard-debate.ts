/**
 * A Hansard page for one debate on a bill, in either chamber or Grand Committee
 * (`/Commons/2025-03-17/debates/<id>/Children’SWellbeingAndSchoolsBill`, `…/ChildrenAndSocialWorkBill(HL)`,
 * `…/<id>/details`). The bill is the page's title; the stage is the procedure line after it (`Report (2nd Day)`).
 */
import { resolveBill } from '../bills/index';
import type { BillRecord, Stage } from '../model';
import { billContext, cleanBillTitle, dateFromText, isBillTitle, queryFirst, textOf } from './context';
import {
  daySlug,
  HANSARD_SELECTORS,
  HANSARD_SKIP,
  type HansardUrl,
  parseHansardUrl,
  SITTING_SLUG,
  stageFromItems,
  volumeDate,
} from './hansard-common';
import type { PageAdapter, PageUnderstanding } from './types';

/** Where the breadcrumb says the debate sat, when no stage line says which stage it is. */
const PLACE_STAGES: ReadonlyArray<readonly [RegExp, Stage, string]> = [
  [/grand committee/i, 'committee', 'Grand Committee'],
  [/westminster hall/i, 'other', 'Westminster Hall'],
];

export const hansardDebate: PageAdapter = {
  id: 'hansard-debate',
  hosts: ['hansard.parliament.uk'],
  claim(url) {
    const parsed = parseHansardUrl(url);
    if (!parsed || daySlug(parsed.slug) !== null || SITTING_SLUG.test(parsed.slug)) return null;
    return (doc, bills) => readDebate(doc, parsed, bills);
  },
};

function readDebate(doc: Document, parsed: HansardUrl, bills: readonly BillRecord[]): PageUnderstanding | null {
  const heading = textOf(queryFirst(doc, HANSARD_SELECTORS.title));
  const fromSlug = parsed.slug.toLowerCase() === 'details' ? null : resolveBill(parsed.slug, bills);
  const title = heading || fromSlug?.title || null;
  if (!title || !(isBillTitle(title, bills) || fromSlug)) return null;
  const content = queryFirst(doc, HANSARD_SELECTORS.content);
  if (!content) return null;
  // The NodeList as it is: the stage is read from the first few items, so only those become objects.
  const stated = stageFromItems(content.querySelectorAll(HANSARD_SELECTORS.item));
  const place = textOf(doc.querySelector(HANSARD_SELECTORS.breadcrumbLast));
  const placed = PLACE_STAGES.find(([pattern]) => pattern.test(place));
  const record = resolveBill(cleanBillTitle(title), bills) ?? fromSlug;
  return {
    adapter: hansardDebate.id,
    sections: [
      {
        context: billContext(
          title,
          bills,
          {
            house: parsed.house,
            stage: stated?.stage ?? placed?.[1] ?? null,
            stageLabel: stated?.label ?? placed?.[2] ?? null,
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
