/**
 * publications.parliament.uk bill text and amendment papers (`/pa/bills/cbill/2016-2017/0121/…_en_2.htm`,
 * `/pa/bills/cbill/2016-2017/0099/amend/children_rm_pbc_1207.1-7.html`). Printed line numbers are glued to words
 * (`1 5Corporate parenting principles`), so the section asks the scanner to strip them.
 */
import { resolveBill } from '../bills/index';
import type { BillRecord, House, Stage } from '../model';
import { STAGE_LABEL } from '../vocabulary';
import { billContext, dateFromText, textOf } from './context';
import type { PageAdapter, PageUnderstanding } from './types';

const PUBLICATIONS_URL =
  /^https?:\/\/publications\.parliament\.uk\/pa\/bills\/(cbill|lbill)\/(\d{4}-\d{4})\/(\d{4})\/([^?#]+\.html?)(?:[?#].*)?$/i;

const HOUSES: Readonly<Record<string, House>> = { cbill: 'commons', lbill: 'lords' };

/**
 * Amendment paper file names carry the stage: `children_rm_pbc_1207` (committee), `…_rm_rep_…` (report). The label is
 * the committee's own name where the file says it, otherwise the stage's label.
 */
const PAPER_STAGES: ReadonlyArray<readonly [RegExp, Stage, string?]> = [
  [/_(?:rm_)?pbc_/i, 'committee', 'Public Bill Committee'],
  [/_(?:rm_)?cwh_/i, 'committee', 'Committee of the whole House'],
  [/_(?:rm_)?(?:gc|com)_/i, 'committee'],
  [/_(?:rm_)?rep_/i, 'report'],
  [/_(?:rm_)?3rd_/i, 'third-reading'],
];

/** `Children and Social Work Bill (HC Bill 121)` / `Children and Social Work Bill [Lords]` in the page's text. */
const TITLE_IN_TEXT = /([A-Z][\w’',()\- ]{3,120}? Bill(?: \[(?:HL|Lords)\])?)(?= \((?:HC|HL) Bill\b|\s*$|\n)/m;

export const PUBLICATIONS_SELECTORS = {
  content: ['#mainTextBlock', '#content-small', 'main', 'body'],
  titleSources: ['title', 'h1', 'h2', 'p'],
} as const;

export const publications: PageAdapter = {
  id: 'publications',
  hosts: ['publications.parliament.uk'],
  claim(url) {
    const m = PUBLICATIONS_URL.exec(url.trim());
    return m ? (doc, bills) => readPaper(doc, m, bills) : null;
  },
};

/** A bill print or amendment paper, given its URL's parts (`PUBLICATIONS_URL`). */
function readPaper(doc: Document, m: RegExpExecArray, bills: readonly BillRecord[]): PageUnderstanding | null {
  const content = PUBLICATIONS_SELECTORS.content.map((s) => doc.querySelector(s)).find(Boolean) ?? null;
  if (!content) return null;
  let title: string | null = null;
  for (const selector of PUBLICATIONS_SELECTORS.titleSources) {
    for (const el of [...doc.querySelectorAll(selector)].slice(0, 40)) {
      const found = TITLE_IN_TEXT.exec(textOf(el));
      if (found) {
        title = found[1] as string;
        break;
      }
    }
    if (title) break;
  }
  const file = m[4] as string;
  const paper = /(^|\/)amend\//i.test(file) ? PAPER_STAGES.find(([pattern]) => pattern.test(file)) : undefined;
  // The paper's date is in its opening lines: fold just those, not the whole (possibly long) paper's text.
  const date = paper ? dateFromText((content.textContent ?? '').slice(0, 4000).replace(/\s+/g, ' ')) : null;
  return {
    adapter: publications.id,
    sections: [
      {
        context: billContext(
          title,
          bills,
          {
            house: HOUSES[(m[1] as string).toLowerCase()] ?? null,
            stage: paper?.[1] ?? null,
            stageLabel: paper ? (paper[2] ?? STAGE_LABEL[paper[1]]) : null,
            date,
          },
          title ? resolveBill(title, bills) : null,
        ),
        roots: [content],
        printedLineNumbers: true,
      },
    ],
  };
}
