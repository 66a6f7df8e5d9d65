/**
 * A Hansard whole-day page (`…/CommonsChamber`, `LordsChamber`, `WestminsterHall`, `GrandCommittee`): several debates,
 * one `.child-debate` with its own heading each. Only sections headed by a bill are returned, each with its own
 * stage (read from the procedure items after the heading); the rest of the day is left alone.
 */
import type { BillRecord } from '../model';
import { billContext, dateFromText, isBillTitle, queryFirst, textOf } from './context';
import {
  daySlug,
  HANSARD_SELECTORS,
  HANSARD_SKIP,
  leadingItems,
  parseHansardUrl,
  stageFromItems,
  volumeDate,
} from './hansard-common';
import type { PageAdapter, PageSection } from './types';

export const hansardDay: PageAdapter = {
  id: 'hansard-day',
  hosts: ['hansard.parliament.uk'],
  examples: [
    'https://hansard.parliament.uk/commons/2020-01-09/debates/f558af45-2e9e-4f22-9692-ae71794a6469/CommonsChamber',
    'https://hansard.parliament.uk/Commons/2020-01-09/debates/F558AF45-2E9E-4F22-9692-AE71794A6469/CommonsChamber#contribution-4910D36D-4D88-49EF-9966-A4F9135A7ACB',
    'https://hansard.parliament.uk/Lords/2016-10-18/debates/0B5E9E4C-5D6B-4D37-9C1B-6C9E2F3E7A11/LordsChamber',
    'https://hansard.parliament.uk/Commons/2025-01-15/debates/3C1A1B1E-0F1D-4B0B-8E8B-2A4D5C6E7F80/WestminsterHall',
    'https://hansard.parliament.uk/Lords/2016-06-29/debates/7A1B2C3D-4E5F-4061-8A9B-0C1D2E3F4A5B/GrandCommittee',
  ],
  matches(url) {
    const parsed = parseHansardUrl(url);
    return parsed !== null && daySlug(parsed.slug) !== null;
  },
  understand(doc, url, bills) {
    const parsed = parseHansardUrl(url);
    const place = parsed ? daySlug(parsed.slug) : null;
    if (!parsed || !place) return null;
    const date = parsed.date ?? dateFromText(volumeDate(doc) ?? '');
    const content = queryFirst(doc, HANSARD_SELECTORS.content) ?? doc.body;
    if (!content) return null;
    const sections: PageSection[] = [];
    const taken: Element[] = [];
    // The headings first, in one query (not every section, then each one's heading): a section's first heading is its
    // own, and a section inside one already taken (nested days) belongs to it.
    for (const heading of content.querySelectorAll(HANSARD_SELECTORS.sectionHeadings)) {
      const section = heading.parentElement as Element;
      if (taken.some((outer) => outer === section || outer.contains(section))) continue;
      if (!isFirstHeading(heading)) continue;
      const title = textOf(heading);
      if (!isSectionBill(heading, title, bills)) continue;
      taken.push(section);
      const stated = stageFromItems(leadingItems(section));
      sections.push({
        context: billContext(title, bills, {
          house: place.house,
          stage: stated?.stage ?? place.defaultStage,
          stageLabel: stated?.label ?? place.label,
          date: date ?? dateFromText(volumeDate(doc) ?? ''),
        }),
        roots: [section],
        clauseHeadings: [...section.querySelectorAll(HANSARD_SELECTORS.clauseHeadings)],
        skip: HANSARD_SKIP,
      });
    }
    return sections.length ? { adapter: hansardDay.id, sections } : null;
  },
};

/** The section's own heading is its first `h2` child; a later one is a sub-heading. */
function isFirstHeading(heading: Element): boolean {
  for (let el = heading.previousElementSibling; el; el = el.previousElementSibling)
    if (el.localName === 'h2') return false;
  return true;
}

const BILL_HEADING_TAGS: ReadonlySet<string | null> = new Set(HANSARD_SELECTORS.billHeadingTags);

/** The tag says so (an attribute read, no selector), or the title names a bill. */
function isSectionBill(heading: Element, title: string, bills: readonly BillRecord[]): boolean {
  return BILL_HEADING_TAGS.has(heading.getAttribute('data-tag')) || isBillTitle(title, bills);
}
