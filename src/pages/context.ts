/** Helpers every adapter uses: bill titles, dates, the resolved context. */
import { resolveBill } from '../bills/index';
import type { BillRecord, House, PageContext, Stage } from '../model';
import { isCalendarDay, MONTH_PATTERN, monthNumber } from '../vocabulary';

const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)? ${MONTH_PATTERN},? (\d{4})\b`, 'i');

/**
 * `Volume 669: debated on Thursday 9 January 2020` (or any `9 January 2020`) -> `2020-01-09`. A date on no calendar
 * (`31 February 2020`) is no date, as when the page gives none: never a day that was not.
 */
export function dateFromText(text: string): string | null {
  const m = DAY_MONTH_YEAR.exec(text);
  if (!m) return null;
  const month = monthNumber(m[2] as string);
  if (!isCalendarDay(Number(m[3]), month, Number(m[1]))) return null;
  return `${m[3]}-${String(month).padStart(2, '0')}-${(m[1] as string).padStart(2, '0')}`;
}

/** A bill's title as a page writes it: ends in `Bill`, optionally `[HL]`, `(HL)`, `[Lords]`. */
const BILL_TITLE = /\bBill(?:\s*[[(](?:HL|Lords)[\])])?\.?$/i;

/** What a debate title may add after the bill's name: `(Fourteenth sitting)`, `(Second Reading)`, `: Report`. */
const SITTING_OR_STAGE =
  /\s*\((?:[\w-]+ sitting|first reading|second reading|third reading|report|committee|remaining stages)\)$/i;
const STAGE_AFTER_COLON = /\s*:\s*(?:second reading|third reading|report stage|committee stage)$/i;

/**
 * Drop what follows the bill's name in a debate title. Each pattern is tried only on a title with its `)` or `:`:
 * a page reads every section heading through here (18 on a Commons day, few of them with either), and an
 * ignore-case pattern costs more to compile on its first use than all the headings take to read.
 */
export function cleanBillTitle(title: string): string {
  let cleaned = title.replace(/\s+/g, ' ').trim();
  if (cleaned.endsWith(')')) cleaned = cleaned.replace(SITTING_OR_STAGE, '');
  if (cleaned.includes(':')) cleaned = cleaned.replace(STAGE_AFTER_COLON, '');
  return cleaned.trim();
}

/** True when the title names a bill: ends in `Bill [HL]`, or is a known bill's name (an Act's name counts). */
export function isBillTitle(title: string, bills: readonly BillRecord[]): boolean {
  const cleaned = cleanBillTitle(title);
  return BILL_TITLE.test(cleaned) || resolveBill(cleaned, bills) !== null;
}

export function billContext(
  title: string | null,
  bills: readonly BillRecord[],
  rest: { house: House | null; stage: Stage | null; stageLabel: string | null; date: string | null },
  record: BillRecord | null = title ? resolveBill(cleanBillTitle(title), bills) : null,
): PageContext {
  return {
    bill: record ? record.title : title ? cleanBillTitle(title) : null,
    billId: record ? record.id : null,
    ...rest,
  };
}

/** The first element matching any of the selectors, in the order given. */
export function queryFirst(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

export function textOf(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * `textOf(el).slice(0, max)`, reading only as many of its text nodes as that takes: the first speech of a debate,
 * whose opening words may state the stage, runs to thousands of characters. Once the text read holds `max`
 * characters after collapsing and trimming, what follows cannot change them.
 */
export function leadingTextOf(el: Element, max: number): string {
  const walker = (el.ownerDocument as Document).createTreeWalker(
    el,
    4 /* NodeFilter.SHOW_TEXT: no global in the CLI's DOM */,
  );
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    text = (text + (node as Text).data).replace(/\s+/g, ' ').trimStart();
    if (text.length > max) break;
  }
  return text.trimEnd().slice(0, max);
}
