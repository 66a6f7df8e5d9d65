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
  type HansardUrl,
  leadingItems,
  parseHansardUrl,
  stageFromItems,
  volumeDate,
} from './hansard-common';
import type { PageAdapter, PageSection, PageUnderstanding } from './types';

export const hansardDay: PageAdapter = {
  id: 'hansard-day',
  hosts: ['hansard.parliament.uk'],
  claim(url) {
    const parsed = parseHansardUrl(url);
    const place = parsed ? daySlug(parsed.slug) : null;
    return parsed && place ? (doc, bills) => readDay(doc, parsed, place, bills) : null;
  },
};

function readDay(
  doc: Document,
  parsed: HansardUrl,
  place: NonNullable<ReturnType<typeof daySlug>>,
  bills: readonly BillRecord[],
): PageUnderstanding | null {
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
      skip: HANSARD_SKIP,
    });
  }
  return sections.length ? { adapter: hansardDay.id, sections } : null;
}

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
