/**
 * Bill identity: one bill has many names on the pages we read. `Children’s Wellbeing and Schools Bill`,
 * `ChildrenSWellbeingAndSchoolsBill(FourteenthSitting)` (a Hansard URL slug), `Children and Social Work Bill [HL]`
 * and `Children and Social Work Act 2017` must all resolve to the same bill.
 */
import type { BillRecord } from '../model';

/** An `[HL]`, `(HL)` or `[Lords]` marker after a title, in a title already in lower case. */
const HOUSE_MARKER = /[[(]\s*(?:hl|lords)\s*[\])]/g;

/**
 * Folds a title to the key we compare on: lower case, no `[HL]`/`(HL)`/`[Lords]` marker, no leading `The` (or `LGA
 * briefing:`), and nothing but letters and digits (so no apostrophe of either kind). A Hansard slug
 * (`ChildrenSWellbeingAndSchoolsBill`) folds to the same key as the title it came from, because the slug's `S` is the
 * `’s` with the apostrophe dropped. Lower case first, so no pattern needs to ignore case: a page reads up to 18
 * section headings through here, and each pattern costs its compilation on the first.
 */
export function billKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(HOUSE_MARKER, ' ')
    .replace(/^\s*(?:lga\s+briefing\s*[:,-]?\s*)?(?:the\s+)?/, '')
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * True when two titles as written name the same bill: `Children’s Wellbeing and Schools Bill` and `Childrens
 * Wellbeing and Schools Bill 2024` do, `Schools Bill 2022` and `Children’s Wellbeing and Schools Bill` do not. A year
 * after the title is how speakers tell sessions apart, not part of the title pages use.
 */
export function sameBill(a: string, b: string): boolean {
  const fold = (title: string) => billKey(title.replace(/\s+(?:19|20)\d{2}\s*$/, ''));
  return fold(a) === fold(b);
}

/** Every name a bill answers to: its title, its aliases and its Act's name. */
export function billNames(bill: BillRecord): string[] {
  return [bill.title, ...bill.aliases, ...(bill.actTitle ? [bill.actTitle] : [])];
}

/**
 * The keys of the bills' own names, kept: a page asks once per section heading (18 on a Commons day), and each ask
 * folded every name of every bill again (five regular expressions and a normalisation each). `billKey` is pure, so
 * the kept key is the key; the bound keeps a long-running background from growing it without end.
 */
const NAME_KEYS = new Map<string, string>();
const MAX_NAME_KEYS = 2_000;

function nameKey(name: string): string {
  let key = NAME_KEYS.get(name);
  if (key === undefined) {
    key = billKey(name);
    if (NAME_KEYS.size >= MAX_NAME_KEYS) NAME_KEYS.clear();
    NAME_KEYS.set(name, key);
  }
  return key;
}

/** The bill a title (as written on a page or in a briefing) names, or null. */
export function resolveBill(title: string, bills: readonly BillRecord[]): BillRecord | null {
  const key = billKey(title);
  if (!key) return null;
  for (const bill of bills) {
    if (billNames(bill).some((name) => nameKey(name) === key)) return bill;
  }
  return null;
}

/** A stable id for a bill title: `Children’s Wellbeing and Schools Bill` -> `childrens-wellbeing-and-schools-bill`. */
export function billSlug(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(HOUSE_MARKER, ' ')
    .replace(/['‘’`´]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export { billTitlesIn } from './titles';
