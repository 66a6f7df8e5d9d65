/**
 * A Hansard page for one debate on a bill, in either chamber or Grand Committee
 * (`/Commons/2025-03-17/debates/<id>/Children’SWellbeingAndSchoolsBill`, `…/ChildrenAndSocialWorkBill(HL)`,
 * `…/<id>/details`). The bill is the page's title; the stage is the procedure line after it (`Report (2nd Day)`).
 */
import { resolveBill } from '../bills/index';
import type { Stage } from '../model';
import { billContext, cleanBillTitle, dateFromText, isBillTitle, queryFirst, textOf } from './context';
import {
  daySlug,
  HANSARD_SELECTORS,
  HANSARD_SKIP,
  parseHansardUrl,
  SITTING_SLUG,
  stageFromItems,
  volumeDate,
} from './hansard-common';
import type { PageAdapter } from './types';

/** Where the breadcrumb says the debate sat, when no stage line says which stage it is. */
const PLACE_STAGES: ReadonlyArray<readonly [RegExp, Stage, string]> = [
  [/grand committee/i, 'committee', 'Grand Committee'],
  [/westminster hall/i, 'other', 'Westminster Hall'],
];

export const hansardDebate: PageAdapter = {
  id: 'hansard-debate',
  hosts: ['hansard.parliament.uk'],
  examples: [
    'https://hansard.parliament.uk/Commons/2025-03-17/debates/E5BB116A-6FBA-4758-9E0D-276C81369B21/Children’SWellbeingAndSchoolsBill',
    'https://hansard.parliament.uk/commons/2025-03-17/debates/e5bb116a-6fba-4758-9e0d-276c81369b21/Children%E2%80%99SWellbeingAndSchoolsBill',
    'https://hansard.parliament.uk/Lords/2026-02-09/debates/DD497F1C-E058-4049-99C2-F8B8FA31AC1A/Children’SWellbeingAndSchoolsBill#contribution-0E6C2D1A-3B4F-4A5B-9C8D-7E6F5A4B3C2D',
    'https://hansard.parliament.uk/Lords/2016-10-18/debates/6F1F2C5A-9B0E-4E0F-A1C2-3D4E5F60718A/ChildrenAndSocialWorkBill(HL)',
    'https://hansard.parliament.uk/Lords/2016-11-08/debates/5ABC82B8-3486-474C-8A9A-9445BBCD382E/details',
    'https://hansard.parliament.uk/Lords/2016-06-29/debates/4D1DAC39-C880-46E0-A365-EC2EBB271474/ChildrenAndSocialWorkBill(HL)',
  ],
  matches(url) {
    const parsed = parseHansardUrl(url);
    return parsed !== null && daySlug(parsed.slug) === null && !SITTING_SLUG.test(parsed.slug);
  },
  understand(doc, url, bills) {
    const parsed = parseHansardUrl(url);
    if (!parsed) return null;
    const heading = textOf(queryFirst(doc, HANSARD_SELECTORS.title));
    const fromSlug = parsed.slug.toLowerCase() === 'details' ? null : resolveBill(parsed.slug, bills);
    const title = heading || fromSlug?.title || null;
    if (!title || !(isBillTitle(title, bills) || fromSlug)) return null;
    const content = queryFirst(doc, HANSARD_SELECTORS.content);
    if (!content) return null;
    const stated = stageFromItems([...content.querySelectorAll(HANSARD_SELECTORS.item)]);
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
          clauseHeadings: [...content.querySelectorAll(HANSARD_SELECTORS.clauseHeadings)],
          skip: HANSARD_SKIP,
        },
      ],
    };
  },
};
