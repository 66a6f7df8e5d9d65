/**
 * What the Hansard adapters share: URL shape, selectors (data: a markup change is a one-line fix), and reading a
 * section's stage from the procedure items right after its heading.
 */
import type { House, Stage } from '../model';
import { STAGE_LABEL } from '../vocabulary';
import { leadingTextOf, queryFirst, textOf } from './context';
import { parseStageLabel, stageFromMotion } from './stage';

/** The `data-tag`s of a bill section's heading on a whole-day page. */
const BILL_HEADING_TAGS = ['hs_2BillTitle', 'hs_2cBillTitle'] as const;

export const HANSARD_SELECTORS = {
  /** The debate's title in the hero banner. */
  title: ['.hero-banner-debate h1', '.hero-banner h1', 'main h1'],
  /** `Volume 669: debated on Thursday 9 January 2020`. */
  volumeLine: ['.hero-banner-debate h2.heading-level-3', '.hero-banner h2', 'h2.heading-level-3'],
  /** The breadcrumb's last item names the sitting's place (`Commons Chamber`, `Grand Committee`). */
  breadcrumbLast: '.breadcrumb li:last-child',
  /** The debate's body. */
  content: ['.primary-content', 'article', 'main'],
  /** A whole-day page's debates. */
  daySection: '.child-debate',
  /** A bill section's heading on a whole-day page. */
  billHeading: BILL_HEADING_TAGS.map((tag) => `h2[data-tag="${tag}"]`).join(', '),
  /** The same, for a heading already in hand (an attribute read, no selector). */
  billHeadingTags: BILL_HEADING_TAGS,
  /**
   * Every section's heading on a whole-day page, in one query (a non-bill-tagged heading may still name a bill, e.g.
   * in Westminster Hall): the section is the heading's parent.
   */
  sectionHeadings: '.child-debate > h2',
  item: '.debate-item',
  speech: '.contribution',
} as const;

/** Classes the index skips on Hansard beyond the defaults: speaker blocks, timestamps, tooltips, divisions' icons. */
export const HANSARD_SKIP = {
  classes: ['attributed-to', 'timestamp', 'icon-link', 'calendar-sheet', 'actions'],
};

export interface HansardUrl {
  house: House;
  date: string;
  debateId: string;
  /** Decoded slug: `Children’SWellbeingAndSchoolsBill`, `CommonsChamber`, `details`. */
  slug: string;
}

const HANSARD_DEBATE_URL =
  /^https?:\/\/hansard\.parliament\.uk\/(commons|lords)\/(\d{4}-\d{2}-\d{2})\/debates\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{14})\/([^/?#]+)\/?(?:[?#].*)?$/i;

export function parseHansardUrl(url: string): HansardUrl | null {
  const m = HANSARD_DEBATE_URL.exec(url.trim());
  if (!m) return null;
  let slug = m[4] as string;
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // a malformed escape: keep the slug as written
  }
  return {
    house: (m[1] as string).toLowerCase() as House,
    date: m[2] as string,
    debateId: m[3] as string,
    slug,
  };
}

/** Whole-day pages, by slug: the House and the stage a bill debated there is at when no label says so. */
export const DAY_SLUGS: Readonly<Record<string, { house: House; defaultStage: Stage | null; label: string | null }>> = {
  commonschamber: { house: 'commons', defaultStage: null, label: null },
  lordschamber: { house: 'lords', defaultStage: null, label: null },
  westminsterhall: { house: 'commons', defaultStage: 'other', label: 'Westminster Hall' },
  grandcommittee: { house: 'lords', defaultStage: 'committee', label: 'Grand Committee' },
};

export function daySlug(slug: string): (typeof DAY_SLUGS)[string] | null {
  return DAY_SLUGS[slug.toLowerCase()] ?? null;
}

/** A Public Bill Committee sitting: `…Bill(FourteenthSitting)`. */
export const SITTING_SLUG = /\([A-Za-z-]+Sitting\)$/;

/** How many procedure items after a heading are read for a stage line before giving up. */
const STAGE_LOOKAHEAD = 8;
/** How much of the first speech is read for the motion that names the stage: it opens the speech. */
const MOTION_CHARS = 400;

/**
 * The stage a section states in the procedure items after its heading (`<p><em>Third Reading</em></p>`,
 * `Report (2nd Day)`), skipping `[Relevant documents: …]` and `Queen’s consent signified.`; failing that, the motion
 * in the first speech (`That the Bill be now read the Third time`).
 */
export function stageFromItems(items: Iterable<Element>): { stage: Stage; label: string } | null {
  let seen = 0;
  for (const item of items) {
    if (seen++ >= STAGE_LOOKAHEAD) break;
    const speech = item.matches(HANSARD_SELECTORS.speech) ? item : item.querySelector(HANSARD_SELECTORS.speech);
    if (speech) {
      const stage = stageFromMotion(leadingTextOf(speech.querySelector('.content') ?? speech, MOTION_CHARS));
      return stage ? { stage, label: STAGE_LABEL[stage] } : null;
    }
    for (const line of linesOf(item)) {
      const stage = parseStageLabel(line);
      if (stage) return { stage, label: line };
    }
  }
  return null;
}

/**
 * The procedure items among a section's children, as far as `stageFromItems` reads: a bill's section on a whole-day
 * page has a thousand or more, and listing them all cost more than the rest of reading the page.
 */
export function leadingItems(section: Element): Element[] {
  const items: Element[] = [];
  for (
    let child = section.firstElementChild;
    child && items.length < STAGE_LOOKAHEAD;
    child = child.nextElementSibling
  ) {
    if (child.matches(HANSARD_SELECTORS.item)) items.push(child);
  }
  return items;
}

/** The text lines of a procedure item: each paragraph (or the whole item). */
function linesOf(item: Element): string[] {
  const paragraphs = [...item.querySelectorAll('p, h3, h4, h5')];
  const lines = (paragraphs.length ? paragraphs : [item]).map(textOf).filter(Boolean);
  return lines;
}

export function volumeDate(doc: Document): string | null {
  return textOf(queryFirst(doc, HANSARD_SELECTORS.volumeLine)) || null;
}
