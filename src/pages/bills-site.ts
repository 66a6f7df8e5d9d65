/**
 * bills.parliament.uk bill pages and their tabs (`/bills/3909`, `/bills/3909/stages`, `/publications`). The page is
 * about one bill across all stages: house and stage are unknown (null). A bill that became law is titled as the Act
 * (`Children and Social Work Act 2017`) and resolves through the Act's name.
 */
import { resolveBill } from '../bills/index';
import type { BillRecord } from '../model';
import { billContext, queryFirst, textOf } from './context';
import type { PageAdapter, PageUnderstanding } from './types';

export const BILLS_SITE_SELECTORS = {
  title: ['.hero-banner h1', 'main h1', 'h1'],
  content: ['main', '#main-content', 'body'],
} as const;

const BILLS_SITE_URL = /^https?:\/\/bills\.parliament\.uk\/bills\/(\d+)(?:\/[a-z-]+(?:\/\d+)?)*\/?(?:[?#].*)?$/i;

export const billsSite: PageAdapter = {
  id: 'bills-site',
  hosts: ['bills.parliament.uk'],
  claim(url) {
    const m = BILLS_SITE_URL.exec(url.trim());
    return m ? (doc, bills) => readBillPage(doc, Number(m[1]), bills) : null;
  },
};

function readBillPage(doc: Document, parliamentId: number, bills: readonly BillRecord[]): PageUnderstanding | null {
  const title = textOf(queryFirst(doc, BILLS_SITE_SELECTORS.title)) || null;
  const record: BillRecord | null =
    bills.find((bill) => bill.parliamentId === parliamentId) ?? (title ? resolveBill(title, bills) : null);
  if (!title && !record) return null;
  const content = queryFirst(doc, BILLS_SITE_SELECTORS.content);
  if (!content) return null;
  return {
    adapter: billsSite.id,
    sections: [
      {
        context: billContext(title, bills, { house: null, stage: null, stageLabel: null, date: null }, record),
        roots: [content],
      },
    ],
  };
}
